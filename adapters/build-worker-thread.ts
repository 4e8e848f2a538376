import { parentPort, workerData } from 'node:worker_threads'
import { CorpusError, engineToSnapshot } from '../src/index.js'
import { buildEngineFromDir } from './build-engine.js'
import { typedArraysIn } from './snapshot-file.js'
import type { BuildThreadInput, BuildThreadMessage } from './build-worker.js'

/** The build thread of `buildEngineInWorker`: builds (or reads from the cache) and posts the engine's snapshot. */
async function main(port: NonNullable<typeof parentPort>, input: BuildThreadInput): Promise<void> {
  const post = (message: BuildThreadMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer)
  try {
    const built = await buildEngineFromDir(input.dir, {}, {
      ...(input.cacheDir === undefined ? {} : { dir: input.cacheDir }),
      onSkip: (message, error) => post({ kind: 'skip', message, error: error === undefined ? undefined : error instanceof Error ? error.message : String(error) }),
    })
    const snapshot = engineToSnapshot(built.engine)
    post({ kind: 'built', snapshot, articles: built.articles, timings: built.timings }, buffersOf(snapshot))
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

if (parentPort) await main(parentPort, workerData as BuildThreadInput)
