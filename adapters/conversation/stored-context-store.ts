import { z } from 'zod'
import { readJson, StoreUnavailableError, type KeyValueStore } from '../store/store.js'
import type { ContextStore } from './context-store.js'

const turnsSchema = z.array(z.object({ question: z.string(), quotes: z.array(z.string()), contextWords: z.array(z.string()).optional(), contextWeights: z.array(z.number()).optional(), passageIds: z.array(z.string()).optional() }))

/**
 * A `ContextStore` on the shared store (`REDIS_URL`), so a follow-up answered by another replica
 * still finds its conversation. Keys live under `conversation:`. While the shared store cannot be
 * reached, a conversation reads as unknown and the question stands alone: a follow-up is never
 * held up or refused because the store is down.
 */
export function createStoredContextStore(store: KeyValueStore): ContextStore {
  const keyOf = (key: string) => `conversation:${key}`
  return {
    async get(key) {
      try {
        return await readJson(store, keyOf(key), (value) => {
          const parsed = turnsSchema.safeParse(value)
          return parsed.success ? parsed.data.map(({ contextWords, contextWeights, ...turn }) => ({ ...turn, ...(contextWords ? { contextWords } : {}), ...(contextWeights ? { contextWeights } : {}) })) : undefined
        })
      } catch (error) {
        if (error instanceof StoreUnavailableError) return undefined
        throw error
      }
    },
    async set(key, turns, ttlMs) {
      await store.set(keyOf(key), JSON.stringify(turns), ttlMs)
    },
  }
}
