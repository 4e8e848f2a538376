import { describe, expect, it } from 'vitest'
import { askedKindOf, isCauseQuestion, valuesIn } from '../../src/claims/answers.js'
import { createEngine } from '../../src/index.js'
import { itComparesUnseenEvents, itListsCorpusWideExactly, loadUnseenEvents } from './unseen-events.js'

/**
 * A fifth held-out set, written and run before the code that finds its conflicts (test/fixtures/
 * compare-warehouse, compare-conductor): a dock warehouse fire and an orchestra's new conductor.
 * Planted: a cause (an electrical fault against a cigarette), homes against households, "led by"
 * against "directed by", a count of firefighters in hospital beside a count of the hurt, what was
 * stored, an instrument, a contract's length, a chief executive called current and former, an
 * earlier post. Traps: a day of another verb ("informed on Monday" beside "announced on Tuesday"),
 * "nine hours" / "9 hours", "92 musicians" / "ninety-two players". First run: 2 of 9 found, 0 of 7
 * agreeing questions flagged; after this round's changes (tuned on it, so no longer held out): 4 of 9,
 * 0 of 7. What is still missed is in each fixture's `compare.json` (`missed`), not asserted here.
 */
const unseen = loadUnseenEvents(['compare-warehouse', 'compare-conductor'])

describe('disagreements on a fifth set of unseen events read as one corpus', () => {
  itComparesUnseenEvents(unseen)

  itListsCorpusWideExactly(unseen)
})

describe('the value in the slot the question asks', () => {
  const article = (id: string, text: string) => ({ id, title: `Report ${id}`, text, published: '2027-03-08' })
  const sides = (engine: ReturnType<typeof createEngine>, question: string) => engine.ask(question).disagreements.flatMap((disagreement) => disagreement.claims.map((claim) => claim.value)).sort()

  it('reads "what caused" as a cause named after "caused by", "blamed on" or "due to", and not a denied one', () => {
    expect(isCauseQuestion('What caused the blackout?')).toBe(true)
    expect(isCauseQuestion('What was the cause of the outbreak?')).toBe(true)
    expect(isCauseQuestion('Why was the town chosen as the venue?')).toBe(false)
    expect(askedKindOf('What caused the blackout?')).toBe('entity')
    const cause = { words: new Set(['what', 'caused', 'the', 'blackout']), cause: true }
    expect(valuesIn('The blackout was caused by a fallen tree, the utility said.', 'entity', 0, 0.2, cause).map((value) => value.display)).toEqual(['fallen tree'])
    expect(valuesIn('The blackout was not caused by sabotage.', 'entity', 0, 0.2, cause)).toEqual([])
    const engine = createEngine([
      article('a', 'The blackout across Denholm was caused by a fallen tree on Friday, the utility said.'),
      article('b', 'Police said the Denholm blackout on Friday was blamed on sabotage at a substation.'),
    ])
    expect(sides(engine, 'What caused the Denholm blackout?')).toEqual(['fallen tree', 'sabotage'])
  })

  it('compares the object of the asked verb, and a subject defined in a bracket', () => {
    const stored = createEngine([
      article('a', 'The Kelby depot stored grain for three farms, staff said.'),
      article('b', 'The Kelby depot, built in 1990, stored timber for a sawmill.'),
    ])
    expect(sides(stored, 'What material was stored in the Kelby depot?')).toEqual(['grain', 'timber'])
    const sport = createEngine([
      article('a', 'Aled Morrow (cricket) Aled Morrow captained Glamorgan for a decade from 1990.'),
      article('b', 'Aled Morrow (rugby union) Aled Morrow captained Cardiff for a decade from 1992.'),
    ])
    expect(sides(sport, 'What sport is Aled Morrow associated with?')).toEqual(['cricket', 'rugby union'])
  })
})
