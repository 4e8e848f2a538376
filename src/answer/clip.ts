/** Clause boundaries inside a sentence: after a comma, semicolon, colon or dash followed by a space. */
const CLAUSE_BREAK = /[,;:]\s+|\s+[–—-]\s+/g

/**
 * The window of whole clauses, at most `maxChars` long, that holds the most matched weight.
 * A single clause longer than `maxChars` is cut at a word boundary as a last resort.
 */
export function clipAtClauses(text: string, start: number, end: number, maxChars: number, weigh: (from: number, to: number) => number): { start: number; end: number } {
  const piece = text.slice(start, end)
  const cuts: Array<{ before: number; after: number }> = []
  for (const match of piece.matchAll(CLAUSE_BREAK)) {
    const at = match.index ?? 0
    // Keep the punctuation with the clause before; the next clause starts after the space.
    cuts.push({ before: start + at + match[0].trimEnd().length, after: start + at + match[0].length })
  }
  const starts = [start, ...cuts.map((cut) => cut.after)]
  const ends = [...cuts.map((cut) => cut.before), end]
  let best: { start: number; end: number; weight: number } | undefined
  for (const from of starts) {
    for (const to of ends) {
      if (to <= from || to - from > maxChars) continue
      const weight = weigh(from, to)
      if (!best || weight > best.weight || (weight === best.weight && to - from > best.end - best.start)) best = { start: from, end: to, weight }
    }
  }
  if (best) return trimmed(text, best.start, best.end)
  // No clause fits: cut the sentence at the last word boundary that does.
  const hard = text.lastIndexOf(' ', start + maxChars)
  return trimmed(text, start, hard > start ? hard : start + maxChars)
}

/** Drops the clause punctuation and space a cut leaves at either end. */
function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  let from = start
  let to = end
  while (from < to && /[\s,;:–—-]/u.test(text[from] ?? '')) from++
  while (to > from && /[\s,;:–—-]/u.test(text[to - 1] ?? '')) to--
  return { start: from, end: to }
}
