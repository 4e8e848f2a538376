import { createHash } from 'node:crypto'
import { basename } from 'node:path'
import { rememberStories, reuseExamples, reuseUnchangedStories, prepareSynsets, type ArticleInput, type ArticleReading, type BuildReuse, type Engine, type PassageOptions, type StoryMemory, type Synsets } from '../src/index.js'
import { parseCorpusFiles, readCorpusFiles, type CorpusFile } from './load-corpus.js'
import { readArticles, type ReadThreadsOptions } from './read-articles.js'
import { loadWordNetSynsets } from './wordnet.js'

/**
 * What a long-lived build thread keeps from one build of a corpus folder to the next, so that a
 * reload reads only the articles added or changed since (`readArticle`, the NLP pass, is the costly
 * step) and ranks takeaways only for the stories they touch.
 */
export interface BuildMemory {
  /** The folder and passage options the memory is of; a build of another starts afresh. */
  of?: string
  /** Each file's reading in the last build, by file name, with a hash of the file's content then. */
  readings: Map<string, { hash: string; reading: ArticleReading }>
  /** Each story's takeaways in the last build (see `rememberStories`). */
  stories?: StoryMemory
  /**
   * Whether `stories` came from a settled build: kept from an unsettled one, they are a still older
   * corpus's even when no article changed since.
   */
  storiesSettled?: boolean
  /** WordNet's synonym sets, read by the first build (about 1.5 s) and kept for every later one. */
  synsets?: Synsets
}

/** What a build reused from its memory, for logs and benchmarks. */
export interface ReuseCounts {
  /** Articles read with the NLP library in this build: the new and changed ones. */
  readArticles: number
  /** Articles whose reading was the last build's. */
  reusedArticles: number
  /** Articles of the last build no longer in the folder. */
  removedArticles: number
  /** Stories whose takeaways were the last build's, of `stories`. */
  reusedStories: number
  stories: number
  /** Whether the example questions were the last build's (still answered by this one), not made afresh. */
  reusedExamples: boolean
  /**
   * False when a kept story's takeaways were ranked against a corpus other than this one (they are
   * ranked with the whole corpus's word statistics), or the example questions were chosen from it:
   * they may differ a little from a cold build's until a build without reuse (`reuseStories: false`)
   * works them out again.
   */
  settled: boolean
}

/** An empty memory: the first build with it reads every article. */
export function createBuildMemory(): BuildMemory {
  return { readings: new Map() }
}

/** A hash of a file's content: equal contents, equal readings. */
function contentHash(content: string): string {
  return createHash('sha256').update(content).digest('base64url').slice(0, 22)
}

/**
 * One build's use of `memory`: reads the articles of `files` (parsed as `articles`, in the same
 * order) that are not in it unchanged, gives the reuse of unchanged stories' takeaways, and, once
 * the engine is built, `remember` replaces the memory with this build's (dropping removed files);
 * without an engine, it keeps the readings only.
 */
export async function readWithMemory(
  memory: BuildMemory,
  dir: string,
  files: readonly CorpusFile[],
  articles: ArticleInput[],
  passages: PassageOptions | undefined,
  threads: ReadThreadsOptions,
  reuseStories: boolean,
): Promise<{ read: ArticleReading[]; reuse: BuildReuse; counts: ReuseCounts; remember(engine: Engine | undefined): void }> {
  const of = `${dir}\n${JSON.stringify(passages ?? {})}`
  if (memory.of !== of) {
    memory.readings.clear()
    memory.stories = undefined
    memory.storiesSettled = undefined
    memory.of = of
  }
  const names = files.map(({ file }) => basename(file))
  const hashes = files.map(({ content }) => contentHash(content))
  const kept = names.map((name, i) => {
    const known = memory.readings.get(name)
    return known !== undefined && known.hash === hashes[i] ? known.reading : undefined
  })
  const fresh = articles.filter((_article, i) => kept[i] === undefined)
  const freshRead = await readArticles(fresh, passages, threads)
  let next = 0
  const read = kept.map((reading) => reading ?? (freshRead[next++] as ArticleReading))
  const versionOf = new Map(articles.map((article, i) => [article.id, `${names[i]}#${hashes[i]}`]))
  const reusedArticles = articles.length - fresh.length
  const present = new Set(names)
  const removedArticles = [...memory.readings.keys()].filter((name) => !present.has(name)).length
  const counts: ReuseCounts = { readArticles: fresh.length, reusedArticles, removedArticles, reusedStories: 0, stories: 0, reusedExamples: false, settled: true }
  const unchanged = fresh.length === 0 && removedArticles === 0 && memory.storiesSettled !== false
  const last = reuseStories ? memory.stories : undefined
  // What is kept from a build of another corpus is that corpus's choice, not this one's.
  const unsettle = () => void (unchanged || (counts.settled = false))
  const reuse: BuildReuse = {
    takeaways: reuseUnchangedStories(last, (id) => versionOf.get(id), () => {
      counts.reusedStories++
      unsettle()
    }),
    ...(last ? { freshTakeawayIds: last.nextId } : {}),
    examples: reuseExamples(last, () => {
      counts.reusedExamples = true
      unsettle()
    }),
  }
  return {
    read,
    reuse,
    counts,
    remember(engine) {
      memory.readings = new Map(names.map((name, i) => [name, { hash: hashes[i] ?? '', reading: read[i] as ArticleReading }]))
      if (engine === undefined) return
      memory.stories = rememberStories(engine, (id) => versionOf.get(id))
      memory.storiesSettled = counts.settled
      counts.stories = engine.stories().length
    },
  }
}

/**
 * Reads every article of `dir` into `memory`, with WordNet and what indexing needs of it alone
 * (`prepareSynsets`), without building an engine: what a long-lived build thread does ahead of its
 * first reload, so that reload reads only what changed. Takeaways are ranked by that first reload.
 * A broken file throws `CorpusError`, as a build does.
 */
export async function warmMemory(memory: BuildMemory, dir: string, passages?: PassageOptions): Promise<{ articles: number }> {
  const files = await readCorpusFiles(dir)
  const articles = parseCorpusFiles(files)
  memory.synsets ??= await loadWordNetSynsets()
  prepareSynsets(memory.synsets)
  const { remember } = await readWithMemory(memory, dir, files, articles, passages, {}, false)
  remember(undefined)
  return { articles: articles.length }
}
