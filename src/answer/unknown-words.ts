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
  // A follow-up is judged on its own words (`judgedTerms`): a name it borrowed ("Gorran" for "how many
  // trains use it each day?") says nothing of how its own wording should count.
  const ownCount = analyzed.terms.length - (analyzed.contextTerms ?? 0)
  const own = ownCount > 0 ? analyzed.terms.slice(0, ownCount) : analyzed.terms
  if (unknownWordVocabulary <= 0 || own.some((term) => term.name)) return unknownWordShare
  const hasKnownNoun = own.some((term) => term.weight >= NOUN_MIN_WEIGHT && term.variants.some((variant) => !variant.synonym && index.docFreq.has(variant.stem)))
  return hasKnownNoun ? unknownWordShare * Math.min(1, index.docFreq.size / unknownWordVocabulary) : unknownWordShare
}

/**
 * The share a lone unknown noun keeps (`loneUnknownNounOf`): `AnswerOptions.loneUnknownNounShare`
 * in a corpus of a few articles, growing with the corpus's vocabulary to all of the word's weight at
 * `AnswerOptions.loneUnknownNounVocabulary` stems: a corpus of many thousand words that never uses a
 * noun most likely speaks of something else.
 */
export function loneNounShareOf(index: CorpusIndex, settings: Required<AnswerOptions>): number {
  const { loneUnknownNounShare: share, loneUnknownNounVocabulary: vocabulary } = settings
  if (vocabulary <= 0) return share
  return Math.min(1, share + (1 - share) * (index.docFreq.size / vocabulary))
}

/** Least weight of a question word the corpus uses that ties a lone unknown noun to the articles (`loneUnknownNounOf`): a noun, verb or adjective, not an adverb or a light verb. */
const TIE_MIN_WEIGHT = 0.4

/** Words of when, which every story has: they tie no question to the articles' event ("the forecast for the weekend"). */
export const TIME_WORDS: ReadonlySet<string> = new Set(['day', 'days', 'week', 'weeks', 'weekend', 'weekends', 'month', 'months', 'year', 'years', 'today', 'tomorrow', 'yesterday', 'morning', 'afternoon', 'evening', 'night', 'time', 'season', 'summer', 'winter', 'spring', 'autumn'])

/** A question about another occasion than the articles' ("last year", "next summer"): a near miss on the same theme. */
const OTHER_OCCASION = /\b(?:last|next|previous)\s+(?:year|week|month|weekend|season|summer|winter|spring|autumn)\b/i

/**
 * The number of the one noun of a question that names nothing which the corpus never uses in a form
 * of its own (its thesaurus links may be there, often of another sense: "compensation" → "repair"),
 * when the question's other words are the corpus's (`AnswerOptions.loneUnknownNounShare`); -1 for
 * none. "Who is investigating the incident?" of articles that say who opened an investigation into
 * the bird strike, "How much chemical spilled?" of articles that say what spilled, "What was the
 * train's destination?": the one noun is then the question's own word for the articles' thing. Two
 * or more new nouns ("Which bridge was destroyed by the earthquake?") are another topic, a name
 * ("How many people work for Corvane Aerospace?") says what the question is about, words of when
 * ("the forecast for the weekend") tie it to no event, and "last year" asks of another occasion
 * ("Which country had the worst forest fires last year?"). A follow-up is not read: its words are
 * the conversation's.
 */
export function loneUnknownNounOf(index: CorpusIndex, analyzed: AnalyzedQuestion, settings: Required<AnswerOptions>): number {
  if (loneNounShareOf(index, settings) >= 1 || (analyzed.contextTerms ?? 0) > 0 || OTHER_OCCASION.test(analyzed.text)) return -1
  const ownForm = (term: AnalyzedQuestion['terms'][number]) => term.variants.some((variant) => variant.weight > SYNONYM_WEIGHT && index.docFreq.has(variant.stem))
  let lone = -1
  let ties = 0
  for (let t = 0; t < analyzed.terms.length; t++) {
    const term = analyzed.terms[t] as AnalyzedQuestion['terms'][number]
    if (term.name) return -1
    if (!ownForm(term)) {
      if (term.weight < NOUN_MIN_WEIGHT) continue
      if (lone >= 0) return -1
      lone = t
    } else if (term.weight >= TIE_MIN_WEIGHT && !TIME_WORDS.has(term.asked)) {
      ties++
    }
  }
  return ties > 0 ? lone : -1
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
