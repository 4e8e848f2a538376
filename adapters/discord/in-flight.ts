/**
 * Tracks the handlers still running, so shutdown can stop taking new events and let the replies
 * in flight finish before the gateway connection closes.
 */
export interface InFlight {
  /** Runs `task` unless closed; a closed tracker drops the event (Discord will show "did not respond"). */
  run(task: () => Promise<void>): Promise<void>
  /** True once `close` was called. */
  readonly closed: boolean
  /** Stops taking new tasks and resolves when the running ones settle, or after `timeoutMs`. */
  close(timeoutMs: number): Promise<void>
}

/** Creates an empty, open tracker. */
export function createInFlight(): InFlight {
  const running = new Set<Promise<void>>()
  let closed = false
  return {
    get closed() {
      return closed
    },
    async run(task) {
      if (closed) return
      const promise = task().finally(() => running.delete(promise))
      running.add(promise)
      await promise
    },
    async close(timeoutMs) {
      closed = true
      let timer: NodeJS.Timeout | undefined
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs)
      })
      // Handlers catch their own errors; allSettled only guards against a bug there.
      await Promise.race([Promise.allSettled([...running]), timeout])
      clearTimeout(timer)
    },
  }
}
