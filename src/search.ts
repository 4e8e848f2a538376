import MiniSearch, { type SearchResult as MiniSearchResult } from 'minisearch'
import { processTerm, stem, tokenize, tokenizeToWords } from './analyzer.js'
import { findEntities, getNlp } from './nlp.js'
import { createSpeller, type Speller } from './spelling.js'
import { relatedStems, type Synsets } from './thesaurus.js'
import type { ArticleInput, Passage, SearchOptions, SearchResult, Source } from './types.js'

/**
 * BM25 settings and field weights, in one place. minisearch's BM25+ with `k` (term-frequency
 * saturation), `b` (length normalisation) and `d` (a floor for any match).
 */
export interface IndexOptions {
  /** Term-frequency saturation. Defaults to `1.2` (minisearch's and Lucene's default). */
  k?: number
  /** Length normalisation: 0 ignores passage length, 1 normalises fully. Defaults to `0.7`. */
  b?: number
  /** BM25+ lower bound for a matching term. Defaults to `0.5`. */
  d?: number
  /** Weight of a match in the article's title over a match in the passage. Defaults to `1.5`. */
  titleBoost?: number
}

export const DEFAULT_INDEX_OPTIONS: Required<IndexOptions> = { k: 1.2, b: 0.7, d: 0.5, titleBoost: 1.5 }

/** Bit flags for what a sentence contains, used to match a question's expected answer type. */
export const FEATURE = {
  duration: 1,
  date: 2,
  count: 4,
  money: 8,
  percent: 16,
  time: 32,
  properNoun: 64,
  ordinal: 128,
} as const

export type FeatureName = keyof typeof FEATURE

const ENTITY_FEATURES: Record<string, number> = {
  DURATION: FEATURE.duration,
  DATE: FEATURE.date,
  CARDINAL: FEATURE.count,
  MONEY: FEATURE.money,
  PERCENT: FEATURE.percent,
  TIME: FEATURE.time,
  ORDINAL: FEATURE.ordinal,
}

/** The searchable corpus: articles, passages, the minisearch index and term statistics. */
export interface CorpusIndex {
  options: Required<IndexOptions>
  sources: Source[]
  sourceById: Map<string, Source>
  textById: Map<string, string>
  passages: Passage[]
  passageById: Map<string, Passage>
  /** Per passage id, per sentence: `FEATURE` bits. */
  sentenceFeatures: Map<string, number[]>
  mini: MiniSearch<IndexedPassage>
  /** In how many passages each stem occurs. */
  docFreq: Map<string, number>
  /** Every surface word of the corpus with its count, for spelling correction. */
  vocabulary: Map<string, number>
  speller: Speller
  /** Synonyms from the thesaurus that occur in the corpus, by stem. */
  related: Map<string, string[]>
  /** Every corpus stem, sorted, for finding the stems that extend a question's stem. */
  sortedStems: string[]
  /** Stems of words, memoised: stemming is the costliest step of answering. */
  stemCache: Map<string, string>
  /** Per passage id: the distinct stems of each sentence, computed on first use. */
  sentenceStemCache: Map<string, Array<Set<string>>>
}

/** Caches stop growing past this many entries, so a huge corpus cannot exhaust memory through them. */
const MAX_CACHE_ENTRIES = 200_000

/** Stem of a lower-cased word, through the index's cache. */
export function stemOf(index: CorpusIndex, word: string): string {
  let stemmed = index.stemCache.get(word)
  if (stemmed === undefined) {
    stemmed = stem(word)
    if (index.stemCache.size < MAX_CACHE_ENTRIES) index.stemCache.set(word, stemmed)
  }
  return stemmed
}

/** The distinct stems of `text`. */
export function stemsOf(index: CorpusIndex, text: string): Set<string> {
  const stems = new Set<string>()
  for (const token of tokenize(text)) stems.add(stemOf(index, token.word))
  return stems
}

/** The distinct stems of each sentence of `passage`, cached. */
export function sentenceStems(index: CorpusIndex, passage: Passage): Array<Set<string>> {
  let cached = index.sentenceStemCache.get(passage.id)
  if (!cached) {
    cached = passage.sentences.map((sentence) => stemsOf(index, passage.text.slice(sentence.start - passage.start, sentence.end - passage.start)))
    if (index.sentenceStemCache.size >= MAX_CACHE_ENTRIES) index.sentenceStemCache.clear()
    index.sentenceStemCache.set(passage.id, cached)
  }
  return cached
}

interface IndexedPassage {
  id: string
  title: string
  text: string
}

/** Builds the index over passages already split from `articles`. `synsets` feed query expansion. */
export function buildCorpusIndex(articles: ArticleInput[], passages: Passage[], options: IndexOptions = {}, synsets: Synsets = []): CorpusIndex {
  const settings = { ...DEFAULT_INDEX_OPTIONS, ...options }
  const sources = articles.map(toSource)
  const sourceById = new Map(sources.map((source) => [source.id, source]))
  const titleById = new Map(articles.map((article) => [article.id, article.title]))
  const mini = new MiniSearch<IndexedPassage>({
    fields: ['title', 'text'],
    tokenize: tokenizeToWords,
    processTerm,
    searchOptions: { bm25: { k: settings.k, b: settings.b, d: settings.d }, boost: { title: settings.titleBoost } },
  })
  mini.addAll(passages.map((passage) => ({ id: passage.id, title: titleById.get(passage.sourceId) ?? '', text: passage.text })))

  const docFreq = new Map<string, number>()
  const vocabulary = new Map<string, number>()
  for (const passage of passages) {
    const seen = new Set<string>()
    for (const token of tokenize(passage.text)) {
      vocabulary.set(token.word, (vocabulary.get(token.word) ?? 0) + 1)
      seen.add(stem(token.word))
    }
    for (const term of seen) docFreq.set(term, (docFreq.get(term) ?? 0) + 1)
  }
  for (const article of articles) {
    for (const token of tokenize(article.title)) vocabulary.set(token.word, (vocabulary.get(token.word) ?? 0) + 1)
  }

  return {
    options: settings,
    sources,
    sourceById,
    textById: new Map(articles.map((article) => [article.id, article.text])),
    passages,
    passageById: new Map(passages.map((passage) => [passage.id, passage])),
    sentenceFeatures: new Map(passages.map((passage) => [passage.id, passage.sentences.map((sentence) => featuresOf(passage, sentence))])),
    mini,
    docFreq,
    vocabulary,
    speller: createSpeller(vocabulary),
    related: relatedStems(synsets, new Set(docFreq.keys())),
    sortedStems: [...docFreq.keys()].sort(),
    stemCache: new Map(),
    sentenceStemCache: new Map(),
  }
}

function toSource(article: ArticleInput): Source {
  const { text: _text, ...source } = article
  return source
}

function featuresOf(passage: Passage, sentence: { start: number; end: number }): number {
  const text = passage.text.slice(sentence.start - passage.start, sentence.end - passage.start)
  let bits = 0
  for (const entity of findEntities(text)) bits |= ENTITY_FEATURES[entity.type] ?? 0
  if (hasProperNoun(text)) bits |= FEATURE.properNoun
  return bits
}

function hasProperNoun(text: string): boolean {
  const nlp = getNlp()
  const doc = nlp.readDoc(text)
  const tags = doc.tokens().out(nlp.its.pos) as string[]
  // The first word of a sentence is capitalised anyway, so it does not count.
  return tags.slice(1).some((tag) => tag === 'PROPN')
}

/** Inverse document frequency of a stem over passages (BM25's form); unknown stems get the largest. */
export function idf(index: CorpusIndex, term: string): number {
  const n = index.passages.length
  const df = index.docFreq.get(term) ?? 0
  return Math.log(1 + (n - df + 0.5) / (df + 0.5))
}

/** A query stem with the weight it carries in the BM25 query. */
export interface WeightedTerm {
  /** An analysed term (a stem), as stored in the index. */
  term: string
  weight: number
}

/** Ranks passages for weighted, already analysed query terms with BM25 (minisearch), best first. */
export function rankPassages(
  index: CorpusIndex,
  terms: WeightedTerm[],
  options: { limit: number; sourceId?: string },
): Array<{ passage: Passage; score: number }> {
  const weightByTerm = new Map<string, number>()
  for (const { term, weight } of terms) weightByTerm.set(term, Math.max(weightByTerm.get(term) ?? 0, weight))
  if (weightByTerm.size === 0) return []
  const prefix = options.sourceId === undefined ? undefined : `${options.sourceId}#`
  const results = index.mini.search([...weightByTerm.keys()].join(' '), {
    // The terms are stems already: split and keep them as they are.
    tokenize: (query) => query.split(' '),
    processTerm: (term) => term,
    boostTerm: (term) => weightByTerm.get(term) ?? 1,
    ...(prefix ? { filter: (result: MiniSearchResult) => String(result.id).startsWith(prefix) } : {}),
  })
  const ranked: Array<{ passage: Passage; score: number }> = []
  for (const result of results) {
    const passage = index.passageById.get(String(result.id))
    if (passage) ranked.push({ passage, score: result.score })
    if (ranked.length >= options.limit) break
  }
  return ranked
}

/** The raw retrieval under `ask`: passages for a free-text query, best first. */
export function searchPassages(index: CorpusIndex, query: string, options: SearchOptions = {}): SearchResult[] {
  const limit = options.limit ?? 10
  const terms: WeightedTerm[] = []
  for (const token of tokenize(query)) {
    const term = processTerm(token.word)
    if (term) terms.push({ term, weight: 1 })
  }
  return rankPassages(index, terms, { limit, ...(options.sourceId ? { sourceId: options.sourceId } : {}) }).map(({ passage, score }) => ({
    passageId: passage.id,
    sourceId: passage.sourceId,
    score,
    text: passage.text,
  }))
}
