import { createMemoryStore } from '../store/memory.js'
import { createStoreDocuments, type StateDocuments } from './state-documents.js'

/** The chat platforms a channel can be on. */
export type Platform = 'telegram' | 'discord'

/** A Discord channel or a Telegram chat, by the platform's own id. */
export interface ChannelRef {
  platform: Platform
  channelId: string
}

/**
 * Which channels want announcements. Async throughout: the list lives in a file next to the
 * snapshots, or in the shared store (Redis) when replicas share it.
 */
export interface SubscriptionStore {
  subscribe(channel: ChannelRef): Promise<'subscribed' | 'already-subscribed'>
  unsubscribe(channel: ChannelRef): Promise<'unsubscribed' | 'not-subscribed'>
  list(): Promise<ChannelRef[]>
}

/** The document name subscriptions are kept under: `SNAPSHOT_DIR/subscriptions.json`, or `newsroom:subscriptions` in Redis. */
export const SUBSCRIPTIONS_DOCUMENT = 'subscriptions'

/** The file `createSubscriptionStore` uses inside the snapshot folder with file documents. */
export const SUBSCRIPTIONS_FILE = `${SUBSCRIPTIONS_DOCUMENT}.json`

const keyOf = (channel: ChannelRef) => `${channel.platform}:${channel.channelId}`

/**
 * Subscriptions as one document, a JSON array of `{ platform, channelId }`, in `documents`: a file
 * next to the index snapshots (they survive a restart), or the shared store so that every replica
 * announces to the same channels. Entries of another shape are dropped when read.
 */
export function createSubscriptionStore(documents: StateDocuments): SubscriptionStore {
  const channelsIn = (document: unknown): ChannelRef[] => (Array.isArray(document) ? document.filter(isChannelRef).map(({ platform, channelId }) => ({ platform, channelId })) : [])
  return {
    subscribe: (channel) =>
      documents.update(SUBSCRIPTIONS_DOCUMENT, (document) => {
        const channels = channelsIn(document)
        if (channels.some((known) => keyOf(known) === keyOf(channel))) return { result: 'already-subscribed' as const }
        return { next: [...channels, { platform: channel.platform, channelId: channel.channelId }], result: 'subscribed' as const }
      }),
    unsubscribe: (channel) =>
      documents.update(SUBSCRIPTIONS_DOCUMENT, (document) => {
        const channels = channelsIn(document)
        const kept = channels.filter((known) => keyOf(known) !== keyOf(channel))
        if (kept.length === channels.length) return { result: 'not-subscribed' as const }
        return { next: kept, result: 'unsubscribed' as const }
      }),
    list: async () => channelsIn(await documents.read(SUBSCRIPTIONS_DOCUMENT)),
  }
}

/** Subscriptions in this process's memory: for tests, and when snapshots are off (`SNAPSHOT_DIR=off`). */
export function createMemorySubscriptionStore(initial: ChannelRef[] = []): SubscriptionStore {
  const store = createSubscriptionStore(createStoreDocuments(createMemoryStore()))
  let seeded: Promise<unknown> | undefined
  const ready = () => (seeded ??= initial.reduce<Promise<unknown>>((previous, channel) => previous.then(() => store.subscribe(channel)), Promise.resolve()))
  return {
    subscribe: async (channel) => (await ready(), store.subscribe(channel)),
    unsubscribe: async (channel) => (await ready(), store.unsubscribe(channel)),
    list: async () => (await ready(), store.list()),
  }
}

function isChannelRef(value: unknown): value is ChannelRef {
  const channel = value as Partial<ChannelRef> | null
  return typeof channel === 'object' && channel !== null && (channel.platform === 'telegram' || channel.platform === 'discord') && typeof channel.channelId === 'string'
}
