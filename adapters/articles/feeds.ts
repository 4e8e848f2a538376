import type { FeedData } from '@extractus/feed-extractor'
import { Counter, Gauge, type Registry } from 'prom-client'
import type { Logger } from '../logger.js'
import { createMemoryStore } from '../store/memory.js'
import type { AddOutcome, AddRefusalCode } from './add-article.js'
import type { PageFetcher } from './fetch-page.js'
import { createStoreLocks, type HeldLock, type Locks } from './locks.js'
import { createStoreDocuments, type StateDocuments } from './state-documents.js'
import { normaliseUrl } from './write-article.js'

/** Options of `createFeedPoller`. */
export interface FeedPollerOptions {
  /** RSS, Atom or JSON Feed URLs (`FEEDS`). */
  feeds: readonly string[]
  /** Time between polls of one feed (`FEED_INTERVAL`). */
  intervalMs: number
  fetchPage: PageFetcher
  /** Adds one item's article by its link; the composition root passes the newsroom's `add`. */
  addArticle(url: string): Promise<AddOutcome>
  logger: Logger
  /**
   * Where each feed's state (items seen, ETag, Last-Modified, last poll, failures) is kept: a file
   * next to the snapshots, or the shared store with `REDIS_URL`, so a restart or another replica
   * goes on where this one stopped. Defaults to this process's memory.
   */
  documents?: StateDocuments
  /** Who polls a feed: one process at a time holds its lease. Defaults to locks in this process's memory. */
  locks?: Locks
  /** Where the feed metrics are registered (`/metrics`). Defaults to none. */
  registry?: Registry
  /** Longest wait before retrying a failing feed. Defaults to 3_600_000 (an hour). */
  maxBackoffMs?: number
  /** Metric name prefix, as `createMetrics` uses. Defaults to `quotes_bot_`. */
  metricsPrefix?: string
}

/** Polls feeds on a timer; one feed failing never stops the others. */
export interface FeedPoller {
  /** Polls every feed now, then every `intervalMs`. */
  start(): void
  /** Polls the feeds that are due, once; resolves when their new items are added. */
  pollDue(): Promise<void>
  /** Stops the timer and waits for a poll in progress. */
  stop(): Promise<void>
}

/** One feed's state as stored, shared by every process polling the same feeds. */
interface StoredFeed {
  etag?: string
  lastModified?: string
  /** Item links (normalised) already handled, oldest first, so each item is fetched once. */
  seen: string[]
  /** When it was last polled (epoch ms). */
  lastPolledAt?: number
  /** When it is next due (epoch ms); 0 for a feed never polled. */
  nextPollAt: number
  failures: number
}

/** The document feed state is kept under: `SNAPSHOT_DIR/feeds.json`, or `newsroom:feeds` in Redis. */
export const FEEDS_DOCUMENT = 'feeds'

/** Most item links remembered per feed; a feed lists far fewer items, so older ones never return. */
const MAX_SEEN_PER_FEED = 2000

// Worth trying again on the next poll: the page may come back. Other refusals are final.
const TRANSIENT: ReadonlySet<AddRefusalCode> = new Set(['timeout', 'network', 'dns-failed', 'http-status', 'busy'])

function feedsIn(document: unknown): Record<string, StoredFeed> {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return {}
  const feeds: Record<string, StoredFeed> = {}
  for (const [url, value] of Object.entries(document as Record<string, unknown>)) {
    const feed = value as Partial<StoredFeed> | null
    if (typeof feed !== 'object' || feed === null) continue
    feeds[url] = {
      seen: Array.isArray(feed.seen) ? feed.seen.filter((link): link is string => typeof link === 'string') : [],
      nextPollAt: typeof feed.nextPollAt === 'number' ? feed.nextPollAt : 0,
      failures: typeof feed.failures === 'number' ? feed.failures : 0,
      ...(typeof feed.etag === 'string' ? { etag: feed.etag } : {}),
      ...(typeof feed.lastModified === 'string' ? { lastModified: feed.lastModified } : {}),
      ...(typeof feed.lastPolledAt === 'number' ? { lastPolledAt: feed.lastPolledAt } : {}),
    }
  }
  return feeds
}

const NEW_FEED: StoredFeed = { seen: [], nextPollAt: 0, failures: 0 }

/**
 * Creates the poller. Each feed is fetched with its last ETag and Last-Modified (a 304 costs
 * nothing), parsed with `@extractus/feed-extractor`, and each item not seen before has its page
 * fetched and added like `npm run add` (never only the feed's summary), oldest first. A feed that
 * fails waits `intervalMs × 2^failures` (at most `maxBackoffMs`) and is reported in the log and in
 * `quotes_bot_feed_*` metrics. A feed is polled under a lease (`feed:<url>`), so of several
 * replicas only one polls it at a time, and its state is stored after every item, so the next
 * poller, here or on another replica or after a restart, fetches no item twice.
 */
export function createFeedPoller(options: FeedPollerOptions): FeedPoller {
  const { feeds, intervalMs, fetchPage, addArticle, logger } = options
  const maxBackoffMs = options.maxBackoffMs ?? 3_600_000
  const metrics = createFeedMetrics(options.registry, options.metricsPrefix ?? 'quotes_bot_')
  const memory = createMemoryStore()
  const documents = options.documents ?? createStoreDocuments(memory)
  const locks = options.locks ?? createStoreLocks(memory)
  // A lease outlives a slow poll: it is extended after every item.
  const leaseMs = Math.max(intervalMs, 60_000)
  /** Items without a link already reported, by feed, by id or title, so each is logged once per process. */
  const linkless = new Map<string, Set<string>>()
  let timer: NodeJS.Timeout | undefined
  let polling: Promise<void> | undefined
  let stopped = false
  /** While the feed state cannot be read (Redis down): logged when it starts and when it ends, not every tick. */
  let stateUnreadable = false

  const loadFeeds = async () => feedsIn(await documents.read(FEEDS_DOCUMENT))
  const saveFeed = (url: string, change: (feed: StoredFeed) => StoredFeed) =>
    documents.update(FEEDS_DOCUMENT, (document) => {
      const all = feedsIn(document)
      return { next: { ...all, [url]: change(all[url] ?? NEW_FEED) }, result: undefined }
    })

  const fail = async (url: string, problem: string) => {
    let failures = 0
    let waitMs = 0
    await saveFeed(url, (feed) => {
      failures = feed.failures + 1
      waitMs = Math.min(intervalMs * 2 ** failures, maxBackoffMs)
      return { ...feed, failures, lastPolledAt: Date.now(), nextPollAt: Date.now() + waitMs }
    })
    metrics?.polls.inc({ feed: url, result: 'failed' })
    metrics?.failures.set({ feed: url }, failures)
    logger.warn({ feed: url, problem, failures, retryInMs: waitMs }, 'feed poll failed: retrying with backoff')
  }

  async function pollFeed(url: string, lease: HeldLock): Promise<void> {
    // Read under the lease: another replica may have polled it since this one found it due.
    const state = (await loadFeeds())[url] ?? NEW_FEED
    if (state.nextPollAt > Date.now()) return
    const fetched = await fetchPage(url, { expect: 'feed', ...(state.etag ? { etag: state.etag } : {}), ...(state.lastModified ? { lastModified: state.lastModified } : {}) })
    if (fetched.kind === 'refused') return fail(url, fetched.message)
    const succeeded = (feed: StoredFeed): StoredFeed => ({ ...feed, failures: 0, lastPolledAt: Date.now(), nextPollAt: Date.now() + intervalMs })
    if (fetched.kind === 'not-modified') {
      await saveFeed(url, succeeded)
      metrics?.failures.set({ feed: url }, 0)
      metrics?.polls.inc({ feed: url, result: 'not_modified' })
      return
    }
    let feed: FeedData
    try {
      feed = await parseFeed(fetched.body, fetched.contentType, fetched.url)
    } catch (error) {
      return fail(url, `not a valid RSS, Atom or JSON feed: ${error instanceof Error ? error.message : String(error)}`)
    }
    await saveFeed(url, (stored) => ({
      ...succeeded(stored),
      ...(fetched.etag ? { etag: fetched.etag } : {}),
      ...(fetched.lastModified ? { lastModified: fetched.lastModified } : {}),
    }))
    metrics?.failures.set({ feed: url }, 0)
    metrics?.polls.inc({ feed: url, result: 'ok' })
    const seen = new Set(state.seen)
    const reported = linkless.get(url) ?? new Set<string>()
    linkless.set(url, reported)
    // Feeds list the newest first; adding oldest first keeps announcements in the story's order.
    for (const entry of [...(feed.entries ?? [])].reverse()) {
      if (stopped) return
      const link = entry.link?.trim()
      if (!link) {
        const key = entry.id || entry.title || ''
        if (!reported.has(key)) {
          reported.add(key)
          logger.warn({ feed: url, item: entry.title ?? entry.id }, 'feed item has no link: skipped')
        }
        continue
      }
      const key = normaliseUrl(link)
      if (seen.has(key)) continue
      let outcome: AddOutcome
      try {
        outcome = await addArticle(link)
      } catch (error) {
        logger.error({ err: error, feed: url, link }, 'adding a feed item failed')
        metrics?.items.inc({ result: 'error' })
        continue
      }
      metrics?.items.inc({ result: outcome.kind })
      if (outcome.kind === 'refused') {
        logger.warn({ feed: url, link, code: outcome.code, problem: outcome.message }, 'feed item not added')
        if (TRANSIENT.has(outcome.code)) continue
      } else {
        logger.info({ feed: url, link, id: outcome.id, result: outcome.kind }, 'feed item handled')
      }
      seen.add(key)
      await saveFeed(url, (stored) => ({ ...stored, seen: [...stored.seen.filter((known) => known !== key), key].slice(-MAX_SEEN_PER_FEED) }))
      if (!(await lease.extend(leaseMs))) {
        logger.warn({ feed: url }, 'feed lease lost to another process: it goes on from here')
        return
      }
    }
  }

  async function pollOne(url: string): Promise<void> {
    const lease = await locks.tryLock(`feed:${url}`, leaseMs)
    // Another process (a replica) is polling it now.
    if (lease === undefined) return
    try {
      await pollFeed(url, lease)
    } catch (error) {
      logger.error({ err: error, feed: url }, 'feed poll failed unexpectedly')
      await fail(url, error instanceof Error ? error.message : String(error)).catch((saveError: unknown) => logger.error({ err: saveError, feed: url }, 'could not store the feed state'))
    } finally {
      await lease.release()
    }
  }

  function pollDue(): Promise<void> {
    if (polling) return polling
    polling = (async () => {
      let stored: Record<string, StoredFeed>
      try {
        stored = await loadFeeds()
      } catch (error) {
        if (!stateUnreadable) logger.error({ err: error }, 'cannot read the feed state: feeds wait until it can be read again')
        stateUnreadable = true
        return
      }
      if (stateUnreadable) logger.info('feed state readable again: polling goes on')
      stateUnreadable = false
      const now = Date.now()
      const due = feeds.filter((url) => (stored[url]?.nextPollAt ?? 0) <= now)
      await Promise.allSettled(due.map(pollOne))
    })().finally(() => {
      polling = undefined
    })
    return polling
  }

  return {
    start() {
      if (timer || stopped || feeds.length === 0) return
      logger.info({ feeds, intervalMs, state: documents.kind }, 'polling feeds')
      void pollDue()
      // Ticks at a tenth of the interval, at most a second apart, so an item is fetched within a
      // second of its feed falling due (the target is one interval plus 2 s); a tick only reads the
      // small feed state, from a file or one Redis GET.
      timer = setInterval(() => void pollDue(), Math.max(100, Math.min(intervalMs / 10, 1000)))
      timer.unref()
    },
    pollDue,
    async stop() {
      stopped = true
      clearInterval(timer)
      await polling
    },
  }
}

/** JSON Feed by content type or a leading `{`, else XML (RSS 2.0, RSS 1.0 or Atom). */
async function parseFeed(body: string, contentType: string, baseUrl: string): Promise<FeedData> {
  // Loaded on the first poll, off the start-up path.
  const { extractFromJson, extractFromXml } = await import('@extractus/feed-extractor')
  const isJson = contentType.includes('json') || body.trimStart().startsWith('{')
  const options = { useISODateFormat: true, baseUrl }
  return isJson ? extractFromJson(body, options) : extractFromXml(body, options)
}

function createFeedMetrics(registry: Registry | undefined, prefix: string) {
  if (registry === undefined) return undefined
  return {
    polls: new Counter({ name: `${prefix}feed_polls_total`, help: 'Feed polls, by feed and result (ok, not_modified, failed)', labelNames: ['feed', 'result'] as const, registers: [registry] }),
    failures: new Gauge({ name: `${prefix}feed_consecutive_failures`, help: 'Polls of a feed that failed in a row; 0 when its last poll worked', labelNames: ['feed'] as const, registers: [registry] }),
    items: new Counter({ name: `${prefix}feed_items_total`, help: 'Feed items whose page was fetched, by result (added, updated, unchanged, refused, error)', labelNames: ['result'] as const, registers: [registry] }),
  }
}
