import { StoreUnavailableError, type KeyValueStore } from '../store/store.js'

/** What a cooldown check decided for one request. */
export type CooldownVerdict =
  | { allowed: true }
  /** `firstRefusal` is true once per cooldown, so a spammer gets one notice, not one per message. */
  | { allowed: false; retryAfterMs: number; firstRefusal: boolean }

/** Per-user rate limit: at most one answered request every `cooldownMs`. The shared one answers with a promise. */
export interface Cooldown {
  check(userId: string): CooldownVerdict | Promise<CooldownVerdict>
}

export interface CooldownOptions {
  /** Least time between two answered requests of one user; `0` turns the cooldown off. Defaults to `3000`. */
  cooldownMs?: number
  /** The clock, for tests. Defaults to `Date.now`. */
  now?: () => number
}

/** Defaults for {@link createCooldown}. */
export const DEFAULT_COOLDOWN_OPTIONS: Required<CooldownOptions> = { cooldownMs: 3000, now: Date.now }

/** Entries are swept once the map holds this many, so memory stays bounded however many users ask. */
const SWEEP_AT_ENTRIES = 10_000

/** Creates a per-user cooldown. Only requests that are let through start a new cooldown. */
export function createCooldown(options: CooldownOptions = {}): Cooldown {
  const { cooldownMs, now } = { ...DEFAULT_COOLDOWN_OPTIONS, ...options }
  const users = new Map<string, { allowedAt: number; notified: boolean }>()
  return {
    check(userId) {
      if (cooldownMs <= 0) return { allowed: true }
      const time = now()
      const entry = users.get(userId)
      if (entry !== undefined && time - entry.allowedAt < cooldownMs) {
        const firstRefusal = !entry.notified
        entry.notified = true
        return { allowed: false, retryAfterMs: cooldownMs - (time - entry.allowedAt), firstRefusal }
      }
      if (users.size >= SWEEP_AT_ENTRIES) {
        for (const [id, { allowedAt }] of users) if (time - allowedAt >= cooldownMs) users.delete(id)
      }
      users.set(userId, { allowedAt: time, notified: false })
      return { allowed: true }
    },
  }
}

/**
 * A cooldown kept in the shared store (Redis with `REDIS_URL`), so it holds across shard processes:
 * the first request claims `discord:cooldown:<user>` for `cooldownMs` with the time it was let
 * through; a refusal claims a notice key once per cooldown. While Redis is down the store counts
 * in this process's memory.
 */
export function createStoredCooldown(store: KeyValueStore, options: CooldownOptions = {}): Cooldown {
  const { cooldownMs, now } = { ...DEFAULT_COOLDOWN_OPTIONS, ...options }
  return {
    async check(userId) {
      if (cooldownMs <= 0) return { allowed: true }
      const time = now()
      const key = `discord:cooldown:${userId}`
      if (await store.setIfAbsent(key, String(time), cooldownMs)) return { allowed: true }
      let allowedAt = time
      try {
        allowedAt = Number((await store.get(key)) ?? time)
      } catch (error) {
        if (!(error instanceof StoreUnavailableError)) throw error
      }
      const retryAfterMs = Math.max(1, cooldownMs - (time - allowedAt))
      const firstRefusal = await store.setIfAbsent(`discord:cooldown-notice:${userId}:${allowedAt}`, '1', retryAfterMs)
      return { allowed: false, retryAfterMs, firstRefusal }
    },
  }
}

/** The polite line a user on cooldown sees. */
export function cooldownMessage(retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000))
  return `You're asking faster than I can keep up. Please try again in ${seconds} second${seconds === 1 ? '' : 's'}.`
}
