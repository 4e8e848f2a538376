import { sameDate, sameNumber } from './compare.js'
import { boundComparable, sameBoundedDate } from './date-bound.js'
import type { FoundValue } from './found-values.js'
import { GENERIC_COUNTED, isCompoundOf } from './measured.js'
import { CURRENCY_SYMBOLS, currenciesApart } from './money.js'
import { MEASURE_UNITS } from './units.js'
import { FRAME_STRENGTH } from './phrase-values.js'

// Whether two values a question's sources give can be compared, and whether they agree.

/** False for amounts in two currencies (or units): their rate is not in the text, so they neither agree nor conflict. */
export function comparableValues(a: FoundValue, b: FoundValue): boolean {
  // Two things said of the subject ("a runner", "a nominee") may both be true; a thing typed by the
  // asked noun ("the Whig party") excludes another, and so does one of the same kind ("a football stadium", "a chess stadium").
  if (a.kind === 'entity' && !a.typed && !b.typed) return headOf(a) === headOf(b) || (a.defines === true && b.defines === true && a.strength === b.strength) || bracketAgainstApposition(a, b) || bracketAgainstApposition(b, a)
  const x = a.comparable
  const y = b.comparable
  if (x.type === 'date' && y.type === 'date') return boundComparable(x, a.dateBound, y, b.dateBound)
  if (x.type !== 'number' || y.type !== 'number') return true
  // A part no larger than the other figure may be a part of it: "five of the trapped workers" against "12 were trapped".
  if ((a.part && x.high <= y.high) || (b.part && y.high <= x.high)) return false
  // Counts of different things ("1,200 nurses", "four patients") are not two answers to one question.
  // People in general ("2,300 people") may be any of them ("2,000 residents").
  const specific = (value: FoundValue) => (value.counted !== undefined && !GENERIC_COUNTED.has(value.counted) ? value.counted : undefined)
  // A kind of the other's thing counts it too: "1,200 dockworkers" against "1,500 workers".
  const [p, q] = [specific(a), specific(b)]
  if (p !== undefined && q !== undefined && p !== q && !isCompoundOf(p, q) && !isCompoundOf(q, p)) return false
  // An amount of money against a figure of a counted thing ("£30 million", "3m cubic metres") measures two things.
  if ((x.unit !== '' && x.unit !== '%' && specific(b) !== undefined) || (y.unit !== '' && y.unit !== '%' && specific(a) !== undefined)) return false
  // Nor does an amount of money or of a unit of measure against a bare figure that names neither ("320
  // million euros" or "7 kilometres" against the "5" of "by 10 votes to 5"): a bare figure of millions may
  // be a sum whose currency the sentence leaves out, a small one is not.
  const money = (value: FoundValue) => value.comparable.type === 'number' && value.comparable.unit !== '' && value.comparable.unit !== '%'
  const measure = (value: FoundValue) => value.counted !== undefined && MEASURE_UNITS.has(value.counted)
  const bare = (value: FoundValue) => value.comparable.type === 'number' && value.comparable.unit === '' && value.counted === undefined
  const millions = (value: FoundValue) => value.comparable.type === 'number' && value.comparable.high >= 1_000_000
  if ((money(a) && bare(b) && !millions(b)) || (money(b) && bare(a) && !millions(a)) || (measure(a) && bare(b)) || (measure(b) && bare(a))) return false
  // Amounts in two currencies compare only when no rate could make them one ("$6 million", "€1.5 million").
  return !(x.unit !== '' && y.unit !== '' && x.unit !== y.unit) || currenciesApart(x, y)
}

/**
 * True when two values measure one kind of thing, comparable or not: two amounts of money in any
 * currencies, or values `comparableValues` compares. A share and a sum of money measure two things.
 */
export function measureAlike(a: FoundValue, b: FoundValue): boolean {
  const money = (value: FoundValue) => value.comparable.type === 'number' && Object.values(CURRENCY_SYMBOLS).includes(value.comparable.unit)
  return comparableValues(a, b) || (money(a) && money(b))
}

/**
 * True when `a` defines the subject in a bracket after its name ("Orla Penn (swimmer)") and `b` is
 * set beside the same name in apposition ("Orla Penn, a keen cyclist,"): a bracket tells namesakes
 * apart by what each is, so a description of the name in apposition that is not of its kind
 * contradicts it. Two appositions ("a runner", "a nominee") may both be true and stay uncompared.
 */
function bracketAgainstApposition(a: FoundValue, b: FoundValue): boolean {
  return a.defines === true && a.strength === FRAME_STRENGTH.bracket && b.namesSubject === true
}

/** The last word of a label: the kind of thing it names. */
function headOf(value: FoundValue): string | undefined {
  return value.comparable.type === 'label' ? value.comparable.label.split(' ').pop() : undefined
}

/** True when two found values agree: same number within hedges and ranges, same date fields, one name within the other. */
export function sameFoundValue(a: FoundValue, b: FoundValue): boolean {
  const x = a.comparable
  const y = b.comparable
  if (x.type === 'number' && y.type === 'number') return comparableValues(a, b) && sameNumber({ ...x, unit: '' }, { ...y, unit: '' })
  if (x.type === 'date' && y.type === 'date') return a.dateBound || b.dateBound ? sameBoundedDate(x, a.dateBound, y, b.dateBound) : sameDate(x, y)
  if (x.type === 'label' && y.type === 'label') {
    const xs = x.label.split(/\s+/)
    const ys = y.label.split(/\s+/)
    // A person's surname alone names them; a thing's last word is its kind ("ice hockey", "field hockey").
    return xs.every((word) => ys.includes(word)) || ys.every((word) => xs.includes(word)) || (a.kind !== 'entity' && xs[xs.length - 1] === ys[ys.length - 1])
  }
  return true
}
