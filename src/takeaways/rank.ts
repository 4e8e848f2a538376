import type { DisagreementIndex } from '../disagreements.js'
import type { SentenceReadings } from '../reading.js'
import type { CorpusIndex } from '../search.js'
import { createClaimLookup, createContestCheck, createSideLookup, opposed } from './contest.js'
import { factOf } from './fact.js'
import { createGraphScratch, lexRank, similarityGraph, type GraphScratch } from './graph.js'
import { DEFAULT_TAKEAWAY_BUILD_OPTIONS, type TakeawayBuildOptions } from './options.js'
import { qualityOf } from './quotable.js'
import { MIN_SHARED_TERMS, createPointCheck, numbersAgree, phrasesOf } from './same-point.js'
import { type SoftSimilarity, createSoftSimilarity } from './similarity.js'
import type { Candidate, TakeawayIndex } from './types.js'
import { collectUnits } from './units.js'
import { createWordTerms, findNameStems, vectorOf, type WordTerms } from './vectors.js'

/**
 * Ranks every quotable sentence of the corpus as a candidate takeaway: LexRank centrality over a
 * soft TF-IDF cosine graph (edges across sources weigh more than within one), boosted by how many
 * other sources state the same point and by how much it reads as a reported fact, with the
 * disagreement that contests it. Run once at build time.
 */
export function buildTakeawayIndex(index: CorpusIndex, disagreements: DisagreementIndex, options: TakeawayBuildOptions = {}): TakeawayIndex {
  return createTakeawayBuilder(index, options)(disagreements)
}

/**
 * Builds takeaway indexes over parts of one corpus: what depends on the whole corpus (names, synonym
 * links) is read once, then each call ranks the sentences of `sourceIds` only (every source when
 * absent) against `disagreements`, numbering its sentences from `firstId` so the candidates of
 * several calls can be merged. Takeaways are per story: the engine calls it once per story.
 * `names` are the index's `findNameStems`, for a caller that has found them already.
 */
export function createTakeawayBuilder(
  index: CorpusIndex,
  options: TakeawayBuildOptions = {},
  readings?: SentenceReadings,
  names: ReadonlySet<string> = findNameStems(index),
): (disagreements: DisagreementIndex, sourceIds?: readonly string[], firstId?: number) => TakeawayIndex {
  const settings = { ...DEFAULT_TAKEAWAY_BUILD_OPTIONS, ...options }
  const similarity = createSoftSimilarity(index, names, settings)
  const terms = createWordTerms(index, names)
  const scratch = createGraphScratch()
  return (disagreements, sourceIds, firstId = 0) => rankSentences(index, disagreements, settings, names, similarity, terms, scratch, sourceIds, firstId, readings)
}

function rankSentences(
  index: CorpusIndex,
  disagreements: DisagreementIndex,
  settings: Required<TakeawayBuildOptions>,
  names: ReadonlySet<string>,
  similarity: SoftSimilarity,
  terms: WordTerms,
  scratch: GraphScratch,
  sourceIds: readonly string[] | undefined,
  firstId: number,
  readings: SentenceReadings | undefined,
): TakeawayIndex {
  const units = collectUnits(index, names, settings, sourceIds, readings, terms)
  const neighbours = similarityGraph(units, similarity, settings.graphSimilarity, scratch)
  const centrality = lexRank(units, neighbours, settings.sameSourceWeight)
  const contest = createContestCheck(index, disagreements)
  const claimsOf = createClaimLookup(disagreements)
  const unitClaims = units.map((unit) => claimsOf(unit))
  const sidesOf = createSideLookup(disagreements)
  const unitSides = units.map((unit) => sidesOf(unit))
  const facts = units.map((unit, i) => factOf(unit, names, (unitClaims[i]?.length ?? 0) > 0))

  let maxCentrality = 0
  units.forEach((unit, i) => {
    if (unit.quotable) maxCentrality = Math.max(maxCentrality, centrality[i] ?? 0)
  })
  const samePoint = createPointCheck(index, names, similarity)
  const restatements = units.map((unit, i) => {
    const same: number[] = []
    for (const { unit: j, similarity: value } of neighbours[i] ?? []) {
      const other = units[j]
      // Two sides of a disagreement contest each other's point, whatever words they share.
      if (!other || !numbersAgree(unit, other) || opposed(unitSides[i], unitSides[j])) continue
      const sameClaim = unitClaims[i]?.some((claim) => unitClaims[j]?.includes(claim)) ?? false
      // Commentary shares abstract words ("future", "international") without saying the same thing,
      // so a pair with commentary on either side must match more closely; a claim both state is evidence enough for less.
      const commentary = Math.min(facts[i] ?? 0, facts[j] ?? 0) <= 0
      const needed = sameClaim ? settings.supportSimilarity * CLAIM_FACTOR : settings.supportSimilarity * (commentary ? COMMENTARY_FACTOR : 1)
      if (value < needed || similarity.sharedSpecificTerms(unit.vector, other.vector) < (sameClaim ? 1 : MIN_SHARED_TERMS)) continue
      // Shared words are not a shared point: "the mayor ordered schools closed" and "the plant will
      // stay closed" share an action on different things, and two people ordering the same thing are two points.
      if (sameClaim || samePoint(unit, other, value >= settings.supportSimilarity * COMMENTARY_FACTOR)) same.push(j)
    }
    return same
  })
  const candidates: Candidate[] = []
  units.forEach((unit, i) => {
    const source = index.sourceById.get(unit.sourceId)
    if (!unit.quotable || !source) return
    const restating = restatements[i] ?? []
    const support = new Set<string>()
    for (const j of restating) support.add(units[j]?.sourceId ?? unit.sourceId)
    support.delete(unit.sourceId)
    const supporters = [...support].sort((a, b) => (index.sourceNumber.get(a) ?? 0) - (index.sourceNumber.get(b) ?? 0))
    const centralityShare = maxCentrality > 0 ? (centrality[i] ?? 0) / maxCentrality : 0
    const fact = facts[i] ?? 0
    const factor = Math.max(MIN_FACT_FACTOR, 1 + settings.factWeight * fact)
    // Sources sharing a view are weaker evidence than sources reporting a fact: see `tierOf`.
    const counted = fact <= 0 ? Math.max(0, supporters.length - 1) : supporters.length
    const score = (0.3 + 0.7 * centralityShare) * (1 + settings.supportBoost * counted) * qualityOf(unit) * factor
    const disagreement = contest(unit)
    candidates.push({
      takeaway: {
        text: unit.text,
        source,
        passageId: unit.passageId,
        supportedBy: [unit.sourceId, ...supporters],
        contested: disagreement !== undefined,
        ...(disagreement ? { disagreementTopic: disagreement.topic } : {}),
      },
      id: firstId + i,
      samePoint: firstId === 0 ? restating : restating.map((j) => firstId + j),
      score: Math.round(score * 10_000) / 10_000,
      fact,
      numbers: unit.numbers,
      vector: unit.vector,
      phrases: unit.phrases ?? phrasesOf(index, names, unit.text),
    })
  })
  candidates.sort((a, b) => b.score - a.score)
  return { ranked: candidates.map((candidate) => candidate.takeaway), candidates, duplicateSimilarity: settings.supportSimilarity, ...(firstId > 0 || sourceIds ? { nextId: firstId + units.length } : {}) }
}

/** Share of `supportSimilarity` enough for two sentences stating the same claim (a value of the same thing, an outcome) to support each other. */
const CLAIM_FACTOR = 0.5

/** Multiple of `supportSimilarity` two sentences need when either is commentary (fact-ness 0 or less). */
const COMMENTARY_FACTOR = 2

/** Lowest score factor fact-ness can give, so heavy commentary is pushed down, not out. */
const MIN_FACT_FACTOR = 0.6

/**
 * The similarity two sentences of `index` have when takeaways compare them, from their text: for
 * measuring `supportSimilarity` on labelled pairs. Also returns whether they share enough specific
 * words to support each other.
 */
export function createSentenceComparer(index: CorpusIndex, options: TakeawayBuildOptions = {}): (a: string, b: string) => { similarity: number; sharedTerms: number } {
  const settings = { ...DEFAULT_TAKEAWAY_BUILD_OPTIONS, ...options }
  const names = findNameStems(index)
  const similarity = createSoftSimilarity(index, names, settings)
  return (a, b) => {
    const [left, right] = [vectorOf(index, names, a), vectorOf(index, names, b)]
    return { similarity: similarity.between(left, right), sharedTerms: similarity.sharedSpecificTerms(left, right) }
  }
}
