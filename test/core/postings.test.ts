import { describe, expect, it } from 'vitest'
import { createEngine } from '../../src/index.js'
import { buildPostings, searchPostings, type DocumentTerms } from '../../src/postings.js'

describe('buildPostings', () => {
  // Two passages say "harbor" only in their title: one is its article's only passage, the other one of four.
  const terms: DocumentTerms[] = [
    { title: ['harbor'], text: ['budget', 'plan'], titleShare: 4 },
    { title: ['harbor'], text: ['budget', 'plan'], titleShare: 1 },
  ]
  const ranked = (titleSpread: number) =>
    searchPostings(buildPostings(terms.length, (doc) => terms[doc] as DocumentTerms, { titleSpread }), [{ term: 'harbor', weight: 1 }], 10).map((hit) => hit.doc)

  it('weighs a title shared by many passages less in each of them', () => {
    expect(ranked(0.75)).toEqual([1, 0])
  })

  it('weighs every title alike when the title is not spread', () => {
    expect(ranked(0)).toEqual([0, 1])
  })
})

describe('engine search with the default index options', () => {
  const paragraphs = [
    'The mayor opened the session with a long speech about the budget.',
    'Council members then argued over the price of new street lamps.',
    'A vote on the library roof was put off until the spring.',
    'Residents asked about parking near the market on weekends.',
    'The fire chief reported three small kitchen fires this month.',
    'Teachers asked for more money to repair the school gym.',
    'The session ended late in the evening without a decision.',
    'Reporters waited outside for comments from the mayor.',
  ]
  const engine = createEngine([
    { id: 'council', title: 'Ferry fares at the council', text: paragraphs.join('\n\n') },
    { id: 'notes', title: 'Weekend notes', text: 'The ferry leaves the pier at noon on Saturdays.\n\nThe bakery on the corner is closed for repairs.' },
  ])

  it('ranks the passage that says a word above the passages of a long article whose title says it', () => {
    expect(engine.search('ferry', { limit: 3 })[0]).toMatchObject({ passageId: 'notes#1' })
  })

  it('still finds the long article through its title', () => {
    expect(engine.search('ferry fares', { limit: 3 }).map((result) => result.sourceId)).toContain('council')
  })
})
