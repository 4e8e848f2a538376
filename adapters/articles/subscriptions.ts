import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'

/** The chat platforms a channel can be on. */
export type Platform = 'telegram' | 'discord'

/** A Discord channel or a Telegram chat, by the platform's own id. */
export interface ChannelRef {
  platform: Platform
  channelId: string
}

/**
 * Which channels want announcements. Async throughout so a shared store (Redis, for several
 * replicas) can implement it unchanged.
 */
export interface SubscriptionStore {
  subscribe(channel: ChannelRef): Promise<'subscribed' | 'already-subscribed'>
  unsubscribe(channel: ChannelRef): Promise<'unsubscribed' | 'not-subscribed'>
  list(): Promise<ChannelRef[]>
}

/** The file name `createFileSubscriptionStore` uses inside the snapshot folder. */
export const SUBSCRIPTIONS_FILE = 'subscriptions.json'

const keyOf = (channel: ChannelRef) => `${channel.platform}:${channel.channelId}`

/** Subscriptions in memory: for tests, and when snapshots are off (`SNAPSHOT_DIR=off`). */
export function createMemorySubscriptionStore(initial: ChannelRef[] = []): SubscriptionStore {
  const channels = new Map(initial.map((channel) => [keyOf(channel), channel]))
  return {
    async subscribe(channel) {
      if (channels.has(keyOf(channel))) return 'already-subscribed'
      channels.set(keyOf(channel), { platform: channel.platform, channelId: channel.channelId })
      return 'subscribed'
    },
    async unsubscribe(channel) {
      return channels.delete(keyOf(channel)) ? 'unsubscribed' : 'not-subscribed'
    },
    async list() {
      return [...channels.values()]
    },
  }
}

/**
 * Subscriptions in a JSON file (next to the index snapshots), so they survive a restart. Every
 * change rewrites the file through a temporary file and a rename: a crash leaves the old list or
 * the new one, never half of one. Changes are applied one at a time.
 */
export function createFileSubscriptionStore(file: string): SubscriptionStore {
  let loaded: Promise<SubscriptionStore> | undefined
  let queue: Promise<unknown> = Promise.resolve()

  const load = () =>
    (loaded ??= (async () => {
      try {
        const data: unknown = JSON.parse(await readFile(file, 'utf8'))
        const channels = Array.isArray(data) ? data.filter(isChannelRef) : []
        return createMemorySubscriptionStore(channels)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return createMemorySubscriptionStore()
        throw new Error(`cannot read the subscriptions file ${file}`, { cause: error })
      }
    })())

  const save = async (memory: SubscriptionStore) => {
    await mkdir(dirname(file), { recursive: true })
    const temporary = join(dirname(file), `.${SUBSCRIPTIONS_FILE}.${process.pid}.tmp`)
    await writeFile(temporary, `${JSON.stringify(await memory.list(), null, 2)}\n`, 'utf8')
    await rename(temporary, file)
  }

  const change = <T extends string>(apply: (memory: SubscriptionStore) => Promise<T>, changed: T): Promise<T> => {
    const next = queue.then(async () => {
      const memory = await load()
      const result = await apply(memory)
      if (result === changed) await save(memory)
      return result
    })
    queue = next.catch(() => undefined)
    return next
  }

  return {
    subscribe: (channel) => change((memory) => memory.subscribe(channel), 'subscribed'),
    unsubscribe: (channel) => change((memory) => memory.unsubscribe(channel), 'unsubscribed'),
    list: async () => (await load()).list(),
  }
}

function isChannelRef(value: unknown): value is ChannelRef {
  const channel = value as Partial<ChannelRef> | null
  return typeof channel === 'object' && channel !== null && (channel.platform === 'telegram' || channel.platform === 'discord') && typeof channel.channelId === 'string'
}
