import type { Token } from '../analyzer.js'
import { DEFAULT_PARALLEL_OPTIONS, type ParallelOptions } from './parallel.js'

/**
 * A cheap test before aligning two sentences: comparing every pair of many answering sentences
 * (`parallelDisagreement`) mostly meets pairs that share few words, which `parallelStretch` rejects
 * only after counting their shared words in a map, pair by pair. Numbering each sentence's words once
 * and counting a pair's shared words by merging two sorted lists rejects the same pairs, and no other.
 */

/** A sentence's words as numbers, sorted, repeats kept: for `mayBeParallel`. */
export type WordBag = Int32Array

/**
 * Words numbered alike across calls, so that a sentence's bag, once made, serves every later
 * question that reads the sentence (the same few answering sentences answer many questions).
 */
let wordNumbers = new Map<string, number>()
/** Bumped when the numbering starts afresh: a bag of an older numbering is made again. */
let numbering = 0
/** Words numbered before the numbering starts afresh: a corpus's vocabulary, at most a few MB. */
const MAX_NUMBERED_WORDS = 200_000
/** Each token array's bag (a sentence's tokens are kept by `sentenceTokens`, so the same array returns). */
const keptBags = new WeakMap<readonly Token[], { numbering: number; bag: WordBag }>()

/** The word bags of several sentences, their words numbered alike. */
export function wordBagsOf(sentences: ReadonlyArray<readonly Token[]>): WordBag[] {
  // Only between calls: every bag of one call must number its words alike.
  if (wordNumbers.size > MAX_NUMBERED_WORDS) {
    wordNumbers = new Map()
    numbering++
  }
  return sentences.map((tokens) => {
    const kept = keptBags.get(tokens)
    if (kept?.numbering === numbering) return kept.bag
    const bag = new Int32Array(tokens.length)
    tokens.forEach((token, i) => {
      let number = wordNumbers.get(token.word)
      if (number === undefined) wordNumbers.set(token.word, (number = wordNumbers.size))
      bag[i] = number
    })
    bag.sort()
    keptBags.set(tokens, { numbering, bag })
    return bag
  })
}

/**
 * False when two sentences share too few words for `parallelStretch` with `options` to find a stretch
 * (the bound it checks first: at least `minSharedWords` words in common, counted with repeats, and
 * `minShared` of the shorter sentence's); true when it must align them to tell.
 */
export function mayBeParallel(a: WordBag, b: WordBag, options: ParallelOptions = {}): boolean {
  // Read one by one, not spread into a new object: this runs for every pair of answering sentences.
  const minShared = options.minShared ?? DEFAULT_PARALLEL_OPTIONS.minShared
  const minSharedWords = options.minSharedWords ?? DEFAULT_PARALLEL_OPTIONS.minSharedWords
  const shorter = Math.min(a.length, b.length)
  if (shorter < minSharedWords) return false
  const needed = Math.max(minSharedWords, minShared * shorter)
  let shared = 0
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    // Settled as soon as the words left cannot reach the count, or it is reached: most pairs share few words.
    if (shared + Math.min(a.length - i, b.length - j) < needed) return false
    if (a[i] === b[j]) {
      shared++
      if (shared >= needed) return true
      i++
      j++
    } else if (a[i]! < b[j]!) i++
    else j++
  }
  return shared >= needed
}
