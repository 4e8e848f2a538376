import { INDEX_STOP_WORDS, stem, tokenize } from './analyzer.js'
import type { Passage } from './types.js'

/**
 * What the index takes from one passage's text, worked out on its own: the passage's words and
 * stems, tallied. Tokenising and stemming are most of the index stage, and they depend on the
 * passage alone, so `readArticle` does them on the reading threads and a long-lived build thread
 * keeps them with each article's reading: a rebuild after one article changed tallies only that
 * article, then merges the tallies (see `buildCorpusIndex`), which gives exactly the index a pass
 * over every passage's text gives.
 */
export interface PassageTerms {
  /** Distinct stems of the words that are not index stop words, in order of first occurrence. */
  terms: string[]
  /** How often each of `terms` occurs. */
  counts: number[]
  /** Distinct stems of every word, stop words included, in order of first occurrence: the passage's document frequencies. */
  stems: string[]
  /** Distinct words as written in lower case, in order of first occurrence: the spelling vocabulary. */
  words: string[]
  /** How often each of `words` occurs. */
  wordCounts: number[]
}

/** Stems of the words `passageTerms` has seen, on this thread: words repeat, and stemming is the costly step. */
const stemCache = new Map<string, string>()

/** Words `stemCache` keeps before it starts again, so a huge corpus cannot exhaust memory through it. */
const MAX_STEM_CACHE = 500_000

/** The stem of a lower-cased word, memoised. */
export function cachedStem(word: string): string {
  let stemmed = stemCache.get(word)
  if (stemmed === undefined) {
    if (stemCache.size >= MAX_STEM_CACHE) stemCache.clear()
    stemCache.set(word, (stemmed = stem(word)))
  }
  return stemmed
}

/** Adds one occurrence of `key` to a tally kept in order of first occurrence (`at` maps a key to its place). */
function count(key: string, at: Map<string, number>, keys: string[], counts: number[]): void {
  const i = at.get(key)
  if (i === undefined) {
    at.set(key, keys.length)
    keys.push(key)
    counts.push(1)
  } else counts[i]!++
}

/** Tallies `passage`'s text as the index reads it. */
export function passageTerms(passage: Pick<Passage, 'text'>): PassageTerms {
  const termAt = new Map<string, number>()
  const wordAt = new Map<string, number>()
  const seen = new Set<string>()
  const out: PassageTerms = { terms: [], counts: [], stems: [], words: [], wordCounts: [] }
  for (const { word } of tokenize(passage.text)) {
    count(word, wordAt, out.words, out.wordCounts)
    const stemmed = cachedStem(word)
    if (!seen.has(stemmed)) {
      seen.add(stemmed)
      out.stems.push(stemmed)
    }
    if (!INDEX_STOP_WORDS.has(word)) count(stemmed, termAt, out.terms, out.counts)
  }
  return out
}
