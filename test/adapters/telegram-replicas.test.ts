import type { Update } from 'grammy/types'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXPIRED_PAGE_TEXT, STORE_UNAVAILABLE_TEXT } from '../../adapters/telegram/bot.js'
import { startFakeTelegramApi, type FakeTelegramApi } from '../fakes/telegram-api.js'
import { callbackQueryUpdate, fakeUser } from '../fakes/telegram-updates.js'
import { getHealth, stopAllApps } from '../helpers/app-process.js'
import { startTestRedis, type TestRedis } from '../helpers/redis-server.js'
import { askUpdate, deliver, driveLoad, moreButton, outcomeOf, postUpdate, repliesByMessage, startReplicas, type Replica } from '../helpers/replicas.js'
import { startRoundRobinProxy, type RoundRobinProxy } from '../helpers/round-robin-proxy.js'

/**
 * Telegram webhook replicas as real bot processes behind a round-robin proxy on 127.0.0.1, sharing
 * a real redis-server, with the fake Bot API recording what they send. A small version of
 * `npm run bench:replicas`, which runs 2,000 questions from 200 people through the same driver.
 */

const QUESTIONS = ['How long did the talks last?', 'Did the summit end with an agreement?', 'Who accompanied Trump?', 'What did Putin say?']

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
    // Three processes loading the index at once take minutes on a loaded 2-core machine.
  }, 180_000)

  afterAll(async () => {
    await stopAllApps()
    await proxy?.close()
    await api?.stop()
    await redis?.stop()
  })

  it('answers every question exactly once and serves every press on another replica, with one replica killed mid-load', async () => {
    const users = 30
    const asks = Array.from({ length: users * 4 }, (_, i) => ({ user: 20_000 + (i % users), question: QUESTIONS[i % QUESTIONS.length]! }))
    const run = await driveLoad(api, proxy, replicas, asks, { concurrency: 16, pressEvery: 3, kill: { replica: replicas[2]!, atIndex: asks.length / 2 } })
    const outcome = outcomeOf(api, run)

    // Updates in flight on the killed replica came back as 502s and were delivered again.
    const replies = repliesByMessage(api)
    const unserved = run.presses.filter(({ status, answer }) => status !== 200 || replies.to(answer)?.length !== 1)
    console.info(
      `replica test: ${run.deliveredAgain.size} updates delivered again after the kill, ${outcome.answeredTwiceAfterRedelivery.length} of them answered twice; ${outcome.pressesServedTwice} presses served twice`,
      unserved.map(({ update, status, deliveredAgain, answer }) => ({ update: update.update_id, status, deliveredAgain, pages: replies.to(answer)?.length ?? 0 })),
    )
    // Every question answered exactly once, those in flight on the killed replica too: a reply
    // travels in the webhook's answer, so it reached Telegram only if the update was acknowledged.
    expect(run.deliveredAgain.size).toBeGreaterThan(0)
    expect(outcome.unanswered).toEqual([])
    expect(outcome.answeredTwiceAfterRedelivery).toEqual([])
    expect(outcome.answeredTooOften).toEqual([])
    expect(outcome.answeredOnce).toBe(asks.length)
    // Every press gets its page, once.
    expect(outcome.presses).toBeGreaterThan(5)
    expect(outcome.pressesServed).toBe(outcome.presses)
    expect(outcome.pressesServedTwice).toBe(0)
    expect([...outcome.pressNotices.values()]).toEqual([])
    // The replies did travel in the webhook's answers.
    expect(api.callsTo('sendMessage').filter((call) => call.viaWebhookReply).length).toBeGreaterThanOrEqual(asks.length)
  }, 120_000)

  it('holds a person’s limit across replicas: over it on one, over it on the other', async () => {
    const alive = replicas.slice(0, 2)
    const user = 29_999
    const updates: Update[] = []
    for (let i = 0; i < 12; i++) {
      const update = askUpdate(api, user, QUESTIONS[0]!)
      updates.push(update)
      expect(await postUpdate(api, webhook(alive[i % 2]!), update)).toBe(200)
    }
    const replies = repliesByMessage(api)
    const texts = updates.map((update) => replies.to(update.message!)?.[0]?.text ?? '')
    expect(texts.slice(0, 10).every((text) => text.includes('hours'))).toBe(true)
    expect(texts[10]).toContain('You are asking faster than I can answer')
    // Told once per window, then quiet.
    expect(texts[11]).toBe('')
  }, 60_000)

  /** Asks on `replica` until an answer's first message carries a "More quotes" button (long answers put it on a later message). */
  const askForButton = async (replica: Replica, user: number) => {
    for (const question of QUESTIONS) {
      const update = askUpdate(api, user, question)
      await deliver(api, webhook(replica), update)
      const answer = repliesByMessage(api).to(update.message!)?.at(-1)
      const data = moreButton(answer)
      if (answer !== undefined && data !== undefined) return { answer, data }
    }
    throw new Error('no question gave a "More quotes" button on its first message')
  }

  it('keeps answering through a 10 s Redis outage under load, tells presses so, and recovers by itself when Redis returns empty', async () => {
    const alive = replicas.slice(0, 2)
    const aliveProxy = await startRoundRobinProxy(alive.map((replica) => replica.webhookPort))
    // Steady traffic of 5 questions a second from 20 people for 20 s; Redis is down from 4 s to 14 s.
    const asks = Array.from({ length: 100 }, (_, i) => ({ user: 30_100 + (i % 20), question: QUESTIONS[i % QUESTIONS.length]! }))
    const intervalMs = 200
    const outageStartIndex = 20
    let stoppedAt = Number.POSITIVE_INFINITY
    let restartingAt = Number.POSITIVE_INFINITY
    let restartedAt = Number.POSITIVE_INFINITY
    let outage: Promise<void> | undefined
    const startedAt = performance.now()
    const run = await driveLoad(api, aliveProxy, alive, asks, {
      concurrency: 8,
      pressEvery: 3,
      beforeAsk: async (index) => {
        const due = startedAt + index * intervalMs - performance.now()
        if (due > 0) await new Promise((resolve) => setTimeout(resolve, due))
        if (index !== outageStartIndex) return
        await redis.stop()
        stoppedAt = performance.now()
        outage = new Promise((resolve) => setTimeout(resolve, 10_000)).then(async () => {
          // Redis takes connections before `start` resolves (seconds later under load).
          restartingAt = performance.now()
          await redis.start()
          restartedAt = performance.now()
        })
      },
    })
    await outage
    await aliveProxy.close()
    const outcome = outcomeOf(api, run)

    // Every question answered, once: answers never wait for Redis.
    expect(outcome.unanswered).toEqual([])
    expect(outcome.answeredOnce).toBe(asks.length)
    expect(Math.max(...run.latenciesMs)).toBeLessThan(5_000)
    // Every press got its page or a clear word: during the outage that the memory is unreachable;
    // a page made during the outage on the other replica is unknown once Redis is back (it returned empty).
    const during = run.presses.filter(({ sentAtMs }) => sentAtMs > stoppedAt + 500 && sentAtMs < restartingAt)
    expect(during.length).toBeGreaterThan(3)
    for (const { update } of during) expect(outcome.pressNotices.get(update.callback_query!.id)).toBe(STORE_UNAVAILABLE_TEXT)
    for (const { update, status, answer } of run.presses) {
      expect(status).toBe(200)
      const notice = outcome.pressNotices.get(update.callback_query!.id)
      if (notice === undefined) expect(repliesByMessage(api).to(answer)).toHaveLength(1)
      else expect([STORE_UNAVAILABLE_TEXT, EXPIRED_PAGE_TEXT]).toContain(notice)
    }

    // Recovered by itself, without a restart, within 20 s of Redis returning.
    for (const replica of alive) {
      while (JSON.parse((await getHealth(replica.port, '/readyz')).body || '{}').degraded !== undefined) {
        expect(performance.now() - restartedAt).toBeLessThan(20_000)
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
    }
    console.info(`replica test: Redis down ${Math.round(restartedAt - stoppedAt)} ms, ${during.length} presses told so, every replica shared again ${Math.round(performance.now() - restartedAt)} ms after it returned`)
    // After recovery, a page made on one replica is served by the other again.
    const { answer, data } = await askForButton(alive[0]!, 30_002)
    const press = api.pushUpdate(callbackQueryUpdate(answer, data, fakeUser(30_002)))
    expect(await postUpdate(api, webhook(alive[1]!), press)).toBe(200)
    expect(repliesByMessage(api).to(answer)).toHaveLength(1)
  }, 90_000)
})
