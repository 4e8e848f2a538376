import { describe, expect, it } from 'vitest'
import { runTelegramLoad } from '../../bench/telegram-load.js'

/** A smaller run of `npm run bench`'s Telegram load test: correctness only, no timing. */
describe('runTelegramLoad', () => {
  it('answers every question exactly once when nobody is over the limit', async () => {
    const result = await runTelegramLoad({ users: 20, questionsPerUser: 10, questionsPerWindow: 10 })

    expect(result).toMatchObject({ questions: 200, answered: 200, duplicates: 0, rateLimitNotices: 0 })
  })

  it('applies the limit to each person separately, telling each once', async () => {
    const result = await runTelegramLoad({ users: 10, questionsPerUser: 8, questionsPerWindow: 5 })

    expect(result).toMatchObject({ questions: 80, answered: 50, duplicates: 0, rateLimitNotices: 10 })
    expect([...result.answeredPerUser.values()]).toEqual(Array.from({ length: 10 }, () => 5))
  })
})
