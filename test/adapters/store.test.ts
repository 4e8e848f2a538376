import { Redis } from 'ioredis'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { parseConfig } from '../../adapters/config.js'
import { createMemoryStore } from '../../adapters/store/memory.js'
import { createRedisStore, type StoreMetrics } from '../../adapters/store/redis.js'
import { StoreUnavailableError, type KeyValueStore } from '../../adapters/store/store.js'
import { createCaptureLogger } from '../fakes/capture-logger.js'
import { startTestRedis, type TestRedis } from '../helpers/redis-server.js'

let redis: TestRedis
const opened: KeyValueStore[] = []

beforeAll(async () => {
  redis = await startTestRedis()
})
afterAll(async () => {
  await Promise.all(opened.map((store) => store.close()))
  await redis.stop()
})

const openRedisStore = async (prefix = 'test:', metrics?: StoreMetrics) => {
  const store = await createRedisStore({ url: redis.url, prefix, logger: createCaptureLogger().logger, metrics })
  opened.push(store)
  return store
}

const until = async (check: () => boolean | Promise<boolean>, timeoutMs = 20_000) => {
  const deadline = performance.now() + timeoutMs
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

// Two handles on one prefix play two processes: with Redis they share state, in memory they are one store.
const memoryStores = new Map<string, KeyValueStore>()
const openMemory = async (prefix: string) => memoryStores.get(prefix) ?? memoryStores.set(prefix, createMemoryStore()).get(prefix)!

describe.each([
  ['createMemoryStore', openMemory],
  ['createRedisStore', openRedisStore],
])('%s', (_name, openWith) => {
  let prefix = ''
  const open = () => openWith(prefix)
  beforeEach(() => {
    prefix = `contract-${Math.random()}:`
  })

  it('keeps a value until its expiry', async () => {
    const store = await open()
    await store.set('a', 'one', 200)
    expect(await store.get('a')).toBe('one')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(await store.get('a')).toBeUndefined()
  })

  it('lets exactly one of many concurrent claims win', async () => {
    const stores = [await open(), await open()]
    const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => stores[i % 2]!.setIfAbsent('claim', `by-${i}`, 5_000)))
    expect(claims.filter(Boolean)).toHaveLength(1)
  })

  it('renews a lease only for its holder', async () => {
    const store = await open()
    await store.setIfAbsent('lease', 'me', 5_000)
    expect(await store.replaceIfEqual('lease', 'someone else', 'them', 5_000)).toBe(false)
    expect(await store.replaceIfEqual('lease', 'me', 'done', 5_000)).toBe(true)
    expect(await store.get('lease')).toBe('done')
  })

  it('counts hits in a window that starts at the first one', async () => {
    const store = await open()
    expect(await store.increment('hits', 300)).toBe(1)
    expect(await store.increment('hits', 300)).toBe(2)
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(await store.increment('hits', 300)).toBe(1)
  })

  it('delivers a published message to a subscriber', async () => {
    const store = await open()
    const heard: string[] = []
    await store.subscribe('news', (message) => heard.push(message))
    await store.publish('news', 'hello')
    await until(() => heard.includes('hello'), 2_000)
  })
})

describe('createRedisStore', () => {
  it('writes every key under the prefix exactly as given and leaves other keys alone', async () => {
    const other = new Redis(redis.url)
    await other.set('someone-else:key', 'theirs')
    await other.set('summit-bot', 'not ours either')
    const store = await openRedisStore('summit-bot:')
    await store.set('pages:x', 'v', 60_000)
    await store.increment('limit:1', 60_000)
    await store.setIfAbsent('claim:1', 'c', 60_000)
    await store.delete('someone-else:key')

    const keys = (await other.keys('*')).sort()
    expect(keys.filter((key) => !key.startsWith('contract-'))).toEqual(['someone-else:key', 'summit-bot', 'summit-bot:claim:1', 'summit-bot:limit:1', 'summit-bot:pages:x'])
    expect(await other.get('someone-else:key')).toBe('theirs')
    other.disconnect()
  })

  it('starts degraded when Redis is unreachable, answers at once from memory, and says so', async () => {
    const capture = createCaptureLogger()
    const startedAt = performance.now()
    const store = await createRedisStore({ url: 'redis://127.0.0.1:1', prefix: 'x:', logger: capture.logger, connectTimeoutMs: 500 })
    opened.push(store)

    expect(store.health()).toBe('degraded')
    expect(capture.records.some((record) => record.msg.startsWith('starting degraded'))).toBe(true)
    const before = performance.now()
    expect(await store.increment('n', 1_000)).toBe(1)
    expect(await store.setIfAbsent('c', 'v', 1_000)).toBe(true)
    await expect(store.get('never-written')).rejects.toBeInstanceOf(StoreUnavailableError)
    expect(performance.now() - before).toBeLessThan(100)
    expect(performance.now() - startedAt).toBeLessThan(5_000)
  })

  it('falls back to memory while Redis is down, counts it, and recovers by itself when Redis returns empty', async () => {
    const fallbacks: string[] = []
    const up: boolean[] = []
    const store = await openRedisStore('outage:', { setUp: (value) => up.push(value), recordFallback: (operation) => fallbacks.push(operation) })
    await store.set('old', 'page', 60_000)
    expect(store.health()).toBe('ok')

    await redis.stop()
    await until(() => store.health() === 'degraded', 5_000)
    const startedAt = performance.now()
    await expect(store.get('old')).rejects.toBeInstanceOf(StoreUnavailableError)
    await store.set('during', 'local', 60_000)
    expect(await store.get('during')).toBe('local')
    expect(await store.increment('n', 60_000)).toBe(1)
    expect(performance.now() - startedAt).toBeLessThan(100)
    expect(fallbacks).toEqual(expect.arrayContaining(['get', 'set', 'increment']))

    await redis.start()
    const returnedAt = performance.now()
    await until(() => store.health() === 'ok', 20_000)
    expect(performance.now() - returnedAt).toBeLessThan(20_000)
    // Redis came back empty: the old page is gone, the store works again.
    expect(await store.get('old')).toBeUndefined()
    await store.set('after', 'shared', 60_000)
    expect(await store.get('after')).toBe('shared')
    expect(up.at(-1)).toBe(true)
  })
})

describe('createRedisStore on a slow Redis', () => {
  it('counts a command that times out as an outage of that command only: the next one answered makes it ok again', async () => {
    const store = await openRedisStore('slow:')
    await store.set('page', 'kept', 60_000)
    // A Lua script holds Redis (single-threaded) for 1.2 s while the connection stays up.
    const blocker = new Redis(redis.url)
    const busy = blocker.eval(`local s = redis.call('TIME') while true do local t = redis.call('TIME') if (t[1] - s[1]) * 1000000 + (t[2] - s[2]) > 1200000 then return 1 end end`, 0)
    await new Promise((resolve) => setTimeout(resolve, 100))
    await expect(store.get('page')).rejects.toBeInstanceOf(StoreUnavailableError)
    expect(store.health()).toBe('degraded')
    await busy
    blocker.disconnect()
    expect(await store.get('page')).toBe('kept')
    expect(store.health()).toBe('ok')
  })
})

describe('REDIS_URL and REDIS_PREFIX', () => {
  it('refuses a malformed REDIS_URL, naming the variable', () => {
    const result = parseConfig({ REDIS_URL: 'localhost:6379' })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.message).toContain('REDIS_URL must be a redis:// or rediss:// URL')
    expect(!result.ok && result.message).toContain('→ at REDIS_URL')
  })

  it('keeps state in memory without REDIS_URL, and defaults the prefix', () => {
    const without = parseConfig({})
    expect(without.ok && without.config.store).toBeUndefined()
    const withUrl = parseConfig({ REDIS_URL: 'redis://redis:6379/0' })
    expect(withUrl.ok && withUrl.config.store).toEqual({ url: 'redis://redis:6379/0', prefix: 'summit-bot:' })
  })
})
