import { GENERIC_COUNTED } from '../claims/measured.js'
import { MEASURE_UNITS } from '../claims/units.js'
import { SCALES, SMALL_NUMBERS } from '../claims/numbers.js'
import { NOUN_MIN_WEIGHT, SYNONYM_WEIGHT, type AnalyzedQuestion } from '../question.js'
import { stemmedTokens, type CorpusIndex } from '../search.js'
import type { Quote } from '../types.js'
import { MEASURE_QUESTION } from './unknown-words.js'

/** Words before a counted noun that a count may put between them ("two Major League Soccer teams"). */
const COUNT_REACH = 5

/** "how many branches": the word counted. */
const HOW_MANY = /\bhow\s+many\s+([\p{L}-]+)/iu

/** A figure written with digits ("40,000", "2.1") or a count word ("eleven", "dozens", "million"). */
function isCountWord(word: string): boolean {
  const lower = word.toLowerCase()
  return /^\d[\d,.]*$/.test(lower) || lower in SMALL_NUMBERS || lower in SCALES || /^(?:dozens?|hundreds|thousands|millions|several|no)$/.test(lower)
}

/**
 * True when a question that names something asks "how many" of a thing and no quote counts that
 * thing (`AnswerOptions.declineUncounted`): "How many branches does Northmere Bank have?" answered
 * with "More than 40,000 complaints were lodged with Northmere Bank", "How many cranes are on the
 * site?" with a sentence about the one crane. A count is a figure up to five words before the asked
 * noun, in any form or thesaurus link the question reaches. Only a question that names something is
 * checked: without a name, the counted noun is as often the articles' thing in words no link reaches
 * ("passers-by" for "pedestrians"). A follow-up is not checked: its words are the conversation's.
 * Nor is a corpus of `maxVocabulary` stems or more: reference text counts things far from their noun
 * ("12 California State University campuses") or by another noun ("350 government officials" for
 * "how many people"), where news copy writes "Eleven pilot whales".
 */
export function isUncounted(index: CorpusIndex, analyzed: AnalyzedQuestion, quotes: readonly Quote[], maxVocabulary: number): boolean {
  if (index.docFreq.size >= maxVocabulary || (analyzed.contextTerms ?? 0) > 0 || !analyzed.terms.some((term) => term.name)) return false
  const asked = HOW_MANY.exec(analyzed.text)?.[1]?.toLowerCase()
  const term = asked === undefined ? undefined : analyzed.terms.find((candidate) => candidate.asked === asked && !candidate.name)
  // "How many people…" is answered by a count of anyone ("60,000 European settlers").
  if (!term || GENERIC_COUNTED.has(term.asked)) return false
  const stems = new Set(term.variants.map((variant) => variant.stem))
  return quotes.every((quote) => {
    const { spans, stems: tokens } = stemmedTokens(index, quote.text)
    for (let i = 0; i < tokens.length; i++) {
      if (!stems.has(tokens[i] as string)) continue
      for (let j = Math.max(0, i - COUNT_REACH); j < i; j++) if (isCountWord(quote.text.slice(spans[2 * j] as number, spans[2 * j + 1] as number))) return false
    }
    return true
  })
}

/** A figure with a unit of length, volume, mass or area ("12 metres", "80-metre", "3 million cubic metres"), not a speed ("60 km/h"), or a share ("64 percent", "3%"). */
const MEASURED_FIGURE = new RegExp(`\\d[\\d,.]*(?:\\s+(?:thousand|million|billion))?(?:\\s*%|\\s*-?\\s*(?:percent|per cent|storey|story|stories|storeys|floor|${[...MEASURE_UNITS].join('|')})s?\\b(?!\\/))`, 'i')

/**
 * True when a question of size or age ("How tall is the crane?", "How deep is the reservoir?") asks
 * with an adjective the corpus never uses in any form (its own or a derived one: "depth" for "deep")
 * and no quote holds a measured figure (`AnswerOptions.declineUnsaidMeasure`): the articles name the
 * thing but never measure it, and a sentence naming it with any number ("The crane driver, Tomas
 * Reyne, 54…") is no answer. A figure with a unit keeps the answer: "How big was the hole?" of
 * articles saying "about 12 metres wide". A follow-up is not checked.
 */
export function isUnsaidMeasure(index: CorpusIndex, analyzed: AnalyzedQuestion, quotes: readonly Quote[]): boolean {
  if ((analyzed.contextTerms ?? 0) > 0) return false
  const measure = MEASURE_QUESTION.exec(analyzed.text)?.[1]?.toLowerCase()
  const term = measure === undefined ? undefined : analyzed.terms.find((candidate) => candidate.asked === measure)
  const ownForm = (candidate: AnalyzedQuestion['terms'][number]) => candidate.variants.some((variant) => variant.weight > SYNONYM_WEIGHT && index.docFreq.has(variant.stem))
  // The adjective's derived forms count as said ("deep" asked, "at a depth of 400 metres" written):
  // a word the corpus never uses keeps its links as evidence (`QuestionBridgingOptions.unknownWordLinks`).
  if (!term || ownForm(term) || term.variants.some((variant) => !variant.synonym && index.docFreq.has(variant.stem))) return false
  // The thing measured, the question's next word, must be the articles' own ("the crane"): a question
  // in other words ("How high up were the riders stuck?" of articles saying "passengers suspended", "How
  // big a penalty…" of articles saying "an unlimited fine") may be theirs said otherwise.
  const measured = analyzed.terms[analyzed.terms.indexOf(term) + 1]
  if (!measured || !(measured.name || measured.weight >= NOUN_MIN_WEIGHT) || !ownForm(measured)) return false
  return quotes.every((quote) => !MEASURED_FIGURE.test(quote.text))
}
