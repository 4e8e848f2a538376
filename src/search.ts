import { INDEX_STOP_WORDS, processTerm, QUESTION_STOP_WORDS, stem, tokenize } from './analyzer.js'
import { cachedStem, passageTerms, type PassageTerms } from './index-terms.js'
import { readSentenceText } from './reading.js'
import { buildPassageTable, buildTextStore, createTextReader, featuresOfPassage, findPassage, parsePassageId, sentencesOfPassage, type PassageTable, type TextStore } from './passage-table.js'
import { sentenceText } from './passages.js'
import { buildPostings, searchPostings, type Postings, type BM25Options } from './postings.js'
import { findNearMisses, findWordsNear } from './near-misses.js'
import { createSpeller, type Speller } from './spelling.js'
import { prepareRelatedStems, relatedStems, type Synsets } from './thesaurus.js'
import type { ArticleInput, Passage, SearchOptions, SearchResult, Source } from './types.js'
import { stemNumberOf } from './stem-numbers.js'

/** Made once: the build's TypeScript loader turns a `\p{…}` literal into `new RegExp(…)` wherever it stands, so one inside a function made a regex per call. */
const LOWER_CASE_WORD = /^\p{Ll}+$/u

/**
 * BM25 settings and field weights, in one place. Chosen on SciFact's training queries
 * (`npm run bench:quality -- --tune`) among the settings that keep the bundled question set as good
 * as it was. The title is merged into each passage (BM25F), but spread over the passages that share
 * it: a news article's one title over some twenty passages would otherwise lift all of them, and
 * questions like "how lnog were the negotations" lose their answer.
 */
export type IndexOptions = BM25Options

/**
 * The bot's BM25 settings, which differ from the textbook ones in `DEFAULT_BM25_OPTIONS`: `k` 1.8,
 * `b` 0.75, no BM25+ floor (it hurt on SciFact), the title merged into each passage weighted 2 and
 * divided by (passages of its article)^0.75, document frequencies over the passage text alone
 * (a title repeated on every passage would make its words look common), length in tokens.
 *
 * Chosen on SciFact's training judgments alone (`qrels/train.tsv`, 809 queries; grid over `k`,
 * `b`, `titleBoost`, `titleSpread` and the title modes) as the best train nDCG@10 among settings
 * that keep the bundled question set at 29 of 30 answered and 7 of 7 declined: train nDCG@10 0.695
 * (was 0.690 with the separate title field, `k` 1.2, `b` 0.9, title ×0.4); measured once on the
 * test judgments afterwards: 0.695 (was 0.683), Recall@100 0.934 (was 0.937).
 */
export const DEFAULT_INDEX_OPTIONS: Required<IndexOptions> = { k: 1.8, b: 0.75, d: 0, titleBoost: 2, fields: 'merged', idfFrom: 'text', length: 'tokens', titleSpread: 0.75 }

export { FEATURE, type FeatureName } from './reading.js'

/** The searchable corpus: articles, passages, the BM25 postings and term statistics. */
export interface CorpusIndex {
  options: Required<IndexOptions>
  sources: Source[]
  sourceById: Map<string, Source>
  /** Per source id: its number in `sources`. */
  sourceNumber: Map<string, number>
  /** The article texts, by source number (see `articleText`). */
  texts: TextStore
  /** Reads a source's text from `texts`, keeping the last few decoded. */
  readText: (sourceNumber: number) => string
  /** The passages (see `passageAt`, `passageById`, `allPassages`), numbered as in `postings`. */
  table: PassageTable
  passageCount: number
  /** BM25 postings over passages (title and text), documents numbered as in `passages`. */
  postings: Postings
  /** In how many passages each stem occurs. */
  docFreq: Map<string, number>
  /** Every surface word of the corpus with its count, for spelling correction. */
  vocabulary: Map<string, number>
  speller: Speller
  /** Synonyms from the thesaurus that occur in the corpus, by stem. */
  related: Map<string, string[]>
  /**
   * English words (from the thesaurus) that are not in the corpus but one edit from a corpus word:
   * "joke" next to "joe". Asked, they are real words the corpus lacks, not typos to correct.
   */
  nearMisses: Set<string>
  /** Every corpus stem, sorted, for finding the stems that extend a question's stem. */
  sortedStems: string[]
  /** Passage objects by number, made on first use (see `passageAt`). */
  passageObjects: Map<number, Passage>
  /** Stems of words, memoised: stemming is the costliest step of answering. */
  stemCache: Map<string, string>
  /** Per passage id: the distinct stems of each sentence, computed on first use. */
  sentenceStemCache: Map<string, PassageStems>
  /** Per quoted text: its tokens' offsets and stems, for highlighting; quotes recur across questions. */
  tokenStemCache: Map<string, StemmedTokens>
}

/** The word tokens of a text as parallel arrays: offsets into the text and stems. */
export interface StemmedTokens {
  /** `[start, end)` of token `i` at `2i` and `2i + 1`. */
  spans: Uint32Array
  stems: string[]
  /** Each token's stem as its `stemNumberOf` number: a look-up in a table rather than a `Map` of strings. */
  stemNumbers: Int32Array
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

/**
 * The stems of `text`'s tokens in order, as `stemmedTokens` gives them, without keeping the text: for
 * a question, which would only churn a cache meant for the sentences quoted again and again.
 */
export function tokenStems(index: CorpusIndex, text: string): string[] {
  return tokenize(text).map((token) => stemOf(index, token.word))
}

/** Texts whose tokens `stemmedTokens` keeps: quotes are a sentence or two, and a chat reply shows few. */
const MAX_TOKEN_CACHE_ENTRIES = 10_000

/** The tokens of `text` with their stems, cached by text: the same sentences are quoted again and again. */
export function stemmedTokens(index: CorpusIndex, text: string): StemmedTokens {
  let cached = index.tokenStemCache.get(text)
  if (!cached) {
    const tokens = tokenize(text)
    const spans = new Uint32Array(tokens.length * 2)
    const stems: string[] = []
    const numbers = new Int32Array(tokens.length)
    tokens.forEach((token, i) => {
      spans[2 * i] = token.start
      spans[2 * i + 1] = token.end
      const stem = stemOf(index, token.word)
      stems.push(stem)
      numbers[i] = stemNumberOf(stem)
    })
    cached = { spans, stems, stemNumbers: numbers }
    if (index.tokenStemCache.size >= MAX_TOKEN_CACHE_ENTRIES) index.tokenStemCache.clear()
    index.tokenStemCache.set(text, cached)
  }
  return cached
}

/** The stems of a passage's sentences, two ways round. */
export interface PassageStems {
  /** The distinct stems of each sentence. */
  bySentence: Array<Set<string>>
  /**
   * Per stem, the sentences that hold it as bits (sentence `i` is bit `i`), so that a question's
   * stems are looked up once per passage rather than once per sentence. Absent for a passage of
   * more than `MAX_MASKED_SENTENCES` sentences.
   */
  sentencesWith?: Map<string, number>
}

/** Most sentences a bit mask in `PassageStems.sentencesWith` can stand for. */
export const MAX_MASKED_SENTENCES = 31

/** The distinct stems of each sentence of `passage`, cached. */
export function sentenceStems(index: CorpusIndex, passage: Passage): Array<Set<string>> {
  return passageStems(index, passage).bySentence
}

/** The stems of `passage`'s sentences, by sentence and by stem, cached. */
export function passageStems(index: CorpusIndex, passage: Passage): PassageStems {
  let cached = index.sentenceStemCache.get(passage.id)
  if (!cached) {
    const bySentence = passage.sentences.map((sentence) => stemsOf(index, sentenceText(passage, sentence)))
    cached = { bySentence }
    if (bySentence.length <= MAX_MASKED_SENTENCES) {
      const sentencesWith = new Map<string, number>()
      bySentence.forEach((stems, i) => {
        for (const stem of stems) sentencesWith.set(stem, (sentencesWith.get(stem) ?? 0) | (1 << i))
      })
      cached.sentencesWith = sentencesWith
    }
    if (index.sentenceStemCache.size >= MAX_CACHE_ENTRIES) index.sentenceStemCache.clear()
    index.sentenceStemCache.set(passage.id, cached)
  }
  return cached
}

/** What a corpus index is made of, before the caches and lookups derived from it. */
export interface CorpusIndexParts {
  options: Required<IndexOptions>
  sources: Source[]
  texts: TextStore
  /** The passages and their sentences' `FEATURE` bits. */
  table: PassageTable
  docFreq: Map<string, number>
  vocabulary: Map<string, number>
  related: Map<string, string[]>
  nearMisses: Set<string>
  postings: Postings
}

/** The terms the index stores for `text`: words less the index stop words, stemmed (as `processTerm`). */
export function analyzeForIndex(text: string): string[] {
  const terms: string[] = []
  for (const token of tokenize(text)) {
    const term = processTerm(token.word)
    if (term) terms.push(term)
  }
  return terms
}

/**
 * Builds the index over passages already split from `articles`. `synsets` feed query expansion.
 * `sentenceFeatures` (per passage, per sentence) skips the NLP pass that finds them, for callers
 * that have them already; by default wink-nlp reads every sentence. `termsOfPassages` (per passage,
 * `passageTerms` of it, as `readArticle` gives them) skips tokenising and stemming the texts again.
 */
export function buildCorpusIndex(
  articles: ArticleInput[],
  passages: Passage[],
  options: IndexOptions = {},
  synsets: Synsets = [],
  sentenceFeatures?: number[][],
  termsOfPassages?: readonly PassageTerms[],
): CorpusIndex {
  const settings = { ...DEFAULT_INDEX_OPTIONS, ...options }
  const docFreq = new Map<string, number>()
  const vocabulary = new Map<string, number>()
  const titleTerms = new Map<string, string[]>()
  for (const article of articles) {
    const terms: string[] = []
    for (const token of tokenize(article.title)) {
      vocabulary.set(token.word, (vocabulary.get(token.word) ?? 0) + 1)
      if (!INDEX_STOP_WORDS.has(token.word)) terms.push(cachedStem(token.word))
    }
    titleTerms.set(article.id, terms)
  }
  const passageCounts = new Map<string, number>()
  for (const passage of passages) passageCounts.set(passage.sourceId, (passageCounts.get(passage.sourceId) ?? 0) + 1)
  const postings = buildPostings(
    passages.length,
    (doc) => {
      const passage = passages[doc] as Passage
      // Merging the passage's tallies gives what reading its tokens in order would: same counts, same first occurrences.
      const { terms, counts, stems, words, wordCounts } = termsOfPassages?.[doc] ?? passageTerms(passage)
      words.forEach((word, i) => vocabulary.set(word, (vocabulary.get(word) ?? 0) + (wordCounts[i] as number)))
      for (const term of stems) docFreq.set(term, (docFreq.get(term) ?? 0) + 1)
      return { title: titleTerms.get(passage.sourceId) ?? [], text: terms, textCounts: counts, titleShare: passageCounts.get(passage.sourceId) ?? 1 }
    },
    settings,
  )
  return assembleCorpusIndex({
    options: settings,
    sources: articles.map(toSource),
    texts: buildTextStore(articles.map((article) => article.text)),
    table: buildPassageTable(
      passages,
      new Map(articles.map((article, i) => [article.id, i])),
      sentenceFeatures ?? passages.map((passage) => sentenceFeaturesOf(passage)),
    ),
    docFreq,
    vocabulary,
    related: relatedStems(synsets, new Set(docFreq.keys())),
    nearMisses: nearMissesOf(synsets, vocabulary),
    postings,
  })
}

/** The index over its parts: adds the lookups, the speller and empty caches. Used by builds and snapshots alike. */
export function assembleCorpusIndex(parts: CorpusIndexParts): CorpusIndex {
  const { sources } = parts
  return {
    options: parts.options,
    sources,
    sourceById: new Map(sources.map((source) => [source.id, source])),
    sourceNumber: new Map(sources.map((source, i) => [source.id, i])),
    texts: parts.texts,
    readText: createTextReader(parts.texts),
    table: parts.table,
    passageCount: parts.table.source.length,
    postings: parts.postings,
    docFreq: parts.docFreq,
    vocabulary: parts.vocabulary,
    speller: createLazySpeller(parts.vocabulary),
    related: parts.related,
    nearMisses: parts.nearMisses,
    sortedStems: [...parts.docFreq.keys()].sort(),
    passageObjects: new Map(),
    stemCache: new Map(),
    sentenceStemCache: new Map(),
    tokenStemCache: new Map(),
  }
}

/** The parts an index was assembled from, for a snapshot. */
export function corpusIndexParts(index: CorpusIndex): CorpusIndexParts {
  return {
    options: index.options,
    sources: index.sources,
    texts: index.texts,
    table: index.table,
    docFreq: index.docFreq,
    vocabulary: index.vocabulary,
    related: index.related,
    nearMisses: index.nearMisses,
    postings: index.postings,
  }
}

/** The text of source `sourceId`, or `''` for an unknown one. */
export function articleText(index: CorpusIndex, sourceId: string): string {
  const number = index.sourceNumber.get(sourceId)
  return number === undefined ? '' : index.readText(number)
}

/** Passage objects `passageAt` keeps: the candidates of recent answers, made once. */
const MAX_PASSAGE_OBJECTS = 10_000

/** Passage number `p` (as in `postings`) as an object. */
export function passageAt(index: CorpusIndex, p: number): Passage {
  let passage = index.passageObjects.get(p)
  if (!passage) {
    passage = makePassage(index, p)
    if (index.passageObjects.size >= MAX_PASSAGE_OBJECTS) index.passageObjects.clear()
    index.passageObjects.set(p, passage)
  }
  return passage
}

function makePassage(index: CorpusIndex, p: number): Passage {
  const { table } = index
  const sourceNumber = table.source[p] as number
  const sourceId = index.sources[sourceNumber]?.id ?? ''
  const sentences = sentencesOfPassage(table, p)
  const start = sentences[0]?.start ?? 0
  const end = sentences[sentences.length - 1]?.end ?? start
  return {
    id: `${sourceId}#${table.ordinal[p] as number}`,
    sourceId,
    start,
    end,
    text: index.readText(sourceNumber).slice(start, end),
    sentences,
    isLead: table.lead[p] === 1,
  }
}

/** The number of the passage with id `id`, or -1. */
export function passageNumber(index: CorpusIndex, id: string): number {
  const parsed = parsePassageId(id)
  const sourceNumber = parsed && index.sourceNumber.get(parsed.sourceId)
  return parsed === undefined || sourceNumber === undefined ? -1 : findPassage(index.table, sourceNumber, parsed.ordinal)
}

/** The passage with id `id`, if the corpus has it. */
export function passageById(index: CorpusIndex, id: string): Passage | undefined {
  const p = passageNumber(index, id)
  return p < 0 ? undefined : passageAt(index, p)
}

/** The passages of the article `sourceId` in the article's order (none for an unknown id). */
export function passagesOfSource(index: CorpusIndex, sourceId: string): Passage[] {
  const sourceNumber = index.sourceNumber.get(sourceId)
  if (sourceNumber === undefined) return []
  const { bySourceOrdinal, sourceStart } = index.table
  const passages: Passage[] = []
  for (let i = sourceStart[sourceNumber] as number; i < (sourceStart[sourceNumber + 1] as number); i++) passages.push(passageAt(index, bySourceOrdinal[i] as number))
  return passages
}

/** Every passage in order, made one at a time (and not kept): for passes over the whole corpus at build time. */
export function* allPassages(index: CorpusIndex): Generator<Passage> {
  for (let p = 0; p < index.passageCount; p++) yield index.passageObjects.get(p) ?? makePassage(index, p)
}

/** `FEATURE` bits of each sentence of the passage with id `id` (none for an unknown id). */
export function storedFeatures(index: CorpusIndex, id: string): Uint16Array {
  const p = passageNumber(index, id)
  return p < 0 ? new Uint16Array(0) : featuresOfPassage(index.table, p)
}

/**
 * The thesaurus's words that the speller would "correct" to a corpus word although they are words
 * (see `findNearMisses`), and those one edit from a question stop word ("zoo", "cost"): asked, they
 * are the words themselves, not a mistyped "too" or "most".
 */
function nearMissesOf(synsets: Synsets, vocabulary: ReadonlyMap<string, number>): Set<string> {
  const words = lowerCaseWords(synsets)
  const nearMisses = findNearMisses(words, vocabulary)
  for (const word of findWordsNear(words, QUESTION_STOP_WORDS)) if (!vocabulary.has(word)) nearMisses.add(word)
  return nearMisses
}

/**
 * Works out now what indexing any corpus with `synsets` needs of them alone (their stems, their
 * lower-case words), which is kept while `synsets` is: a long-lived build thread does it ahead of
 * its first build.
 */
export function prepareSynsets(synsets: Synsets): void {
  prepareRelatedStems(synsets)
  findNearMisses(lowerCaseWords(synsets), new Map())
}

/** `lowerCaseWords` of each synonym list given, kept while the list is: a long-lived build thread rebuilds with the same one. */
const lowerCaseWordsOf = new WeakMap<Synsets, string[]>()

/** The words of `synsets` written in lower-case letters only, each once, in order: the same for every corpus. */
function lowerCaseWords(synsets: Synsets): string[] {
  let words = lowerCaseWordsOf.get(synsets)
  if (!words) {
    const unique = new Set<string>()
    for (const list of synsets) for (const word of list) if (LOWER_CASE_WORD.test(word)) unique.add(word)
    lowerCaseWordsOf.set(synsets, (words = [...unique]))
  }
  return words
}

/** A speller built on its first use: most starts never correct a word before the first question. */
function createLazySpeller(vocabulary: ReadonlyMap<string, number>): Speller {
  let speller: Speller | undefined
  return {
    has: (word) => vocabulary.has(word),
    correct: (word) => (speller ??= createSpeller(vocabulary)).correct(word),
    hasCorrection: (word) => (speller ??= createSpeller(vocabulary)).hasCorrection(word),
  }
}

function toSource(article: ArticleInput): Source {
  const { text: _text, ...source } = article
  return source
}

/** `FEATURE` bits of each sentence of `passage`, found with wink-nlp (about 0.1 ms a sentence). */
export function sentenceFeaturesOf(passage: Passage): number[] {
  return passage.sentences.map((sentence) => readSentenceText(sentenceText(passage, sentence)).features)
}

/** Inverse document frequency of a stem over passages (BM25's form); unknown stems get the largest. */
export function idf(index: CorpusIndex, term: string): number {
  const n = index.passageCount
  const df = index.docFreq.get(term) ?? 0
  return Math.log(1 + (n - df + 0.5) / (df + 0.5))
}

/** A query stem with the weight it carries in the BM25 query. */
export interface WeightedTerm {
  /** An analysed term (a stem), as stored in the index. */
  term: string
  weight: number
}

/**
 * Ranks passages for weighted, already analysed query terms with BM25, best first. A term given
 * twice counts once, with its largest weight. Scores are textbook BM25 sums (no coordination factor).
 */
export function rankPassages(
  index: CorpusIndex,
  terms: WeightedTerm[],
  options: { limit: number; sourceId?: string },
): Array<{ passage: Passage; number: number; score: number }> {
  let filter: { groups: Uint32Array; group: number } | undefined
  if (options.sourceId !== undefined) {
    const group = index.sourceNumber.get(options.sourceId)
    if (group === undefined) return []
    filter = { groups: index.table.source, group }
  }
  return searchPostings(index.postings, terms, options.limit, filter).map(({ doc, score }) => ({ passage: passageAt(index, doc), number: doc, score }))
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
