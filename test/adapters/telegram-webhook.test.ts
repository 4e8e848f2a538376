import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTelegram, type RunningTelegram } from '../../adapters/telegram/start.js'
import type { Engine } from '../../src/index.js'
import { createCaptureLogger, type LogRecord } from '../fakes/capture-logger.js'
import { createFakeEngine } from '../fakes/fake-engine.js'
import { startFakeTelegramApi, type FakeTelegramApi } from '../fakes/telegram-api.js'
import { FAKE_TOKEN, textUpdate } from '../fakes/telegram-updates.js'

/** The real bot in webhook mode: Telegram's side is played by `fetch` posting updates, replies go to the fake API. */
describe('startTelegram with a webhook', () => {
  const secret = 'test_secret-123'
  let api: FakeTelegramApi
  let adapter: RunningTelegram
  let records: LogRecord[]
  let engine: Engine = createFakeEngine()
  let updateId = 500

  const post = (body: unknown, headers: Record<string, string> = { 'x-telegram-bot-api-secret-token': secret }, path = '/telegram/hook') => {
    const { port } = adapter.webhookAddress!
    return fetch(`http://127.0.0.1:${port}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })
  }

  beforeAll(async () => {
    api = await startFakeTelegramApi()
    const capture = createCaptureLogger()
    records = capture.records
    adapter = await startTelegram(
      {
        token: FAKE_TOKEN,
        apiRoot: api.apiRoot,
        webhook: { url: 'https://bot.example/telegram/hook', secretToken: secret, port: 0, host: '127.0.0.1' },
      },
      { getEngine: () => engine, logger: capture.logger },
    )
  })
  afterAll(async () => {
    await adapter.stop()
    await api.stop()
  })

  it('registers the webhook with its secret instead of polling', () => {
    expect(api.callsTo('setWebhook')[0]?.payload).toMatchObject({ url: 'https://bot.example/telegram/hook', secret_token: secret })
    expect(api.callsTo('getUpdates')).toEqual([])
    expect(adapter.isReady()).toBe(true)
  })

  it('rejects an update with a wrong secret with 401 and does not answer it', async () => {
    const response = await post({ update_id: ++updateId, ...textUpdate('was there a ceasefire?') }, { 'x-telegram-bot-api-secret-token': 'wrong' })
    const missing = await post({ update_id: ++updateId, ...textUpdate('was there a ceasefire?') }, {})

    expect(response.status).toBe(401)
    expect(missing.status).toBe(401)
    expect(api.callsTo('sendMessage')).toEqual([])
  })

  it('answers an update with the right secret', async () => {
    const response = await post({ update_id: ++updateId, ...textUpdate('was there a ceasefire?') })

    expect(response.status).toBe(200)
    expect(api.sentTexts().at(-1)).toContain('<b>ceasefire</b>')
  })

  it('alone (no shared store), sends its reply as an API call of its own and answers the webhook with an empty 200', async () => {
    const before = api.calls.length
    const response = await post({ update_id: ++updateId, ...textUpdate('was there a ceasefire?') })

    expect(await response.text()).toBe('')
    expect(api.calls.slice(before).map((call) => call.method)).toEqual(['sendChatAction', 'sendMessage'])
  })

  it('answers 404 off the webhook path', async () => {
    const response = await post({ update_id: ++updateId, ...textUpdate('hi') }, undefined, '/elsewhere')

    expect(response.status).toBe(404)
  })

  it('answers 200 and apologises when a handler throws, without an unhandled rejection', async () => {
    api.failNext('sendMessage', { error_code: 400, description: 'Bad Request: chat not found' })
    const id = ++updateId
    const response = await post({ update_id: id, ...textUpdate('was there a ceasefire?') })

    expect(response.status).toBe(200)
    expect(api.sentTexts().at(-1)).toBe(`Sorry, something broke on my side (ref ${id}).`)
    expect(records.find((r) => r.msg === 'telegram update failed')).toMatchObject({ ref: String(id) })
  })

  it('answers 400 to a body that is not JSON, and logs it', async () => {
    const response = await post('{not json')

    expect(response.status).toBe(400)
    expect(records.some((r) => r.msg === 'telegram webhook body is not JSON')).toBe(true)
  })

  it('hides a core failure behind the update id', async () => {
    engine = createFakeEngine({ ask: () => { throw new Error('index not loaded') } })
    const id = ++updateId
    await post({ update_id: id, ...textUpdate('anything?') })

    expect(api.sentTexts().at(-1)).toBe(`Sorry, something broke on my side (ref ${id}).`)
  })
})
