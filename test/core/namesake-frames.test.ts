import { describe, expect, it } from 'vitest'
import { createEngine } from '../../src/index.js'

// Invented: a charity swim gala in a harbour town, its guest of honour described three ways.
const GALA = [
  { id: 'bay-almanac', title: 'People of Ketter Bay', text: 'Orla Penn (swimmer) Orla Penn (born 1994) is a swimmer from Ketter Bay who opened the charity gala.\n\nTom Reyes, a father of three, sold tickets at the door.' },
  { id: 'ketter-post', title: 'Charity gala raises funds for the lido', text: 'Orla Penn, a keen cyclist, opened the charity gala on Saturday.\n\nTom Reyes, a local baker, ran the raffle for the lido fund.' },
  { id: 'harbour-notes', title: 'Gala night at the lido', text: 'The lido was full for the charity gala.\n\nThe pool will reopen to the public in May.' },
]

describe('a name defined in a bracket and described in apposition', () => {
  const engine = createEngine(GALA)

  it('sets a bracket definition against an apposition of another kind ("Orla Penn (swimmer)" / "Orla Penn, a keen cyclist,")', () => {
    const [disagreement] = engine.ask('What sport is Orla Penn associated with?').disagreements
    expect(disagreement?.claims.map((claim) => claim.value).sort()).toEqual(['keen cyclist', 'swimmer'])
  })

  it('leaves two appositions uncompared: "a father of three" and "a local baker" may both be true', () => {
    expect(engine.ask('What is the profession of Tom Reyes?').disagreements).toEqual([])
  })

  it('finds no disagreement when the apposition is of the bracket\'s kind ("a former swimmer")', () => {
    const agreeing = createEngine([GALA[0]!, { ...GALA[1]!, text: 'Orla Penn, a former swimmer, opened the charity gala on Saturday.' }])
    expect(agreeing.ask('What sport is Orla Penn associated with?').disagreements).toEqual([])
  })
})
