import { beforeAll, describe, expect, it } from 'vitest'
import type { ArticleChanges } from '../../adapters/articles/announce.js'
import { createPageFetcher } from '../../adapters/articles/fetch-page.js'
import { createNewsroom, type Newsroom } from '../../adapters/articles/newsroom.js'
import { createMemorySubscriptionStore } from '../../adapters/articles/subscriptions.js'
import { loadCorpusDir } from '../../adapters/load-corpus.js'
import { createSilentLogger } from '../../adapters/logger.js'
import { createMemoryStore } from '../../adapters/store/memory.js'
import type { KeyValueStore } from '../../adapters/store/store.js'
import type { ArticleInput, Engine } from '../../src/index.js'
import { BUNDLED_DIR, createCheckedEngine, sharedSynsets } from '../helpers/engine.js'

// An invented follow-up report: it gives the talks a length no bundled source gives.
const FOLLOW_UP: ArticleInput = {
  id: 'summit-follow-up',
  title: 'Envoys review the Alaska summit',
  outlet: 'The Example Courier',
  text: 'The Alaska talks between Trump and Putin lasted four hours, according to an official who attended.\n\nBoth delegations flew home the same evening without a joint statement.',
}
const ADDED_PARAGRAPH = 'A second meeting is planned for the autumn, officials said on Tuesday.'

let before: Engine
let after: Engine
let edited: Engine

beforeAll(async () => {
  const articles = await loadCorpusDir(BUNDLED_DIR)
  const synsets = await sharedSynsets()
  before = createCheckedEngine(articles, { synsets })
  after = createCheckedEngine([...articles, FOLLOW_UP], { synsets })
  edited = createCheckedEngine([...articles, { ...FOLLOW_UP, text: `${FOLLOW_UP.text}\n\n${ADDED_PARAGRAPH}` }], { synsets })
}, 120_000)

/** A newsroom as one replica runs it, with one subscribed Telegram chat and a sender that records. */
function replica(claims: KeyValueStore): { newsroom: Newsroom; sent: ArticleChanges[] } {
  const sent: ArticleChanges[] = []
  const newsroom = createNewsroom({
    corpusDir: BUNDLED_DIR,
    fetchPage: createPageFetcher(),
    reload: async () => ({ kind: 'reloaded', articles: 0, durationMs: 0 }),
    getEngine: () => after,
    subscriptions: createMemorySubscriptionStore([{ platform: 'telegram', channelId: '-100' }]),
    logger: createSilentLogger(),
    minAnnouncementGapMs: 0,
    claims,
  })
  newsroom.setSender('telegram', async (_channel, changes) => {
    sent.push(changes)
    return 'sent'
  })
  return { newsroom, sent }
}

describe('announcing across replicas', () => {
  it('sends a new article once when several replicas reload it, and each process alone still sends it', async () => {
    const shared = createMemoryStore()
    const replicas = [replica(shared), replica(shared), replica(shared)]
    for (const { newsroom } of replicas) newsroom.onEngineSwap(before, after)
    await Promise.all(replicas.map(({ newsroom }) => newsroom.idle()))
    expect(replicas.flatMap(({ sent }) => sent).map((changes) => [changes.kind, changes.source.id])).toEqual([['added', 'summit-follow-up']])
    const alone = replica(createMemoryStore())
    alone.newsroom.onEngineSwap(before, after)
    await alone.newsroom.idle()
    expect(alone.sent).toHaveLength(1)
  })

  it('announces an article whose file changed outside the bot (npm run add, an edit) as updated, and one that did not change not at all', async () => {
    const { newsroom, sent } = replica(createMemoryStore())
    newsroom.onEngineSwap(after, after)
    newsroom.onEngineSwap(after, edited)
    await newsroom.idle()
    expect(sent.map((changes) => [changes.kind, changes.source.id])).toEqual([['updated', 'summit-follow-up']])
    // Its disagreement on the talks' length was there before the edit: not announced as new again.
    expect(sent[0]?.opened).toEqual([])
    expect(sent[0]?.joined).toEqual([])
  })

  it('says what a new article changes: the disagreement it opens, quoting each side', async () => {
    const { newsroom, sent } = replica(createMemoryStore())
    newsroom.onEngineSwap(before, after)
    await newsroom.idle()
    const changes = sent[0]
    const ours = [...(changes?.opened ?? []), ...(changes?.joined ?? [])]
    // Four hours is a value no bundled source gives: a new side on how long the talks lasted.
    expect(ours.length).toBeGreaterThan(0)
    expect(JSON.stringify(ours)).toContain('4 hours')
  })
})
