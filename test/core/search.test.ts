import { describe, expect, it } from 'vitest'
import { buildPostings, searchPostings, type DocumentTerms } from '../../src/postings.js'
import { createEngine } from '../../src/index.js'

const docs = (texts: string[], titles: string[] = []): ((doc: number) => DocumentTerms) => (doc) => ({
  title: (titles[doc] ?? '').split(' ').filter(Boolean),
  text: (texts[doc] ?? '').split(' ').filter(Boolean),
})

/** A seeded generator, so the random corpus is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
}

describe('searchPostings', () => {
  it('ranks the document with the rarer query term first', () => {
    const postings = buildPostings(3, docs(['bridge opens', 'bridge closes', 'ferry closes today']))
    const ranked = searchPostings(postings, [{ term: 'bridge', weight: 1 }, { term: 'ferry', weight: 1 }], 10)
    expect(ranked.map((hit) => hit.doc)).toEqual([2, 0, 1])
  })

  it('returns at most `limit` documents, and equal scores in document order', () => {
    const postings = buildPostings(4, docs(['vote', 'vote', 'vote', 'count']))
    expect(searchPostings(postings, [{ term: 'vote', weight: 1 }], 2).map((hit) => hit.doc)).toEqual([0, 1])
  })

  it('weighs a query term by its weight and ignores unknown terms', () => {
    const postings = buildPostings(2, docs(['mayor speech', 'council speech']))
    const ranked = searchPostings(postings, [{ term: 'mayor', weight: 0.2 }, { term: 'council', weight: 1 }, { term: 'nowhere', weight: 5 }], 10)
    expect(ranked.map((hit) => hit.doc)).toEqual([1, 0])
  })

  it('counts a title word as a body word', () => {
    const postings = buildPostings(2, docs(['budget plan', 'budget plan'], ['', 'harbor']))
    expect(searchPostings(postings, [{ term: 'harbor', weight: 1 }], 10).map((hit) => hit.doc)).toEqual([1])
  })

  it('keeps only the documents of the group a filter names', () => {
    const postings = buildPostings(3, docs(['storm', 'storm', 'storm']))
    const groups = Uint32Array.from([0, 1, 1])
    expect(searchPostings(postings, [{ term: 'storm', weight: 1 }], 10, { groups, group: 1 }).map((hit) => hit.doc)).toEqual([1, 2])
  })

  it('gives the same top results with early termination as scoring every document', () => {
    const random = seeded(7)
    const vocabulary = Array.from({ length: 60 }, (_, i) => `w${i}`)
    // Skewed frequencies, as in text: a few words in most documents, most words rare.
    const word = () => vocabulary[Math.floor(vocabulary.length * random() ** 3)] as string
    const texts = Array.from({ length: 3000 }, () => Array.from({ length: 5 + Math.floor(random() * 40) }, word).join(' '))
    const postings = buildPostings(texts.length, docs(texts))
    for (let q = 0; q < 50; q++) {
      const query = Array.from({ length: 2 + Math.floor(random() * 8) }, () => ({ term: word(), weight: 0.3 + random() }))
      const everything = searchPostings(postings, query, texts.length)
      expect(searchPostings(postings, query, 10)).toEqual(everything.slice(0, 10))
    }
  })
})

describe('engine.search', () => {
  const engine = createEngine([
    { id: 'harbor', title: 'Harbor bridge reopens', text: 'The harbor bridge reopened on Monday after repairs.\n\nTraffic was light.' },
    { id: 'council', title: 'Council vote', text: 'The council voted on the bridge budget.\n\nThe mayor spoke.' },
  ])

  it('finds passages by stem, best first, with their source', () => {
    const results = engine.search('bridges reopening')
    expect(results[0]).toMatchObject({ passageId: 'harbor#1', sourceId: 'harbor' })
    expect(results.map((result) => result.sourceId)).toContain('council')
  })

  it('searches one source when asked to', () => {
    expect(engine.search('bridge', { sourceId: 'council' }).map((result) => result.sourceId)).toEqual(['council'])
  })

  it('returns nothing rather than throwing for stop words only', () => {
    expect(engine.search('the and of')).toEqual([])
  })
})
