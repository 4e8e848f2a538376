import type { AnalyzedQuestion } from '../question.js'

/**
 * Share of the question's weight that a text covers: each question word counts once, through its
 * best-matching variant (the word itself fully, a synonym partly). Without synonyms, it measures
 * whether the corpus really speaks of what was asked: the basis for answering at all. The text is
 * given by `hits[offset + i]`, 1 when it holds distinct question stem `i`; `variantNumbers[t][v]` is
 * the number of term `t`'s variant `v`.
 */
export function coverageOf(terms: AnalyzedQuestion['terms'], termWeights: number[], variantNumbers: number[][], hits: Uint8Array, offset: number, total: number, withSynonyms = true): number {
  let covered = 0
  for (let t = 0; t < terms.length; t++) {
    const term = terms[t] as AnalyzedQuestion['terms'][number]
    const numbers = variantNumbers[t] as number[]
    let best = 0
    for (let v = 0; v < term.variants.length; v++) {
      const variant = term.variants[v] as AnalyzedQuestion['terms'][number]['variants'][number]
      if (variant.weight > best && (withSynonyms || !variant.synonym) && hits[offset + (numbers[v] as number)] === 1) best = variant.weight
    }
    covered += (termWeights[t] as number) * best
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
