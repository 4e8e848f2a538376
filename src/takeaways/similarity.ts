import { idf, type CorpusIndex } from '../search.js'
import { lowerBound } from '../sorted-strings.js'
import type { TakeawayBuildOptions } from './options.js'

/** Made once: the build's TypeScript loader turns a `\p{…}` literal into `new RegExp(…)` wherever it stands, so one inside a function made a regex per call. */
const HAS_DIGIT = /\p{N}/u

/** Soft sentence similarity over one index: stems that may stand for one another, and the measures built on them. */
export interface SoftSimilarity {
  /** Stems a stem may stand for, with the weight of such a match (below 1). */
  links(term: string): ReadonlyArray<{ term: string; weight: number }>
  /** Soft cosine of two L2-normalised vectors: the mean of the two directed matches. */
  between(a: Map<string, number>, b: Map<string, number>): number
  /** Words (not names) of `a` that `b` states too, or through a synonym or another form, and that are not spread across most of the corpus. */
  sharedSpecificTerms(a: Map<string, number>, b: Map<string, number>): number
  /**
   * `vector` as term numbers and weights, made once per vector: `similarityGraph` reads sentences by
   * these numbers, so that the millions of lookups of a build are array reads, not string-keyed maps.
   */
  compile(vector: Map<string, number>): CompiledVector
  /** `links(term)` as term numbers and weights, in the same order; `id` is `term`'s number. */
  linkIds(id: number, term: string): CompiledLinks
  /** `between` over vectors compiled already. */
  betweenCompiled(a: CompiledVector, b: CompiledVector): number
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
    if (!names.has(term) && !HAS_DIGIT.test(term)) {
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
  // Dense by term number (filled up to the highest asked), so that reading it stays an array read:
  // an array written at scattered indices would turn into a dictionary.
  const linkIds: Array<CompiledLinks | undefined> = []
  const linksOf = (id: number, term: string) => {
    let found = linkIds[id]
    if (!found) {
      const list = links(term)
      found = { ids: Int32Array.from(list, (link) => idOf(link.term)), weights: Float64Array.from(list, (link) => link.weight) }
      while (linkIds.length <= id) linkIds.push(undefined)
      linkIds[id] = found
    }
    return found
  }
  const grow = <T extends Uint8Array | Int32Array | Float64Array>(old: T, made: T) => (made.set(old), made)
  const compiled = new WeakMap<Map<string, number>, CompiledVector>()
  const compile = (vector: Map<string, number>) => {
    let found = compiled.get(vector)
    if (!found) {
      const terms: string[] = []
      const ids = new Int32Array(vector.size)
      const weights = new Float64Array(vector.size)
      // `forEach`, not an iterator: a build compiles every sentence's vector.
      vector.forEach((weight, term) => {
        ids[terms.length] = idOf(term)
        weights[terms.length] = weight
        terms.push(term)
      })
      found = { ids, weights, terms }
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
  let inX: CompiledVector | undefined
  const fit = () => {
    if (stampX.length >= termIds.size) return
    const size = Math.max(1024, termIds.size * 2)
    stampX = grow(stampX, new Int32Array(size))
    valueX = grow(valueX, new Float64Array(size))
    stampY = grow(stampY, new Int32Array(size))
    valueY = grow(valueY, new Float64Array(size))
    stampTaken = grow(stampTaken, new Int32Array(size))
  }
  const place = (left: CompiledVector, right: CompiledVector) => {
    fit()
    if (markTaken > MAX_MARK) {
      // Stamps are counters: start them again long before they could wrap around.
      for (const stamps of [stampX, stampY, stampTaken]) stamps.fill(0)
      markX = markY = markTaken = 0
      inX = undefined
    }
    // The first vector stays placed while one sentence is scored against its candidates.
    if (inX !== left) {
      markX++
      for (let k = 0; k < left.ids.length; k++) {
        stampX[left.ids[k] as number] = markX
        valueX[left.ids[k] as number] = left.weights[k] as number
      }
      inX = left
    }
    markY++
    for (let k = 0; k < right.ids.length; k++) {
      stampY[right.ids[k] as number] = markY
      valueY[right.ids[k] as number] = right.weights[k] as number
    }
  }
  // How term `id` of `own` is matched in `other`: itself, else its best link that `own` does not state
  // itself. (`directed` also keeps one word of `other` from standing for several of `own`.)
  const matchOf = (id: number, term: string, own: Int32Array, ownMark: number, other: Int32Array, otherValue: Float64Array, otherMark: number) => {
    if (other[id] === otherMark) return otherValue[id] as number
    const { ids, weights } = linksOf(id, term)
    let best = 0
    for (let k = 0; k < ids.length; k++) {
      const link = ids[k] as number
      if (other[link] !== otherMark || own[link] === ownMark) continue
      const value = (weights[k] as number) * (otherValue[link] as number)
      if (value > best) best = value
    }
    return best
  }
  // `matchOf`, where a link that a word of `own` has taken is not taken again, so one word of `other`
  // cannot stand for several. Written out: this loop is most of a build's takeaways, and a call per
  // term left its speed to whether the compiler chose to inline it.
  const directed = (a: CompiledVector, own: Int32Array, ownMark: number, other: Int32Array, otherValue: Float64Array, otherMark: number) => {
    markTaken++
    let sum = 0
    for (let k = 0; k < a.ids.length; k++) {
      const id = a.ids[k] as number
      let match = 0
      if (other[id] === otherMark) match = otherValue[id] as number
      else {
        const { ids, weights } = linksOf(id, a.terms[k] as string)
        let bestId = -1
        for (let l = 0; l < ids.length; l++) {
          const link = ids[l] as number
          if (other[link] !== otherMark || own[link] === ownMark || stampTaken[link] === markTaken) continue
          const value = (weights[l] as number) * (otherValue[link] as number)
          if (value > match) {
            match = value
            bestId = link
          }
        }
        if (bestId >= 0) stampTaken[bestId] = markTaken
      }
      sum += (a.weights[k] as number) * match
    }
    return sum
  }
  const betweenCompiled = (left: CompiledVector, right: CompiledVector) => {
    place(left, right)
    return (directed(left, stampX, markX, stampY, valueY, markY) + directed(right, stampY, markY, stampX, valueX, markX)) / 2
  }
  // Per term number: 1 when the term is specific (see `sharedSpecificTerms`), 2 when not, 0 not yet known.
  let specific = new Uint8Array(0)
  const isSpecific = (id: number, term: string) => {
    if (id >= specific.length) specific = grow(specific, new Uint8Array(Math.max(1024, termIds.size * 2)))
    if (specific[id] === 0) specific[id] = !names.has(term) && idf(index, term) >= SPECIFIC_IDF ? 1 : 2
    return specific[id] === 1
  }
  return {
    links,
    compile,
    linkIds: linksOf,
    betweenCompiled,
    between: (a, b) => betweenCompiled(compile(a), compile(b)),
    sharedSpecificTerms(a, b) {
      const left = compile(a)
      place(left, compile(b))
      let shared = 0
      for (let k = 0; k < left.ids.length; k++) {
        const term = left.terms[k] as string
        if (isSpecific(left.ids[k] as number, term) && matchOf(left.ids[k] as number, term, stampX, markX, stampY, valueY, markY) > 0) shared++
      }
      return shared
    },
  }
}

/** A term's links as term numbers and weights, in the order of `SoftSimilarity.links`. */
export interface CompiledLinks {
  ids: Int32Array
  weights: Float64Array
}

/** Highest stamp before the scratch tables are cleared: a build of millions of sentences scores hundreds of millions of pairs. */
const MAX_MARK = 1 << 30

/** A vector as term numbers and weights, in the order of its map. */
export interface CompiledVector {
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
