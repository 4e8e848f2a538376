import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import { z } from 'zod'
import { redactUrl } from '../store/redis.js'
import type { StoreSettings } from '../store/config.js'
import { DOWN_REASONS, voteKey, type DownReason, type FeedbackRecord, type FeedbackStore } from './store.js'

/** The hash of votes under the prefix: one field per platform, answer and hashed voter, so a second press replaces the first. */
export const VOTES_KEY = 'feedback:votes'
/** The voter-hash salt under the prefix, when `FEEDBACK_SALT` is unset: written once by the first replica, read by all. */
export const SALT_KEY = 'feedback:salt'

// Atomic in Redis: the voter's previous vote on the answer and the new one in one step, so two
// replicas pressed at once never both call their press the first.
const SWAP_VOTE_SCRIPT = `local old = redis.call('HGET', KEYS[1], ARGV[1]) redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) return old`

const recordSchema = z.object({
  at: z.string(),
  platform: z.enum(['telegram', 'discord']),
  answerId: z.string(),
  voter: z.string(),
  vote: z.enum(['up', 'down']),
  reason: z.enum(Object.keys(DOWN_REASONS) as [DownReason, ...DownReason[]]).optional(),
  question: z.string(),
  status: z.enum(['answered', 'no_answer', 'invalid']),
  passageIds: z.array(z.string()),
})

/** Options of {@link createRedisFeedbackStore}. */
export interface RedisFeedbackStoreOptions extends StoreSettings {
  /** Longest wait for one command; a press not written by then is told to try again. Defaults to 2_000. */
  commandTimeoutMs?: number
  /** Longest wait for the first connection. Defaults to 2_000. */
  connectTimeoutMs?: number
  /** Whether a Redis unreachable at creation throws (the CLI) rather than being retried in the background (the bot). Defaults to false. */
  requireConnection?: boolean
}

/** The Redis vote store, with the shared salt and the connection's end. */
export interface RedisFeedbackStore extends FeedbackStore {
  /** `configured` (`FEEDBACK_SALT`) when given, else the salt every replica shares, created once (`SET NX`). */
  loadSalt(configured?: string): Promise<string>
  /** Redis's `appendonly` and `appendfsync`, when it lets us read them (`CONFIG GET`); undefined when it does not. */
  persistence(): Promise<{ appendonly: string; appendfsync: string } | undefined>
  close(): Promise<void>
}

type VoteRedis = Redis & { swapVote(key: string, field: string, value: string): Promise<string | null> }

/**
 * Votes in Redis (`REDIS_URL`), where every replica writes and `npm run feedback` reads: one hash
 * under `<REDIS_PREFIX>feedback:votes`, one field per platform, answer and hashed voter, so a second
 * press changes the vote. `record` resolves only once Redis has answered the write, and a press is
 * acknowledged only after it; while Redis is down a command fails at once (no offline queue) and
 * the press is told to try again, never told it was saved. How long a written vote outlives a
 * crash of Redis itself is Redis's persistence: `appendonly yes` with `appendfsync always` keeps
 * every acknowledged vote (see {@link RedisFeedbackStore.persistence}).
 */
export async function createRedisFeedbackStore(options: RedisFeedbackStoreOptions): Promise<RedisFeedbackStore> {
  const { url, prefix, commandTimeoutMs = 2_000, connectTimeoutMs = 2_000, requireConnection = false } = options
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: commandTimeoutMs,
    connectTimeout: connectTimeoutMs,
    retryStrategy: requireConnection ? () => null : (times) => Math.min(100 * times, 2_000),
    lazyConnect: true,
  }) as VoteRedis
  client.defineCommand('swapVote', { numberOfKeys: 1, lua: SWAP_VOTE_SCRIPT })
  // Failures reach the caller of each command; without a listener ioredis prints every reconnection.
  client.on('error', () => undefined)
  try {
    await client.connect()
  } catch (error) {
    if (requireConnection) {
      client.disconnect()
      throw new Error(`Cannot reach Redis at ${redactUrl(url)} (REDIS_URL) to read the votes`, { cause: error })
    }
  }
  const votesKey = prefix + VOTES_KEY

  return {
    async record(vote) {
      const old = await client.swapVote(votesKey, voteKey(vote), JSON.stringify(vote))
      return { previous: old === null ? undefined : parseRecord(old)?.vote }
    },
    async all() {
      const records: FeedbackRecord[] = []
      // HSCAN in pages rather than one HGETALL: a long-lived bot gathers many votes.
      for await (const page of client.hscanStream(votesKey, { count: 1_000 })) {
        const entries = page as string[]
        for (let i = 1; i < entries.length; i += 2) {
          const record = parseRecord(entries[i] ?? '')
          if (record) records.push(record)
        }
      }
      return records.sort((a, b) => a.at.localeCompare(b.at))
    },
    async loadSalt(configured) {
      if (configured !== undefined && configured !== '') return configured
      await client.set(prefix + SALT_KEY, randomBytes(32).toString('hex'), 'NX')
      const salt = await client.get(prefix + SALT_KEY)
      if (salt === null) throw new Error(`The feedback salt vanished from Redis (${prefix}${SALT_KEY})`)
      return salt
    },
    async persistence() {
      try {
        const [, appendonly = ''] = (await client.config('GET', 'appendonly')) as string[]
        const [, appendfsync = ''] = (await client.config('GET', 'appendfsync')) as string[]
        return { appendonly, appendfsync }
      } catch (error) {
        // Managed Redis often renames or forbids CONFIG: then we cannot tell, and say nothing.
        if (error instanceof Error) return undefined
        throw error
      }
    },
    async close() {
      await client.quit().catch(() => client.disconnect())
    },
  }
}

/** A stored vote, checked: another process (or an older version of this one) wrote it. Undefined when it is not a vote. */
function parseRecord(text: string): FeedbackRecord | undefined {
  try {
    const parsed = recordSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : undefined
  } catch (error) {
    if (error instanceof SyntaxError) return undefined
    throw error
  }
}
