import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ArticleInput, Engine } from '../../src/index.js'
import { createCheckedEngine, fixtureDir, sharedSynsets } from '../helpers/engine.js'
import { loadCorpusDir } from '../../adapters/load-corpus.js'

describe('ask, for any string at all', () => {
  let engine: Engine
  let articles: ArticleInput[]
  beforeAll(async () => {
    articles = await loadCorpusDir(fixtureDir('harbor-bridge'))
    engine = createCheckedEngine(articles, { synsets: await sharedSynsets() })
  })

  it('never throws, returns a valid status, and quotes only verbatim text', () => {
    const words = fc.constantFrom('bridge', 'cables', 'Monday', 'repair', 'cost', 'toll', 'how', 'what', 'who', 'the', '?', '<b>', '@everyone', '\u0000', 'ü', '🙂')
    const question = fc.oneof(
      fc.string({ maxLength: 1200 }),
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.array(words, { maxLength: 12 }).map((parts) => parts.join(' ')),
    )
    fc.assert(
      fc.property(question, (text) => {
        const answer = engine.ask(text)
        expect(['answered', 'no_answer', 'invalid']).toContain(answer.status)
      }),
      { numRuns: 300 },
    )
  })
})
