import type { Registry } from 'prom-client'
import type { Logger } from '../logger.js'
import type { FeedbackSettings } from '../feedback/config.js'
import { createVoteCounter } from '../feedback/metrics.js'
import { createFileFeedbackStore, loadSalt } from '../feedback/store.js'
import { createFeedback, type Feedback } from '../feedback/votes.js'
import type { KeyValueStore } from '../store/store.js'
import { createMemoryContextStore, type ContextStore } from './context-store.js'
import { createStoredContextStore } from './stored-context-store.js'

/** What the chat adapters get for conversations and votes. */
export interface ConversationServices {
  conversations: ContextStore
  /** Absent when the feedback folder cannot be used: answers then carry no vote buttons. */
  feedback?: Feedback
}

/**
 * The conversation store (on `shared`, the Redis store of `REDIS_URL`, so a follow-up may reach
 * any replica; else in memory) and the file-backed feedback, with its vote counter on `registry`. A feedback folder that cannot be
 * written is logged, and the bots run without vote buttons rather than not at all.
 */
export async function createConversationServices(settings: FeedbackSettings, registry: Registry, logger: Logger, shared?: KeyValueStore): Promise<ConversationServices> {
  const conversations = shared ? createStoredContextStore(shared) : createMemoryContextStore()
  try {
    const salt = await loadSalt(settings.dir, settings.salt)
    const feedback = createFeedback({
      store: createFileFeedbackStore(settings.dir),
      salt,
      votes: createVoteCounter(registry),
      ...(shared ? { shared, onSharedError: (error: unknown) => logger.warn({ err: error }, 'could not share an answer for votes: its buttons work on this replica only') } : {}),
    })
    return { conversations, feedback }
  } catch (error) {
    logger.error({ err: error, dir: settings.dir }, 'feedback folder unusable: answers carry no vote buttons')
    return { conversations }
  }
}
