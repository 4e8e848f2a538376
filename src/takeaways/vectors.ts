import { QUESTION_STOP_WORDS, tokenize, type Token } from '../analyzer.js'
import { articleText, idf, stemOf, type CorpusIndex } from '../search.js'

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

/** Sentence-initial words are capitalised anyway; what precedes such a word. */
const SENTENCE_OPENER = /(?:^|[.!?:;"“”—–\n]\s*)$/u

/**
 * Stems written capitalised in most of their occurrences inside a sentence: names of people,
 * places, organisations, days and titles.
 */
export function findNameStems(index: CorpusIndex): Set<string> {
  const counts = new Map<string, { capitalised: number; total: number }>()
  for (const source of index.sources) {
    const text = articleText(index, source.id)
    for (const token of tokenize(text)) {
      const first = text.charAt(token.start)
      if (!/\p{L}/u.test(first) || SENTENCE_OPENER.test(text.slice(Math.max(0, token.start - 3), token.start))) continue
      const term = stemOf(index, token.word)
      const count = counts.get(term) ?? { capitalised: 0, total: 0 }
      count.total++
      if (first !== first.toLowerCase()) count.capitalised++
      counts.set(term, count)
    }
  }
  const names = new Set<string>()
  for (const [term, { capitalised, total }] of counts) if (capitalised / total >= 0.6) names.add(term)
  return names
}

/** L2-normalised TF-IDF weights of a text's content stems (function words dropped); `tokens` are its own, when tokenised already. */
export function vectorOf(index: CorpusIndex, names: ReadonlySet<string>, text: string, tokens: readonly Token[] = tokenize(text)): Map<string, number> {
  const vector = new Map<string, number>()
  for (const token of tokens) {
    if (QUESTION_STOP_WORDS.has(token.word) || DISCOURSE_WORDS.has(token.word)) continue
    const term = stemOf(index, token.word)
    vector.set(term, (vector.get(term) ?? 0) + idf(index, term) * (names.has(term) ? NAME_WEIGHT : 1))
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
