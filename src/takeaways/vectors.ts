import { QUESTION_STOP_WORDS, tokenize, type Token } from '../analyzer.js'
import { articleText, idf, stemOf, type CorpusIndex } from '../search.js'
import { opensSentence } from '../stories.js'

/** Made once: the build's TypeScript loader turns a `\p{…}` literal into `new RegExp(…)` wherever it stands, so one inside a function made a regex per call. */
const HAS_LETTER = /\p{L}/u

/**
 * Modal verbs and connectives: they say how a point is argued, not what it is, so two sentences
 * sharing them share nothing. Kept apart from the analyzer's question stop words, which questions need.
 */
export const DISCOURSE_WORDS: ReadonlySet<string> = new Set(
  'may might must shall however therefore thus furthermore moreover additionally also yet still rather instead meanwhile indeed perhaps according'.split(' '),
)

/**
 * Weight of a name against a common word. Articles about one event name the same people and places
 * in full again and again ("the President of X and the Prime Minister of Y"), so two sentences
 * sharing only names say nothing alike; what happened is in the other words.
 */
const NAME_WEIGHT = 0.4

/**
 * Stems written capitalised in most of their occurrences inside a sentence: names of people,
 * places, organisations, days and titles.
 */
export function findNameStems(index: CorpusIndex): Set<string> {
  // Counted per word, then per stem: a word recurs, and stemming it once is cheaper than a lookup per
  // occurrence. Words are taken in order of first occurrence, so stems are too, as when counted directly.
  const byWord = new Map<string, { capitalised: number; total: number }>()
  for (const source of index.sources) {
    const text = articleText(index, source.id)
    for (const token of tokenize(text)) {
      const capitalised = capitalisedLetterAt(text, token.start)
      // Sentence-initial words are capitalised anyway.
      if (capitalised === undefined || opensSentence(text, token.start)) continue
      let count = byWord.get(token.word)
      if (!count) byWord.set(token.word, (count = { capitalised: 0, total: 0 }))
      count.total++
      if (capitalised) count.capitalised++
    }
  }
  const counts = new Map<string, { capitalised: number; total: number }>()
  for (const [word, { capitalised, total }] of byWord) {
    const term = stemOf(index, word)
    const count = counts.get(term)
    if (count) {
      count.capitalised += capitalised
      count.total += total
    } else counts.set(term, { capitalised, total })
  }
  const names = new Set<string>()
  for (const [term, { capitalised, total }] of counts) if (capitalised / total >= 0.6) names.add(term)
  return names
}

/**
 * Whether the UTF-16 unit at `at` is a letter (`/\p{L}/u`) written in a capital (not equal to its
 * lower case), or `undefined` when it is no letter. ASCII, nearly every token, is told by its code.
 */
function capitalisedLetterAt(text: string, at: number): boolean | undefined {
  const code = text.charCodeAt(at)
  if (code >= 0x61 && code <= 0x7a) return false
  if (code >= 0x41 && code <= 0x5a) return true
  if (code < 0x80) return undefined
  const first = text.charAt(at)
  if (!HAS_LETTER.test(first)) return undefined
  return first !== first.toLowerCase()
}

/** A word as takeaways read it: its stem, what it adds to a sentence's vector, and whether it is a function word or a name. */
export interface WordTerm {
  /** The word's stem, as the index stores it. */
  term: string
  /** What one occurrence adds to a vector: the stem's IDF, less for a name (`NAME_WEIGHT`). */
  weight: number
  /** A question stop word or a discourse word: no vector or phrase counts it. */
  stop: boolean
  /** Its stem is a name's (`findNameStems`). */
  name: boolean
}

/** How takeaways read a word (see `createWordTerms`). */
export type WordTerms = (word: string) => WordTerm

/** Most words `createWordTerms` remembers before it starts again, so a huge corpus cannot exhaust memory through it. */
const MAX_WORD_TERMS = 500_000

/**
 * `WordTerm`s, each worked out once: a build reads every token of every sentence, and a word's stem,
 * IDF and name check are the same each time it is met.
 */
export function createWordTerms(index: CorpusIndex, names: ReadonlySet<string>): WordTerms {
  const known = new Map<string, WordTerm>()
  return (word) => {
    let found = known.get(word)
    if (!found) {
      if (known.size >= MAX_WORD_TERMS) known.clear()
      known.set(word, (found = wordTerm(index, names, word)))
    }
    return found
  }
}

function wordTerm(index: CorpusIndex, names: ReadonlySet<string>, word: string): WordTerm {
  const term = stemOf(index, word)
  const name = names.has(term)
  return { term, weight: idf(index, term) * (name ? NAME_WEIGHT : 1), stop: QUESTION_STOP_WORDS.has(word) || DISCOURSE_WORDS.has(word), name }
}

/**
 * L2-normalised TF-IDF weights of a text's content stems (function words dropped); `tokens` are its
 * own, when tokenised already, and `terms` a build's memo of words (`createWordTerms`).
 */
export function vectorOf(index: CorpusIndex, names: ReadonlySet<string>, text: string, tokens: readonly Token[] = tokenize(text), terms?: WordTerms): Map<string, number> {
  const termOf = terms ?? ((word: string) => wordTerm(index, names, word))
  return vectorOfTerms(tokens.map((token) => termOf(token.word)))
}

/** `vectorOf` a text whose tokens are read already as `WordTerm`s, in order (a build reads each token once). */
export function vectorOfTerms(wordTerms: readonly WordTerm[]): Map<string, number> {
  const vector = new Map<string, number>()
  for (const { term, weight, stop } of wordTerms) {
    if (stop) continue
    vector.set(term, (vector.get(term) ?? 0) + weight)
  }
  let norm = 0
  for (const weight of vector.values()) norm += weight * weight
  norm = Math.sqrt(norm)
  for (const [term, weight] of vector) vector.set(term, weight / norm)
  return vector
}

export function cosine(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let dot = 0
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0)
  return dot
}
