import { pathToFileURL } from 'node:url'
import { createSilentLogger } from '../adapters/logger.js'
import { startTelegram } from '../adapters/telegram/start.js'
import { createFakeEngine, fakeQuote } from '../test/fakes/fake-engine.js'
import { startFakeTelegramApi } from '../test/fakes/telegram-api.js'
import { FAKE_TOKEN, fakeUser, textUpdate } from '../test/fakes/telegram-updates.js'

/**
 * Load test of the Telegram adapter: many people ask at once through the fake Bot API on
 * 127.0.0.1, and the real bot (long polling with the runner) answers. Every question carries a tag
 * that the fake engine quotes back, so each reply is matched to its question. It measures the
 * adapter and grammY, not retrieval: the engine is the fake one.
 */

/** Size of the load; the defaults are the benchmark's 1,000 questions from 100 people. */
export interface TelegramLoadOptions {
  /** People asking. Defaults to 100. */
  users?: number
  /** Questions each person sends, all at once. Defaults to 10. */
  questionsPerUser?: number
  /** The bot's per-person limit. Defaults to 10 (production's). */
  questionsPerWindow?: number
  /** Give up waiting for replies after this long. Defaults to 60_000. */
  timeoutMs?: number
}

/** What a load run measured. */
export interface TelegramLoadResult {
  questions: number
  /** Distinct questions that got an answer. */
  answered: number
  /** Answered questions per second, from the first push to the last reply. */
  throughputPerSec: number
  /** From pushing a question into the fake to the fake receiving its answer. */
  p99Ms: number
  p50Ms: number
  /** Polite "slow down" replies sent. */
  rateLimitNotices: number
  /** Questions answered more than once (should be 0). */
  duplicates: number
  /** Answers per person, by user id. */
  answeredPerUser: Map<number, number>
}

const DEFAULT_TELEGRAM_LOAD_OPTIONS: Required<TelegramLoadOptions> = { users: 100, questionsPerUser: 10, questionsPerWindow: 10, timeoutMs: 60_000 }

const TAG = /#u(\d+)q(\d+)/
const FIRST_USER_ID = 10_000

/** Runs the load test and reports what it measured. Starts and stops its own servers. */
export async function runTelegramLoad(options: TelegramLoadOptions = {}): Promise<TelegramLoadResult> {
  const { users, questionsPerUser, questionsPerWindow, timeoutMs } = { ...DEFAULT_TELEGRAM_LOAD_OPTIONS, ...options }
  const api = await startFakeTelegramApi()
  const base = createFakeEngine()
  const engine = createFakeEngine({
    ask: (question, askOptions) => {
      const answer = base.ask(question, askOptions)
      return { ...answer, status: 'answered', quotes: [fakeQuote(`You asked ${question}`), ...answer.quotes] }
    },
  })
  const adapter = await startTelegram({ token: FAKE_TOKEN, apiRoot: api.apiRoot }, { getEngine: () => engine, logger: createSilentLogger() }, { bot: { questionsPerWindow } })
  try {
    const pushedAt = new Map<string, number>()
    // Round-robin over people, as real traffic interleaves.
    for (let q = 0; q < questionsPerUser; q++) {
      for (let u = 0; u < users; u++) {
        const tag = `#u${u}q${q}`
        pushedAt.set(tag, performance.now())
        api.pushUpdate(textUpdate(`How long did the talks last? ${tag}`, { from: fakeUser(FIRST_USER_ID + u) }))
      }
    }
    const answersPerUser = Math.min(questionsPerUser, questionsPerWindow)
    const expectedMessages = users * (answersPerUser + (questionsPerUser > questionsPerWindow ? 1 : 0))
    const delivered = () => api.callsTo('sendMessage').filter((call) => call.respondedAt !== undefined && !call.failed)
    await api.waitFor(() => delivered().length >= expectedMessages, timeoutMs)
    // Stopping waits for replies in flight, so a late duplicate would still be counted below.
    await adapter.stop()

    const answers = new Map<string, number>()
    const answeredPerUser = new Map<number, number>()
    const latencies: number[] = []
    let rateLimitNotices = 0
    let lastReplyAt = 0
    for (const call of delivered()) {
      const text = String(call.payload.text)
      const tag = TAG.exec(text)
      if (!tag) {
        if (text.startsWith('You are asking faster')) rateLimitNotices += 1
        continue
      }
      const count = (answers.get(tag[0]) ?? 0) + 1
      answers.set(tag[0], count)
      if (count > 1) continue
      const user = FIRST_USER_ID + Number(tag[1])
      answeredPerUser.set(user, (answeredPerUser.get(user) ?? 0) + 1)
      latencies.push(call.receivedAt - pushedAt.get(tag[0])!)
      lastReplyAt = Math.max(lastReplyAt, call.receivedAt)
    }
    const firstPushAt = Math.min(...pushedAt.values())
    latencies.sort((a, b) => a - b)
    return {
      questions: users * questionsPerUser,
      answered: answers.size,
      throughputPerSec: round(answers.size / ((lastReplyAt - firstPushAt) / 1000)),
      p99Ms: round(percentile(latencies, 0.99)),
      p50Ms: round(percentile(latencies, 0.5)),
      rateLimitNotices,
      duplicates: [...answers.values()].filter((count) => count > 1).length,
      answeredPerUser,
    }
  } finally {
    await adapter.stop()
    await api.stop()
  }
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { answeredPerUser: _perUser, ...result } = await runTelegramLoad()
  console.log('Telegram adapter load: 1,000 questions from 100 people through the fake Bot API (fake engine)')
  console.table(result)
}
