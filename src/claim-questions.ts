import { stem } from './analyzer.js'
import { compareAnswers, type CompareAnswersOptions } from './claims/answers.js'
import { IMPLICIT_COUNTED } from './claims/count.js'
import { GENERIC_COUNTED } from './claims/measured.js'
import { CURRENCY_SYMBOLS } from './claims/money.js'
import { SMALL_NUMBERS } from './claims/numbers.js'
import { MONTHS, WEEKDAYS } from './claims/date.js'
import { MEASURE_UNITS } from './claims/units.js'
import type { ExtractedClaim } from './claims/types.js'
import { sentenceText } from './passages.js'
import { analyzeQuestion, type QuestionBridgingOptions } from './question.js'
import { tagSentence } from './claims/sentence-memo.js'
import { isNegativeSubjectAt, NEGATIVE_SUBJECTS, REFUSING, wordBeforeVerb } from './claims/outcome-answer.js'
import { passageAt, sentenceStems, stemsOf, type CorpusIndex } from './search.js'
import type { Claim, Disagreement } from './types.js'
import { HAS_LETTER, CAPITALISED } from './letter-patterns.js'

/** The word a value ends with ("12 hours" → hours). */
const LAST_WORD = /\p{L}+$/u

/**
 * Corpus-wide disagreements found by the question-time comparison (`compareAnswers`), so that
 * `npm run disagreements` lists what asking finds. The corpus-wide claims key a count by its noun
 * and its verb ("runners took part" / "runners lined up"), so two sources that count one thing
 * with different verbs, or with "two" (no corpus-wide count: "one" and "two" are as often pairs),
 * are never compared there. Here each counted thing and each sum of a story is asked as the question
 * a reader would ask, in the claim's own words ("How many paintings burglars took from the gallery
 * in a raid?", "How much the paintings were valued at?"), and the story's sources' answers are
 * compared exactly as when a reader asks it.
 */

/** Options for the questions asked of each story's claims. */
export interface ClaimQuestionOptions {
  /** Most questions asked of one story: each costs about one ask. Defaults to 24. */
  maxQuestionsPerStory?: number
  /** Most passages of one source read for a question, best first. Defaults to 3 (as `compareAnswers`). */
  passagesPerSource?: number
}

export const DEFAULT_CLAIM_QUESTION_OPTIONS: Required<ClaimQuestionOptions> = { maxQuestionsPerStory: 24, passagesPerSource: 3 }

/** Number words: "two", "hundred", "million". */
const NUMBER_WORDS = [...Object.keys(SMALL_NUMBERS), 'hundred', 'thousand', 'million', 'billion']

/** Words of a figure, dropped from the question made of its sentence: the question asks for the figure. */
const FIGURE_WORD = new RegExp(`^(?:[$£€¥]?[\\d.,]+[a-z]{0,2}|${[...NUMBER_WORDS, 'bn', 'm'].join('|')})$`, 'i')

/** The clause of a claim's text around its value: cut at the first comma, semicolon or dash after `from`. */
function clauseFrom(text: string, from: number): string {
  const rest = text.slice(from)
  const cut = rest.search(/[,;:]\s|\s[–—]\s/)
  return (cut < 0 ? text : text.slice(0, from + cut)).trim()
}

/**
 * The question a reader would ask of a count or a sum, in its claim's own words, or undefined for
 * another claim: a count of people in general ("15 injured") is asked by the claims' own topics.
 */
export function questionOfClaim(claim: ExtractedClaim): string | undefined {
  if (claim.kind !== 'quantity' || claim.headline) return undefined
  const words = (from: string) => from.split(/\s+/).filter((word) => word !== '' && !FIGURE_WORD.test(word.replace(/[-–]/g, '')))
  if (claim.dimension === 'count') {
    const [, noun] = claim.key.split(':')
    if (!noun || noun === IMPLICIT_COUNTED || GENERIC_COUNTED.has(noun)) return undefined
    const counted = claim.value.split(/\s+/).pop() ?? ''
    const at = claim.text.toLowerCase().indexOf(counted.toLowerCase())
    if (counted === '' || at < 0) return undefined
    const clause = clauseFrom(claim.text, at)
    // eslint-disable-next-line no-restricted-syntax -- it holds the counted word
    return `How many ${counted} ${words(clause.replace(new RegExp(`\\b${counted}\\b`, 'i'), '')).join(' ')}`.replace(/[.!?]*$/, '?')
  }
  if (claim.dimension === 'date') return questionOfDate(claim.text, claim.value)
  if (claim.dimension === 'money') {
    const digit = claim.text.search(/[$£€¥]?\d/)
    if (digit < 0) return undefined
    return `How much ${words(clauseFrom(claim.text, digit)).join(' ')}`.replace(/[.!?]*$/, '?')
  }
  return undefined
}

/** Verbs that date no event of their own: light verbs, verbs of saying, and those of an event's course, which its noun asks for ("When did the strike begin?"). */
const DATELESS_VERBS = new Set(['be', 'have', 'do', 'get', 'make', 'take', 'go', 'say', 'tell', 'state', 'add', 'report', 'confirm', 'announce', 'begin', 'start', 'end', 'finish', 'continue', 'return', 'expect'])

/** Words that open a clause inside a sentence, whose subject follows them. */
const SUBORDINATORS = new Set(['after', 'before', 'when', 'as', 'since', 'until', 'because', 'while', 'once', 'where'])

/** Particles of a phrasal verb: "came off", "broke out". */
const PARTICLES = new Set(['off', 'out', 'up', 'down', 'away', 'over', 'apart'])

/** Most words of a dated verb's subject kept in its question: "the Northline Freight train". */
const MAX_SUBJECT_WORDS = 4

/** The act a date in a sentence dates: its verb's lemma (with a phrasal verb's particle) and the nouns of that verb's subject. */
export interface DatedAct {
  verb: string
  subject: string[]
}

/** A word of a date: a weekday, a month or a year. */
function isDateWord(lower: string): boolean {
  return WEEKDAYS.includes(lower) || MONTHS.includes(lower) || /^(?:1[5-9]|20)\d{2}$/.test(lower)
}

/**
 * The act the date `value` dates in `text`: the nearest verb before the date's first weekday, month
 * or year within its clause, with the first nouns of that verb's clause as its subject, from the
 * sentence's start or the subordinator before the verb ("two days after a freight train derailed").
 * Undefined when no verb of an act dates it (a light verb, one of saying or of an event's course).
 */
export function datedActOf(text: string, value: string): DatedAct | undefined {
  const words = tagSentence(text)
  const wanted = new Set(value.toLowerCase().split(/[\s,]+/).filter(isDateWord))
  const at = words.findIndex((word) => wanted.has(word.lower))
  if (at < 0) return undefined
  let verb = -1
  for (let i = at - 1; i >= 0; i--) {
    const word = words[i]!
    if (word.pos === 'PUNCT' && word.text !== '-') break
    if (word.pos === 'VERB') {
      verb = i
      break
    }
  }
  const dated = words[verb]
  if (!dated || DATELESS_VERBS.has(dated.lemma) || words[verb - 1]?.lower === 'to') return undefined
  let from = 0
  for (let i = verb - 1; i >= 0; i--) {
    if (SUBORDINATORS.has(words[i]!.lower)) {
      from = i + 1
      break
    }
  }
  const subject: string[] = []
  for (let i = from; i < verb; i++) {
    const word = words[i]!
    if (word.pos === 'NOUN' || word.pos === 'PROPN') subject.push(word.text)
    else if (subject.length > 0) break
  }
  // A phrasal verb keeps its particle: "came off the tracks" asks when it came off.
  const particle = PARTICLES.has(words[verb + 1]?.lower ?? '') ? ` ${words[verb + 1]!.lower}` : ''
  return subject.length === 0 ? undefined : { verb: `${dated.lemma}${particle}`, subject: subject.slice(-MAX_SUBJECT_WORDS) }
}

/**
 * The question a reader would ask of a date in its sentence's own words ("The Northline Freight
 * train, hauling 52 wagons, derailed at about 10.50pm on Tuesday" → "When did Northline Freight
 * train derail?"), so a source dating the same act in other words is compared as when a reader asks it.
 */
export function questionOfDate(text: string, value: string): string | undefined {
  const act = datedActOf(text, value)
  return act ? `When did ${act.subject.join(' ')} ${act.verb}?` : undefined
}

/**
 * True when a side of a date's question dates the question's own act: its date's verb is the
 * question's, and its sentence names one of the act's subject nouns. A day another verb dates
 * ("residents began returning on Wednesday, two days after the fire") answers another question.
 */
function datesAct(claim: Claim, act: DatedAct): boolean {
  const own = datedActOf(claim.text, claim.value)
  if (!own || own.verb.split(' ')[0] !== act.verb.split(' ')[0]) return false
  const words = new Set(tagSentence(claim.text).map((word) => stem(word.lower)))
  return act.subject.some((noun) => words.has(stem(noun.toLowerCase())))
}

/** Tags of the words of a figure before its noun: "about 2,000", "the 17", "some 40 red". */
const FIGURE_TAGS: ReadonlySet<string> = new Set(['NUM', 'ADJ', 'ADV', 'DET'])

/** The verb a count is the subject or object of in its sentence, with its auxiliary and particle as written. */
interface CountedAct {
  /** The verb's lemma: two sides must count for the same verb. */
  lemma: string
  /** The question's words after the counted noun: "came off", "were evacuated", "did they haul". */
  words: string
}

/**
 * The verb a count of `counted` stands by in `text`: the verb right before the figure, whose object
 * it is ("carrying 186 passengers"), else the next verb of its clause, whose subject it is
 * ("Seventeen wagons … came off the track"). Undefined when neither is found, when it is a light verb
 * or one of saying, or when the noun is a unit of measure.
 */
function countedActOf(text: string, counted: string): CountedAct | undefined {
  const lower = counted.toLowerCase()
  if (MEASURE_UNITS.has(lower) || MEASURE_UNITS.has(lower.replace(/s$/, ''))) return undefined
  const words = tagSentence(text)
  const at = words.findIndex((word) => word.lower === lower)
  if (at < 0) return undefined
  // Its object when a verb stands right before the figure ("carrying 186 passengers"), else the subject of the clause's next verb.
  let before = at - 1
  while (before >= 0 && FIGURE_TAGS.has(words[before]!.pos)) before--
  let verb = words[before]?.pos === 'VERB' ? before : -1
  for (let i = at + 1; verb < 0 && i < words.length && words[i]!.pos !== 'PUNCT'; i++) if (words[i]!.pos === 'VERB') verb = i
  const word = words[verb]
  if (!word || DATELESS_VERBS.has(word.lemma)) return undefined
  const auxiliary = verb > at && words[verb - 1]?.pos === 'AUX' ? `${words[verb - 1]!.lower} ` : ''
  const particle = PARTICLES.has(words[verb + 1]?.lower ?? '') ? ` ${words[verb + 1]!.lower}` : ''
  return { lemma: word.lemma, words: verb > at ? `${auxiliary}${word.lower}${particle}` : `did they ${word.lemma}${particle}` }
}

/**
 * The short question a reader would ask of a count: the counted noun with the verb it stands by
 * ("Seventeen wagons of the Northline Freight service came off the track" → "How many wagons came
 * off?"), which another source's sentence in other words still answers, where the question in the
 * whole clause's words is answered only by its own sentence.
 */
export function shortQuestionOfCount(text: string, counted: string): { question: string; lemma: string } | undefined {
  const act = countedActOf(text, counted)
  return act ? { question: `How many ${counted} ${act.words}?`, lemma: act.lemma } : undefined
}

/** A cheap test for a sentence that may deny something: only those are tagged. */
const MAY_DENY = /\b(?:not|never|nobody|none|no|refus\w*|declin\w*|fail\w*)\b|n['’]t\b/i

/** Words that deny the verb right after them, across its auxiliaries: "not", "never", a negative subject. */
const DENYING = new Set(['not', "n't", 'n’t', 'never', ...NEGATIVE_SUBJECTS])

/**
 * True when the verb at `i` is itself denied ("had not been paid", "nobody was arrested"), not
 * merely inside a denial's scope ("could not serve drinks made with tap water" denies serving, not
 * making), and not by a modal of advice or speculation ("should not be read as failure").
 */
function deniesVerb(words: ReturnType<typeof tagSentence>, i: number): boolean {
  // The walk back stops at a denying word; a negative subject ("nobody") ends it anyway, not being an auxiliary.
  const at = wordBeforeVerb(words, i, (word) => DENYING.has(word.lower))
  const denier = words[at]
  if (!denier || !(DENYING.has(denier.lower) || isNegativeSubjectAt(words, at))) return false
  return !words.slice(Math.max(0, at - 2), at).some((other) => SPECULATING.has(other.lower))
}

/** Modals of advice or speculation: "should not be read as failure" states no outcome. */
const SPECULATING = new Set(['should', 'would', 'could', 'might', 'may', 'must'])

/** Verbs of saying: the statement, not what it states. */
const SAYING = new Set(['say', 'tell', 'state', 'add', 'report', 'confirm', 'announce'])

/**
 * The yes/no question a sentence denying an action answers ("Harwick police said that nobody had
 * been arrested" → "Was arrested Harwick police break-in?"): the denied or refused verb ("refused to
 * pay"), or the action's noun after "no" ("No arrests have been made"), with the sentence's names and nouns, so that a source
 * stating the action happened is compared by the outcome reader of question time.
 */
export function outcomeQuestionOf(sentence: string): { question: string; topic: string; action: string } | undefined {
  if (!MAY_DENY.test(sentence)) return undefined
  const words = tagSentence(sentence)
  const denied = words.find(
    (word, i) =>
      (word.pos === 'VERB' && !SAYING.has(word.lemma) && (deniesVerb(words, i) || (words[i - 1]?.lower === 'to' && REFUSING.has(stem(words[i - 2]?.lower ?? ''))))) || (word.pos === 'NOUN' && words[i - 1]?.lower === 'no'),
  )
  if (!denied) return undefined
  const named = words.filter((word) => word !== denied && (word.pos === 'PROPN' || word.pos === 'NOUN') && !NEGATIVE_SUBJECTS.has(word.lower)).map((word) => word.text)
  return { question: `Was ${[denied.text, ...named].join(' ')}?`, topic: `the outcome (${denied.lemma})`, action: stem(denied.lemma) }
}

/** A span of time in a sentence: "for 36 hours", "five days", "three-year". */
const DURATION_VALUE = new RegExp(`\\b(?:(?:for|after|within)\\s+)?(?:\\d+(?:\\.\\d+)?|${NUMBER_WORDS.join('|')})[\\s-]+(?:hours?|days?|weeks?|months?|years?|minutes?)\\b`, 'i')

/**
 * The question a reader would ask of a sentence stating how long something lasted, in the sentence's
 * own words without the span ("The stoppage lasted 36 hours" → "How long the stoppage lasted?"), with
 * the stem of its verb, or undefined when the sentence states no span or no verb is left.
 */
export function durationQuestionOf(sentence: string): { question: string; topic: string; action: string } | undefined {
  const found = DURATION_VALUE.exec(sentence)
  if (!found) return undefined
  const clause = clauseFrom(sentence, found.index)
  const rest = `${clause.slice(0, found.index)} ${clause.slice(found.index + found[0].length)}`.replace(/\s+/g, ' ').trim()
  // The question needs the event's verb: the clause must keep one beside the span it asks for.
  const verb = tagSentence(rest).find((word) => word.pos === 'VERB' && !SAYING.has(word.lemma))
  if (!verb) return undefined
  const question = `How long ${rest.replace(/^[A-Z](?=[a-z])/, (first) => first.toLowerCase())}`.replace(/\s*[.!?]*$/, '?')
  return { question, topic: `how long (${verb.lemma})`, action: stem(verb.lemma) }
}

/**
 * True when the verb closest before `value` in `text` is the action whose lemma's stem is `action`:
 * the span belongs to that verb ("searched for 14 hours"), not to another one of the sentence
 * ("took six years to build and opened two days ago").
 */
function valueOfAction(text: string, value: string, action: string): boolean {
  const at = text.indexOf(value)
  if (at < 0) return false
  const verb = tagSentence(text.slice(0, at))
    .filter((word) => word.pos === 'VERB')
    .pop()
  return verb !== undefined && (stem(verb.lemma) === action || stem(verb.lower) === action)
}

/** What each question asks: a count, a sum, a date or an outcome, and the topic it is listed under. */
interface AskedOfStory {
  kind: 'count' | 'money' | 'date' | 'duration' | 'outcome'
  topic: string
  /** For an outcome: the stem of the denied action's lemma. */
  action?: string
  /** For a date: the act it dates, which every side must date. */
  act?: DatedAct
  /** For a count's short question: the counted noun and the verb every side must count it by. */
  counted?: { noun: string; lemma: string }
}

/** A sum of money as the comparison displays it: "£2 million", "$500,000", "340 million euros": a currency's symbol or name (`CURRENCY_SYMBOLS`). */
const CURRENCY = new RegExp(
  `[${Object.keys(CURRENCY_SYMBOLS)
    .filter((name) => !HAS_LETTER.test(name))
    .join('')}]|\\b(?:${Object.keys(CURRENCY_SYMBOLS)
    .filter((name) => HAS_LETTER.test(name))
    .join('|')})\\b`,
  'i',
)

/** Counted nouns every count may stand for: "six people" counts the hostages too. */
const ANY_COUNTED = new Set(['people', 'persons'])

/**
 * The noun every side counts ("14,000 runners" / "Some 9,000 runners"), or undefined when a side
 * counts no noun ("45", an age) or another one ("412 turned", "two nights"); "people" stands for any.
 */
function countedNounOfSides(sides: readonly string[]): string | undefined {
  const nouns = sides.map((value) => LAST_WORD.exec(value)?.[0])
  if (nouns.some((noun) => noun === undefined || CAPITALISED.test(noun) || SMALL_NUMBER_WORDS.has(noun.toLowerCase()))) return undefined
  // "dockworkers" beside "workers": a compound counts a kind of its last part, so it counts that part.
  const lower = nouns.map((noun) => noun!.toLowerCase())
  const headOf = (noun: string) => lower.find((head) => head.length >= 4 && noun.length - head.length >= 3 && noun.endsWith(head)) ?? noun
  const specific = [...new Set(lower.filter((noun) => !ANY_COUNTED.has(noun)).map((noun) => stem(headOf(noun))))]
  if (specific.length > 1) return undefined
  return nouns.find((noun) => specific.length === 0 || stem(noun!.toLowerCase()) === specific[0]) ?? (specific.length === 1 ? nouns.find((noun) => stem(headOf(noun!.toLowerCase())) === specific[0]) : undefined)
}

const SMALL_NUMBER_WORDS = new Set(NUMBER_WORDS)

/**
 * The sides whose sentence shares a word with another side's, beside the figures and the sides'
 * own values: two sentences that share only the counted thing state two facts ("Three houses …
 * remain sealed off" / "30 nearby houses were told to leave").
 */
function sidesSharingWords(index: CorpusIndex, claims: Claim[]): Claim[] {
  const own = new Set(claims.flatMap((claim) => [...stemsOf(index, claim.value)]))
  const stems = claims.map((claim) => new Set([...stemsOf(index, claim.text)].filter((word) => !own.has(word) && !/\d/.test(word))))
  return claims.filter((_claim, i) => stems.some((theirs, j) => j !== i && [...stems[i]!].some((word) => theirs.has(word))))
}

/** True when `text` holds a word of the action whose lemma's stem is `action` ("arrested", "arrests" for "arrest"). */
function statesAction(text: string, action: string): boolean {
  return tagSentence(text).some((word) => stem(word.lemma) === action || stem(word.lower) === action)
}

/**
 * The sources' passages of one story, each source's ordered by how many of the question's stems
 * they hold: what retrieval would give `compareAnswers`, without searching the whole corpus.
 */
function storyPassageIds(index: CorpusIndex, sourceIds: readonly string[], question: string, perSource: number): string[] {
  const asked = stemsOf(index, question)
  const ids: string[] = []
  for (const sourceId of sourceIds) {
    const s = index.sourceNumber.get(sourceId)
    if (s === undefined) continue
    const passages = []
    for (let at = index.table.sourceStart[s] as number; at < (index.table.sourceStart[s + 1] as number); at++) {
      const passage = passageAt(index, index.table.bySourceOrdinal[at] as number)
      const held = new Set<string>()
      for (const stems of sentenceStems(index, passage)) for (const stem of stems) if (asked.has(stem)) held.add(stem)
      passages.push({ id: passage.id, held: held.size })
    }
    passages.sort((a, b) => b.held - a.held)
    ids.push(...passages.slice(0, perSource).filter((passage) => passage.held > 0).map((passage) => passage.id))
  }
  return ids
}

/**
 * The disagreements the question-time comparison finds on the counted things and sums of one
 * story's claims, each within the story, none already `listed` (a listed disagreement quoting the
 * same sentence covers it).
 */
export function claimQuestionDisagreements(
  index: CorpusIndex,
  claims: readonly ExtractedClaim[],
  sourceIds: readonly string[],
  listed: readonly Disagreement[],
  compare: CompareAnswersOptions & { bridging?: QuestionBridgingOptions } = {},
  options: ClaimQuestionOptions = {},
): Disagreement[] {
  const settings = { ...DEFAULT_CLAIM_QUESTION_OPTIONS, ...options }
  if (sourceIds.length < 2) return []
  const inStory = new Set(sourceIds)
  const quoted = new Set(listed.flatMap((disagreement) => disagreement.claims.map((claim) => claim.text)))
  // Each question with the topic its disagreement is listed under, in the words of the claims.
  const asked = new Map<string, AskedOfStory>()
  for (const claim of claims) {
    if (!inStory.has(claim.sourceId) || quoted.has(claim.text)) continue
    const counted = claim.value.split(/\s+/).pop() ?? ''
    const short = claim.dimension === 'count' && !claim.headline && questionOfClaim(claim) ? shortQuestionOfCount(claim.text, counted) : undefined
    if (short && !asked.has(short.question) && asked.size < settings.maxQuestionsPerStory) asked.set(short.question, { kind: 'count', topic: claim.topic, counted: { noun: counted, lemma: short.lemma } })
    const question = questionOfClaim(claim)
    if (!question || asked.has(question) || asked.size >= settings.maxQuestionsPerStory) continue
    if (claim.dimension === 'date') {
      const act = datedActOf(claim.text, claim.value)
      if (act) asked.set(question, { kind: 'date', topic: claim.topic, act })
    } else asked.set(question, { kind: claim.dimension === 'money' ? 'money' : 'count', topic: claim.topic })
  }
  // Outcomes have no corpus-wide claim of their own: a sentence denying an action asks whether it happened.
  const spans = new Map<string, AskedOfStory>()
  for (const sourceId of sourceIds) {
    const s = index.sourceNumber.get(sourceId)
    if (s === undefined) continue
    for (let at = index.table.sourceStart[s] as number; at < (index.table.sourceStart[s + 1] as number) && asked.size < settings.maxQuestionsPerStory; at++) {
      const passage = passageAt(index, index.table.bySourceOrdinal[at] as number)
      for (const sentence of passage.sentences) {
        if (sentence.kind === 'table' || sentence.kind === 'heading') continue
        const text = sentenceText(passage, sentence)
        if (quoted.has(text)) continue
        const outcome = outcomeQuestionOf(text)
        if (outcome && !asked.has(outcome.question) && asked.size < settings.maxQuestionsPerStory) asked.set(outcome.question, { kind: 'outcome', topic: outcome.topic, action: outcome.action })
        const span = durationQuestionOf(text)
        if (span && !spans.has(span.question)) spans.set(span.question, { kind: 'duration', topic: span.topic, action: span.action })
      }
    }
  }
  // Spans of an event's verb are asked last, with what the budget leaves: they have no corpus-wide claim of the story's own words.
  for (const [question, span] of spans) if (asked.size < settings.maxQuestionsPerStory && !asked.has(question)) asked.set(question, span)
  const { bridging, ...compareOptions } = compare
  const found: Disagreement[] = []
  for (const [question, { kind, topic, action, act, counted }] of asked) {
    const analyzed = analyzeQuestion(index, question, bridging)
    const passageIds = storyPassageIds(index, sourceIds, question, settings.passagesPerSource)
    for (const compared of compareAnswers(index, analyzed, passageIds, { ...compareOptions, storyOf: (sourceId) => (inStory.has(sourceId) ? '' : sourceId) })) {
      // A side whose sentence shares no word with any other side's but the figure and what it counts
      // states another fact ("Two runners were taken to hospital" beside the runners who started).
      const disagreement = kind === 'outcome' ? compared : { ...compared, claims: sidesSharingWords(index, compared.claims) }
      const texts = disagreement.claims.map((side) => side.text)
      if (new Set(disagreement.claims.map((side) => side.source.id)).size < 2 || new Set(disagreement.claims.map((side) => side.value)).size < 2 || texts.some((text) => quoted.has(text))) continue
      const sides = disagreement.claims.map((side) => side.value)
      let shown = topic
      if (kind === 'outcome') {
        // The question holds the denying sentence's names too, which the outcome reader takes for actions
        // ("met" for "meeting"): each side must state the denied action itself.
        if (disagreement.valueKind !== 'outcome' || !texts.every((text) => statesAction(text, action ?? ''))) continue
      } else if (kind === 'date') {
        // Every side must date the question's act of its subject: a question in a sentence's own words is answered by days of other acts too.
        if (disagreement.valueKind !== 'date' || !act || !disagreement.claims.every((side) => datesAct(side, act))) continue
        shown = disagreement.topic
      } else if (kind === 'duration') {
        // A span answers the question only when every side is one given to the question's verb ("took a year" is not how long the search lasted).
        if (disagreement.valueKind !== 'duration' || !disagreement.claims.every((side) => valueOfAction(side.text, side.value, action ?? ''))) continue
      } else if (kind === 'money') {
        if (!sides.every((value) => CURRENCY.test(value))) continue
      } else {
        // A question in a whole clause's words is answered by figures of other things too (an age, a
        // flight number, "two nights"): every side must count one thing.
        const noun = countedNounOfSides(sides)
        if (noun === undefined) continue
        // A question of a noun and a verb alone is answered by counts of the noun for other verbs ("pulled 14 sailors from the water", "All 17 sailors were brought ashore"): every side must count it by the verb.
        if (counted && !disagreement.claims.every((side) => countedActOf(side.text, side.value.split(/\s+/).pop() ?? '')?.lemma === counted.lemma)) continue
        shown = `the number of ${noun}`
      }
      for (const text of texts) quoted.add(text)
      found.push({ ...disagreement, topic: shown })
    }
  }
  return found
}
