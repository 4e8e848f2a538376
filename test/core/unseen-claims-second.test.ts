import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createEngine, parseArticleFile, type ArticleInput } from '../../src/index.js'

/**
 * A second held-out set, written before the code that finds its conflicts (test/fixtures/
 * compare-hospital, compare-marathon, compare-mine): a ransomware attack on a hospital, a marathon
 * and a mine collapse, with conflicts of every kind issue 13 lists and its false-alarm traps (a total
 * and its subtotal, a range holding a value, rounding, a figure quoted to be denied, one post held by
 * two people at different times, speculation, a date of another verb). Read as one corpus. The
 * conflicts still missed and the questions that still raise a false alarm are listed in each
 * fixture's `compare.json` (`missed`, `falseAlarms`) and not asserted here.
 */
const EVENTS = ['compare-hospital', 'compare-marathon', 'compare-mine']
const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url))

interface Labels {
  conflicts: Array<{ question: string; values: string[] }>
  agreements: string[]
  /** The values of each disagreement `npm run disagreements` lists, corpus-wide. */
  corpusWide: string[][]
}

const events = EVENTS.map((name) => {
  const dir = join(FIXTURES, name)
  const articles: ArticleInput[] = readdirSync(dir)
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => parseArticleFile(file, readFileSync(join(dir, file), 'utf8')))
  return { name, articles, labels: JSON.parse(readFileSync(join(dir, 'compare.json'), 'utf8')) as Labels }
})
const articles = events.flatMap((event) => event.articles)
const together = createEngine(articles)
const texts = new Map(articles.map((article) => [article.id, article.text]))
const eventOf = new Map(events.flatMap((event) => event.articles.map((article) => [article.id, event.name] as const)))

describe('disagreements on three more unseen events read as one corpus', () => {
  it('finds three stories, one per event', () => {
    const stories = together.stories().map((story) => new Set(story.sources.map((id) => eventOf.get(id))))
    expect(stories).toHaveLength(3)
    expect(stories.every((story) => story.size === 1)).toBe(true)
  })

  const conflicts = events.flatMap((event) => event.labels.conflicts.map((conflict) => [event.name, conflict.question, conflict.values] as const))
  it.each(conflicts)('%s: "%s" quotes both sides verbatim, from that event only', (name, question, values) => {
    const claims = together.ask(question).disagreements.flatMap((disagreement) => disagreement.claims)
    for (const value of values) expect(claims.some((claim) => `${claim.value} ${claim.text}`.includes(value)), value).toBe(true)
    for (const claim of claims) {
      expect(texts.get(claim.source.id)).toContain(claim.text)
      expect(eventOf.get(claim.source.id)).toBe(name)
    }
  })

  const agreements = events.flatMap((event) => event.labels.agreements.map((question) => [event.name, question] as const))
  it.each(agreements)('%s: "%s" raises no disagreement of any kind', (_name, question) => {
    expect(together.ask(question).disagreements.map((disagreement) => disagreement.claims.map((claim) => claim.value))).toEqual([])
  })

  it('lists corpus-wide exactly the planted conflicts it finds, each within one event, quoted verbatim', () => {
    const listed = together.disagreements()
    for (const disagreement of listed) {
      expect(new Set(disagreement.claims.map((claim) => eventOf.get(claim.source.id))).size).toBe(1)
      for (const claim of disagreement.claims) expect(texts.get(claim.source.id)).toContain(claim.text)
    }
    const values = listed.map((disagreement) => [...new Set(disagreement.claims.map((claim) => claim.value))].sort())
    expect(values.sort()).toEqual(events.flatMap((event) => event.labels.corpusWide.map((sides) => [...sides].sort())).sort())
  })

  it('reads a former holder and an acting one corpus-wide, but not a post someone held until a date', () => {
    const offices = together.disagreements().filter((disagreement) => disagreement.valueKind === 'office')
    expect(offices.map((disagreement) => disagreement.topic).sort()).toEqual(['whether Clara Voss is mines minister', 'whether Marion Pell is chief executive', 'whether Piet Lund is mayor'])
  })
})
