import { answerQuestion, DEFAULT_ANSWER_OPTIONS, type AnswerOptions } from './answer.js'
import { buildDisagreementIndex, disagreementsForQuestion, type DisagreementIndex } from './disagreements.js'
import { UserFacingError } from './errors.js'
import { suggestQuestions } from './examples.js'
import { buildTakeawayIndex, selectTakeaways, type TakeawayBuildOptions, type TakeawayIndex } from './takeaways.js'
import { splitPassages, type PassageOptions } from './passages.js'
import { assembleCorpusIndex, buildCorpusIndex, corpusIndexParts, searchPassages, type CorpusIndex, type IndexOptions } from './search.js'
import { createEngineSnapshot, decodeValue, encodeValue, indexPartsFromSnapshot, NotSerializableError, snapshotIndex, type EngineSnapshot } from './snapshot.js'
import type { Synsets } from './thesaurus.js'
import type { ArticleInput, Engine, SourceSummary } from './types.js'

/** Every tunable of the core, grouped by stage. Each stage documents its own defaults. */
export interface EngineOptions {
  passages?: PassageOptions
  index?: IndexOptions
  answer?: AnswerOptions
  /** Synonym sets for query expansion (WordNet's, loaded by the caller). Defaults to none. */
  synsets?: Synsets
  /** How takeaways are ranked; see `TakeawayBuildOptions` for each default. */
  takeaways?: TakeawayBuildOptions
  /**
   * The story (group of articles about one event) of a source: disagreements are only found between
   * sources of one story. Defaults to every source in one story.
   */
  storyOf?: (sourceId: string) => string
}

/**
 * Builds the engine over a corpus: splits passages, indexes them, and precomputes what questions
 * need. Pure: the caller reads the files. Throws when `articles` is empty.
 */
export function createEngine(articles: ArticleInput[], options: EngineOptions = {}): Engine {
  if (articles.length === 0) throw new Error('createEngine: the corpus has no articles')
  const passages = articles.flatMap((article) => splitPassages(article.id, article.text, options.passages))
  const index = buildCorpusIndex(articles, passages, options.index, options.synsets)
  return engineOver(index, options)
}

/** What an engine derives from its index when it is created; a snapshot keeps it so a start need not redo it. */
export interface EngineDerivedData {
  disagreements: DisagreementIndex
  takeaways: TakeawayIndex
  examples: string[]
}

/** What `engineToSnapshot` needs of an engine, kept out of the `Engine` interface that adapters see. */
const engineInternals = new WeakMap<Engine, { index: CorpusIndex; options: Pick<EngineOptions, 'answer' | 'takeaways'>; derived: EngineDerivedData }>()

/**
 * A JSON-able snapshot of an engine built by `createEngine` or `createEngineFromSnapshot`: its
 * index, and its disagreements, takeaways and example questions when they are plain data (else
 * they are rebuilt at load). Throws for an engine not made by this module.
 */
export function engineToSnapshot(engine: Engine): EngineSnapshot {
  const internals = engineInternals.get(engine)
  if (!internals) throw new Error('engineToSnapshot: not an engine made by createEngine')
  let derived: unknown = null
  try {
    derived = encodeValue(internals.derived)
  } catch (error) {
    // Derived data that holds functions cannot be stored: the loaded engine rebuilds it instead.
    if (!(error instanceof NotSerializableError)) throw error
  }
  return createEngineSnapshot(snapshotIndex(corpusIndexParts(internals.index)), internals.options, derived)
}

/**
 * The engine a snapshot was taken of, without re-reading synonyms or re-running the NLP over the
 * corpus. `snapshot` is the object `engineToSnapshot` returned (after a JSON round trip or not).
 */
export function createEngineFromSnapshot(snapshot: EngineSnapshot): Engine {
  const index = assembleCorpusIndex(indexPartsFromSnapshot(snapshot.index))
  const derived = snapshot.derived === null ? undefined : (decodeValue(snapshot.derived) as Partial<EngineDerivedData>)
  // Options other than the index's and synonyms' shape only what is derived at load: keep them.
  return engineOver(index, snapshot.engineOptions as Pick<EngineOptions, 'answer' | 'takeaways'>, derived)
}

/**
 * An engine over an index built already, with derived data given in `saved` used as it is and the
 * rest built. For benchmarks that build a large index piecewise; the barrel does not export it.
 */
export function createEngineFromIndex(index: CorpusIndex, options: EngineOptions = {}, saved: Partial<EngineDerivedData> = {}): Engine {
  return engineOver(index, options, saved)
}

/** The engine's methods over a built index; `saved` holds derived data from a snapshot. */
function engineOver(index: CorpusIndex, options: EngineOptions, saved: Partial<EngineDerivedData> = {}): Engine {
  const answerOptions = { ...DEFAULT_ANSWER_OPTIONS, ...options.answer }
  const checkSource = (sourceId: string | undefined) => {
    if (sourceId !== undefined && !index.sourceById.has(sourceId)) {
      const known = index.sources.map((source) => source.id).join(', ')
      throw new UserFacingError('unknown-source', `I have no source called "${sourceId}". The sources are: ${known}.`)
    }
  }
  const { storyOf } = options
  const disagreements = saved.disagreements ?? buildDisagreementIndex(index, storyOf ? { storyOf } : {})
  const takeaways = saved.takeaways ?? buildTakeawayIndex(index, disagreements, options.takeaways)
  const examples = saved.examples ?? suggestQuestions(index, (question) => answerQuestion(index, question, {}, answerOptions).answer)
  const { sourceStart } = index.table
  const summaries: SourceSummary[] = index.sources.map((source, i) => ({
    source,
    // The table orders passages by source: a source's count is the width of its range.
    passages: (sourceStart[i + 1] ?? 0) - (sourceStart[i] ?? 0),
    characters: index.texts.length[i] ?? 0,
  }))
  const engine: Engine = {
    ask(question, ask = {}) {
      checkSource(ask.sourceId)
      const { answer, analyzed, passageIds } = answerQuestion(index, question, ask, answerOptions)
      if (answer.status === 'no_answer') return { ...answer, suggestions: examples }
      if (answer.status !== 'answered' || !analyzed) return answer
      return { ...answer, disagreements: disagreementsForQuestion(index, disagreements, { analyzed, passageIds, quotes: answer.quotes }, storyOf ? { storyOf } : {}) }
    },
    search(query, search = {}) {
      checkSource(search.sourceId)
      return searchPassages(index, query, search)
    },
    takeaways(options = {}) {
      checkSource(options.sourceId)
      return selectTakeaways(takeaways, index, options)
    },
    disagreements: () => disagreements.all,
    sources: () => summaries,
    exampleQuestions: () => examples,
  }
  engineInternals.set(engine, { index, options: { answer: answerOptions, ...(options.takeaways ? { takeaways: options.takeaways } : {}) }, derived: { disagreements, takeaways, examples } })
  return engine
}
