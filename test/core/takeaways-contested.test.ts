import { beforeAll, describe, expect, it } from 'vitest'
import { loadCorpusDir } from '../../adapters/load-corpus.js'
import type { Disagreement, Engine, Takeaway } from '../../src/index.js'
import { createCheckedEngine, fixtureDir, loadCheckedEngine, sharedSynsets } from '../helpers/engine.js'

/** Takeaways whose quoted sentence is one a disagreement's side quotes (or holds it). */
function quoting(takeaways: readonly Takeaway[], disagreement: Disagreement): Takeaway[] {
  return takeaways.filter((takeaway) => disagreement.claims.some((claim) => claim.source.id === takeaway.source.id && (claim.text.includes(takeaway.text) || takeaway.text.includes(claim.text))))
}

/**
 * Every takeaway quoting a side of a listed disagreement is contested, and its sides give each
 * value the disagreement gives with that value's sources.
 */
function expectEverySideContested(takeaways: readonly Takeaway[], disagreements: readonly Disagreement[]): void {
  for (const disagreement of disagreements) {
    for (const takeaway of quoting(takeaways, disagreement)) {
      expect(takeaway.contested, takeaway.text).toBe(true)
      expect(takeaway.disagreementTopic, takeaway.text).toBe(disagreement.topic)
      const sides = new Map((takeaway.sides ?? []).map((side) => [side.value, side.sources.map((source) => source.id)]))
      for (const claim of disagreement.claims) expect(sides.get(claim.value), `${takeaway.text}: ${claim.value}`).toContain(claim.source.id)
    }
  }
}

describe('takeaways of a stalled gondola whose sources disagree on a count and a date', () => {
  let engine: Engine

  beforeAll(async () => {
    ;({ engine } = await loadCheckedEngine(fixtureDir('takeaways-gondola-contest')))
  })

  it('marks every point stating a side of a listed disagreement contested, with each side and its sources', () => {
    const disagreements = engine.disagreements()
    expect(disagreements.map((disagreement) => disagreement.valueKind).sort()).toEqual(['date', 'number'])
    const takeaways = engine.takeaways({ limit: 20 })
    for (const disagreement of disagreements) expect(quoting(takeaways, disagreement).length, disagreement.topic).toBeGreaterThan(0)
    expectEverySideContested(takeaways, disagreements)
  })

  it('reads two counts of one thing as one point with both sides, not two unrelated points', () => {
    const takeaways = engine.takeaways({ limit: 20 })
    const counts = takeaways.filter((takeaway) => /passengers/i.test(takeaway.text) && /twelve|twenty/i.test(takeaway.text))
    expect(counts).toHaveLength(1)
    expect(counts[0]?.sides?.map((side) => side.value.toLowerCase()).sort()).toEqual(['twelve passengers', 'twenty passengers'])
    expect(counts[0]?.sides?.flatMap((side) => side.sources.map((source) => source.id)).sort()).toEqual(['alpine-courier', 'valley-herald'])
    const opened = takeaways.filter((takeaway) => /first opened in/.test(takeaway.text))
    expect(opened).toHaveLength(1)
    expect(opened[0]?.sides).toHaveLength(2)
  })

  it('counts as carrying a contested point only the sources that give its value', () => {
    for (const takeaway of engine.takeaways({ limit: 20 })) {
      const own = takeaway.sides?.[0]?.sources.map((source) => source.id)
      if (own) expect(takeaway.supportedBy, takeaway.text).toEqual(own)
    }
  })

  it('leaves uncontested a point no disagreement quotes', () => {
    const cable = engine.takeaways({ limit: 20 }).filter((takeaway) => /cable stopped|haulage rope/.test(takeaway.text))
    expect(cable.length).toBeGreaterThan(0)
    for (const takeaway of cable) expect(takeaway.contested, takeaway.text).toBe(false)
  })

  it('marks a single source’s points contested too, with the other source’s side', () => {
    const herald = engine.takeaways({ sourceId: 'valley-herald', limit: 20 })
    const count = herald.find((takeaway) => takeaway.text.startsWith('Twenty passengers'))
    expect(count?.contested).toBe(true)
    expect(count?.sides?.[0]?.value).toBe('Twenty passengers')
    expect(count?.sides?.[1]?.sources.map((source) => source.id)).toEqual(['alpine-courier'])
  })
})

describe('takeaways of a museum theft whose sources give two days', () => {
  it('reads the two days as one contested point with both days and their sources', async () => {
    const { engine } = await loadCheckedEngine(fixtureDir('takeaways-museum-date'))
    const takeaways = engine.takeaways({ limit: 20 })
    const theft = takeaways.filter((takeaway) => /stole two paintings/.test(takeaway.text))
    expect(theft).toHaveLength(1)
    expect(theft[0]?.contested).toBe(true)
    expect(theft[0]?.sides?.map((side) => side.sources.map((source) => source.id))).toHaveLength(2)
    expectEverySideContested(takeaways, engine.disagreements())
    expect(takeaways.find((takeaway) => takeaway.text.includes('insured'))?.contested).toBe(false)
  })
})

describe('takeaways of a grounded ship whose sources call one person current and former harbour master', () => {
  it('marks the point giving the office contested, with the other source’s title, without counting that source as carrying it', async () => {
    const { engine } = await loadCheckedEngine(fixtureDir('takeaways-harbour-office'))
    const [office] = engine.disagreements()
    expect(office?.valueKind).toBe('office')
    const takeaways = engine.takeaways({ limit: 20 })
    const former = takeaways.find((takeaway) => takeaway.text.startsWith('Former harbour master'))
    expect(former?.contested).toBe(true)
    expect(former?.sides?.map((side) => side.value)).toEqual(['former harbour master', 'current harbour master'])
    expect(former?.sides?.[1]?.sources.map((source) => source.id)).toEqual(['port-news'])
    // A title is named in passing: the sentence of the other title says something else, and is not folded in.
    expect(former?.supportedBy).toEqual(['coast-daily'])
  })
})

describe('contested takeaways of a corpus of several stories', () => {
  let engine: Engine

  beforeAll(async () => {
    const articles = (await Promise.all(['takeaways-gondola-contest', 'takeaways-museum-date', 'takeaways-harbour-office'].map((name) => loadCorpusDir(fixtureDir(name))))).flat()
    engine = createCheckedEngine(articles, { synsets: await sharedSynsets() })
  })

  it('marks each story’s points by its own disagreements, as a corpus of that story alone does', () => {
    expect(engine.stories()).toHaveLength(3)
    for (const story of engine.stories()) {
      const takeaways = engine.takeaways({ storyId: story.id, limit: 20 })
      const disagreements = engine.disagreements({ storyId: story.id })
      expect(disagreements.length, story.id).toBeGreaterThan(0)
      expect(takeaways.some((takeaway) => takeaway.contested && takeaway.sides !== undefined), story.id).toBe(true)
      expectEverySideContested(takeaways, disagreements)
      for (const takeaway of takeaways) for (const side of takeaway.sides ?? []) for (const source of side.sources) expect(story.sources).toContain(source.id)
    }
  })

  it('marks the corpus-wide list by every story’s disagreements', () => {
    expectEverySideContested(engine.takeaways({ limit: 20 }), engine.disagreements())
  })
})
