import type { CorpusIndex } from './search.js'
import type { AnalyzedQuestion } from './question.js'
import type { Disagreement, Quote } from './types.js'

/** Claims and the disagreements between them, computed once when the corpus is indexed. */
export interface DisagreementIndex {
  /** Every disagreement in the corpus, most sources involved first. */
  all: Disagreement[]
}

/** Extracts claims from every sentence and finds where they conflict. */
export function buildDisagreementIndex(_index: CorpusIndex): DisagreementIndex {
  return { all: [] }
}

/** What the answer to a question was built from, to decide which disagreements bear on it. */
export interface AnswerContext {
  analyzed: AnalyzedQuestion
  /** Passages considered for the answer, best first. */
  passageIds: string[]
  quotes: Quote[]
}

/** The disagreements that bear on a question, most relevant first. */
export function disagreementsFor(_disagreements: DisagreementIndex, _context: AnswerContext): Disagreement[] {
  return []
}
