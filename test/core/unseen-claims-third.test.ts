import { describe, expect, it } from 'vitest'
import { itComparesUnseenEvents, itListsCorpusWideExactly, loadUnseenEvents } from './unseen-events.js'

/**
 * A third held-out set, written and run before the code that finds its conflicts (test/fixtures/
 * compare-festival, compare-siege, compare-airport): a festival cancelled after a storm, a bank
 * siege and an airport shut by drones. Planted: a day under two verbs, sums in pounds and in dollars
 * against euros, a post called current and former, agreed against refused to pay, narrow against
 * landslide, shares, counts, shot dead against captured alive, who led the talks, an arrest against
 * none. Traps: a total and its subtotal, a range holding a value, rounding, a figure quoted to be
 * denied, a fine beside a pledge, one post held by two people at different times, a yearly figure,
 * a date of another verb. Read as one corpus. What is still missed or falsely alarmed is listed in
 * each fixture's `compare.json` (`missed`, `falseAlarms`) and not asserted here.
 */
const unseen = loadUnseenEvents(['compare-festival', 'compare-siege', 'compare-airport'])
const { together } = unseen

describe('disagreements on a third set of unseen events read as one corpus', () => {
  itComparesUnseenEvents(unseen)

  itListsCorpusWideExactly(unseen)

  it('reads sums after a pound or euro sign as money, and compares dollars with euros only when no rate could join them', () => {
    const money = together.disagreements().filter((disagreement) => disagreement.valueKind === 'money')
    expect(money.map((disagreement) => disagreement.claims.map((claim) => claim.value))).toContainEqual(['£3 million', '£5 million'])
    const cost = together.ask('How much will the drone shutdown cost the airport?').disagreements
    expect(cost.flatMap((disagreement) => disagreement.claims.map((claim) => claim.value)).sort()).toEqual(['$6 million', '€1.5 million'])
  })
})
