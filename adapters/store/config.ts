import { z } from 'zod'

/** What every key starts with when `REDIS_PREFIX` is unset. */
export const DEFAULT_REDIS_PREFIX = 'summit-bot:'

/** Where shared state lives: `REDIS_URL` parsed. */
export interface StoreSettings {
  /** The Redis URL as given. */
  url: string
  /** Put before every key and channel exactly as given. Defaults to {@link DEFAULT_REDIS_PREFIX}. */
  prefix: string
}

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional())

const URL_MESSAGE = 'REDIS_URL must be a redis:// or rediss:// URL such as redis://localhost:6379 (or unset: state stays in this process)'

/**
 * The shared-store variables as zod fields, for the composition root's one schema. Both optional:
 * without `REDIS_URL` everything stays in this process's memory, as one process needs.
 */
export const storeEnvShape = {
  /** Redis for shared state across processes, e.g. `redis://redis:6379`. Defaults to none (in-memory). */
  REDIS_URL: optional(
    z
      .string()
      .trim()
      .refine((value) => {
        try {
          const url = new URL(value)
          return (url.protocol === 'redis:' || url.protocol === 'rediss:') && url.hostname !== ''
        } catch {
          // Not a URL at all: the message below says what is expected.
          return false
        }
      }, URL_MESSAGE),
  ),
  /** Put before every key the bot writes, exactly as given. Defaults to `summit-bot:`. */
  REDIS_PREFIX: optional(
    z.string().max(100, 'REDIS_PREFIX must be at most 100 characters').regex(/^\S+$/, 'REDIS_PREFIX must not contain spaces'),
  ),
}

/** Turns parsed variables into settings; `undefined` without `REDIS_URL` (state stays in memory). */
export function toStoreSettings(env: { REDIS_URL?: string | undefined; REDIS_PREFIX?: string | undefined }): StoreSettings | undefined {
  if (env.REDIS_URL === undefined) return undefined
  return { url: env.REDIS_URL, prefix: env.REDIS_PREFIX ?? DEFAULT_REDIS_PREFIX }
}
