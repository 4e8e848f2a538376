import { INDEX_STOP_WORDS, stem, tokenizeToWords } from './analyzer.js'
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

/** Tallies `passage`'s text as the index reads it. */
export function passageTerms(passage: Pick<Passage, 'text'>): PassageTerms {
  const wordAt = new Map<string, number>()
  // Per stem met, its place in `out.terms`, or -1 while only stop words have given it.
  const termAt = new Map<string, number>()
  const out: PassageTerms = { terms: [], counts: [], stems: [], words: [], wordCounts: [] }
  // Per distinct word of the passage, the place of its stem in `out.terms`, or -1 for a stop word: a
  // word met again is counted by its place alone, without stemming it or looking its stem up again.
  const termOfWord: number[] = []
  for (const word of tokenizeToWords(passage.text)) {
    const w = wordAt.get(word)
    if (w !== undefined) {
      out.wordCounts[w]!++
      const t = termOfWord[w]!
      if (t >= 0) out.counts[t]!++
      continue
    }
    wordAt.set(word, out.words.length)
    out.words.push(word)
    out.wordCounts.push(1)
    const stemmed = cachedStem(word)
    let t = termAt.get(stemmed)
    if (t === undefined) out.stems.push(stemmed)
    if (INDEX_STOP_WORDS.has(word)) {
      if (t === undefined) termAt.set(stemmed, -1)
      termOfWord.push(-1)
      continue
    }
    if (t === undefined || t < 0) {
      termAt.set(stemmed, (t = out.terms.length))
      out.terms.push(stemmed)
      out.counts.push(0)
    }
    out.counts[t]!++
    termOfWord.push(t)
  }
  return out
}
