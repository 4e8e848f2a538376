import { beforeAll, describe, expect, it } from 'vitest'
import type { ArticleInput, Engine } from '../../src/index.js'
import { loadCorpusDir } from '../../adapters/load-corpus.js'
import { createCheckedEngine, fixtureDir, sharedSynsets } from '../helpers/engine.js'

describe('ask a named question whose quote shares only the name', () => {
  let articles: ArticleInput[]
  let lighthouse: Engine

  beforeAll(async () => {
    articles = await loadCorpusDir(fixtureDir('names-only-lighthouse'))
    lighthouse = createCheckedEngine(articles, { synsets: await sharedSynsets() })
  }, 180_000)

  it('declines a question whose only word in the quote is the name', async () => {
    const question = 'When was Corran Lighthouse built?'
    expect(lighthouse.ask(question).status).toBe('no_answer')
    // Without the rule, the sentence naming the lighthouse and a date of something else is the answer.
    const without = createCheckedEngine(articles, { synsets: await sharedSynsets(), answer: { declineNamesOnlyQuote: false } })
    expect(without.ask(question).status).toBe('answered')
  })

  it('answers a named question whose quote holds another of its words', () => {
    const answer = lighthouse.ask('How long will Corran Lighthouse stay dark?')
    expect(answer.status).toBe('answered')
    expect(answer.quotes[0]?.text).toContain('six weeks')
  })

  it('answers a named question of price whose quote holds the names and a sum, though not the verb "pay"', () => {
    const answer = lighthouse.ask('How much did the Harbour Trust pay Selwyn Optics?')
    expect(answer.status).toBe('answered')
    expect(answer.quotes[0]?.text).toContain('80,000 pounds')
  })

  it('answers a question of names alone', () => {
    expect(lighthouse.ask('Corran Lighthouse?').status).toBe('answered')
  })
})

describe('ask a named date question whose quote gives the name a year but not the asked word', () => {
  let club: Engine

  beforeAll(async () => {
    club = createCheckedEngine(await loadCorpusDir(fixtureDir('names-only-rowing-club')), { synsets: await sharedSynsets() })
  }, 180_000)

  it('answers with the sentence that opens with the name and gives a year', () => {
    for (const question of ['When was Wexley Rowing Club founded?', 'In what year was Wexley Rowing Club set up?']) {
      const answer = club.ask(question)
      expect(answer.status).toBe('answered')
      expect(answer.quotes[0]?.text).toContain('1911')
    }
  })

  it('still declines when the year is of another thing the sentence tells of', () => {
    expect(club.ask('When was the Dray Island Museum built?').status).toBe('no_answer')
  })
})
