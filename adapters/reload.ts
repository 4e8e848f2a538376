import { watch, type FSWatcher } from 'node:fs'
import { CorpusError, type BuildStage, type Engine } from '../src/index.js'
import type { ReuseCounts } from './build-memory.js'
import type { Logger } from './logger.js'

/** Options for `createCorpusReloader`. */
export interface CorpusReloaderOptions {
  /** The corpus folder to rebuild from and to watch. */
  dir: string
  /**
   * Builds a new engine from `dir`; the composition root passes a `BuildWorker`'s `build`. `exact`
   * asks for every story's takeaways ranked again: the reloader asks for it after a build that kept
   * some from before a change (`reused.settled` false).
   */
  build(dir: string, mode?: { exact?: boolean }): Promise<{ engine: Engine; articles: number; timings?: { from: 'snapshot' | 'build'; reused?: ReuseCounts; stages?: Partial<Record<BuildStage, number>> } }>
  /** Puts a freshly built engine in service. Called only after a build succeeded. */
  swap(engine: Engine): void
  logger: Logger
  /** Told the result of every attempt, for metrics. Defaults to nothing. */
  onResult?(result: 'reloaded' | 'failed'): void
  /** Quiet time after the last change before rebuilding: editors and `cp` write a file in several events. Defaults to 300. */
  debounceMs?: number
}

const DEFAULT_RELOADER_OPTIONS = { debounceMs: 300 }

/** The reason logged for the reload that ranks again the takeaways a quick reload kept. */
export const SETTLE_REASON = 'settle: rank again the takeaways of stories kept from before the change'

/** What one reload did. A failed build is an expected outcome: the previous index stays in service. */
export type ReloadOutcome =
  | { kind: 'reloaded'; articles: number; durationMs: number }
  | { kind: 'failed'; message: string }
  | { kind: 'stopped' }

/** Rebuilds the index on demand (SIGHUP) or when the corpus folder changes. */
export interface CorpusReloader {
  /**
   * Rebuilds now, or right after the build in progress (changes may have landed during it), and
   * resolves with the outcome. Never rejects. `exact` ranks every story's takeaways again (see `build`).
   */
  reload(reason: string, exact?: boolean): Promise<ReloadOutcome>
  /** Starts watching the corpus folder; a change triggers `reload` after `debounceMs` of quiet. */
  watch(): void
  /** Stops watching and waits for a build in progress, without swapping it in. */
  stop(): Promise<void>
}

// The files `loadCorpusDir` reads: a change to any other file cannot change the index.
const ARTICLE_FILE = /\.(md|markdown|txt)$/i

/**
 * Creates the reloader. The new engine is built in the background while the old one keeps
 * answering, then swapped in with one assignment: a question is answered by whichever engine
 * `getEngine()` returned when it started, so questions in flight finish on the old index.
 */
export function createCorpusReloader(options: CorpusReloaderOptions): CorpusReloader {
  const { dir, build, swap, logger, onResult } = options
  const { debounceMs } = { ...DEFAULT_RELOADER_OPTIONS, ...options }
  let running: Promise<ReloadOutcome> | undefined
  let queued: Promise<ReloadOutcome> | undefined
  let queuedExact = false
  let watcher: FSWatcher | undefined
  let timer: NodeJS.Timeout | undefined
  let stopped = false

  async function rebuild(reason: string, exact: boolean): Promise<ReloadOutcome> {
    const startedAt = performance.now()
    logger.info({ reason, corpusDir: dir }, 'corpus reload started')
    try {
      const { engine, articles, timings } = await build(dir, { exact })
      if (stopped) return { kind: 'stopped' }
      swap(engine)
      const durationMs = Math.round(performance.now() - startedAt)
      // What the build thread could keep from the last build: few articles read means a quick reload.
      // Where the time went, by stage (`sentences` is reading the new and changed articles).
      const stagesMs = timings?.stages ? Object.fromEntries(Object.entries(timings.stages).map(([stage, ms]) => [stage, Math.round(ms)])) : undefined
      logger.info({ reason, articles, durationMs, from: timings?.from, ...(timings?.reused ? { reused: timings.reused } : {}), ...(stagesMs ? { stagesMs } : {}) }, 'corpus reloaded')
      onResult?.('reloaded')
      // The kept stories' takeaways were ranked before the change: rank them again in the
      // background, so the index in service soon equals a cold build's (announcements are not held up).
      if (timings?.reused?.settled === false) void reload(SETTLE_REASON, true)
      return { kind: 'reloaded', articles, durationMs }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      // A bad article is the operator's to fix and its message names the file and field; a stack adds nothing.
      if (error instanceof CorpusError) logger.error({ reason, file: error.file, problem: message }, 'corpus reload failed: the previous index stays in service')
      else logger.error({ err: error, reason }, 'corpus reload failed: the previous index stays in service')
      onResult?.('failed')
      return { kind: 'failed', message }
    }
  }

  function reload(reason: string, exact = false): Promise<ReloadOutcome> {
    if (stopped) return Promise.resolve({ kind: 'stopped' })
    if (running === undefined) {
      running = rebuild(reason, exact).finally(() => {
        running = undefined
      })
      return running
    }
    // One rebuild after the current one covers any number of changes made meanwhile; it is exact
    // if any of them asked for it.
    queuedExact ||= exact
    queued ??= running.then(() => {
      queued = undefined
      const wasExact = queuedExact
      queuedExact = false
      return reload(reason, wasExact)
    })
    return queued
  }

  function isRelevant(fileName: string | null): boolean {
    // No name: something changed, we cannot tell what. `..data`: a Kubernetes ConfigMap volume
    // swaps all its files at once by renaming this symlink.
    if (fileName === null) return true
    if (fileName.startsWith('..data')) return true
    return ARTICLE_FILE.test(fileName) && !fileName.startsWith('.')
  }

  return {
    reload,
    watch() {
      if (watcher !== undefined || stopped) return
      // Not persistent: watching alone must not keep a stopping process alive.
      watcher = watch(dir, { persistent: false }, (_event, fileName) => {
        if (!isRelevant(fileName === null ? null : String(fileName))) return
        clearTimeout(timer)
        timer = setTimeout(() => void reload(`changed: ${fileName ?? 'corpus folder'}`), debounceMs)
      })
      watcher.on('error', (error) => logger.error({ err: error, corpusDir: dir }, 'watching the corpus folder failed; reload with SIGHUP'))
      logger.info({ corpusDir: dir, debounceMs }, 'watching the corpus folder')
    },
    async stop() {
      stopped = true
      clearTimeout(timer)
      watcher?.close()
      await running
    },
  }
}
