import { engineStoryTakeaways } from './engine.js'
import type { TakeawayIndex } from './takeaways/index.js'
import type { Engine, Story } from './types.js'

/**
 * Rebuilding after a few articles changed. A story whose articles are all unchanged (same ids, same
 * versions) keeps the takeaways of the previous build instead of ranking its sentences again, which
 * is most of a build's time on a large corpus. Only the stories an added, changed or removed article
 * touches are ranked afresh.
 *
 * What is reused was ranked against the previous corpus's word statistics (inverse document
 * frequencies, names, synonym links): a story untouched by a change keeps its points and their order
 * as they were ranked then, not as a cold build of the new corpus would rank them. On a corpus of
 * one story, every change touches that story, so its takeaways are always a cold build's.
 */

/**
 * Takeaways of `story` from a previous build, numbered as they were then, when the story is
 * unchanged since; `undefined` when it must be ranked afresh.
 */
export type TakeawayReuse = (story: Story) => TakeawayIndex | undefined

/** The version of a source's article (e.g. a hash of its file), `undefined` when unknown. */
export type SourceVersion = (sourceId: string) => string | undefined

/**
 * The example questions of a previous build, when this rebuild may keep them: given how to check that
 * the new engine answers a question, the kept questions if it answers every one, else `undefined`
 * (then they are made afresh).
 */
export type ExampleReuse = (isAnswered: (question: string) => boolean) => string[] | undefined

/** What a rebuild may keep from the previous build instead of working it out again. */
export interface BuildReuse {
  takeaways?: TakeawayReuse
  /**
   * The first sentence number a story ranked afresh may take when some are kept: above every kept
   * story's, so numbers stay unique (they tell a takeaway's restatements apart) while a kept story's
   * takeaways stay the very objects of the last build, whose snapshot parts are then packed once
   * (`packValues`). Renumbering them to a cold build's order made new objects of every story after
   * an added or grown one, packed again on each reload. Defaults to 0, numbering as a cold build does.
   */
  freshTakeawayIds?: number
  examples?: ExampleReuse
}

/** What a build remembers for the next: each story's takeaways by the story's articles and their versions, and the example questions. */
export interface StoryMemory {
  stories: Map<string, TakeawayIndex>
  /** One past the largest sentence number of any story's takeaways. */
  nextId: number
  /** The corpus-wide example questions of that build. */
  examples?: readonly string[]
}

/** A story's articles and their versions in one string; `undefined` when an article's version is unknown. */
function storyKey(story: Story, versionOf: SourceVersion): string | undefined {
  const parts: string[] = []
  for (const sourceId of story.sources) {
    const version = versionOf(sourceId)
    if (version === undefined) return undefined
    parts.push(`${sourceId.length}:${sourceId}@${version}`)
  }
  return parts.join('\n')
}

/** What `engine`'s build leaves for the next rebuild to reuse; `versionOf` gives each article's version in that build. */
export function rememberStories(engine: Engine, versionOf: SourceVersion): StoryMemory {
  const stories = new Map<string, TakeawayIndex>()
  let nextId = 0
  for (const { story, takeaways } of engineStoryTakeaways(engine)) {
    const key = storyKey(story, versionOf)
    if (key !== undefined) stories.set(key, takeaways)
    // A corpus of one story numbers from 0 without saying where it stopped.
    nextId = Math.max(nextId, takeaways.nextId ?? 0)
    for (const candidate of takeaways.candidates) for (const id of [candidate.id, ...candidate.samePoint]) nextId = Math.max(nextId, id + 1)
  }
  return { stories, nextId, examples: engine.exampleQuestions() }
}

/**
 * The reuse for a rebuild whose articles have the versions `versionOf` gives: a story with exactly
 * the articles and versions of one in `memory` gets that story's takeaways, as they were numbered.
 * `onReuse` is told of each story reused (for logs and tests).
 */
export function reuseUnchangedStories(memory: StoryMemory | undefined, versionOf: SourceVersion, onReuse?: (story: Story) => void): TakeawayReuse {
  return (story) => {
    const key = memory === undefined ? undefined : storyKey(story, versionOf)
    const kept = key === undefined ? undefined : memory?.stories.get(key)
    if (kept) onReuse?.(story)
    return kept
  }
}

/**
 * Keeps `memory`'s example questions for a rebuild when the new engine still answers each of them.
 * Making them afresh tallies every word of the corpus and asks up to 30 questions (about a fifth of
 * a reload on SciFact), and one added article seldom changes which words most sources share: the
 * kept ones are a previous corpus's choice, so, as with kept takeaways, `onReuse` is told (the
 * caller then counts the build as unsettled, and a settling rebuild without `memory` makes them
 * afresh). A suggestion is never one the engine would decline.
 */
export function reuseExamples(memory: StoryMemory | undefined, onReuse?: () => void): ExampleReuse {
  return (isAnswered) => {
    const kept = memory?.examples
    if (kept === undefined || kept.length === 0 || !kept.every(isAnswered)) return undefined
    onReuse?.()
    return [...kept]
  }
}
