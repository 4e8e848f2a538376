import { stem, tokenize } from '../analyzer.js'
import type { AnalyzedQuestion } from '../question.js'
import { passageById, sentenceStems, stemOf, type CorpusIndex } from '../search.js'
import type { Claim, Disagreement, Passage, Source } from '../types.js'
import { sameDate, sameNumber } from './compare.js'
import { MONTHS, WEEKDAYS } from './date.js'
import { parseNumber, UNIT_SECONDS } from './numbers.js'
import { parallelStretch } from './parallel.js'
import { gapNounOf, nounPhrases, plainWord, type PredicateFrame, predicateFrame, tagWords, type TaggedWord } from './phrase.js'
import type { ClaimValue } from './types.js'

/**
 * Question-time comparison ("compare the answers"): when a question asks for a typed value, each
 * source's best answering sentence is read for that value near the question's words, the values are
 * normalised, and sources that give different values make a disagreement on the question's topic.
 * Sources that give the same value in other words support each other. Typed patterns only (numbers
 * with units, dates, capitalised names): no word list of any event.
 */

/** The kind of value a question asks for. */
export type AskedKind = 'duration' | 'percent' | 'number' | 'date' | 'person' | 'place' | 'entity' | 'outcome'

/** Options for comparing the answers of the sources. */
export interface CompareAnswersOptions {
  /**
   * The story (group of articles about one event) a source belongs to: only sources of one story are
   * compared, so two events in one corpus never disagree. Defaults to every source in one story.
   */
  storyOf?: (sourceId: string) => string
  /** Share of the question's weighted words a source's answering passage must hold. Defaults to `0.5`. */
  minCoverage?: number
  /** Passages of one source read for its answer, best first. Defaults to 2. */
  passagesPerSource?: number
  /** Relative tolerance of a hedged number ("about 3 hours"). Defaults to `0.2`. */
  hedgeTolerance?: number
  /**
   * Least share of the question's weighted words a source's answering sentence must hold for its
   * value to be compared: a page that names many numbers and names in passing does not answer.
   * Defaults to `0.4`.
   */
  minAnswerShare?: number
}

export const DEFAULT_COMPARE_ANSWERS_OPTIONS: Required<CompareAnswersOptions> = {
  storyOf: () => '',
  minCoverage: 0.3,
  passagesPerSource: 3,
  hedgeTolerance: 0.2,
  minAnswerShare: 0.4,
}

const KIND_PATTERNS: Array<[AskedKind, RegExp]> = [
  ['duration', /\bhow\s+long\b|\bhow\s+many\s+(?:hours|minutes|days|weeks|months|years)\b/],
  ['date', /\bwhen\b|\b(?:what|which)\s+(?:year|date|day|month)\b/],
  // Measured properties in general English: the noun names a quantity, whatever the event.
  ['percent', /\b(?:what|which)\s+(?:share|percentage|proportion|fraction)\b|\bwhat\s+(?:is|was|are|were)\s+the\s+(?:\w+\s+)?(?:share|percentage|proportion|rate|turnout)\b/],
  ['number', /\bhow\s+(?:many|much|old|tall|high|far|big|large)\b|\b(?:what|which)\s+(?:number|amount)\b|\bwhat\s+(?:is|was|are|were)\s+the\s+(?:\w+\s+)?(?:population|number|length|height|area|size|total|price|cost|value|amount|toll|turnout|share|percentage|rate|capacity|elevation|depth|width|distance|weight|age|budget|revenue|attendance)\b/],
  ['place', /^\s*where\b|\b(?:in|at)\s+(?:which|what)\s+(?:city|town|village|state|country|county|province|place|region|venue)\b/],
  ['person', /^\s*(?:who|whom|whose)\b/],
]

/**
 * The kind of value `question` asks for, from its form; `entity` when it asks the name of a kind of
 * thing ("What sport…", "…of which team?"); undefined for yes/no and open questions.
 */
export function askedKindOf(question: string): AskedKind | undefined {
  const q = question.toLowerCase()
  const gap = KIND_PATTERNS.find(([, pattern]) => pattern.test(q))?.[0] ? undefined : gapNounOf(question)
  // A plural ("What concerns were raised?") asks for several things: sources naming different ones do not disagree.
  if (!gap && YES_NO.test(q)) return 'outcome'
  return KIND_PATTERNS.find(([, pattern]) => pattern.test(q))?.[0] ?? (gap && plainWord(gap) === gap ? 'entity' : undefined)
}

/** A yes/no question about whether something happened: "Was the agreement signed?", "Did police arrest anyone?". */
const YES_NO = /^\s*(?:was|were|did|has|have|had)\s+(?!there\b)/

/** What a value must not merely repeat: the question's words, and the noun it asks a name of. */
export interface AskedWords {
  /** The question's words, lower case. */
  words: Set<string>
  /** The noun an entity question asks a name of ("sport"), in its plain form. */
  gap?: string
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
  /** For an entity: how weakly its frame states it (0 typed by the asked noun, up to 80 for a bracket), counted as distance. */
  strength?: number
}

const NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen'
const HEDGES = /(?:about|around|roughly|approximately|nearly|almost|some|estimated|an estimated|over|more than|at least|up to|under|less than|fewer than)\s+$/i
const NUMBER = new RegExp(
  `(?:[$€£¥]\\s?)?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:\\s?(?:[-–]|to)\\s?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)?(?:\\s(?:million|billion|thousand|trillion))?(?:[-\\s](?:%|[\\p{L}]+))?|\\b(?:${NUMBER_WORDS})(?:[-\\s](?:${NUMBER_WORDS}))*[-\\s][\\p{L}]+`,
  'giu',
)
const MONTH_NAMES = MONTHS.map((month) => month.replace(/^./, (c) => c.toUpperCase()))
const MONTH = `(?:${MONTH_NAMES.map((name) => `${name.slice(0, 3)}(?:${name.slice(3)}|\\.)?`).join('|')})`
const WEEKDAY = `(?:${WEEKDAYS.map((day) => day.replace(/^./, (c) => c.toUpperCase())).join('|')})`
const DATE = new RegExp(`\\b(?:${WEEKDAY},?\\s+)?(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{4}|${MONTH},?\\s+\\d{4}|(?:1[0-9]|20)\\d{2}|${WEEKDAY}|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?)\\b`, 'g')
const WEEKDAY_ONLY = new RegExp(`^${WEEKDAY}$`)
const MONTH_PREFIXES = MONTH_NAMES.map((name) => new RegExp(`\\b${name.slice(0, 3)}`))
const NAME = /\b\p{Lu}[\p{L}’'.-]*(?:\s+(?:(?:de|van|von|da|di|del|bin|al|la|le)\s+)?\p{Lu}[\p{L}’'.-]*){0,5}/gu
/** Capitalised words that open a sentence or a clause without naming anyone. */
const NOT_NAMES = new Set(['The', 'A', 'An', 'In', 'On', 'At', 'He', 'She', 'It', 'They', 'His', 'Her', 'Its', 'Their', 'This', 'That', 'These', 'Those', 'After', 'Before', 'During', 'As', 'But', 'And', 'Or', 'If', 'When', 'While', 'Although', 'However', 'According', 'Since', 'From', 'For', 'With', 'By', 'Of', 'To', 'I', 'We', 'You', 'There', 'Here', 'Today', 'Yesterday', 'Mr', 'Mrs', 'Ms', 'Dr', 'Sir', 'Saint', 'St', 'Former', 'Acting', 'Interim', 'Current', 'Outgoing', 'Incoming', 'Late', 'Then'])
const UNITS_OF_TIME = new Set(Object.keys(UNIT_SECONDS))

/** Every value of `kind` in `text` (a sentence), offsets relative to `offset`. */
export function valuesIn(text: string, kind: AskedKind, offset = 0, hedgeTolerance = 0.2, asked: AskedWords = { words: new Set() }): FoundValue[] {
  const found: FoundValue[] = []
  if (kind === 'entity') return phraseValues(text, offset, asked)
  if (kind === 'outcome') return outcomeValues(text, offset, asked)
  if (kind === 'date') {
    for (const match of text.matchAll(DATE)) {
      // A date in a "since", "until", "before" or "after" phrase dates something else, for reference.
      if (/\b(?:since|until|till|before|after|by|next|last|every)\b[^,;:.()]{0,40}$/i.test(text.slice(Math.max(0, (match.index ?? 0) - 48), match.index))) continue
      // "conceded on Monday after the election": the date is of the other event, before "after".
      if (/^\s+(?:after|before|since|until|when)\b/i.test(text.slice((match.index ?? 0) + match[0].length))) continue
      const date = dateOf(match[0])
      if (date) found.push({ kind, display: match[0], comparable: { type: 'date', ...date }, start: offset + (match.index ?? 0), end: offset + (match.index ?? 0) + match[0].length })
    }
    return found
  }
  if (kind === 'person' || kind === 'place') {
    for (const match of text.matchAll(NAME)) {
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
      if (kind === 'person' && words.length < 2 && !/\bthe\s+$/i.test(text.slice(Math.max(0, start - 4), start))) continue
      if (!name || MONTH_NAMES.includes(name) || WEEKDAY_ONLY.test(name)) continue
      if (kind === 'place' && !/\b(?:in|at|near)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, start - 12), start))) continue
      found.push({ kind, display: name, comparable: { type: 'label', label: name.toLowerCase() }, start: offset + start, end: offset + start + name.length })
    }
    return found
  }
  for (const match of text.matchAll(NUMBER)) {
    const at = match.index ?? 0
    const raw = match[0]
    // A value quoted to be denied ("not 12 hours, as first reported") is no claim.
    if (/\bnot\s+(?:about\s+|even\s+)?$/i.test(text.slice(Math.max(0, at - 16), at))) continue
    const number = numberOf(raw, kind, hedgeTolerance, HEDGES.test(text.slice(Math.max(0, at - 16), at)))
    if (number) found.push({ kind, display: `${HEDGES.exec(text.slice(Math.max(0, at - 16), at))?.[0] ?? ''}${raw}`.trim(), comparable: number, start: offset + at, end: offset + at + raw.length })
  }
  return found
}

/**
 * The noun phrases of a sentence that can name what an entity question asks, trimmed of the
 * question's own words at their ends: "an Assamese-language television series" asked its
 * language gives "Assamese". A phrase holding the asked noun ("Baroque style") ranks first.
 */
function phraseValues(text: string, offset: number, asked: AskedWords): FoundValue[] {
  const isAsked = (word: TaggedWord) => word.text === '-' || asked.words.has(word.lower) || asked.words.has(plainWord(word.text)) || plainWord(word.text) === asked.gap
  const found: FoundValue[] = []
  const tagged = tagWords(text)
  // A run of capitalised words (a menu, a list of links) names many things and states none of them.
  const lettered = tagged.filter((word) => /\p{L}/u.test(word.text))
  if (lettered.length > 12 && lettered.filter((word) => /^\p{Lu}/u.test(word.text)).length > 0.6 * lettered.length) return []
  const isGap = (word: TaggedWord) => asked.gap !== undefined && plainWord(word.text) === asked.gap
  for (const phrase of nounPhrases(tagged)) {
    // A denied phrase ("there is no default tuning") states nothing.
    if (phrase.words.some((word) => word.negated)) continue
    const last = phrase.first + phrase.words.length - 1
    const at = phrase.words.findIndex(isGap)
    let words: TaggedWord[]
    let strength: number
    if (at >= 0) {
      // Typed by the asked noun: "the Whig party", "an historic First Period house", "the operator JR East", "style: Baroque".
      const after = phrase.words.slice(at + 1)
      const next = nounPhrases(tagged).find((other) => other.first === last + 2 && tagged[last + 1]?.text === ':')
      // A name after the asked noun names it ("the operator JR East"); else the words before it do ("an Assamese-language television series").
      if (after.length > 0 && after.every((word) => word.pos === 'PROPN')) words = after
      else if (next && after.length === 0) words = next.words
      else {
        words = phrase.words.slice(0, at)
        while (words.length > 1 && words[0]!.pos === 'ADJ' && !/^\p{Lu}/u.test(words[0]!.text)) words = words.slice(1)
      }
      strength = 0
    } else {
      // Only a phrase typed by the asked noun or said of the question's subject can answer; any other noun is about something else.
      const frame = predicateFrame(tagged, phrase.first, last, (word) => asked.words.has(word.lower))
      if (!frame) continue
      words = phrase.words
      strength = FRAME_STRENGTH[frame]
    }
    // A name is kept whole ("Odakyu Electric Railway"); a description loses the question's words at its ends.
    const name = words.every((word) => word.pos === 'PROPN') && words.some((word) => !isAsked(word))
    while (!name && words.length > 0 && isAsked(words[0]!)) words = words.slice(1)
    while (!name && words.length > 0 && isAsked(words[words.length - 1]!)) words = words.slice(0, -1)
    if (words.length === 0 || (strength > 0 && words.every((word) => word.pos === 'ADJ'))) continue
    // A name holding the question's words inside it is the subject's own name, not its answer.
    if (words.some((word) => word.pos === 'PROPN' && isAsked(word) && word.text !== '-')) continue
    const start = words[0]!.start
    const end = words[words.length - 1]!.end
    const label = words.filter((word) => !isAsked(word)).map((word) => plainWord(word.text)).join(' ')
    found.push({ kind: 'entity', display: text.slice(start, end), comparable: { type: 'label', label }, start: offset + start, end: offset + end, strength, ...(strength === 0 ? { typed: true } : {}) })
  }
  return found
}

/**
 * Whether a sentence says the asked thing happened: the question's verb (or the noun of its
 * action) read with wink-nlp's negation flag: "The deal was not signed" → no, "signed the deal" → yes.
 */
function outcomeValues(text: string, offset: number, asked: AskedWords): FoundValue[] {
  const stems = new Set([...asked.words].map(stem))
  const tagged = tagWords(text)
  return tagged.flatMap((word, i) => {
    if (word.pos !== 'VERB' || !stems.has(stem(word.lower))) return []
    // From the negating word to the verb: "was not signed", "did not arrest".
    const from = word.negated ? tagged.slice(0, i).reverse().find((other) => other.pos === 'PART' || other.lower === 'never' || other.lower === 'no')?.start ?? word.start : word.start
    const label = word.negated ? 'no' : 'yes'
    return [{ kind: 'outcome' as const, display: text.slice(from, word.end), comparable: { type: 'label' as const, label }, start: offset + from, end: offset + word.end, typed: true }]
  })
}

/** How far from the question's words a value of each frame counts as standing: a copula states, a bracket only labels. */
const FRAME_STRENGTH: Record<PredicateFrame, number> = { copula: 20, apposition: 40, as: 40, bracket: 80 }

/** A sentence's text from its passage (offsets are the article's): no need to decode the whole article. */
function sentenceText(passage: Passage, sentence: { start: number; end: number }): string {
  return passage.text.slice(sentence.start - passage.start, sentence.end - passage.start)
}

/** Every capitalised name in `text`, as place values: what a source names anywhere. */
function namesIn(text: string): FoundValue[] {
  return [...text.matchAll(NAME)].map((match) => {
    const name = match[0].replace(/[’']s$|[.,]$/, '')
    return { kind: 'place', display: name, comparable: { type: 'label', label: name.toLowerCase() }, start: match.index ?? 0, end: (match.index ?? 0) + name.length }
  })
}

function dateOf(text: string): { year?: number; month?: number; day?: number; weekday?: number } | undefined {
  const date: { year?: number; month?: number; day?: number; weekday?: number } = {}
  const year = /\b(\d{4})\b/.exec(text)
  if (year) date.year = Number(year[1])
  const month = MONTH_PREFIXES.findIndex((prefix) => prefix.test(text))
  if (month >= 0) date.month = month + 1
  const day = /\b(\d{1,2})(?:st|nd|rd|th)?\b/.exec(text.replace(/\b\d{4}\b/, ''))
  if (day && date.month !== undefined) date.day = Number(day[1])
  const weekday = WEEKDAYS.findIndex((name) => text.toLowerCase().includes(name))
  if (weekday >= 0) date.weekday = weekday
  if (date.year !== undefined && (date.year < 1000 || date.year > 2100)) return undefined
  return Object.keys(date).length > 0 ? date : undefined
}

function numberOf(raw: string, kind: AskedKind, tolerance: number, hedged: boolean): ClaimValue | undefined {
  const unitMatch = /(?:[-\s])(%|\p{L}+)$/u.exec(raw)
  let unitWord = unitMatch?.[1]?.toLowerCase() ?? ''
  if (['million', 'billion', 'thousand', 'trillion'].includes(unitWord) || /^\d/.test(unitWord)) unitWord = ''
  const body = unitWord ? raw.slice(0, raw.length - (unitMatch?.[0].length ?? 0)) : raw
  // A range joins two figures ("5–7"); "forty-two" is one number.
  const [lowText, highText] = body.split(/(?<=\d)\s?(?:[-–]|\bto\b)\s?(?=[\d$€£¥])/)
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
    return widen({ type: 'number', low: low * seconds, high: high * seconds, unit: 's' }, hedged, tolerance)
  }
  // A bare four-digit number is most often a year, not an amount.
  if (kind === 'number' && !unitWord && !raw.includes(',') && /^\d{4}$/.test(body.trim()) && low >= 1000 && low <= 2100) return undefined
  if (kind === 'number' && UNITS_OF_TIME.has(singular)) return undefined
  // "How many" counts: a percentage is a share, not a count; a share question wants a percentage.
  const isPercent = singular === '%' || singular === 'percent'
  if ((kind === 'number' && isPercent) || (kind === 'percent' && !isPercent)) return undefined
  const currency = /^[$€£¥]/.exec(raw)?.[0]
  return widen({ type: 'number', low, high, unit: currency ?? (isPercent ? '%' : '') }, hedged, tolerance)
}

function widen(value: Extract<ClaimValue, { type: 'number' }>, hedged: boolean, tolerance: number): ClaimValue {
  return hedged ? { ...value, low: value.low * (1 - tolerance), high: value.high * (1 + tolerance) } : value
}

/** False for amounts in two currencies (or units): their rate is not in the text, so they neither agree nor conflict. */
export function comparableValues(a: FoundValue, b: FoundValue): boolean {
  // Two things said of the subject ("a runner", "a nominee") may both be true; a thing typed by the
  // asked noun ("the Whig party") excludes another, and so does one of the same kind ("a football stadium", "a chess stadium").
  if (a.kind === 'entity' && !a.typed && !b.typed) return headOf(a) === headOf(b)
  const x = a.comparable
  const y = b.comparable
  return !(x.type === 'number' && y.type === 'number' && x.unit !== '' && y.unit !== '' && x.unit !== y.unit)
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
  if (x.type === 'date' && y.type === 'date') return sameDate(x, y)
  if (x.type === 'label' && y.type === 'label') {
    const xs = x.label.split(/\s+/)
    const ys = y.label.split(/\s+/)
    // A person's surname alone names them; a thing's last word is its kind ("ice hockey", "field hockey").
    return xs.every((word) => ys.includes(word)) || ys.every((word) => xs.includes(word)) || (a.kind !== 'entity' && xs[xs.length - 1] === ys[ys.length - 1])
  }
  return true
}

/** Share of the best source's sentence coverage another source's answering sentence needs to count as an answer. */
const ANSWERING_SHARE = 0.5

/** One source's answer to the question: its best answering sentence and the value read in it. */
export interface SourceAnswer {
  sourceId: string
  passage: Passage
  sentence: { start: number; end: number }
  /** Share of the question's weighted words the answering sentence itself covers, 0–1. */
  score: number
  value: FoundValue
  /** Every value of the kind in the source's answering passages: a source that states the other value too does not contradict it. */
  alsoStates: FoundValue[]
}

/**
 * The disagreements between the sources' answers to `analyzed`, compared within each story. Empty
 * when the question asks for no typed value or fewer than two sources answer it.
 */
export function compareAnswers(index: CorpusIndex, analyzed: AnalyzedQuestion, passageIds: string[], options: CompareAnswersOptions = {}): Disagreement[] {
  const settings = { ...DEFAULT_COMPARE_ANSWERS_OPTIONS, ...options }
  const kind = askedKindOf(analyzed.text)
  if (!kind) return []
  const readings = sourceReadings(index, analyzed, passageIds, kind, settings)
  const byStory = new Map<string, SourceReading[]>()
  for (const reading of readings) {
    const story = settings.storyOf(reading.sourceId)
    byStory.set(story, [...(byStory.get(story) ?? []), reading])
  }
  const disagreements: Disagreement[] = []
  for (const group of byStory.values()) {
    const answers = group.flatMap((reading) => (reading.answer ? [reading.answer] : []))
    const disagreement = disagreementOf(index, answers, kind, analyzed.text, settings.minAnswerShare) ?? parallelDisagreement(index, group, kind, analyzed.text, settings)
    if (disagreement) disagreements.push(disagreement)
  }
  return disagreements
}

/**
 * Two sources that write the same answering sentence but for one stretch, where that stretch holds
 * a value of the asked kind (or, for names and things, any content words), and neither source
 * states the other's value anywhere it answers.
 */
function parallelDisagreement(index: CorpusIndex, readings: SourceReading[], kind: AskedKind, question: string, settings: Required<CompareAnswersOptions>): Disagreement | undefined {
  const best = Math.max(0, ...readings.flatMap((reading) => reading.sentences.map((sentence) => sentence.score)))
  // Each answering sentence and the one after it, cut where a sentence the splitter missed ends ("…of Bursaspor. It was built…").
  const pieces = readings.flatMap((reading) =>
    reading.sentences
      .filter((sentence) => sentence.score >= ANSWERING_SHARE * best)
      .flatMap((sentence) =>
        [sentence.sentence, ...(sentence.next ? [sentence.next] : [])].flatMap((span) =>
          piecesOf(sentence.passage, span).map((piece) => ({ sourceId: reading.sourceId, passage: sentence.passage, sentence: piece, tokens: tokenize(sentenceText(sentence.passage, piece)) })),
        ),
      ),
  )
  const passagesText = new Map(readings.map((reading) => [reading.sourceId, [...new Set(reading.sentences.map((sentence) => sentence.passage))].map((passage) => passage.text.toLowerCase()).join('\n')]))
  const seen = new Set<string>()
  for (const [i, a] of pieces.entries()) {
    for (const b of pieces.slice(i + 1)) {
      if (a.sourceId === b.sourceId) continue
      const textA = sentenceText(a.passage, a.sentence)
      const textB = sentenceText(b.passage, b.sentence)
      const key = `${textA}\u0000${textB}`
      if (seen.has(key)) continue
      seen.add(key)
      const stretch = parallelStretch(a.tokens, b.tokens)
      if (!stretch) continue
      const valueA = stretchValue(textA, stretch.a, kind, settings)
      const valueB = stretchValue(textB, stretch.b, kind, settings)
      if (!valueA || !valueB || !comparableValues(valueA, valueB) || (valueA.comparable.type !== 'label' && sameFoundValue(valueA, valueB))) continue
      if (passagesText.get(b.sourceId)?.includes(valueA.display.toLowerCase()) || passagesText.get(a.sourceId)?.includes(valueB.display.toLowerCase())) continue
      const newest = newestSource(index, [a.sourceId, b.sourceId])
      const claims = [
        { piece: a, value: valueA },
        { piece: b, value: valueB },
      ].map(({ piece, value }) => claimOf(index, piece.sourceId, piece.passage, piece.sentence, value.display, [], newest === piece.sourceId))
      return { topic: topicOf(question), kind: kindOfDisagreement(kind), valueKind: kind, claims }
    }
  }
  return undefined
}

/** A sentence cut at each full stop followed by a capital that the sentence splitter did not cut at. */
function piecesOf(passage: Passage, span: { start: number; end: number }): Array<{ start: number; end: number }> {
  const text = sentenceText(passage, span)
  const pieces: Array<{ start: number; end: number }> = []
  let from = 0
  for (const match of text.matchAll(/(?<=\p{Ll}{2}[.!?])\s+(?=\p{Lu})/gu)) {
    pieces.push({ start: span.start + from, end: span.start + (match.index ?? 0) })
    from = (match.index ?? 0) + match[0].length
  }
  pieces.push({ start: span.start + from, end: span.end })
  return pieces
}

/** The value of `kind` a differing stretch holds: a typed value overlapping it, or for an entity question the stretch itself. */
function stretchValue(text: string, stretch: { start: number; end: number }, kind: AskedKind, settings: Required<CompareAnswersOptions>): FoundValue | undefined {
  const typed = valuesIn(text, kind === 'entity' ? 'place' : kind, 0, settings.hedgeTolerance).find((value) => value.start < stretch.end && value.end > stretch.start)
  // The common part of the two sentences types the stretch: it fills the same slot in both.
  if (typed) return kind === 'entity' ? { ...typed, kind, typed: true } : typed
  // A person or a place must be one: "signed in Dastra" / "signed in Corvale" does not say who signed.
  if (kind !== 'entity') return undefined
  const display = text.slice(stretch.start, stretch.end)
  return { kind, display, comparable: { type: 'label', label: display.toLowerCase() }, start: stretch.start, end: stretch.end, typed: true }
}

/** Each source's answer to the question: its best answering sentence and the value of `kind` read in it. */
export function sourceReadings(index: CorpusIndex, analyzed: AnalyzedQuestion, passageIds: string[], kind: AskedKind, settings: Required<CompareAnswersOptions>): SourceReading[] {
  const weightOf = new Map<string, number>()
  for (const term of analyzed.terms) for (const variant of term.variants) if (!variant.synonym) weightOf.set(variant.stem, Math.max(weightOf.get(variant.stem) ?? 0, term.weight * variant.weight))
  // Every question word counts alike, whatever its IDF: the subject named in every source is what makes a passage an answer.
  // Coverage is of the words the corpus uses at all: a question word no source uses ("artist") cannot tell sources apart.
  const total = analyzed.terms.filter((term) => term.variants.some((variant) => !variant.synonym && index.docFreq.has(variant.stem))).reduce((sum, term) => sum + term.weight, 0)
  if (total <= 0) return []
  const words = tokenize(analyzed.text).map((token) => token.word)
  const gap = kind === 'entity' ? gapNounOf(analyzed.text) : undefined
  const asked: AskedWords = { words: new Set([...words, ...words.map(plainWord)]), ...(gap ? { gap: plainWord(gap) } : {}) }
  const bySource = new Map<string, Passage[]>()
  const retrievedBySource = new Map<string, Passage[]>()
  for (const id of passageIds) {
    const passage = passageById(index, id)
    if (!passage) continue
    const list = bySource.get(passage.sourceId) ?? []
    if (list.length < settings.passagesPerSource) bySource.set(passage.sourceId, [...list, passage])
    retrievedBySource.set(passage.sourceId, [...(retrievedBySource.get(passage.sourceId) ?? []), passage])
  }
  return [...bySource].map(([sourceId, passages]) => answerOf(index, sourceId, passages, kind, weightOf, total, asked, retrievedBySource.get(sourceId) ?? passages, settings))
}

/** What one source says towards the question: its sentences holding the question's words, and its typed answer when it gives one. */
export interface SourceReading {
  sourceId: string
  sentences: AnsweringSentence[]
  alsoStates: FoundValue[]
  answer?: SourceAnswer
}

/** A sentence of a source that holds the question's words, and how much of them. */
export interface AnsweringSentence {
  sourceId: string
  passage: Passage
  sentence: { start: number; end: number }
  score: number
  /** The sentence after it in the passage: an answer often follows the sentence naming its subject ("…a former footballer. A defender, he…"). */
  next?: { start: number; end: number }
}

function answerOf(
  index: CorpusIndex,
  sourceId: string,
  passages: Passage[],
  kind: AskedKind,
  weightOf: Map<string, number>,
  total: number,
  asked: AskedWords,
  retrieved: Passage[],
  settings: Required<CompareAnswersOptions>,
): SourceReading {
  const sentences: AnsweringSentence[] = []
  let best: { score: number; covered: number; passage: Passage; sentence: { start: number; end: number }; value: FoundValue } | undefined
  // Places nest ("a pier near Oska", "Lake Varn"): a source naming the other place anywhere does not contradict it.
  const alsoStates: FoundValue[] = kind === 'place' ? retrieved.flatMap((passage) => namesIn(passage.text)) : []
  for (const passage of passages) {
    const covered = new Set<string>()
    // The sentences' stems are cached by the index (answering reads them too): score from them, tokenize only what may answer.
    const stemSets = sentenceStems(index, passage)
    const read = passage.sentences.flatMap((sentence, i) => {
      if (sentence.kind === 'table' || sentence.kind === 'heading') return []
      let score = 0
      for (const stem of stemSets[i] ?? []) {
        const weight = weightOf.get(stem)
        if (weight === undefined) continue
        covered.add(stem)
        score += weight
      }
      return [{ sentence, score, next: passage.sentences[i + 1] }]
    })
    const passageScore = [...covered].reduce((sum, stem) => sum + (weightOf.get(stem) ?? 0), 0)
    // The passage must be about what the question asks: its words, most of them, not a passing mention.
    if (passageScore < settings.minCoverage * total) continue
    for (const { sentence, score, next } of read) {
      // A sentence with none of the question's words neither answers it nor states another side's value near it.
      if (score === 0) continue
      sentences.push({ sourceId, passage, sentence, score, ...(next && next.kind !== 'table' && next.kind !== 'heading' ? { next } : {}) })
      const values = valuesIn(sentenceText(passage, sentence), kind, sentence.start, settings.hedgeTolerance, asked).filter((value) => !echoesQuestion(value, asked.words))
      alsoStates.push(...values)
      if (values.length === 0) continue
      const hits = tokenize(sentenceText(passage, sentence)).flatMap((token) => (weightOf.has(stemOf(index, token.word)) ? [sentence.start + token.start] : []))
      // Near the question's words, not merely the first value of the sentence.
      // A phrase holding the asked noun ("Baroque style") is typed as the answer wherever it stands.
      const distance = (value: FoundValue) => (value.typed ? 0 : (value.strength ?? 0) + (hits.length === 0 ? 200 : Math.min(...hits.map((at) => Math.abs(at - value.start)))))
      const value = [...values].sort((a, b) => distance(a) - distance(b))[0] as FoundValue
      const sentenceScore = score + 0.5 * passageScore - distance(value) / 400
      if (!best || sentenceScore > best.score) best = { score: sentenceScore, covered: score, passage, sentence, value }
    }
  }
  return { sourceId, sentences, alsoStates, ...(best ? { answer: { sourceId, passage: best.passage, sentence: best.sentence, score: best.covered / total, value: best.value, alsoStates } } : {}) }
}

/** A value the question itself gives ("Was it 12 hours?", the film's title) is not an answer to it. */
function echoesQuestion(value: FoundValue, asked: Set<string>): boolean {
  const words = tokenize(value.display).map((token) => token.word)
  if (value.kind === 'person' || value.kind === 'place' || value.kind === 'entity') return words.every((word) => asked.has(word))
  return words.some((word) => /\d/.test(word) && asked.has(word))
}

function disagreementOf(index: CorpusIndex, all: SourceAnswer[], kind: AskedKind, question: string, minAnswerShare: number): Disagreement | undefined {
  // A sentence that answers much less of the question than the best one is about something else
  // ("the fire broke out on Monday" asked when residents returned).
  const bestScore = Math.max(...all.map((answer) => answer.score))
  const group = all.filter((answer) => answer.score >= Math.max(ANSWERING_SHARE * bestScore, minAnswerShare))
  if (group.length < 2) return undefined
  // Sources giving the same value (in any words) are one side; a source that also states another
  // side's value elsewhere in its answering passages does not contradict it.
  const sides: SourceAnswer[][] = []
  for (const answer of group) {
    const side = sides.find((other) => sameFoundValue(other[0]!.value, answer.value))
    if (side) side.push(answer)
    else sides.push([answer])
  }
  if (sides.length < 2) return undefined
  // A side is contested when another side gives a comparable value and neither source states the other's value anywhere it answers.
  const states = (answer: SourceAnswer, value: FoundValue) =>
    answer.alsoStates.some((stated) => (kind === 'place' ? stated.comparable.type === 'label' && value.comparable.type === 'label' && stated.comparable.label === value.comparable.label : sameFoundValue(stated, value)))
  const contested = sides.filter((side) =>
    sides.some((other) => other !== side && comparableValues(side[0]!.value, other[0]!.value) && !other.some((answer) => states(answer, side[0]!.value)) && !side.some((answer) => states(answer, other[0]!.value))),
  )
  if (contested.length < 2) return undefined
  const newest = newestSource(index, contested.flat().map((answer) => answer.sourceId))
  const claims: Claim[] = contested.map((side) => {
    const [first, ...rest] = side as [SourceAnswer, ...SourceAnswer[]]
    return claimOf(index, first.sourceId, first.passage, first.sentence, first.value.display, rest.map((answer) => answer.sourceId), newest !== undefined && side.some((answer) => answer.sourceId === newest))
  })
  return { topic: topicOf(question), kind: kindOfDisagreement(kind), valueKind: kind, claims }
}

function kindOfDisagreement(kind: AskedKind): Disagreement['kind'] {
  if (kind === 'outcome') return 'framing'
  return kind === 'person' || kind === 'place' || kind === 'entity' ? 'role' : 'quantity'
}

/** One side of a disagreement: the value as its sentence states it, and the other sources that state it too. */
function claimOf(index: CorpusIndex, sourceId: string, passage: Passage, sentence: { start: number; end: number }, value: string, alsoIn: string[], newer: boolean): Claim {
  const sourceOf = (id: string): Source => index.sourceById.get(id) ?? { id, title: id }
  return {
    value,
    text: sentenceText(passage, sentence),
    source: sourceOf(sourceId),
    passageId: passage.id,
    ...(alsoIn.length > 0 ? { alsoIn: alsoIn.map(sourceOf) } : {}),
    ...(newer ? { newer: true } : {}),
  }
}

/** The source published last among `ids`, when they carry dates and one is strictly the latest. */
function newestSource(index: CorpusIndex, ids: string[]): string | undefined {
  const dated = ids.map((id) => ({ id, at: Date.parse(index.sourceById.get(id)?.published ?? '') })).filter((entry) => Number.isFinite(entry.at))
  if (dated.length < 2) return undefined
  dated.sort((a, b) => b.at - a.at)
  return dated[0]!.at > dated[1]!.at && dated.some((entry) => entry.at < dated[0]!.at) ? dated[0]!.id : undefined
}

/** The question as a topic: "How long did the talks last?" → "how long did the talks last". */
function topicOf(question: string): string {
  return question.trim().replace(/[?!.]+$/, '').replace(/^./, (c) => c.toLowerCase())
}
