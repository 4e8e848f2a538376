import { answerQuestion, DEFAULT_ANSWER_OPTIONS, type AnswerOptions } from './answer.js'
import { buildDisagreementIndex, disagreementsFor } from './disagreements.js'
import { UserFacingError } from './errors.js'
import { suggestQuestions } from './examples.js'
import { buildTakeawayIndex, selectTakeaways } from './takeaways.js'
import { splitPassages, type PassageOptions } from './passages.js'
import { buildCorpusIndex, searchPassages, type CorpusIndex, type IndexOptions } from './search.js'
import type { Synsets } from './thesaurus.js'
import type { ArticleInput, Engine, SourceSummary } from './types.js'

/** Every tunable of the core, grouped by stage. Each stage documents its own defaults. */
export interface EngineOptions {
  passages?: PassageOptions
  index?: IndexOptions
  answer?: AnswerOptions
  /** Synonym sets for query expansion (WordNet's, loaded by the caller). Defaults to none. */
  synsets?: Synsets
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

/** The engine's methods over a built index. */
function engineOver(index: CorpusIndex, options: EngineOptions): Engine {
  const answerOptions = { ...DEFAULT_ANSWER_OPTIONS, ...options.answer }
  const checkSource = (sourceId: string | undefined) => {
    if (sourceId !== undefined && !index.sourceById.has(sourceId)) {
      const known = index.sources.map((source) => source.id).join(', ')
      throw new UserFacingError('unknown-source', `I have no source called "${sourceId}". The sources are: ${known}.`)
    }
  }
  const disagreements = buildDisagreementIndex(index)
  const takeaways = buildTakeawayIndex(index, disagreements)
  const examples = suggestQuestions(index, (question) => answerQuestion(index, question, {}, answerOptions).answer)
  const summaries: SourceSummary[] = index.sources.map((source) => ({
    source,
    passages: index.passages.filter((passage) => passage.sourceId === source.id).length,
    characters: index.textById.get(source.id)?.length ?? 0,
  }))
  return {
    ask(question, ask = {}) {
      checkSource(ask.sourceId)
      const { answer, analyzed, passageIds } = answerQuestion(index, question, ask, answerOptions)
      if (answer.status === 'no_answer') return { ...answer, suggestions: examples }
      if (answer.status !== 'answered' || !analyzed) return answer
      return { ...answer, disagreements: disagreementsFor(disagreements, { analyzed, passageIds, quotes: answer.quotes }) }
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
}
