/**
 * The state several bot processes share: answer pages behind buttons, rate-limit counters, the
 * Telegram updates already claimed, corpus reload announcements. One small interface, a memory
 * implementation (one process, the default) and a Redis one (`REDIS_URL`, for replicas).
 *
 * Keys are given without the prefix: an implementation puts `REDIS_PREFIX` in front of every key
 * and channel itself, so no caller can touch another app's keys. Values are strings; a caller that
 * stores JSON checks what it reads back (`readJson`), since another process (or an older version
 * of this one) wrote it.
 *
 * Other features store their state on it the same way: a small interface of their own (e.g. a
 * subscription or vote store) implemented once over `KeyValueStore` with `get`/`set` of JSON
 * under a key namespace of their own (`subscriptions:<chat>`), and `setIfAbsent`/`increment` where
 * two processes may write at once.
 */

/** Whether the shared store is reachable; `degraded` means answers go on but shared state is per process. */
export type StoreHealth = 'ok' | 'degraded'

/** A key-value store with expiry, atomic claims and counters, and pub/sub. */
export interface KeyValueStore {
  /** `memory` or `redis`: what `/readyz` and the log name. */
  readonly kind: 'memory' | 'redis'
  /** The value under `key`, or `undefined` when absent or expired. Throws {@link StoreUnavailableError} when it cannot tell. */
  get(key: string): Promise<string | undefined>
  /** Stores `value` under `key` for `ttlMs` milliseconds, replacing any value. */
  set(key: string, value: string, ttlMs: number): Promise<void>
  /** Stores `value` only when `key` holds nothing; true when this call stored it (Redis `SET NX PX`: atomic across processes). */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>
  /** Replaces the value and expiry only when `key` still holds `expected`; true when it did (a lease renewal). */
  replaceIfEqual(key: string, expected: string, value: string, ttlMs: number): Promise<boolean>
  /** Removes `key`. */
  delete(key: string): Promise<void>
  /** Adds one to the counter under `key` and returns it; the first hit starts a window of `windowMs` after which it resets. */
  increment(key: string, windowMs: number): Promise<number>
  /** Sends `message` to every process subscribed to `channel`, this one included. */
  publish(channel: string, message: string): Promise<void>
  /** Calls `onMessage` for every message on `channel` from now on; resubscribes by itself after a reconnect. */
  subscribe(channel: string, onMessage: (message: string) => void): Promise<void>
  /** `ok`, or `degraded` while the shared store is unreachable. */
  health(): StoreHealth
  /** Closes connections; later calls fail. */
  close(): Promise<void>
}

/**
 * The shared store could not be asked and no local copy could stand in: the caller tells the
 * asker that this part is unavailable for a moment, rather than pretending the value is absent.
 */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError'
}

/**
 * Reads JSON stored under `key` and checks it with `parse` (a zod schema's `safeParse`, say);
 * `undefined` when absent or when what is stored does not have the expected shape.
 */
export async function readJson<T>(store: KeyValueStore, key: string, parse: (value: unknown) => T | undefined): Promise<T | undefined> {
  const raw = await store.get(key)
  if (raw === undefined) return undefined
  try {
    return parse(JSON.parse(raw))
  } catch (error) {
    if (error instanceof SyntaxError) return undefined
    throw error
  }
}
