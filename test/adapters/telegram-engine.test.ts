import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadCorpusDir } from '../../adapters/load-corpus.js'
import { createSilentLogger } from '../../adapters/logger.js'
import { startTelegram, type RunningTelegram } from '../../adapters/telegram/start.js'
import { createEngine } from '../../src/index.js'
import { startFakeTelegramApi, type FakeTelegramApi } from '../fakes/telegram-api.js'
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
