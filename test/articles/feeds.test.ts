import { cp, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Registry } from 'prom-client'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createArticleAdder } from '../../adapters/articles/add-article.js'
import { createFeedPoller } from '../../adapters/articles/feeds.js'
import { createPageFetcher } from '../../adapters/articles/fetch-page.js'
import { createCaptureLogger } from '../fakes/capture-logger.js'
import { fixturePage, startFakeWebServer, type FakeWebServer } from '../fakes/web-server.js'

const BUNDLED = fileURLToPath(new URL('../../corpus/', import.meta.url))

let web: FakeWebServer
let corpus: string

beforeAll(async () => {
  web = await startFakeWebServer()
  for (const [path, file, type] of [
    ['/feeds/rss', 'rss.xml', 'application/rss+xml'],
    ['/feeds/atom', 'atom.xml', 'application/atom+xml'],
    ['/feeds/json', 'feed.json', 'application/feed+json'],
    ['/feeds/broken', 'broken.xml', 'application/rss+xml'],
  ] as const) {
    const body = fixturePage(file).replaceAll('{{ORIGIN}}', web.origin)
    // Answers 304 to a request carrying the current ETag, as real feed servers do.
    web.route(path, (request, response) => {
      if (request.headers['if-none-match'] === '"v1"') return void response.writeHead(304).end()
      response.writeHead(200, { 'content-type': type, etag: '"v1"', 'last-modified': 'Sun, 17 Aug 2025 09:45:00 GMT' }).end(body)
    })
  }
})
afterAll(async () => {
  await web.stop()
})
beforeEach(async () => {
  if (corpus) await rm(corpus, { recursive: true, force: true })
  corpus = await mkdtemp(join(tmpdir(), 'feeds-'))
  await cp(BUNDLED, corpus, { recursive: true })
})

function poller(feeds: string[], registry = new Registry()) {
  const { logger, records } = createCaptureLogger()
  const fetchPage = createPageFetcher({ allowHosts: ['127.0.0.1'] })
  const added: string[] = []
  const add = createArticleAdder({ corpusDir: corpus, fetchPage })
  const feedPoller = createFeedPoller({
    feeds: feeds.map((path) => `${web.origin}${path}`),
    intervalMs: 1000,
    fetchPage,
    addArticle: async (url) => {
      added.push(url)
      return add(url)
    },
    logger,
    registry,
  })
  return { feedPoller, records, added, registry }
}

describe('createFeedPoller', () => {
  it('adds each new item of an RSS 2.0, Atom and JSON feed by fetching its page', async () => {
    const { feedPoller, added } = poller(['/feeds/rss', '/feeds/atom', '/feeds/json'])
    await feedPoller.pollDue()
    expect(added.sort()).toEqual([`${web.origin}/news/cluttered`, `${web.origin}/news/jsonld-article`, `${web.origin}/news/og-only`])
    const bundled = await readdir(BUNDLED)
    expect((await readdir(corpus)).filter((name) => !bundled.includes(name)).sort()).toEqual([
      'alaska-summit-what-the-leaders-said.md',
      'markets-shrug-off-alaska-summit-as-oil-prices-slip.md',
      'zelenskyy-to-meet-trump-after-alaska-talks.md',
    ])
  })

  it('asks with the ETag it was given and does nothing on 304', async () => {
    const { feedPoller, added, registry } = poller(['/feeds/rss'])
    await feedPoller.pollDue()
    await new Promise((resolve) => setTimeout(resolve, 1100))
    const before = web.requests.length
    await feedPoller.pollDue()
    expect(web.requests.slice(before)).toEqual([expect.objectContaining({ path: '/feeds/rss', ifNoneMatch: '"v1"', ifModifiedSince: 'Sun, 17 Aug 2025 09:45:00 GMT' })])
    expect(added).toHaveLength(1)
    expect(await registry.getSingleMetricAsString('quotes_bot_feed_polls_total')).toContain('result="not_modified"} 1')
  })

  it('logs an item without a link once and a broken feed with backoff, and keeps polling the others', async () => {
    const { feedPoller, records, added, registry } = poller(['/feeds/broken', '/feeds/rss', '/feeds/missing'])
    await feedPoller.pollDue()
    await feedPoller.pollDue()
    expect(added).toEqual([`${web.origin}/news/jsonld-article`])
    expect(records.filter((record) => record.msg === 'feed item has no link: skipped')).toEqual([expect.objectContaining({ item: 'Briefing: the week ahead' })])
    const failures = records.filter((record) => record.msg === 'feed poll failed: retrying with backoff')
    expect(failures.map((record) => [record.feed, record.problem, record.retryInMs])).toEqual([
      [`${web.origin}/feeds/broken`, expect.stringMatching(/^not a valid RSS, Atom or JSON feed: /), 2000],
      [`${web.origin}/feeds/missing`, 'That page does not exist (the site answered 404).', 2000],
    ])
    expect(await registry.getSingleMetricAsString('quotes_bot_feed_consecutive_failures')).toContain(`feed="${web.origin}/feeds/broken"} 1`)
  })
})
