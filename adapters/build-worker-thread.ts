import { parentPort } from 'node:worker_threads'
import { CorpusError, engineToSnapshot, type BuildStage } from '../src/index.js'
import { buildEngineFromDir } from './build-engine.js'
import { createBuildMemory, warmMemory, type BuildMemory } from './build-memory.js'
import { typedArraysIn } from './snapshot-file.js'
import type { BuildThreadMessage, BuildThreadRequest } from './build-worker.js'

/**
 * The long-lived build thread of `createBuildWorker`: builds (or reads from the cache) for each
 * request, one at a time, and posts the engine's snapshot. Between builds it keeps WordNet and each
 * article's reading (`BuildMemory`), so a reload reads only what changed.
 */
function serve(port: NonNullable<typeof parentPort>): void {
  const memory = createBuildMemory()
  // One build at a time, in the order asked: each one's memory is the one before's.
  let queue = Promise.resolve()
  port.on('message', (request: BuildThreadRequest) => {
    queue = queue.then(() => build(port, request, memory))
  })
}

async function build(port: NonNullable<typeof parentPort>, request: BuildThreadRequest, memory: BuildMemory): Promise<void> {
  const { id } = request
  const post = (message: BuildThreadMessage, transfer: ArrayBuffer[] = []) => port.postMessage({ ...message, id }, transfer)
  try {
    if (request.kind === 'warm') {
      const startedAt = performance.now()
      const { articles } = await warmMemory(memory, request.dir)
      post({ kind: 'warmed', articles, durationMs: performance.now() - startedAt })
      post({ kind: 'done' })
      return
    }
    // Each stage's time, so a reload's log and the benchmark say where it went (reading the changed
    // articles is `sentences`).
    const stages: Partial<Record<BuildStage, number>> = {}
    const built = await buildEngineFromDir(
      request.dir,
      { onStage: (stage, ms) => void (stages[stage] = ms) },
      {
        ...(request.cacheDir === undefined ? {} : { dir: request.cacheDir }),
        onSkip: (message, error) => post({ kind: 'skip', message, error: error === undefined ? undefined : error instanceof Error ? error.message : String(error) }),
        writeLater: true,
      },
      {},
      { memory, reuseStories: !request.exact },
    )
    // Taken once, for the main thread and for the file.
    const snapshotAt = performance.now()
    const snapshot = engineToSnapshot(built.engine)
    const timings = { ...built.timings, stages, snapshotTakeMs: performance.now() - snapshotAt }
    if (!request.answerFirst) await built.writeSnapshot?.(snapshot)
    // Moving the typed arrays would leave the engine here without them, and its snapshot file is
    // still to be written: then they are copied, which takes milliseconds.
    post({ kind: 'built', snapshot, articles: built.articles, timings }, request.answerFirst && built.writeSnapshot ? [] : buffersOf(snapshot))
    // After the engine is handed over: the reload need not wait for the disk.
    if (request.answerFirst) await built.writeSnapshot?.(snapshot)
    post({ kind: 'done' })
  } catch (error) {
    if (error instanceof CorpusError) {
      // The message already names the file: keep only what follows it.
      post({ kind: 'failed', corpusFile: error.file, message: error.message.slice(error.file.length + 2) })
    } else {
      post({ kind: 'failed', message: error instanceof Error ? error.message : String(error), ...(error instanceof Error && error.stack ? { stack: error.stack } : {}) })
    }
  }
}

/** The buffers under every typed array in `value`, each once: moved to the other thread, not copied. */
function buffersOf(value: unknown): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>()
  for (const array of typedArraysIn(value)) if (array.buffer instanceof ArrayBuffer) buffers.add(array.buffer)
  return [...buffers]
}

if (parentPort) serve(parentPort)
