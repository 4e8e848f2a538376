import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { readArticle, type ArticleInput, type ArticleReading, type PassageOptions, type TakeawayIndex } from '../src/index.js'

/** How `readArticles` spreads the reading across threads. */
export interface ReadThreadsOptions {
  /** Threads reading articles, this one included; 1 reads everything here. Defaults to the machine's cores (`os.availableParallelism()`). */
  threads?: number
  /**
   * Least text, in characters, for which further threads are started: a thread takes about half a
   * second to load the code and the language model, as long as this one needs to read some 1 MB.
   * Defaults to 1,000,000.
   */
  minCharsForThreads?: number
  /**
   * Whether a cold build also ranks the stories' takeaways on these threads (see `buildOnThreads`).
   * Defaults to false: on the shared 2-core machine it was measured slower than one thread (README, Performance).
   */
  takeaways?: boolean
}

export const DEFAULT_READ_THREADS_OPTIONS: Required<ReadThreadsOptions> = { threads: availableParallelism(), minCharsForThreads: 1_000_000, takeaways: false }

/** How many threads a build of `articles` uses, this one included: one for a small corpus (see `ReadThreadsOptions`). */
export function threadCount(articles: readonly ArticleInput[], options: ReadThreadsOptions = {}): number {
  const settings = { ...DEFAULT_READ_THREADS_OPTIONS, ...options }
  const chars = articles.reduce((sum, article) => sum + article.text.length, 0)
  return chars < settings.minCharsForThreads ? 1 : Math.max(1, Math.min(settings.threads, articles.length))
}

/** What a reading thread is given: its share of the articles. */
export interface ReadThreadInput {
  articles: Array<Pick<ArticleInput, 'id' | 'text'>>
  passages: PassageOptions | undefined
}

/** What a build's helper thread posts: its articles' readings, its stories' takeaways (by story id), or why it failed. */
export type ReadThreadMessage = { kind: 'read'; readings: ArticleReading[] } | { kind: 'ranked'; ranked: Array<[string, TakeawayIndex]> } | { kind: 'failed'; message: string }

/** Thrown when a reading thread fails; the message holds the thread's stack. */
export class ReadThreadError extends Error {
  override name = 'ReadThreadError'
}

/** The entry of a build's helper threads, reading articles or ranking takeaways. */
export const THREAD_ENTRY = new URL('./read-worker-entry.mjs', import.meta.url)

/**
 * Reads every article with `readArticle` (passages and the one NLP reading of each sentence), on this
 * thread and on `threads − 1` worker threads, each reading an equal share of the text as one run of
 * consecutive articles. Returns the readings in the order of `articles`.
 *
 * The shares are fixed, not taken from a queue, because wink-nlp learns words as it reads: a word it
 * has met whole ("Huntington's") is kept whole afterwards. A thread's readings depend on what it read
 * before, so a fresh process with a given number of threads always builds the same engine, and one
 * thread builds what `createEngine` does. On SciFact this touches about 1 sentence in 1,000.
 */
export async function readArticles(articles: ArticleInput[], passages?: PassageOptions, options: ReadThreadsOptions = {}): Promise<ArticleReading[]> {
  return startReadingArticles(articles, passages, options).finish()
}

/** A reading started on the helper threads (`startReadingArticles`), with this thread's share still to read. */
export interface StartedReading {
  /**
   * Reads this thread's share, then takes in the helper threads'; the readings in the order of the
   * articles. `meanwhile` runs after this thread's share, while the helper threads may still be reading.
   */
  finish(meanwhile?: () => void): Promise<ArticleReading[]>
  /** Ends the helper threads without reading: for a build that fails before `finish`. */
  cancel(): Promise<void>
}

/**
 * `readArticles` in two steps: the helper threads start now, and this thread reads its share at
 * `finish`. A build does something else in between (reading WordNet), while the helper threads load
 * the code and the language model, which takes them about a second. The shares are those of
 * `readArticles`, so the readings are the same.
 */
export function startReadingArticles(articles: ArticleInput[], passages?: PassageOptions, options: ReadThreadsOptions = {}): StartedReading {
  const count = threadCount(articles, options)
  const readHere = (share: ArticleInput[]) => share.map((article) => readArticle(article, passages))
  if (count === 1) {
    return {
      async finish(meanwhile) {
        const read = readHere(articles)
        meanwhile?.()
        return read
      },
      cancel: async () => {},
    }
  }
  const shares = shareByText(articles, count)
  const threads = shares.slice(1).map((share) => new Worker(THREAD_ENTRY, { workerData: { articles: share.map(({ id, text }) => ({ id, text })), passages } satisfies ReadThreadInput }))
  const theirs = Promise.all(threads.map((worker) => threadResult(worker, (message) => (message.kind === 'read' ? message.readings : undefined))))
  // Taken in after this thread's own share; until then, a failure must not count as unhandled.
  theirs.catch(() => {})
  const end = () => Promise.all(threads.map((worker) => worker.terminate())).then(() => {})
  return {
    async finish(meanwhile) {
      try {
        const mine = readHere(shares[0] ?? [])
        meanwhile?.()
        return [mine, ...(await theirs)].flat()
      } finally {
        await end()
      }
    },
    cancel: end,
  }
}

/**
 * What `worker` posts, as `accept` takes it; rejects when the thread fails, posts something `accept`
 * does not take, or exits first.
 */
export function threadResult<T>(worker: Worker, accept: (message: ReadThreadMessage) => T | undefined): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    worker.on('message', (message: ReadThreadMessage) => {
      const taken = accept(message)
      if (taken !== undefined) resolve(taken)
      else reject(new ReadThreadError(message.kind === 'failed' ? message.message : `a helper thread posted an unexpected ${message.kind} message`))
    })
    worker.on('error', reject)
    worker.on('exit', (code) => reject(new ReadThreadError(`a helper thread exited (code ${code}) before it finished`)))
  })
}

/** `articles` cut into `count` runs of consecutive articles with about equal text each. */
function shareByText(articles: ArticleInput[], count: number): ArticleInput[][] {
  const total = articles.reduce((sum, article) => sum + article.text.length, 0)
  const shares: ArticleInput[][] = [[]]
  let read = 0
  for (const article of articles) {
    if (read >= (total * shares.length) / count && shares.length < count) shares.push([])
    shares[shares.length - 1]?.push(article)
    read += article.text.length
  }
  return shares
}
