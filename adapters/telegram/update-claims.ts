import { randomBytes } from 'node:crypto'
import type { Context, MiddlewareFn } from 'grammy'
import type { Logger } from '../logger.js'
import { StoreUnavailableError, type KeyValueStore } from '../store/store.js'

/** Timings of {@link claimUpdates}. */
export interface UpdateClaimOptions {
  /** How long a claim holds without renewal: a replica that died mid-update frees it after this. Defaults to 6_000. */
  leaseMs?: number
  /** How long a handled update stays marked, so a late redelivery is skipped. Defaults to 3_600_000 (an hour; Telegram redelivers within minutes). */
  doneTtlMs?: number
  /** Pause between two looks at a claim another replica holds. Defaults to 200. */
  pollMs?: number
  /** Longest wait on a claim held (and renewed) by a live replica before leaving the update to it. Defaults to 30_000. */
  maxWaitMs?: number
}

const DEFAULT_UPDATE_CLAIM_OPTIONS: Required<UpdateClaimOptions> = { leaseMs: 6_000, doneTtlMs: 3_600_000, pollMs: 200, maxWaitMs: 30_000 }

const DONE = 'done'

/** Bot API methods that put an answer in front of the asker: once one succeeds, the update is handled. */
const REPLY_METHODS = new Set(['sendMessage', 'sendPhoto', 'editMessageText', 'answerInlineQuery', 'answerCallbackQuery'])

/**
 * Whether a call is the asker's answer. A button press answered without a notice only stops the
 * spinner, and its reply (the next page) is still to come: a replica killed between the two must
 * leave the press to the copy Telegram sends again, not mark it handled.
 */
function isReply(method: string, payload: Record<string, unknown>): boolean {
  if (method === 'answerCallbackQuery') return typeof payload.text === 'string'
  return REPLY_METHODS.has(method)
}

/**
 * Middleware that lets exactly one replica handle each update, for webhook replicas behind one
 * address. Telegram sends an update again when its webhook answer fails or is late, and that copy
 * may land on another replica while the first is still on it, or after the first died.
 *
 * Before handling, a replica claims the update atomically (`SET NX PX`, a lease renewed while it
 * works); after handling, it marks the update done for `doneTtlMs`. A copy finding it done is
 * skipped; a copy finding a lease waits: when the holder finishes it is skipped, when the holder
 * died its lease lapses within `leaseMs` and the copy claims and answers it.
 *
 * A reply sent by an API call of its own leaves one window: a replica killed after the call
 * reached Telegram and before the mark is written (one store round trip: it is written as the
 * call returns) has its update answered twice. Replicas therefore send the reply inside the
 * webhook's answer (`webhook-reply.ts`), which Telegram gets together with the acknowledgement of
 * the update, or not at all; the mark is then written once the answer is on the socket. While
 * the store is unreachable, claims fall back to this process's memory: a copy on another replica
 * would then be answered again.
 */
export function claimUpdates(store: KeyValueStore, logger: Logger, options: UpdateClaimOptions = {}): MiddlewareFn<Context> {
  const { leaseMs, doneTtlMs, pollMs, maxWaitMs } = { ...DEFAULT_UPDATE_CLAIM_OPTIONS, ...options }
  const replica = randomBytes(6).toString('hex')

  const acquire = async (key: string, holder: string): Promise<'claimed' | 'done' | 'busy'> => {
    const deadline = Date.now() + maxWaitMs
    for (;;) {
      if (await store.setIfAbsent(key, holder, leaseMs)) return 'claimed'
      let current: string | undefined
      try {
        current = await store.get(key)
      } catch (error) {
        // Redis went away between the two calls: the next claim falls back to memory.
        if (!(error instanceof StoreUnavailableError)) throw error
      }
      if (current === DONE) return 'done'
      if (Date.now() > deadline) return 'busy'
      await new Promise((resolve) => setTimeout(resolve, pollMs))
    }
  }

  return async (ctx, next) => {
    const updateId = ctx.update.update_id
    const key = `telegram:update:${ctx.me.id}:${updateId}`
    const holder = `${replica}:${randomBytes(4).toString('hex')}`
    const claim = await acquire(key, holder)
    if (claim !== 'claimed') {
      logger.info({ adapter: 'telegram', ref: String(updateId), claim }, claim === 'done' ? 'update already handled: skipped' : 'update held by another replica: left to it')
      return
    }
    const renewal = setInterval(() => {
      store.replaceIfEqual(key, holder, holder, leaseMs).catch((error: unknown) => logger.warn({ err: error, ref: String(updateId) }, 'could not renew an update claim'))
    }, leaseMs / 3)
    let marked: Promise<unknown> | undefined
    const markDone = () =>
      (marked ??= store.replaceIfEqual(key, holder, DONE, doneTtlMs).catch((error: unknown) => logger.warn({ err: error, ref: String(updateId) }, 'could not mark an update handled')))
    // The update counts as handled the moment its first reply is sent (or, as a webhook reply, on
    // the socket), not when the handler has also stored pages and conversations: a copy waiting on
    // the lease is skipped at once.
    ctx.api.config.use(async (prev, method, payload, signal) => {
      const result = await prev(method, payload, signal)
      if (result.ok && isReply(method, payload)) await markDone()
      return result
    })
    try {
      await next()
    } finally {
      clearInterval(renewal)
      await markDone()
    }
  }
}
