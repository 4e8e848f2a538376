import type { Registry } from 'prom-client'
import type { Engine } from '../../src/index.js'
import type { Logger } from '../logger.js'
import type { ReloadOutcome } from '../reload.js'
import { createMemoryStore } from '../store/memory.js'
import type { KeyValueStore } from '../store/store.js'
import type { StoryLookup } from './announce.js'
import type { ArticleSettings } from './config.js'
import { createFeedPoller } from './feeds.js'
import { createPageFetcher } from './fetch-page.js'
import { createFileLocks, createStoreLocks } from './locks.js'
import { createNewsroom, type Newsroom } from './newsroom.js'
import { createFileDocuments, createStoreDocuments } from './state-documents.js'
import { createSubscriptionStore } from './subscriptions.js'

/** What the composition root passes to `startNewsroom`. */
export interface StartNewsroomOptions {
  settings: ArticleSettings
  corpusDir: string
  /** Without `store`, subscriptions and feed state are kept here (`subscriptions.json`, `feeds.json`); `false` keeps them in memory only. */
  snapshotDir: string | false
  /**
   * The shared store (`REDIS_URL`): subscriptions, feed state, the corpus write lock, feed leases
   * and announcement claims go there, so replicas share them. Defaults to none (files and memory).
   */
  store?: KeyValueStore
  reload(reason: string): Promise<ReloadOutcome>
  getEngine(): Engine
  logger: Logger
  registry?: Registry
  /** See `StoryLookup`. Defaults to none. */
  storyOf?: StoryLookup
}

/** The running newsroom and its feed poller. */
export interface RunningNewsroom {
  newsroom: Newsroom
  /** Starts polling `FEEDS`, if any; call once the chat adapters have registered their senders. */
  startPolling(): void
  stop(): Promise<void>
}

/**
 * Creates the newsroom (safe fetcher; subscriptions and feed state next to the snapshots, or in
 * the shared store) and the poller of `FEEDS`. With no feeds nothing runs in the background.
 */
export function startNewsroom(options: StartNewsroomOptions): RunningNewsroom {
  const { settings, logger, store, snapshotDir } = options
  const fetchPage = createPageFetcher({ allowHosts: settings.allowHosts })
  if (store === undefined && snapshotDir === false) logger.warn('SNAPSHOT_DIR is off: channel subscriptions and feed state are kept in memory and lost on restart')
  const memory = createMemoryStore()
  const documents = store ? createStoreDocuments(store) : snapshotDir === false ? createStoreDocuments(memory) : createFileDocuments(snapshotDir)
  // Feed leases live where the feed state does; the corpus write lock is a file in the corpus folder unless Redis is shared.
  const feedLocks = store ? createStoreLocks(store) : snapshotDir === false ? createStoreLocks(memory) : createFileLocks(snapshotDir)
  const subscriptions = createSubscriptionStore(documents)
  const newsroom = createNewsroom({
    corpusDir: options.corpusDir,
    fetchPage,
    reload: options.reload,
    getEngine: options.getEngine,
    subscriptions,
    logger,
    telegramAdminIds: settings.telegramAdminIds,
    ...(options.storyOf ? { storyOf: options.storyOf } : {}),
    ...(store ? { locks: createStoreLocks(store), claims: store } : { locks: createFileLocks(options.corpusDir) }),
  })
  const poller =
    settings.feeds.length > 0
      ? createFeedPoller({ feeds: settings.feeds, intervalMs: settings.feedIntervalMs, fetchPage, addArticle: (url) => newsroom.add(url), logger, documents, locks: feedLocks, ...(options.registry ? { registry: options.registry } : {}) })
      : undefined
  return {
    newsroom,
    startPolling() {
      if (poller === undefined) return
      // The page reader is loaded on first use; with feeds, load it now, not when the first item is waiting.
      void import('./extract-article.js').catch((error: unknown) => logger.warn({ err: error }, 'could not preload the article reader'))
      poller.start()
    },
    async stop() {
      await poller?.stop()
    },
  }
}
