import { beforeAll, describe, expect, it } from 'vitest'
import type { Engine } from '../../src/index.js'
import { fixtureDir, loadCheckedEngine } from '../helpers/engine.js'

// The corpus-wide list asks each story's dated acts as a reader would ("When did the Orrin
// footbridge collapse?"), so a day two sources give for one act in other words is listed, and the
// takeaways mark it, as `ask` does; a day of another act is no side.

describe('the dates of a story asked as questions (an invented footbridge collapse)', () => {
  let engine: Engine

  beforeAll(async () => {
    ;({ engine } = await loadCheckedEngine(fixtureDir('wide-footbridge')))
  })

  it('lists the day two sources give for the same act, as asking finds it', () => {
    const asked = engine.ask('When did the Orrin footbridge collapse?').disagreements
    expect(asked.flatMap((disagreement) => disagreement.claims.map((claim) => claim.value)).sort()).toEqual(['Monday', 'Sunday'])
    const listed = engine.disagreements().filter((disagreement) => disagreement.valueKind === 'date')
    expect(listed).toHaveLength(1)
    expect(listed[0]!.claims.map((claim) => claim.source.id).sort()).toEqual(['orrin-gazette', 'tarn-valley-news'])
  })

  it('sets no day of another act against it: divers clearing the wreckage, a crossing opening', () => {
    const values = engine.disagreements().flatMap((disagreement) => disagreement.claims.map((claim) => claim.value))
    expect(values).not.toContain('Tuesday')
    expect(values).not.toContain('Friday')
  })

  it('marks the collapse contested in the takeaways, with both days', () => {
    const collapse = engine.takeaways({ limit: 20 }).filter((takeaway) => takeaway.text.includes('collapsed'))
    expect(collapse.length).toBeGreaterThan(0)
    for (const takeaway of collapse) {
      expect(takeaway.contested, takeaway.text).toBe(true)
      expect((takeaway.sides ?? []).map((side) => side.value).sort()).toEqual(['Monday', 'Sunday'].sort())
    }
  })
})

describe('the counts of a story asked as short questions (an invented emergency landing)', () => {
  let engine: Engine

  beforeAll(async () => {
    ;({ engine } = await loadCheckedEngine(fixtureDir('conversation-flight-trial')))
  })

  it('lists a count two sources give by the same verb in other clauses: "A Norvik Air jet carrying 186 passengers made an emergency landing" / "was carrying 180 passengers and six crew"', () => {
    const counts = engine.disagreements().filter((disagreement) => disagreement.claims.some((claim) => claim.value.endsWith('passengers')))
    expect(counts).toHaveLength(1)
    expect(counts[0]!.claims.map((claim) => claim.value).sort()).toEqual(['180 passengers', '186 passengers'])
  })
})
