import type { CompiledVector, SoftSimilarity } from './similarity.js'
import type { Edges, Unit } from './types.js'

/**
 * Scratch memory that `similarityGraph` keeps between calls (one per story), grown on use: a table by
 * term number, as long as the build's vocabulary, and the inverted index's arrays, made once rather
 * than for every story. Make it with `createGraphScratch` and use it on one thread.
 */
export interface GraphScratch {
  /** Per term number, its slot in the call's inverted index; −1 (every entry, between calls) for none. */
  slotOf: Int32Array
  /** Per slot, where its holders start in `holders` (and the end of the last); then, per slot, the next holder to read. */
  start: Int32Array
  next: Int32Array
  /** The units holding each slot's stem, slot after slot, ascending within a slot, and the stem's weight in each. */
  holders: Int32Array
  weights: Float64Array
  /** Per unit: the bound of its similarity to the unit being scored, and whether it was reached. */
  bounds: Float64Array
  seen: Uint8Array
}

/** Empty scratch memory for `similarityGraph`, grown on use. */
export function createGraphScratch(): GraphScratch {
  return { slotOf: new Int32Array(0), start: new Int32Array(0), next: new Int32Array(0), holders: new Int32Array(0), weights: new Float64Array(0), bounds: new Float64Array(0), seen: new Uint8Array(0) }
}

/**
 * Every pair of units with soft similarity at least `min`. An inverted index over stems finds the
 * pairs that share a stem or a linked one, and bounds their similarity from above; only pairs whose
 * bound reaches `min` are scored. `scratch` is memory kept from an earlier call (defaults to fresh).
 */
export function similarityGraph(units: Unit[], similarity: SoftSimilarity, min: number, scratch: GraphScratch = createGraphScratch()): Edges[] {
  // Sentences are read by term numbers (`SoftSimilarity.compile`): a build makes millions of lookups here.
  const vectors = units.map((unit) => similarity.compile(unit.vector))
  // Per stem, the units holding it in ascending order, with its weight in each; `next` is the first
  // unit after the one being scored, so each pair is reached once, from its first unit. Stems are
  // numbered here in order of first occurrence (`slotOf[id]` is a term number's slot, −1 for none:
  // a table, not a map, as it is read for every stem and linked stem of every sentence). The lists
  // are laid end to end in typed arrays, counted first, rather than an array per stem grown by push.
  let maxId = -1
  let entries = 0
  for (const vector of vectors) {
    entries += vector.ids.length
    for (let k = 0; k < vector.ids.length; k++) maxId = Math.max(maxId, vector.ids[k] as number)
  }
  if (scratch.slotOf.length <= maxId) scratch.slotOf = new Int32Array(Math.max(1024, 2 * (maxId + 1))).fill(-1)
  if (scratch.holders.length < entries) {
    const size = Math.max(1024, 2 * entries)
    scratch.holders = new Int32Array(size)
    scratch.weights = new Float64Array(size)
    scratch.start = new Int32Array(size + 1)
    scratch.next = new Int32Array(size + 1)
  }
  if (scratch.bounds.length < units.length) {
    scratch.bounds = new Float64Array(Math.max(1024, 2 * units.length))
    scratch.seen = new Uint8Array(scratch.bounds.length)
  }
  const { slotOf, start, next, holders, weights: holderWeights, bounds, seen } = scratch
  // `start[slot + 1]` counts the slot's holders first, then becomes where the slot after it starts.
  let slots = 0
  for (const vector of vectors) {
    for (let k = 0; k < vector.ids.length; k++) {
      const id = vector.ids[k] as number
      let slot = slotOf[id] as number
      if (slot < 0) {
        slotOf[id] = slot = slots++
        start[slot + 1] = 0
      }
      start[slot + 1] = (start[slot + 1] as number) + 1
    }
  }
  start[0] = 0
  for (let slot = 0; slot < slots; slot++) {
    start[slot + 1] = (start[slot + 1] as number) + (start[slot] as number)
    next[slot] = start[slot] as number
  }
  vectors.forEach((vector, i) => {
    for (let k = 0; k < vector.ids.length; k++) {
      const slot = slotOf[vector.ids[k] as number] as number
      const at = next[slot] as number
      holders[at] = i
      holderWeights[at] = vector.weights[k] as number
      next[slot] = at + 1
    }
  })
  for (let slot = 0; slot < slots; slot++) next[slot] = start[slot] as number
  // The cap that keeps a huge story bounded: a stem in more sentences than this is too common to
  // find neighbours by (its weight is low anyway), so each sentence reads at most this many per stem.
  // Pairs sharing only such stems are not scored. Stories of news events stay far below it.
  for (const vector of vectors) {
    for (let k = 0; k < vector.ids.length; k++) {
      const slot = slotOf[vector.ids[k] as number] as number
      if (slot >= 0 && (start[slot + 1] as number) - (start[slot] as number) > MAX_TERM_SENTENCES) slotOf[vector.ids[k] as number] = -1
    }
  }
  const neighbours: Edges[] = units.map(() => [])
  // Links are symmetric, so the sum over linked pairs bounds both directed soft matches.
  const touched: number[] = []
  const reached: number[] = []
  const byBound = (a: number, b: number) => (bounds[b] as number) - (bounds[a] as number) || a - b
  vectors.forEach((vector, i) => {
    touched.length = 0
    // Each stem of the sentence, then each of its links (`l` from −1, the stem itself): the bound of
    // every later sentence holding it grows by the two weights' product. One loop, not a call per
    // stem, as this is most of the graph's time.
    for (let k = 0; k < vector.ids.length; k++) {
      const stemId = vector.ids[k] as number
      const stemWeight = vector.weights[k] as number
      const links = similarity.linkIds(stemId, vector.terms[k] as string)
      for (let l = -1; l < links.ids.length; l++) {
        const id = l < 0 ? stemId : (links.ids[l] as number)
        // A linked stem may be in no sentence of this story, past the end of the table.
        const slot = id < slotOf.length ? (slotOf[id] as number) : -1
        if (slot < 0) continue
        const weight = l < 0 ? stemWeight : stemWeight * (links.weights[l] as number)
        const end = start[slot + 1] as number
        let h = next[slot] as number
        while (h < end && (holders[h] as number) <= i) h++
        next[slot] = h
        for (; h < end; h++) {
          const j = holders[h] as number
          if (!seen[j]) {
            seen[j] = 1
            touched.push(j)
          }
          bounds[j] = (bounds[j] as number) + weight * (holderWeights[h] as number)
        }
      }
    }
    // A sentence of a huge story can reach thousands of others: score only the most promising few.
    reached.length = 0
    for (const j of touched) if ((bounds[j] as number) >= min) reached.push(j)
    if (reached.length > MAX_SCORED_NEIGHBOURS) {
      reached.sort(byBound)
      reached.length = MAX_SCORED_NEIGHBOURS
    }
    for (const j of touched) {
      seen[j] = 0
      bounds[j] = 0
    }
    for (const j of reached) {
      const value = similarity.betweenCompiled(vector, vectors[j] as CompiledVector)
      if (value < min) continue
      neighbours[i]?.push({ unit: j, similarity: value })
      neighbours[j]?.push({ unit: i, similarity: value })
    }
  })
  for (const vector of vectors) for (let k = 0; k < vector.ids.length; k++) slotOf[vector.ids[k] as number] = -1
  return neighbours
}

/** Most sentences of one story a stem may be in and still find similar sentences: see `similarityGraph`. */
const MAX_TERM_SENTENCES = 400

/**
 * Most later sentences one sentence is scored against, those with the highest bound first: with
 * `MAX_TERM_SENTENCES`, the cap that keeps the work per sentence bounded however large its story.
 * The bundled corpus and every fixture build the same with it as without.
 */
const MAX_SCORED_NEIGHBOURS = 100

/** Continuous LexRank: PageRank over the similarity graph, with damping 0.85. */
export function lexRank(units: Unit[], neighbours: Edges[], sameSourceWeight: number): number[] {
  const n = units.length
  if (n === 0) return []
  const damping = 0.85
  // Each edge's weight is worked out once, not in each of the 50 iterations: `first[i]` is where unit
  // i's edges start in `targets` and `weights`.
  const first = new Int32Array(n + 1)
  neighbours.forEach((edges, i) => (first[i + 1] = (first[i] as number) + edges.length))
  const targets = new Int32Array(first[n] as number)
  const weights = new Float64Array(first[n] as number)
  const outWeight = new Float64Array(n)
  neighbours.forEach((edges, i) => {
    let out = 0
    edges.forEach((edge, e) => {
      const weight = (units[i]?.sourceId === units[edge.unit]?.sourceId ? sameSourceWeight : 1) * edge.similarity
      targets[(first[i] as number) + e] = edge.unit
      weights[(first[i] as number) + e] = weight
      out += weight
    })
    outWeight[i] = out
  })
  let rank = new Float64Array(n).fill(1 / n)
  // Two buffers taking turns, not a new one per iteration.
  let next = new Float64Array(n)
  for (let iteration = 0; iteration < 50; iteration++) {
    next.fill((1 - damping) / n)
    let dangling = 0
    for (let i = 0; i < n; i++) {
      const out = outWeight[i] as number
      const share = rank[i] as number
      if (out === 0) {
        dangling += share
        continue
      }
      for (let e = first[i] as number; e < (first[i + 1] as number); e++) {
        const j = targets[e] as number
        next[j] = (next[j] as number) + (damping * share * (weights[e] as number)) / out
      }
    }
    // A sentence like no other spreads its rank evenly, so ranks keep summing to one.
    let change = 0
    for (let i = 0; i < n; i++) {
      next[i] = (next[i] as number) + (damping * dangling) / n
      change += Math.abs((next[i] as number) - (rank[i] as number))
    }
    const previous = rank
    rank = next
    next = previous
    if (change < 1e-9) break
  }
  return Array.from(rank)
}
