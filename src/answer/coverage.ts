import type { AnalyzedQuestion } from '../question.js'
import type { CorpusIndex } from '../search.js'

/**
 * Share of the question's weight that a text covers: each question word counts once, through its
 * best-matching variant (the word itself fully, a synonym partly). Without synonyms, it measures
 * whether the corpus really speaks of what was asked: the basis for answering at all. The text is
 * given by `hits[offset + i]`, 1 when it holds distinct question stem `i`; `variantNumbers[t][v]` is
 * the number of term `t`'s variant `v`.
 */
export function coverageOf(terms: AnalyzedQuestion['terms'], termWeights: number[], variantNumbers: number[][], hits: Uint8Array, offset: number, total: number, withSynonyms = true): number {
  let covered = 0
  for (let t = 0; t < terms.length; t++) covered += (termWeights[t] as number) * bestVariantWeight(terms[t] as AnalyzedQuestion['terms'][number], variantNumbers[t] as number[], hits, offset, withSynonyms)
  return covered / total
}

/** The weight of `term`'s best variant among the stems flagged in `hits` from `offset`, 0 for none; `numbers[v]` is variant `v`'s stem number. */
function bestVariantWeight(term: AnalyzedQuestion['terms'][number], numbers: number[], hits: Uint8Array, offset: number, withSynonyms: boolean): number {
  let best = 0
  for (let v = 0; v < term.variants.length; v++) {
    const variant = term.variants[v] as AnalyzedQuestion['terms'][number]['variants'][number]
    if (variant.weight > best && (withSynonyms || !variant.synonym) && hits[offset + (numbers[v] as number)] === 1) best = variant.weight
  }
  return best
}

/**
 * Each term's best variant weight among the stems flagged in `hits` from `offset` (0 when it holds
 * none), written to `out` from `at`: what `coverageOf` sums. Kept per sentence, a window of two
 * sentences (which covers the best variant either holds) is scored from them with `coverageOfBest`
 * without reading its stems again.
 */
export function bestVariantWeights(terms: AnalyzedQuestion['terms'], variantNumbers: number[][], hits: Uint8Array, offset: number, withSynonyms: boolean, out: Float64Array, at: number): void {
  for (let t = 0; t < terms.length; t++) out[at + t] = bestVariantWeight(terms[t] as AnalyzedQuestion['terms'][number], variantNumbers[t] as number[], hits, offset, withSynonyms)
}

/**
 * `coverageOf` the texts whose `bestVariantWeights` rows start at `a` and `b` in `best` (`b` -1 for
 * none) and, when given, `extra`'s row at 0, together: each of the first `termWeights.length` terms
 * counts through the best variant any of them holds. The same sum in the same order as `coverageOf`
 * of their flags joined, so the same number.
 */
export function coverageOfBest(termWeights: readonly number[], total: number, best: Float64Array, a: number, b: number, extra?: Float64Array): number {
  let covered = 0
  for (let t = 0; t < termWeights.length; t++) {
    let weight = best[a + t] as number
    if (b >= 0) weight = Math.max(weight, best[b + t] as number)
    if (extra) weight = Math.max(weight, extra[t] as number)
    covered += (termWeights[t] as number) * weight
  }
  return covered / total
}

/** True when the question has names and `hits` holds every one of them by the word itself. */
export function namesHeld(terms: AnalyzedQuestion['terms'], variantNumbers: number[][], hits: Uint8Array): boolean {
  let names = 0
  for (let t = 0; t < terms.length; t++) {
    const term = terms[t] as AnalyzedQuestion['terms'][number]
    if (!term.name) continue
    names++
    if (hits[(variantNumbers[t] as number[])[0] as number] !== 1) return false
  }
  return names > 0
}

/** The question's words that decide whether to answer, with the weights they count at. */
export interface JudgedTerms {
  terms: AnalyzedQuestion['terms']
  weights: number[]
  numbers: number[][]
  total: number
  /** The weight of the judged words the corpus uses in some form. */
  knownTotal: number
}

/**
 * The words that decide whether to answer, and their weights. A follow-up is judged on its own
 * words when it has any: words borrowed from the conversation only rank. A common word the corpus
 * never uses in any form (no name) counts at `unknownShare` of its weight: it is as often a
 * paraphrase of the article's word ("shoppers" for "customers") as a sign of another topic.
 */
export function judgedTerms(index: CorpusIndex, analyzed: AnalyzedQuestion, termWeights: number[], variantNumbers: number[][], unknownShare = 1): JudgedTerms {
  const { terms } = analyzed
  const own = terms.length - (analyzed.contextTerms ?? 0)
  const isKnown = (term: AnalyzedQuestion['terms'][number]) => term.variants.some((variant) => index.docFreq.has(variant.stem))
  // A follow-up whose own words the corpus never uses, and that names nothing ("how long were they
  // stuck?" of articles that say "stranded"), is judged with its borrowed words too, as a follow-up
  // with no word of its own is: its own words are a paraphrase, not another topic.
  const ownParaphrased = own > 0 && terms.slice(0, own).every((term) => !isKnown(term) && !term.name)
  const count = own > 0 && own < terms.length && !ownParaphrased ? own : terms.length
  const judged = terms.slice(0, count)
  const known = judged.map(isKnown)
  const weights = judged.map((term, t) => (termWeights[t] as number) * (known[t] || term.name ? 1 : unknownShare))
  let total = 0
  let knownTotal = 0
  weights.forEach((weight, t) => {
    total += weight
    if (known[t]) knownTotal += weight
  })
  return { terms: judged, weights, numbers: variantNumbers.slice(0, count), total, knownTotal }
}
