import { describe, expect, it } from 'vitest'
import { shareRound, shareSide } from '../../src/claims/share-side.js'
import { createEngine } from '../../src/index.js'

/**
 * A share of one side against a share of the other is no disagreement: "62% voting against" a
 * first offer and "71% voting in favour" of a second are both true. Invented: a dockers' pay ballot.
 */
const article = (id: string, title: string, text: string) => ({ id, title, text, published: '2027-06-10' })
const listed = (engine: ReturnType<typeof createEngine>) => engine.disagreements().map((disagreement) => disagreement.claims.map((claim) => claim.value).sort())
const sides = (engine: ReturnType<typeof createEngine>, question: string) => engine.ask(question).disagreements.flatMap((disagreement) => disagreement.claims.map((claim) => claim.value)).sort()

const rejected = article('a', 'Dockers turn down first pay offer', 'Harbour dockers in Peltry rejected the port authority\'s first pay offer in a ballot on Tuesday, with 62% voting against it.')
const accepted = article('b', 'Dockers accept improved pay offer', 'Peltry dockers accepted an improved pay offer from the port authority, with 71% voting in favour, the union said on Friday.')

describe('which side a share counts', () => {
  const at = (text: string, figure: string) => shareSide(text, text.indexOf(figure), text.indexOf(figure) + figure.length)

  it('reads the side from the words after the share, or before it, in its clause', () => {
    expect(at('with 62% voting against it', '62%')).toBe('against')
    expect(at('with 71% voting in favour', '71%')).toBe('for')
    expect(at('after 71 percent of dockers voted for the offer', '71')).toBe('for')
    expect(at('the offer was backed by 58% of members', '58%')).toBe('for')
    expect(at('55% for and 45% against', '55%')).toBe('for')
    expect(at('55% for and 45% against', '45%')).toBe('against')
    expect(at('40% did not support the offer', '40%')).toBe('against')
  })

  it('reads no side where none is said', () => {
    expect(at('Turnout was 62%, the union said.', '62%')).toBeUndefined()
    expect(at('no more than 40% of members voted', '40%')).toBeUndefined()
    expect(at('a 71% share of the port', '71%')).toBeUndefined()
  })
})

describe('which round a share counts', () => {
  const at = (text: string, figure: string) => shareRound(text, text.indexOf(figure), text.indexOf(figure) + figure.length)

  it('reads an ordinal of the share\'s clause', () => {
    expect(at('with 71% voting in favour of the second offer', '71%')).toBe(2)
    expect(at('The initial ballot saw 52% in favour', '52%')).toBe(1)
    expect(at('in the 3rd round, 40% backed it', '40%')).toBeUndefined()
    expect(at('40% backed it in the 3rd round', '40%')).toBe(3)
    expect(at('with 71% voting in favour, the second time they voted', '71%')).toBeUndefined()
  })
})

describe('shares of opposite sides', () => {
  it('lists no disagreement between a share against one offer and a share in favour of another', () => {
    expect(listed(createEngine([rejected, accepted]))).toEqual([])
  })

  it('sets no share against the other side\'s when asked', () => {
    const engine = createEngine([rejected, accepted])
    expect(sides(engine, 'What share voted for the offer?')).toEqual([])
    expect(sides(engine, 'What percentage of dockers voted against the offer?')).toEqual([])
  })

  it('still sets two shares of the same side against each other', () => {
    const engine = createEngine([accepted, article('c', 'Dock strike ends', 'The dock strike in Peltry ended on Friday, with 55% voting in favour of the improved offer.')])
    expect(listed(engine)).toEqual([['55%', '71%']])
    expect(sides(engine, 'What share voted for the offer?')).toEqual(['55%', '71%'])
  })
})

describe('shares of different rounds', () => {
  const first = article('d', 'Dockers narrowly back first offer', 'Peltry dockers voted on Tuesday, with 52% voting in favour of the first offer.')
  const second = article('e', 'Dockers back second offer', 'Peltry dockers accepted the port authority\'s offer on Friday, with 71% voting in favour of the second offer, the union said.')

  it('sets no share of one ballot against a share of another', () => {
    const engine = createEngine([first, second])
    expect(listed(engine)).toEqual([])
    expect(sides(engine, 'What share voted in favour of the offer?')).toEqual([])
  })

  it('still sets two shares of one ballot against each other', () => {
    const engine = createEngine([second, article('f', 'Second offer accepted', 'Peltry dockers voted on Friday, with 64% voting in favour of the second offer.')])
    expect(listed(engine)).toEqual([['64%', '71%']])
  })
})
