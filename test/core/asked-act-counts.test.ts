import { describe, expect, it } from 'vitest'
import { createEngine } from '../../src/index.js'

/**
 * A count answers "how many … <act>?" only from a clause that states that act: the passengers pulled
 * from the water are not the passengers who drowned. Invented: a river ferry capsizing.
 */
const article = (id: string, title: string, text: string) => ({ id, title, text, published: '2027-03-02' })
const sides = (engine: ReturnType<typeof createEngine>, question: string) => engine.ask(question).disagreements.flatMap((disagreement) => disagreement.claims.map((claim) => claim.value)).sort()

const pulled = article('a', 'Ferry capsizes on the Lanner', 'The Lanner river ferry capsized near Oxbury on Sunday evening. Rescuers pulled 14 passengers from the water, the harbour master said.')
const ashore = article('b', 'Oxbury ferry overturns in high wind', 'A ferry overturned on the Lanner near Oxbury on Sunday, and all 17 passengers were brought ashore by lifeboat crews.')

describe('counts of another act', () => {
  it('notes no disagreement on how many drowned when the sources only count those rescued', () => {
    const engine = createEngine([pulled, ashore])
    expect(sides(engine, 'How many passengers drowned?')).toEqual([])
    expect(sides(engine, 'How many passengers died in the capsizing?')).toEqual([])
  })

  it('still sets two counts of the asked act against each other, in other words', () => {
    const engine = createEngine([
      article('c', 'Ferry capsizes on the Lanner', 'The Lanner river ferry capsized near Oxbury on Sunday evening, and 4 passengers drowned, the harbour master said.'),
      article('d', 'Oxbury ferry overturns in high wind', 'A ferry overturned on the Lanner near Oxbury on Sunday; 6 passengers drowned before lifeboat crews arrived.'),
    ])
    expect(sides(engine, 'How many passengers drowned?')).toEqual(['4 passengers', '6 passengers'])
  })

})
