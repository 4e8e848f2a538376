import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createNewsroom, type Newsroom } from '../../adapters/articles/newsroom.js'
import { createPageFetcher } from '../../adapters/articles/fetch-page.js'
import { createFileDocuments } from '../../adapters/articles/state-documents.js'
import { createSubscriptionStore } from '../../adapters/articles/subscriptions.js'
import { buildEngineFromDir } from '../../adapters/build-engine.js'
import { createBuildWorker } from '../../adapters/build-worker.js'
import type { Logger } from '../../adapters/logger.js'
import { createCorpusReloader } from '../../adapters/reload.js'
import type { Engine } from '../../src/index.js'
import { BUNDLED_DIR } from './engine.js'

/** A newsroom as `npm start` wires it: a copy of the bundled corpus, reloads on a long-lived build thread, subscriptions in a file. */
export interface TestNewsroom {
  newsroom: Newsroom
  getEngine(): Engine
  corpusDir: string
  stateDir: string
  /** How long each reload took, in milliseconds. */
  reloadsMs: number[]
  close(): Promise<void>
}

/** Builds the engine from a fresh copy of the bundled corpus and wires a newsroom to it. */
export async function startTestNewsroom(logger: Logger, options: { telegramAdminIds?: number[]; minAnnouncementGapMs?: number } = {}): Promise<TestNewsroom> {
  const corpusDir = await mkdtemp(join(tmpdir(), 'newsroom-corpus-'))
  const stateDir = await mkdtemp(join(tmpdir(), 'newsroom-state-'))
  await cp(BUNDLED_DIR, corpusDir, { recursive: true })
  let engine = (await buildEngineFromDir(corpusDir, {}, { dir: false })).engine
  const reloadsMs: number[] = []
  // The reloader is created before the newsroom it tells about swaps.
  const swapped: { to?: Newsroom } = {}
  const worker = createBuildWorker({ logger })
  const reloader = createCorpusReloader({
    dir: corpusDir,
    build: (dir, mode) => worker.build(dir, { dir: false }, mode),
    swap: (next) => {
      const previous = engine
      engine = next
      swapped.to?.onEngineSwap(previous, next)
    },
    logger,
    onResult: () => undefined,
  })
  // As `npm start` does: the first reload then reads only the added article.
  void worker.warm(corpusDir).catch((error: unknown) => logger.warn({ err: error }, 'the build thread could not read the corpus ahead'))
  const newsroom = createNewsroom({
    corpusDir,
    fetchPage: createPageFetcher({ allowHosts: ['127.0.0.1'] }),
    reload: async (reason) => {
      const outcome = await reloader.reload(reason)
      if (outcome.kind === 'reloaded') reloadsMs.push(outcome.durationMs)
      return outcome
    },
    getEngine: () => engine,
    subscriptions: createSubscriptionStore(createFileDocuments(stateDir)),
    logger,
    telegramAdminIds: options.telegramAdminIds ?? [],
    minAnnouncementGapMs: options.minAnnouncementGapMs ?? 0,
  })
  swapped.to = newsroom
  return {
    newsroom,
    getEngine: () => engine,
    corpusDir,
    stateDir,
    reloadsMs,
    async close() {
      await reloader.stop()
      await worker.close()
      await rm(corpusDir, { recursive: true, force: true })
      await rm(stateDir, { recursive: true, force: true })
    },
  }
}
