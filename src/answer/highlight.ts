import { stemmedTokens, type CorpusIndex } from '../search.js'
import type { Span } from '../types.js'

/** Spans in `text` of words whose stem the question matched. */
export function highlightSpans(index: CorpusIndex, text: string, matched: Set<string>): Span[] {
  const { spans, stems } = stemmedTokens(index, text)
  const highlights: Span[] = []
  stems.forEach((stem, i) => {
    if (matched.has(stem)) highlights.push([spans[2 * i] as number, spans[2 * i + 1] as number])
  })
  return highlights
}
