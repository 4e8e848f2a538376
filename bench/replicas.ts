import { loadavg } from 'node:os'
import { pathToFileURL } from 'node:url'
import { startFakeTelegramApi } from '../test/fakes/telegram-api.js'
import { stopAllApps } from '../test/helpers/app-process.js'
import { startTestRedis } from '../test/helpers/redis-server.js'
import { driveLoad, outcomeOf, startReplicas, type Ask, type LoadOutcome } from '../test/helpers/replicas.js'
import { startRoundRobinProxy } from '../test/helpers/round-robin-proxy.js'
import { quantile } from './stats.js'

/**
 * Telegram webhook replicas as real bot processes over the bundled corpus, behind a round-robin
 * proxy on 127.0.0.1, sharing a real redis-server, driven as the replica test drives them:
 * - the issue's run: 2,000 questions from 200 people over three replicas, every third answer's
 *   "More quotes" pressed on another replica, one replica SIGKILLed half-way: answers per question,
 *   presses served, notices;
 * - answers per second for 1, 2 and 3 replicas (questions only), and one replica without Redis;
 * - the latency Redis adds per answer: one question at a time, one replica with and without Redis.
 * Latency is from posting an update to the webhook's 200, which comes after the reply was sent.
 * `npm run bench:replicas -- [--questions 2000] [--users 200] [--replicas 1,2,3] [--concurrency 40] [--latency-questions 300] [--kill-runs 1] [--kill-run-only] [--json]`
 * `--kill-runs N` repeats the issue's run N times (fresh replicas and Redis each time) and prints each.
 */

/** One throughput or latency run. */
export interface ReplicaRun {
  replicas: number
  redis: boolean
  questions: number
  concurrency: number
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
  /** Every n-th answer's button pressed on another replica; 0 for none. Defaults to 0. */
  pressEvery?: number
  /** SIGKILL the last replica half-way. Defaults to false. */
  killOne?: boolean
}

const QUESTIONS = ['How long did the talks last?', 'Did the summit end with an agreement?', 'Who accompanied Trump?', 'What did Putin say?', 'Where was the summit held?']
let nextUser = 100_000

/** Starts `replicas` processes (with Redis or not), runs the load through the proxy, stops everything. */
export async function runReplicaLoad(replicas: number, redis: boolean, options: ReplicaBenchOptions = {}): Promise<ReplicaRun & { outcome: LoadOutcome; deliveredAgain: number }> {
  const { questions = 2_000, users = 200, concurrency = 40, pressEvery = 0, killOne = false } = options
  const server = redis ? await startTestRedis() : undefined
  const api = await startFakeTelegramApi()
  try {
    const started = await startReplicas(replicas, api, server ? { REDIS_URL: server.url, LOG_LEVEL: 'warn' } : { LOG_LEVEL: 'warn' })
    const proxy = await startRoundRobinProxy(started.map((replica) => replica.webhookPort))
    const firstUser = nextUser
    nextUser += users
    const asks: Ask[] = Array.from({ length: questions }, (_, i) => ({ user: firstUser + (i % users), question: QUESTIONS[i % QUESTIONS.length]! }))
    const run = await driveLoad(api, proxy, started, asks, {
      concurrency,
      pressEvery,
      ...(killOne ? { kill: { replica: started.at(-1)!, atIndex: Math.floor(questions / 2) } } : {}),
    })
    await proxy.close()
    const outcome = outcomeOf(api, run)
    const latencies = [...run.latenciesMs].sort((a, b) => a - b)
    return {
      replicas,
      redis,
      questions,
      concurrency,
      answeredOnce: outcome.answeredOnce,
      answersPerSec: Math.round((questions / run.elapsedMs) * 1000 * 10) / 10,
      p50Ms: round(quantile(latencies, 0.5)),
      p99Ms: round(quantile(latencies, 0.99)),
      outcome,
      deliveredAgain: run.deliveredAgain.size,
    }
  } finally {
    await stopAllApps()
    await api.stop()
    await server?.stop()
  }
}

/** What one run with a replica SIGKILLed half-way shows. */
interface KillRunSummary {
  questions: number
  answeredOnce: number
  unanswered: number
  deliveredAgain: number
  answeredTwiceAfterRedelivery: number
  answeredTooOften: number
  presses: number
  pressesServed: number
  pressesServedTwice: number
  pressNotices: string[]
  answersPerSec: number
}

function summarize({ outcome, deliveredAgain, answersPerSec }: Awaited<ReturnType<typeof runReplicaLoad>>): KillRunSummary {
  return {
    questions: outcome.questions,
    answeredOnce: outcome.answeredOnce,
    unanswered: outcome.unanswered.length,
    deliveredAgain,
    answeredTwiceAfterRedelivery: outcome.answeredTwiceAfterRedelivery.length,
    answeredTooOften: outcome.answeredTooOften.length,
    presses: outcome.presses,
    pressesServed: outcome.pressesServed,
    pressesServedTwice: outcome.pressesServedTwice,
    pressNotices: [...outcome.pressNotices.values()],
    answersPerSec,
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}

const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ')

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const value = (flag: string) => {
    const index = args.indexOf(flag)
    return index === -1 ? undefined : args[index + 1]
  }
  const size = { questions: Number(value('--questions') ?? 2_000), users: Number(value('--users') ?? 200), concurrency: Number(value('--concurrency') ?? 40) }
  const latencyQuestions = Number(value('--latency-questions') ?? 300)
  const counts = (value('--replicas') ?? '1,2,3').split(',').map(Number)
  const say = (line: string) => process.stderr.write(`${line}\n`)

  const killRuns = Number(value('--kill-runs') ?? 1)

  say(`load average before: ${load()}`)
  const summaries: KillRunSummary[] = []
  for (let i = 1; i <= killRuns; i++) {
    summaries.push(summarize(await runReplicaLoad(3, true, { ...size, pressEvery: 3, killOne: true })))
    say(`three replicas, one killed: run ${i} of ${killRuns} done (load ${load()})`)
  }
  const killRunOnly = args.includes('--kill-run-only')
  const runs: ReplicaRun[] = killRunOnly ? [] : [await runReplicaLoad(1, false, size)]
  for (const count of killRunOnly ? [] : counts) runs.push(await runReplicaLoad(count, true, size))
  if (!killRunOnly) say(`throughput: done (load ${load()})`)
  const latency = killRunOnly
    ? []
    : [await runReplicaLoad(1, false, { questions: latencyQuestions, users: 30, concurrency: 1 }), await runReplicaLoad(1, true, { questions: latencyQuestions, users: 30, concurrency: 1 })]
  const [without, withRedis] = latency
  const added = without && withRedis ? { p50Ms: round(withRedis.p50Ms - without.p50Ms), p99Ms: round(withRedis.p99Ms - without.p99Ms) } : undefined
  const loadAfter = load()

  const strip = ({ replicas, redis, questions, concurrency, answeredOnce, answersPerSec, p50Ms, p99Ms }: ReplicaRun): ReplicaRun => ({
    replicas,
    redis,
    questions,
    concurrency,
    answeredOnce,
    answersPerSec,
    p50Ms,
    p99Ms,
  })
  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ killRun: summaries[0], killRuns: summaries, throughput: runs.map(strip), latency: latency.map(strip), redisAddsMs: added, loadAfter })}\n`)
    return
  }
  for (const summary of summaries) {
    process.stdout.write(`three replicas, every third press on another replica, one SIGKILLed half-way (${summary.questions} questions, ${size.users} people):\n`)
    process.stdout.write(
      `  answered once ${summary.answeredOnce}, unanswered ${summary.unanswered}, delivered again ${summary.deliveredAgain} (of which answered twice ${summary.answeredTwiceAfterRedelivery}), answered more often otherwise ${summary.answeredTooOften}\n`,
    )
    process.stdout.write(`  presses ${summary.presses}, served ${summary.pressesServed} (${summary.pressesServedTwice} twice after a redelivery), notices ${summary.pressNotices.length}${summary.pressNotices.length > 0 ? `: ${[...new Set(summary.pressNotices)].join(' | ')}` : ''}\n\n`)
  }
  process.stdout.write('replicas | redis | questions | in flight | answered once | answers/s | p50 ms | p99 ms\n')
  for (const run of [...runs, ...latency]) {
    process.stdout.write(`${run.replicas} | ${run.redis ? 'yes' : 'no'} | ${run.questions} | ${run.concurrency} | ${run.answeredOnce} | ${run.answersPerSec} | ${run.p50Ms} | ${run.p99Ms}\n`)
  }
  if (added) process.stdout.write(`\nRedis adds per answer (one at a time): p50 ${added.p50Ms} ms, p99 ${added.p99Ms} ms\n`)
  process.stdout.write(`load average after: ${loadAfter}\n`)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
    process.exit(1)
  })
}
