import { idf, type CorpusIndex } from '../search.js'
import { lowerBound } from '../sorted-strings.js'
import type { TakeawayBuildOptions } from './options.js'

/** Soft sentence similarity over one index: stems that may stand for one another, and the measures built on them. */
export interface SoftSimilarity {
  /** Stems a stem may stand for, with the weight of such a match (below 1). */
  links(term: string): ReadonlyArray<{ term: string; weight: number }>
  /** Soft cosine of two L2-normalised vectors: the mean of the two directed matches. */
  between(a: Map<string, number>, b: Map<string, number>): number
  /** Words (not names) of `a` that `b` states too, or through a synonym or another form, and that are not spread across most of the corpus. */
  sharedSpecificTerms(a: Map<string, number>, b: Map<string, number>): number
}

/**
 * Sources retell a point in their own words ("ended without an agreement", "concluded with no
 * deal"), so a word also matches its WordNet synonyms in the corpus (`index.related`, either
 * direction) and other forms of its stem that the stemmer keeps apart ("conclud", "conclus"), at
 * reduced weight. Names and numbers match only themselves.
 */
export function createSoftSimilarity(index: CorpusIndex, names: ReadonlySet<string>, settings: Required<TakeawayBuildOptions>): SoftSimilarity {
  const reverse = new Map<string, string[]>()
  for (const [from, tos] of index.related) {
    for (const to of tos) reverse.set(to, [...(reverse.get(to) ?? []), from])
  }
  const cache = new Map<string, Array<{ term: string; weight: number }>>()
  const links = (term: string) => {
    let found = cache.get(term)
    if (found) return found
    const weights = new Map<string, number>()
    if (!names.has(term) && !/\p{N}/u.test(term)) {
      for (const other of [...(index.related.get(term) ?? []), ...(reverse.get(term) ?? [])]) {
        if (other !== term && !names.has(other)) weights.set(other, settings.synonymWeight)
      }
      for (const other of stemVariants(index.sortedStems, term)) {
        if (!names.has(other)) weights.set(other, Math.max(weights.get(other) ?? 0, settings.variantWeight))
      }
    }
    found = [...weights].map(([other, weight]) => ({ term: other, weight }))
    cache.set(term, found)
    return found
  }
  // How `term` of `a` is matched in `b`: itself, else its best link that `a` does not state itself
  // and that no other word of `a` has taken, so one word of `b` cannot stand for several.
  const matchOf = (term: string, a: Map<string, number>, b: Map<string, number>, taken?: Set<string>) => {
    const exact = b.get(term)
    if (exact !== undefined) return exact
    let best = 0
    let bestTerm: string | undefined
    for (const link of links(term)) {
      const other = b.get(link.term)
      if (other === undefined || a.has(link.term) || taken?.has(link.term)) continue
      if (link.weight * other > best) {
        best = link.weight * other
        bestTerm = link.term
      }
    }
    if (bestTerm !== undefined) taken?.add(bestTerm)
    return best
  }
  const taken = new Set<string>()
  const directed = (a: Map<string, number>, b: Map<string, number>) => {
    // One set for every call, cleared: millions of pairs are scored in a build, and each would otherwise make one.
    taken.clear()
    let sum = 0
    for (const [term, weight] of a) sum += weight * matchOf(term, a, b, taken)
    return sum
  }
  return {
    links,
    between: (a, b) => (directed(a, b) + directed(b, a)) / 2,
    sharedSpecificTerms(a, b) {
      let shared = 0
      for (const term of a.keys()) {
        if (!names.has(term) && idf(index, term) >= SPECIFIC_IDF && matchOf(term, a, b) > 0) shared++
      }
      return shared
    },
  }
}

/** Shortest common beginning for two stems to count as forms of one word: shorter ones join unrelated words ("sign", "signal"). */
const MIN_VARIANT_PREFIX = 5

/**
 * Corpus stems that are another form of `term`: they share all but at most the last letter of the
 * shorter one, and at least `MIN_VARIANT_PREFIX` letters ("conclud" and "conclus", "product" and "productiv").
 */
function stemVariants(sorted: string[], term: string): string[] {
  if (term.length < MIN_VARIANT_PREFIX) return []
  const prefix = term.slice(0, MIN_VARIANT_PREFIX)
  const variants: string[] = []
  for (let i = lowerBound(sorted, prefix); i < sorted.length; i++) {
    const other = sorted[i] ?? ''
    if (!other.startsWith(prefix)) break
    if (other === term) continue
    let common = MIN_VARIANT_PREFIX
    while (common < term.length && common < other.length && term[common] === other[common]) common++
    if (common >= Math.min(term.length, other.length) - 1) variants.push(other)
  }
  return variants
}

/** IDF from which a term counts as specific: it occurs in under about 40% of passages. */
const SPECIFIC_IDF = 1
