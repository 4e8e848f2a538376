import { describe, expect, it } from 'vitest'
import type { FeedbackRecord, FeedbackStore } from '../../adapters/feedback/store.js'
import { createFeedback } from '../../adapters/feedback/votes.js'
import { createMemoryStore } from '../../adapters/store/memory.js'

/** A vote store that keeps records in memory, for what the register does with them. */
function memoryVotes(): FeedbackStore & { records: FeedbackRecord[] } {
  const records: FeedbackRecord[] = []
  return { records, record: async (vote) => (records.push(vote), { previous: undefined }), all: async () => records }
}

const answer = { status: 'answered', question: 'How long did the talks last?', quotes: [{ passageId: 'a#1' }], disagreements: [], hasMore: false } as never
const settle = () => new Promise((resolve) => setTimeout(resolve, 10))

describe('votes on replicas sharing a store', () => {
  it('records a press on a replica that did not send the answer, and refuses one from another chat', async () => {
    const shared = createMemoryStore()
    const votes = memoryVotes()
    const sender = createFeedback({ store: votes, salt: 'salt-of-sixteen-chars', shared })
    const other = createFeedback({ store: votes, salt: 'salt-of-sixteen-chars', shared })
    const answerId = sender.register(answer, 'telegram:7')
    await settle()

    expect(await other.vote({ platform: 'telegram', answerId, chatKey: 'telegram:7', userId: 1, vote: 'down', reason: 'wrong-quote' })).toMatchObject({ kind: 'recorded' })
    expect(votes.records).toMatchObject([{ question: 'How long did the talks last?', passageIds: ['a#1'], vote: 'down' }])
    expect(await other.vote({ platform: 'telegram', answerId, chatKey: 'telegram:8', userId: 1, vote: 'up' })).toEqual({ kind: 'refused' })
  })

  it('still calls an answer no replica registered stale', async () => {
    const other = createFeedback({ store: memoryVotes(), salt: 'salt-of-sixteen-chars', shared: createMemoryStore() })
    expect(await other.vote({ platform: 'discord', answerId: 'nosuchanswer0000', chatKey: 'discord:1', userId: 2, vote: 'up' })).toEqual({ kind: 'stale' })
  })
})
