import { Worker } from 'node:worker_threads'
import { CorpusError, createEngineFromSnapshot, isEngineSnapshot, type BuildStage, type Engine } from '../src/index.js'
import type { BuildTimings, SnapshotCacheOptions } from './build-engine.js'
import type { Logger } from './logger.js'

/** A build's timings on the thread, with where the time went, for logs and benchmarks. */
export interface ThreadBuildTimings extends BuildTimings {
  /** Each stage the build ran, in ms (see `BuildStage`); a reload's `sentences` is reading its new and changed articles. */
  stages?: Partial<Record<BuildStage, number>>
  /** Taking the engine's snapshot on the thread, to hand it over. */
  snapshotTakeMs?: number
  /** Assembling the engine from that snapshot on the receiving thread, after it arrived. */
  snapshotLoadMs?: number
}

/** What the build thread posts back: the engine as a snapshot, or why it could not build one. */
export type BuildThreadMessage =
  | { kind: 'built'; snapshot: unknown; articles: number; timings: ThreadBuildTimings }
  | { kind: 'warmed'; articles: number; durationMs: number }
  | { kind: 'skip'; message: string; error: string | undefined }
  | { kind: 'failed'; corpusFile?: string; message: string; stack?: string }
  /** After `built` or `warmed`, once the snapshot file is written: no more messages about the request. */
  | { kind: 'done' }

/**
 * What the build thread is asked: `build` posts the engine back; `warm` builds only to remember the
 * corpus (its readings, WordNet), so that the next `build` of it reads only what changed.
 */
export interface BuildThreadRequest {
  kind: 'build' | 'warm'
  /** Echoed in every message about this request. */
  id: number
  dir: string
  cacheDir: string | false | undefined
  /** Post the engine before writing its snapshot file (the reload need not wait for the disk), not after. */
  answerFirst: boolean
  /** Rank every story's takeaways again rather than keep those of unchanged stories (see `ReuseCounts.settled`). */
  exact: boolean
}

/** Thrown for a build thread that failed for a reason other than a bad corpus file; the stack is the thread's. */
export class BuildThreadError extends Error {
  override name = 'BuildThreadError'
}

const THREAD_ENTRY = new URL('./build-worker-entry.mjs', import.meta.url)

/** Starts a build thread; the entry registers tsx, so the thread runs the TypeScript sources as the process does. */
export function spawnBuildThread(): Worker {
  return new Worker(THREAD_ENTRY)
}

/** Options for `createBuildWorker`. */
export interface BuildWorkerOptions {
  /** Told when a thread starts and when one dies. Defaults to none. */
  logger?: Logger
  /** Starts a thread. Defaults to `spawnBuildThread`; tests wrap it to reach the thread. */
  spawn?: () => Worker
  /**
   * Write a build's snapshot file before handing the engine over, not after. Defaults to false (a
   * reload need not wait for the disk); replicas that reload from the snapshot another one
   * announces need it written first.
   */
  snapshotFirst?: boolean
}

/** How a reload builds: `exact` ranks every story's takeaways again (see `ReuseCounts.settled`). Defaults to false. */
export interface BuildMode {
  exact?: boolean
}

/** One long-lived build thread (see `createBuildWorker`). */
export interface BuildWorker {
  /**
   * Builds the engine over `dir` on the thread, reading only the articles it has not read as they
   * are, and keeping the takeaways of stories no article of which changed, unless `exact`.
   */
  build(dir: string, cache?: SnapshotCacheOptions, mode?: BuildMode): Promise<{ engine: Engine; articles: number; timings: ThreadBuildTimings }>
  /**
   * Reads `dir`'s articles and WordNet on the thread without building an engine (`warmMemory`), so
   * the first `build` after it reads only what changed: for a process that started from a snapshot
   * or built on its own thread. That first build still ranks every story's takeaways.
   */
  warm(dir: string): Promise<{ articles: number; durationMs: number }>
  /** Ends the thread once the snapshot files it is writing are written; builds in progress reject. */
  close(): Promise<void>
}

interface Pending {
  request: BuildThreadRequest
  cache: SnapshotCacheOptions
  resolve(message: Extract<BuildThreadMessage, { kind: 'built' | 'warmed' }>): void
  reject(error: unknown): void
  /** Whether it was sent again after its thread died: a second death fails it. */
  retried: boolean
}

/**
 * `buildEngineFromDir` on one worker thread kept for the life of the process, so that reading, NLP
 * and indexing never hold up the questions the running engine is answering, and each reload after
 * the first reads only new and changed articles (the thread keeps a `BuildMemory`). The thread hands
 * the engine over as its snapshot, whose bulk is typed arrays, and the engine is assembled from it
 * here in milliseconds. A bad corpus file rejects with a `CorpusError`, as a build here would.
 *
 * A thread that dies (out of memory, a crash) is replaced at once and logged; the build it was
 * running is sent once more to the new thread, and the corpus it last built is read again there.
 */
export function createBuildWorker(options: BuildWorkerOptions = {}): BuildWorker {
  const { logger } = options
  const spawn = options.spawn ?? spawnBuildThread
  const pending = new Map<number, Pending>()
  /** Builds handed over whose snapshot file the thread is still writing, by request id. */
  const writing = new Map<number, { cache: SnapshotCacheOptions; finish(): void; finished: Promise<void> }>()
  let thread: Worker | undefined
  let nextId = 1
  let closed = false
  /** The last corpus built or warmed, read again by a thread that replaces a dead one. */
  let lastDir: string | undefined

  // A thread with nothing to do must not keep a stopping process alive; one with work must.
  const refIfBusy = () => (pending.size > 0 || writing.size > 0 ? thread?.ref() : thread?.unref())

  function start(): Worker {
    const worker = spawn()
    worker.unref()
    logger?.info({ threadId: worker.threadId }, 'build thread started')
    worker.on('message', (message: BuildThreadMessage & { id: number }) => onMessage(message))
    worker.on('error', (error) => logger?.error({ err: error, threadId: worker.threadId }, 'build thread failed'))
    worker.on('exit', (code) => onExit(worker, code))
    return worker
  }

  function onMessage(message: BuildThreadMessage & { id: number }): void {
    if (message.kind === 'done') {
      writing.get(message.id)?.finish()
      writing.delete(message.id)
      refIfBusy()
      return
    }
    if (message.kind === 'skip') {
      const onSkip = (pending.get(message.id)?.cache ?? writing.get(message.id)?.cache)?.onSkip
      onSkip?.(message.message, message.error === undefined ? undefined : new Error(message.error))
      return
    }
    const waiting = pending.get(message.id)
    if (!waiting) return
    pending.delete(message.id)
    // Until `done`, the snapshot is being written, and why it could not be is still to be told.
    if (message.kind !== 'failed') {
      let finish = () => {}
      const finished = new Promise<void>((resolve) => (finish = resolve))
      writing.set(message.id, { cache: waiting.cache, finish, finished })
    }
    refIfBusy()
    if (message.kind === 'failed') {
      const error = message.corpusFile === undefined ? new BuildThreadError(message.message) : new CorpusError(message.corpusFile, message.message)
      if (message.stack !== undefined && !(error instanceof CorpusError)) error.stack = message.stack
      waiting.reject(error)
    } else {
      waiting.resolve(message)
    }
  }

  function onExit(worker: Worker, code: number): void {
    if (worker !== thread) return
    thread = undefined
    for (const { finish } of writing.values()) finish()
    writing.clear()
    if (closed) return
    const running = [...pending.values()]
    logger?.error({ threadId: worker.threadId, code, builds: running.length }, 'the build thread died; starting a new one')
    for (const waiting of running) {
      if (!waiting.retried) continue
      pending.delete(waiting.request.id)
      waiting.reject(new BuildThreadError(`the build thread exited (code ${code}) twice while building ${waiting.request.dir}`))
    }
    thread = start()
    for (const waiting of pending.values()) {
      waiting.retried = true
      thread.postMessage(waiting.request)
    }
    // Its memory died with it: read the corpus again in the background, so the next reload is quick.
    if (lastDir !== undefined && pending.size === 0) void warm(lastDir).catch((error: unknown) => logger?.warn({ err: error }, 'the new build thread could not read the corpus ahead'))
    refIfBusy()
  }

  function request(kind: BuildThreadRequest['kind'], dir: string, cache: SnapshotCacheOptions, exact = false): Promise<Extract<BuildThreadMessage, { kind: 'built' | 'warmed' }>> {
    if (closed) return Promise.reject(new BuildThreadError('the build thread was closed'))
    thread ??= start()
    const worker = thread
    lastDir = dir
    return new Promise((resolve, reject) => {
      const message: BuildThreadRequest = { kind, id: nextId++, dir, cacheDir: cache.dir, answerFirst: !options.snapshotFirst, exact }
      pending.set(message.id, { request: message, cache, resolve, reject, retried: false })
      refIfBusy()
      worker.postMessage(message)
    })
  }

  async function warm(dir: string) {
    const message = await request('warm', dir, {})
    return { articles: message.articles, durationMs: message.kind === 'warmed' ? message.durationMs : 0 }
  }

  return {
    async build(dir, cache = {}, mode = {}) {
      const message = await request('build', dir, cache, mode.exact)
      if (message.kind !== 'built' || !isEngineSnapshot(message.snapshot)) throw new BuildThreadError('the build thread sent something other than an engine snapshot')
      const loadAt = performance.now()
      const engine = createEngineFromSnapshot(message.snapshot)
      return { engine, articles: message.articles, timings: { ...message.timings, snapshotLoadMs: performance.now() - loadAt } }
    },
    warm,
    async close() {
      closed = true
      await Promise.all([...writing.values()].map(({ finished }) => finished))
      const worker = thread
      thread = undefined
      for (const waiting of pending.values()) waiting.reject(new BuildThreadError('the build thread was closed'))
      pending.clear()
      await worker?.terminate()
    },
  }
}

/**
 * One build on a thread of its own, ended after it: `createBuildWorker` for a single build. A
 * process that reloads keeps one `BuildWorker` instead.
 */
export async function buildEngineInWorker(dir: string, cache: SnapshotCacheOptions = {}): Promise<{ engine: Engine; articles: number; timings: ThreadBuildTimings }> {
  const worker = createBuildWorker()
  try {
    return await worker.build(dir, cache)
  } finally {
    await worker.close()
  }
}
