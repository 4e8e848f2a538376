import { describe, expect, it } from 'vitest'
import { isCompoundOf } from '../../src/claims/measured.js'
import { createEngine } from '../../src/index.js'

/**
 * Misses found on held-out invented corpora, reproduced with other invented events and wording:
 * counts whose nouns differ in specificity ("dockworkers" against "workers"), and days against dates.
 */
const article = (id: string, title: string, text: string, published = '2027-04-08') => ({ id, title, text, published })
const sides = (engine: ReturnType<typeof createEngine>, question: string) => engine.ask(question).disagreements.flatMap((disagreement) => disagreement.claims.map((claim) => claim.value)).sort()

describe('counts of a kind of the asked thing', () => {
  it('reads a compound as a kind of its last part, not a short word inside a longer one', () => {
    expect(isCompoundOf('dockworkers', 'workers')).toBe(true)
    expect(isCompoundOf('steelworkers', 'workers')).toBe(true)
    expect(isCompoundOf('workers', 'workers')).toBe(false)
    expect(isCompoundOf('coworkers', 'workers')).toBe(false)
    expect(isCompoundOf('boatmen', 'men')).toBe(false)
  })

  it('sets a count of dockworkers against a count of workers for the same walkout, quoting both', () => {
    const engine = createEngine([
      article('a', 'Port of Varn walkout', '1,200 dockworkers walked out at the port of Varn on Friday.'),
      article('b', 'Varn strike', 'About 1,500 workers took part in the walkout at the port of Varn, the union said.'),
    ])
    expect(sides(engine, 'How many workers went on strike at the port of Varn?')).toEqual(['1,200 dockworkers', 'About 1,500 workers'])
  })

  it('sets no part against its total: 300 of the workers were dockers', () => {
    const engine = createEngine([
      article('a', 'Port of Varn walkout', 'About 1,500 workers walked out at the port of Varn on Friday, and 300 of the workers were dockers.'),
      article('b', 'Varn strike', 'Some 1,500 workers took part in the walkout at the port of Varn, the union said.'),
    ])
    expect(sides(engine, 'How many workers went on strike at the port of Varn?')).toEqual([])
  })
})

describe('a day name against a date', () => {
  it('sets two different days of two sources against each other, quoting both', () => {
    const engine = createEngine([
      article('a', 'Kessel bridge back open', 'The Kessel river bridge reopened to traffic on Monday after three weeks of repairs, the county said.', '2027-03-10'),
      article('b', 'Drivers return to Kessel bridge', 'The Kessel river bridge reopened on Tuesday, two days later than planned, county engineers said.', '2027-03-10'),
    ])
    const answer = engine.ask('When did the Kessel bridge reopen?')
    expect(sides(engine, 'When did the Kessel bridge reopen?')).toEqual(['Monday', 'Tuesday'])
    expect(answer.quotes.map((quote) => quote.source.id).sort()).toEqual(['a', 'b'])
  })

  it('sets no day against the date of that very day', () => {
    const engine = createEngine([
      article('a', 'Kessel bridge back open', 'The Kessel river bridge reopened to traffic on Monday after three weeks of repairs, the county said.', '2027-03-10'),
      article('b', 'Drivers return to Kessel bridge', 'The Kessel river bridge reopened on March 8, two days later than planned, county engineers said.', '2027-03-11'),
    ])
    expect(sides(engine, 'When did the Kessel bridge reopen?')).toEqual([])
  })
})
