import { INDEX_STOP_WORDS, QUESTION_STOP_WORDS, tokenize } from './analyzer.js'
import { MONTHS, WEEKDAYS } from './claims/date.js'
import { partsOfSpeech, type QuestionTerm } from './question.js'
import { stemOf, type CorpusIndex } from './search.js'
import { HAS_CAPITAL, HAS_LETTER_OR_DIGIT } from './letter-patterns.js'

const CAPITAL_AFTER_SPACE = /\s\p{Lu}/u

/**
 * The names a follow-up's pronoun may stand for: the capitalised words of the previous answer's
 * quotes that name someone or something, nearest first to where the previous question's words stand.
 */

/** Most names taken from the previous answer: a quote can name many people in passing. */
const MAX_ANSWER_NAMES = 6
/** How many of the previous answer's quotes are read for the name a pronoun stands for. */
const NAME_QUOTES = 3
/** Words between a name and the question's words for the name to answer them ("The mayor, Dorota Kell"). */
const NEXT_TO_ANCHOR = 1
/** Words between a name and the question's words past which the name answers something else. */
const MAX_NAME_DISTANCE = 3
/** Days and months are written capitalised but name no one a pronoun could point at. */
const CALENDAR_WORDS: ReadonlySet<string> = new Set([...WEEKDAYS, ...MONTHS])

/** How the articles refer to a person: by "he" or by "she" (`nameUse`). */
export type Gender = 'he' | 'she'

/** Most articles read to tell how they refer to a name: the first few that use it say it as well as all. */
const GENDER_SOURCES = 8
/** Characters read after a name for the pronoun that refers to it: the rest of a long sentence and the next one's start. */
const SENTENCE_READ_CHARS = 600
/** Courtesy titles written right before a name ("Ms Kimani", "Mr Vance"): closed-class English. */
const TITLE_BEFORE: ReadonlyArray<{ gender: Gender; pattern: RegExp }> = [
  { gender: 'he', pattern: /\b(?:Mr|Mister|Sir|Lord)\.?\s+(?:\p{Lu}[\p{L}'’-]*\s+)?$/u },
  { gender: 'she', pattern: /\b(?:Ms|Mrs|Miss|Madam|Lady|Dame)\.?\s+(?:\p{Lu}[\p{L}'’-]*\s+)?$/u },
]
/** A subject pronoun that refers to a person by gender. */
const SUBJECT_PRONOUN = /^(?:he|she)$/i
/** "said he", "told reporters she", "said that he": the pronoun a name's own report goes on with, a few words after it. */
const REPORTED_SUBJECT = /^(?:[\s,]+[\p{L}'’-]+){0,3}?[\s,]+(?:said|says|told\s+\p{L}+|added|announced|insisted|explained|warned|promised|admitted|denied|claimed)(?:\s+that)?\s+(he|she)\b/iu
/** A person's pronouns by gender, as in `GENDERED_PRONOUNS` of a question. */
const PRONOUN_OF: Readonly<Record<Gender, RegExp>> = { he: /^(?:he|him|his|himself)$/i, she: /^(?:she|her|hers|herself)$/i }

/** How the articles use a capitalised word (see `nameUse`). */
export interface NameUse {
  /** The pronoun the articles refer to it by; absent when they never say (an organisation, a place). */
  gender?: Gender
  /** True when they also write it in lower case inside a sentence ("the agency"): a common noun, no person's name. */
  common: boolean
}

/**
 * How the articles use the word that ends a name ("Kimani"), read in the first few articles that use
 * it: "she" when they write "Ms Kimani", "Kimani said she …", or open the sentence after one naming
 * her with "She", more often than the male forms; and whether they write it in lower case too
 * ("Regional Environment Agency", "the agency"; a person named Rose would be taken for a common noun
 * too). A follow-up's "she" cannot mean a man the articles call "he", nor an agency; and no list of
 * first names is needed to know it.
 */
export function nameUse(index: CorpusIndex, word: string): NameUse {
  const counts: Record<Gender, number> = { he: 0, she: 0 }
  let common = false
  // eslint-disable-next-line no-restricted-syntax -- it holds the name
  const name = new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'giu')
  for (const source of [...sourcesWith(index, [stemOf(index, word)])].slice(0, GENDER_SOURCES)) {
    const text = index.readText(source)
    for (const match of text.matchAll(name)) {
      if (!HAS_CAPITAL.test(match[0].charAt(0))) {
        // A name is capitalised wherever it stands, so a lower-case use is a common noun's.
        common = true
        continue
      }
      const before = text.slice(Math.max(0, match.index - 40), match.index)
      const titled = TITLE_BEFORE.find(({ pattern }) => pattern.test(before))
      if (titled) {
        counts[titled.gender]++
        continue
      }
      // The subject of what the name's sentence reports ("Osei said he …"), else of the next sentence
      // ("Vance apologised. He said …"). Not any pronoun after the name: in "Judge Okafor sentenced
      // Lamm and ordered him to repay the money he received", "him" and "he" are Lamm.
      const after = text.slice(match.index + match[0].length, match.index + match[0].length + SENTENCE_READ_CHARS)
      const end = /[.!?]["”’]?(?:\s+|$)/.exec(after)
      const reported = REPORTED_SUBJECT.exec(end ? after.slice(0, end.index) : after)?.[1]
      // The next sentence's pronoun may be someone the name's sentence names after it ("Pike said Mira
      // had been calm … She was carried back"): it counts only when no other name follows.
      const namesAnother = end !== null && CAPITAL_AFTER_SPACE.test(after.slice(0, end.index))
      const next = end && !namesAnother ? tokenize(after.slice(end.index + end[0].length))[0]?.word : undefined
      const pronoun = reported ?? (next !== undefined && SUBJECT_PRONOUN.test(next) ? next : undefined)
      if (pronoun) counts[PRONOUN_OF.he.test(pronoun) ? 'he' : 'she']++
    }
  }
  const gender = counts.he > counts.she ? 'he' : counts.she > counts.he ? 'she' : undefined
  return gender ? { gender, common } : { common }
}

/** The numbers of the sources whose passages hold any of `stems`. */
export function sourcesWith(index: CorpusIndex, stems: readonly string[]): Set<number> {
  const sources = new Set<number>()
  for (const stem of stems) {
    const id = index.postings.termIds.get(stem)
    if (id === undefined) continue
    for (const field of index.postings.fields) {
      for (let i = field.offsets[id] as number; i < (field.offsets[id + 1] as number); i++) sources.add(index.table.source[field.docs[i] as number] as number)
    }
  }
  return sources
}

/** True when `term` is written as a name in `text`: capitalised somewhere other than the text's first word. */
export function isNameIn(text: string, term: QuestionTerm): boolean {
  const first = HAS_LETTER_OR_DIGIT.exec(text)?.index ?? 0
  for (const token of tokenize(text)) {
    if (token.word === term.asked && token.start > first && HAS_CAPITAL.test(text.charAt(token.start))) return true
  }
  return false
}

/**
 * Capitalised words of `text` that are not the first word of a sentence, nor function words, days or
 * months, and that the corpus knows and the conversation has not `asked` already: the names a
 * follow-up's "he", "they" or "it" most likely means. When the text holds the previous question's
 * words (`anchors`), only the run of names nearest to where most of them stand together is kept:
 * "Trade Minister Erik Solberg and Veskan Trade Minister Hana Novak" answers "who is the Veskan
 * trade minister?" with the name beside "Veskan trade minister", not the first name of the quote.
 * Each word says whether it ends its name (`head`): "Vos" of "Sanne Vos".
 */
export function namesIn(
  index: CorpusIndex,
  quotes: readonly string[],
  asked: ReadonlySet<string>,
  anchors: readonly QuestionTerm[],
  gender?: Gender,
): Array<{ word: string; head: boolean }> {
  const shown = quotes.slice(0, NAME_QUOTES)
  const keep = gender === undefined ? undefined : agreesWith(index, gender, false)
  // The first quote is the answer, unless a later one of the first few names someone right beside
  // the question's words ("The mayor, Dorota Kell, …" for "who is the mayor?") and it does not.
  let read = shown.map((text) => nameRunsIn(index, text, asked, anchors, keep))
  let beside = read.findIndex(({ distance }) => distance <= NEXT_TO_ANCHOR)
  if (beside === -1 && gender !== undefined) {
    // No name answers the question beside its words: a "he" is then the first man the quotes name,
    // whom the articles call "he", rather than a place the first quote names in passing.
    const strictly = agreesWith(index, gender, true)
    const strict = shown.map((text) => nameRunsIn(index, text, asked, [], strictly))
    const first = strict.findIndex(({ runs }) => runs.length > 0)
    if (first !== -1) {
      read = strict
      beside = first
    }
  }
  // Else, for a "he" or "she" whom the articles never call by a pronoun, the first that names someone
  // near them: after "who caught the leopard?", "… was caught by the zoo's vet, Omar Pike" in the
  // second quote, when the first only says police told residents to stay in.
  if (beside === -1 && gender !== undefined) beside = read.findIndex(({ distance }) => distance <= MAX_NAME_DISTANCE)
  const { runs, distance } = read[beside === -1 ? 0 : beside] ?? { runs: [], distance: Infinity }
  // A name far from the question's words in a quote that holds them is no answer to it ("two men …
  // theft of Roman coins" answers "who was arrested?" without a name): a pronoun cannot mean it.
  if (Number.isFinite(distance) && distance > MAX_NAME_DISTANCE) return []
  const names: Array<{ word: string; head: boolean }> = []
  for (const run of runs) run.words.forEach((word, i) => names.some((name) => name.word === word) || names.push({ word, head: i === run.words.length - 1 }))
  return names.slice(0, MAX_ANSWER_NAMES)
}

/**
 * Which runs of names (by their last word) a follow-up's "he" or "she" may stand for: with `strictly`,
 * only those the articles call by that pronoun; else any but those they call by the other one or
 * write in lower case too. After a quote naming a chief executive the articles call "he" and a
 * spokeswoman they call "she", "what did she promise?" means her, and never "the agency"; a name
 * they never refer to by a pronoun (a person written about only by name) may be meant by either.
 */
function agreesWith(index: CorpusIndex, gender: Gender, strictly: boolean): (words: readonly string[]) => boolean {
  const uses = new Map<string, NameUse>()
  return (words) => {
    const head = words.at(-1) ?? ''
    let use = uses.get(head)
    if (!use) uses.set(head, (use = nameUse(index, head)))
    return strictly ? use.gender === gender : !use.common && (use.gender === undefined || use.gender === gender)
  }
}

/**
 * The runs of names in `text` a pronoun may stand for (all of them, or the one nearest the `anchors`
 * when the text holds any), and how many words lie between that run and the anchors. `keep` says
 * which runs may be meant at all (see `agreesWith`); every one by default.
 */
export function nameRunsIn(
  index: CorpusIndex,
  text: string,
  asked: ReadonlySet<string>,
  anchors: readonly QuestionTerm[],
  keep: (words: readonly string[]) => boolean = () => true,
): { runs: Array<{ words: string[] }>; distance: number } {
  const tokens = tokenize(text)
  const runs: Array<{ words: string[]; from: number; to: number }> = []
  const isCapitalised = (i: number) => HAS_CAPITAL.test(text.charAt(tokens[i]?.start ?? -1))
  const touches = (i: number) => i + 1 < tokens.length && /^\s+$/.test(text.slice(tokens[i]!.end, tokens[i + 1]!.start))
  tokens.forEach((token, i) => {
    if (!isCapitalised(i)) return
    const before = text.slice(0, token.start).trimEnd()
    // A capital after a full stop, an opening quote or at the start is a sentence's, not a name's.
    if (before === '' || /[.!?:"“‘'(]$/u.test(before)) return
    if (QUESTION_STOP_WORDS.has(token.word) || INDEX_STOP_WORDS.has(token.word) || CALENDAR_WORDS.has(token.word) || asked.has(token.word)) return
    if (!index.docFreq.has(stemOf(index, token.word))) return
    const last = runs.at(-1)
    if (last && last.to === i - 1 && !/[,;]/.test(text.slice(tokens[i - 1]!.end, token.start))) {
      last.words.push(token.word)
      last.to = i
    } else runs.push({ words: [token.word], from: i, to: i })
  })
  // Two kinds of capitalised run name no one new: one written right before a name already asked is
  // part of it ("Viktor" of "Viktor Aranov" after "who complained about Aranov?"), and a single word
  // right before a common noun describes that noun ("the Dutch player Sanne Vos", "Monday's Varnholm
  // blackout"): the answer is the noun's, or the name after it. A longer run before a word tagged a
  // noun is most often a full name before a verb the tagger misread ("saw Jonas Pell score").
  const posByStart = runs.length > 0 ? partsOfSpeech(text).posByStart : new Map<number, string>()
  const namesNoOne = (run: { from: number; to: number }) =>
    touches(run.to) &&
    ((isCapitalised(run.to + 1) && asked.has(tokens[run.to + 1]!.word)) || (run.from === run.to && !isCapitalised(run.to + 1) && posByStart.get(tokens[run.to + 1]!.start) === 'NOUN'))
  const named = runs.filter((run) => !namesNoOne(run) && keep(run.words))
  const place = anchorPlace(index, tokens, anchors)
  // No question word in the quote: every name in it may be the answer, as near as can be told.
  if (!place) return { runs: named, distance: Infinity }
  // Distance in words that say something: "won on Sunday by the Dutch player Sanne Vos" puts the
  // name three words from "won", not seven.
  const said = tokens.map((token) => !QUESTION_STOP_WORDS.has(token.word) && !INDEX_STOP_WORDS.has(token.word) && !CALENDAR_WORDS.has(token.word))
  const saidBetween = (from: number, to: number) => said.slice(from + 1, to).filter(Boolean).length
  const distanceOf = (run: { from: number; to: number }) => (run.from > place.to ? saidBetween(place.to, run.from) : run.to < place.from ? saidBetween(run.to, place.from) : -1) + 1
  const distance = Math.min(...named.map(distanceOf))
  // Of the names as near as each other, the ones fewest words away in all: "Erik Solberg and Veskan
  // Trade Minister Hana Novak" answers "who is the Veskan trade minister?" with Novak; names as near
  // in both ways are all kept.
  const nearest = named.filter((run) => distanceOf(run) === distance)
  const wordsAway = (run: { from: number; to: number }) => Math.max(place.from - run.to, run.from - place.to)
  const fewest = Math.min(...nearest.map(wordsAway))
  return Number.isFinite(distance) ? { runs: nearest.filter((run) => wordsAway(run) === fewest), distance } : { runs: [], distance: Infinity }
}

/**
 * Where in `tokens` the most of the `anchors` (by IDF) stand together, a gap of one word allowed
 * ("scored for Rovers"); undefined when none of them is there.
 */
function anchorPlace(index: CorpusIndex, tokens: ReturnType<typeof tokenize>, anchors: readonly QuestionTerm[]): { from: number; to: number } | undefined {
  const idfOf = new Map(anchors.map((term) => [term.stem, term.idf]))
  let best: { from: number; to: number; score: number } | undefined
  let current: { from: number; to: number; stems: Set<string> } | undefined
  const close = () => {
    if (!current) return
    const score = [...current.stems].reduce((sum, stem) => sum + (idfOf.get(stem) ?? 0), 0)
    if (!best || score > best.score) best = { from: current.from, to: current.to, score }
    current = undefined
  }
  tokens.forEach((token, i) => {
    const stem = stemOf(index, token.word)
    if (!idfOf.has(stem)) {
      if (current && i - current.to > 1) close()
      return
    }
    if (current) {
      current.stems.add(stem)
      current.to = i
    } else current = { from: i, to: i, stems: new Set([stem]) }
  })
  close()
  return best && { from: best.from, to: best.to }
}
