import { cp, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { BUSY_MESSAGE, CORPUS_WRITE_LOCK, createArticleAdder, type AddOutcome } from '../../adapters/articles/add-article.js'
import { createFeedPoller } from '../../adapters/articles/feeds.js'
import { createPageFetcher } from '../../adapters/articles/fetch-page.js'
import { createFileLocks, createStoreLocks, type Locks } from '../../adapters/articles/locks.js'
import { createFileDocuments, createStoreDocuments, type StateDocuments } from '../../adapters/articles/state-documents.js'
import { createSubscriptionStore } from '../../adapters/articles/subscriptions.js'
import { createSilentLogger } from '../../adapters/logger.js'
import { createRedisStore } from '../../adapters/store/redis.js'
import { createMemoryStore } from '../../adapters/store/memory.js'
import { StoreUnavailableError, type KeyValueStore } from '../../adapters/store/store.js'
import { createCaptureLogger } from '../fakes/capture-logger.js'
import { fixturePage, startFakeWebServer, type FakeWebServer } from '../fakes/web-server.js'
import { startTestRedis, type TestRedis } from '../helpers/redis-server.js'

const BUNDLED = fileURLToPath(new URL('../../corpus/', import.meta.url))
const INTERVAL_MS = 1000

let web: FakeWebServer
let redis: TestRedis
const stores: KeyValueStore[] = []
let corpus: string
let stateDir: string

/** A Redis client of its own, as another process (a replica, `npm run add`) has. */
async function redisClient(prefix: string): Promise<KeyValueStore> {
  const store = await createRedisStore({ url: redis.url, prefix, logger: createSilentLogger() })
  stores.push(store)
  return store
}

beforeAll(async () => {
  web = await startFakeWebServer()
  redis = await startTestRedis()
  const body = fixturePage('rss.xml').replaceAll('{{ORIGIN}}', web.origin)
  web.route('/feeds/rss', (request, response) => {
    if (request.headers['if-none-match'] === '"v1"') return void response.writeHead(304).end()
    response.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(body)
  })
})
afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()))
  await redis.stop()
  await web.stop()
})
beforeEach(async () => {
  if (corpus) await rm(corpus, { recursive: true, force: true })
  if (stateDir) await rm(stateDir, { recursive: true, force: true })
  corpus = await mkdtemp(join(tmpdir(), 'newsroom-state-corpus-'))
  stateDir = await mkdtemp(join(tmpdir(), 'newsroom-state-'))
  await cp(BUNDLED, corpus, { recursive: true })
})

const fetchPage = createPageFetcher({ allowHosts: ['127.0.0.1'] })

/** A feed poller as one process runs it: its own adder, over shared documents and locks. */
function poller(documents: StateDocuments, locks: Locks) {
  const add = createArticleAdder({ corpusDir: corpus, fetchPage })
  return createFeedPoller({ feeds: [`${web.origin}/feeds/rss`], intervalMs: INTERVAL_MS, fetchPage, addArticle: add, logger: createSilentLogger(), documents, locks })
}

const requestsTo = (path: string, since: number) => web.requests.slice(since).filter((request) => request.path === path)
const addedFiles = async () => {
  const bundled = await readdir(BUNDLED)
  return (await readdir(corpus)).filter((name) => !bundled.includes(name)).sort()
}

describe('feed state', () => {
  it('survives a restart in the snapshot folder: the next process asks with the ETag and fetches no item again', async () => {
    const before = web.requests.length
    await poller(createFileDocuments(stateDir), createFileLocks(stateDir)).pollDue()
    expect(requestsTo('/news/jsonld-article', before)).toHaveLength(1)
    expect(await readdir(stateDir)).toEqual(['feeds.json'])

    await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS + 100))
    const restartedAt = web.requests.length
    await poller(createFileDocuments(stateDir), createFileLocks(stateDir)).pollDue()
    expect(web.requests.slice(restartedAt)).toEqual([expect.objectContaining({ path: '/feeds/rss', ifNoneMatch: '"v1"' })])
  })

  it('is shared through Redis: of two replicas polling at once one fetches the feed, and a third goes on from there', async () => {
    const prefix = `feeds-${Date.now()}:`
    const [a, b, c] = [await redisClient(prefix), await redisClient(prefix), await redisClient(prefix)]
    const before = web.requests.length
    await Promise.all([poller(createStoreDocuments(a), createStoreLocks(a)).pollDue(), poller(createStoreDocuments(b), createStoreLocks(b)).pollDue()])
    expect(requestsTo('/feeds/rss', before)).toHaveLength(1)
    expect(requestsTo('/news/jsonld-article', before)).toHaveLength(1)
    expect(await addedFiles()).toEqual(['zelenskyy-to-meet-trump-after-alaska-talks.md'])

    // Not due yet for anyone: the last poll is in the shared state.
    const early = web.requests.length
    await poller(createStoreDocuments(c), createStoreLocks(c)).pollDue()
    expect(web.requests.length).toBe(early)
    await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS + 100))
    const later = web.requests.length
    await poller(createStoreDocuments(c), createStoreLocks(c)).pollDue()
    expect(web.requests.slice(later)).toEqual([expect.objectContaining({ path: '/feeds/rss', ifNoneMatch: '"v1"' })])
  })
})

describe('feed state that cannot be read', () => {
  it('holds the feeds back, says so once rather than every tick, and polls once it can be read again', async () => {
    const { logger, records } = createCaptureLogger()
    const memory = createStoreDocuments(createMemoryStore())
    let reachable = false
    const documents: StateDocuments = {
      kind: 'redis',
      read: (name) => (reachable ? memory.read(name) : Promise.reject(new StoreUnavailableError('the shared store (Redis) is unreachable'))),
      update: (name, change) => memory.update(name, change),
    }
    const feeds = createFeedPoller({ feeds: [`${web.origin}/feeds/rss`], intervalMs: INTERVAL_MS, fetchPage, addArticle: createArticleAdder({ corpusDir: corpus, fetchPage }), logger, documents })
    const before = web.requests.length
    await feeds.pollDue()
    await feeds.pollDue()
    expect(web.requests.length).toBe(before)
    expect(records.filter((record) => record.msg === 'cannot read the feed state: feeds wait until it can be read again')).toHaveLength(1)
    reachable = true
    await feeds.pollDue()
    expect(requestsTo('/feeds/rss', before)).toHaveLength(1)
    expect(records.some((record) => record.msg === 'feed state readable again: polling goes on')).toBe(true)
  })
})

describe('subscriptions on Redis', () => {
  it('are the same list on every replica', async () => {
    const prefix = `subs-${Date.now()}:`
    const one = createSubscriptionStore(createStoreDocuments(await redisClient(prefix)))
    const other = createSubscriptionStore(createStoreDocuments(await redisClient(prefix)))
    // Subscribed at once on two replicas: neither change is lost.
    expect(await Promise.all([one.subscribe({ platform: 'telegram', channelId: '-100' }), other.subscribe({ platform: 'discord', channelId: '7' })])).toEqual(['subscribed', 'subscribed'])
    expect(await other.subscribe({ platform: 'telegram', channelId: '-100' })).toBe('already-subscribed')
    expect((await one.list()).map((channel) => channel.channelId).sort()).toEqual(['-100', '7'])
    expect(await other.unsubscribe({ platform: 'telegram', channelId: '-100' })).toBe('unsubscribed')
    expect(await one.list()).toEqual([{ platform: 'discord', channelId: '7' }])
  })
})

describe('the corpus write lock', () => {
  const link = () => `${web.origin}/news/og-only`
  const kinds = (outcomes: AddOutcome[]) => outcomes.map((outcome) => outcome.kind).sort()

  it('lets two processes adding the same link at once store it once (lock file in the corpus folder)', async () => {
    // Two adders of their own, as `npm run add` and a running bot are: no queue in common.
    const outcomes = await Promise.all([createArticleAdder({ corpusDir: corpus, fetchPage })(link()), createArticleAdder({ corpusDir: corpus, fetchPage })(link())])
    expect(kinds(outcomes)).toEqual(['added', 'unchanged'])
    expect(await addedFiles()).toEqual(['markets-shrug-off-alaska-summit-as-oil-prices-slip.md'])
  })

  it('does the same through Redis for replicas', async () => {
    const prefix = `lock-${Date.now()}:`
    const adders = [await redisClient(prefix), await redisClient(prefix)].map((store) => createArticleAdder({ corpusDir: corpus, fetchPage, locks: createStoreLocks(store) }))
    expect(kinds(await Promise.all(adders.map((add) => add(link()))))).toEqual(['added', 'unchanged'])
    expect(await addedFiles()).toEqual(['markets-shrug-off-alaska-summit-as-oil-prices-slip.md'])
  })

  it('refuses with a sentence and writes nothing when another writer holds the corpus too long', async () => {
    const held = await createFileLocks(corpus).tryLock(CORPUS_WRITE_LOCK, 60_000)
    try {
      const outcome = await createArticleAdder({ corpusDir: corpus, fetchPage, lockWaitMs: 300 })(link())
      expect(outcome).toEqual({ kind: 'refused', code: 'busy', message: BUSY_MESSAGE })
    } finally {
      await held?.release()
    }
    expect(await addedFiles()).toEqual([])
  })

  it('is taken over from a holder that died', async () => {
    await createFileLocks(corpus).tryLock(CORPUS_WRITE_LOCK, 1)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect((await createArticleAdder({ corpusDir: corpus, fetchPage, lockWaitMs: 0 })(link())).kind).toBe('added')
  })
})
