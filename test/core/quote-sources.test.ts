import { describe, expect, it } from 'vitest'
import type { ArticleInput } from '../../src/index.js'
import { createCheckedEngine, sharedSynsets } from '../helpers/engine.js'

/** Two unrelated articles, each a story of its own: five sentences on a quarry vote, one on a bakery. */
const ARTICLES: ArticleInput[] = [
  {
    id: 'quarry',
    title: 'Council lets Brackley quarry grow',
    text: [
      'The council voted on Monday to let the Brackley quarry expand by forty hectares.',
      'The owner of the quarry said the council vote would save sixty jobs at the site.',
      'Residents who live near the quarry said they would appeal against the council vote.',
      'Parents at the village school, who fear dust from the quarry, had asked the council to delay the vote.',
      'The quarry owner expects a second council vote on the quarry road next year.',
    ].join('\n\n'),
  },
  { id: 'bakery', title: 'Bakery shut after inspection', text: 'The council voted on Monday to close the bakery on the high street.\n\nThe baker said he would reopen within a month once the kitchen had been cleaned.\n' },
]

describe('quotes from one source and from others', () => {
  // No score floor, so that every matching sentence is ranked and the order alone is compared.
  const quoteSources = async (sameSourceWithinStory: boolean, compoundSameSource = false) => {
    const engine = createCheckedEngine(ARTICLES, { synsets: await sharedSynsets(), answer: { sameSourceWithinStory, compoundSameSource, relativeScoreFloor: 0 } })
    expect(engine.stories()).toHaveLength(2)
    return engine.ask('What did the council vote on the quarry?', { limit: 6 }).quotes.map((quote) => quote.source.id)
  }

  it('does not move a sentence of an article about something else ahead of the asked article\'s own', async () => {
    expect(await quoteSources(true)).toEqual(['quarry', 'quarry', 'quarry', 'quarry', 'quarry', 'bakery'])
  }, 120_000)

  it('keeps a much weaker sentence of another article last across stories too: a source is marked down once, not once per quote', async () => {
    expect(await quoteSources(false)).toEqual(['quarry', 'quarry', 'quarry', 'quarry', 'quarry', 'bakery'])
  }, 120_000)

  it('lets the other article overtake when sources alternate across stories and the mark-down compounds (both options off)', async () => {
    expect((await quoteSources(false, true)).indexOf('bakery')).toBeLessThan(5)
  }, 120_000)
})
