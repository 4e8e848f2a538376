import { NOUN_MIN_WEIGHT, type AnalyzedQuestion } from '../question.js'
import type { CorpusIndex } from '../search.js'
import type { AnswerOptions } from './options.js'

/**
 * Share of its weight that a common word the corpus never uses, in any form, keeps when deciding
 * whether to answer (see `judgedTerms`). A corpus of a few articles lacks most English words, so
 * such a word is then as likely the question's own wording of what the articles say ("people" for
 * "residents", "money" for "refund") as a sign of another topic; a corpus of many thousand words
 * lacks only rarer ones. So the share grows with the corpus's vocabulary, up to
 * `AnswerOptions.unknownWordShare` at `AnswerOptions.unknownWordVocabulary` stems and beyond. It is
 * lowered only for a question that names nothing and has a noun the corpus does use: a question
 * naming a place or firm of the articles asks about that thing ("How many people work for Corvane
 * Aerospace?"), and one whose every noun is new ("How many lions escaped?") is about something else.
 */
export function unknownWordShareOf(index: CorpusIndex, analyzed: AnalyzedQuestion, settings: Required<AnswerOptions>): number {
  const { unknownWordShare, unknownWordVocabulary } = settings
  if (unknownWordVocabulary <= 0 || analyzed.terms.some((term) => term.name)) return unknownWordShare
  const hasKnownNoun = analyzed.terms.some((term) => term.weight >= NOUN_MIN_WEIGHT && term.variants.some((variant) => !variant.synonym && index.docFreq.has(variant.stem)))
  return hasKnownNoun ? unknownWordShare * Math.min(1, index.docFreq.size / unknownWordVocabulary) : unknownWordShare
}
