import { articleText, type CorpusIndex } from '../search.js'
import type { Quote } from '../types.js'
import { spans } from './duplicates.js'

/** Text between two quotes that still reads as one run of prose: spaces only, no paragraph break. */
const SAME_PARAGRAPH_GAP = /^[ \t]*$/

/**
 * Joins `quote` to the quote of `quotes` it continues, when the two are sentences next to each other
 * in one paragraph of one article and the whole fits in `maxChars`: the reader sees one passage
 * rather than its halves in two places, and the reply keeps a place for another quote. Returns the
 * position in `quotes` of the quote it replaced with the joined one, or -1 when it joins none. The
 * joined quote keeps the earlier quote's place, score and other sources.
 */
export function joinAdjacent(index: CorpusIndex, quotes: Quote[], quote: Quote, maxChars: number, overlapping = false): number {
  const added = spans.get(quote)
  if (!added) return -1
  const article = articleText(index, added.sourceId)
  for (let at = 0; at < quotes.length; at++) {
    const other = quotes[at] as Quote
    const kept = spans.get(other)
    if (!kept || kept.sourceId !== added.sourceId) continue
    const start = Math.min(kept.start, added.start)
    const end = Math.max(kept.end, added.end)
    if (end - start > maxChars) continue
    if (kept.start < added.end && added.start < kept.end) {
      // Overlapping quotes join only when asked to, and only when the other shows more than the kept one.
      if (!overlapping || (start === kept.start && end === kept.end)) continue
    } else {
      const [first, second] = kept.end <= added.start ? [kept, added] : [added, kept]
      if (!SAME_PARAGRAPH_GAP.test(article.slice(first.end, second.start))) continue
    }
    const pair = [other, quote]
    const { clippedBefore: _before, clippedAfter: _after, ...rest } = other
    const joined: Quote = {
      ...rest,
      text: article.slice(start, end),
      alsoIn: [...other.alsoIn],
      highlights: [],
      ...(pair.every((one) => spans.get(one)?.start !== start || one.clippedBefore) ? { clippedBefore: true } : {}),
      ...(pair.every((one) => spans.get(one)?.end !== end || one.clippedAfter) ? { clippedAfter: true } : {}),
    }
    const neighbourStems = new Set([...(kept.neighbourStems ?? []), ...added.stems, ...(added.neighbourStems ?? [])])
    spans.set(joined, { sourceId: kept.sourceId, start, end, stems: kept.stems, neighbourStems })
    quotes[at] = joined
    return at
  }
  return -1
}
