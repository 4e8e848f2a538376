import type { FeedData } from '@extractus/feed-extractor'
import { Counter, Gauge, type Registry } from 'prom-client'
import type { Logger } from '../logger.js'
import type { AddOutcome } from './add-article.js'
import type { FetchRefusalCode, PageFetcher } from './fetch-page.js'
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

interface FeedState {
  url: string
  etag?: string
  lastModified?: string
  /** Item links (normalised) already handled, so each item is fetched once. */
  seen: Set<string>
  /** Items without a link already reported, by id or title, so each is logged once. */
  linkless: Set<string>
  failures: number
  nextPollAt: number
}

// Worth trying again on the next poll: the page may come back. Other refusals are final.
const TRANSIENT: ReadonlySet<FetchRefusalCode | 'not-an-article' | 'no-text'> = new Set(['timeout', 'network', 'dns-failed', 'http-status'])

/**
 * Creates the poller. Each feed is fetched with its last ETag and Last-Modified (a 304 costs
 * nothing), parsed with `@extractus/feed-extractor`, and each item not seen before has its page
 * fetched and added like `npm run add` (never only the feed's summary), oldest first. A feed that
 * fails waits `intervalMs × 2^failures` (at most `maxBackoffMs`) and is reported in the log and in
 * `quotes_bot_feed_*` metrics.
 */
export function createFeedPoller(options: FeedPollerOptions): FeedPoller {
  const { feeds, intervalMs, fetchPage, addArticle, logger } = options
  const maxBackoffMs = options.maxBackoffMs ?? 3_600_000
  const metrics = createFeedMetrics(options.registry, options.metricsPrefix ?? 'quotes_bot_')
  const states: FeedState[] = feeds.map((url) => ({ url, seen: new Set(), linkless: new Set(), failures: 0, nextPollAt: 0 }))
  let timer: NodeJS.Timeout | undefined
  let polling: Promise<void> | undefined
  let stopped = false

  const fail = (state: FeedState, problem: string) => {
    state.failures += 1
    const waitMs = Math.min(intervalMs * 2 ** state.failures, maxBackoffMs)
    state.nextPollAt = Date.now() + waitMs
    metrics?.polls.inc({ feed: state.url, result: 'failed' })
    metrics?.failures.set({ feed: state.url }, state.failures)
    logger.warn({ feed: state.url, problem, failures: state.failures, retryInMs: waitMs }, 'feed poll failed: retrying with backoff')
  }

  async function pollFeed(state: FeedState): Promise<void> {
    const fetched = await fetchPage(state.url, { expect: 'feed', ...(state.etag ? { etag: state.etag } : {}), ...(state.lastModified ? { lastModified: state.lastModified } : {}) })
    if (fetched.kind === 'refused') return fail(state, fetched.message)
    const succeeded = () => {
      state.failures = 0
      state.nextPollAt = Date.now() + intervalMs
      metrics?.failures.set({ feed: state.url }, 0)
    }
    if (fetched.kind === 'not-modified') {
      succeeded()
      metrics?.polls.inc({ feed: state.url, result: 'not_modified' })
      return
    }
    let feed: FeedData
    try {
      feed = await parseFeed(fetched.body, fetched.contentType, fetched.url)
    } catch (error) {
      return fail(state, `not a valid RSS, Atom or JSON feed: ${error instanceof Error ? error.message : String(error)}`)
    }
    succeeded()
    if (fetched.etag) state.etag = fetched.etag
    if (fetched.lastModified) state.lastModified = fetched.lastModified
    metrics?.polls.inc({ feed: state.url, result: 'ok' })
    // Feeds list the newest first; adding oldest first keeps announcements in the story's order.
    for (const entry of [...(feed.entries ?? [])].reverse()) {
      if (stopped) return
      const link = entry.link?.trim()
      if (!link) {
        const key = entry.id || entry.title || ''
        if (!state.linkless.has(key)) {
          state.linkless.add(key)
          logger.warn({ feed: state.url, item: entry.title ?? entry.id }, 'feed item has no link: skipped')
        }
        continue
      }
      const key = normaliseUrl(link)
      if (state.seen.has(key)) continue
      let outcome: AddOutcome
      try {
        outcome = await addArticle(link)
      } catch (error) {
        logger.error({ err: error, feed: state.url, link }, 'adding a feed item failed')
        metrics?.items.inc({ result: 'error' })
        continue
      }
      metrics?.items.inc({ result: outcome.kind })
      if (outcome.kind === 'refused') {
        logger.warn({ feed: state.url, link, code: outcome.code, problem: outcome.message }, 'feed item not added')
        if (TRANSIENT.has(outcome.code)) continue
      } else {
        logger.info({ feed: state.url, link, id: outcome.id, result: outcome.kind }, 'feed item handled')
      }
      state.seen.add(key)
    }
  }

  function pollDue(): Promise<void> {
    if (polling) return polling
    const now = Date.now()
    const due = states.filter((state) => state.nextPollAt <= now)
    polling = Promise.allSettled(
      due.map((state) =>
        pollFeed(state).catch((error: unknown) => {
          logger.error({ err: error, feed: state.url }, 'feed poll failed unexpectedly')
          fail(state, error instanceof Error ? error.message : String(error))
        }),
      ),
    ).then(() => {
      polling = undefined
    })
    return polling
  }

  return {
    start() {
      if (timer || stopped || states.length === 0) return
      logger.info({ feeds: states.map((state) => state.url), intervalMs }, 'polling feeds')
      void pollDue()
      // Ticks at a tenth of the interval (at least every second), so a backoff ends close to its time.
      timer = setInterval(() => void pollDue(), Math.max(1000, Math.min(intervalMs / 10, 60_000)))
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
