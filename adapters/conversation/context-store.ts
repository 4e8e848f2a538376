import { conversationTurn, type Answer, type ConversationTurn } from '../../src/index.js'

/** How long a conversation is remembered after its last turn: a reply to an older answer stands alone. */
export const CONTEXT_TTL_MS = 30 * 60_000
/** Turns remembered per conversation; a follow-up reads the last one, and that one's own borrowed words. */
export const CONTEXT_TURNS = 5

/**
 * Where the shell keeps conversations, by key: `telegram:<chat>:<message id of the bot's answer>`,
 * `discord:<channel or thread>:<message id>`, or a thread's id when every message in it follows up.
 * Two methods, so a Redis store backs it with `GET` and `SET key value PX ttlMs` of the JSON turns.
 * `get` resolves undefined for a key unknown or expired; neither method throws for a missing key.
 */
export interface ContextStore {
  get(key: string): Promise<ConversationTurn[] | undefined>
  set(key: string, turns: ConversationTurn[], ttlMs: number): Promise<void>
}

/** Options of `createMemoryContextStore`. */
export interface MemoryContextStoreOptions {
  /** Clock in ms, for tests. Defaults to `Date.now`. */
  now?: () => number
  /** Most conversations kept; the oldest written goes first. Defaults to 10,000. */
  maxEntries?: number
}

/** A `ContextStore` in this process's memory: lost on a restart, which only makes the next question stand alone. */
export function createMemoryContextStore(options: MemoryContextStoreOptions = {}): ContextStore {
  const now = options.now ?? Date.now
  const maxEntries = options.maxEntries ?? 10_000
  const entries = new Map<string, { turns: ConversationTurn[]; expiresAt: number }>()
  return {
    async get(key) {
      const entry = entries.get(key)
      if (!entry) return undefined
      if (entry.expiresAt <= now()) {
        entries.delete(key)
        return undefined
      }
      return entry.turns
    },
    async set(key, turns, ttlMs) {
      // Re-inserting moves the key to the end, so the first key is always the oldest written.
      entries.delete(key)
      entries.set(key, { turns, expiresAt: now() + ttlMs })
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string)
    },
  }
}

/**
 * The turns to keep after `answer`: `before` with the new turn, the last `CONTEXT_TURNS` of them. An
 * invalid question (empty, too long) is no turn: `before` stays as it was. A declined question ends
 * the conversation: its words are off the corpus, so the next question borrows nothing from it, nor
 * from the turns before it, which the asker has moved away from ("hi" after "What is the capital of
 * France?" is a greeting, not a question about capitals).
 */
export function withTurn(before: readonly ConversationTurn[] | undefined, answer: Answer): ConversationTurn[] {
  if (answer.status === 'invalid') return [...(before ?? [])]
  if (answer.status === 'no_answer') return []
  return [...(before ?? []), conversationTurn(answer)].slice(-CONTEXT_TURNS)
}

/**
 * The in-process conversation of a single asker (the terminal chat): the next line follows up the
 * last answer for `CONTEXT_TTL_MS`. Synchronous, as the terminal chat is.
 */
export function createConversationWindow(now: () => number = Date.now) {
  let turns: ConversationTurn[] = []
  let lastAt = 0
  return {
    /** The turns a new question reads; none after `CONTEXT_TTL_MS` of silence. */
    turns(): ConversationTurn[] {
      if (now() - lastAt > CONTEXT_TTL_MS) turns = []
      return turns
    },
    /** Keeps an answer as the newest turn, as `withTurn` does: an invalid question is no turn, a declined one ends the conversation. */
    add(answer: Answer): void {
      if (answer.status === 'invalid') return
      turns = withTurn(this.turns(), answer)
      lastAt = now()
    },
    /** Forgets the conversation: the next question stands alone. */
    clear(): void {
      turns = []
    },
  }
}
