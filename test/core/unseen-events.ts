import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'
import { createEngine, parseArticleFile, type ArticleInput, type Engine } from '../../src/index.js'

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url))

/** A held-out fixture's `compare.json`: what the questions should show. */
export interface UnseenLabels {
  conflicts: Array<{ question: string; values: string[] }>
  agreements: string[]
  /** The values of each disagreement `npm run disagreements` lists, corpus-wide. */
  corpusWide?: string[][]
}

/** Held-out events (fixture folders) read as one corpus, with each article's event. */
export interface UnseenEvents {
  events: Array<{ name: string; articles: ArticleInput[]; labels: UnseenLabels }>
  together: Engine
  texts: Map<string, string>
  eventOf: Map<string, string>
}

export function loadUnseenEvents(names: string[]): UnseenEvents {
  const events = names.map((name) => {
    const dir = join(FIXTURES, name)
    const articles: ArticleInput[] = readdirSync(dir)
      .filter((file) => file.endsWith('.md'))
      .sort()
      .map((file) => parseArticleFile(file, readFileSync(join(dir, file), 'utf8')))
    return { name, articles, labels: JSON.parse(readFileSync(join(dir, 'compare.json'), 'utf8')) as UnseenLabels }
  })
  const articles = events.flatMap((event) => event.articles)
  return {
    events,
    together: createEngine(articles),
    texts: new Map(articles.map((article) => [article.id, article.text])),
    eventOf: new Map(events.flatMap((event) => event.articles.map((article) => [article.id, event.name] as const))),
  }
}

/** The checks every held-out set gets: one story per event, each planted conflict quoted from its event, no disagreement where the sources agree. */
export function itComparesUnseenEvents({ events, together, texts, eventOf }: UnseenEvents): void {
  it('finds one story per event', () => {
    const stories = together.stories().map((story) => new Set(story.sources.map((id) => eventOf.get(id))))
    expect(stories).toHaveLength(events.length)
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
}

/** Every disagreement `npm run disagreements` lists is within one event and quoted verbatim, and they are exactly the fixtures' `corpusWide` sides. */
export function itListsCorpusWideExactly({ events, together, texts, eventOf }: UnseenEvents): void {
  it('lists corpus-wide exactly the planted conflicts it finds, each within one event, quoted verbatim', () => {
    const listed = together.disagreements()
    for (const disagreement of listed) {
      expect(new Set(disagreement.claims.map((claim) => eventOf.get(claim.source.id))).size).toBe(1)
      for (const claim of disagreement.claims) expect(texts.get(claim.source.id)).toContain(claim.text)
    }
    const values = listed.map((disagreement) => [...new Set(disagreement.claims.map((claim) => claim.value))].sort())
    expect(values.sort()).toEqual(events.flatMap((event) => (event.labels.corpusWide ?? []).map((sides) => [...sides].sort())).sort())
  })
}
