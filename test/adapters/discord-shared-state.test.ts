import { describe, expect, it } from 'vitest'
import { createStoredAnswerContexts } from '../../adapters/discord/buttons.js'
import { createStoredCooldown } from '../../adapters/discord/cooldown.js'
import { createSharedIdentifyThrottler } from '../../adapters/discord/identify-throttle.js'
import { createMemoryStore } from '../../adapters/store/memory.js'

/** Two handles on one store play two shard processes sharing Redis. */
describe('createStoredCooldown', () => {
  it('holds one cooldown across processes, notifying once, and lets the user through after it', async () => {
    let now = 10_000
    const store = createMemoryStore({ now: () => now })
    const [a, b] = [createStoredCooldown(store, { cooldownMs: 3000, now: () => now }), createStoredCooldown(store, { cooldownMs: 3000, now: () => now })]

    expect(await a.check('u')).toEqual({ allowed: true })
    now += 1000
    expect(await b.check('u')).toEqual({ allowed: false, retryAfterMs: 2000, firstRefusal: true })
    expect(await a.check('u')).toEqual({ allowed: false, retryAfterMs: 2000, firstRefusal: false })
    expect(await b.check('other')).toEqual({ allowed: true })
    now += 2000
    expect(await b.check('u')).toEqual({ allowed: true })
  })
})

describe('createStoredAnswerContexts', () => {
  it('gives back a context another process stored, and refuses one of the wrong shape', async () => {
    const store = createMemoryStore()
    await createStoredAnswerContexts(store).remember('123', { question: 'q', sourceId: 's' })

    expect(await createStoredAnswerContexts(store).recall('123')).toEqual({ question: 'q', sourceId: 's' })
    await store.set('discord:context:124', JSON.stringify({ question: 5 }), 60_000)
    expect(await createStoredAnswerContexts(store).recall('124')).toBeUndefined()
  })
})

describe('createSharedIdentifyThrottler', () => {
  const gateway = (maxConcurrency: number) => ({ fetchGatewayInformation: async () => ({ session_start_limit: { max_concurrency: maxConcurrency } }) })
  const settled = async (promise: Promise<unknown>) => {
    let done = false
    void promise.then(
      () => (done = true),
      () => (done = true),
    )
    await new Promise((resolve) => setTimeout(resolve, 50))
    return done
  }

  it('lets one IDENTIFY per bucket through every 5 s across processes, and other buckets at once', async () => {
    let now = 0
    const store = createMemoryStore({ now: () => now })
    const [a, b] = await Promise.all([createSharedIdentifyThrottler(store, { pollMs: 5 })(gateway(2)), createSharedIdentifyThrottler(store, { pollMs: 5 })(gateway(2))])
    const signal = new AbortController().signal

    await a.waitForIdentify(0, signal)
    await b.waitForIdentify(1, signal)
    // Shard 2 is in shard 0's bucket (2 % 2), though in another process.
    const third = b.waitForIdentify(2, signal)
    expect(await settled(third)).toBe(false)
    now += 4_999
    expect(await settled(third)).toBe(false)
    now += 1
    expect(await settled(third)).toBe(true)
  })

  it('stops waiting when discord.js aborts the wait', async () => {
    const store = createMemoryStore()
    const throttler = await createSharedIdentifyThrottler(store, { pollMs: 5 })(gateway(1))
    await throttler.waitForIdentify(0, new AbortController().signal)
    const controller = new AbortController()
    const waiting = throttler.waitForIdentify(1, controller.signal)
    controller.abort()
    await expect(waiting).rejects.toThrow()
  })
})
