import { beforeAll, describe, expect, it } from 'vitest'
import type { Engine } from '../../src/index.js'
import { fixtureDir, loadCheckedEngine } from '../helpers/engine.js'

/**
 * What `ask` notes, the corpus-wide list and the takeaways note too: an invented corpus of two events
 * (a weir collapse and a tram drivers' stoppage), three articles each, whose sources disagree on the
 * day of the event and on how long something lasted, and agree on other facts in other words.
 */
describe('disagreements on a day and a span of two invented events', () => {
  let engine: Engine

  beforeAll(async () => {
    ;({ engine } = await loadCheckedEngine(fixtureDir('wide-weir-tram')))
  })

  /** The listed disagreements as "value@source | value@source", sorted. */
  const listed = () =>
    engine
      .disagreements()
      .map((disagreement) =>
        disagreement.claims
          .map((claim) => `${claim.value}@${claim.source.id}`)
          .sort()
          .join(' | '),
      )
      .sort()

  it('lists every planted span and day, each within its own event', () => {
    expect(engine.stories().map((story) => story.sources.length)).toEqual([3, 3])
    expect(listed()).toEqual(['14 hours@fenmoor-post | 20 hours@sallow-courier', '36 hours@city-echo | 48 hours@kelbridge-daily', 'Friday@kelbridge-daily | Thursday@city-echo', 'Monday@fenmoor-post | Tuesday@sallow-courier'])
  })

  it('marks the sentences stating a side contested in the takeaways, and no agreeing fact', () => {
    const takeaways = engine.takeaways({ limit: 20 })
    const sides = engine.disagreements().flatMap((disagreement) => disagreement.claims.map((claim) => claim.text))
    for (const takeaway of takeaways) expect(takeaway.contested ?? false, takeaway.text).toBe(sides.includes(takeaway.text))
    const spans = takeaways.filter((takeaway) => /\d+ hours/.test(takeaway.text))
    expect(spans.length).toBeGreaterThan(0)
    for (const takeaway of spans) expect(takeaway.contested, takeaway.text).toBe(true)
  })

  it('asks the same conflicts the list gives', () => {
    expect(engine.ask('How long did the tram stoppage last?').disagreements.flatMap((disagreement) => disagreement.claims.map((claim) => claim.value)).sort()).toEqual(['36 hours', '48 hours'])
  })
})
