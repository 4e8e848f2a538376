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

/** The word bags of several sentences, their words numbered alike. */
export function wordBagsOf(sentences: ReadonlyArray<readonly Token[]>): WordBag[] {
  const numbers = new Map<string, number>()
  return sentences.map((tokens) => {
    const bag = new Int32Array(tokens.length)
    tokens.forEach((token, i) => {
      let number = numbers.get(token.word)
      if (number === undefined) numbers.set(token.word, (number = numbers.size))
      bag[i] = number
    })
    return bag.sort()
  })
}

/**
 * False when two sentences share too few words for `parallelStretch` with `options` to find a stretch
 * (the bound it checks first: at least `minSharedWords` words in common, counted with repeats, and
 * `minShared` of the shorter sentence's); true when it must align them to tell.
 */
export function mayBeParallel(a: WordBag, b: WordBag, options: ParallelOptions = {}): boolean {
  const { minShared, minSharedWords } = { ...DEFAULT_PARALLEL_OPTIONS, ...options }
  const shorter = Math.min(a.length, b.length)
  if (shorter < minSharedWords) return false
  let shared = 0
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      shared++
      i++
      j++
    } else if (a[i]! < b[j]!) i++
    else j++
  }
  return shared >= minSharedWords && shared >= minShared * shorter
}
