import { describe, expect, it } from 'vitest'
import { outcomeQuestionOf, questionOfClaim } from '../../src/claim-questions.js'
import { createEngine } from '../../src/index.js'
import { itComparesUnseenEvents, itListsCorpusWideExactly, loadUnseenEvents } from './unseen-events.js'

/**
 * A newcomer's corpus (test/fixtures/compare-gallery, compare-city-marathon): a gallery theft and a
 * city marathon, three outlets each. Planted: a count written with two verbs ("were stolen" /
 * "took"), a sum "insured for" against one "valued at", an arrest against "nobody had been
 * arrested", and a count of runners with three verbs. Before round 12, question time missed the
 * arrest and, once the paintings' worth stood in a sentence of its own, the count ("How many" took
 * "£5 million" for its answer), and `npm run disagreements` listed none of the four: its claims key
 * a count by its verb and a sum by its verb, and a sentence denying an action is no claim at all.
 */
const unseen = loadUnseenEvents(['compare-gallery', 'compare-city-marathon'])

describe('disagreements on a newcomer corpus of two events', () => {
  itComparesUnseenEvents(unseen)

  itListsCorpusWideExactly(unseen)
})

describe('the corpus-wide list asks the question-time comparison', () => {
  const article = (id: string, text: string) => ({ id, title: `Report ${id}`, text, published: '2027-03-08' })
  const listed = (engine: ReturnType<typeof createEngine>) => engine.disagreements().map((disagreement) => disagreement.claims.map((claim) => claim.value).sort())

  it('lists a count two sources give with different verbs, as asking finds it', () => {
    const engine = createEngine([
      article('a', 'Five boats were sunk in the Orsk harbour storm on Monday, the coastguard said.'),
      article('b', 'The Orsk harbour storm wrecked eight boats on Monday.'),
    ])
    expect(listed(engine)).toEqual([['Five boats', 'eight boats']])
  })

  it('lists no count when the sources count one thing alike', () => {
    const engine = createEngine([
      article('a', 'Five boats were sunk in the Orsk harbour storm on Monday, the coastguard said.'),
      article('b', 'The Orsk harbour storm wrecked five boats on Monday.'),
    ])
    expect(listed(engine)).toEqual([])
  })

  it('asks a count or a sum in the words of its sentence, and an action a sentence denies', () => {
    const engine = createEngine([article('a', 'Burglars took three paintings from the gallery in a raid, police said.')])
    expect(engine.disagreements()).toEqual([])
    expect(outcomeQuestionOf('Police said on Friday that nobody had been charged over the fire.')?.question).toBe('Was charged Police Friday fire?')
    expect(outcomeQuestionOf('No arrests have been made.')?.question).toBe('Was arrests?')
    expect(outcomeQuestionOf('Police charged a man over the fire.')).toBeUndefined()
    expect(questionOfClaim({ kind: 'quantity', dimension: 'count', key: 'count:paint:took', headline: false, value: '3 paintings', text: 'Burglars took three paintings from the gallery in a raid, police said.' } as never)).toBe('How many paintings Burglars took from the gallery in a raid?')
  })
})

describe('a negative subject', () => {
  it('denies the verb of a yes/no question: "nobody had been arrested" against "police arrested"', () => {
    const engine = createEngine([
      { id: 'a', title: 'Arrest after Orsk gallery theft', text: 'Police arrested a man after the Orsk gallery theft on Monday.' },
      { id: 'b', title: 'No arrest yet after Orsk gallery theft', text: 'Nobody has been arrested over the Orsk gallery theft, police said on Monday.' },
    ])
    expect(engine.ask('Was anyone arrested over the Orsk gallery theft?').disagreements.flatMap((disagreement) => disagreement.claims.map((claim) => claim.value)).sort()).toEqual(['Nobody has been arrested', 'arrested'])
  })
})
