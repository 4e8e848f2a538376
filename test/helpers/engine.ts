import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'
import { loadCorpusDir } from '../../adapters/load-corpus.js'
import { loadWordNetSynsets } from '../../adapters/wordnet.js'
import { createEngine, DEFAULT_ANSWER_OPTIONS, type Answer, type ArticleInput, type Engine, type EngineOptions } from '../../src/index.js'

export const BUNDLED_DIR = fileURLToPath(new URL('../../corpus/', import.meta.url))
export const fixtureDir = (name: string) => fileURLToPath(new URL(`../fixtures/${name}/`, import.meta.url))

let synsets: Promise<string[][]> | undefined
/** WordNet synonym lists, read once per test file. */
export function sharedSynsets(): Promise<string[][]> {
  synsets ??= loadWordNetSynsets()
  return synsets
}

/**
 * Asserts what every answer must satisfy, whatever the question: each quote (and each side of a
 * disagreement) is a verbatim substring of its source's text, quotes stay within the longest quote,
 * and highlights fall inside the quote.
 */
export function expectWellFormed(answer: Answer, articles: ArticleInput[]): void {
  const textOf = new Map(articles.map((article) => [article.id, article.text]))
  expect(['answered', 'no_answer', 'invalid']).toContain(answer.status)
  if (answer.status !== 'answered') {
    expect(answer.quotes).toEqual([])
    expect(typeof answer.message).toBe('string')
  }
  for (const quote of answer.quotes) {
    expect(textOf.get(quote.source.id), `quote from unknown source ${quote.source.id}`).toBeDefined()
    expect(textOf.get(quote.source.id)).toContain(quote.text)
    // One sentence is clipped to `maxSentenceChars`; a sentence and a neighbour that matches too may reach `maxPairChars`.
    expect(quote.text.length).toBeLessThanOrEqual(Math.max(DEFAULT_ANSWER_OPTIONS.maxQuoteChars, DEFAULT_ANSWER_OPTIONS.maxPairChars, DEFAULT_ANSWER_OPTIONS.maxSentenceChars))
    expect(quote.text.trim()).toBe(quote.text)
    for (const [start, end] of quote.highlights) {
      expect(start).toBeGreaterThanOrEqual(0)
      expect(end).toBeLessThanOrEqual(quote.text.length)
      expect(start).toBeLessThan(end)
    }
  }
  for (const disagreement of answer.disagreements) {
    for (const claim of disagreement.claims) expect(textOf.get(claim.source.id)).toContain(claim.text)
  }
}

/**
 * An engine whose every answer is checked by `expectWellFormed`, so no test can produce a quote
 * that is not verbatim without failing.
 */
export function createCheckedEngine(articles: ArticleInput[], options: EngineOptions = {}): Engine {
  const engine = createEngine(articles, options)
  return {
    ...engine,
    ask(question, askOptions) {
      const answer = engine.ask(question, askOptions)
      expectWellFormed(answer, articles)
      return answer
    },
    takeaways(takeawayOptions) {
      const takeaways = engine.takeaways(takeawayOptions)
      const textOf = new Map(articles.map((article) => [article.id, article.text]))
      for (const takeaway of takeaways) expect(textOf.get(takeaway.source.id)).toContain(takeaway.text)
      return takeaways
    },
  }
}

/** Loads a corpus folder and builds a checked engine over it, with WordNet expansion as in production. */
export async function loadCheckedEngine(dir: string): Promise<{ engine: Engine; articles: ArticleInput[] }> {
  const articles = await loadCorpusDir(dir)
  return { engine: createCheckedEngine(articles, { synsets: await sharedSynsets() }), articles }
}
