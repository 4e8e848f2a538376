import { describe, expect, it } from 'vitest'
import { createStoredAnswerContexts } from '../../adapters/discord/buttons.js'
import { createStoredCooldown } from '../../adapters/discord/cooldown.js'
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
