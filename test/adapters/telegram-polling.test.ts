import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { EXPIRED_PAGE_TEXT, TELEGRAM_COMMANDS } from '../../adapters/telegram/bot.js'
import { TelegramStartError, startTelegram, type RunningTelegram, type StartTelegramOptions } from '../../adapters/telegram/start.js'
import type { Engine } from '../../src/index.js'
import { createCaptureLogger, type LogRecord } from '../fakes/capture-logger.js'
import { FAKE_SENTENCES, createFakeEngine, fakeAnswer, fakeQuote } from '../fakes/fake-engine.js'
import { startFakeTelegramApi, type ApiCall, type FakeTelegramApi } from '../fakes/telegram-api.js'
import { parseTelegramHtml } from '../fakes/telegram-html.js'
import {
  FAKE_TOKEN,
  botMessage,
  callbackQueryUpdate,
  fakeUser,
  groupTextUpdate,
  inlineQueryUpdate,
  textUpdate,
  type UpdateBody,
} from '../fakes/telegram-updates.js'

/**
 * The real grammY bot, made by the production factory and started by `startTelegram`, long
 * polling the fake Bot API server on 127.0.0.1.
 */

interface Harness {
  api: FakeTelegramApi
  adapter: RunningTelegram
  records: LogRecord[]
  /** Replaces the engine behind `getEngine`, as a corpus reload would. */
  useEngine(engine: Engine): void
}

async function startHarness(options: StartTelegramOptions = {}): Promise<Harness> {
  const api = await startFakeTelegramApi()
  const { logger, records } = createCaptureLogger()
  let engine = createFakeEngine()
  const adapter = await startTelegram({ token: FAKE_TOKEN, apiRoot: api.apiRoot }, { getEngine: () => engine, logger }, options)
  return { api, adapter, records, useEngine: (next) => void (engine = next) }
}

async function stopHarness({ api, adapter }: Harness): Promise<void> {
  await adapter.stop()
  await api.stop()
}

/** Pushes an update and waits until the bot has made `count` more calls to `method` (default: one sendMessage). */
async function push(api: FakeTelegramApi, body: UpdateBody, count = 1, method = 'sendMessage'): Promise<ApiCall[]> {
  const before = api.callsTo(method).length
  api.pushUpdate(body)
  await api.waitFor(() => api.callsTo(method).filter((call) => call.respondedAt !== undefined).length >= before + count)
  return api.callsTo(method).slice(before)
}

/** What the reader sees of a message. */
const plain = (html: string) => {
  const parsed = parseTelegramHtml(html)
  return parsed.ok ? parsed.text : ''
}

const texts = (calls: ApiCall[]) => calls.filter((call) => !call.failed).map((call) => String(call.payload.text))

describe('startTelegram with long polling', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness({ bot: { questionsPerWindow: 1_000 } })
  })
  afterAll(() => stopHarness(h))
  beforeEach(() => h.useEngine(createFakeEngine()))

  it('registers its commands and drops any webhook at startup, then reports ready', () => {
    const methods = h.api.calls.map((call) => call.method)
    expect(methods.slice(0, 3)).toEqual(['getMe', 'setMyCommands', 'deleteWebhook'])
    expect(h.api.callsTo('setMyCommands')[0]?.payload.commands).toEqual(TELEGRAM_COMMANDS)
    expect(h.adapter.isReady()).toBe(true)
  })

  it('answers a private question with typing first, in HTML, without link previews', async () => {
    const before = h.api.calls.length
    const [reply] = await push(h.api, textUpdate('How long did the talks last?'))

    const methods = h.api.calls.slice(before).map((call) => call.method).filter((m) => m !== 'getUpdates')
    expect(methods).toEqual(['sendChatAction', 'sendMessage'])
    expect(reply?.payload).toMatchObject({ chat_id: 1, parse_mode: 'HTML', link_preview_options: { is_disabled: true } })
    expect(String(reply?.payload.text)).toContain('<blockquote>The <b>talks</b> <b>last</b>ed seven hours')
    expect(String(reply?.payload.text)).toContain('⚖️ <b>Sources disagree: how long the talks lasted</b>')
  })

  it.each([
    ['/start', 'verbatim quotes from 3 articles'],
    ['/help', '<b>Try asking</b>'],
    ['/ask Was there a ceasefire?', '<b>ceasefire</b>'],
    ['/takeaways', '<b>Key takeaways</b>'],
    ['/takeaways gazette', '<b>Key takeaways from <a href="https://gazette.example/red-carpet">'],
    ['/disagreements', '<b>Where the sources disagree</b>'],
    ['/sources', '<b>Sources</b> (3 articles)'],
  ])('answers %s', async (command, expected) => {
    const replies = await push(h.api, textUpdate(command))

    expect(texts(replies)[0]).toContain(expected)
  })

  it('answers a mention and a reply in a group, replying to the question', async () => {
    const [mentioned] = await push(h.api, groupTextUpdate('@summit_quotes_bot was there a ceasefire?', { from: fakeUser(5) }))
    const [replied] = await push(h.api, groupTextUpdate('how many hours?', { from: fakeUser(5), replyTo: botMessage('an earlier answer') }))

    expect(String(mentioned?.payload.text)).toContain('<b>ceasefire</b>')
    expect(mentioned?.payload.reply_parameters).toMatchObject({ allow_sending_without_reply: true })
    expect(String(replied?.payload.text)).toContain('<b>hours</b>')
  })

  it('ignores a group message not addressed to it', async () => {
    const sentBefore = h.api.callsTo('sendMessage').length
    h.api.pushUpdate(groupTextUpdate('was there a ceasefire?', { from: fakeUser(5) }))
    // The next update is answered, so the one before it has been handled (same chat, in order).
    const [next] = await push(h.api, groupTextUpdate('@summit_quotes_bot ceasefire?', { from: fakeUser(5) }))

    expect(h.api.callsTo('sendMessage').length).toBe(sentBefore + 1)
    expect(String(next?.payload.text)).toContain('<b>ceasefire</b>')
  })

  it('answers an inline query with quotes, and an empty one with the takeaways', async () => {
    const [quotes] = await push(h.api, inlineQueryUpdate('ceasefire'), 1, 'answerInlineQuery')
    const [takeaways] = await push(h.api, inlineQueryUpdate(''), 1, 'answerInlineQuery')

    expect((quotes?.payload.results as { title: string }[]).map((r) => r.title)).toEqual(['Wire Service: Talks end after seven hours & no deal', 'Gazette: Red carpet, "no ceasefire"'])
    expect((takeaways?.payload.results as unknown[]).length).toBe(3)
    expect(quotes?.failed).toBe(false)
  })

  it('keeps a question full of markup from breaking the message', async () => {
    const quoted = await push(h.api, textUpdate('<b>zzz</b> & </blockquote>'))
    const echoed = await push(h.api, textUpdate('<b>zzz</b> & </code>'))

    expect([...quoted, ...echoed].every((call) => !call.failed)).toBe(true)
    expect(texts(quoted)[0]).toContain('&lt;/<b>blockquote</b>&gt;')
    expect(texts(echoed)[0]).toContain('“&lt;b&gt;zzz&lt;/b&gt; &amp; &lt;/code&gt;”')
  })

  it('sends an answer over 4,096 characters as several messages Telegram accepts', async () => {
    const quotes = Array.from({ length: 5 }, (_, i) => fakeQuote(`Quote ${i} <${'long & winding '.repeat(70)}>`, { highlights: [[0, 5]] }))
    h.useEngine(createFakeEngine({ ask: (question) => fakeAnswer(question, quotes) }))
    const before = h.api.callsTo('sendMessage').length
    h.api.pushUpdate(textUpdate('a long answer please'))
    // The last message carries the last quote.
    await h.api.waitFor(() => plain(h.api.sentTexts().at(-1) ?? '').includes('Quote 4'))

    const replies = h.api.callsTo('sendMessage').slice(before)
    expect(replies.length).toBeGreaterThan(1)
    expect(replies.every((call) => !call.failed)).toBe(true)
    expect(replies.map((call) => plain(String(call.payload.text))).join('')).toContain('Quote 4 <long & winding')
  })

  it('answers after a 429 once retry_after has passed', async () => {
    h.api.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 0', retry_after: 0 })
    const replies = await push(h.api, textUpdate('was there a ceasefire?'), 2)

    expect(replies.map((call) => call.failed)).toEqual([true, false])
    expect(replies[1]?.payload.text).toBe(replies[0]?.payload.text)
  })

  it('answers after a 500 by retrying', async () => {
    h.api.failNext('sendMessage', { error_code: 500, description: 'Internal Server Error', retry_after: 0 })
    const replies = await push(h.api, textUpdate('was there a ceasefire?'), 2)

    expect(replies.map((call) => call.failed)).toEqual([true, false])
  })

  it('apologises with a reference when a handler throws, and keeps polling', async () => {
    h.api.failNext('sendMessage', { error_code: 400, description: 'Bad Request: chat not found' })
    const failing = h.api.pushUpdate(textUpdate('was there a ceasefire?'))
    const apology = `Sorry, something broke on my side (ref ${failing.update_id}).`
    await h.api.waitFor(() => h.api.sentTexts().includes(apology))
    const [next] = await push(h.api, textUpdate('how many hours?'))

    expect(h.records.find((r) => r.msg === 'telegram update failed')).toMatchObject({ ref: String(failing.update_id) })
    expect(String(next?.payload.text)).toContain('<b>hours</b>')
  })

  it('hides a core failure behind the update id', async () => {
    h.useEngine(createFakeEngine({ ask: () => { throw new Error('index not loaded') } }))
    const [reply] = await push(h.api, textUpdate('anything?'))

    expect(String(reply?.payload.text)).toMatch(/^Sorry, something broke on my side \(ref \d+\)\.$/)
  })
})

describe('"More quotes" over long polling', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness({ bot: { questionsPerWindow: 1_000, quotesPerPage: 2 } })
  })
  afterAll(() => stopHarness(h))

  /** Presses the button under `answer` and waits for the press to be answered and `pages` messages sent. */
  async function press(answer: ApiCall, pages = 1): Promise<{ answered: ApiCall; sent: ApiCall[] }> {
    const answeredBefore = h.api.callsTo('answerCallbackQuery').length
    const sentBefore = h.api.callsTo('sendMessage').length
    h.api.pressButton(answer, fakeUser(3))
    await h.api.waitFor(
      () =>
        h.api.callsTo('answerCallbackQuery').filter((call) => call.respondedAt !== undefined).length > answeredBefore &&
        h.api.callsTo('sendMessage').filter((call) => call.respondedAt !== undefined).length >= sentBefore + pages,
    )
    return { answered: h.api.callsTo('answerCallbackQuery')[answeredBefore]!, sent: h.api.callsTo('sendMessage').slice(sentBefore) }
  }

  it('asks Telegram for button presses along with messages and inline queries', async () => {
    await h.api.waitFor(() => h.api.callsTo('getUpdates').length > 0)

    expect(h.api.callsTo('getUpdates')[0]?.payload.allowed_updates).toEqual(['message', 'inline_query', 'callback_query'])
  })

  it('pages through an answer: each press answered, the next quotes sent, no button on the last page', async () => {
    const [answer] = await push(h.api, textUpdate('talks summit aides ceasefire?', { from: fakeUser(3) }))
    const { answered, sent } = await press(answer!)

    expect(answer?.payload.reply_markup).toMatchObject({ inline_keyboard: [[{ text: 'More quotes' }]] })
    expect(answered).toMatchObject({ failed: false, payload: { callback_query_id: expect.any(String) } })
    const [page] = sent
    expect(sent).toHaveLength(1)
    expect(page).toMatchObject({ failed: false, payload: { chat_id: 3, reply_parameters: { message_id: (answer?.result as { message_id: number }).message_id } } })
    expect(page?.payload.reply_markup).toBeUndefined()
    const seen = (call: ApiCall | undefined) => plain(String(call?.payload.text))
    expect(seen(answer)).toContain(FAKE_SENTENCES[0]!.text)
    expect(seen(page)).toContain(FAKE_SENTENCES[2]!.text)
    expect(seen(page)).toContain(FAKE_SENTENCES[3]!.text)
    expect(seen(page)).not.toContain(FAKE_SENTENCES[0]!.text)
  })

  it('answers an unknown or malformed press with the expired text and keeps answering', async () => {
    const message = botMessage('an old answer', { id: 4, type: 'private', first_name: 'User 4' })
    const answeredBefore = h.api.callsTo('answerCallbackQuery').length
    h.api.pushUpdate(callbackQueryUpdate(message, 'more:AAAAAAAAAAAAAAAA', fakeUser(4)))
    h.api.pushUpdate(callbackQueryUpdate(message, '{"offset":-1}', fakeUser(4)))
    const [next] = await push(h.api, textUpdate('ceasefire?', { from: fakeUser(4) }))

    const answered = h.api.callsTo('answerCallbackQuery').slice(answeredBefore)
    expect(answered.map((call) => [call.failed, call.payload.text])).toEqual([
      [false, EXPIRED_PAGE_TEXT],
      [false, EXPIRED_PAGE_TEXT],
    ])
    expect(String(next?.payload.text)).toContain('<b>ceasefire</b>')
    expect(h.api.callsTo('sendMessage').filter((call) => call.payload.chat_id === 4)).toHaveLength(1)
  })

  it('still sends the page when Telegram refuses the answer to the press', async () => {
    const [answer] = await push(h.api, textUpdate('talks summit aides ceasefire?', { from: fakeUser(3) }))
    h.api.failNext('answerCallbackQuery', { error_code: 400, description: 'Bad Request: query is too old and response timeout expired or query ID is invalid' })
    const { answered, sent } = await press(answer!)

    expect(answered.failed).toBe(true)
    expect(plain(String(sent[0]?.payload.text))).toContain(FAKE_SENTENCES[2]!.text)
    expect(h.records.find((r) => r.msg === 'could not answer the button press')).toBeDefined()
  })
})

describe('startTelegram lifecycle', () => {
  let h: Harness | undefined
  afterEach(async () => {
    if (h) await stopHarness(h)
    h = undefined
  })

  it('limits each person to the configured number of questions', async () => {
    h = await startHarness({ bot: { questionsPerWindow: 2 } })
    const api = h.api
    for (let i = 0; i < 4; i++) api.pushUpdate(textUpdate(`ceasefire ${i}?`, { from: fakeUser(7) }))
    const [other] = await push(api, textUpdate('ceasefire?', { from: fakeUser(8) }))
    await api.waitFor(() => api.callsTo('sendMessage').filter((call) => call.payload.chat_id === 7).length === 3)

    const toSeven = texts(api.callsTo('sendMessage').filter((call) => call.payload.chat_id === 7))
    expect(toSeven[2]).toMatch(/^You are asking faster than I can answer: I take up to 2 questions/)
    expect(String(other?.payload.text)).toContain('<b>ceasefire</b>')
  })

  it('finishes a reply in flight before stop resolves, and confirms the handled updates', async () => {
    h = await startHarness()
    const api = h.api
    api.delay('sendMessage', 300)
    const update = api.pushUpdate(textUpdate('was there a ceasefire?'))
    await api.waitFor(() => api.callsTo('sendMessage').length === 1)

    await h.adapter.stop()

    expect(api.callsTo('sendMessage')[0]?.respondedAt).toBeDefined()
    expect(api.confirmedOffset()).toBe(update.update_id + 1)
    expect(h.adapter.isReady()).toBe(false)
    const polls = api.callsTo('getUpdates').length
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(api.callsTo('getUpdates').length).toBe(polls)
  })

  it('fails to start with an error naming TELEGRAM_BOT_TOKEN when Telegram rejects the token', async () => {
    const api = await startFakeTelegramApi({ token: '1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' })
    const { logger } = createCaptureLogger()
    try {
      const starting = startTelegram({ token: FAKE_TOKEN, apiRoot: api.apiRoot }, { getEngine: () => createFakeEngine(), logger })
      await expect(starting).rejects.toThrow(TelegramStartError)
      await expect(starting).rejects.toThrow(/TELEGRAM_BOT_TOKEN \(401 Unauthorized\)/)
    } finally {
      await api.stop()
    }
  })
})
