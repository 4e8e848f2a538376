import type { InlineKeyboardMarkup, Message, Update } from 'grammy/types'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STORE_UNAVAILABLE_TEXT } from '../../adapters/telegram/bot.js'
import { startFakeTelegramApi, type FakeTelegramApi } from '../fakes/telegram-api.js'
import { callbackQueryUpdate, fakeUser } from '../fakes/telegram-updates.js'
import { getHealth, stopAllApps } from '../helpers/app-process.js'
import { startTestRedis, type TestRedis } from '../helpers/redis-server.js'
import { askUpdate, deliver, postUpdate, repliesByMessage, runPool, startReplicas, type Replica } from '../helpers/replicas.js'
import { startRoundRobinProxy, type RoundRobinProxy } from '../helpers/round-robin-proxy.js'

/**
 * Telegram webhook replicas as real bot processes behind a round-robin proxy on 127.0.0.1, sharing
 * a real redis-server, with the fake Bot API recording what they send. A small version of
 * `npm run bench:replicas`, which runs 2,000 questions from 200 people.
 */

const QUESTIONS = ['How long did the talks last?', 'Did the summit end with an agreement?', 'Who accompanied Trump?', 'What did Putin say?']

/** The callback_data of the "More quotes" button under `message`, if it has one. */
const moreButton = (message: Message.TextMessage | undefined) => {
  // The keyboard also holds the 👍/👎 buttons: find the one that pages.
  for (const button of (message?.reply_markup as InlineKeyboardMarkup | undefined)?.inline_keyboard.flat() ?? []) {
    if ('callback_data' in button && button.callback_data?.startsWith('more:')) return button.callback_data
  }
  return undefined
}

describe('three Telegram webhook replicas sharing Redis', () => {
  let redis: TestRedis
  let api: FakeTelegramApi
  let replicas: Replica[]
  let proxy: RoundRobinProxy
  const webhook = (replica: Replica) => `http://127.0.0.1:${replica.webhookPort}`

  beforeAll(async () => {
    redis = await startTestRedis()
    api = await startFakeTelegramApi()
    replicas = await startReplicas(3, api, { REDIS_URL: redis.url, REDIS_PREFIX: 'replica-test:' })
    proxy = await startRoundRobinProxy(replicas.map((replica) => replica.webhookPort))
  }, 120_000)

  afterAll(async () => {
    await stopAllApps()
    await proxy?.close()
    await api?.stop()
    await redis?.stop()
  })

  it('answers every question exactly once and serves every press on another replica, with one replica killed mid-load', async () => {
    const users = 30
    const perUser = 4
    const asks = Array.from({ length: users * perUser }, (_, i) => ({ user: 20_000 + (i % users), question: QUESTIONS[i % QUESTIONS.length]! }))
    const updates: Update[] = []
    const presses: Update[] = []
    const pressed = new Set<number>()
    const killed = replicas[2]!
    let redelivered = 0
    const deliveredAgain = new Set<number>()

    await runPool(asks, 16, async ({ user, question }, index) => {
      if (index === asks.length / 2) killed.app.child.kill('SIGKILL')
      const update = askUpdate(api, user, question)
      updates.push(update)
      const { attempts } = await deliver(proxy.url, update)
      if (attempts > 1) {
        redelivered += 1
        deliveredAgain.add(update.update_id)
      }
      // Every third answer with a button: pressed on a replica other than the one that answered.
      if (index % 3 !== 0) return
      const messageId = update.message!.message_id
      const answer = repliesByMessage(api).get(messageId)?.at(-1)
      const data = moreButton(answer)
      if (answer === undefined || data === undefined) return
      const served = proxy.servedBy.get(update.update_id) ?? 0
      const others = replicas.filter((replica, i) => i !== served && replica !== killed)
      const target = others[index % others.length]!
      const press = api.pushUpdate(callbackQueryUpdate(answer, data, fakeUser(user)))
      presses.push(press)
      pressed.add(answer.message_id)
      expect(await postUpdate(webhook(target), press)).toBe(200)
    })

    // Updates in flight on the killed replica came back as 502s and were delivered again.
    console.info(`replica test: ${redelivered} updates delivered again after the kill`)
    const replies = repliesByMessage(api)
    // Every question is answered. Exactly once, but for one window no design closes against a
    // Bot API that is not idempotent: a replica killed while its reply is on the wire (sent, not yet
    // marked done) has that update answered again by the replica that gets the copy. So a second
    // answer may only ever come for an update that was in flight on the killed replica.
    const counts = updates.map((update) => ({ id: update.update_id, count: replies.get(update.message!.message_id)?.length ?? 0 }))
    expect(counts.filter(({ count }) => count === 0)).toEqual([])
    expect(counts.filter(({ id, count }) => count > (deliveredAgain.has(id) ? 2 : 1))).toEqual([])
    console.info(`replica test: ${counts.filter(({ count }) => count === 2).length} of ${redelivered} redelivered updates answered twice`)
    expect(presses.length).toBeGreaterThan(5)
    for (const messageId of pressed) expect(replies.get(messageId)).toHaveLength(1)
    const notices = api.callsTo('answerCallbackQuery').filter((call) => call.payload.text !== undefined)
    expect(notices).toEqual([])
  }, 120_000)

  it('holds a person’s limit across replicas: over it on one, over it on the other', async () => {
    const alive = replicas.slice(0, 2)
    const user = 29_999
    const updates: Update[] = []
    for (let i = 0; i < 12; i++) {
      const update = askUpdate(api, user, QUESTIONS[0]!)
      updates.push(update)
      expect(await postUpdate(webhook(alive[i % 2]!), update)).toBe(200)
    }
    const replies = repliesByMessage(api)
    const texts = updates.map((update) => replies.get(update.message!.message_id)?.[0]?.text ?? '')
    expect(texts.slice(0, 10).every((text) => text.includes('hours'))).toBe(true)
    expect(texts[10]).toContain('You are asking faster than I can answer')
    // Told once per window, then quiet.
    expect(texts[11]).toBe('')
  }, 60_000)

  /** Asks on `replica` until an answer's first message carries a "More quotes" button (long answers put it on a later message). */
  const askForButton = async (replica: Replica, user: number) => {
    for (const question of QUESTIONS) {
      const update = askUpdate(api, user, question)
      await deliver(webhook(replica), update)
      const answer = repliesByMessage(api).get(update.message!.message_id)?.at(-1)
      const data = moreButton(answer)
      if (answer !== undefined && data !== undefined) return { answer, data }
    }
    throw new Error('no question gave a "More quotes" button on its first message')
  }

  it('keeps answering while Redis is down, tells presses so, and recovers by itself when Redis returns empty', async () => {
    const alive = replicas.slice(0, 2)
    const { answer: beforeAnswer, data: beforeData } = await askForButton(alive[0]!, 30_001)

    await redis.stop()
    const during = Array.from({ length: 10 }, (_, i) => askUpdate(api, 30_100 + i, QUESTIONS[i % QUESTIONS.length]!))
    await runPool(during, 5, async (update, i) => {
      await deliver(webhook(alive[i % 2]!), update)
    })
    const press = api.pushUpdate(callbackQueryUpdate(beforeAnswer, beforeData, fakeUser(30_001)))
    expect(await postUpdate(webhook(alive[1]!), press)).toBe(200)
    const readyz = await getHealth(alive[0]!.port, '/readyz')

    const replies = repliesByMessage(api)
    expect(during.map((update) => replies.get(update.message!.message_id)?.length ?? 0)).toEqual(during.map(() => 1))
    expect(api.callsTo('answerCallbackQuery').find((call) => call.payload.callback_query_id === press.callback_query!.id)?.payload.text).toBe(STORE_UNAVAILABLE_TEXT)
    expect(readyz.status).toBe(200)
    expect(JSON.parse(readyz.body)).toMatchObject({ ready: true, degraded: ['redis'] })

    await redis.start()
    const returnedAt = performance.now()
    for (const replica of alive) {
      while (JSON.parse((await getHealth(replica.port, '/readyz')).body || '{}').degraded !== undefined) {
        expect(performance.now() - returnedAt).toBeLessThan(20_000)
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
    }
    // After recovery, a page made on one replica is served by the other again.
    const { answer: afterAnswer, data: afterData } = await askForButton(alive[0]!, 30_002)
    const afterPress = api.pushUpdate(callbackQueryUpdate(afterAnswer, afterData, fakeUser(30_002)))
    expect(await postUpdate(webhook(alive[1]!), afterPress)).toBe(200)
    expect(repliesByMessage(api).get(afterAnswer.message_id)).toHaveLength(1)
  }, 90_000)
})
