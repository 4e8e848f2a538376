import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CORPUS_WRITE_LOCK, createArticleAdder, type AddOutcome } from '../../adapters/articles/add-article.js'
import { createPageFetcher } from '../../adapters/articles/fetch-page.js'
import { createFileLocks, createStoreLocks } from '../../adapters/articles/locks.js'
import { loadCorpusDir } from '../../adapters/load-corpus.js'
import { createSilentLogger } from '../../adapters/logger.js'
import { createRedisStore } from '../../adapters/store/redis.js'
import { startTestRedis } from '../helpers/redis-server.js'
import { startFakeWebServer, type FakeWebServer } from '../fakes/web-server.js'
import { runCli, type CliRun } from '../helpers/cli.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const BUNDLED = join(ROOT, 'corpus')

let web: FakeWebServer
let corpus: string

beforeAll(async () => {
  web = await startFakeWebServer()
})
afterAll(async () => {
  await web.stop()
})
beforeEach(async () => {
  if (corpus) await rm(corpus, { recursive: true, force: true })
  corpus = await mkdtemp(join(tmpdir(), 'add-article-'))
  await cp(BUNDLED, corpus, { recursive: true })
})

const adder = (allowHosts = ['127.0.0.1']) => createArticleAdder({ corpusDir: corpus, fetchPage: createPageFetcher({ allowHosts }) })
const files = async () => (await readdir(corpus)).sort()
const BUNDLED_FILES = ['divided-skies.md', 'face-off-in-alaska.md', 'no-deal-in-alaska.md', 'red-carpet-no-deal.md', 'talks-fail-to-yield-breakthrough.md']

function refusal(outcome: AddOutcome): string {
  expect(outcome.kind).toBe('refused')
  return outcome.kind === 'refused' ? outcome.message : ''
}

describe('createArticleAdder', () => {
  it('writes a JSON-LD article in the loader’s format, metadata by trust, body verbatim', async () => {
    const outcome = await adder()(`${web.origin}/news/jsonld-article`)
    expect(outcome).toMatchObject({ kind: 'added', id: 'zelenskyy-to-meet-trump-after-alaska-talks', title: 'Zelenskyy to meet Trump after Alaska talks', outlet: 'The Northern Ledger', notes: [] })
    const articles = await loadCorpusDir(corpus)
    const added = articles.find((article) => article.id === 'zelenskyy-to-meet-trump-after-alaska-talks')
    expect(added).toMatchObject({ author: 'Marta Kowalska', outlet: 'The Northern Ledger', url: `${web.origin}/news/jsonld-article`, published: '2025-08-17' })
    const text = added?.text ?? ''
    // Typographic quotes, the en dash and the non-breaking space as on the page; link text without its link.
    expect(text).toContain('After five hours of negotiations at Joint Base Elmendorf–Richardson,')
    expect(text).toContain('told our reporters\u00a0on Sunday.')
    expect(text).toContain('Ukraine’s parliament & a national referendum.')
    expect(text).not.toMatch(/By Marta Kowalska|All rights reserved|Privacy policy|\]\(/)
    expect(text.split('\n\n')).toHaveLength(6)
    const file = await readFile(join(corpus, 'zelenskyy-to-meet-trump-after-alaska-talks.md'), 'utf8')
    expect(file).toContain('canonical_url: "https://news.example/world/zelenskyy-to-meet-trump"')
  })

  it('reads an Open Graph page and strips the outlet from nothing else', async () => {
    const outcome = await adder()(`${web.origin}/news/og-only`)
    expect(outcome).toMatchObject({ kind: 'added', title: 'Markets shrug off Alaska summit as oil prices slip', outlet: 'Harbour Daily' })
    const added = (await loadCorpusDir(corpus)).find((article) => article.title.startsWith('Markets'))
    expect(added).toMatchObject({ author: 'Daniel Lee', published: '2025-08-18' })
  })

  it('drops the cookie banner, newsletter box, related links and comments', async () => {
    await adder()(`${web.origin}/news/cluttered`)
    const added = (await loadCorpusDir(corpus)).find((article) => article.title === 'Alaska summit: what the leaders said')
    expect(added?.text).toContain('the press appearance lasted about twelve minutes.')
    expect(added?.text).not.toMatch(/cookies|newsletter|Related stories|Comments|photo opportunity|Five things/i)
  })

  it('stores a paywall teaser and says only the free part was stored', async () => {
    const outcome = await adder()(`${web.origin}/news/paywall`)
    expect(outcome).toMatchObject({ kind: 'added', notes: ['Only the part of the page anyone can read was stored: the rest is behind a paywall.'] })
    const added = (await loadCorpusDir(corpus)).find((article) => article.title.startsWith('Inside the Alaska talks'))
    expect(added?.text).not.toMatch(/Subscribe|Cancel anytime|Log in/)
  })

  it('stores an article in another language and says the bot answers in English words', async () => {
    const outcome = await adder()(`${web.origin}/news/french`)
    expect(outcome).toMatchObject({ kind: 'added', notes: ['It is in French (fr): I answer in English words, so questions in English may not find it.'] })
  })

  it('recognises the same article by URL or canonical URL, and updates a changed one in place', async () => {
    const add = adder()
    expect((await add(`${web.origin}/news/jsonld-article`)).kind).toBe('added')
    expect(await add(`${web.origin}/news/jsonld-article#comments`)).toMatchObject({ kind: 'unchanged', id: 'zelenskyy-to-meet-trump-after-alaska-talks' })
    // Same canonical URL under another address.
    web.route('/amp/zelenskyy', { body: (await readFile(new URL('../fixtures/pages/jsonld-article.html', import.meta.url), 'utf8')) })
    expect(await add(`${web.origin}/amp/zelenskyy`)).toMatchObject({ kind: 'unchanged' })
    const page = await readFile(new URL('../fixtures/pages/jsonld-article.html', import.meta.url), 'utf8')
    web.route('/news/jsonld-article', { body: page.replace('European leaders said', 'European leaders, including the German chancellor, said').replaceAll('Zelenskyy to meet Trump after Alaska talks', 'Zelenskyy to meet Trump on Monday') })
    const updated = await add(`${web.origin}/news/jsonld-article`)
    expect(updated).toMatchObject({ kind: 'updated', id: 'zelenskyy-to-meet-trump-after-alaska-talks', title: 'Zelenskyy to meet Trump on Monday', removedParagraphs: 1 })
    // What the new version adds, verbatim, for the announcement: the one paragraph that changed.
    expect(updated.kind === 'updated' && updated.newParagraphs).toEqual([expect.stringContaining('European leaders, including the German chancellor, said')])
    web.route('/news/jsonld-article', { body: page })
    expect((await files()).filter((name) => !BUNDLED_FILES.includes(name))).toEqual(['zelenskyy-to-meet-trump-after-alaska-talks.md'])
    expect((await loadCorpusDir(corpus)).find((article) => article.id.startsWith('zelenskyy'))?.text).toContain('including the German chancellor')
  })

  it.each([
    ['not a URL', 'not a link', 'That is not a link I can read: send a full address starting with https://.'],
    ['an FTP link', 'ftp://127.0.0.1/file.html', 'I only fetch http and https links, not ftp.'],
    ['a redirect loop', '/loop-a', 'That link redirects in a loop, so there is no page to read.'],
    ['seven redirects', '/chain/0', 'Too many redirects (more than 5).'],
    ['a redirect to the metadata address', '/to-metadata', 'That link points to a private or loopback address, which is not allowed.'],
    ['a 404', '/nowhere', 'That page does not exist (the site answered 404).'],
    ['a PDF', '/report.pdf', 'That page is not HTML (its content type is application/pdf).'],
    ['a 50 MB page', '/huge', 'That page is too large (over 5 MB).'],
    ['a home page', '/news/home', 'That page does not look like an article (it may be a home page or a list of links).'],
    ['an article with no text', '/news/no-text', 'That page has no article text I could find.'],
    ['a page robots.txt disallows', '/private/page', 'That site’s robots.txt asks bots like me not to fetch that page.'],
  ])('refuses %s with its own message and writes nothing', async (_name, link, message) => {
    const outcome = await adder()(link.startsWith('/') ? `${web.origin}${link}` : link)
    expect(refusal(outcome)).toBe(message)
    expect(await files()).toEqual(BUNDLED_FILES)
  })

  it('refuses 127.0.0.1 and a name resolving to it without the allow-list, also after a redirect', async () => {
    const add = adder([])
    expect(refusal(await add(`${web.origin}/news/og-only`))).toBe('That link points to a private or loopback address, which is not allowed.')
    expect(refusal(await add(`http://localhost:${web.port}/news/og-only`))).toBe('That link points to a private or loopback address, which is not allowed.')
    // `localhost` allowed by name, then a redirect to 127.0.0.1, which is not.
    expect(refusal(await adder(['localhost'])(`http://localhost:${web.port}/to-loopback`))).toBe('That link points to a private or loopback address, which is not allowed.')
    expect(await files()).toEqual(BUNDLED_FILES)
  })

  it('sends a descriptive User-Agent and asks robots.txt first', async () => {
    const before = web.requests.length
    await adder()(`${web.origin}/moved`)
    const seen = web.requests.slice(before)
    expect(seen.map((request) => request.path)).toEqual(['/robots.txt', '/moved', '/news/og-only'])
    expect(seen[0]?.userAgent).toMatch(/^summit-quotes-bot\//)
  })
})

function runAdd(args: string[], env: Record<string, string>): Promise<CliRun> {
  return runCli('add.ts', args, { env })
}

describe('npm run add', () => {
  it('adds, then says "updated" for a changed page, exit code 0 both times', async () => {
    const env = { FETCH_ALLOW_HOSTS: '127.0.0.1' }
    const first = await runAdd([`${web.origin}/news/og-only`, '--corpus', corpus], env)
    expect(first).toMatchObject({ code: 0, stdout: expect.stringMatching(/^added: Markets shrug off Alaska summit as oil prices slip \(Harbour Daily\)/) })
    const page = await readFile(new URL('../fixtures/pages/og-only.html', import.meta.url), 'utf8')
    web.route('/news/og-only', { body: page.replace('fell 1.2%', 'fell 1.4%') })
    const second = await runAdd([`${web.origin}/news/og-only`, '--corpus', corpus], env)
    web.route('/news/og-only', { body: page })
    expect(second).toMatchObject({ code: 0, stdout: expect.stringMatching(/^updated: /) })
  })

  it('refuses without the allow-list: exit code 1, a sentence, no stack trace, nothing written', async () => {
    const { code, stderr } = await runAdd([`${web.origin}/news/og-only`, '--corpus', corpus], { FETCH_ALLOW_HOSTS: '' })
    expect(code).toBe(1)
    expect(stderr).toBe('Not added: That link points to a private or loopback address, which is not allowed.\n')
    expect(await files()).toEqual(BUNDLED_FILES)
  })

  it.each(['a lock file in the corpus folder', 'a lock in Redis (REDIS_URL)'])('waits for a running bot that is writing into the corpus: %s', async (where) => {
    const redis = where.includes('Redis') ? await startTestRedis() : undefined
    const store = redis && (await createRedisStore({ url: redis.url, prefix: 'summit-bot:', logger: createSilentLogger() }))
    try {
      const held = await (store ? createStoreLocks(store) : createFileLocks(corpus)).tryLock(CORPUS_WRITE_LOCK, 60_000)
      const requestsBefore = web.requests.length
      const run = runAdd([`${web.origin}/news/og-only`, '--corpus', corpus], { FETCH_ALLOW_HOSTS: '127.0.0.1', ...(redis ? { REDIS_URL: redis.url } : {}) })
      // Released a while after the command has fetched the page and is ready to write.
      const deadline = performance.now() + 30_000
      while (!web.requests.slice(requestsBefore).some((request) => request.path === '/news/og-only') && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
      await new Promise((resolve) => setTimeout(resolve, 700))
      expect((await files()).filter((name) => !BUNDLED_FILES.includes(name) && !name.startsWith('.'))).toEqual([])
      const releasedAt = Date.now()
      await held?.release()
      const { code, stdout } = await run
      expect({ code, stdout }).toMatchObject({ code: 0, stdout: expect.stringMatching(/^added: Markets shrug off/) })
      expect((await stat(join(corpus, 'markets-shrug-off-alaska-summit-as-oil-prices-slip.md'))).mtimeMs).toBeGreaterThanOrEqual(releasedAt - 5)
    } finally {
      await store?.close()
      await redis?.stop()
    }
  })

  it('never writes into a corpus whose file would not load', async () => {
    await writeFile(join(corpus, 'notes.txt'), 'A title\nSome text.\n')
    const { code } = await runAdd([`${web.origin}/news/cluttered`, '--corpus', corpus], { FETCH_ALLOW_HOSTS: '127.0.0.1' })
    expect(code).toBe(0)
    expect((await loadCorpusDir(corpus)).length).toBe(7)
  })
})
