import type { QuestionTerm } from '../question.js'
import type { CorpusIndex } from '../search.js'
import { coverageOf, type JudgedTerms } from './coverage.js'

/**
 * True when some passage of source number `source` (its title included: titles are merged into
 * every passage's postings) holds the stem `stem`. Reads the postings: a binary search over the
 * stem's passage list per passage of the article, or one when the article's passages are numbered
 * in one run, as a build numbers them.
 */
export function articleHoldsStem(index: CorpusIndex, source: number, stem: string): boolean {
  const id = index.postings.termIds.get(stem)
  if (id === undefined) return false
  const { bySourceOrdinal, sourceStart } = index.table
  const from = sourceStart[source] as number
  const to = sourceStart[source + 1] as number
  if (to <= from) return false
  const first = bySourceOrdinal[from] as number
  const last = bySourceOrdinal[to - 1] as number
  const contiguous = last - first === to - from - 1
  for (const field of index.postings.fields) {
    const start = field.offsets[id] as number
    const end = field.offsets[id + 1] as number
    if (contiguous) {
      const at = lowerBound(field.docs, start, end, first)
      if (at < end && (field.docs[at] as number) <= last) return true
      continue
    }
    for (let p = from; p < to; p++) {
      const doc = bySourceOrdinal[p] as number
      const at = lowerBound(field.docs, start, end, doc)
      if (at < end && field.docs[at] === doc) return true
    }
  }
  return false
}

/** First position in `docs[start, end)` (ascending) whose value is not below `value`. */
function lowerBound(docs: Uint32Array, start: number, end: number, value: number): number {
  let low = start
  let high = end
  while (low < high) {
    const mid = (low + high) >>> 1
    if ((docs[mid] as number) < value) low = mid + 1
    else high = mid
  }
  return low
}

/**
 * Share of the weight of the question's words that the corpus uses (`judged.knownTotal`) which the
 * whole article `source` holds, anywhere in its text or title, each word through its best variant
 * (a synonym at its lower weight when `withSynonyms`). A question about an article repeats most of
 * that article's words, though not in one sentence ("the population density in 2000" of a city's
 * article); a question about something the corpus does not cover shares a name or a word or two
 * with some article and little else. 1 when the question has no word the corpus uses.
 * `questionStems[i]` is the stem that `judged.numbers` calls `i`; `hits` is scratch space, one per stem.
 */
export function articleKnownCoverage(index: CorpusIndex, source: number, judged: JudgedTerms, questionStems: readonly string[], hits: Uint8Array, withSynonyms: boolean): number {
  if (judged.knownTotal <= 0) return 1
  for (let i = 0; i < questionStems.length; i++) hits[i] = articleHoldsStem(index, source, questionStems[i] as string) ? 1 : 0
  return (coverageOf(judged.terms, judged.weights, judged.numbers, hits, 0, judged.total, withSynonyms) * judged.total) / judged.knownTotal
}

/**
 * True when the question's names are its only link to the article `source`: it names something the
 * article speaks of ("Marrow Park Zoo"), but none of the common words that say what it asks about
 * ("ticket", "cost") is anywhere in the article, in any form the question reaches (synonyms and other
 * forms included). Words of less than `minWeight` (adverbs, light verbs, verbs the corpus never uses)
 * and words the corpus never uses at all are left out: they are as often a paraphrase as another
 * topic. False for a question without names, or without such words.
 */
export function isLinkedByNamesOnly(index: CorpusIndex, source: number, terms: readonly QuestionTerm[], minWeight: number): boolean {
  let names = 0
  let asked = 0
  for (const term of terms) {
    if (term.name) {
      names++
      continue
    }
    if (term.weight < minWeight || !term.variants.some((variant) => index.docFreq.has(variant.stem))) continue
    asked++
    if (term.variants.some((variant) => articleHoldsStem(index, source, variant.stem))) return false
  }
  return names > 0 && asked > 0
}
