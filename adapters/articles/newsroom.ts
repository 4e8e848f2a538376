import type { Engine } from '../../src/index.js'
import type { Logger } from '../logger.js'
import type { ReloadOutcome } from '../reload.js'
import { createArticleAdder, type AddOutcome } from './add-article.js'
import { createAnnouncer, describeChanges, storyOfSource, type AnnouncementSender, type StoryLookup, type StoryRef } from './announce.js'
import type { PageFetcher } from './fetch-page.js'
import type { Platform, SubscriptionStore } from './subscriptions.js'

/** What `/add` reports: the add's outcome, and once the index has reloaded, the story the article joined. */
export type NewsroomAddOutcome = AddOutcome & { story?: StoryRef; reloadProblem?: string }

/** How articles arrive while the bot runs, and who hears about them. Chat adapters get it in `AdapterDeps`. */
export interface Newsroom {
  /** Adds an article by link, reloads the index, and resolves once the new index is in service. */
  add(url: string): Promise<NewsroomAddOutcome>
  subscriptions: SubscriptionStore
  /** Telegram user ids allowed to add and subscribe (`TELEGRAM_ADMIN_IDS`). */
  telegramAdminIds: readonly number[]
  /** Each chat adapter registers how it sends an announcement. */
  setSender(platform: Platform, sender: AnnouncementSender): void
  /** The composition root calls this on every engine swap: new sources are announced. */
  onEngineSwap(previous: Engine | undefined, next: Engine): void
  /** Resolves when the announcements queued so far are sent (for a graceful stop and for tests). */
  idle(): Promise<void>
}

/** Options of `createNewsroom`. */
export interface NewsroomOptions {
  corpusDir: string
  fetchPage: PageFetcher
  /** The corpus reloader's `reload`. */
  reload(reason: string): Promise<ReloadOutcome>
  getEngine(): Engine
  subscriptions: SubscriptionStore
  logger: Logger
  telegramAdminIds?: readonly number[]
  /** Names the story an article joined. Defaults to `storyOfSource`, the engine's own stories. */
  storyOf?: StoryLookup
  /** Least time between two announcements in one channel. Defaults to 5_000. */
  minAnnouncementGapMs?: number
}

/**
 * Creates the newsroom: one adder shared by `/add` and the feed poller, the reload after each
 * add, and an announcement to every subscribed channel for each article the index did not have
 * before a swap (whether it came from `/add`, a feed, or a file and SIGHUP).
 */
export function createNewsroom(options: NewsroomOptions): Newsroom {
  const { corpusDir, fetchPage, reload, getEngine, subscriptions, logger, storyOf = storyOfSource } = options
  const adder = createArticleAdder({ corpusDir, fetchPage })
  const announcer = createAnnouncer({ subscriptions, logger, ...(options.minAnnouncementGapMs === undefined ? {} : { minGapMs: options.minAnnouncementGapMs }) })
  let pending: Promise<unknown> = Promise.resolve()

  return {
    subscriptions,
    telegramAdminIds: options.telegramAdminIds ?? [],
    setSender: (platform, sender) => announcer.setSender(platform, sender),
    async add(url) {
      const outcome = await adder(url)
      if (outcome.kind === 'refused' || outcome.kind === 'unchanged') return outcome
      logger.info({ id: outcome.id, url: outcome.url, result: outcome.kind }, 'article written')
      const reloaded = await reload(`${outcome.kind}: ${outcome.id}`)
      if (reloaded.kind === 'failed') return { ...outcome, reloadProblem: reloaded.message }
      const story = storyOf(getEngine(), outcome.id)
      return { ...outcome, ...(story ? { story } : {}) }
    },
    onEngineSwap(previous, next) {
      if (previous === undefined) return
      const known = new Set(previous.sources().map((summary) => summary.source.id))
      const added = next.sources().filter((summary) => !known.has(summary.source.id))
      for (const { source } of added) {
        let changes
        try {
          changes = describeChanges(previous, next, source.id, storyOf)
        } catch (error) {
          logger.error({ err: error, article: source.id }, 'describing a new article failed: not announced')
          continue
        }
        if (changes === undefined) continue
        const sent = announcer.announce(changes).catch((error: unknown) => logger.error({ err: error, article: source.id }, 'announcing a new article failed'))
        pending = Promise.all([pending, sent])
      }
    },
    idle: () => pending.then(() => undefined),
  }
}
