import { NOUN_MIN_WEIGHT, SYNONYM_WEIGHT, type AnalyzedQuestion } from '../question.js'
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

/** A question of size or age ("how tall is…", "how old was…"): it asks for a figure, and its adjective says which. */
export const MEASURE_QUESTION = /\bhow\s+(tall|high|deep|far|old|big|large|wide|heavy|long)\b/i

/**
 * True when a question that names something the corpus knows asks for a thing the corpus never
 * speaks of in any form, spelling or synonym (`AnswerOptions.declineUnknownAsked`): "mayor" in "Who
 * is the mayor of Quenby?", "election" in "Who won the election in Orlen?", "tall" in "How tall is
 * Mount Tarrow?" of articles that name the town or the mountain. The name finds the articles, but
 * not what is asked: the question's first noun (or the adjective of a measure question), said before
 * its names. Only a question of the names and words the corpus never uses is declined: one with a
 * word the articles do use besides its names ("Why did the jet go back to Hessel?" of articles that
 * say "plane" and "back") may be the articles' event in its own words. A follow-up is not checked:
 * its words may be the conversation's. Nor is a question to an index built without a thesaurus: it
 * cannot tell a word the articles never use from one they say another way ("death" for "died").
 */
export function isAskedForUnknown(index: CorpusIndex, analyzed: AnalyzedQuestion): boolean {
  // Without a thesaurus there is no telling whether the articles say the asked thing in other words.
  if ((analyzed.contextTerms ?? 0) > 0 || index.related.size === 0) return false
  // Said in the articles: the word itself or another form of it, not a thesaurus link ("won" → "take").
  // A noun the articles never use is known through its links when the question analysis took them as
  // the articles' words for it ("death" asked, "died" written): a noun's links are its forms and
  // near synonyms, a verb's ("won" → "take") are too loose to say the articles speak of it.
  const known = (term: AnalyzedQuestion['terms'][number]) =>
    term.variants.some((variant) => (variant.weight > SYNONYM_WEIGHT || (!variant.synonym && term.weight >= NOUN_MIN_WEIGHT)) && index.docFreq.has(variant.stem))
  const measure = MEASURE_QUESTION.exec(analyzed.text)?.[1]?.toLowerCase()
  // The thing asked comes before the names: after them, an unknown word is more often what the named
  // thing did, tagged a noun ("When did Storm Imara strike?" of articles that say it "hit").
  const firstName = analyzed.terms.findIndex((term) => term.name)
  const asked = analyzed.terms.findIndex((term) => !term.name && (term.weight >= NOUN_MIN_WEIGHT || term.asked === measure))
  if (firstName < 0 || asked < 0 || asked > firstName || analyzed.terms.some((term) => !term.name && known(term))) return false
  return analyzed.terms.some((term) => term.name && known(term))
}
