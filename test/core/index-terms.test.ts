import { beforeAll, describe, expect, it } from 'vitest'
import { loadCorpusDir } from '../../adapters/load-corpus.js'
import { INDEX_STOP_WORDS, stem, tokenize } from '../../src/analyzer.js'
import { readArticle, type ArticleInput, type ArticleReading } from '../../src/index.js'
import { buildPostings } from '../../src/postings.js'
import { buildCorpusIndex, DEFAULT_INDEX_OPTIONS, type CorpusIndex } from '../../src/search.js'
import { BUNDLED_DIR, fixtureDir } from '../helpers/engine.js'

/** The index of `articles` built from the tallies their readings carry, as a reload on the build thread builds it. */
function indexFromTallies(articles: ArticleInput[], read: ArticleReading[]): CorpusIndex {
  const passages = read.flatMap((article) => article.passages)
  const features = read.flatMap((article) => article.readings.map((sentences) => sentences.map((reading) => reading.features)))
  return buildCorpusIndex(articles, passages, {}, [], features, read.flatMap((article) => article.terms ?? []))
}

describe('buildCorpusIndex from per-passage tallies', () => {
  const corpora: Array<{ name: string; articles: ArticleInput[]; read: ArticleReading[] }> = []
  beforeAll(async () => {
    for (const [name, dir] of [['bundled', BUNDLED_DIR], ['stories-mixed', fixtureDir('stories-mixed')]] as const) {
      const articles = await loadCorpusDir(dir)
      corpora.push({ name, articles, read: articles.map((article) => readArticle(article)) })
    }
  })

  it('builds the postings a pass over every token builds, term for term', () => {
    for (const { articles, read } of corpora) {
      const index = indexFromTallies(articles, read)
      const passages = read.flatMap((article) => article.passages)
      const termsOf = (text: string) => tokenize(text).flatMap((token) => (INDEX_STOP_WORDS.has(token.word) ? [] : [stem(token.word)]))
      const titles = new Map(articles.map((article) => [article.id, termsOf(article.title)]))
      const passagesOf = new Map<string, number>()
      for (const passage of passages) passagesOf.set(passage.sourceId, (passagesOf.get(passage.sourceId) ?? 0) + 1)
      const reference = buildPostings(
        passages.length,
        (doc) => {
          const passage = passages[doc]
          return { title: titles.get(passage?.sourceId ?? '') ?? [], text: termsOf(passage?.text ?? ''), titleShare: passagesOf.get(passage?.sourceId ?? '') ?? 1 }
        },
        DEFAULT_INDEX_OPTIONS,
      )
      expect(index.postings.termList).toEqual(reference.termList)
      expect(index.postings.fields).toEqual(reference.fields)
    }
  })

  it('counts the spelling vocabulary and document frequencies as reading each token in order does', () => {
    for (const { articles, read } of corpora) {
      const index = indexFromTallies(articles, read)
      const vocabulary = new Map<string, number>()
      const docFreq = new Map<string, number>()
      for (const article of articles) for (const token of tokenize(article.title)) vocabulary.set(token.word, (vocabulary.get(token.word) ?? 0) + 1)
      for (const passage of read.flatMap((article) => article.passages)) {
        const stems = new Set<string>()
        for (const token of tokenize(passage.text)) {
          vocabulary.set(token.word, (vocabulary.get(token.word) ?? 0) + 1)
          stems.add(stem(token.word))
        }
        for (const stemmed of stems) docFreq.set(stemmed, (docFreq.get(stemmed) ?? 0) + 1)
      }
      // In insertion order too: the speller and the snapshot read them in order.
      expect([...index.vocabulary]).toEqual([...vocabulary])
      expect([...index.docFreq]).toEqual([...docFreq])
    }
  })

  it('builds the same index without tallies (readings an older build kept), tokenising the texts itself', () => {
    const [{ articles, read }] = corpora as [(typeof corpora)[number]]
    const passages = read.flatMap((article) => article.passages)
    const features = read.flatMap((article) => article.readings.map((sentences) => sentences.map((reading) => reading.features)))
    const fromTexts = buildCorpusIndex(articles, passages, {}, [], features)
    const fromTallies = indexFromTallies(articles, read)
    expect(fromTexts.postings.fields).toEqual(fromTallies.postings.fields)
    expect([...fromTexts.vocabulary]).toEqual([...fromTallies.vocabulary])
  })
})
