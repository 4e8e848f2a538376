import { stemsOf, type CorpusIndex } from '../search.js'
import type { Quote } from '../types.js'

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
