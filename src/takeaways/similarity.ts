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
    for (const to of tos) {
      const froms = reverse.get(to)
      if (froms) froms.push(from)
      else reverse.set(to, [from])
    }
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
  // Scoring runs over millions of pairs in a build, so vectors are scored as arrays of term numbers
  // against two dense scratch tables rather than through string-keyed maps. The sums are taken in
  // the same order as over the maps, so every score is the same number, bit for bit.
  const termIds = new Map<string, number>()
  const idOf = (term: string) => {
    let id = termIds.get(term)
    if (id === undefined) termIds.set(term, (id = termIds.size))
    return id
  }
  const linkIds: Array<{ ids: Int32Array; weights: Float64Array } | undefined> = []
  const linksOf = (id: number, term: string) => {
    let found = linkIds[id]
    if (!found) {
      const list = links(term)
      found = { ids: Int32Array.from(list, (link) => idOf(link.term)), weights: Float64Array.from(list, (link) => link.weight) }
      linkIds[id] = found
    }
    return found
  }
  const compiled = new WeakMap<Map<string, number>, CompiledVector>()
  const compile = (vector: Map<string, number>) => {
    let found = compiled.get(vector)
    if (!found) {
      found = { ids: Int32Array.from(vector.keys(), idOf), weights: Float64Array.from(vector.values()), terms: [...vector.keys()] }
      compiled.set(vector, found)
    }
    return found
  }
  // Two tables, one per side of a pair: a term is in side X when `stampX[id] === markX`, with its
  // weight in `valueX[id]`. Taken links are stamped the same way, one stamp per directed match.
  let stampX = new Int32Array(0)
  let valueX = new Float64Array(0)
  let stampY = new Int32Array(0)
  let valueY = new Float64Array(0)
  let stampTaken = new Int32Array(0)
  let markX = 0
  let markY = 0
  let markTaken = 0
  let inX: Map<string, number> | undefined
  const fit = () => {
    if (stampX.length >= termIds.size) return
    const size = Math.max(1024, termIds.size * 2)
    const grow = <T extends Int32Array | Float64Array>(old: T, made: T) => (made.set(old), made)
    stampX = grow(stampX, new Int32Array(size))
    valueX = grow(valueX, new Float64Array(size))
    stampY = grow(stampY, new Int32Array(size))
    valueY = grow(valueY, new Float64Array(size))
    stampTaken = grow(stampTaken, new Int32Array(size))
  }
  const place = (a: Map<string, number>, b: Map<string, number>) => {
    const left = compile(a)
    const right = compile(b)
    fit()
    if (markTaken > MAX_MARK) {
      // Stamps are counters: start them again long before they could wrap around.
      for (const stamps of [stampX, stampY, stampTaken]) stamps.fill(0)
      markX = markY = markTaken = 0
      inX = undefined
    }
    // The first vector stays placed while one sentence is scored against its candidates.
    if (inX !== a) {
      markX++
      for (let k = 0; k < left.ids.length; k++) {
        stampX[left.ids[k] as number] = markX
        valueX[left.ids[k] as number] = left.weights[k] as number
      }
      inX = a
    }
    markY++
    for (let k = 0; k < right.ids.length; k++) {
      stampY[right.ids[k] as number] = markY
      valueY[right.ids[k] as number] = right.weights[k] as number
    }
    return { left, right }
  }
  // How term `id` of `own` is matched in `other`: itself, else its best link that `own` does not state
  // itself and that no other word of `own` has taken (when `take`), so one word of `other` cannot stand for several.
  const matchOf = (id: number, term: string, own: Int32Array, ownMark: number, other: Int32Array, otherValue: Float64Array, otherMark: number, take: boolean) => {
    if (other[id] === otherMark) return otherValue[id] as number
    const { ids, weights } = linksOf(id, term)
    let best = 0
    let bestId = -1
    for (let k = 0; k < ids.length; k++) {
      const link = ids[k] as number
      if (other[link] !== otherMark || own[link] === ownMark || (take && stampTaken[link] === markTaken)) continue
      const value = (weights[k] as number) * (otherValue[link] as number)
      if (value > best) {
        best = value
        bestId = link
      }
    }
    if (take && bestId >= 0) stampTaken[bestId] = markTaken
    return best
  }
  const directed = (a: CompiledVector, own: Int32Array, ownMark: number, other: Int32Array, otherValue: Float64Array, otherMark: number) => {
    markTaken++
    let sum = 0
    for (let k = 0; k < a.ids.length; k++) sum += (a.weights[k] as number) * matchOf(a.ids[k] as number, a.terms[k] as string, own, ownMark, other, otherValue, otherMark, true)
    return sum
  }
  return {
    links,
    between(a, b) {
      const { left, right } = place(a, b)
      return (directed(left, stampX, markX, stampY, valueY, markY) + directed(right, stampY, markY, stampX, valueX, markX)) / 2
    },
    sharedSpecificTerms(a, b) {
      const { left } = place(a, b)
      let shared = 0
      for (let k = 0; k < left.ids.length; k++) {
        const term = left.terms[k] as string
        if (!names.has(term) && idf(index, term) >= SPECIFIC_IDF && matchOf(left.ids[k] as number, term, stampX, markX, stampY, valueY, markY, false) > 0) shared++
      }
      return shared
    },
  }
}

/** Highest stamp before the scratch tables are cleared: a build of millions of sentences scores hundreds of millions of pairs. */
const MAX_MARK = 1 << 30

/** A vector as term numbers and weights, in the order of its map. */
interface CompiledVector {
  ids: Int32Array
  weights: Float64Array
  terms: string[]
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
