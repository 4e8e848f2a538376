import { randomBytes } from 'node:crypto'
import type { Counter } from 'prom-client'
import type { Answer } from '../../src/index.js'
import { z } from 'zod'
import { readJson, StoreUnavailableError, type KeyValueStore } from '../store/store.js'
import { hashVoter, type DownReason, type FeedbackPlatform, type FeedbackStore, type Vote } from './store.js'

/** What a vote button stands for, kept here: a button carries only the answer's random id. */
interface VotableAnswer {
  /** The conversation the answer was sent to (`telegram:<chat id>`, `discord:<channel id>`): a press from elsewhere is forged. */
  chatKey: string
  question: string
  status: Answer['status']
  passageIds: string[]
  expiresAt: number
}

/** A press of 👍, 👎 or a reason for 👎. */
export interface VotePress {
  platform: FeedbackPlatform
  answerId: string
  /** Where the pressed button is, by the platform's own account of the press. */
  chatKey: string
  userId: string | number
  vote: Vote
  reason?: DownReason
}

/**
 * What became of a press: `recorded` (on disk or in Redis; `changed` when the voter had voted otherwise on this
 * answer, `first` for their first vote on it), `stale` (an answer from before a restart or older
 * than a day: unknown here), `refused` (a button of another conversation), `failed` (the store
 * could not write: nothing is acknowledged as saved).
 */
export type VoteOutcome = { kind: 'recorded'; first: boolean; changed: boolean } | { kind: 'stale' } | { kind: 'refused' } | { kind: 'failed'; error: unknown }

/** The feedback side of every chat adapter: answers get ids for their buttons, presses become votes. */
export interface Feedback {
  /** Keeps what a vote on `answer` records, and returns the id its buttons carry (16 characters). */
  register(answer: Answer, chatKey: string): string
  vote(press: VotePress): Promise<VoteOutcome>
}

export interface FeedbackOptions {
  store: FeedbackStore
  /**
   * Salt of the voter hash (see `loadSalt`), or how to get it at the first press (the salt Redis
   * shares, which a Redis down at start cannot give yet; a press meanwhile is told to try again).
   */
  salt: string | (() => Promise<string>)
  /** Counts recorded votes for `/metrics` (see `createVoteCounter`). Defaults to none. */
  votes?: Counter<'platform' | 'vote' | 'reason'>
  /** Answers kept for votes; the oldest go first. Defaults to 10,000. */
  maxAnswers?: number
  /** How long an answer takes votes, in ms. Defaults to a day. */
  ttlMs?: number
  now?: () => number
  /**
   * The store shared by replicas (`REDIS_URL`): each registered answer is also written there, so a
   * press that reaches another replica, or this one after a restart, still finds what it votes on.
   * Defaults to none: answers are known to this process only.
   */
  shared?: KeyValueStore
  /** Told when an answer could not be written to `shared`; its buttons then work on this process only. Defaults to none. */
  onSharedError?: (error: unknown) => void
}

const votableSchema = z.object({ chatKey: z.string(), question: z.string(), status: z.enum(['answered', 'no_answer', 'invalid']), passageIds: z.array(z.string()), expiresAt: z.number() })

/** The texts a press is answered with (a Telegram callback answer, a Discord ephemeral reply). */
export const VOTE_TEXTS = {
  up: 'Thanks for the 👍: noted.',
  down: 'Thanks for the 👎: noted. What was wrong? (optional)',
  reason: 'Thanks: noted what was wrong.',
  changed: 'Vote changed: only your last vote on an answer counts.',
  stale: 'That answer is from before my last restart or more than a day old, so I cannot record a vote on it: ask again to vote.',
  refused: 'That button does not belong to an answer in this chat.',
  failed: 'Sorry, I could not save your vote: please try again in a moment.',
} as const

/** Creates the in-memory register of votable answers over a durable `store`. */
export function createFeedback(options: FeedbackOptions): Feedback {
  const { store, votes, shared, onSharedError } = options
  let salt: string | undefined
  const saltOf = async () => (salt ??= typeof options.salt === 'string' ? options.salt : await options.salt())
  const maxAnswers = options.maxAnswers ?? 10_000
  const ttlMs = options.ttlMs ?? 86_400_000
  const now = options.now ?? Date.now
  const answers = new Map<string, VotableAnswer>()
  const sharedAnswer = async (id: string): Promise<VotableAnswer | undefined> => {
    if (!shared) return undefined
    try {
      return await readJson(shared, `vote-answer:${id}`, (value) => {
        const parsed = votableSchema.safeParse(value)
        return parsed.success ? parsed.data : undefined
      })
    } catch (error) {
      // The shared store is down: the press is told, as for an answer this process never saw.
      if (error instanceof StoreUnavailableError) return undefined
      throw error
    }
  }
  return {
    register(answer, chatKey) {
      const id = randomBytes(12).toString('base64url')
      const votable: VotableAnswer = { chatKey, question: answer.question, status: answer.status, passageIds: answer.quotes.map((quote) => quote.passageId), expiresAt: now() + ttlMs }
      answers.set(id, votable)
      // Not awaited: the answer goes out now, and a press comes seconds later at the earliest.
      shared?.set(`vote-answer:${id}`, JSON.stringify(votable), ttlMs).catch((error: unknown) => onSharedError?.(error))
      for (const oldest of answers.keys()) {
        if (answers.size <= maxAnswers) break
        answers.delete(oldest)
      }
      return id
    },
    async vote(press) {
      const answer = answers.get(press.answerId) ?? (await sharedAnswer(press.answerId))
      if (!answer || answer.expiresAt <= now()) return { kind: 'stale' }
      if (answer.chatKey !== press.chatKey) return { kind: 'refused' }
      let previous: Vote | undefined
      try {
        const voter = hashVoter(await saltOf(), press.platform, press.userId)
        ;({ previous } = await store.record({
          at: new Date(now()).toISOString(),
          platform: press.platform,
          answerId: press.answerId,
          voter,
          vote: press.vote,
          ...(press.reason ? { reason: press.reason } : {}),
          question: answer.question,
          status: answer.status,
          passageIds: answer.passageIds,
        }))
      } catch (error) {
        return { kind: 'failed', error }
      }
      votes?.inc({ platform: press.platform, vote: press.vote, reason: press.reason ?? 'none' })
      return { kind: 'recorded', first: previous === undefined, changed: previous !== undefined && previous !== press.vote }
    },
  }
}
