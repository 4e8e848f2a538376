import { Redis, type RedisOptions } from 'ioredis'
import type { Logger } from '../logger.js'
import { createMemoryStore } from './memory.js'
import { StoreUnavailableError, type KeyValueStore, type StoreHealth } from './store.js'

/** What the Redis store reports for `/metrics`; the composition root passes a prom-client backed one. */
export interface StoreMetrics {
  /** 1 while Redis answers, 0 while this process stands in with its own memory. */
  setUp(up: boolean): void
  /** An operation answered from this process's memory because Redis could not be asked. */
  recordFallback(operation: string): void
}

/** Options for {@link createRedisStore}. */
export interface RedisStoreOptions {
  /** `redis://[user:password@]host:port[/db]` or `rediss://` for TLS. */
  url: string
  /** Put before every key and channel, exactly as given. */
  prefix: string
  logger: Logger
  metrics?: StoreMetrics
  /** Longest wait for one command before it counts as failed. Defaults to 500. */
  commandTimeoutMs?: number
  /** Longest wait for a connection. Defaults to 2_000. */
  connectTimeoutMs?: number
  /** Longest pause between reconnection attempts: recovery comes at most this long after Redis returns. Defaults to 2_000. */
  maxReconnectDelayMs?: number
}

const DEFAULT_REDIS_STORE_OPTIONS = { commandTimeoutMs: 500, connectTimeoutMs: 2_000, maxReconnectDelayMs: 2_000 }

// Atomic in Redis: a counter whose window starts at its first hit (INCR then PEXPIRE in two calls
// would leave a counter without expiry if the process died between them).
const INCREMENT_SCRIPT = `local n = redis.call('INCR', KEYS[1]) if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return n`
// Atomic in Redis: a lease renewed only by its holder.
const REPLACE_IF_EQUAL_SCRIPT = `if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) return 1 end return 0`

type ScriptedRedis = Redis & {
  incrementWindow(key: string, windowMs: number): Promise<number>
  replaceIfEqual(key: string, expected: string, value: string, ttlMs: number): Promise<number>
}

/**
 * A {@link KeyValueStore} in Redis through ioredis, for several processes. ioredis because it is
 * the client `@grammyjs/ratelimiter` documents, it reconnects forever with a delay we choose, it
 * resubscribes pub/sub after a reconnect, and it caches Lua scripts (`defineCommand`).
 *
 * Redis is never on the path of an answer: every command fails at once while Redis is down
 * (`enableOfflineQueue: false`, no retries, a short timeout) rather than waiting in a queue, and
 * the store then stands in with this process's own memory: counters and claims count per process,
 * pages made now are readable here, and a page only Redis holds throws
 * {@link StoreUnavailableError}, so the caller can say so. The outage is logged once when it starts
 * and once when it ends, and counted in `metrics`. Reconnection never gives up, at most
 * `maxReconnectDelayMs` apart, and needs nothing from Redis when it returns: an empty Redis only
 * means older pages are gone.
 */
export async function createRedisStore(options: RedisStoreOptions): Promise<KeyValueStore> {
  const { url, prefix, logger, metrics } = options
  const { commandTimeoutMs, connectTimeoutMs, maxReconnectDelayMs } = { ...DEFAULT_REDIS_STORE_OPTIONS, ...options }
  const log = logger.child({ store: 'redis' })
  const redisOptions: RedisOptions = {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: commandTimeoutMs,
    connectTimeout: connectTimeoutMs,
    retryStrategy: (times) => Math.min(100 * times, maxReconnectDelayMs),
    // Channels are resubscribed by hand on every `ready`, subscriptions made while down included.
    autoResubscribe: false,
    lazyConnect: true,
  }
  const client = new Redis(url, redisOptions) as ScriptedRedis
  client.defineCommand('incrementWindow', { numberOfKeys: 1, lua: INCREMENT_SCRIPT })
  client.defineCommand('replaceIfEqual', { numberOfKeys: 1, lua: REPLACE_IF_EQUAL_SCRIPT })
  const subscriber = new Redis(url, redisOptions)
  const local = createMemoryStore()
  const channels = new Map<string, Set<(message: string) => void>>()
  let health: StoreHealth = 'degraded'
  let closed = false

  const setHealth = (next: StoreHealth, reason?: string) => {
    if (next === health) return
    health = next
    metrics?.setUp(next === 'ok')
    if (next === 'ok') log.info('redis reachable: buttons, limits and update claims are shared again')
    else log.warn({ problem: reason }, 'redis unreachable: answering goes on; buttons, limits and update claims are per process until it returns')
  }
  metrics?.setUp(false)
  client.on('ready', () => setHealth('ok'))
  client.on('error', (error: Error) => setHealth('degraded', error.message))
  client.on('close', () => {
    if (!closed) setHealth('degraded', 'connection closed')
  })
  // Without 'error' listeners ioredis prints every failed reconnection to stderr.
  subscriber.on('error', () => undefined)
  subscriber.on('ready', () => {
    if (channels.size === 0) return
    subscriber.subscribe(...[...channels.keys()].map((channel) => prefix + channel)).catch((error: unknown) => {
      log.warn({ err: error }, 'redis subscribe failed: will retry on the next reconnection')
    })
  })
  subscriber.on('message', (fullChannel: string, message: string) => {
    for (const listener of channels.get(fullChannel.slice(prefix.length)) ?? []) listener(message)
  })

  /** Runs `command` against Redis, or `fallback` when Redis cannot be asked. */
  async function withFallback<T>(operation: string, command: () => Promise<T>, fallback: () => Promise<T>): Promise<T> {
    if (client.status === 'ready') {
      try {
        const result = await command()
        // A command that timed out (a busy event loop, say) marked the store degraded with the connection intact: it answers again.
        if (health === 'degraded') setHealth('ok')
        return result
      } catch (error) {
        setHealth('degraded', error instanceof Error ? error.message : String(error))
      }
    }
    metrics?.recordFallback(operation)
    return fallback()
  }

  await Promise.allSettled([
    client.connect().catch((error: unknown) => setHealth('degraded', error instanceof Error ? error.message : String(error))),
    subscriber.connect().catch(() => undefined),
  ])
  if (health === 'degraded') log.warn({ url: redactUrl(url) }, 'starting degraded: redis is unreachable at REDIS_URL; it is retried in the background')

  return {
    kind: 'redis',
    get: (key) =>
      withFallback(
        'get',
        async () => (await client.get(prefix + key)) ?? undefined,
        async () => {
          const value = await local.get(key)
          if (value === undefined) throw new StoreUnavailableError('the shared store (Redis) is unreachable')
          return value
        },
      ),
    set: (key, value, ttlMs) =>
      withFallback(
        'set',
        async () => {
          await client.set(prefix + key, value, 'PX', Math.max(1, Math.round(ttlMs)))
        },
        () => local.set(key, value, ttlMs),
      ),
    setIfAbsent: (key, value, ttlMs) =>
      withFallback(
        'setIfAbsent',
        async () => (await client.set(prefix + key, value, 'PX', Math.max(1, Math.round(ttlMs)), 'NX')) === 'OK',
        () => local.setIfAbsent(key, value, ttlMs),
      ),
    replaceIfEqual: (key, expected, value, ttlMs) =>
      withFallback(
        'replaceIfEqual',
        async () => (await client.replaceIfEqual(prefix + key, expected, value, Math.max(1, Math.round(ttlMs)))) === 1,
        () => local.replaceIfEqual(key, expected, value, ttlMs),
      ),
    delete: (key) =>
      withFallback(
        'delete',
        async () => {
          await client.del(prefix + key)
          await local.delete(key)
        },
        () => local.delete(key),
      ),
    increment: (key, windowMs) =>
      withFallback(
        'increment',
        () => client.incrementWindow(prefix + key, Math.max(1, Math.round(windowMs))),
        () => local.increment(key, windowMs),
      ),
    publish: (channel, message) =>
      withFallback(
        'publish',
        async () => {
          await client.publish(prefix + channel, message)
        },
        async () => {
          // Others catch up on their next readiness check; this process hears its own message.
          await local.publish(channel, message)
        },
      ),
    async subscribe(channel, onMessage) {
      const listeners = channels.get(channel) ?? new Set()
      listeners.add(onMessage)
      channels.set(channel, listeners)
      if (subscriber.status === 'ready') {
        await subscriber.subscribe(prefix + channel).catch((error: unknown) => log.warn({ err: error }, 'redis subscribe failed: will retry on the next reconnection'))
      }
    },
    health: () => health,
    async close() {
      closed = true
      await Promise.allSettled([client.quit(), subscriber.quit()])
      client.disconnect()
      subscriber.disconnect()
    },
  }
}

/** The URL without its password, for logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password !== '') parsed.password = '***'
    return parsed.toString()
  } catch {
    // Already checked by the config; never echo something unparsable that might hold a secret.
    return '(unparsable URL)'
  }
}
