import { QUESTION_STOP_WORDS, tokenize } from '../analyzer.js'
import { idf, stemOf, type CorpusIndex } from '../search.js'
import type { Disagreement, Takeaway, TakeawayOptions } from '../types.js'
import { DEFAULT_TAKEAWAY_OPTIONS } from './options.js'
import { contestPool } from './sides.js'
import type { Candidate, TakeawayIndex } from './types.js'
import { cosine } from './vectors.js'

/**
 * The takeaways for `options`, best first: each step takes, among the points not yet said, one that
 * the most sources carry (commentary counting one source less, see `tierOf`), and among those the best by maximal marginal relevance (its score against
 * its overlap with points already taken), quoted from the sentence of its point that reads most as a
 * fact. The order does not depend on `limit`, which only cuts it: `limit: 3` is the first three of
 * `limit: 7`. Returns `[]` when no point matches the topic. `contesting` are the disagreements the
 * engine lists for the same stories (see `contestPool`); defaults to none, leaving the build's marks.
 */
export function selectTakeaways(takeaways: TakeawayIndex, index: CorpusIndex, options: TakeawayOptions = {}, contesting: readonly Disagreement[] = []): Takeaway[] {
  const limit = clampInt(options.limit ?? DEFAULT_TAKEAWAY_OPTIONS.limit, 1, 20)
  const matchesTopic = options.topic === undefined ? () => true : createTopicMatcher(index, options.topic)
  const pool = contestPool(
    takeaways.candidates
      .filter((candidate) => options.sourceId === undefined || candidate.takeaway.source.id === options.sourceId)
      .filter((candidate) => matchesTopic(candidate.vector))
      .slice(0, DEFAULT_TAKEAWAY_OPTIONS.pool),
    contesting,
  )
  const topScore = pool[0]?.score ?? 0
  const chosen: Candidate[] = []
  const lambda = DEFAULT_TAKEAWAY_OPTIONS.mmrLambda
  const isSaid = (candidate: Candidate) => chosen.some((other) => isSamePoint(candidate, other, takeaways.duplicateSimilarity))
  // Overlap of each candidate with the points taken so far, updated as each is taken.
  const overlap = new Map<Candidate, number>()
  while (chosen.length < limit) {
    let best: Candidate | undefined
    let bestValue = -Infinity
    for (const candidate of pool) {
      if (best && tierOf(candidate) < tierOf(best)) continue
      if (isSaid(candidate)) continue
      const value = lambda * (candidate.score / (topScore || 1)) - (1 - lambda) * (overlap.get(candidate) ?? 0)
      if (!best || tierOf(candidate) > tierOf(best) || value > bestValue) {
        best = candidate
        bestValue = value
      }
    }
    if (!best) break
    const representative = representativeOf(best, pool, isSaid)
    pool.splice(pool.indexOf(representative), 1)
    chosen.push(representative)
    for (const candidate of pool) overlap.set(candidate, Math.max(overlap.get(candidate) ?? 0, cosine(candidate.vector, representative.vector)))
  }
  return chosen.map((candidate) => ({ ...candidate.takeaway, supportedBy: [...candidate.takeaway.supportedBy] }))
}

/**
 * Rank of a point by the sources carrying it. Sources sharing a view or a piece of background is
 * weaker evidence than sources reporting the same fact, so commentary (fact-ness 0 or less) carried
 * by n sources ranks with facts carried by n − 1, and a fact one source reports can come first.
 */
export function tierOf(candidate: Candidate): number {
  const sources = candidate.takeaway.supportedBy.length
  return candidate.fact <= 0 ? Math.max(1, sources - 1) : sources
}

/** Sentences restating both of two takeaways that make them one point. */
const SHARED_RESTATEMENTS = 2

/** Least share of the picked sentence's score another sentence of the same point needs to be quoted for it instead. */
const REPRESENTATIVE_SHARE = 0.6

/**
 * The sentence to quote for the point `picked` makes: among the sentences stating the same point
 * with as much support and a score not far below, and not the point of one already chosen, the
 * one that reads most as a reported fact.
 */
function representativeOf(picked: Candidate, pool: Candidate[], isChosen: (candidate: Candidate) => boolean): Candidate {
  let best = picked
  for (const candidate of pool) {
    if (!picked.samePoint.includes(candidate.id) || candidate.score < REPRESENTATIVE_SHARE * picked.score || isChosen(candidate)) continue
    if (candidate.takeaway.supportedBy.length < picked.takeaway.supportedBy.length) continue
    if (candidate.fact > best.fact || (candidate.fact === best.fact && candidate.score > best.score)) best = candidate
  }
  return best
}

/**
 * Whether two takeaways say the same thing: found to support each other at build time (synonyms
 * included), similar enough in their own words, or restating the same figure in partly shared words ("sells for 3,200 euros" and "priced at 3,200 euros").
 */
function isSamePoint(a: Candidate, b: Candidate, duplicateSimilarity: number): boolean {
  if (a.samePoint.includes(b.id) || b.samePoint.includes(a.id)) return true
  for (const phrase of a.phrases) if (b.phrases.has(phrase)) return true
  const similarity = cosine(a.vector, b.vector)
  if (similarity >= duplicateSimilarity) return true
  // Paraphrases need not match each other closely to be one point: two related sentences that the
  // same two sentences restate are one point too. Unrelated ones are two points a longer sentence joins.
  if (similarity >= duplicateSimilarity / 2 && a.samePoint.filter((id) => b.samePoint.includes(id)).length >= SHARED_RESTATEMENTS) return true
  return similarity >= duplicateSimilarity / 2 && [...a.numbers].some((number) => b.numbers.has(number))
}

/** Share of a topic's weight (by IDF) a point must mention to be about it. */
const TOPIC_COVERAGE = 0.6

/**
 * Whether a point is about `topic`, matched as the index matches: by stems, so "sanction" finds
 * "sanctions"; a stem also matches the longer stems it begins ("canad" and "canadian").
 */
function createTopicMatcher(index: CorpusIndex, topic: string): (vector: Map<string, number>) => boolean {
  const weights = new Map<string, number>()
  for (const token of tokenize(topic)) {
    if (QUESTION_STOP_WORDS.has(token.word)) continue
    const term = stemOf(index, token.word)
    weights.set(term, idf(index, term))
  }
  const total = [...weights.values()].reduce((sum, weight) => sum + weight, 0)
  if (total === 0) return () => false
  const matches = (term: string, stems: Iterable<string>) => {
    for (const stem of stems) {
      if (stem === term || (term.length >= 4 && stem.startsWith(term)) || (stem.length >= 4 && term.startsWith(stem))) return true
    }
    return false
  }
  return (vector) => {
    let covered = 0
    for (const [term, weight] of weights) if (matches(term, vector.keys())) covered += weight
    return covered / total >= TOPIC_COVERAGE
  }
}

function clampInt(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return min
  return Math.min(max, Math.max(min, Math.trunc(value)))
}
