import { stem } from '../analyzer.js'
import { SMALL_NUMBERS } from '../claims/numbers.js'
import { stemsOf, type CorpusIndex } from '../search.js'
import type { Quote } from '../types.js'
import { HAS_DIGIT } from '../letter-patterns.js'

/** Where a quote stands in its article and its stems, kept to decide whether two quotes say the same. */
export const spans = new WeakMap<Quote, { sourceId: string; start: number; end: number; stems: ReadonlySet<string>; neighbourStems?: ReadonlySet<string> }>()

/** True when the neighbour `quote` took in says what `other` quotes, or overlaps it. */
export function repeats(other: Quote, quote: Quote, threshold: number): boolean {
  const x = spans.get(other)
  const y = spans.get(quote)
  if (!x || !y) return false
  return overlaps(other, quote) || jaccard(x.stems, y.neighbourStems) >= threshold || (x.neighbourStems !== undefined && jaccard(x.neighbourStems, y.neighbourStems) >= threshold)
}

/** True when two quotes come from the same article and their spans overlap. */
export function overlaps(a: Quote, b: Quote): boolean {
  const x = spans.get(a)
  const y = spans.get(b)
  return !!x && !!y && x.sourceId === y.sourceId && x.start < y.end && y.start < x.end
}

/** Word-set overlap of two texts (Jaccard over stems). */
export function similarity(index: CorpusIndex, a: string, b: string): number {
  return jaccard(stemsOf(index, a), stemsOf(index, b))
}

/** Overlap of two sets: shared over all. 0 when either is missing or empty. */
export function jaccard(x: ReadonlySet<string> | undefined, y: ReadonlySet<string> | undefined): number {
  if (!x || !y || x.size === 0 || y.size === 0) return 0
  let shared = 0
  for (const term of x) if (y.has(term)) shared++
  return shared / (x.size + y.size - shared)
}

/** Stems of the number words ("three", "twelve"): a figure, as digits are. */
const NUMBER_WORD_STEMS: ReadonlySet<string> = new Set(Object.keys(SMALL_NUMBERS).map(stem))

function isFigure(term: string): boolean {
  return HAS_DIGIT.test(term) || NUMBER_WORD_STEMS.has(term)
}

/**
 * True when two stem sets give the same figures: "About 1,200 nurses walked out" and "Some 900
 * nurses walked out" share most words but not what they say, so neither is the other's repeat.
 */
export function sameFigures(x: ReadonlySet<string> | undefined, y: ReadonlySet<string> | undefined): boolean {
  if (!x || !y) return true
  for (const term of x) if (isFigure(term) && !y.has(term)) return false
  for (const term of y) if (isFigure(term) && !x.has(term)) return false
  return true
}
