import { beforeAll, describe, expect, it } from 'vitest'
import type { ArticleInput, Engine } from '../../src/index.js'
import { createCheckedEngine, sharedSynsets } from '../helpers/engine.js'

/** An invented school closure: the article says "pupils", never the question's "schoolchildren". */
const ARTICLES: ArticleInput[] = [
  {
    id: 'elmwood-echo',
    title: 'Elmwood Primary shut after boiler fault',
    outlet: 'Elmwood Echo',
    published: '2031-02-04',
    url: 'https://example.org/elmwood-boiler',
    text: [
      'Elmwood Primary closed on Monday after engineers found a fault in its boiler.',
      'Pupils were sent home at ten and told to bring their reading books back on Thursday.',
      'The chair of the governors, Alan Reece, said the boiler would be replaced over half term.',
    ].join('\n\n'),
  },
]

describe('ask with a plural compound the lemmatiser leaves as it is', () => {
  let engine: Engine

  beforeAll(async () => {
    engine = createCheckedEngine(ARTICLES, { synsets: await sharedSynsets() })
  }, 180_000)

  it('reads "schoolchildren" as "schoolchild", whose thesaurus link is the article\'s "pupils"', () => {
    const answer = engine.ask('When were the schoolchildren sent home?')
    expect(answer.status).toBe('answered')
    expect(answer.quotes[0]?.text).toContain('Pupils were sent home')
  })

  it('keeps a word that only ends like a plural ("specimen") as it is asked', () => {
    expect(engine.ask('Which specimen was sent to the lab?').status).toBe('no_answer')
  })
})
