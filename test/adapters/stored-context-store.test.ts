import { describe, expect, it } from 'vitest'
import { createStoredContextStore } from '../../adapters/conversation/stored-context-store.js'
import { createMemoryStore } from '../../adapters/store/memory.js'
import { StoreUnavailableError, type KeyValueStore } from '../../adapters/store/store.js'

// passageIds let "what happened next?" read on from the answer, and contextWeights keep older
// context's shape: a replica must get them too.
const turns = [
  { question: 'How long did the talks last?', quotes: ['The talks lasted three hours.'], passageIds: ['talks#2'] },
  { question: 'and who was there?', quotes: [], contextWords: ['talks', 'sanne', 'vos'], contextWeights: [0.5, 0.15, 0.3] },
]

describe('createStoredContextStore', () => {
  it('gives a conversation written by one replica to another sharing the store', async () => {
    const shared = createMemoryStore()
    await createStoredContextStore(shared).set('telegram:1:2', turns, 60_000)
    expect(await createStoredContextStore(shared).get('telegram:1:2')).toEqual(turns)
    expect(await createStoredContextStore(shared).get('telegram:1:3')).toBeUndefined()
  })

  it('reads a conversation that is not turns, or a store that cannot be reached, as no conversation', async () => {
    const shared = createMemoryStore()
    await shared.set('conversation:discord:5:6', JSON.stringify({ question: 1 }), 60_000)
    expect(await createStoredContextStore(shared).get('discord:5:6')).toBeUndefined()
    const down = { ...shared, get: () => Promise.reject(new StoreUnavailableError('redis is down')) } as KeyValueStore
    expect(await createStoredContextStore(down).get('discord:5:6')).toBeUndefined()
  })
})
