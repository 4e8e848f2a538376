import { describe, expect, it } from 'vitest'
import { parallelStretch } from '../../src/claims/parallel.js'
import { createEngine } from '../../src/index.js'

// Invented: a harbour festival's opening show, one page gluing its own title before the sentence.
const FESTIVAL = [
  { id: 'festival-guide', title: 'Festival guide', text: 'Saltglass Saltglass is a 2029 opera by Ada Renn about the old ferry crossing.\n\nTickets for the opening night sold out in a day.' },
  { id: 'harbour-weekly', title: 'Harbour weekly', text: 'Saltglass is a 2029 ballet by Ada Renn about the old ferry crossing.\n\nThe opening night drew a full house.' },
]

describe('parallel sentences when one repeats its own start', () => {
  it('finds the one differing stretch past a title glued before the sentence', () => {
    const a = 'Saltglass Saltglass is a 2029 opera by Ada Renn about the old ferry crossing.'
    const b = 'Saltglass is a 2029 ballet by Ada Renn about the old ferry crossing.'
    const stretch = parallelStretch(a, b)
    expect(stretch && [a.slice(stretch.a.start, stretch.a.end), b.slice(stretch.b.start, stretch.b.end)]).toEqual(['opera', 'ballet'])
  })

  it('sets the two values against each other when asked', () => {
    const [disagreement] = createEngine(FESTIVAL).ask('What is the medium of Saltglass?').disagreements
    expect(disagreement?.claims.map((claim) => claim.value).sort()).toEqual(['ballet', 'opera'])
  })

  it('still finds no stretch when the repeat is the only difference', () => {
    expect(parallelStretch('Saltglass Saltglass is a 2029 opera by Ada Renn.', 'Saltglass is a 2029 opera by Ada Renn.')).toBeUndefined()
  })
})
