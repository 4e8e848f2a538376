/** What a cooldown check decided for one request. */
export type CooldownVerdict =
  | { allowed: true }
  /** `firstRefusal` is true once per cooldown, so a spammer gets one notice, not one per message. */
  | { allowed: false; retryAfterMs: number; firstRefusal: boolean }

/** Per-user rate limit: at most one answered request every `cooldownMs`. */
export interface Cooldown {
  check(userId: string): CooldownVerdict
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

/** The polite line a user on cooldown sees. */
export function cooldownMessage(retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000))
  return `You're asking faster than I can keep up. Please try again in ${seconds} second${seconds === 1 ? '' : 's'}.`
}
