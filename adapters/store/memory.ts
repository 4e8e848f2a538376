import type { KeyValueStore } from './store.js'

/** Bounds of {@link createMemoryStore}. */
export interface MemoryStoreOptions {
  /** Most keys kept; the least recently written go first. Defaults to 100_000 (some tens of megabytes at most). */
  maxKeys?: number
  /** The clock, in milliseconds; tests pass a fake one. Defaults to `Date.now`. */
  now?: () => number
}

const DEFAULT_MEMORY_STORE_OPTIONS: Required<MemoryStoreOptions> = { maxKeys: 100_000, now: Date.now }

/**
 * A {@link KeyValueStore} in this process's memory: the default with one process, and the stand-in
 * the Redis store uses while Redis is down. Expired keys are dropped when read and when the store
 * is full; pub/sub reaches this process's own subscribers only.
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): KeyValueStore {
  const { maxKeys, now } = { ...DEFAULT_MEMORY_STORE_OPTIONS, ...options }
  const entries = new Map<string, { value: string; expiresAt: number }>()
  const subscribers = new Map<string, Set<(message: string) => void>>()

  const live = (key: string) => {
    const entry = entries.get(key)
    if (entry === undefined) return undefined
    if (entry.expiresAt > now()) return entry
    entries.delete(key)
    return undefined
  }
  const put = (key: string, value: string, ttlMs: number) => {
    // Re-inserted so the Map's order stays oldest-written first.
    entries.delete(key)
    entries.set(key, { value, expiresAt: now() + ttlMs })
    if (entries.size <= maxKeys) return
    const time = now()
    for (const [candidate, entry] of entries) if (entry.expiresAt <= time) entries.delete(candidate)
    for (const oldest of entries.keys()) {
      if (entries.size <= maxKeys) break
      entries.delete(oldest)
    }
  }

  return {
    kind: 'memory',
    get: async (key) => live(key)?.value,
    async set(key, value, ttlMs) {
      put(key, value, ttlMs)
    },
    async setIfAbsent(key, value, ttlMs) {
      if (live(key) !== undefined) return false
      put(key, value, ttlMs)
      return true
    },
    async replaceIfEqual(key, expected, value, ttlMs) {
      if (live(key)?.value !== expected) return false
      put(key, value, ttlMs)
      return true
    },
    async delete(key) {
      entries.delete(key)
    },
    async increment(key, windowMs) {
      const entry = live(key)
      if (entry === undefined) {
        put(key, '1', windowMs)
        return 1
      }
      // The window runs from the first hit, as Redis's INCR + PEXPIRE on the first hit does.
      const count = Number(entry.value) + 1
      entry.value = String(count)
      return count
    },
    async publish(channel, message) {
      for (const listener of subscribers.get(channel) ?? []) listener(message)
    },
    async subscribe(channel, onMessage) {
      const set = subscribers.get(channel) ?? new Set()
      set.add(onMessage)
      subscribers.set(channel, set)
    },
    health: () => 'ok',
    async close() {
      entries.clear()
      subscribers.clear()
    },
  }
}
