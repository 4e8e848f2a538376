import type { SoftSimilarity } from './similarity.js'
import type { Edges, Unit } from './types.js'

/**
 * Every pair of units with soft similarity at least `min`. An inverted index over stems finds the
 * pairs that share a stem or a linked one, and bounds their similarity from above; only pairs whose
 * bound reaches `min` are scored.
 */
export function similarityGraph(units: Unit[], similarity: SoftSimilarity, min: number): Edges[] {
  // Per stem, the units holding it in ascending order, with its weight in each; `from` is the first
  // unit after the one being scored, so each pair is reached once, from its first unit.
  const postings = new Map<string, { units: number[]; weights: number[]; from: number }>()
  units.forEach((unit, i) => {
    for (const [term, weight] of unit.vector) {
      let list = postings.get(term)
      if (!list) postings.set(term, (list = { units: [], weights: [], from: 0 }))
      list.units.push(i)
      list.weights.push(weight)
    }
  })
  // The cap that keeps a huge story bounded: a stem in more sentences than this is too common to
  // find neighbours by (its weight is low anyway), so each sentence reads at most this many per stem.
  // Pairs sharing only such stems are not scored. Stories of news events stay far below it.
  for (const [term, list] of postings) if (list.units.length > MAX_TERM_SENTENCES) postings.delete(term)
  const neighbours: Edges[] = units.map(() => [])
  // Links are symmetric, so the sum over linked pairs bounds both directed soft matches.
  const bounds = new Float64Array(units.length)
  const seen = new Uint8Array(units.length)
  units.forEach((unit, i) => {
    const touched: number[] = []
    const add = (term: string, weight: number) => {
      const list = postings.get(term)
      if (!list) return
      const { units: holders, weights } = list
      while (list.from < holders.length && (holders[list.from] as number) <= i) list.from++
      for (let k = list.from; k < holders.length; k++) {
        const j = holders[k] as number
        if (!seen[j]) {
          seen[j] = 1
          touched.push(j)
        }
        bounds[j] = (bounds[j] ?? 0) + weight * (weights[k] as number)
      }
    }
    for (const [term, weight] of unit.vector) {
      add(term, weight)
      for (const link of similarity.links(term)) add(link.term, weight * link.weight)
    }
    // A sentence of a huge story can reach thousands of others: score only the most promising few.
    let reached = touched.filter((j) => (bounds[j] ?? 0) >= min)
    if (reached.length > MAX_SCORED_NEIGHBOURS) reached = reached.sort((a, b) => (bounds[b] ?? 0) - (bounds[a] ?? 0) || a - b).slice(0, MAX_SCORED_NEIGHBOURS)
    for (const j of touched) {
      seen[j] = 0
      bounds[j] = 0
    }
    for (const j of reached) {
      const other = units[j]
      if (!other) continue
      const value = similarity.between(unit.vector, other.vector)
      if (value < min) continue
      neighbours[i]?.push({ unit: j, similarity: value })
      neighbours[j]?.push({ unit: i, similarity: value })
    }
  })
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
  const weightOf = (i: number, j: number, similarity: number) => (units[i]?.sourceId === units[j]?.sourceId ? sameSourceWeight : 1) * similarity
  const outWeight = neighbours.map((edges, i) => edges.reduce((sum, edge) => sum + weightOf(i, edge.unit, edge.similarity), 0))
  let rank = new Array<number>(n).fill(1 / n)
  for (let iteration = 0; iteration < 50; iteration++) {
    const next = new Array<number>(n).fill((1 - damping) / n)
    let dangling = 0
    for (let i = 0; i < n; i++) {
      const out = outWeight[i] ?? 0
      const share = rank[i] ?? 0
      if (out === 0) {
        dangling += share
        continue
      }
      for (const edge of neighbours[i] ?? []) next[edge.unit] = (next[edge.unit] ?? 0) + (damping * share * weightOf(i, edge.unit, edge.similarity)) / out
    }
    // A sentence like no other spreads its rank evenly, so ranks keep summing to one.
    for (let i = 0; i < n; i++) next[i] = (next[i] ?? 0) + (damping * dangling) / n
    const change = next.reduce((sum, value, i) => sum + Math.abs(value - (rank[i] ?? 0)), 0)
    rank = next
    if (change < 1e-9) break
  }
  return rank
}
