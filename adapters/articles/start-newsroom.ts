import { join } from 'node:path'
import type { Registry } from 'prom-client'
import type { Engine } from '../../src/index.js'
import type { Logger } from '../logger.js'
import type { ReloadOutcome } from '../reload.js'
import type { StoryLookup } from './announce.js'
import type { ArticleSettings } from './config.js'
import { createFeedPoller } from './feeds.js'
import { createPageFetcher } from './fetch-page.js'
import { createNewsroom, type Newsroom } from './newsroom.js'
import { createFileSubscriptionStore, createMemorySubscriptionStore, SUBSCRIPTIONS_FILE } from './subscriptions.js'

/** What the composition root passes to `startNewsroom`. */
export interface StartNewsroomOptions {
  settings: ArticleSettings
  corpusDir: string
  /** Subscriptions are kept here as `subscriptions.json`; `false` keeps them in memory only. */
  snapshotDir: string | false
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
 * Creates the newsroom (safe fetcher, subscriptions next to the snapshots) and the poller of
 * `FEEDS`. With no feeds nothing runs in the background.
 */
export function startNewsroom(options: StartNewsroomOptions): RunningNewsroom {
  const { settings, logger } = options
  const fetchPage = createPageFetcher({ allowHosts: settings.allowHosts })
  if (options.snapshotDir === false) logger.warn('SNAPSHOT_DIR is off: channel subscriptions are kept in memory and lost on restart')
  const subscriptions = options.snapshotDir === false ? createMemorySubscriptionStore() : createFileSubscriptionStore(join(options.snapshotDir, SUBSCRIPTIONS_FILE))
  const newsroom = createNewsroom({
    corpusDir: options.corpusDir,
    fetchPage,
    reload: options.reload,
    getEngine: options.getEngine,
    subscriptions,
    logger,
    telegramAdminIds: settings.telegramAdminIds,
    ...(options.storyOf ? { storyOf: options.storyOf } : {}),
  })
  const poller =
    settings.feeds.length > 0
      ? createFeedPoller({ feeds: settings.feeds, intervalMs: settings.feedIntervalMs, fetchPage, addArticle: (url) => newsroom.add(url), logger, ...(options.registry ? { registry: options.registry } : {}) })
      : undefined
  return {
    newsroom,
    startPolling: () => poller?.start(),
    async stop() {
      await poller?.stop()
    },
  }
}
