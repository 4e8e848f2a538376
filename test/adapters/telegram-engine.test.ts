import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadCorpusDir } from '../../adapters/load-corpus.js'
import { createSilentLogger } from '../../adapters/logger.js'
import { startTelegram, type RunningTelegram } from '../../adapters/telegram/start.js'
import { createEngine, type ArticleInput } from '../../src/index.js'
import { startFakeTelegramApi, type ApiCall, type FakeTelegramApi } from '../fakes/telegram-api.js'
import { parseTelegramHtml } from '../fakes/telegram-html.js'
import { FAKE_TOKEN, textUpdate } from '../fakes/telegram-updates.js'

const CORPUS_DIR = fileURLToPath(new URL('../fixtures/harbor-bridge/', import.meta.url))

/** End to end: the real engine on a fixture corpus, the real bot polling the fake Bot API. */
describe('Telegram bot on the real engine', () => {
  let api: FakeTelegramApi
  let adapter: RunningTelegram

  beforeAll(async () => {
    const engine = createEngine(await loadCorpusDir(CORPUS_DIR))
    api = await startFakeTelegramApi()
    adapter = await startTelegram({ token: FAKE_TOKEN, apiRoot: api.apiRoot }, { getEngine: () => engine, logger: createSilentLogger() })
  })
  afterAll(async () => {
    await adapter.stop()
    await api.stop()
  })

  async function ask(text: string): Promise<string> {
    const before = api.sentTexts().length
    api.pushUpdate(textUpdate(text))
    await api.waitFor(() => api.sentTexts().length > before)
    expect(api.callsTo('sendMessage').every((call) => !call.failed)).toBe(true)
    return api.sentTexts()[before]!
  }

  it('answers with a verbatim, highlighted quote and its linked source', async () => {
    const reply = await ask('How much did the repair cost?')

    expect(reply).toMatch(/<blockquote>(?:[^<]*<b>[^<]+<\/b>)+[^<]*4\.2 million dollars\.<\/blockquote>/)
    expect(reply).toContain('<a href="https://courier.example/harbor-bridge-reopens">Harbor Bridge reopens after eleven-week repair</a>')
  })

  it('lists the fixture’s sources', async () => {
    const reply = await ask('/sources')

    expect(reply).toContain('<b>Sources</b> (3 articles)')
    expect(reply).toContain('<code>river-notes</code>')
  })
})

describe('"More quotes" on the real engine', () => {
  let api: FakeTelegramApi
  let adapter: RunningTelegram
  let articles: ArticleInput[]

  beforeAll(async () => {
    articles = await loadCorpusDir(CORPUS_DIR)
    const engine = createEngine(articles)
    api = await startFakeTelegramApi()
    adapter = await startTelegram({ token: FAKE_TOKEN, apiRoot: api.apiRoot }, { getEngine: () => engine, logger: createSilentLogger() }, { bot: { quotesPerPage: 1 } })
  })
  afterAll(async () => {
    await adapter.stop()
    await api.stop()
  })

  /** The quotes of a sent message as the reader sees them, without the "…" of a clipped one. */
  function quotesIn(call: ApiCall): string[] {
    return [...String(call.payload.text).matchAll(/<blockquote>(.*?)<\/blockquote>/gs)].map(([, inner = '']) => {
      const parsed = parseTelegramHtml(inner)
      return parsed.ok ? parsed.text.replace(/^…|…$/g, '') : ''
    })
  }

  it('pages through the answer with the button: every quote verbatim from the fixture, none repeated', async () => {
    api.pushUpdate(textUpdate('When did the bridge reopen?'))
    await api.waitFor(() => api.callsTo('sendMessage').some((call) => call.respondedAt !== undefined))
    let last = api.callsTo('sendMessage')[0]!
    const pages = [last]
    while (last.payload.reply_markup !== undefined && pages.length < 10) {
      const sent = api.callsTo('sendMessage').length
      api.pressButton(last)
      await api.waitFor(() => api.callsTo('sendMessage').filter((call) => call.respondedAt !== undefined).length > sent)
      last = api.callsTo('sendMessage').at(-1)!
      pages.push(last)
    }

    const quotes = pages.flatMap(quotesIn)
    expect(pages.length).toBeGreaterThan(1)
    // One quote per page, as configured.
    expect(quotes).toHaveLength(pages.length)
    expect(pages.every((call) => !call.failed)).toBe(true)
    expect(new Set(quotes).size).toBe(quotes.length)
    for (const quote of quotes) expect(articles.some((article) => article.text.includes(quote)), quote).toBe(true)
    expect(api.callsTo('answerCallbackQuery').map((call) => call.failed)).toEqual(pages.slice(1).map(() => false))
  })
})
