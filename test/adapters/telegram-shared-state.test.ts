import type { InlineKeyboardMarkup, Message, Update } from 'grammy/types'
import { describe, expect, it } from 'vitest'
import { STORE_UNAVAILABLE_TEXT, createTelegramBot, type TelegramBotOptions } from '../../adapters/telegram/bot.js'
import { createMemoryStore } from '../../adapters/store/memory.js'
import { StoreUnavailableError, type KeyValueStore } from '../../adapters/store/store.js'
import { createCaptureLogger } from '../fakes/capture-logger.js'
import { createFakeEngine } from '../fakes/fake-engine.js'
import { recordApiCalls, sentTexts } from '../fakes/telegram-calls.js'
import { FAKE_BOT_INFO, FAKE_TOKEN, callbackQueryUpdate, fakeUser, textUpdate, type UpdateBody } from '../fakes/telegram-updates.js'

/** Replicas are bots in one test process sharing one store, as processes share Redis. */
function replica(store: KeyValueStore, options: TelegramBotOptions = {}) {
  const { logger, records } = createCaptureLogger()
  const bot = createTelegramBot(FAKE_TOKEN, { getEngine: () => createFakeEngine(), logger }, { botInfo: FAKE_BOT_INFO }, { sharedStore: store, quotesPerPage: 2, ...options })
  const calls = recordApiCalls(bot)
  return { bot, calls, records, texts: () => sentTexts(calls) }
}

let nextUpdateId = 1_000
const numbered = (body: UpdateBody): Update => ({ update_id: ++nextUpdateId, ...body }) as Update
const FOUR_QUOTE_QUESTION = 'talks summit aides ceasefire?'

describe('Telegram replicas sharing a store', () => {
  it('answers an update delivered to two replicas at the same moment once', async () => {
    const store = createMemoryStore()
    const [a, b] = [replica(store), replica(store)]
    const update = numbered(textUpdate('was there a ceasefire?'))

    await Promise.all([a.bot.handleUpdate(update), b.bot.handleUpdate(update)])
    await a.bot.handleUpdate(update)

    expect(a.texts().length + b.texts().length).toBe(1)
  })

  it('answers a copy whose first holder died once its lease lapses', async () => {
    const store = createMemoryStore()
    const a = replica(store)
    const update = numbered(textUpdate('was there a ceasefire?'))
    // A replica claimed it and was killed: its lease is never renewed nor marked done.
    await store.setIfAbsent(`telegram:update:${FAKE_BOT_INFO.id}:${update.update_id}`, 'dead-replica', 300)

    await a.bot.handleUpdate(update)

    expect(a.texts()).toHaveLength(1)
  })

  it('serves a "More quotes" press on a replica other than the one that answered', async () => {
    const store = createMemoryStore()
    const [a, b] = [replica(store), replica(store)]
    await a.bot.handleUpdate(numbered(textUpdate(FOUR_QUOTE_QUESTION)))
    const answer = a.calls.find((call) => call.method === 'sendMessage')?.result as Message.TextMessage
    const data = (answer.reply_markup as InlineKeyboardMarkup).inline_keyboard.flat()[0]
    expect(data && 'callback_data' in data).toBe(true)

    await b.bot.handleUpdate(numbered(callbackQueryUpdate(answer, (data as { callback_data: string }).callback_data)))

    expect(b.texts()).toHaveLength(1)
    expect(b.calls.find((call) => call.method === 'answerCallbackQuery')?.payload.text).toBeUndefined()
  })

  it('holds a person’s question limit across replicas', async () => {
    const store = createMemoryStore()
    const [a, b] = [replica(store, { questionsPerWindow: 2 }), replica(store, { questionsPerWindow: 2 })]
    const from = fakeUser(77)
    await a.bot.handleUpdate(numbered(textUpdate('was there a ceasefire?', { from })))
    await a.bot.handleUpdate(numbered(textUpdate('was there a ceasefire?', { from })))
    await b.bot.handleUpdate(numbered(textUpdate('was there a ceasefire?', { from })))

    expect(a.texts()).toHaveLength(2)
    expect(b.texts()).toEqual([expect.stringContaining('You are asking faster than I can answer') as string])
  })

  it('tells a press its page cannot be read while the store is down, and still answers questions', async () => {
    const store = createMemoryStore()
    const down: KeyValueStore = {
      ...store,
      get: () => Promise.reject(new StoreUnavailableError('the shared store (Redis) is unreachable')),
    }
    const a = replica(down)
    await a.bot.handleUpdate(numbered(textUpdate(FOUR_QUOTE_QUESTION)))
    const answer = a.calls.find((call) => call.method === 'sendMessage')?.result as Message.TextMessage
    const button = (answer.reply_markup as InlineKeyboardMarkup).inline_keyboard.flat()[0] as { callback_data: string }

    await a.bot.handleUpdate(numbered(callbackQueryUpdate(answer, button.callback_data)))

    expect(a.texts()).toHaveLength(1)
    expect(a.calls.find((call) => call.method === 'answerCallbackQuery')?.payload.text).toBe(STORE_UNAVAILABLE_TEXT)
  })
})
