import { beforeAll, describe, expect, it } from 'vitest'
import type { ArticleInput, Engine } from '../../src/index.js'
import { fixtureDir, loadCheckedEngine } from '../helpers/engine.js'

/**
 * Two events in one folder, as a newcomer's first corpus often is: a mountain rescue and a city
 * budget vote, three articles each, with figures the articles give differently.
 */
describe('a corpus of two unrelated events (a mountain rescue and a budget vote)', () => {
  let engine: Engine
  let articles: ArticleInput[]

  beforeAll(async () => {
    ;({ engine, articles } = await loadCheckedEngine(fixtureDir('rescue-and-budget')))
  }, 120_000)

  it('suggests, after declining, questions about what the stories are about, not words every article repeats', () => {
    const answer = engine.ask('What is the capital of France?')
    expect(answer.status).toBe('no_answer')
    const suggestions = answer.suggestions ?? []
    expect(suggestions.length).toBeGreaterThanOrEqual(2)
    // What an event is about is what its headlines name: each suggestion's subject is a word that
    // at least two headlines use.
    const headlines = articles.map((article) => article.title.toLowerCase())
    for (const question of suggestions) {
      const subject = /about (?:the )?(.+)\?$/.exec(question)?.[1]?.toLowerCase() ?? ''
      expect(headlines.filter((title) => title.includes(subject)).length, question).toBeGreaterThanOrEqual(2)
      expect(engine.ask(question).status, question).toBe('answered')
    }
  })

  it('marks a point contested on when something happened only if the point says when', () => {
    const day = /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|\d{4})\b/
    const dated = engine.stories().flatMap((story) => engine.takeaways({ storyId: story.id })).filter((takeaway) => takeaway.contested && /^when\b/.test(takeaway.disagreementTopic ?? ''))
    // The articles give the vote two different days: that point is marked, with the day it gives.
    expect(dated.length).toBeGreaterThan(0)
    for (const takeaway of dated) expect(takeaway.text, takeaway.disagreementTopic).toMatch(day)
  })

  it('reads a vote of 7 to 4 as one tally and sets it against the other article\'s 6 to 5', () => {
    const answer = engine.ask('What was the vote?')
    const tally = answer.disagreements.find((disagreement) => disagreement.claims.some((claim) => claim.text.includes('7 to 4')))
    expect(tally, JSON.stringify(answer.disagreements.map((d) => d.topic))).toBeDefined()
    expect(tally!.claims.map((claim) => claim.value).sort()).toEqual(['6-5', '7-4'])
    expect(tally!.claims.find((claim) => claim.value === '6-5')?.text).toContain('6 to 5')
  })
})
