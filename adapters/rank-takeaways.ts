import { Worker } from 'node:worker_threads'
import type { ArticleInput, Engine, PendingEngine, Story, TakeawayIndex } from '../src/index.js'
import { THREAD_ENTRY, threadResult } from './read-articles.js'

/**
 * Ranking stories' takeaways on several threads. Ranking is most of a build after the reading, and
 * stories are ranked independently of one another, so a build shares them out: this thread ranks
 * one share, each helper thread another, and the engine takes them in numbered as one thread would
 * have numbered them.
 */

/**
 * Builds the engine `prepare` prepares (on this thread), with its stories' takeaways ranked on this
 * thread and on `count − 1` helper threads, each with about an equal share of the text, the largest
 * stories placed first (see `shareStories`). The helper threads are started before `prepare` is
 * called and end with the build. A `count` of 1 or less, or a corpus of one story, is built here alone.
 */
export async function buildOnThreads(prepare: () => PendingEngine, articles: readonly ArticleInput[], count: number): Promise<Engine> {
  // Started first, so that loading the code on them overlaps the index, stories and claims built here.
  const workers = Array.from({ length: Math.max(0, count - 1) }, () => new Worker(THREAD_ENTRY, { workerData: { takeaways: true } }))
  try {
    const pending = prepare()
    if (workers.length === 0 || pending.stories.length < 2) return pending.finish()
    const startedAt = performance.now()
    const [mine = [], ...shares] = shareStories(pending.stories, articles, workers.length + 1)
    const theirs = Promise.all(
      workers.map((worker, i) => {
        const result = threadResult(worker, (message) => (message.kind === 'ranked' ? message.ranked : undefined))
        worker.postMessage(pending.takeawayWork((shares[i] ?? []).map((story) => story.id)))
        return result
      }),
    )
    // Taken in after this thread's own share; until then, a failure must not count as unhandled.
    theirs.catch(() => {})
    const ranked: Map<string, TakeawayIndex> = pending.rankStories(mine.map((story) => story.id))
    for (const [storyId, built] of (await theirs).flat()) ranked.set(storyId, built)
    return pending.finish(ranked, performance.now() - startedAt)
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
}

/**
 * `stories` in `count` shares of about equal text, the first for this thread: each story, largest
 * first, goes to the share with the least text so far (ties to the first). Fixed by the stories
 * alone, so a build with a given number of threads always ranks each story on the same one.
 */
export function shareStories(stories: readonly Story[], articles: readonly ArticleInput[], count: number): Story[][] {
  const chars = new Map(articles.map((article) => [article.id, article.text.length]))
  const sizeOf = (story: Story) => story.sources.reduce((sum, id) => sum + (chars.get(id) ?? 0), 0)
  const shares: Story[][] = Array.from({ length: count }, () => [])
  const loads = new Array<number>(count).fill(0)
  const bySize = stories.map((story) => ({ story, size: sizeOf(story) })).sort((a, b) => b.size - a.size)
  for (const { story, size } of bySize) {
    const least = loads.indexOf(Math.min(...loads))
    shares[least]?.push(story)
    loads[least] = (loads[least] ?? 0) + size
  }
  return shares
}
