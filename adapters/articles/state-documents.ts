import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { KeyValueStore } from '../store/store.js'
import { createFileLocks, withLock } from './locks.js'

/** What an update does: the document to store (`undefined` leaves it as it is) and what to return. */
export interface DocumentChange<T> {
  next?: unknown
  result: T
}

/**
 * The newsroom's small JSON documents (channel subscriptions, feed state): in files next to the
 * index snapshots by default, in the shared store (Redis) when `REDIS_URL` is set. Every update is
 * a read-change-write that no other writer can interleave, in this process or another.
 */
export interface StateDocuments {
  /** `file`, `memory` or `redis`: for the log. */
  readonly kind: 'file' | 'memory' | 'redis'
  /** The document `name`, parsed; undefined when there is none. */
  read(name: string): Promise<unknown>
  /** Applies `change` to the current document (undefined when none) and stores its `next` atomically. */
  update<T>(name: string, change: (current: unknown) => DocumentChange<T>): Promise<T>
}

/** Documents live this long in the shared store: ten years, as good as forever, but not a key without expiry. */
const STORE_TTL_MS = 10 * 365 * 24 * 3_600_000
/** Tries of a compare-and-set before giving up: another writer won that many times in a row. */
const MAX_STORE_TRIES = 20

/**
 * Documents in a {@link KeyValueStore} under `newsroom:<name>`: every replica reads and writes the
 * same ones. An update is an optimistic compare-and-set (`setIfAbsent`, then `replaceIfEqual`
 * against the value read), tried again when another writer came first.
 */
export function createStoreDocuments(store: KeyValueStore): StateDocuments {
  const keyOf = (name: string) => `newsroom:${name}`
  const parse = (raw: string | undefined): unknown => {
    if (raw === undefined) return undefined
    try {
      return JSON.parse(raw)
    } catch (error) {
      // Written by something else under our key: start over rather than fail forever.
      if (error instanceof SyntaxError) return undefined
      throw error
    }
  }
  return {
    kind: store.kind,
    read: async (name) => parse(await store.get(keyOf(name))),
    async update(name, change) {
      const key = keyOf(name)
      for (let attempt = 0; attempt < MAX_STORE_TRIES; attempt += 1) {
        const raw = await store.get(key)
        const { next, result } = change(parse(raw))
        if (next === undefined) return result
        const value = JSON.stringify(next)
        const stored = raw === undefined ? await store.setIfAbsent(key, value, STORE_TTL_MS) : await store.replaceIfEqual(key, raw, value, STORE_TTL_MS)
        if (stored) return result
      }
      throw new Error(`updating the shared document ${name} lost ${MAX_STORE_TRIES} races in a row`)
    },
  }
}

/**
 * Documents as `<name>.json` files in `dir` (the snapshot folder). A write goes through a temporary
 * file and a rename, so a crash leaves the old document or the new one, never half of one; updates
 * hold a file lock in `dir`, so two processes sharing the folder never lose each other's change.
 */
export function createFileDocuments(dir: string): StateDocuments {
  const locks = createFileLocks(dir)
  const fileOf = (name: string) => join(dir, `${name}.json`)
  let queue: Promise<unknown> = Promise.resolve()

  const read = async (name: string): Promise<unknown> => {
    const file = fileOf(name)
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw new Error(`cannot read ${file}`, { cause: error })
    }
    try {
      return JSON.parse(text)
    } catch (error) {
      throw new Error(`${file} is not valid JSON: fix or delete it`, { cause: error })
    }
  }

  return {
    kind: 'file',
    read,
    update<T>(name: string, change: (current: unknown) => DocumentChange<T>): Promise<T> {
      // One update at a time in this process; the file lock orders them against other processes.
      const next = queue.then(async () => {
        await mkdir(dir, { recursive: true })
        const locked = await withLock(locks, name, { ttlMs: 10_000, waitMs: 15_000 }, async () => {
          const { next: document, result } = change(await read(name))
          if (document === undefined) return result
          const temporary = join(dir, `.${name}.json.${process.pid}.tmp`)
          await writeFile(temporary, `${JSON.stringify(document, null, 2)}\n`, 'utf8')
          await rename(temporary, fileOf(name))
          return result
        })
        if (locked.kind === 'busy') throw new Error(`${fileOf(name)} stayed locked by another process for 15 s`)
        return locked.value
      })
      queue = next.catch(() => undefined)
      return next
    },
  }
}
