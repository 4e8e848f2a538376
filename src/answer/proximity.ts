import { MONTHS, WEEKDAYS } from '../claims/date.js'
import { FEATURE } from '../reading.js'
import { stemmedTokens, tokenStems, type CorpusIndex } from '../search.js'
import { createStemTable } from '../stem-numbers.js'
import { CAPITALISED, HAS_DIGIT } from '../letter-patterns.js'

/**
 * Where the question's words stand in a sentence, read from its tokens: which of them are said
 * together, and where the values of the kind the question asks for are. Second-stage evidence,
 * computed only for the best candidates: a bag of words cannot tell "the Manned Spacecraft Center
 * in Houston" from a paragraph that says "manned", "spacecraft" and "center" in three places.
 */
export interface SentenceProximity {
  /** Per question term number: 1 when the term stands within `window` tokens of another question term. */
  near: Uint8Array
  /** Token offsets (start, end) of the asked-kind values that are not question words, in order. */
  values: number[]
}

/** Number words a count or duration is written with: general English, as in "six divisions". */
const NUMBER_WORDS = new Set(
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion dozen dozens hundreds thousands millions billions half'.split(' '),
)
const MONTH_WORDS = new Set(MONTHS)
const DATE_WORDS = new Set(['century', 'centuries', 'decade', 'decades', 'bc', 'bce', 'ad', 'ce', ...WEEKDAYS])
const YEAR = /^\d{3,4}s?$/
const SENTENCE_END_BEFORE = /[.!?]["'”’)]*\s+$/u

const NUMERIC_FEATURES = FEATURE.count | FEATURE.money | FEATURE.percent | FEATURE.duration
const DATE_FEATURES = FEATURE.date | FEATURE.time
const NAME_FEATURES = FEATURE.properNoun | FEATURE.place

/** True when token `word` (lower-cased), written `written`, is a value of a kind in `features`. */
function isValue(word: string, written: string, features: number, first: boolean): boolean {
  if (features & NUMERIC_FEATURES && (HAS_DIGIT.test(word) || NUMBER_WORDS.has(word))) return true
  if (features & DATE_FEATURES && (YEAR.test(word) || MONTH_WORDS.has(word) || DATE_WORDS.has(word) || HAS_DIGIT.test(word))) return true
  if (features & NAME_FEATURES && !first && CAPITALISED.test(written)) return true
  return false
}

let termAtScratch = new Int32Array(256)

/** `termOf` as a table by stem number: the question's terms looked up token by token in a `Map` of strings were 3.4% of an ask. */
const termTableOf = createStemTable()

/**
 * The proximity evidence of `text` for a question of `termCount` terms whose stems map to term
 * numbers in `termOf`; `features` are the asked kind's `FEATURE` bits (0 when it asks for no kind).
 */
export function proximityOf(index: CorpusIndex, text: string, termOf: ReadonlyMap<string, number>, termCount: number, features: number, window: number): SentenceProximity {
  const { spans, stems, stemNumbers } = stemmedTokens(index, text)
  // Each token's question term, in one buffer for every call (the 30 reranked sentences and each
  // quote's values): answering is synchronous, so no two calls use it at once.
  if (termAtScratch.length < stems.length) termAtScratch = new Int32Array(Math.max(stems.length, 2 * termAtScratch.length))
  const termAt = termAtScratch
  const termByNumber = termTableOf(termOf)
  for (let i = 0; i < stems.length; i++) {
    const number = stemNumbers[i] as number
    termAt[i] = number < termByNumber.length ? (termByNumber[number] as number) : -1
  }
  const near = new Uint8Array(termCount)
  const values: number[] = []
  for (let i = 0; i < stems.length; i++) {
    const term = termAt[i] as number
    const from = Math.max(0, i - window)
    const to = Math.min(stems.length - 1, i + window)
    if (term >= 0) {
      if (near[term] === 1) continue
      for (let j = from; j <= to; j++) {
        const other = termAt[j] as number
        if (other >= 0 && other !== term) {
          near[term] = 1
          break
        }
      }
      continue
    }
    if (features === 0) continue
    const start = spans[2 * i] as number
    const end = spans[2 * i + 1] as number
    const written = text.slice(start, end)
    // A sentence's first word is capitalised anyway, also after a stop inside a widened quote.
    const opensSentence = i === 0 || SENTENCE_END_BEFORE.test(text.slice(Math.max(0, start - 4), start))
    if (!isValue(written.toLowerCase(), written, features, opensSentence)) continue
    values.push(start, end)
  }
  return { near, values }
}

/** The weight of the terms flagged in `near`, over `total` (0 when `total` is 0). */
export function nearShareOf(near: Uint8Array, weights: readonly number[], total: number): number {
  let sum = 0
  for (let t = 0; t < near.length && t < weights.length; t++) if (near[t] === 1) sum += weights[t] as number
  return total > 0 ? sum / total : 0
}

const ARTICLES = new Set(['the', 'a', 'an'])

/**
 * The question's word pairs as said in it, by their stems (first stem, then second), and the
 * question terms each pair stands for: looked up word by word, with no pair string built per token.
 */
export type QuestionPairs = Map<string, Map<string, number[]>>

/**
 * The pairs of adjacent tokens of `question` (by stem) that hold at least one question term, with
 * its term numbers: "named after", "effort to". Small words are kept, since a sentence that says
 * "was named after" as the question does is more likely the one it was written from than one that
 * says "named" and "after" apart.
 */
export function questionPairsOf(index: CorpusIndex, question: string, termOf: ReadonlyMap<string, number>): QuestionPairs {
  const stems = tokenStems(index, question)
  const pairs: QuestionPairs = new Map()
  for (let i = 0; i + 1 < stems.length; i++) {
    // "the talks" is said of any talks: an article is no phrasing.
    if (ARTICLES.has(stems[i] as string)) continue
    const terms = [termOf.get(stems[i] as string), termOf.get(stems[i + 1] as string)].filter((term): term is number => term !== undefined)
    if (terms.length === 0) continue
    const [first, second] = [stems[i] as string, stems[i + 1] as string]
    let after = pairs.get(first)
    if (!after) pairs.set(first, (after = new Map()))
    after.set(second, [...(after.get(second) ?? []), ...terms])
  }
  return pairs
}

/** A question's pairs by the place of their first stem: `firstAt` numbers the first stems, `afters` holds their second stems. */
interface NumberedPairs {
  firstAt: Map<string, number>
  afters: Array<Map<string, number[]>>
}

const numberedPairs = new WeakMap<QuestionPairs, NumberedPairs>()

/** `pairs` numbered by first stem, made once per question's pairs. */
function numberedPairsOf(pairs: QuestionPairs): NumberedPairs {
  let kept = numberedPairs.get(pairs)
  if (!kept) {
    kept = { firstAt: new Map(), afters: [] }
    for (const [first, after] of pairs) {
      kept.firstAt.set(first, kept.afters.length)
      kept.afters.push(after)
    }
    numberedPairs.set(pairs, kept)
  }
  return kept
}

/** The pairs' first stems by stem number: each token was looked up in the pairs' `Map` of strings, 3% of an ask. */
const firstTableOf = createStemTable()

/** Flags in `said` (by term number) the terms of every pair of `pairs` that `text` says as the question does. */
export function markPairs(index: CorpusIndex, text: string, pairs: QuestionPairs, said: Uint8Array, gap = 0): void {
  said.fill(0)
  if (pairs.size === 0) return
  const { stems, stemNumbers } = stemmedTokens(index, text)
  const { firstAt, afters } = numberedPairsOf(pairs)
  const firstByNumber = firstTableOf(firstAt)
  for (let i = 0; i + 1 < stems.length; i++) {
    const number = stemNumbers[i] as number
    const first = number < firstByNumber.length ? (firstByNumber[number] as number) : -1
    if (first < 0) continue
    const after = afters[first] as Map<string, number[]>
    for (let j = i + 1; j <= i + 1 + gap && j < stems.length; j++) {
      const terms = after.get(stems[j] as string)
      if (terms) for (const term of terms) said[term] = 1
    }
  }
}
