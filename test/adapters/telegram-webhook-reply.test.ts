import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Bot } from 'grammy'
import type { InlineKeyboardMarkup, Message, Update } from 'grammy/types'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMemoryContextStore } from '../../adapters/conversation/context-store.js'
import { createFileFeedbackStore } from '../../adapters/feedback/store.js'
import { createFeedback } from '../../adapters/feedback/votes.js'
import { createSilentLogger } from '../../adapters/logger.js'
import { createMemoryStore } from '../../adapters/store/memory.js'
import { startTelegram, type RunningTelegram } from '../../adapters/telegram/start.js'
import { createWebhookReplyAdapter } from '../../adapters/telegram/webhook-reply.js'
import type { AskOptions } from '../../src/index.js'
import { createFakeEngine, fakeAnswer, fakeQuote } from '../fakes/fake-engine.js'
import { startFakeTelegramApi, type ApiCall, type FakeTelegramApi } from '../fakes/telegram-api.js'
import { FAKE_BOT_INFO, FAKE_TOKEN, callbackQueryUpdate, fakeUser, textUpdate, type UpdateBody } from '../fakes/telegram-updates.js'

/**
 * A replica in webhook mode with a shared store answers inside the webhook's response, as the Bot
 * API allows: the fake plays Telegram, delivering updates and performing the call in the answer.
 */
describe('Telegram webhook replies (replicas sharing a store)', () => {
  const secret = 'reply-test-secret'
  let api: FakeTelegramApi
  let adapter: RunningTelegram
  let dir: string
  /** The options of every question the engine was asked, in order. */
  const asked: AskOptions[] = []
  let updateId = 7_000
  /** Six quotes of about 1,500 characters: two fit a Telegram message, the rest need "More quotes". */
  const longQuotes = Array.from({ length: 6 }, (_, i) => fakeQuote(`Quote ${i + 1}: ${'the talks went on. '.repeat(80)}`, { passageId: `wire#${i + 1}` }))
  const engine = createFakeEngine()
  const longEngine = createFakeEngine({
    ask: (question, options = {}) => {
      asked.push(options)
      if (!question.includes('long')) return engine.ask(question, options)
      const { offset = 0, limit = 4 } = options
      return fakeAnswer(question, longQuotes.slice(offset, offset + limit), { hasMore: offset + limit < longQuotes.length })
    },
  })

  const deliver = async (body: UpdateBody): Promise<{ status: number; calls: ApiCall[]; update: Update }> => {
    const before = api.calls.length
    const update = { update_id: ++updateId, ...body } as Update
    if (update.callback_query) api.pushUpdate(body)
    const status = await api.postWebhook(`http://127.0.0.1:${adapter.webhookAddress!.port}/telegram/hook`, update, secret)
    return { status, calls: api.calls.slice(before), update }
  }
  const sent = (calls: ApiCall[]) => calls.filter((call) => call.method === 'sendMessage')

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'webhook-reply-'))
    api = await startFakeTelegramApi()
    adapter = await startTelegram(
      { token: FAKE_TOKEN, apiRoot: api.apiRoot, webhook: { url: 'https://bot.example/telegram/hook', secretToken: secret, port: 0, host: '127.0.0.1' } },
      { getEngine: () => longEngine, logger: createSilentLogger() },
      {
        bot: {
          sharedStore: createMemoryStore(),
          conversations: createMemoryContextStore(),
          feedback: createFeedback({ store: createFileFeedbackStore(dir), salt: 'test-salt-0123456789' }),
          questionsPerWindow: 1_000,
        },
      },
    )
  })
  afterAll(async () => {
    await adapter.stop()
    await api.stop()
    await rm(dir, { recursive: true, force: true })
  })

  it('answers a question inside the webhook response, with no API call of its own and no typing action', async () => {
    const { status, calls } = await deliver(textUpdate('was there a ceasefire?'))

    expect(status).toBe(200)
    expect(calls.map((call) => [call.method, call.viaWebhookReply])).toEqual([['sendMessage', true]])
    expect(String(calls[0]?.payload.text)).toContain('<b>ceasefire</b>')
  })

  it('fits a long answer in one message and leaves the rest to "More quotes", which continues where it stopped', async () => {
    const { calls } = await deliver(textUpdate('a long answer, please'))
    const answer = sent(calls)
    expect(answer).toHaveLength(1)
    expect(String(answer[0]?.payload.text)).toContain('Quote 2:')
    expect(String(answer[0]?.payload.text)).not.toContain('Quote 3:')

    const message = answer[0]?.result as Message.TextMessage
    const more = (message.reply_markup as InlineKeyboardMarkup).inline_keyboard.flat().find((button) => button.text === 'More quotes')
    const press = await deliver(callbackQueryUpdate(message, (more as { callback_data: string }).callback_data))
    const page = sent(press.calls)
    expect(page).toHaveLength(1)
    expect(page[0]?.viaWebhookReply).toBe(true)
    expect(String(page[0]?.payload.text)).toContain('from quote 3')
    expect(String(page[0]?.payload.text)).toContain('Quote 3:')
    // The press's spinner is stopped by an API call of its own, without a notice.
    expect(press.calls.filter((call) => call.method === 'answerCallbackQuery').map((call) => call.payload.text)).toEqual([undefined])
  })

  it('takes a reply to an answer sent in the webhook response as a follow-up, though its message id never came back', async () => {
    const first = sent((await deliver(textUpdate('how long were the talks?'))).calls)[0]?.result as Message.TextMessage
    expect(first.reply_markup).toBeDefined()

    await deliver(textUpdate('and the ceasefire?', { replyTo: first }))
    await deliver(textUpdate('and the ceasefire?'))

    const [followUp, alone] = asked.slice(-2)
    expect(followUp?.context?.map((turn) => turn.question)).toEqual(['how long were the talks?'])
    expect(alone?.context).toBeUndefined()
  })

  it('does not take a reply to a message of someone else with the same buttons as a follow-up', async () => {
    const first = sent((await deliver(textUpdate('how long were the talks?'))).calls)[0]?.result as Message.TextMessage

    await deliver(textUpdate('and the ceasefire?', { replyTo: { ...first, from: fakeUser(5) } }))

    expect(asked.at(-1)?.context).toBeUndefined()
  })
})

describe('createWebhookReplyAdapter', () => {
  it('makes a reply that comes after the webhook was answered an API call of its own instead of losing it', async () => {
    const api = await startFakeTelegramApi()
    const bot = new Bot(FAKE_TOKEN, { botInfo: FAKE_BOT_INFO, client: { apiRoot: api.apiRoot } })
    const adapter = createWebhookReplyAdapter(bot.api)
    const server = createServer((request, response) => {
      const handler = adapter(request, response)
      // As after the answer timeout: the webhook got its empty 200 before the reply was ready.
      handler.end()
      void handler.respond(JSON.stringify({ method: 'sendMessage', chat_id: 1, text: 'a late answer' }))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const status = await api.postWebhook(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { update_id: 1, ...textUpdate('hi') } as Update)
      await api.waitFor((calls) => calls.some((call) => call.method === 'sendMessage' && call.respondedAt !== undefined))

      expect(status).toBe(200)
      expect(api.callsTo('sendMessage').map((call) => [call.payload.text, call.viaWebhookReply])).toEqual([['a late answer', undefined]])
    } finally {
      server.closeAllConnections()
      server.close()
      await api.stop()
    }
  })
})
