import { pathToFileURL } from 'node:url'
import { startFakeTelegramApi } from '../test/fakes/telegram-api.js'
import { stopAllApps } from '../test/helpers/app-process.js'
import { startTestRedis } from '../test/helpers/redis-server.js'
import { askUpdate, deliver, repliesByMessage, runPool, startReplicas } from '../test/helpers/replicas.js'
import { startRoundRobinProxy } from '../test/helpers/round-robin-proxy.js'
import { quantile } from './stats.js'

/**
 * Telegram webhook replicas as real bot processes over the bundled corpus, behind a round-robin
 * proxy on 127.0.0.1, sharing a real redis-server: answers per second for 1, 2 and 3 replicas, and
 * one replica with and without Redis for the latency its round trips add. Latency is from posting
 * an update to the webhook's 200, which comes after the reply was sent to the fake Bot API.
 * `npm run bench:replicas -- [--questions 2000] [--users 200] [--replicas 1,2,3] [--concurrency 40] [--json]`;
 * `--concurrency 1` measures latency without queueing, for what Redis adds per answer.
 */

/** One configuration's run. */
export interface ReplicaRun {
  replicas: number
  redis: boolean
  questions: number
  answeredOnce: number
  answersPerSec: number
  p50Ms: number
  p99Ms: number
}

/** Size of a run. */
export interface ReplicaBenchOptions {
  questions?: number
  users?: number
  /** Updates in flight at once, as Telegram's webhook connections (`max_connections` defaults to 40). Defaults to 40. */
  concurrency?: number
}

const QUESTIONS = ['How long did the talks last?', 'Did the summit end with an agreement?', 'Who accompanied Trump?', 'What did Putin say?', 'Where was the summit held?']
let nextUser = 100_000

/** Starts `replicas` processes (with Redis or not), runs the load through the proxy, stops everything. */
export async function runReplicaLoad(replicas: number, redis: boolean, options: ReplicaBenchOptions = {}): Promise<ReplicaRun> {
  const { questions = 2_000, users = 200, concurrency = 40 } = options
  const server = redis ? await startTestRedis() : undefined
  const api = await startFakeTelegramApi()
  try {
    const started = await startReplicas(replicas, api, server ? { REDIS_URL: server.url, LOG_LEVEL: 'warn' } : { LOG_LEVEL: 'warn' })
    const proxy = await startRoundRobinProxy(started.map((replica) => replica.webhookPort))
    const firstUser = nextUser
    nextUser += users
    const asks = Array.from({ length: questions }, (_, i) => ({ user: firstUser + (i % users), question: QUESTIONS[i % QUESTIONS.length]! }))
    const latencies: number[] = []
    const messageIds: number[] = []
    const startedAt = performance.now()
    await runPool(asks, concurrency, async ({ user, question }) => {
      const update = askUpdate(api, user, question)
      messageIds.push(update.message!.message_id)
      latencies.push((await deliver(proxy.url, update)).latencyMs)
    })
    const elapsedS = (performance.now() - startedAt) / 1000
    const replies = repliesByMessage(api)
    await proxy.close()
    latencies.sort((a, b) => a - b)
    return {
      replicas,
      redis,
      questions,
      answeredOnce: messageIds.filter((id) => replies.get(id)?.length === 1).length,
      answersPerSec: Math.round(questions / elapsedS),
      p50Ms: round(quantile(latencies, 0.5)),
      p99Ms: round(quantile(latencies, 0.99)),
    }
  } finally {
    await stopAllApps()
    await api.stop()
    await server?.stop()
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const value = (flag: string) => {
    const index = args.indexOf(flag)
    return index === -1 ? undefined : args[index + 1]
  }
  const options = { questions: Number(value('--questions') ?? 2_000), users: Number(value('--users') ?? 200), concurrency: Number(value('--concurrency') ?? 40) }
  const counts = (value('--replicas') ?? '1,2,3').split(',').map(Number)
  const runs: ReplicaRun[] = [await runReplicaLoad(1, false, options)]
  for (const count of counts) runs.push(await runReplicaLoad(count, true, options))
  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ runs })}\n`)
    return
  }
  process.stdout.write('replicas | redis | questions | answered once | answers/s | p50 ms | p99 ms\n')
  for (const run of runs) {
    process.stdout.write(`${run.replicas} | ${run.redis ? 'yes' : 'no'} | ${run.questions} | ${run.answeredOnce} | ${run.answersPerSec} | ${run.p50Ms} | ${run.p99Ms}\n`)
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
    process.exit(1)
  })
}
