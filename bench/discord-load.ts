import { once } from 'node:events'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Engine } from '../src/index.js'
import { createDiscordClient } from '../adapters/discord/client.js'
import { createSilentLogger } from '../adapters/logger.js'
import { noIdentifyWait, startFakeDiscord } from '../test/fakes/discord.js'

/**
 * Load test of the Discord adapter: the real discord.js client, built by the production factory,
 * takes a burst of `/ask` interactions from many users through the fake gateway on 127.0.0.1 and
 * answers them through the fake REST server. Measures from dispatch to the answer's edit arriving.
 */

export interface DiscordLoadOptions {
  /** Interactions to dispatch. Defaults to `1000`. */
  interactions?: number
  /** Distinct users they come from, round robin. Defaults to `100`. */
  users?: number
  /** The engine to answer with. Defaults to the real engine over `corpus/`. */
  engine?: Engine
  /** Longest wait for the last answer. Defaults to `60000`. */
  timeoutMs?: number
  /**
   * @discordjs/rest's client-side global limit. It counts the interaction webhook edits that
   * Discord exempts from the global limit, so it caps answers per second. Defaults to the
   * library's `50`; raise it to measure the adapter alone.
   */
  globalRequestsPerSecond?: number
}

export interface DiscordLoadResult {
  interactions: number
  /** Interactions answered exactly once (one deferral and one edit). */
  answered: number
  throughputPerSec: number
  /** Dispatch to the answer's edit. */
  p99Ms: number
  p50Ms: number
  /** Dispatch to the deferral, which Discord needs within 3 seconds. */
  deferP99Ms: number
}

/** Defaults for {@link DiscordLoadOptions}. */
export const DEFAULT_DISCORD_LOAD_OPTIONS = { interactions: 1000, users: 100, timeoutMs: 60_000 } as const

const QUESTIONS = [
  'How long did the talks last?',
  'Was there a ceasefire?',
  'Where did the summit take place?',
  'What did Putin say about Ukraine?',
  'Did Trump and Putin reach a deal?',
]

/** Runs the load test and returns its figures; also usable from a vitest test with a smaller run. */
export async function runDiscordLoad(options: DiscordLoadOptions = {}): Promise<DiscordLoadResult> {
  const { interactions, users, timeoutMs } = { ...DEFAULT_DISCORD_LOAD_OPTIONS, ...options }
  const engine = options.engine ?? (await loadRealEngine())
  const fake = await startFakeDiscord()
  const client = createDiscordClient(
    { token: 'MTExMTExMTExMTExMTExMTEx.GdUmKz.load_test_token', appId: fake.appId, restApi: fake.restApi, sharding: { mode: 'auto' } },
    { getEngine: () => engine, logger: createSilentLogger() },
    // Every user asks ten times in a burst: with the cooldown on, most would be told to wait.
    {
      cooldownMs: 0,
      clientOptions: {
        ws: noIdentifyWait,
        ...(options.globalRequestsPerSecond === undefined ? {} : { rest: { globalRequestsPerSecond: options.globalRequestsPerSecond } }),
      },
    },
  )
  try {
    const ready = once(client, 'clientReady')
    await client.login('MTExMTExMTExMTExMTExMTEx.GdUmKz.load_test_token')
    await ready

    const sentAt = new Map<string, number>()
    const startedAt = performance.now()
    for (let index = 0; index < interactions; index++) {
      const interaction = fake.chatInput('ask', { question: QUESTIONS[index % QUESTIONS.length] ?? '' }, fake.user(index % users))
      sentAt.set(interaction.id, performance.now())
      fake.dispatchInteraction(interaction)
    }
    const isAnswer = (request: { method: string; interactionId?: string; status: number }) =>
      request.method === 'PATCH' && request.interactionId !== undefined && request.status < 400
    await fake.waitUntil(() => fake.requests.filter(isAnswer).length >= interactions, `${interactions} answers`, timeoutMs)
    // Anything answered twice would arrive right behind the rest.
    await new Promise((resolve) => setTimeout(resolve, 100))

    const answers = new Map<string, number[]>()
    for (const request of fake.requests) {
      if (!isAnswer(request) || request.interactionId === undefined) continue
      answers.set(request.interactionId, [...(answers.get(request.interactionId) ?? []), request.at])
    }
    const latencies: number[] = []
    const deferLatencies: number[] = []
    let answered = 0
    let lastAnswerAt = startedAt
    for (const [id, sent] of sentAt) {
      const times = answers.get(id) ?? []
      const deferrals = fake.requestsFor(id).filter((request) => request.method === 'POST')
      if (times.length === 1 && deferrals.length === 1 && times[0] !== undefined && deferrals[0] !== undefined) {
        answered++
        deferLatencies.push(deferrals[0].at - sent)
        latencies.push(times[0] - sent)
        lastAnswerAt = Math.max(lastAnswerAt, times[0])
      }
    }
    latencies.sort((a, b) => a - b)
    deferLatencies.sort((a, b) => a - b)
    return {
      interactions,
      answered,
      throughputPerSec: round((answered / (lastAnswerAt - startedAt)) * 1000),
      p99Ms: round(percentile(latencies, 0.99)),
      p50Ms: round(percentile(latencies, 0.5)),
      deferP99Ms: round(percentile(deferLatencies, 0.99)),
    }
  } finally {
    await client.destroy()
    await fake.close()
  }
}

async function loadRealEngine(): Promise<Engine> {
  const { createEngine } = await import('../src/index.js')
  const { loadCorpusDir } = await import('../adapters/load-corpus.js')
  return createEngine(await loadCorpusDir(fileURLToPath(new URL('../corpus', import.meta.url))))
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}

// True when run as `tsx bench/discord-load.ts`, false when imported (by the bench runner or a test).
function isEntryPoint(): boolean {
  const script = process.argv[1]
  return script !== undefined && resolve(script) === fileURLToPath(import.meta.url)
}

if (isEntryPoint()) {
  const rows = [
    { configuration: 'discord.js defaults (50 REST req/s)', ...(await runDiscordLoad()) },
    { configuration: 'REST global limit raised to 5000/s', ...(await runDiscordLoad({ globalRequestsPerSecond: 5000 })) },
  ]
  console.log('Discord load: a burst of /ask interactions, real discord.js client, fake gateway and REST on 127.0.0.1')
  console.table(
    rows.map((row) => ({
      configuration: row.configuration,
      interactions: row.interactions,
      'answered once': row.answered,
      'throughput /s': row.throughputPerSec,
      'p50 ms': row.p50Ms,
      'p99 ms': row.p99Ms,
      'defer p99 ms': row.deferP99Ms,
    })),
  )
}
