import type { ExtractedClaim } from './claims/index.js'
import type { DisagreementEntry, DisagreementIndex } from './disagreements.js'
import { buildPostings } from './postings.js'
import type { SentenceReading, SentenceReadings } from './reading.js'
import type { BuildReuse } from './rebuild.js'
import { assembleCorpusIndex, corpusIndexParts, type CorpusIndex, type CorpusIndexParts } from './search.js'
import { storyOfSource } from './stories.js'
import { createTakeawayBuilder, type TakeawayBuildOptions, type TakeawayIndex } from './takeaways/index.js'
import type { Story } from './types.js'

/**
 * Takeaways per story. Stories are ranked independently of one another (against the corpus's word
 * statistics, names and synonym links, and their own disagreements only), so a build can rank them
 * on several threads: `storyTakeawayWork` packs what ranking some stories needs as plain data,
 * `rankStoryTakeawayWork` ranks them on another thread, and `buildStoryTakeaways` takes them in with
 * the stories it ranks itself, numbered as if it had ranked every one of them in order.
 */

/** What ranking the takeaways of some stories needs, as plain data that crosses threads. */
export interface StoryTakeawayWork {
  /** The index without its postings and spelling vocabulary, which takeaways never read. */
  index: Omit<CorpusIndexParts, 'postings' | 'vocabulary' | 'nearMisses'>
  options: TakeawayBuildOptions | undefined
  /** The corpus's name stems (`findNameStems`), found once for every story. */
  names: string[]
  stories: Array<{ id: string; sources: string[]; disagreements: DisagreementIndex }>
  /** The NLP readings of these stories' sentences: per source, `[start, reading]` pairs. */
  readings: Array<[string, Array<[number, SentenceReading]>]>
}

/** Each story's own disagreements and claims: takeaways of a story are ranked against these only. */
export function disagreementsByStory(stories: readonly Story[], disagreements: DisagreementIndex): Map<string, DisagreementIndex> {
  const entriesOf = new Map<string, DisagreementEntry[]>()
  for (const entry of disagreements.entries ?? []) {
    const list = entriesOf.get(entry.storyId ?? '')
    if (list) list.push(entry)
    else entriesOf.set(entry.storyId ?? '', [entry])
  }
  const storyOf = storyOfSource(stories)
  const claimsOf = new Map<string, ExtractedClaim[]>()
  for (const claim of disagreements.claims ?? []) {
    const storyId = storyOf.get(claim.sourceId) ?? ''
    const list = claimsOf.get(storyId)
    if (list) list.push(claim)
    else claimsOf.set(storyId, [claim])
  }
  const own = new Map<string, DisagreementIndex>()
  for (const story of stories) {
    const entries = entriesOf.get(story.id) ?? []
    own.set(story.id, { all: entries.map((entry) => entry.disagreement), entries, claims: claimsOf.get(story.id) ?? [] })
  }
  return own
}

/**
 * What another thread needs to rank the takeaways of `stories` (`own` gives each one's
 * disagreements, `readingsOf` each source's sentence readings).
 */
export function storyTakeawayWork(
  index: CorpusIndex,
  names: ReadonlySet<string>,
  stories: readonly Story[],
  own: ReadonlyMap<string, DisagreementIndex>,
  readingsOf: (sourceId: string) => ReadonlyMap<number, SentenceReading> | undefined,
  options: TakeawayBuildOptions | undefined,
): StoryTakeawayWork {
  const { postings: _postings, vocabulary: _vocabulary, nearMisses: _nearMisses, ...parts } = corpusIndexParts(index)
  const readings: StoryTakeawayWork['readings'] = []
  for (const story of stories) for (const sourceId of story.sources) readings.push([sourceId, [...(readingsOf(sourceId) ?? [])]])
  return {
    index: parts,
    options,
    names: [...names],
    stories: stories.map((story) => ({ id: story.id, sources: story.sources, disagreements: own.get(story.id) ?? { all: [] } })),
    readings,
  }
}

/** Ranks the stories of `work` (on another thread), each numbered from 0, in the order given. */
export function rankStoryTakeawayWork(work: StoryTakeawayWork): Array<[string, TakeawayIndex]> {
  // Searching and spelling are never asked of this index: it gets an empty postings list.
  const index = assembleCorpusIndex({ ...work.index, postings: buildPostings(0, () => ({ title: [], text: [] })), vocabulary: new Map(), nearMisses: new Set() })
  const bySource = new Map(work.readings.map(([sourceId, pairs]) => [sourceId, new Map(pairs)]))
  const readings: SentenceReadings = (sourceId, start) => bySource.get(sourceId)?.get(start)
  const build = createTakeawayBuilder(index, work.options, readings, new Set(work.names))
  return work.stories.map((story) => [story.id, build(story.disagreements, story.sources, 0)])
}

/**
 * Takeaways per story, each story's sentences ranked against its own disagreements only. A corpus
 * of one story is ranked as a whole, exactly as before stories existed. A story's takeaways come from
 * `reuse` (a rebuild), else from `ranked` (ranked elsewhere, numbered from 0), else are ranked here.
 */
export function buildStoryTakeaways(
  index: CorpusIndex,
  stories: Story[],
  disagreements: DisagreementIndex,
  options: TakeawayBuildOptions | undefined,
  readings: SentenceReadings | undefined,
  reuse: BuildReuse | undefined,
  ranked?: ReadonlyMap<string, TakeawayIndex>,
  names?: ReadonlySet<string>,
): { takeaways: TakeawayIndex; storyTakeaways?: Map<string, TakeawayIndex> } {
  // Made on first use: a rebuild whose every story is reused needs no builder.
  let builder: ReturnType<typeof createTakeawayBuilder> | undefined
  const build: ReturnType<typeof createTakeawayBuilder> = (...args) => (builder ??= createTakeawayBuilder(index, options, readings, names))(...args)
  const kept = (story: Story) => reuse?.takeaways?.(story)
  if (stories.length <= 1) return { takeaways: (stories[0] && kept(stories[0])) ?? build(disagreements) }
  const own = disagreementsByStory(stories, disagreements)
  const storyTakeaways = new Map<string, TakeawayIndex>()
  // Sentence numbers run on across stories; kept stories keep theirs (see `BuildReuse.freshTakeawayIds`).
  let firstId = reuse?.freshTakeawayIds ?? 0
  for (const story of stories) {
    let built = kept(story)
    if (!built) {
      const elsewhere = ranked?.get(story.id)
      built = elsewhere ? renumbered(index, elsewhere, firstId) : build(own.get(story.id) ?? { all: [] }, story.sources, firstId)
      firstId = built.nextId ?? firstId
    }
    storyTakeaways.set(story.id, built)
  }
  return { takeaways: mergeStoryTakeaways(storyTakeaways.values()), storyTakeaways }
}

/**
 * A story's takeaways ranked elsewhere from 0, numbered from `firstId` as the build would have
 * numbered them, with each takeaway's source the index's own object again (another thread's is a copy).
 */
function renumbered(index: CorpusIndex, built: TakeawayIndex, firstId: number): TakeawayIndex {
  for (const candidate of built.candidates) {
    const { takeaway } = candidate
    takeaway.source = index.sourceById.get(takeaway.source.id) ?? takeaway.source
    if (firstId === 0) continue
    candidate.id += firstId
    candidate.samePoint = candidate.samePoint.map((id) => id + firstId)
  }
  built.nextId = (built.nextId ?? 0) + firstId
  return built
}

/** The corpus-wide takeaways: every story's candidates, in story order, merged by score. */
export function mergeStoryTakeaways(storyTakeaways: Iterable<TakeawayIndex>): TakeawayIndex {
  const merged: TakeawayIndex['candidates'] = []
  let first: TakeawayIndex | undefined
  let nextId = 0
  for (const built of storyTakeaways) {
    first ??= built
    merged.push(...built.candidates)
    nextId = Math.max(nextId, built.nextId ?? 0)
  }
  merged.sort((a, b) => b.score - a.score)
  return { ranked: merged.map((candidate) => candidate.takeaway), candidates: merged, duplicateSimilarity: first?.duplicateSimilarity ?? 0, nextId }
}
