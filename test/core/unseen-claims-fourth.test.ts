import { describe, expect, it } from 'vitest'
import { valuesIn } from '../../src/claims/answers.js'
import { fractionsIn } from '../../src/claims/fraction.js'
import { createEngine } from '../../src/index.js'
import { itComparesUnseenEvents, itListsCorpusWideExactly, loadUnseenEvents } from './unseen-events.js'

/**
 * A fourth held-out set, written and run before the code that finds its conflicts (test/fixtures/
 * compare-pipeline, compare-referendum, compare-ransomware): a pipeline rupture, a referendum on
 * selling a water utility and a ransomware attack on a hospital. Planted: a day under two verbs,
 * counts, shares as fractions ("about half" against "a third"), durations, a vote tally, a turnout,
 * who won a seat, a post called current and former, narrow against landslide, a ransom in dollars,
 * paid against refused, an arrest made against none. Traps: a total and its subtotal, a range
 * holding a value, rounding ("nearly 5,000" / 4,870), a figure quoted to be denied, a pledge beside
 * a fine, one post held by two people at different times, a day of another verb ("said on
 * Monday"). Read as one corpus. What is still missed or falsely alarmed is listed in each fixture's
 * `compare.json` (`missed`, `falseAlarms`) and not asserted here.
 */
const unseen = loadUnseenEvents(['compare-pipeline', 'compare-referendum', 'compare-ransomware'])

describe('disagreements on a fourth set of unseen events read as one corpus', () => {
  itComparesUnseenEvents(unseen)

  itListsCorpusWideExactly(unseen)
})

describe('shares written as fractions', () => {
  it('reads half, a third and two-thirds as shares, and leaves ordinals and halves of time alone', () => {
    const percents = (text: string) => fractionsIn(text).map((found) => Math.round(found.percent))
    expect(percents('About half of the oil was recovered.')).toEqual([50])
    expect(percents('Only a third of the oil was recovered.')).toEqual([33])
    expect(percents('Two-thirds of voters backed it.')).toEqual([67])
    expect(percents('The third driver is missing in the second half of the match.')).toEqual([])
    expect(percents('They waited half an hour, then an hour and a half.')).toEqual([])
  })

  it('answers "how much of" with a fraction, and "how much" only with a change by one', () => {
    const share = { words: new Set(['how', 'much', 'of', 'oil']), amount: true, share: true }
    const amount = { words: new Set(['how', 'much', 'traffic']), amount: true }
    expect(valuesIn('Officials said about half of the spilled oil has been recovered.', 'number', 0, 0.2, share).map((value) => value.display)).toEqual(['about half'])
    expect(valuesIn('Officials said about half of the spilled oil has been recovered.', 'number', 0, 0.2, amount)).toEqual([])
    expect(valuesIn('The ban would cut traffic by a third.', 'number', 0, 0.2, amount).map((value) => value.display)).toEqual(['a third'])
  })
})

describe('figures of other things and other acts', () => {
  const article = (id: string, text: string, published: string) => ({ id, title: `Report ${id}`, text, published })

  it('compares amounts in units of measure asked "how much", shown with their unit', () => {
    const engine = createEngine([
      article('a', 'Engineers estimated that 80,000 cubic metres of earth came down on the road.', '2026-03-02'),
      article('b', 'Officials said about 50,000 cubic metres of earth came down on the road.', '2026-03-03'),
    ])
    const values = engine.ask('How much earth came down?').disagreements.flatMap((disagreement) => disagreement.claims.map((claim) => claim.value))
    expect(values.sort()).toEqual(['80,000 cubic metres', 'about 50,000 cubic metres'])
  })

  it('does not set a count of people doing one thing against a count of people doing another', () => {
    const engine = createEngine([
      article('a', 'Three drivers are missing, the sheriff said. The mud buried the road.', '2026-03-02'),
      article('b', 'Some 2,300 people in the town are cut off. The mud buried the road.', '2026-03-02'),
    ])
    expect(engine.ask('How many people are missing?').disagreements).toEqual([])
  })

  it('sets a sum pledged apart from a sum fined, but not a cost stated in other words', () => {
    const pledge = createEngine([
      article('a', 'The operator, Brisk Energy, pledged $5 million to a cleanup fund.', '2026-03-02'),
      article('b', 'Brisk Energy was fined $800,000 by the regulator for the leak.', '2026-03-02'),
    ])
    expect(pledge.ask('How much money did Brisk Energy pledge?').disagreements).toEqual([])
    const cost = createEngine([
      article('a', 'The ban will cost the city about 6 million euros, mostly for new bus lanes.', '2026-03-02'),
      article('b', "The ban's cost is put at 9 million euros by the council.", '2026-03-02'),
    ])
    const values = cost.ask('How much will the ban cost?').disagreements.flatMap((disagreement) => disagreement.claims.map((claim) => claim.value))
    expect(values.sort()).toEqual(['9 million euros', 'about 6 million euros'])
  })

  it('does not set a sum of money or a length against a bare figure of something else', () => {
    const engine = createEngine([
      article('a', 'The 7-kilometre line will cost 320 million euros and is due to open in 2030.', '2026-10-02'),
      article('b', 'Councillors approved the line by 10 votes to 5 after a long debate about what it would cost.', '2026-10-03'),
      article('c', 'The new line will run for 7 kilometres and cost more than any project before it.', '2026-10-05'),
    ])
    expect(engine.ask('How much will the line cost?').disagreements).toEqual([])
  })

  it('does not take the speaker of a quotation about the asked role for the one who holds it', () => {
    const engine = createEngine([
      article('a', 'The balloon came down in a field. The pilot, Dana Frey, was treated at the scene.', '2026-09-13'),
      article('b', 'The balloon came down in a field. "The pilot shouted at us to hold the ropes," said Helen Okafor, a teacher on board.', '2026-09-14'),
    ])
    expect(engine.ask('Who was the pilot of the balloon?').disagreements).toEqual([])
  })

  it('reads "a narrow 7 to 6 vote" as a tally against "voted 9 to 4"', () => {
    const engine = createEngine([
      article('a', 'The city council voted 9 to 4 on Thursday to ban cars from the old town.', '2026-03-02'),
      article('b', 'The council approved the car ban by a narrow 7 to 6 vote late on Thursday.', '2026-03-02'),
    ])
    const tallies = engine.disagreements().filter((disagreement) => disagreement.valueKind === 'score')
    expect(tallies.map((disagreement) => disagreement.claims.map((claim) => claim.value).sort())).toEqual([['7-6', '9-4']])
  })
})
