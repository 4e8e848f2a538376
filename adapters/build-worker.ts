import { Worker } from 'node:worker_threads'
import { CorpusError, createEngineFromSnapshot, isEngineSnapshot, type Engine } from '../src/index.js'
import type { BuildTimings, SnapshotCacheOptions } from './build-engine.js'

/** What the build thread posts back: the engine as a snapshot, or why it could not build one. */
export type BuildThreadMessage =
  | { kind: 'built'; snapshot: unknown; articles: number; timings: BuildTimings }
  | { kind: 'skip'; message: string; error: string | undefined }
  | { kind: 'failed'; corpusFile?: string; message: string; stack?: string }

/** What the build thread is given. */
export interface BuildThreadInput {
  dir: string
  cacheDir: string | false | undefined
}

/** Thrown for a build thread that failed for a reason other than a bad corpus file; the stack is the thread's. */
export class BuildThreadError extends Error {
  override name = 'BuildThreadError'
}

const THREAD_ENTRY = new URL('./build-worker-entry.mjs', import.meta.url)

/**
 * `buildEngineFromDir` on a worker thread, so that reading, NLP and indexing a large corpus never
 * holds up the questions the running engine is answering. The thread hands the engine over as its
 * snapshot, whose bulk (texts, passages, postings) is typed arrays moved without a copy, and the
 * engine is assembled from it here, which takes milliseconds. A bad corpus file rejects with a
 * `CorpusError`, as a build on this thread would.
 */
export function buildEngineInWorker(dir: string, cache: SnapshotCacheOptions = {}): Promise<{ engine: Engine; articles: number; timings: BuildTimings }> {
  return new Promise((resolve, reject) => {
    const input: BuildThreadInput = { dir, cacheDir: cache.dir }
    // The entry registers tsx: the thread runs the TypeScript sources, as the process does.
    const worker = new Worker(THREAD_ENTRY, { workerData: input })
    let settled = false
    const settle = (outcome: () => void) => {
      if (settled) return
      settled = true
      outcome()
      void worker.terminate()
    }
    worker.on('message', (message: BuildThreadMessage) => {
      if (message.kind === 'skip') {
        cache.onSkip?.(message.message, message.error === undefined ? undefined : new Error(message.error))
        return
      }
      if (message.kind === 'failed') {
        const error = message.corpusFile === undefined ? new BuildThreadError(message.message) : new CorpusError(message.corpusFile, message.message)
        if (message.stack !== undefined && !(error instanceof CorpusError)) error.stack = message.stack
        settle(() => reject(error))
        return
      }
      settle(() => {
        try {
          if (!isEngineSnapshot(message.snapshot)) throw new BuildThreadError('the build thread sent something other than an engine snapshot')
          resolve({ engine: createEngineFromSnapshot(message.snapshot), articles: message.articles, timings: message.timings })
        } catch (error) {
          reject(error)
        }
      })
    })
    worker.on('error', (error) => settle(() => reject(error)))
    worker.on('exit', (code) => settle(() => reject(new BuildThreadError(`the build thread exited (code ${code}) without an engine`))))
  })
}
