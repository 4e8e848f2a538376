/**
 * Shares written as fractions ("about half of the oil", "by a third", "two-thirds of voters"), read
 * as percentages so that they compare with "48%" and with each other. General English only: the
 * fraction words and the units of time a fraction may measure instead ("half an hour", "the first
 * quarter of the year").
 */

/** The denominators a fraction is written with, by their word (singular and plural). */
const DENOMINATORS: Record<string, number> = { half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fifth: 5, fifths: 5, tenth: 10, tenths: 10 }
const NUMERATORS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, nine: 9 }

/** "half", "a third", "two-thirds", "three quarters"; a third, quarter or fifth needs its numerator ("the third driver" is an ordinal). */
const FRACTION = /\b(?:(a|an|one|two|three|four|nine)[-\s])?(half|halves|thirds?|quarters?|fifths?|tenths?)\b/gi

/** What follows a fraction of time or of an ordered span, not a share: "half an hour", "a quarter of the year", "half-time". */
const OF_TIME_AFTER = /^(?:[-\s](?:an?\s+)?(?:hour|minute|day|week|month|year|mile|century|decade|time|past|dozen|way|term|season|final)s?\b|\s+of\s+(?:an?\s+|the\s+)?(?:hour|minute|day|week|month|year|century|decade|season|match|game|race)s?\b)/i
/** What before a fraction makes it a part of a span or an ordinal: "the second half", "and a half", "the first quarter". */
const OF_SPAN_BEFORE = /\b(?:first|second|third|fourth|final|last|next|other|and)\s+$/i

/** Most a fraction written in words is taken to be off, in percentage points: "half" reads 45–55%. */
const FRACTION_SPREAD_POINTS = 5

/** A share written as a fraction in `text`, with its offsets there and its value in percent. */
export interface FractionMatch {
  start: number
  end: number
  percent: number
  /** How far it may be off either way, in percentage points. */
  spread: number
}

/** Every share written as a fraction in `text`, as a percentage. */
export function fractionsIn(text: string): FractionMatch[] {
  const found: FractionMatch[] = []
  for (const match of text.matchAll(FRACTION)) {
    const at = match.index ?? 0
    const numeratorWord = match[1]?.toLowerCase()
    const denominator = DENOMINATORS[(match[2] ?? '').toLowerCase()]
    if (denominator === undefined) continue
    // "the third driver", "a first quarter": only "half" stands without a numerator.
    if (numeratorWord === undefined && denominator !== 2) continue
    const numerator = numeratorWord === undefined ? 1 : (NUMERATORS[numeratorWord] ?? 1)
    if (numerator >= denominator) continue
    const after = text.slice(at + match[0].length, at + match[0].length + 40)
    const before = text.slice(Math.max(0, at - 12), at)
    if (OF_TIME_AFTER.test(after) || OF_SPAN_BEFORE.test(before)) continue
    found.push({ start: at, end: at + match[0].length, percent: (100 * numerator) / denominator, spread: FRACTION_SPREAD_POINTS })
  }
  return found
}
