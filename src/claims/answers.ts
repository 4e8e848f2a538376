import { tokenize } from '../analyzer.js'
import type { AnalyzedQuestion } from '../question.js'
import { passageById, sentenceStems, stemOf, type CorpusIndex } from '../search.js'
import type { Claim, Disagreement, Passage, Source } from '../types.js'
import { sameDate, sameNumber } from './compare.js'
import { MONTHS, WEEKDAYS } from './date.js'
import { parseNumber, UNIT_SECONDS } from './numbers.js'
import type { ClaimValue } from './types.js'

/**
 * Question-time comparison ("compare the answers"): when a question asks for a typed value, each
 * source's best answering sentence is read for that value near the question's words, the values are
 * normalised, and sources that give different values make a disagreement on the question's topic.
 * Sources that give the same value in other words support each other. Typed patterns only (numbers
 * with units, dates, capitalised names): no word list of any event.
 */

/** The kind of value a question asks for. */
export type AskedKind = 'duration' | 'percent' | 'number' | 'date' | 'person' | 'place'

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
}

export const DEFAULT_COMPARE_ANSWERS_OPTIONS: Required<CompareAnswersOptions> = {
  storyOf: () => '',
  minCoverage: 0.3,
  passagesPerSource: 3,
  hedgeTolerance: 0.2,
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

/** The kind of value `question` asks for, from its form; undefined for yes/no and open questions. */
export function askedKindOf(question: string): AskedKind | undefined {
  const q = question.toLowerCase()
  return KIND_PATTERNS.find(([, pattern]) => pattern.test(q))?.[0]
}

/** A typed value found in a sentence, with its offsets in the article. */
export interface FoundValue {
  kind: AskedKind
  /** For display: "3,559 people", "August 1, 1983", "Mahesh Bhatt". */
  display: string
  comparable: ClaimValue
  start: number
  end: number
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
export function valuesIn(text: string, kind: AskedKind, offset = 0, hedgeTolerance = 0.2): FoundValue[] {
  const found: FoundValue[] = []
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
  const x = a.comparable
  const y = b.comparable
  return !(x.type === 'number' && y.type === 'number' && x.unit !== '' && y.unit !== '' && x.unit !== y.unit)
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
    return xs.every((word) => ys.includes(word)) || ys.every((word) => xs.includes(word)) || xs[xs.length - 1] === ys[ys.length - 1]
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
  /** How much of the question the answering sentence itself covers. */
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
  const answers = sourceAnswers(index, analyzed, passageIds, kind, settings)
  const byStory = new Map<string, SourceAnswer[]>()
  for (const answer of answers) {
    const story = settings.storyOf(answer.sourceId)
    byStory.set(story, [...(byStory.get(story) ?? []), answer])
  }
  const disagreements: Disagreement[] = []
  for (const group of byStory.values()) {
    const disagreement = disagreementOf(index, group, kind, analyzed.text)
    if (disagreement) disagreements.push(disagreement)
  }
  return disagreements
}

/** Each source's answer to the question: its best answering sentence and the value of `kind` read in it. */
export function sourceAnswers(index: CorpusIndex, analyzed: AnalyzedQuestion, passageIds: string[], kind: AskedKind, settings: Required<CompareAnswersOptions>): SourceAnswer[] {
  const weightOf = new Map<string, number>()
  for (const term of analyzed.terms) for (const variant of term.variants) if (!variant.synonym) weightOf.set(variant.stem, Math.max(weightOf.get(variant.stem) ?? 0, term.weight * variant.weight))
  // Every question word counts alike, whatever its IDF: the subject named in every source is what makes a passage an answer.
  // Coverage is of the words the corpus uses at all: a question word no source uses ("artist") cannot tell sources apart.
  const total = analyzed.terms.filter((term) => term.variants.some((variant) => !variant.synonym && index.docFreq.has(variant.stem))).reduce((sum, term) => sum + term.weight, 0)
  if (total <= 0) return []
  const asked = new Set(tokenize(analyzed.text).map((token) => token.word))
  const bySource = new Map<string, Passage[]>()
  const retrievedBySource = new Map<string, Passage[]>()
  for (const id of passageIds) {
    const passage = passageById(index, id)
    if (!passage) continue
    const list = bySource.get(passage.sourceId) ?? []
    if (list.length < settings.passagesPerSource) bySource.set(passage.sourceId, [...list, passage])
    retrievedBySource.set(passage.sourceId, [...(retrievedBySource.get(passage.sourceId) ?? []), passage])
  }
  const answers: SourceAnswer[] = []
  for (const [sourceId, passages] of bySource) {
    const answer = answerOf(index, sourceId, passages, kind, weightOf, total, asked, retrievedBySource.get(sourceId) ?? passages, settings)
    if (answer) answers.push(answer)
  }
  return answers
}

function answerOf(
  index: CorpusIndex,
  sourceId: string,
  passages: Passage[],
  kind: AskedKind,
  weightOf: Map<string, number>,
  total: number,
  asked: Set<string>,
  retrieved: Passage[],
  settings: Required<CompareAnswersOptions>,
): SourceAnswer | undefined {
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
      return [{ sentence, score }]
    })
    const passageScore = [...covered].reduce((sum, stem) => sum + (weightOf.get(stem) ?? 0), 0)
    // The passage must be about what the question asks: its words, most of them, not a passing mention.
    if (passageScore < settings.minCoverage * total) continue
    for (const { sentence, score } of read) {
      // A sentence with none of the question's words neither answers it nor states another side's value near it.
      if (score === 0) continue
      const values = valuesIn(sentenceText(passage, sentence), kind, sentence.start, settings.hedgeTolerance).filter((value) => !echoesQuestion(value, asked))
      alsoStates.push(...values)
      if (values.length === 0) continue
      const hits = tokenize(sentenceText(passage, sentence)).flatMap((token) => (weightOf.has(stemOf(index, token.word)) ? [sentence.start + token.start] : []))
      // Near the question's words, not merely the first value of the sentence.
      const distance = (value: FoundValue) => (hits.length === 0 ? 200 : Math.min(...hits.map((at) => Math.abs(at - value.start))))
      const value = [...values].sort((a, b) => distance(a) - distance(b))[0] as FoundValue
      const sentenceScore = score + 0.5 * passageScore - distance(value) / 400
      if (!best || sentenceScore > best.score) best = { score: sentenceScore, covered: score, passage, sentence, value }
    }
  }
  return best ? { sourceId, passage: best.passage, sentence: best.sentence, score: best.covered, value: best.value, alsoStates } : undefined
}

/** A value the question itself gives ("Was it 12 hours?", the film's title) is not an answer to it. */
function echoesQuestion(value: FoundValue, asked: Set<string>): boolean {
  const words = tokenize(value.display).map((token) => token.word)
  if (value.kind === 'person' || value.kind === 'place') return words.every((word) => asked.has(word))
  return words.some((word) => /\d/.test(word) && asked.has(word))
}

function disagreementOf(index: CorpusIndex, all: SourceAnswer[], kind: AskedKind, question: string): Disagreement | undefined {
  // A sentence that answers much less of the question than the best one is about something else
  // ("the fire broke out on Monday" asked when residents returned).
  const bestScore = Math.max(...all.map((answer) => answer.score))
  const group = all.filter((answer) => answer.score >= ANSWERING_SHARE * bestScore)
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
    const source = index.sourceById.get(first.sourceId) ?? ({ id: first.sourceId, title: first.sourceId } as Source)
    const text = sentenceText(first.passage, first.sentence)
    return {
      value: first.value.display,
      text,
      source,
      passageId: first.passage.id,
      ...(rest.length > 0 ? { alsoIn: rest.map((answer) => index.sourceById.get(answer.sourceId) ?? { id: answer.sourceId, title: answer.sourceId }) } : {}),
      ...(newest !== undefined && side.some((answer) => answer.sourceId === newest) ? { newer: true } : {}),
    }
  })
  return { topic: topicOf(question), kind: kind === 'person' || kind === 'place' ? 'role' : 'quantity', valueKind: kind, claims }
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
