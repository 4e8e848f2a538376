import { beforeAll, describe, expect, it } from 'vitest'
import type { ArticleInput, Engine } from '../../src/index.js'
import { loadCorpusDir } from '../../adapters/load-corpus.js'
import { createCheckedEngine, fixtureDir, loadCheckedEngine, sharedSynsets } from '../helpers/engine.js'

describe('ask about an earlier occasion than the news', () => {
  let articles: ArticleInput[]
  let quarry: Engine

  beforeAll(async () => {
    articles = await loadCorpusDir(fixtureDir('occasion-quarry'))
    quarry = createCheckedEngine(articles, { synsets: await sharedSynsets() })
  }, 180_000)

  it('declines a question about last summer when no quote speaks of it', async () => {
    const question = 'Was anyone hurt when the quarry flooded last summer?'
    expect(quarry.ask(question).status).toBe('no_answer')
    // The same question is answered from the articles' own flood without the rule.
    const without = createCheckedEngine(articles, { synsets: await sharedSynsets(), answer: { declineOtherOccasion: false } })
    expect(without.ask(question).status).toBe('answered')
  })

  it('answers a question about last year with a quote that names the year before the article', () => {
    const answer = quarry.ask('Did the quarry flood last year?')
    expect(answer.status).toBe('answered')
    expect(answer.quotes.some((quote) => quote.text.includes('flooded in 2025'))).toBe(true)
  })

  it('answers a question about last year with a quote that says "last year"', async () => {
    const { engine } = await loadCheckedEngine(fixtureDir('compare-licence'))
    const answer = engine.ask('How many inspections did the Copper Pot have last year?')
    expect(answer.status).toBe('answered')
    expect(answer.quotes.some((quote) => quote.text.includes('last year'))).toBe(true)
  })

  it('reads "its last year" as a final year, not an earlier occasion', () => {
    expect(quarry.ask('When did the quarry have its last year of flooding?').status).toBe('answered')
  })
})
