import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { InlineKeyboardMarkup, Message } from 'grammy/types'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTEXT_TTL_MS, createMemoryContextStore } from '../../adapters/conversation/context-store.js'
import { summarizeFeedback } from '../../adapters/feedback/report.js'
import { createFileFeedbackStore } from '../../adapters/feedback/store.js'
import { createFeedback, VOTE_TEXTS, type Feedback } from '../../adapters/feedback/votes.js'
import { loadCorpusDir } from '../../adapters/load-corpus.js'
import { createSilentLogger } from '../../adapters/logger.js'
import { startTelegram, type RunningTelegram } from '../../adapters/telegram/start.js'
import { createEngine, type Engine } from '../../src/index.js'
import { startFakeTelegramApi, type ApiCall, type FakeTelegramApi } from '../fakes/telegram-api.js'
import { FAKE_TOKEN, botMessage, callbackQueryUpdate, fakeUser, textMessage, textUpdate } from '../fakes/telegram-updates.js'
import { fixtureDir, sharedSynsets } from '../helpers/engine.js'

/** End to end: the real engine on a fixture corpus, the real bot polling the fake Bot API, votes on disk. */
describe('Telegram conversations and feedback', () => {
  let api: FakeTelegramApi
  let adapter: RunningTelegram
  let engine: Engine
  let dir: string
  let feedback: Feedback
  const store = () => createFileFeedbackStore(dir)
  /** Added to the conversation store's clock: a test moves past the context window. */
  let clockOffsetMs = 0

  beforeAll(async () => {
    engine = createEngine(await loadCorpusDir(fixtureDir('plant-fire')), { synsets: await sharedSynsets() })
    dir = await mkdtemp(join(tmpdir(), 'feedback-'))
    feedback = createFeedback({ store: store(), salt: 'test-salt-0123456789' })
    api = await startFakeTelegramApi()
    adapter = await startTelegram(
      { token: FAKE_TOKEN, apiRoot: api.apiRoot },
      { getEngine: () => engine, logger: createSilentLogger() },
      { bot: { conversations: createMemoryContextStore({ now: () => Date.now() + clockOffsetMs }), feedback, questionsPerWindow: 1_000 } },
    )
  })
  afterAll(async () => {
    await adapter.stop()
    await api.stop()
    await rm(dir, { recursive: true, force: true })
  })

  /** Sends `text` (optionally as a reply) and resolves with the sendMessage calls it caused. */
  async function send(text: string, options: Parameters<typeof textUpdate>[1] = {}): Promise<ApiCall[]> {
    const before = api.callsTo('sendMessage').length
    api.pushUpdate(textUpdate(text, options))
    // Every answer ends with the message that carries its vote buttons.
    await api.waitFor(() => api.callsTo('sendMessage').slice(before).some((call) => call.respondedAt !== undefined && call.payload.reply_markup !== undefined))
    return api.callsTo('sendMessage').slice(before)
  }

  /** Presses the button labelled `label` under `sent` as `from`, and resolves with the callback answer's text. */
  async function press(sent: ApiCall, label: string, from = fakeUser(1), message?: Message): Promise<string> {
    const result = sent.result as Message.TextMessage
    const button = (result.reply_markup as InlineKeyboardMarkup).inline_keyboard.flat().find((b) => b.text === label)
    if (!button || !('callback_data' in button)) throw new Error(`no button ${label}`)
    const before = api.callsTo('answerCallbackQuery').length
    api.pushUpdate(callbackQueryUpdate(message ?? result, button.callback_data, from))
    await api.waitFor(() => api.callsTo('answerCallbackQuery').filter((call) => call.respondedAt !== undefined).length > before)
    return String(api.callsTo('answerCallbackQuery')[before]?.payload.text)
  }

  /** The text a reader sees: highlights and links stripped. */
  const textOf = (calls: ApiCall[]) => calls.map((call) => String(call.payload.text).replace(/<[^>]+>/g, '')).join('\n')

  it('reads a reply to an answer as a follow-up of it', async () => {
    const [answer] = await send('Who is the fire chief?')
    const followUp = await send('what did she say?', { replyTo: answer!.result as Message })
    expect(textOf(followUp)).toContain('Fire Chief Nadia Kerr said 12 workers were injured')
  })

  it('keeps the chain going through a reply to the follow-up', async () => {
    const [first] = await send('What did the sheriff say?')
    const second = await send('what is his name?', { replyTo: first!.result as Message })
    expect(textOf(second)).toContain('Ray Holt')
    const third = await send('and what did the agency find?', { replyTo: second.at(-1)!.result as Message })
    expect(textOf(third)).toContain('no harmful levels')
  })

  it('answers a reply to a message that is not the bot’s, or to an answer it no longer holds, on its own', async () => {
    const alone = textOf(await send('what did she say?'))
    const toUser = textOf(await send('what did she say?', { replyTo: textMessage('Who is the fire chief?') }))
    const toForgotten = textOf(await send('what did she say?', { replyTo: botMessage('an old answer', { id: 1, type: 'private', first_name: 'User' }) }))
    expect(toUser).toBe(alone)
    expect(toForgotten).toBe(alone)
    expect(alone).not.toContain('Nadia Kerr said')
  })

  it('answers a reply to an answer older than the context window on its own', async () => {
    const [answer] = await send('Who is the fire chief?')
    const alone = textOf(await send('what did she say?'))
    clockOffsetMs = CONTEXT_TTL_MS + 1_000
    try {
      expect(textOf(await send('what did she say?', { replyTo: answer!.result as Message }))).toBe(alone)
    } finally {
      clockOffsetMs = 0
    }
  })

  it('puts 👍 and 👎 under every answer and counts one vote per person, the last one', async () => {
    const calls = await send('How long did the fire burn?')
    const last = calls.at(-1)!
    expect(await press(last, '👍', fakeUser(1))).toBe(VOTE_TEXTS.up)
    expect(await press(last, '👍', fakeUser(2))).toBe(VOTE_TEXTS.up)
    expect(await press(last, '👎', fakeUser(3))).toBe(VOTE_TEXTS.down)
    expect(await press(last, '👎', fakeUser(1))).toBe(VOTE_TEXTS.changed)

    const rows = summarizeFeedback(await store().all())
    const row = rows.find((r) => r.question === 'How long did the fire burn?')
    expect(row).toMatchObject({ up: 1, down: 2 })
    // Stored without the user in clear: ids 1, 2, 3 never appear.
    for (const record of await store().all()) expect(record.voter).toMatch(/^[0-9a-f]{32}$/)
  })

  it('asks what was wrong after a first 👎 and records the reason given', async () => {
    const calls = await send('How many workers were injured?')
    const before = api.callsTo('sendMessage').length
    expect(await press(calls.at(-1)!, '👎', fakeUser(5))).toBe(VOTE_TEXTS.down)
    await api.waitFor(() => api.callsTo('sendMessage').filter((call) => call.respondedAt !== undefined).length > before)
    const reasons = api.callsTo('sendMessage')[before]!
    expect(String(reasons.payload.text)).toContain('What was wrong')
    expect(await press(reasons, 'missed a disagreement', fakeUser(5))).toBe(VOTE_TEXTS.reason)
    const row = summarizeFeedback(await store().all()).find((r) => r.question === 'How many workers were injured?')
    expect(row).toMatchObject({ down: 1, reasons: { 'missed-disagreement': 1 } })
  })

  it('refuses a vote pressed under a message of another chat', async () => {
    const calls = await send('How long did the fire burn?')
    const other = { ...(calls.at(-1)!.result as Message.TextMessage), chat: { id: 99, type: 'private' as const, first_name: 'Other' } }
    expect(await press(calls.at(-1)!, '👍', fakeUser(99), other)).toBe(VOTE_TEXTS.refused)
  })

  it('answers a button from before a restart with a clear message, and keeps the votes cast before it', async () => {
    const calls = await send('How long did the fire burn?')
    const before = calls.at(-1)!
    expect(await press(before, '👎', fakeUser(8))).toBe(VOTE_TEXTS.down)
    // A restart: a new bot with a fresh memory of answers, on the same Bot API and votes folder.
    await adapter.stop()
    adapter = await startTelegram(
      { token: FAKE_TOKEN, apiRoot: api.apiRoot },
      { getEngine: () => engine, logger: createSilentLogger() },
      { bot: { conversations: createMemoryContextStore(), feedback: createFeedback({ store: store(), salt: 'test-salt-0123456789' }), questionsPerWindow: 1_000 } },
    )
    expect(await press(before, '👍', fakeUser(8))).toBe(VOTE_TEXTS.stale)
    expect(summarizeFeedback(await store().all()).find((r) => r.question === 'How long did the fire burn?')?.down).toBeGreaterThanOrEqual(1)
    // A button forged for an answer no process ever sent is told the same.
    const forged = { ...(before.result as Message.TextMessage), reply_markup: { inline_keyboard: [[{ text: '👍', callback_data: 'vote:AAAAAAAAAAAAAAAA:up' }]] } }
    expect(await press({ ...before, result: forged }, '👍', fakeUser(1))).toBe(VOTE_TEXTS.stale)
    // The restarted bot answers, and its own buttons work.
    const after = await send('How long did the fire burn?')
    expect(await press(after.at(-1)!, '👍', fakeUser(8))).toBe(VOTE_TEXTS.up)
  })
})
