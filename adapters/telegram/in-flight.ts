import type { Context, MiddlewareFn } from 'grammy'

/**
 * Counts the updates being handled right now, so a graceful stop can wait for replies in flight.
 * Needed because the runner's `stop()` resolves once polling ends, not when handlers finish.
 */
export interface InFlightUpdates {
  /** Install first, so it spans every other middleware. */
  middleware: MiddlewareFn<Context>
  /** Updates being handled now. */
  count(): number
  /** Highest `update_id` seen, or `undefined` before the first update: what a stop must confirm. */
  lastUpdateId(): number | undefined
  /** Resolves `true` once nothing is in flight, or `false` when `timeoutMs` passes first. */
  settled(timeoutMs: number): Promise<boolean>
}

/** Creates an empty in-flight counter. */
export function createInFlightUpdates(): InFlightUpdates {
  let count = 0
  let lastUpdateId: number | undefined
  let waiters: (() => void)[] = []

  return {
    async middleware(ctx, next) {
      count += 1
      lastUpdateId = Math.max(lastUpdateId ?? ctx.update.update_id, ctx.update.update_id)
      try {
        await next()
      } finally {
        count -= 1
        if (count === 0) {
          for (const wake of waiters) wake()
          waiters = []
        }
      }
    },
    count: () => count,
    lastUpdateId: () => lastUpdateId,
    settled(timeoutMs) {
      if (count === 0) return Promise.resolve(true)
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs)
        waiters.push(() => {
          clearTimeout(timer)
          resolve(true)
        })
      })
    },
  }
}
