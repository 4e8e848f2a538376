import { fileURLToPath } from 'node:url'
import { ShardingManager, type Shard } from 'discord.js'
import { AggregatorRegistry, type MetricObjectWithValues, type MetricValue, type Registry } from 'prom-client'
import type { Logger } from '../logger.js'
import type { RunningAdapter } from '../lifecycle.js'
import type { DiscordSettings } from './config.js'

/** The composition root, which a shard process runs too (as `SHARDING_MANAGER` child). */
const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url))

/** Where a shard process exposes its metrics, for the manager's `broadcastEval`. */
export const SHARD_METRICS_GLOBAL = '__summitBotShardMetrics'

/** Where a shard process exposes its `/readyz` report, for the manager's health checks. */
export const SHARD_READINESS_GLOBAL = '__summitBotShardReadiness'

/** One shard process as the manager's `/healthz` and `/readyz` report it. */
export interface ShardProcessHealth {
  /** Index of the process, 0 to `DISCORD_SHARD_PROCESSES` − 1. */
  process: number
  /** The Discord shards it runs. */
  shardIds: number[]
  /** Its process id, absent while it is being spawned again. */
  pid?: number
  /** Whether its process is running. */
  alive: boolean
  /** Whether all its shards are connected and its index is in service (its own `/readyz`). */
  ready: boolean
  /** What works in a reduced way there, e.g. `['redis']`; empty when everything works. */
  degraded: string[]
}

/** Options for {@link startShardProcesses}. */
export interface ShardProcessesOptions {
  /** Longest wait for one process to have all its shards ready. Defaults to 60_000. */
  spawnTimeoutMs?: number
  /** Longest wait for the processes to stop gracefully. Defaults to 8_000. */
  stopTimeoutMs?: number
  /** How often the manager asks each process for its readiness. Defaults to 1_000. */
  healthIntervalMs?: number
}

/** The running shard processes, as an adapter, with their merged metrics. */
export interface RunningShardProcesses extends RunningAdapter {
  /** Process ids by process index, for logs and tests. */
  pids(): (number | undefined)[]
  /** Every shard process's metrics, merged with `own` (sums across processes). */
  metrics(own: Registry): Promise<string>
  /** Each process: alive, ready, degraded; asked every `healthIntervalMs`, so a hung process cannot hold up a probe. */
  health(): ShardProcessHealth[]
}

/**
 * Discord sharding across processes with discord.js's `ShardingManager`: `processes` child
 * processes, each running the bot (this same composition root) for a contiguous slice of the
 * shards (`DISCORD_SHARDS`, or Discord's recommendation), with their own Redis connection when
 * `REDIS_URL` is set. discord.js's manager gives each process one shard; a process here runs
 * several, by handing it a list in `SHARDS`, which the child's `Client` reads as its shard list.
 * A process that exits is spawned again by the manager (`respawn`), and its shards identify
 * afresh and get their guilds back. The children write their logs to this process's stdout.
 */
export async function startShardProcesses(
  settings: DiscordSettings,
  processes: number,
  logger: Logger,
  options: ShardProcessesOptions = {},
): Promise<RunningShardProcesses> {
  const { spawnTimeoutMs = 60_000, stopTimeoutMs = 8_000, healthIntervalMs = 1_000 } = options
  const log = logger.child({ adapter: 'discord' })
  // Discord recommends one shard for a bot in fewer than about 1,000 servers, and accepts more
  // shards than it recommends: with DISCORD_SHARDS=auto each process runs at least one, so
  // compose.yaml's `auto` with two processes starts for a new bot too. A fixed count is the operator's word.
  const totalShards = settings.sharding.mode === 'fixed' ? settings.sharding.shardCount : Math.max(processes, await recommendedShards(settings))
  if (processes > totalShards) throw new Error(`DISCORD_SHARD_PROCESSES is ${processes}, more than the ${totalShards} shards to run: lower it, or raise DISCORD_SHARDS`)
  const slices = Array.from({ length: processes }, (_, index) => {
    const from = Math.floor((index * totalShards) / processes)
    const to = Math.floor(((index + 1) * totalShards) / processes)
    return Array.from({ length: to - from }, (_, i) => from + i)
  })

  const manager = new ShardingManager(MAIN, {
    totalShards: processes,
    token: settings.token,
    mode: 'process',
    respawn: true,
    execArgv: process.execArgv,
  })
  manager.on('shardCreate', (shard: Shard) => {
    const shardIds = slices[shard.id] ?? []
    const env = shard.env as Record<string, unknown>
    Object.assign(env, { SHARDS: JSON.stringify(shardIds), SHARD_COUNT: String(totalShards), PORT: '0' })
    // A shard process serves Discord only, and must not start shard processes of its own.
    for (const name of ['TELEGRAM_BOT_TOKEN', 'DISCORD_SHARD_PROCESSES', 'DISCORD_SHARDS', 'DISCORD_SHARD_IDS', 'DISCORD_SHARD_COUNT']) delete env[name]
    shard.on('spawn', () => log.info({ process: shard.id, shardIds, pid: shard.process?.pid }, 'discord shard process spawned'))
    shard.on('death', (child) => {
      if (stopping) return
      const exitCode = 'exitCode' in child ? child.exitCode : undefined
      log.warn({ process: shard.id, shardIds, exitCode }, 'discord shard process died: spawning it again')
    })
    shard.on('ready', () => log.info({ process: shard.id, shardIds }, 'discord shard process ready'))
    shard.on('error', (error: Error) => log.error({ err: error, process: shard.id }, 'discord shard process error'))
  })
  let stopping = false
  log.info({ processes, totalShards, slices }, 'starting discord shard processes')
  await manager.spawn({ amount: processes, delay: 0, timeout: spawnTimeoutMs })

  /** Each process's last answer to "what does your /readyz say?"; cleared when it dies. */
  const reported = new Map<number, { ready: boolean; degraded: string[] }>()
  const ask = (shard: Shard) => {
    // Before discord.js's `ready` the child has no one listening to `eval` yet, and an unanswered eval is cached forever.
    if (shard.process === null || !shard.ready) return
    const asked = shard.eval(`globalThis.${SHARD_READINESS_GLOBAL}?.()`) as Promise<{ ready?: unknown; degraded?: unknown } | undefined>
    asked.then(
      (report) => reported.set(shard.id, { ready: report?.ready === true, degraded: Array.isArray(report?.degraded) ? report.degraded.map(String) : [] }),
      () => reported.delete(shard.id),
    )
  }
  manager.shards.forEach((shard) => {
    shard.on('death', () => reported.delete(shard.id))
    shard.on('ready', () => ask(shard))
  })
  const askEach = () => manager.shards.forEach(ask)
  askEach()
  const healthTimer = setInterval(askEach, healthIntervalMs)
  healthTimer.unref()
  const health = (): ShardProcessHealth[] =>
    slices.map((shardIds, index) => {
      const shard = manager.shards.get(index)
      const pid = shard?.process?.pid
      const alive = shard?.process != null && shard.process.exitCode === null
      const report = alive ? reported.get(index) : undefined
      // discord.js's own flag turns false at once when the process dies; the report may be a second old.
      const ready = alive && shard.ready && report?.ready !== false
      return { process: index, shardIds, ...(pid === undefined ? {} : { pid }), alive, ready, degraded: report?.degraded ?? [] }
    })

  return {
    name: 'discord',
    isReady: () => !stopping && health().every((child) => child.ready),
    health,
    pids: () => Array.from({ length: processes }, (_, index) => manager.shards.get(index)?.process?.pid),
    async metrics(own) {
      const perProcess = await Promise.all(
        manager.shards.map((shard) =>
          shard
            .eval(`globalThis.${SHARD_METRICS_GLOBAL}?.()`)
            .catch(() => []) as Promise<MetricObjectWithValues<MetricValue<string>>[]>,
        ),
      )
      const merged = AggregatorRegistry.aggregate([await own.getMetricsAsJSON(), ...perProcess.filter(Array.isArray)])
      return merged.metrics()
    },
    async stop() {
      stopping = true
      clearInterval(healthTimer)
      manager.respawn = false
      await Promise.all(
        manager.shards.map(
          (shard) =>
            new Promise<void>((resolve) => {
              const child = shard.process
              if (child === null || child.exitCode !== null) return resolve()
              const timer = setTimeout(() => {
                child.kill('SIGKILL')
                resolve()
              }, stopTimeoutMs)
              child.once('exit', () => {
                clearTimeout(timer)
                resolve()
              })
              // Each shard process stops gracefully on SIGTERM, finishing its replies.
              child.kill('SIGTERM')
            }),
        ),
      )
      log.info('discord shard processes stopped')
    },
  }
}

/** Discord's recommended shard count, from `/gateway/bot` through the configured REST root. */
async function recommendedShards(settings: DiscordSettings): Promise<number> {
  const response = await fetch(`${settings.restApi}/v10/gateway/bot`, { headers: { authorization: `Bot ${settings.token}` }, signal: AbortSignal.timeout(15_000) })
  if (!response.ok) throw new Error(`Discord did not say how many shards to run (GET /gateway/bot: ${response.status}); set DISCORD_SHARDS`)
  const { shards } = (await response.json()) as { shards?: number }
  return typeof shards === 'number' && shards > 0 ? shards : 1
}
