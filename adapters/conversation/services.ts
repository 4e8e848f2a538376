import type { Registry } from 'prom-client'
import type { Logger } from '../logger.js'
import type { FeedbackSettings } from '../feedback/config.js'
import { createVoteCounter } from '../feedback/metrics.js'
import { createFileFeedbackStore, loadSalt, type FeedbackStore } from '../feedback/store.js'
import { createFeedback, type Feedback } from '../feedback/votes.js'
import type { StoreSettings } from '../store/config.js'
import type { KeyValueStore } from '../store/store.js'
import { createMemoryContextStore, type ContextStore } from './context-store.js'
import { createStoredContextStore } from './stored-context-store.js'

/** What the chat adapters get for conversations and votes. */
export interface ConversationServices {
  conversations: ContextStore
  /** Absent when the vote store cannot be used: answers then carry no vote buttons. */
  feedback?: Feedback
  /** Closes the vote store's own connection (Redis); nothing to do for the file. */
  close(): Promise<void>
}

/** Where shared state lives, when `REDIS_URL` is set: the store itself and its settings. */
export interface SharedState {
  store: KeyValueStore
  settings: StoreSettings
}

/**
 * The conversation store (on the shared store of `REDIS_URL`, so a follow-up may reach any
 * replica; else in memory) and the feedback, with its vote counter on `registry`. Votes are kept
 * where subscriptions are: in `FEEDBACK_DIR/votes.jsonl` by default, and in Redis with `REDIS_URL`,
 * so every replica writes to, and `npm run feedback` reads, the same votes. A vote store that cannot
 * be used is logged, and the bots run without vote buttons rather than not at all.
 */
export async function createConversationServices(settings: FeedbackSettings, registry: Registry, logger: Logger, shared?: SharedState): Promise<ConversationServices> {
  const conversations = shared ? createStoredContextStore(shared.store) : createMemoryContextStore()
  let close: () => Promise<void> = async () => undefined
  try {
    let store: FeedbackStore
    let salt: string | (() => Promise<string>)
    if (shared) {
      // Imported on demand, as the shared store is: one process without Redis need not load ioredis.
      const { createRedisFeedbackStore } = await import('../feedback/redis-store.js')
      const redis = await createRedisFeedbackStore(shared.settings)
      close = () => redis.close()
      store = redis
      // At the first press: a Redis down at start must not cost this process its vote buttons.
      salt = () => redis.loadSalt(settings.salt)
      const persistence = await redis.persistence()
      if (persistence && (persistence.appendonly !== 'yes' || persistence.appendfsync !== 'always')) {
        logger.warn({ ...persistence }, 'votes are in Redis, which does not fsync every write (appendonly yes, appendfsync always): a crash of Redis itself may lose the latest votes')
      }
    } else {
      store = createFileFeedbackStore(settings.dir)
      salt = await loadSalt(settings.dir, settings.salt)
    }
    const feedback = createFeedback({
      store,
      salt,
      votes: createVoteCounter(registry),
      ...(shared ? { shared: shared.store, onSharedError: (error: unknown) => logger.warn({ err: error }, 'could not share an answer for votes: its buttons work on this replica only') } : {}),
    })
    return { conversations, feedback, close }
  } catch (error) {
    logger.error({ err: error, where: shared ? 'redis' : settings.dir }, 'vote store unusable: answers carry no vote buttons')
    await close()
    return { conversations, close: async () => undefined }
  }
}
