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

/** Remembers the question behind each recent answer, so its buttons can page through it. */
export interface AnswerContexts {
  remember(contextId: string, context: AnswerContext): void
  recall(contextId: string): AnswerContext | undefined
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
