import { createHash, randomUUID } from 'node:crypto'
import { mkdir, open, readFile, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { KeyValueStore } from '../store/store.js'

/** A lock this process holds. */
export interface HeldLock {
  /** Keeps the lock for another `ttlMs` from now; false when it was lost (expired and taken by another). */
  extend(ttlMs: number): Promise<boolean>
  /** Frees the lock if this process still holds it. */
  release(): Promise<void>
}

/**
 * Named locks shared by every process that reaches the same folder or the same shared store. A
 * holder that dies without releasing frees its lock when `ttlMs` runs out, so a crash never wedges
 * adding articles or polling a feed.
 */
export interface Locks {
  /** Takes `name` if no one holds it; undefined when another process (or this one) does. */
  tryLock(name: string, ttlMs: number): Promise<HeldLock | undefined>
}

/**
 * Locks in the shared store (Redis `SET NX PX` when `REDIS_URL` is set): atomic across replicas.
 * Released by shortening the lease to a millisecond, and only while it still holds this holder's
 * token, so a lock that expired and was taken by another is never freed by its former holder.
 */
export function createStoreLocks(store: KeyValueStore): Locks {
  return {
    async tryLock(name, ttlMs) {
      const key = `lock:${name}`
      const token = randomUUID()
      if (!(await store.setIfAbsent(key, token, ttlMs))) return undefined
      return {
        extend: (nextTtlMs) => store.replaceIfEqual(key, token, token, nextTtlMs),
        async release() {
          await store.replaceIfEqual(key, token, token, 1)
        },
      }
    },
  }
}

/**
 * Locks as files `.<name>.lock` in `dir`, created exclusively (`O_EXCL`): atomic for every process
 * on the machine, and on a shared volume. The file holds its holder's token and expiry; a file
 * past its expiry is a dead holder's and is taken over.
 */
export function createFileLocks(dir: string): Locks {
  const fileOf = (name: string) => {
    const safe = name.replace(/[^\w.-]+/g, '_')
    // A feed's URL can be long: keep file names short and still one per name.
    return join(dir, `.${safe.length <= 80 ? safe : `${safe.slice(0, 40)}-${createHash('sha256').update(name).digest('hex').slice(0, 16)}`}.lock`)
  }
  const read = async (file: string): Promise<{ token: string; expiresAt: number } | undefined> => {
    try {
      const data = JSON.parse(await readFile(file, 'utf8')) as { token?: unknown; expiresAt?: unknown }
      return typeof data.token === 'string' && typeof data.expiresAt === 'number' ? { token: data.token, expiresAt: data.expiresAt } : undefined
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      // Half-written by a holder that is writing it right now, or garbage: not ours, and not expired yet.
      if (error instanceof SyntaxError) return { token: '', expiresAt: Date.now() + 1000 }
      throw error
    }
  }
  return {
    async tryLock(name, ttlMs) {
      const file = fileOf(name)
      const token = randomUUID()
      const content = (expiresInMs: number) => JSON.stringify({ token, pid: process.pid, expiresAt: Date.now() + expiresInMs })
      await mkdir(dir, { recursive: true })
      for (let attempt = 0; attempt < 2; attempt += 1) {
        try {
          const handle = await open(file, 'wx')
          try {
            await handle.writeFile(content(ttlMs), 'utf8')
          } finally {
            await handle.close()
          }
          return {
            async extend(nextTtlMs) {
              if ((await read(file))?.token !== token) return false
              await writeFile(file, content(nextTtlMs), 'utf8')
              return true
            },
            async release() {
              if ((await read(file))?.token === token) await unlink(file).catch(ignoreMissing)
            },
          }
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
          const holder = await read(file)
          if (holder !== undefined && holder.expiresAt > Date.now()) return undefined
          // A dead holder's lock: remove it and try once more (another taker may win the race).
          await unlink(file).catch(ignoreMissing)
        }
      }
      return undefined
    },
  }
}

function ignoreMissing(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
}

/** How long {@link withLock} waits and how long it holds. */
export interface WithLockOptions {
  /** Lease of the lock: a holder that dies frees it after this long. */
  ttlMs: number
  /** Longest wait for the lock before giving up. */
  waitMs: number
  /** Pause between two tries. Defaults to 50. */
  retryMs?: number
}

/** Runs `work` holding `name`, waiting for it up to `waitMs`; `busy` when it stayed taken. */
export async function withLock<T>(locks: Locks, name: string, options: WithLockOptions, work: () => Promise<T>): Promise<{ kind: 'done'; value: T } | { kind: 'busy' }> {
  const deadline = Date.now() + options.waitMs
  for (;;) {
    const held = await locks.tryLock(name, options.ttlMs)
    if (held) {
      try {
        return { kind: 'done', value: await work() }
      } finally {
        await held.release()
      }
    }
    if (Date.now() >= deadline) return { kind: 'busy' }
    await new Promise((resolve) => setTimeout(resolve, options.retryMs ?? 50))
  }
}
