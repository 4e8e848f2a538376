import { describe, expect, it } from 'vitest'
import { runDiscordLoad } from '../../bench/discord-load.js'
import { createFakeEngine } from '../fakes/fake-engine.js'

describe('runDiscordLoad', () => {
  it('answers every interaction of a burst exactly once', async () => {
    const result = await runDiscordLoad({ interactions: 120, users: 20, engine: createFakeEngine(), globalRequestsPerSecond: 5000 })

    expect(result.interactions).toBe(120)
    expect(result.answered).toBe(120)
  })
})
