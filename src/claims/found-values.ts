import { QUESTION_STOP_WORDS, stem } from '../analyzer.js'
import { dateOf, MONTHS, WEEKDAYS } from './date.js'
import { fractionsIn } from './fraction.js'
import { MEASURE_UNITS } from './units.js'
import { CURRENCY_SYMBOLS } from './money.js'
import { containsPhrase, type Hedge, hedgeSpread, LOWER_BOUND, parseNumber, SCALES, UNIT_SECONDS, UPPER_BOUND } from './numbers.js'
import { plainWord, type PredicateFrame } from './phrase.js'
import { outcomeValues, phraseValues } from './phrase-values.js'
import { actBoundOf, REFERENCE_DATE_BEFORE, type BoundedDate } from './date-bound.js'
import type { ClaimValue } from './types.js'
import { shareRound, shareSide } from './share-side.js'
import { letterRuns } from '../letter-patterns.js'
import { memoBySentence } from './sentence-memo.js'

/** A label and a capitalised word right before a value ("Population Census 2020"). */
const LABEL_BEFORE = /(\S+)\s+(\p{Lu}\p{Ll}+)\s$/u
/** The word a written value ends with ("12-mile", "12 miles"). */
const LAST_UNIT_WORD = /[-\s](\p{L}+)$/u
/** The word a written value ends with, or a percent sign. */
const LAST_UNIT = /(?:[-\s](\p{L}+)|\s?(%))$/u
const NEXT_WORD = /^\s+\p{L}+/u
const NEXT_LOWER_CASE_WORD = /^\s+(\p{Ll}+)\b/u
/** "of" and up to three words after a value ("12 hours of talks"). */
const OF_WORDS = /^\s+of\s+((?:\p{L}+\s+){0,2}\p{L}+)/u
const WORD_BEFORE = /(\p{L}+)\s+$/u

export { comparableValues, measureAlike, sameFoundValue } from './found-value-compare.js'

/**
 * The typed values a sentence holds for the kind of value a question asks for (numbers with units,
 * dates, names, noun phrases, outcomes), normalised so two sources' values can be compared.
 */

/** The kind of value a question asks for. */
export type AskedKind = 'duration' | 'percent' | 'number' | 'date' | 'person' | 'place' | 'entity' | 'outcome'

/** What a value must not merely repeat: the question's words, and the noun it asks a name of. */
export interface AskedWords {
  /** The question's words, lower case. */
  words: Set<string>
  /** The noun an entity question asks a name of ("sport"), in its plain form. */
  gap?: string
  /**
   * True for "how much": the question asks an amount (money, a share, a measure), not a headcount,
   * so "1,200 nurses" does not answer "how much of a pay rise did they get?".
   */
  amount?: boolean
  /** True for "Who leads…?", "Who is…?": a name given a title it no longer holds ("former leader X") is no answer. */
  presentHolder?: boolean
  /** True for "how many": the question asks a count, which a sum of money ("valued at £5 million") never answers. */
  count?: boolean
  /** True for "how much of": the question asks a share of a whole, which a fraction ("about half") answers. */
  share?: boolean
  /** The stems of the question's words and of their synonyms in the corpus ("talk", "negoti"): what a measured thing must be to answer. */
  related?: Set<string>
  /** The frames in which a phrase naming the subject defines it (`CompareAnswersOptions.definingFrames`). Defaults to none. */
  definingFrames?: readonly PredicateFrame[]
  /** True for a question asking what caused something: only a phrase a cause connective names answers it. */
  cause?: boolean
  /** For "What does VCD stand for?", the abbreviation ("VCD"): only the name written before it in brackets answers. */
  expands?: string
  /** The stems of the act the question asks about (`askedActStems`): a date bound to it ("will not reopen before June") answers. */
  acts?: Set<string>
  /** The stems of every act verb of the question (`clauseActStems`): a figure or a date whose clause states another act answers something else. */
  clauseActs?: Set<string>
  /** True for a question asking what something costs (`asksPrice`): a percentage does not answer it. */
  price?: boolean
  /** For "how many" of a thing ("games"), that thing in its plain form: a count of another thing ("nine points") answers something else. */
  counts?: string
  /** For "How much is the bus fare?", the stems of the thing asked (`amountAskedOf`): a percentage answers only in a clause naming it. */
  amountOf?: Set<string>
  /** The names a question asks about (`namesOf`): a share a sentence gives to another name ("48% for Rolf Dane") is not theirs. */
  names?: Set<string>
}

/** A typed value found in a sentence, with its offsets in the article. */
export interface FoundValue {
  kind: AskedKind
  /** For display: "3,559 people", "August 1, 1983", "Mahesh Bhatt". */
  display: string
  comparable: ClaimValue
  start: number
  end: number
  /** True for a phrase holding the noun an entity question asks a name of ("Baroque style"). */
  typed?: boolean
  /** For a date bound to the asked act ("reopen by May", "not before June"): which end it closes. */
  dateBound?: BoundedDate
  /** True for a figure counting part of a group ("five of the trapped workers"): a larger total does not contradict it. */
  part?: boolean
  /** What a figure counts, in its plain form ("nurse" for "1,200 nurses"): counts of different things are not compared. */
  counted?: string
  /** For an entity: how weakly its frame states it (0 typed by the asked noun, up to 80 for a bracket), counted as distance. */
  strength?: number
  /**
   * For an entity: the phrase defines the question's subject by name ("Monkey Grip is a 1977 novel",
   * "Keith Butler (baseball)"), not through a pronoun or a relation ("It is an adaptation of…"): what
   * the subject is, one of a kind, so two sources defining it in the same frame disagree.
   */
  defines?: boolean
  /**
   * For an entity: the phrase is set beside the question's subject by name in apposition ("Orla
   * Penn, a keen cyclist,"), whatever the defining frames: a bracket definition of the same name
   * ("Orla Penn (swimmer)") is contradicted by it.
   */
  namesSubject?: boolean
}

const NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen'
const HEDGES = /(?:about|around|roughly|approximately|nearly|almost|some|estimated|an estimated|over|more than|at least|up to|under|less than|fewer than)\s+(?:an?\s+)?$/i
/** A figure counting part of a group: "five of the trapped workers", "12 of them". */
const PART_AFTER = /^\S+(?:[-\s]\p{L}+)?\s+of\s+(?:the|them|those|these|whom|which)\b/iu
/** A figure after "including", "among them" or "the other": part of a group named before ("the other 11 turbines" of 12). */
const PART_BEFORE = /\b(?:including|among them|among whom|the other)\s+$/i
/** What follows a figure stated per something else: "nurse for every four patients", "doctors per ward". */
const RATIO_AFTER = /^\s*(?:\p{L}+\s+)?(?:for\s+(?:every|each)|per|to\s+every|for\s+all|an?\s+(?:year|month|week|day)\b|annually\b|yearly\b)/iu
/** "between 2 and ": the low end of a range, its figure captured. */
const BETWEEN_AND = /(?<=\bbetween\s+)([$€£¥]?\d[\d,.]*(?:\s(?:million|billion|thousand|trillion))?)\s+and\s+(?=[$€£¥]?\d)/gi
const NUMBER = new RegExp(
  `(?:[$€£¥]\\s?)?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:\\s(?:million|billion|thousand|trillion)(?=\\s+to\\s))?(?:\\s?(?:[-–]|to)\\s*(?:[$€£¥]\\s?)?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)?(?:\\s(?:million|billion|thousand|trillion)|(?:bn|m|k)\\b)?(?:\\s?%|[-\\s][\\p{L}]+)?|\\b(?:${NUMBER_WORDS})(?:[-\\s](?:${NUMBER_WORDS}))*[-\\s][\\p{L}]+`,
  'giu',
)
const MONTH_NAMES = MONTHS.map((month) => month.replace(/^./, (c) => c.toUpperCase()))
const MONTH = `(?:${MONTH_NAMES.map((name) => `${name.slice(0, 3)}(?:${name.slice(3)}|\\.)?`).join('|')})`
/** A month named alone, after a preposition of time ("in March", "by the end of May", "mid-April"): "May" alone may be a verb. */
const BARE_MONTH = `(?<=\\b(?:(?:in|by|before|after|until|till|from|since|during|of)\\s+(?:early\\s+|late\\s+)?|mid-))(?:${MONTH_NAMES.join('|')})`
const WEEKDAY = `(?:${WEEKDAYS.map((day) => day.replace(/^./, (c) => c.toUpperCase())).join('|')})`
const DATE = new RegExp(`\\b(?:${WEEKDAY},?\\s+)?(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{4}|${MONTH},?\\s+\\d{4}|(?:1[0-9]|20)\\d{2}|${WEEKDAY}|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}|${BARE_MONTH})\\b`, 'g')
const WEEKDAY_ONLY = new RegExp(`^${WEEKDAY}$`)
const NAME = /\b\p{Lu}[\p{L}’'.-]*(?:\s+(?:(?:de|van|von|da|di|del|bin|al|la|le)\s+)?\p{Lu}[\p{L}’'.-]*){0,5}/gu

/**
 * The matches of `DATE`, `NAME` and `NUMBER` in a text (a sentence's or a passage's), kept once read
 * (`memoBySentence`): the comparison reads the same answering sentences for many questions, and these
 * scans were a tenth of a "when" or "who" question's time. Shared: read them, never change them.
 */
const dateMatchesOf = memoBySentence((text: string) => [...text.matchAll(DATE)])
const nameMatchesOf = memoBySentence((text: string) => [...text.matchAll(NAME)])
const numberMatchesOf = memoBySentence((text: string) => [...text.matchAll(NUMBER)])

/** Capitalised words that open a sentence or a clause without naming anyone. */
const NOT_NAMES = new Set(['The', 'A', 'An', 'In', 'On', 'At', 'He', 'She', 'It', 'They', 'His', 'Her', 'Its', 'Their', 'This', 'That', 'These', 'Those', 'After', 'Before', 'During', 'As', 'But', 'And', 'Or', 'If', 'When', 'While', 'Although', 'However', 'According', 'Since', 'From', 'For', 'With', 'By', 'Of', 'To', 'I', 'We', 'You', 'There', 'Here', 'Today', 'Yesterday', 'Mr', 'Mrs', 'Ms', 'Dr', 'Sir', 'Saint', 'St', 'Former', 'Acting', 'Interim', 'Current', 'Outgoing', 'Incoming', 'Late', 'Then'])
const UNITS_OF_TIME = new Set(Object.keys(UNIT_SECONDS))

/** The words before a place name: "in", "at", "near", with or without "the". */
const PLACE_BEFORE = /\b(?:in|at|near)\s+(?:the\s+)?$/i

/** What follows the figure of a time of day: "pm", "a.m.", "o'clock", ":30". */
const CLOCK_AFTER = /^(?:\s?[ap]\.?m\b\.?|\s?o['’]clock\b|:\d{2}\b)/i

/** True when the figure at `at` is a time of day ("10.50pm", "9 a.m.", "9:30"): its digits are followed by `CLOCK_AFTER`. */
function isClockTime(text: string, at: number): boolean {
  const digits = /^[\d.]+/.exec(text.slice(at))?.[0] ?? ''
  return CLOCK_AFTER.test(text.slice(at + digits.length, at + digits.length + 8))
}

/** Words of motion or position before a name: "slid down Mount Tarrow", "drove along Route 9". Places, not people. */
const PATH_BEFORE = /\b(?:down|up|along|across|toward|towards|onto|beneath|below|past|over)\s+(?:the\s+)?$/i

/**
 * True when the number at `at` is part of a name: right after a capitalised word inside a sentence
 * ("buried Route 9", "aboard Flight 370"), not a count of anything. A month or weekday before it
 * ("on Monday 14 people…") and a capital that opens the sentence ("Over 300 people…") do not count.
 */
function isNumberedName(text: string, at: number): boolean {
  const label = LABEL_BEFORE.exec(text.slice(Math.max(0, at - 40), at))
  if (!label?.[1] || !label[2] || /[.!?:;"“”]$/u.test(label[1])) return false
  return !MONTH_NAMES.includes(label[2]) && !WEEKDAY_ONLY.test(label[2]) && !NOT_NAMES.has(label[2])
}

/**
 * True for a figure that is a year: a four-digit number from 1500 to 2100 written without a comma,
 * after a preposition of time ("in 2013 students enrolled") or in a range of two such years ("2010 to 2018").
 */
function isYearAt(raw: string, before: string): boolean {
  const year = /^(1[5-9]\d{2}|20\d{2}|2100)(?![\d,.])(\s?(?:[-–]|to)\s*(?:1[5-9]\d{2}|20\d{2})\b)?/.exec(raw)
  if (!year) return false
  return year[2] !== undefined || /\b(?:in|since|from|by|during|until|till|before|after|between|of)\s+$/i.test(before)
}

/** Every value of `kind` in `text` (a sentence), offsets relative to `offset`. */
export function valuesIn(text: string, kind: AskedKind, offset = 0, hedgeTolerance = 0.2, asked: AskedWords = { words: new Set() }): FoundValue[] {
  const found: FoundValue[] = []
  if (kind === 'entity') return phraseValues(text, offset, asked)
  if (kind === 'outcome') return outcomeValues(text, offset, asked)
  if (kind === 'date') {
    const asksLife = ['born', 'birth', 'died', 'death', 'die'].some((word) => asked.words.has(word))
    for (const match of dateMatchesOf(text)) {
      const before = text.slice(Math.max(0, (match.index ?? 0) - 48), match.index)
      // A date in a "since", "until", "before", "after" or "by the time" phrase dates something else, for reference;
      // so does one right after "by", "next", "last" or "every" ("by 2025", "last Tuesday"), but not
      // "confirmed by the Senate on December 8".
      // A bound right after the asked act ("will reopen by May", "will not reopen before June") says when it happens, at the latest or the earliest.
      const bound = actBoundOf(before, asked.acts)
      if (!bound && REFERENCE_DATE_BEFORE.test(before)) continue
      // "…after Tuesday's explosion, police confirmed on Thursday": the day of a report dates the report, unless the report is asked about.
      const reported = REPORTED_ON.exec(before)?.[1]
      if (reported !== undefined && !namesAsked(reported, asked)) continue
      // A birth date (after "born", or in a lifespan "(21 July 1807 – 1857)") answers only a question about birth or death.
      if (!asksLife && (/\bborn\s+(?:on\s+|in\s+)?$/i.test(before) || isLifespan(before, match[0], text.slice((match.index ?? 0) + match[0].length)))) continue
      // "conceded on Monday after the election": the date is of the other event, before "after", unless
      // the question asks about the clause the date ends ("The strike began on Tuesday after talks broke down").
      if (/^\s+(?:after|before|since|until|when)\b/i.test(text.slice((match.index ?? 0) + match[0].length)) && !namesAsked(before.split(/[,;:]/).pop() ?? '', asked)) continue
      // "the 2019 harvest crisis": a year before a noun dates that noun, which must be the question's ("a 1994 agreement").
      if (/^\d{4}$/.test(match[0]) && /\b(?:the|a|an|its|his|her|their)\s+$/i.test(before) && datesOtherNoun(text.slice((match.index ?? 0) + match[0].length), asked)) continue
      const date = dateOf(match[0])
      if (!date) continue
      const at = match.index ?? 0
      // A bound is shown with its words ("not before June"): "June" alone would misstate the source.
      const start = bound ? at - before.length + bound.at : at
      found.push({ kind, display: text.slice(start, at + match[0].length), comparable: { type: 'date', ...date }, start: offset + start, end: offset + at + match[0].length, ...(bound ? { dateBound: { bound: bound.bound, inclusive: bound.inclusive } } : {}) })
    }
    return found
  }
  if (kind === 'person' || kind === 'place') {
    for (const match of nameMatchesOf(text)) {
      let words = match[0].split(/\s+/)
      let start = match.index ?? 0
      while (words.length > 0 && NOT_NAMES.has((words[0] ?? '').replace(/[.’']s?$/, ''))) {
        start = text.indexOf(words[1] ?? '', start + (words[0]?.length ?? 0))
        words = words.slice(1)
      }
      // "Kulothunga Chola I. The…": a word that opens the next sentence is no part of the name.
      while (words.length > 1 && NOT_NAMES.has(words[words.length - 1] ?? '') && /\.$/.test(words[words.length - 2] ?? '')) words = words.slice(0, -1)
      const name = words.join(' ').replace(/[’']s$|[.,]$/, '')
      // A person's name has two words at least ("Mahesh Bhatt"); one word is a name after "The" ("The Beatles").
      // Two words or more after "the" name a thing ("the Nintendo Entertainment System"), not a person.
      const afterThe = /\bthe\s+$/i.test(text.slice(Math.max(0, start - 4), start))
      if (kind === 'person' && (words.length < 2 ? !afterThe : afterThe)) continue
      if (kind === 'person' && reportsOther(text, start, name, asked)) continue
      // "started the race in Quayside Park": a name where something happens is a place, not a person.
      if (kind === 'person' && (PLACE_BEFORE.test(text.slice(Math.max(0, start - 12), start)) || PATH_BEFORE.test(text.slice(Math.max(0, start - 16), start)))) continue
      if (!name || MONTH_NAMES.includes(name) || WEEKDAY_ONLY.test(name)) continue
      if (kind === 'place' && !PLACE_BEFORE.test(text.slice(Math.max(0, start - 12), start))) continue
      found.push({ kind, display: name, comparable: { type: 'label', label: name.toLowerCase() }, start: offset + start, end: offset + start + name.length })
    }
    return found
  }
  // "between 2 and 3 million euros" is one range, read as "2 to 3 million euros" (same offsets).
  const ranged = text.replace(BETWEEN_AND, (whole, low: string) => `${low} to${' '.repeat(whole.length - low.length - 3)}`)
  for (const match of numberMatchesOf(ranged)) {
    const at = match.index ?? 0
    const raw = match[0]
    // A value quoted to be denied ("not 12 hours, as first reported") is no claim.
    if (/\bnot\s+(?:about\s+|even\s+)?$/i.test(text.slice(Math.max(0, at - 16), at))) continue
    // "ranked 8th", "among the top two": a rank, not a count.
    if (/^(?:st|nd|rd|th)\b/i.test(text.slice(at + raw.length)) || /\btop\s+$/i.test(text.slice(Math.max(0, at - 8), at))) continue
    // "in 2013 students…", "from 2010 to 2018": a year, not a count of what follows it.
    if (isYearAt(raw, text.slice(Math.max(0, at - 16), at))) continue
    // "Route 9", "Flight 370": a number that is part of a name counts nothing.
    if (/^\d/.test(raw) && isNumberedName(text, at)) continue
    // "at about 10.50pm", "before 11 a.m.", "at 9:30": a time of day, not a count of anything.
    if (/^\d/.test(raw) && isClockTime(text, at)) continue
    // "one nurse for every four patients", "3 doctors per ward": a ratio, not a count of anything.
    if (RATIO_AFTER.test(text.slice(at + raw.length, at + raw.length + 24)) || /\b(?:every|each|per)\s+$/i.test(text.slice(Math.max(0, at - 8), at))) continue
    // "after two weeks of heavy rain" measures the rain: asked how long water flowed, it answers something else.
    if (kind === 'duration' && measuresOther(text.slice(at + raw.length, at + raw.length + 40), asked)) continue
    // "on a five-year contract" measures the contract: asked how long someone held a post, it answers something else.
    if (kind === 'duration' && modifiesOther(raw, text.slice(at + raw.length, at + raw.length + 40), asked)) continue
    const read = numberOf(raw, kind, hedgeTolerance, hedgeOf(HEDGES.exec(text.slice(Math.max(0, at - 16), at))?.[0]), asked.amount === true, asked.count === true)
    if (!read) continue
    // "62% voting against" and "71% in favour" count opposite sides, "of the first offer" and "of the second" two rounds: not two answers to one share.
    const share = read.type === 'number' && read.unit === '%'
    const side = share ? shareSide(text, at, at + raw.length) : undefined
    const round = share ? shareRound(text, at, at + raw.length) : undefined
    const number: ClaimValue = read.type === 'number' ? { ...read, ...(side ? { side } : {}), ...(round !== undefined ? { round } : {}) } : read
    // "Five of the trapped workers", "including two": a part of a whole, which a larger total does not contradict.
    // A percentage "of the contracts" is a share of a whole, not a part counted out of a group.
    const part = number.type === 'number' && number.unit !== '%' && (PART_AFTER.test(text.slice(at, at + raw.length + 16)) || PART_BEFORE.test(text.slice(Math.max(0, at - 16), at)))
    // "stop 14 times" counts the stops the question asks about ("How many stops…?"): the verb before "times" is the asked noun's verb.
    const verbed = /[-\s]times$/i.test(raw) ? askedNounVerbedBefore(text, at, asked) : undefined
    const counted = verbed?.counted ?? countedNounOf(raw)
    // "$1.2 million against the company": a function word after the figure is no part of it.
    const shown = LAST_UNIT_WORD.exec(raw)?.[1]?.toLowerCase()
    const written = shown !== undefined && QUESTION_STOP_WORDS.has(shown) && !/\d\s*[-–]/.test(raw) ? raw.slice(0, raw.length - shown.length - 1) : raw
    // "80,000 cubic metres": a unit of two words is shown whole.
    const unitTail = counted === 'cubic' || counted === 'square' ? (NEXT_WORD.exec(text.slice(at + written.length))?.[0] ?? '') : ''
    // Shown with its verb ("stop 14 times"); placed at its figure, so the verb stands near it as the question's word.
    const from = verbed?.start ?? at
    found.push({ kind, display: `${verbed ? '' : (HEDGES.exec(text.slice(Math.max(0, at - 16), at))?.[0] ?? '')}${text.slice(from, at + written.length)}${unitTail}`.trim(), comparable: number, start: offset + at, end: offset + at + raw.length, ...(part ? { part } : {}), ...(counted ? { counted } : {}) })
  }
  // A share asked for ("what share", "how much of the oil") may be written as a fraction: "about half", "a third".
  // Asked how much something changes, "cut traffic by half" answers it too.
  if (kind === 'percent' || (kind === 'number' && asked.amount)) found.push(...fractionValues(text, kind, offset, found, kind === 'percent' || asked.share === true))
  return found
}

/**
 * The shares written as fractions in `text` ("about half", "a third"), as percentages; none inside a
 * value already found. Unless `anyShare`, only a change by a share ("fell by a third").
 */
function fractionValues(text: string, kind: AskedKind, offset: number, found: FoundValue[], anyShare: boolean): FoundValue[] {
  return fractionsIn(text).flatMap(({ start, end, percent, spread }) => {
    if (found.some((value) => value.start < offset + end && offset + start < value.end)) return []
    if (!anyShare && !/\bby\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|more\s+than\s+)?$/i.test(text.slice(Math.max(0, start - 24), start))) return []
    if (/\bnot\s+(?:about\s+|even\s+)?$/i.test(text.slice(Math.max(0, start - 16), start))) return []
    const hedgeWords = HEDGES.exec(text.slice(Math.max(0, start - 16), start))?.[0]
    const hedge = hedgeOf(hedgeWords)
    const exact = { type: 'number' as const, low: percent, high: percent, unit: '%' }
    // Written in words, a fraction is itself round: "half" is about 50%, whatever the hedge before it.
    const comparable = hedge === 'lower' || hedge === 'upper' ? widen(exact, hedge, 0) : { ...exact, low: percent - spread, high: percent + spread }
    return [{ kind, display: `${hedgeWords ?? ''}${text.slice(start, end)}`.trim(), comparable, start: offset + start, end: offset + end }]
  })
}

/** A reporting verb right after a name: "Olav Grent said…", "Ada Brenn, told…". */
const REPORTS_AFTER = /^,?\s+(?:said|says|told|tells|added|noted)\b/i
const REPORTING_WORDS = ['said', 'say', 'says', 'told', 'tell', 'tells', 'added', 'noted']

/**
 * True when the name at `start` is a speaker reporting what someone else did ("Harbour master Olav
 * Grent said the captain reported…", asked who the captain was): the speaker answers a question about
 * who said something, or one whose words stand right before the name ("Its captain, Reidar Holm, told…").
 */
function reportsOther(text: string, start: number, name: string, asked: AskedWords): boolean {
  if (!REPORTS_AFTER.test(text.slice(start + name.length, start + name.length + 12))) return false
  if (REPORTING_WORDS.some((word) => asked.words.has(word))) return false
  const before = text.slice(Math.max(0, start - 40), start).toLowerCase()
  return ![...asked.words].some((word) => word.length > 3 && before.includes(word))
}

/**
 * True when a duration is followed by "of" and a thing the question does not name ("two weeks of
 * heavy rain" asked how long water flowed). A word counts as named when it shares its first four
 * letters with a question word's stem or synonym ("negotiations" for "talks", "service" for "serve").
 */
function measuresOther(after: string, asked: AskedWords): boolean {
  const of = OF_WORDS.exec(after)
  if (!of?.[1] || !asked.related) return false
  return !of[1].toLowerCase().split(/\s+/).some((word) => namesRelated(word, asked.related!))
}

/** True when `word` shares its first four letters with a question word's stem or synonym (`measuresOther`). */
function namesRelated(word: string, related: ReadonlySet<string>): boolean {
  if (word.length < 4) return false
  const prefix = stem(word).slice(0, 4)
  return [...related].some((stemmed) => stemmed.length >= 4 && stemmed.slice(0, 4) === prefix)
}

/** A verb of saying or reporting right before a date: "police confirmed on Thursday", "the council said on Monday". */
const REPORTED_ON = /\b(said|says|told|confirmed|confirms|announced|announces|reported|reports|added|stated|revealed)\s+(?:late\s+|early\s+)?(?:on|in)\s+$/i

/** The word after a hyphenated figure used as a modifier: "five-year contract", "12-hour shift". */
const MODIFIED_WORD = /^\s+(\p{Ll}+)\b(?![-'’])/u
/** A figure written as a modifier: "five-year", "12-hour". */
const HYPHENATED_FIGURE = /\d[-–]\p{L}+$|\p{L}-\p{L}+$/u

/**
 * True when a duration written as a modifier ("a five-year contract", "a 12-hour shift") stands before
 * a word the question does not name, compared as `measuresOther` compares: it measures that thing, not
 * the asked one ("How long was Ferro director?"). "3-hour talks" still answers how long the talks lasted.
 */
function modifiesOther(raw: string, after: string, asked: AskedWords): boolean {
  if (!HYPHENATED_FIGURE.test(raw)) return false
  const word = MODIFIED_WORD.exec(after)?.[1]
  if (word === undefined || QUESTION_STOP_WORDS.has(word) || !asked.related) return false
  return !namesRelated(word, asked.related) && !asked.words.has(word)
}

/** True when `after` (the text after a year) opens with a word in lower case that is no function word and none of the question's. */
function datesOtherNoun(after: string, asked: AskedWords): boolean {
  const word = NEXT_LOWER_CASE_WORD.exec(after)?.[1]
  return word !== undefined && !QUESTION_STOP_WORDS.has(word) && !namesAsked(word, asked)
}

/** True when `text` holds one of the question's content words, compared by stem. */
function namesAsked(text: string, asked: AskedWords): boolean {
  const stems = new Set([...asked.words].filter((word) => !QUESTION_STOP_WORDS.has(word)).map(stem))
  return letterRuns(text.toLowerCase()).some((word) => !QUESTION_STOP_WORDS.has(word) && stems.has(stem(word)))
}

/** True for `date` in brackets that span two dates, "(21 July 1807 – 28 September 1857)": a lifespan. */
function isLifespan(before: string, date: string, after: string): boolean {
  const opened = /\(([^()]*)$/.exec(before)
  const closed = /^([^()]*)\)/.exec(after)
  return opened !== null && closed !== null && /\d\s*[-–—]\s*\S/.test(`${opened[1]}${date}${closed[1]}`)
}


/** Every capitalised name in `text`, as place values: what a source names anywhere. */
export function namesIn(text: string): FoundValue[] {
  return nameMatchesOf(text).map((match) => {
    const name = match[0].replace(/[’']s$|[.,]$/, '')
    return { kind: 'place', display: name, comparable: { type: 'label', label: name.toLowerCase() }, start: match.index ?? 0, end: (match.index ?? 0) + name.length }
  })
}

/**
 * For a figure of "times" ("stop 14 times", "visited the site 4 times" is not read), the asked noun
 * the verb right before the figure is a form of, in its plain form ("stop" for "How many stops…?"),
 * and where that verb starts; undefined when the verb is not a form of a question word.
 */
function askedNounVerbedBefore(text: string, at: number, asked: AskedWords): { counted: string; start: number } | undefined {
  const verb = WORD_BEFORE.exec(text.slice(Math.max(0, at - 32), at))
  const word = verb?.[1]?.toLowerCase()
  if (!verb || !word || QUESTION_STOP_WORDS.has(word)) return undefined
  const verbStem = stem(word)
  const noun = [...asked.words].find((candidate) => !QUESTION_STOP_WORDS.has(candidate) && stem(candidate) === verbStem)
  return noun ? { counted: plainWord(noun), start: Math.max(0, at - 32) + verb.index } : undefined
}

/** The word after a figure when it names what is counted: a content word, not a verb form, scale, unit of time, share or currency. */
function countedNounOf(raw: string): string | undefined {
  const word = LAST_UNIT_WORD.exec(raw)?.[1]?.toLowerCase()
  if (!word || QUESTION_STOP_WORDS.has(word) || /(?:ed|ing|ly)$/.test(word) || word in SCALES || word in CURRENCY_SYMBOLS || word === 'percent') return undefined
  const plain = plainWord(word)
  return UNIT_SECONDS[plain] === undefined ? plain : undefined
}

/** How a hedge word before a figure widens it: "more than 2,000" is a floor, "up to 40" a ceiling, "about 900" both ways. */
function hedgeOf(words: string | undefined): Hedge {
  if (words === undefined) return 'exact'
  const hedge = words.trim().toLowerCase().split(/\s+/)
  if (LOWER_BOUND.some((phrase) => containsPhrase(hedge, phrase))) return 'lower'
  if (UPPER_BOUND.some((phrase) => containsPhrase(hedge, phrase))) return 'upper'
  return 'approximate'
}

function numberOf(raw: string, kind: AskedKind, tolerance: number, hedge: Hedge, amount = false, count = false): ClaimValue | undefined {
  const unitMatch = LAST_UNIT.exec(raw)
  let unitWord = (unitMatch?.[1] ?? unitMatch?.[2])?.toLowerCase() ?? ''
  if (['million', 'billion', 'thousand', 'trillion'].includes(unitWord) || /^\d/.test(unitWord)) unitWord = ''
  const body = unitWord ? raw.slice(0, raw.length - (unitMatch?.[0].length ?? 0)) : raw
  // A range joins two figures ("5–7"); "forty-two" is one number.
  const [lowText, highText] = body.split(/(?<=\d|million|billion|thousand|trillion)\s?(?:[-–]|\bto\b)\s*(?=[\d$€£¥])/)
  const scale = /\b(million|billion|thousand|trillion)\b/.exec(body)?.[1]
  const parse = (text: string | undefined) => (text === undefined ? undefined : parseNumber([...text.split(/\s+/), ...(scale && !text.includes(scale) ? [scale] : [])]))
  const low = parse(lowText)
  const high = highText === undefined ? low : parse(highText)
  if (low === undefined || high === undefined || !Number.isFinite(low) || !Number.isFinite(high) || high < low) return undefined
  const singular = unitWord.replace(/s$/, '')
  if (kind === 'duration') {
    const seconds = UNIT_SECONDS[singular]
    if (!UNITS_OF_TIME.has(singular) || seconds === undefined) return undefined
    // A talk of 10,000 hours is no claim to compare: a thousand of a unit is written in a larger one.
    if (high > 1000) return undefined
    return widen({ type: 'number', low: low * seconds, high: high * seconds, unit: 's' }, hedge, tolerance, seconds)
  }
  // A bare four-digit number is most often a year, not an amount.
  if (kind === 'number' && !unitWord && !raw.includes(',') && /^\d{4}$/.test(body.trim()) && low >= 1000 && low <= 2100) return undefined
  if (kind === 'number' && UNITS_OF_TIME.has(singular)) return undefined
  // "How many" counts: a percentage is a share, not a count; a share question wants a percentage.
  const isPercent = singular === '%' || singular === 'percent'
  if ((kind === 'number' && isPercent && !amount) || (kind === 'percent' && !isPercent)) return undefined
  const currency = /^[$€£¥]/.exec(raw)?.[0] ?? CURRENCY_SYMBOLS[unitWord]
  // "How much" asks an amount: money, a share, or a figure with no counted noun; "1,200 nurses" is a headcount.
  // A unit of measure ("40,000 gallons", "80,000 cubic metres") is an amount, not a headcount.
  if (count && currency) return undefined
  const counted = countedNounOf(raw)
  if (amount && !currency && !isPercent && counted !== undefined && !MEASURE_UNITS.has(counted)) return undefined
  return widen({ type: 'number', low, high, unit: currency ?? (isPercent ? '%' : '') }, hedge, tolerance)
}

/** A hedged figure widened: a bound opens one end; an approximate figure widens by one step of its own precision (`hedgeSpread`); `scale` is its written unit in the value's (seconds an hour). */
function widen(value: Extract<ClaimValue, { type: 'number' }>, hedge: Hedge, tolerance: number, scale = 1): ClaimValue {
  if (hedge === 'lower') return { ...value, high: Infinity }
  if (hedge === 'upper') return { ...value, low: 0 }
  return hedge === 'approximate' ? { ...value, low: value.low - hedgeSpread(value.low / scale, tolerance, scale), high: value.high + hedgeSpread(value.high / scale, tolerance, scale) } : value
}
