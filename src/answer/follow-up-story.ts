import { parsePassageId } from '../passage-table.js'
import type { ConversationTurn, Quote } from '../types.js'

/**
 * The articles of the story of the answer a follow-up continues: every source whose story (`storyOf`)
 * one of its quotes is from, else (no stories known) the sources of its quotes. "how much did it
 * cost?" after "Who bought the club?" asks about that purchase, so a quote from its story goes before
 * a quote from another story that only shares the follow-up's own words ("paid … for the portrait").
 * Empty when the previous turn kept no passage ids.
 */
export function previousStorySources(previous: ConversationTurn | undefined, storyOf: ReadonlyMap<string, string> | undefined): Set<string> {
  const sources = new Set<string>()
  for (const id of previous?.passageIds ?? []) {
    const sourceId = parsePassageId(id)?.sourceId
    if (sourceId !== undefined) sources.add(sourceId)
  }
  if (!storyOf || sources.size === 0) return sources
  const stories = new Set([...sources].map((sourceId) => storyOf.get(sourceId)))
  for (const [sourceId, storyId] of storyOf) if (stories.has(storyId)) sources.add(sourceId)
  return sources
}

/**
 * `quotes` with the best one from `sources` (the previous answer's articles) moved first, when the
 * first is from elsewhere; the others keep their order. The quote just shown (`shown`, moved second
 * by `demoteShown`) is not the one moved, and stays second. Unchanged when none is from `sources`,
 * or when `sources` is empty.
 */
export function withStoryFirst(quotes: Quote[], sources: ReadonlySet<string>, shown?: string): Quote[] {
  const first = quotes[0]
  if (sources.size === 0 || first === undefined || sources.has(first.source.id)) return quotes
  const at = quotes.findIndex((quote) => sources.has(quote.source.id) && quote.text !== shown)
  if (at < 0) return quotes
  const rest = quotes.filter((_, i) => i !== at)
  const shownAt = rest.findIndex((quote) => quote.text === shown)
  // The shown quote keeps its place right after the answer.
  if (shownAt === 1) return [quotes[at] as Quote, rest[1] as Quote, rest[0] as Quote, ...rest.slice(2)]
  return [quotes[at] as Quote, ...rest]
}
