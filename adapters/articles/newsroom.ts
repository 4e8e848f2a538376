import { createHash } from 'node:crypto'
import type { Engine, SourceSummary } from '../../src/index.js'
import type { Logger } from '../logger.js'
import type { ReloadOutcome } from '../reload.js'
import { createMemoryStore } from '../store/memory.js'
import type { KeyValueStore } from '../store/store.js'
import { createArticleAdder, type AddOutcome } from './add-article.js'
import { createAnnouncer, describeChanges, storyOfSource, type AnnouncementSender, type ArticleUpdate, type StoryLookup, type StoryRef } from './announce.js'
import type { PageFetcher } from './fetch-page.js'
import type { Locks } from './locks.js'
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
  /** The composition root calls this on every engine swap: new and updated sources are announced. */
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
  /** Where writers of the corpus take turns; see `ArticleAdderOptions.locks`. Defaults to a lock file in `corpusDir`. */
  locks?: Locks
  /**
   * Where each announcement is claimed before it is sent, so that of several replicas (which all
   * see the new article on their reload) only one announces it. Defaults to this process's memory.
   */
  claims?: KeyValueStore
}

/** How long an announcement's claim is kept: a replica reloading later than this would announce again. */
const CLAIM_TTL_MS = 7 * 24 * 3_600_000

/** A version of an article as the engine sees it: what changes when its file does. */
function fingerprintOf({ source, passages, characters }: SourceSummary): string {
  return createHash('sha256')
    .update(JSON.stringify([source.id, source.title, source.author, source.outlet, source.published, passages, characters]))
    .digest('hex')
    .slice(0, 24)
}

/**
 * Creates the newsroom: one adder shared by `/add` and the feed poller, the reload after each
 * add, and an announcement to every subscribed channel for each article the index did not have
 * before a swap (whether it came from `/add`, a feed, or a file and SIGHUP).
 */
export function createNewsroom(options: NewsroomOptions): Newsroom {
  const { corpusDir, fetchPage, reload, getEngine, subscriptions, logger, storyOf = storyOfSource, claims = createMemoryStore() } = options
  const adder = createArticleAdder({ corpusDir, fetchPage, ...(options.locks ? { locks: options.locks } : {}) })
  /** Articles this process updated and whose new version is not yet in service, with the paragraphs it added. */
  const pendingUpdates = new Map<string, ArticleUpdate>()
  const announcer = createAnnouncer({ subscriptions, logger, ...(options.minAnnouncementGapMs === undefined ? {} : { minGapMs: options.minAnnouncementGapMs }) })
  let pending: Promise<unknown> = Promise.resolve()

  /** Describes what `id` changes between two engines and announces it, once across replicas for this version of it. */
  function announceChange(previous: Engine, next: Engine, summary: SourceSummary, update: ArticleUpdate | undefined, version = fingerprintOf(summary)): void {
    const { id } = summary.source
    let changes
    try {
      changes = describeChanges(previous, next, id, storyOf, update)
    } catch (error) {
      logger.error({ err: error, article: id }, 'describing a new article failed: not announced')
      return
    }
    if (changes === undefined) return
    const found = changes
    const sent = claims
      .setIfAbsent(`announced:${version}`, String(process.pid), CLAIM_TTL_MS)
      // Claimed by another replica: it announces this version.
      .then((claimed) => (claimed ? announcer.announce(found) : undefined))
      .catch((error: unknown) => logger.error({ err: error, article: id }, 'announcing an article failed'))
    pending = Promise.all([pending, sent])
  }

  return {
    subscriptions,
    telegramAdminIds: options.telegramAdminIds ?? [],
    setSender: (platform, sender) => announcer.setSender(platform, sender),
    async add(url) {
      const before = getEngine()
      const outcome = await adder(url)
      if (outcome.kind === 'refused' || outcome.kind === 'unchanged') return outcome
      logger.info({ id: outcome.id, url: outcome.url, result: outcome.kind }, 'article written')
      if (outcome.kind === 'updated') {
        const { newParagraphs, removedParagraphs } = outcome
        pendingUpdates.set(outcome.id, { ...(newParagraphs ? { newParagraphs } : {}), ...(removedParagraphs === undefined ? {} : { removedParagraphs }) })
      }
      const reloaded = await reload(`${outcome.kind}: ${outcome.id}`)
      const update = pendingUpdates.get(outcome.id)
      pendingUpdates.delete(outcome.id)
      if (reloaded.kind === 'failed') return { ...outcome, reloadProblem: reloaded.message }
      const after = getEngine()
      // An update is announced here, after the reload that holds it (a swap in between may have
      // come from a build that began before the write). An edit that keeps the article's length (a
      // number changed) looks the same to the engine's summary: its text tells the version apart.
      const summary = after.sources().find((candidate) => candidate.source.id === outcome.id)
      const earlier = before.sources().find((candidate) => candidate.source.id === outcome.id)
      if (update && summary) {
        const sameSummary = earlier !== undefined && fingerprintOf(earlier) === fingerprintOf(summary)
        const textKey = createHash('sha256').update(JSON.stringify(update.newParagraphs ?? [])).digest('hex').slice(0, 16)
        announceChange(before, after, summary, update, sameSummary ? `${fingerprintOf(summary)}:${textKey}` : fingerprintOf(summary))
      }
      const story = storyOf(after, outcome.id)
      return { ...outcome, ...(story ? { story } : {}) }
    },
    onEngineSwap(previous, next) {
      if (previous === undefined) return
      const known = new Map(previous.sources().map((summary) => [summary.source.id, fingerprintOf(summary)]))
      for (const summary of next.sources()) {
        const { id } = summary.source
        const earlier = known.get(id)
        if (earlier === undefined) {
          announceChange(previous, next, summary, undefined)
          continue
        }
        // Updated: its file changed (`npm run add`, an edit, another replica's add, then a reload).
        // One this process is writing is announced by `add` once its reload is in.
        if (earlier === fingerprintOf(summary) || pendingUpdates.has(id)) continue
        announceChange(previous, next, summary, {})
      }
    },
    idle: () => pending.then(() => undefined),
  }
}
