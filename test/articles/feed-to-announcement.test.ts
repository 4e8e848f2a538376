import { cp, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startFakeTelegramApi } from '../fakes/telegram-api.js'
import { createStoreDocuments } from '../../adapters/articles/state-documents.js'
import { createSubscriptionStore } from '../../adapters/articles/subscriptions.js'
import { createSilentLogger } from '../../adapters/logger.js'
import { createRedisStore } from '../../adapters/store/redis.js'
import { FAKE_GROUP, FAKE_TOKEN, fakeUser, textUpdate } from '../fakes/telegram-updates.js'
import { startTestRedis } from '../helpers/redis-server.js'
import { startFakeWebServer } from '../fakes/web-server.js'
import { BUNDLED_DIR } from '../helpers/engine.js'
import { makeTempDir, startApp, stopAllApps } from '../helpers/app-process.js'

const FEED_INTERVAL_MS = 2000

afterAll(stopAllApps)

/** Resolves once `check` holds, checked every 50 ms; rejects after `timeoutMs`. */
async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** An RSS 2.0 feed of `links`, newest first. */
function rss(links: string[]): string {
  const items = links.map((link, i) => `<item><title>Item ${i}</title><link>${link}</link><guid>${link}</guid></item>`).join('')
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Live</title><link>https://live.example/</link><description>Live</description>${items}</channel></rss>`
}

describe('npm start: feeds, announcements and where their state lives', () => {
  it('announces a feed item in a subscribed chat, and answers questions meanwhile', { timeout: 120_000 }, async () => {
    const web = await startFakeWebServer()
    const api = await startFakeTelegramApi()
    const corpusDir = await makeTempDir('feed-corpus-')
    const snapshotDir = await makeTempDir('feed-state-')
    await cp(BUNDLED_DIR, corpusDir, { recursive: true })
    await writeFile(join(snapshotDir, 'subscriptions.json'), JSON.stringify([{ platform: 'telegram', channelId: String(FAKE_GROUP.id) }]))
    const links: string[] = []
    web.route('/feeds/live', (_request, response) => void response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(links)))
    try {
      const app = await startApp({
        TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
        TELEGRAM_API_ROOT: api.apiRoot,
        CORPUS_DIR: corpusDir,
        SNAPSHOT_DIR: snapshotDir,
        FEEDS: `${web.origin}/feeds/live`,
        FEED_INTERVAL: `${FEED_INTERVAL_MS / 1000}s`,
        FETCH_ALLOW_HOSTS: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'info',
      })
      await app.waitForLog('ready', undefined, 60_000)
      await until(() => web.requests.some((request) => request.path === '/feeds/live'), 10_000)

      links.push(`${web.origin}/news/og-only`)
      const appearedAt = performance.now()
      const appearedAtEpochMs = Date.now()
      // A question while the item is fetched and the index rebuilt.
      await new Promise((resolve) => setTimeout(resolve, FEED_INTERVAL_MS))
      const askedAt = performance.now()
      api.pushUpdate(textUpdate('How long did the talks last?'))
      await api.waitFor(() => api.callsTo('sendMessage').some((call) => call.payload.chat_id === 1 && call.respondedAt !== undefined), 20_000)
      const answerMs = performance.now() - askedAt
      await api.waitFor(() => api.callsTo('sendMessage').some((call) => call.payload.chat_id === FAKE_GROUP.id && call.respondedAt !== undefined), 90_000)
      const announcedMs = performance.now() - appearedAt
      const announcement = String(api.callsTo('sendMessage').find((call) => call.payload.chat_id === FAKE_GROUP.id)?.payload.text)
      const reload = app.logs().find((line) => line.msg === 'corpus reloaded')
      // Where the time goes: until the article is written (waiting for the poll, fetching, reading the page), the reload, the rest.
      const written = app.logs().find((line) => line.msg === 'article written')
      const writtenMs = Number(written?.time) - appearedAtEpochMs
      console.log(
        `feed item → announcement ${Math.round(announcedMs)} ms (interval ${FEED_INTERVAL_MS} ms, target ${FEED_INTERVAL_MS + 2000} ms; item written after ${writtenMs} ms, reload ${String(reload?.durationMs)} ms reading ${JSON.stringify(reload?.reused)}); question during the add answered in ${Math.round(answerMs)} ms`,
      )
      // The build thread read the corpus ahead at start: the reload reads the new article only.
      expect(reload?.reused).toMatchObject({ readArticles: 1, reusedArticles: 5 })

      expect(announcement).toMatch(/^📰 New article: <b>Markets shrug off Alaska summit as oil prices slip<\/b>/)
      expect(app.logs().some((line) => line.msg === 'feed item handled' && line.result === 'added')).toBe(true)
      // The question did not wait for the rebuild.
      expect(answerMs).toBeLessThan(announcedMs - FEED_INTERVAL_MS)
      // One poll interval, the rebuild on the worker thread, and the fetch, first-use load of the
      // extractor and announcement: 4 s on a loaded 2-core machine (the target is 2 s besides the rebuild).
      expect(announcedMs).toBeLessThan(FEED_INTERVAL_MS + Number(reload?.durationMs ?? 0) + 4000)
    } finally {
      await stopAllApps()
      await api.stop()
      await web.stop()
    }
  })

  it('keeps subscriptions in Redis with REDIS_URL, where every replica reads them, and writes nothing next to the snapshots', { timeout: 120_000 }, async () => {
    const redis = await startTestRedis()
    const api = await startFakeTelegramApi()
    const snapshotDir = await makeTempDir('redis-state-')
    const admin = fakeUser(77)
    const store = await createRedisStore({ url: redis.url, prefix: 'newsroom-e2e:', logger: createSilentLogger() })
    try {
      const app = await startApp({
        TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
        TELEGRAM_API_ROOT: api.apiRoot,
        TELEGRAM_ADMIN_IDS: String(admin.id),
        SNAPSHOT_DIR: snapshotDir,
        REDIS_URL: redis.url,
        REDIS_PREFIX: 'newsroom-e2e:',
        PORT: '0',
      })
      await app.waitForLog('ready', undefined, 60_000)
      api.pushUpdate(textUpdate('/subscribe', { from: admin, chat: FAKE_GROUP }))
      await api.waitFor(() => api.callsTo('sendMessage').some((call) => call.payload.chat_id === FAKE_GROUP.id && call.respondedAt !== undefined), 20_000)
      // Another replica's view: the same list, read from Redis.
      expect(await createSubscriptionStore(createStoreDocuments(store)).list()).toEqual([{ platform: 'telegram', channelId: String(FAKE_GROUP.id) }])
      expect((await readdir(snapshotDir)).filter((name) => name.startsWith('subscriptions') || name.startsWith('feeds'))).toEqual([])
    } finally {
      await stopAllApps()
      await store.close()
      await api.stop()
      await redis.stop()
    }
  })
})
