import { readJson, type KeyValueStore } from '../store/store.js'

/**
 * Custom ids of the buttons under an answer. Discord gives a custom id at most 100 characters, too
 * few for a question, so the id carries a context id (the answer's event id) and the page; the
 * question itself waits in an {@link AnswerContexts} store.
 */
export type ButtonAction =
  /** Show the quotes from `offset` on. */
  | { kind: 'more'; contextId: string; offset: number }
  /** List the sources behind the `count` quotes shown from `offset`. */
  | { kind: 'sources'; contextId: string; offset: number; count: number }

/** Builds the custom id of a button; {@link parseButtonId} reads it back. */
export function buttonId(action: ButtonAction): string {
  return action.kind === 'more'
    ? `more:${action.contextId}:${action.offset}`
    : `sources:${action.contextId}:${action.offset}:${action.count}`
}

/** Reads a custom id built by {@link buttonId}; `undefined` for any other id. */
export function parseButtonId(customId: string): ButtonAction | undefined {
  const [kind, contextId, ...numbers] = customId.split(':')
  if (contextId === undefined || contextId === '' || !numbers.every((part) => /^\d{1,6}$/.test(part))) return undefined
  const [offset, count] = numbers.map(Number)
  if (kind === 'more' && numbers.length === 1 && offset !== undefined) return { kind, contextId, offset }
  if (kind === 'sources' && numbers.length === 2 && offset !== undefined && count !== undefined) {
    return { kind, contextId, offset, count }
  }
  return undefined
}

/** What a button needs to ask again: the question and the source it was limited to. */
export interface AnswerContext {
  question: string
  sourceId?: string
}

/**
 * Remembers the question behind each recent answer, so its buttons can page through it: in this
 * process's memory, or in the shared store so that any shard process serves any button
 * ({@link createStoredAnswerContexts}, which answers with promises and may reject with
 * `StoreUnavailableError` while Redis is down).
 */
export interface AnswerContexts {
  remember(contextId: string, context: AnswerContext): void | Promise<void>
  recall(contextId: string): AnswerContext | undefined | Promise<AnswerContext | undefined>
}

/** Key namespace of answer contexts in the shared store. */
const CONTEXT_KEY = 'discord:context:'

/** How long a Discord answer's buttons keep working with a shared store: a day, as Telegram's. */
export const STORED_CONTEXT_TTL_MS = 86_400_000

/**
 * Answer contexts in the shared store (Redis with `REDIS_URL`), each for `ttlMs` (defaults to a
 * day). Context ids are the interaction or message snowflakes Discord gave the answer, and only
 * Discord can put a custom id on a button it delivers, so the id is not a secret here.
 */
export function createStoredAnswerContexts(store: KeyValueStore, ttlMs = STORED_CONTEXT_TTL_MS): AnswerContexts {
  return {
    async remember(contextId, context) {
      await store.set(CONTEXT_KEY + contextId, JSON.stringify(context), ttlMs)
    },
    recall: (contextId) =>
      readJson(store, CONTEXT_KEY + contextId, (value) => {
        if (typeof value !== 'object' || value === null) return undefined
        const { question, sourceId } = value as Record<string, unknown>
        if (typeof question !== 'string' || (sourceId !== undefined && typeof sourceId !== 'string')) return undefined
        return sourceId === undefined ? { question } : { question, sourceId }
      }),
  }
}

/**
 * An in-memory store that forgets the oldest answers beyond `maxEntries`: buttons on an older
 * answer (or one from before a restart) get a polite "ask again" instead.
 */
export function createAnswerContexts(maxEntries = 10_000): AnswerContexts {
  const contexts = new Map<string, AnswerContext>()
  return {
    remember(contextId, context) {
      contexts.delete(contextId)
      contexts.set(contextId, context)
      // A Map iterates in insertion order, so the first key is the oldest.
      while (contexts.size > maxEntries) {
        const oldest = contexts.keys().next()
        if (oldest.done === true) break
        contexts.delete(oldest.value)
      }
    },
    recall(contextId) {
      return contexts.get(contextId)
    },
  }
}
