import { INDEX_STOP_WORDS, tokenize, type Token } from '../analyzer.js'
import { HAS_LETTER_OR_DIGIT } from '../letter-patterns.js'

/**
 * Parallel sentences: two sources that say the same sentence but for one stretch ("was the home
 * venue of Gençlerbirliği" / "…of Bursaspor"; "A defender, he began…" / "A forward, he began…")
 * give two values for one thing. The common part says what the thing is, so no typing is needed,
 * and a rewording (different words throughout) is never mistaken for a different value.
 */

/** Options for finding the one stretch two sentences differ in. */
export interface ParallelOptions {
  /** Least share of the shorter sentence's words the two must have in common. Defaults to `0.7`. */
  minShared?: number
  /** Least number of words in common. Defaults to 6. */
  minSharedWords?: number
  /** Most words in the differing stretch of either sentence. Defaults to 6. */
  maxStretchWords?: number
}

export const DEFAULT_PARALLEL_OPTIONS: Required<ParallelOptions> = { minShared: 0.7, minSharedWords: 6, maxStretchWords: 6 }

/** The stretch of each sentence where two parallel sentences differ, offsets relative to each sentence. */
export interface ParallelStretch {
  a: { start: number; end: number }
  b: { start: number; end: number }
}

/**
 * The one stretch where sentences `a` and `b` say different things, when they are otherwise the
 * same sentence (words added at either end, or function words, do not count); undefined when they
 * differ in several places, share too little, or one adds content words the other lacks.
 */
export function parallelStretch(a: string | Token[], b: string | Token[], options: ParallelOptions = {}): ParallelStretch | undefined {
  const { minShared, minSharedWords, maxStretchWords } = { ...DEFAULT_PARALLEL_OPTIONS, ...options }
  // Tokens may be passed in: a caller comparing every pair of many sentences tokenizes each once.
  const x = typeof a === 'string' ? tokenize(a) : a
  const y = typeof b === 'string' ? tokenize(b) : b
  const longer = Math.max(x.length, y.length)
  // Shared words are counted against the shorter sentence: the longer may carry a title glued before it.
  const shorter = Math.min(x.length, y.length)
  if (shorter < minSharedWords) return undefined
  // A quick bound before the alignment: the shared words cannot exceed the smaller bag's overlap.
  const bag = new Map<string, number>()
  for (const token of x) bag.set(token.word, (bag.get(token.word) ?? 0) + 1)
  let overlap = 0
  for (const token of y) {
    const left = bag.get(token.word) ?? 0
    if (left > 0) {
      overlap++
      bag.set(token.word, left - 1)
    }
  }
  if (overlap < minSharedWords || overlap < minShared * shorter) return undefined
  if (longer > MAX_ALIGNED_WORDS) return undefined
  // Align the two by their longest common subsequence of words; between aligned words lie the gaps.
  const pairs = alignWords(x, y)
  if (pairs.length < minSharedWords || pairs.length < minShared * shorter) return undefined
  // A sentence may repeat its own start ("The English Patient The English Patient is a novel…", a title
  // glued before it): aligning each word as early as possible leaves the repeat in the middle, as late
  // as possible before the sentence, where a word on one side only is no second value.
  return stretchBetween(x, y, pairs, maxStretchWords) ?? stretchBetween(x, y, alignWords(x, y, true), maxStretchWords)
}

/** The one stretch where `x` and `y` differ, given their aligned words `pairs`; undefined when they differ in several places. */
function stretchBetween(x: Token[], y: Token[], pairs: Array<[number, number]>, maxStretchWords: number): ParallelStretch | undefined {
  let found: ParallelStretch | undefined
  const bounds: Array<[number, number]> = [[-1, -1], ...pairs, [x.length, y.length]]
  for (let k = 1; k < bounds.length; k++) {
    const [xFrom, yFrom] = bounds[k - 1]!
    const [xTo, yTo] = bounds[k]!
    const xs = x.slice(xFrom + 1, xTo)
    const ys = y.slice(yFrom + 1, yTo)
    if (xs.length === 0 && ys.length === 0) continue
    // A word present on one side only (a title glued before a sentence, "the", an extra clause) is no second value.
    if (xs.length === 0 || ys.length === 0) {
      if (k === 1 || k === bounds.length - 1 || !isContent(xs.length > 0 ? xs : ys)) continue
      return undefined
    }
    if (found || xs.length > maxStretchWords || ys.length > maxStretchWords) return undefined
    if (!isContent(xs) || !isContent(ys)) continue
    found = { a: spanOf(xs), b: spanOf(ys) }
  }
  return found
}

/** Sentences longer than this many words are not aligned: a list or a page's menu, and the alignment's cost grows with the product of lengths. */
const MAX_ALIGNED_WORDS = 120

/**
 * Index pairs of the longest common subsequence of two word lists, in order; each word matched as
 * early as it can be, or with `late` as late as it can be (the same list read backwards).
 */
function alignWords(x: Token[], y: Token[], late = false): Array<[number, number]> {
  if (late) {
    const pairs = alignWords([...x].reverse(), [...y].reverse())
    return pairs.map(([i, j]) => [x.length - 1 - i, y.length - 1 - j] as [number, number]).reverse()
  }
  const width = y.length + 1
  const table = new Uint16Array((x.length + 1) * width)
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) {
      table[i * width + j] = x[i]!.word === y[j]!.word ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!)
    }
  }
  const pairs: Array<[number, number]> = []
  let i = 0
  let j = 0
  while (i < x.length && j < y.length) {
    if (x[i]!.word === y[j]!.word) {
      pairs.push([i, j])
      i++
      j++
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) i++
    else j++
  }
  return pairs
}

/** A stretch that can hold a value: some word that is not a function word. */
function isContent(tokens: Token[]): boolean {
  return tokens.some((token) => !INDEX_STOP_WORDS.has(token.word) && HAS_LETTER_OR_DIGIT.test(token.word))
}

function spanOf(tokens: Token[]): { start: number; end: number } {
  return { start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end }
}
