import { QUESTION_STOP_WORDS, tokenize } from './analyzer.js'
import type { DisagreementIndex } from './disagreements.js'
import { getNlp, splitSentences } from './nlp.js'
import { allPassages, articleText, FEATURE, idf, passageAt, passageById, stemOf, storedFeatures, type CorpusIndex } from './search.js'
import type { Disagreement, Passage, Sentence, Takeaway, TakeawayOptions } from './types.js'
import { lowerBound } from './sorted-strings.js'

/**
 * How takeaways are ranked. Every threshold is a general one, measured on invented fixtures
 * (`test/fixtures/takeaways-*`), never on the bundled corpus.
 */
export interface TakeawayBuildOptions {
  /**
   * Similarity at or above which two sentences from different sources state the same point: a soft
   * TF-IDF cosine (names down-weighted) in which a word also matches its WordNet synonyms and other
   * forms of its stem, at reduced weight. The two must also share two specific words that are not
   * names, and agree on any figures. Measured on the labelled pairs of the invented fixtures
   * (`test/fixtures/takeaways-*`, the `SAME_FACT` test): 29 pairs restating a fact score 0.16–0.84,
   * 26 of them 0.2 or more; 298 pairs stating different facts score at most 0.195. Pairs where
   * either side is commentary need 1.5 times this; pairs stating the same extracted claim (a figure
   * of the same measure, an outcome) need half. Defaults to `0.2`.
   */
  supportSimilarity?: number
  /** Least similarity for an edge of the centrality graph. Defaults to `0.1`. */
  graphSimilarity?: number
  /**
   * Weight of an edge between two sentences of the same article, against 1 across articles, so
   * a long article repeating itself does not make its own sentences central. Defaults to `0.3`.
   */
  sameSourceWeight?: number
  /** Score factor per further source carrying a point: 1 + boost × (sources − 1). Defaults to `0.5`. */
  supportBoost?: number
  /**
   * Score factor per point of fact-ness (see `factOf`: about −2.5 for hedged commentary to +3 for a
   * figure stated on the record): 1 + weight × fact. Small beside `supportBoost`, so one more source
   * outweighs it, while between points of equal support the reported fact wins. Defaults to `0.1`.
   */
  factWeight?: number
  /** Weight of a match between a word and its WordNet synonym, against 1 for the same stem. Defaults to `0.4`. */
  synonymWeight?: number
  /** Weight of a match between two forms of a stem ("conclud", "conclus"), against 1 for the same stem. Defaults to `0.7`. */
  variantWeight?: number
  /** Longest takeaway in characters. Defaults to 299 (under 300). */
  maxChars?: number
  /** Shortest takeaway in characters: shorter lines are rarely a whole point. Defaults to 40. */
  minChars?: number
}

export const DEFAULT_TAKEAWAY_BUILD_OPTIONS: Required<TakeawayBuildOptions> = {
  supportSimilarity: 0.2,
  graphSimilarity: 0.1,
  sameSourceWeight: 0.3,
  supportBoost: 0.5,
  factWeight: 0.2,
  synonymWeight: 0.4,
  variantWeight: 0.7,
  maxChars: 299,
  minChars: 40,
}

/** Defaults of `selectTakeaways`. */
export const DEFAULT_TAKEAWAY_OPTIONS = {
  /** Most takeaways: a summary a reader takes in at a glance. */
  limit: 7,
  /** Maximal marginal relevance: weight of a point's own score against its overlap with points already chosen. */
  mmrLambda: 0.7,
  /** Candidates read by the maximal-marginal-relevance pick, best first, so selection stays instant on a large corpus. */
  pool: 300,
} as const

/** A quotable sentence with what selection needs, precomputed. */
interface Candidate {
  takeaway: Takeaway
  /** Number of its sentence among the build's sentences. */
  id: number
  /** `id`s of sentences, from any source, that state the same point: a paraphrase is a repeat too. */
  samePoint: number[]
  score: number
  /** How much the sentence reads as a reported fact rather than commentary (see `factOf`). */
  fact: number
  /** Numbers the sentence states, as in `Unit`. */
  numbers: Set<string>
  /** L2-normalised TF-IDF weights by stem. */
  vector: Map<string, number>
  /** Its distinctive word runs (see `phrasesOf`): a sentence repeating one restates it, however else it differs. */
  phrases: Set<string>
}

/** Ranked candidate points, computed once when the corpus is indexed. */
export interface TakeawayIndex {
  /** Every quotable sentence as a takeaway, best first. */
  ranked: Takeaway[]
  /** Per entry of `ranked`, in the same order: score and vector for selection and topic filters. */
  candidates: Candidate[]
  /** Cosine at or above which two takeaways say the same thing. */
  duplicateSimilarity: number
  /** One past the highest sentence number used: where the next story's numbering starts. */
  nextId?: number
}

/** A sentence of the corpus as takeaways see it. Headings and questions support points; only `quotable` ones are quoted. */
interface Unit {
  sourceId: string
  passageId: string
  start: number
  end: number
  text: string
  quotable: boolean
  isList: boolean
  /** FEATURE bits (proper nouns, numbers, dates) when known. */
  features: number
  /** Position among its article's sentences, 0 (first) to 1 (last). */
  position: number
  vector: Map<string, number>
  /** Numbers the sentence states, digits or words: two sentences with different numbers do not state the same point. */
  numbers: Set<string>
}

/** Neighbours of one sentence in the similarity graph. */
type Edges = Array<{ unit: number; similarity: number }>

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
 */
export function createTakeawayBuilder(
  index: CorpusIndex,
  options: TakeawayBuildOptions = {},
): (disagreements: DisagreementIndex, sourceIds?: readonly string[], firstId?: number) => TakeawayIndex {
  const settings = { ...DEFAULT_TAKEAWAY_BUILD_OPTIONS, ...options }
  const names = findNameStems(index)
  const similarity = createSoftSimilarity(index, names, settings)
  return (disagreements, sourceIds, firstId = 0) => rankSentences(index, disagreements, settings, names, similarity, sourceIds, firstId)
}

function rankSentences(
  index: CorpusIndex,
  disagreements: DisagreementIndex,
  settings: Required<TakeawayBuildOptions>,
  names: ReadonlySet<string>,
  similarity: SoftSimilarity,
  sourceIds: readonly string[] | undefined,
  firstId: number,
): TakeawayIndex {
  const units = collectUnits(index, names, settings, sourceIds)
  const neighbours = similarityGraph(units, similarity, settings.graphSimilarity)
  const centrality = lexRank(units, neighbours, settings.sameSourceWeight)
  const contest = createContestCheck(index, disagreements)
  const claimsOf = createClaimLookup(disagreements)
  const unitClaims = units.map((unit) => claimsOf(unit))
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
      if (!other || !numbersAgree(unit, other)) continue
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
      phrases: phrasesOf(index, names, unit.text),
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

/**
 * The takeaways for `options`, best first: each step takes, among the points not yet said, one that
 * the most sources carry (commentary counting one source less, see `tierOf`), and among those the best by maximal marginal relevance (its score against
 * its overlap with points already taken), quoted from the sentence of its point that reads most as a
 * fact. The order does not depend on `limit`, which only cuts it: `limit: 3` is the first three of
 * `limit: 7`. Returns `[]` when no point matches the topic.
 */
export function selectTakeaways(takeaways: TakeawayIndex, index: CorpusIndex, options: TakeawayOptions = {}): Takeaway[] {
  const limit = clampInt(options.limit ?? DEFAULT_TAKEAWAY_OPTIONS.limit, 1, 20)
  const matchesTopic = options.topic === undefined ? () => true : createTopicMatcher(index, options.topic)
  const pool = takeaways.candidates
    .filter((candidate) => options.sourceId === undefined || candidate.takeaway.source.id === options.sourceId)
    .filter((candidate) => matchesTopic(candidate.vector))
    .slice(0, DEFAULT_TAKEAWAY_OPTIONS.pool)
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
function tierOf(candidate: Candidate): number {
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

const LIST_MARK = /^\s*(?:[-*•‣◦]|\d{1,2}[.)])\s+/u
/** "Label: " before a list item's sentence, as in "Energy Dynamics: Ongoing disagreements…". */
const LIST_LABEL = /^[^.!?:;]{2,60}:\s+(?=["“‘']?\p{Lu})/u

/** The corpus's sentences with their vectors; list items are read as the sentences after their mark and label. */
function collectUnits(index: CorpusIndex, names: ReadonlySet<string>, settings: Required<TakeawayBuildOptions>, sourceIds?: readonly string[]): Unit[] {
  const units: Unit[] = []
  const bySource = new Map<string, Passage[]>()
  if (sourceIds === undefined) {
    for (const passage of allPassages(index)) {
      const passages = bySource.get(passage.sourceId)
      if (passages) passages.push(passage)
      else bySource.set(passage.sourceId, [passage])
    }
  } else {
    // One story's sources: read only their passages, so building every story stays one pass over the corpus.
    const { bySourceOrdinal, sourceStart } = index.table
    for (const sourceId of sourceIds) {
      const s = index.sourceNumber.get(sourceId)
      if (s === undefined) continue
      const passages: Passage[] = []
      for (let k = sourceStart[s] ?? 0; k < (sourceStart[s + 1] ?? 0); k++) passages.push(passageAt(index, bySourceOrdinal[k] ?? 0))
      bySource.set(sourceId, passages)
    }
  }
  for (const [sourceId, passages] of bySource) {
    const article = articleText(index, sourceId)
    const spans: Array<{ passage: Passage; start: number; end: number; kind: Sentence['kind']; features: number }> = []
    for (const passage of passages) {
      const features = storedFeatures(index, passage.id)
      passage.sentences.forEach((sentence, i) => {
        if (sentence.kind === 'table') return
        if (sentence.kind !== 'list') {
          spans.push({ passage, start: sentence.start, end: sentence.end, kind: sentence.kind, features: features[i] ?? 0 })
          return
        }
        const line = article.slice(sentence.start, sentence.end)
        const mark = LIST_MARK.exec(line)?.[0].length ?? 0
        const label = LIST_LABEL.exec(line.slice(mark))?.[0].length ?? 0
        const bodyStart = sentence.start + mark + label
        for (const span of splitSentences(article.slice(bodyStart, sentence.end), bodyStart)) {
          // A bare fragment ("Hydraulic disc brakes") supports points but is never quoted.
          spans.push({ passage, start: span.start, end: span.end, kind: 'list', features: 0 })
        }
      })
    }
    spans.forEach((span, i) => {
      const text = article.slice(span.start, span.end)
      const vector = vectorOf(index, names, text)
      if (vector.size === 0) return
      units.push({
        sourceId,
        passageId: span.passage.id,
        start: span.start,
        end: span.end,
        text,
        quotable: span.kind !== 'heading' && isQuotable(text, settings),
        isList: span.kind === 'list',
        features: span.features,
        position: spans.length > 1 ? i / (spans.length - 1) : 0,
        vector,
        numbers: numbersOf(text),
      })
    })
  }
  return units
}

/**
 * Modal verbs and connectives: they say how a point is argued, not what it is, so two sentences
 * sharing them share nothing. Kept apart from the analyzer's question stop words, which questions need.
 */
const DISCOURSE_WORDS: ReadonlySet<string> = new Set(
  'may might must shall however therefore thus furthermore moreover additionally also yet still rather instead meanwhile indeed perhaps according'.split(' '),
)

/**
 * Weight of a name against a common word. Articles about one event name the same people and places
 * in full again and again ("the President of X and the Prime Minister of Y"), so two sentences
 * sharing only names say nothing alike; what happened is in the other words.
 */
const NAME_WEIGHT = 0.4

/** Sentence-initial words are capitalised anyway; what precedes such a word. */
const SENTENCE_OPENER = /(?:^|[.!?:;"“”—–\n]\s*)$/u

/**
 * Stems written capitalised in most of their occurrences inside a sentence: names of people,
 * places, organisations, days and titles.
 */
function findNameStems(index: CorpusIndex): Set<string> {
  const counts = new Map<string, { capitalised: number; total: number }>()
  for (const source of index.sources) {
    const text = articleText(index, source.id)
    for (const token of tokenize(text)) {
      const first = text.charAt(token.start)
      if (!/\p{L}/u.test(first) || SENTENCE_OPENER.test(text.slice(Math.max(0, token.start - 3), token.start))) continue
      const term = stemOf(index, token.word)
      const count = counts.get(term) ?? { capitalised: 0, total: 0 }
      count.total++
      if (first !== first.toLowerCase()) count.capitalised++
      counts.set(term, count)
    }
  }
  const names = new Set<string>()
  for (const [term, { capitalised, total }] of counts) if (capitalised / total >= 0.6) names.add(term)
  return names
}

/** L2-normalised TF-IDF weights of a text's content stems (function words dropped). */
function vectorOf(index: CorpusIndex, names: ReadonlySet<string>, text: string): Map<string, number> {
  const vector = new Map<string, number>()
  for (const token of tokenize(text)) {
    if (QUESTION_STOP_WORDS.has(token.word) || DISCOURSE_WORDS.has(token.word)) continue
    const term = stemOf(index, token.word)
    vector.set(term, (vector.get(term) ?? 0) + idf(index, term) * (names.has(term) ? NAME_WEIGHT : 1))
  }
  let norm = 0
  for (const weight of vector.values()) norm += weight * weight
  norm = Math.sqrt(norm)
  for (const [term, weight] of vector) vector.set(term, weight / norm)
  return vector
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let dot = 0
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0)
  return dot
}

/** Soft sentence similarity over one index: stems that may stand for one another, and the measures built on them. */
interface SoftSimilarity {
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
function createSoftSimilarity(index: CorpusIndex, names: ReadonlySet<string>, settings: Required<TakeawayBuildOptions>): SoftSimilarity {
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
  const directed = (a: Map<string, number>, b: Map<string, number>) => {
    const taken = new Set<string>()
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

/** Who does what in a sentence, as far as telling two points apart needs. */
interface PointRoles {
  /** Stems of the names acting: the last word of each name before the main verb ("Mayor Tom Ellison ordered" gives "ellison"). */
  actors: string[]
  /** Stems of the common nouns: what the action is done to or about. */
  nouns: string[]
  /** Stems of the verbs that say what happened, without saying-verbs ("said") and light ones ("be", "have"). */
  verbs: string[]
}

/**
 * Whether two sentences that share words state the same point: someone one of them names as acting is
 * named by the other too (a passive or a quote may name them anywhere), and they share a noun, itself
 * or a synonym, so the shared words are about the same thing. Roles are read with the part-of-speech
 * tagger on first need, as only pairs already similar enough are checked.
 */
function createPointCheck(index: CorpusIndex, names: ReadonlySet<string>, similarity: SoftSimilarity): (a: Unit, b: Unit, close: boolean) => boolean {
  const cache = new Map<Unit, PointRoles>()
  const rolesOf = (unit: Unit) => {
    let roles = cache.get(unit)
    if (!roles) cache.set(unit, (roles = readRoles(index, names, unit.text)))
    return roles
  }
  const namedIn = (actors: string[], other: Unit) => actors.length === 0 || actors.some((actor) => other.vector.has(actor))
  const shares = (terms: string[], other: Unit) =>
    terms.some((term) => other.vector.has(term) || similarity.links(term).some((link) => other.vector.has(link.term)))
  return (a, b, close) => {
    const [left, right] = [rolesOf(a), rolesOf(b)]
    if (!namedIn(left.actors, b) && !namedIn(right.actors, a)) return false
    if (!shares(left.nouns, b) && !shares(right.nouns, a)) return false
    // A close match, or one about the same named person, may say the action in other words ("call
    // them back", "invite them back"; "X defeated Y", "ends Y's eight years"); a looser one must name
    // the same action, unless one sentence names none ("a walkout of 1,800 dockers").
    if (close || [...a.vector.keys()].some((term) => names.has(term) && b.vector.has(term))) return true
    return left.verbs.length === 0 || right.verbs.length === 0 || shares(left.verbs, b) || shares(right.verbs, a)
  }
}

function readRoles(index: CorpusIndex, names: ReadonlySet<string>, text: string): PointRoles {
  const nlp = getNlp()
  const doc = nlp.readDoc(text)
  const words = (doc.tokens().out() as string[]).map((word) => word.toLowerCase().replace(/[’']s$/, ''))
  const tags = doc.tokens().out(nlp.its.pos) as string[]
  const verbAt = tags.indexOf('VERB')
  const actors: string[] = []
  const nouns: string[] = []
  const verbs: string[] = []
  words.forEach((word, i) => {
    const stem = stemOf(index, word)
    if (tags[i] === 'PROPN' && i < (verbAt < 0 ? words.length : verbAt) && tags[i + 1] !== 'PROPN' && names.has(stem)) actors.push(stem)
    if (QUESTION_STOP_WORDS.has(word) || DISCOURSE_WORDS.has(word)) return
    if (tags[i] === 'NOUN' || (tags[i] === 'PROPN' && !names.has(stem))) nouns.push(stem)
    else if (tags[i] === 'VERB' && !LIGHT_VERBS.has(word)) verbs.push(stem)
  })
  return { actors, nouns, verbs }
}

/** Words in a run that `phrasesOf` keeps: long enough to be a sentence's own wording, not a set phrase. */
const PHRASE_WORDS = 5
/** Words of a kept run that must be neither function words nor names: "President X and Prime Minister Y" is every sentence's. */
const PHRASE_CONTENT_WORDS = 2

/**
 * Runs of `PHRASE_WORDS` words holding at least `PHRASE_CONTENT_WORDS` content words that are not
 * names ("invasion of the country in 2022"). A sentence that repeats such a run repeats its point,
 * as a summary line does with the paragraph after it.
 */
function phrasesOf(index: CorpusIndex, names: ReadonlySet<string>, text: string): Set<string> {
  const words = tokenize(text).map((token) => token.word)
  const content = words.map((word) => !QUESTION_STOP_WORDS.has(word) && !DISCOURSE_WORDS.has(word) && !names.has(stemOf(index, word)))
  const phrases = new Set<string>()
  for (let i = 0; i + PHRASE_WORDS <= words.length; i++) {
    if (content.slice(i, i + PHRASE_WORDS).filter(Boolean).length >= PHRASE_CONTENT_WORDS) phrases.add(words.slice(i, i + PHRASE_WORDS).join(' '))
  }
  return phrases
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

/**
 * Every pair of units with soft similarity at least `min`. An inverted index over stems finds the
 * pairs that share a stem or a linked one, and bounds their similarity from above; only pairs whose
 * bound reaches `min` are scored.
 */
function similarityGraph(units: Unit[], similarity: SoftSimilarity, min: number): Edges[] {
  const postings = new Map<string, Array<[unit: number, weight: number]>>()
  units.forEach((unit, i) => {
    for (const [term, weight] of unit.vector) {
      let list = postings.get(term)
      if (!list) postings.set(term, (list = []))
      list.push([i, weight])
    }
  })
  // The cap that keeps a huge story bounded: a stem in more sentences than this is too common to
  // find neighbours by (its weight is low anyway), so each sentence reads at most this many per stem.
  // Pairs sharing only such stems are not scored. Stories of news events stay far below it.
  for (const [term, list] of postings) if (list.length > MAX_TERM_SENTENCES) postings.delete(term)
  const neighbours: Edges[] = units.map(() => [])
  // Links are symmetric, so the sum over linked pairs bounds both directed soft matches.
  const bounds = new Float64Array(units.length)
  const seen = new Uint8Array(units.length)
  units.forEach((unit, i) => {
    const touched: number[] = []
    const add = (term: string, weight: number) => {
      for (const [j, other] of postings.get(term) ?? []) {
        if (j <= i) continue
        if (!seen[j]) {
          seen[j] = 1
          touched.push(j)
        }
        bounds[j] = (bounds[j] ?? 0) + weight * other
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
function lexRank(units: Unit[], neighbours: Edges[], sameSourceWeight: number): number[] {
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

const OPENS_SENTENCE = /^["“‘']?[\p{Lu}\p{N}]/u
const CLOSES_SENTENCE = /[.!]["”’')\]]*$/u
/** Writing about the article itself rather than the event. */
const SELF_REFERENCE = /\b(?:this|our|the present) (?:article|piece|post|column|essay|overview|newsletter)\b|\bkey takeaways\b/i
const BOILERPLATE = /\b(?:all rights reserved|copyright|subscribe|newsletter|sign up|click here|read more|follow us|contributed (?:reporting|to this report)|(?:reporting|editing) by)\b|©|https?:\/\/|\[\[/i
/** Advice to the reader in the author's voice. */
const PRESCRIPTIVE = /^(?:it is (?:vital|essential|crucial|important|imperative|necessary|time) (?:to|that|for)|(?:we|you) (?:must|should|need to|have to|can)|let(?:'s|’s| us)\b)/i
const SECOND_PERSON = /\b(?:you|your|yours|yourself)\b/i
/** Verbs that open calls to action; sentence-initial words defeat the part-of-speech tagger, so these are listed. */
const ACTION_VERBS = new Set(
  (
    'advocate ask avoid be book buy call check choose click consider contact demand discover do don donate download email encourage ' +
    'engage ensure explore find follow foster get give help hold join keep learn let listen look make order pledge read register ' +
    'remember reserve see share shop sign stand start stay subscribe support take tell try urge visit vote watch write'
  ).split(' '),
)

/**
 * Opens with a personal pronoun ("She said 12 workers…", "His statements…", "It…"): who is meant is
 * in the sentence before, so alone it does not say who. Such a sentence still supports its point; another sentence of the point is quoted.
 */
const PRONOUN_START = /^["“‘']?(?:he|she|it|they|him|them|his|her|its|their)\b/i

/** Whether a sentence can stand alone as a takeaway: a whole declarative sentence, no boilerplate or advice. */
function isQuotable(text: string, settings: Required<TakeawayBuildOptions>): boolean {
  if (text.length < settings.minChars || text.length > settings.maxChars) return false
  if (!OPENS_SENTENCE.test(text) || !CLOSES_SENTENCE.test(text)) return false
  if (tokenize(text).length < 6) return false
  if (SELF_REFERENCE.test(text) || BOILERPLATE.test(text) || PRESCRIPTIVE.test(text)) return false
  if (SECOND_PERSON.test(withoutQuotations(text))) return false
  if (PRONOUN_START.test(text)) return false
  return !isImperative(text)
}

/** Text outside quotation marks: a quoted "you" is someone speaking, not the article addressing its reader. */
function withoutQuotations(text: string): string {
  return text.replace(/“[^”]*”|"[^"]*"/g, ' ')
}

/**
 * Whether a sentence opens with a verb in its base form: "Consider supporting…", "Demand transparency…".
 * A subject-first sentence whose first word is inflected ("Sources say") or followed by an inflected verb
 * ("Support grew") is declarative.
 */
function isImperative(text: string): boolean {
  const body = text.replace(/^["“‘']/, '')
  const opener = tokenize(body)[0]?.word ?? ''
  // Tagging is the costly step: skip openers that cannot be a verb's base form ("The", "After", "Officials").
  if (!ACTION_VERBS.has(opener) && (QUESTION_STOP_WORDS.has(opener) || /(?:[^s]s|ed|ing|ly)$/.test(opener))) return false
  const nlp = getNlp()
  // Lower-cased, the first word is tagged as a verb rather than as a name.
  const doc = nlp.readDoc(body.charAt(0).toLowerCase() + body.slice(1))
  const words = doc.tokens().out()
  const tags = doc.tokens().out(nlp.its.pos) as string[]
  // wink types `its.lemma` with a signature its `out` overloads do not accept, though it works as an ItsFunction.
  const lemmas = doc.tokens().out(nlp.its.lemma as unknown as typeof nlp.its.pos) as string[]
  const first = words[0]?.toLowerCase() ?? ''
  if (lemmas[0] !== first || /(?:ing|ed)$/.test(first)) return false
  const second = words[1]?.toLowerCase() ?? ''
  const secondIsFiniteVerb = (tags[1] === 'VERB' || tags[1] === 'AUX') && lemmas[1] !== second && !second.endsWith('ing')
  if (secondIsFiniteVerb) return false
  return tags[0] === 'VERB' || tags[0] === 'AUX' || ACTION_VERBS.has(first)
}

/** Opens by pointing back at the sentence before it, so alone it reads incomplete. */
const ANAPHORIC_START = /^["“]?(?:this|that|these|those|it|its|he|she|they|his|her|their|such|here|there)\b|^\p{L}+(?: \p{L}+)? (?:this|these|those|that|such) \p{L}+,/iu
const CONNECTIVE_START = /^(?:however|but|yet|still|rather|additionally|furthermore|moreover|also|meanwhile|similarly|ultimately|instead|thus|therefore|in (?:addition|summary|essence|short|contrast|retrospect))\b/i

/**
 * A factor for how well a sentence reads alone: news puts its main points first, and a sentence
 * that points back at an earlier one or is a list fragment needs its context.
 */
function qualityOf(unit: Unit): number {
  let quality = 1.2 - 0.4 * unit.position
  if (ANAPHORIC_START.test(unit.text)) quality *= 0.75
  else if (CONNECTIVE_START.test(unit.text)) quality *= 0.85
  if (unit.isList) quality *= 0.9
  return quality
}

const FACT_FEATURES = FEATURE.count | FEATURE.date | FEATURE.duration | FEATURE.money | FEATURE.percent | FEATURE.time
const REPORTING_VERBS = 'said|says|told|announced|stated|declared|confirmed|acknowledged|admitted|conceded|insisted|promised|pledged|denied|described|added|replied|wrote'
/** Verbs that carry no action of their own: they report, or need their object to mean anything. */
const LIGHT_VERBS: ReadonlySet<string> = new Set(
  `be is are was were been being have has had do does did make made get got take took give gave go went come came ${REPORTING_VERBS.replace(/\|/g, ' ')} say tell announce state add`.split(' '),
)
/** A speaker right before a reporting verb ("the union said", "Dahl told reporters", "she later added"). */
const SPEAKER_BEFORE_VERB = new RegExp(`([\\p{L}’'.-]+),?\\s+(?:(?:also|later|then|publicly|has|had|have)\\s+)?(?:${REPORTING_VERBS})\\b`, 'giu')
/** "according to the clerk", or a quote followed by its speaker ("…,” said the mayor). */
const SPEAKER_AFTER = new RegExp(`\\baccording to\\s+(?:the\\s+)?([\\p{L}’'.-]+)|[,”"]\\s+(?:${REPORTING_VERBS})\\s+(?:the\\s+)?([\\p{L}’'.-]+)`, 'giu')
/** Who comments rather than acts or reports: their words are opinion, not a record of what happened. */
const COMMENTATORS = new Set('analyst analysts expert experts observer observers critic critics commentator commentators pundit pundits some many others few most people who which that and or but'.split(' '))
/** Words that state what happened: an outcome reached or missed, a decision, a result. */
const OUTCOME = /\b(?:reached|struck|signed|sealed|clinched|secured|agreed|approved|announced|decided|elected|won|defeated|beat|conceded|resigned|rejected|ratified|voted|unveiled|launched|opened|closed|concluded|ended|collapsed|walked out|broke (?:down|up|off)|called off|postponed|cancell?ed|arrested|charged|sentenced|killed|died)\b|\b(?:without|no)\s+(?:\p{L}+\s+){0,2}(?:agreement|deal|accord|ceasefire|truce|consensus|settlement|breakthrough|compromise|resolution)s?\b/iu
/** Modal hedges: the sentence speculates about what may be rather than reports what is. */
const HEDGES = /\b(?:may|might|could|would|perhaps|possibly|potentially|arguably|likely|unlikely|probably|seems?|seemed|appears?|appeared|suggests?|suggested)\b/gi
/**
 * Evaluative and abstract words that judge an event rather than tell it ("a symbolic moment", "a
 * critical opportunity", "underscores the complexities"): general English, no corpus's words.
 */
const EVALUATIVE = new RegExp(
  `\\b(?:${(
    'moment opportunity opportunities significance implications? complexit(?:y|ies) dynamics landscape tapestry narrative backdrop era juncture ' +
    'reminder symbol(?:ism)? balance interplay architecture undercurrents? calculus optics stakes aspirations? challenges realit(?:y|ies) perceptions? ' +
    'crossroads watershed milestone lessons? spectacle theatre theater symbolic significant critical crucial pivotal profound delicate complex nuanced ' +
    'unprecedented monumental historic fragile broader deeper larger vital essential remarkable striking notable high-stakes ' +
    'underscor(?:e|es|ed|ing) highlight(?:s|ed|ing)? illustrat(?:e|es|ed|ing) reflect(?:s|ed|ing)? symboli[sz](?:e|es|ed|ing) exemplif(?:y|ies|ied) epitomi[sz](?:e|es|ed) ' +
    // Words of one entry are joined by a regex whitespace class, since each plain space becomes an alternation.
    '(?:viewed|seen|regarded|interpreted|perceived)\\s+as|marked\\s+an?|served\\s+as'
  ).replace(/ (?=\S)/g, '|')})\\b`,
  'gi',
)

/** Background: how things stood before the event ("had been strained for several years", "historically"). */
const BACKGROUND = /\bhad been\b[^.;]*?\b(?:for|over)\s+(?:the\s+(?:past|last)\s+)?(?:(?:several|many|some|a few|a number of|\d+|two|three|four|five|ten)\s+)?(?:years|decades)\b|\bfor (?:several|many) (?:years|decades)\b|\bhistorically\b|\bin recent (?:years|decades)\b/i
/** Looking ahead: what may come rather than what happened ("moving forward", "remains to be seen", "whether … will"). */
const LOOK_AHEAD = /\b(?:moving|going|looking) forward\b|\bwill remain\b|\bremains? to be seen\b|\bwhether\b[^.;]*?\bwill\b|\bin the (?:coming|months ahead|weeks ahead|years ahead)\b/i

/**
 * How much a sentence reads as a reported fact rather than commentary, about −2.5 to +3: figures and
 * dates, names, someone speaking on the record, an outcome (a deal reached or not, a decision), or a
 * claim the claim extractor found count for it; modal hedges and evaluative abstractions count
 * against it. Words inside quotation marks are the speaker's, so they do not hedge the report.
 */
function factOf(unit: Unit, names: ReadonlySet<string>, hasClaim: boolean): number {
  const text = withoutQuotations(unit.text)
  let fact = 0
  if (unit.features & FACT_FEATURES || unit.numbers.size > 0) fact += 1
  if (unit.features & FEATURE.properNoun || [...unit.vector.keys()].some((term) => names.has(term))) fact += 0.5
  if (hasSpeaker(unit.text)) fact += 1
  if (OUTCOME.test(text)) fact += 1
  if (hasClaim) fact += 1
  fact = Math.min(3, fact)
  if ((text.match(HEDGES) ?? []).length > 0) fact -= 1
  fact -= 0.5 * Math.min(3, (text.match(EVALUATIVE) ?? []).length)
  // Background and look-ahead frame the event however many facts they carry: commentary, at most 0.
  if (BACKGROUND.test(text) || LOOK_AHEAD.test(text)) fact = Math.min(0, fact - 2)
  return fact
}

/** Whether the sentence reports someone's words with the speaker named: not a commentator's view. */
function hasSpeaker(text: string): boolean {
  for (const match of text.matchAll(SPEAKER_BEFORE_VERB)) if (isSpeaker(match[1])) return true
  for (const match of text.matchAll(SPEAKER_AFTER)) if (isSpeaker(match[1] ?? match[2])) return true
  return false
}

function isSpeaker(word: string | undefined): boolean {
  return word !== undefined && !COMMENTATORS.has(word.toLowerCase())
}

const NUMBER_WORDS = new Set(
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion dozen half'.split(' '),
)

function numbersOf(text: string): Set<string> {
  const numbers = new Set<string>()
  for (const token of tokenize(text)) {
    if (/\p{N}/u.test(token.word)) numbers.add(token.word.replace(/,/g, ''))
    else if (NUMBER_WORDS.has(token.word)) numbers.add(token.word)
  }
  return numbers
}

/**
 * Two sentences state the same point only when they share at least this many specific terms: a
 * short sentence can pass the cosine threshold on a single word ("failure", "dominated").
 */
const MIN_SHARED_TERMS = 2
/** IDF from which a term counts as specific: it occurs in under about 40% of passages. */
const SPECIFIC_IDF = 1

/** Two sentences that both state numbers, none of them shared, give different values: not the same point. */
function numbersAgree(a: Unit, b: Unit): boolean {
  if (a.numbers.size === 0 || b.numbers.size === 0) return true
  for (const number of a.numbers) if (b.numbers.has(number)) return true
  return false
}

/** Share of a disagreement topic's weight a sentence must hold to be about it. */
const TOPIC_OVERLAP = 0.75

/**
 * The quantity and outcome claims the claim extractor found in a sentence, each as "key=value":
 * two sentences holding the same one state the same thing, and holding any makes a sentence checkable.
 */
function createClaimLookup(disagreements: DisagreementIndex): (unit: Unit) => string[] {
  const spans = new Map<string, Array<{ start: number; end: number; claim: string }>>()
  for (const claim of disagreements.claims ?? []) {
    // An office before a name is a title, usually in passing; the name already counts.
    if (claim.kind === 'role') continue
    // A figure is one claim whatever verb carries it ("priced at", "will sell for"): its measure and
    // value identify it. A date is not: many things happen on one day, so its key keeps the event.
    const what = claim.kind === 'quantity' && claim.dimension !== 'date' ? claim.key.split(':').slice(0, 2).join(':') : claim.key
    spans.set(claim.sourceId, [...(spans.get(claim.sourceId) ?? []), { start: claim.start, end: claim.end, claim: `${what}=${claim.value}` }])
  }
  return (unit) => (spans.get(unit.sourceId) ?? []).filter((span) => span.start < unit.end && unit.start < span.end).map((span) => span.claim)
}

/** A claim of a disagreement, where it stands in its article and whether the point it makes is the disputed one. */
interface ContestSpan {
  sourceId: string
  start: number
  end: number
  disagreement: Disagreement
  /**
   * For a role: whether the claim gives a value fewer sources give than the most common one. A passing title matching what most sources say ("talks
   * between Mayor X and…") is not the point of its sentence.
   */
  disputedValue: boolean
  /** For a role: stems of the office, to tell a sentence about the office itself. */
  officeStems: string[]
}

/** Words that make a sentence about who holds an office, not just naming the holder. */
const ROLE_CHANGE = /\b(?:elected|re-elected|sworn in|inaugurat\w*|succeed\w*|successor|predecessor|appointed|nominated|resign\w*|ousted|became|took office|left office|incumbent|term in office)\b/i

/**
 * Returns the disagreement that contests a point, if the point it makes is the disputed one: its
 * sentence states a quantity or framing claim of the disagreement, or a disputed value of a role
 * (one fewer sources give), or is about the office itself; or the
 * sentence covers the topic of a quantity or framing disagreement strongly.
 */
function createContestCheck(index: CorpusIndex, disagreements: DisagreementIndex): (unit: Unit) => Disagreement | undefined {
  const spans: ContestSpan[] = []
  const topics: Array<{ weights: Map<string, number>; total: number; disagreement: Disagreement }> = []
  const entries = new Map((disagreements.entries ?? []).map((entry) => [entry.disagreement, entry]))
  for (const disagreement of disagreements.all) {
    const entry = entries.get(disagreement)
    if (entry) {
      const key = entry.claims[0]?.key
      const group = (disagreements.claims ?? []).filter((claim) => claim.key === key)
      const disputed = disputedValues(group.length > 0 ? group : entry.claims)
      for (const claim of entry.claims) {
        spans.push({
          sourceId: claim.sourceId,
          start: claim.start,
          end: claim.end,
          disagreement,
          disputedValue: disputed.has(claim.value),
          officeStems: claim.kind === 'role' ? claim.contextStems : [],
        })
      }
    } else {
      // A disagreement made by hand (or an older snapshot): claims by their quoted text.
      const disputed = disputedValues(disagreement.claims.map((claim) => ({ sourceId: claim.source.id, value: claim.value, headline: claim.headline ?? false })))
      for (const claim of disagreement.claims) {
        const article = articleText(index, claim.source.id)
        const passage = passageById(index, claim.passageId)
        let at = article.indexOf(claim.text, passage?.start ?? 0)
        if (at < 0 || (passage && at > passage.end)) at = article.indexOf(claim.text)
        if (at < 0) continue
        spans.push({ sourceId: claim.source.id, start: at, end: at + claim.text.length, disagreement, disputedValue: disputed.has(claim.value), officeStems: [] })
      }
    }
    // A role's topic ("who is the X president") is covered by any sentence naming the holder by title.
    if (disagreement.kind === 'role') continue
    const weights = new Map<string, number>()
    for (const token of tokenize(disagreement.topic)) {
      if (!QUESTION_STOP_WORDS.has(token.word)) weights.set(stemOf(index, token.word), idf(index, stemOf(index, token.word)))
    }
    const total = [...weights.values()].reduce((sum, weight) => sum + weight, 0)
    if (total > 0) topics.push({ weights, total, disagreement })
  }
  return (unit) => {
    for (const span of spans) {
      if (span.sourceId !== unit.sourceId || span.start >= unit.end || unit.start >= span.end) continue
      if (span.disagreement.kind !== 'role' || span.disputedValue || isAboutOffice(index, unit.text, span.officeStems)) return span.disagreement
    }
    for (const topic of topics) {
      let covered = 0
      let matched = 0
      for (const [term, weight] of topic.weights) {
        if (unit.vector.has(term)) {
          covered += weight
          matched++
        }
      }
      if (covered / topic.total >= TOPIC_OVERLAP && matched >= Math.min(2, topic.weights.size)) return topic.disagreement
    }
    return undefined
  }
}

/**
 * Values that fewer sources give than the most common value of the same thing. When several values
 * have the most backing, all are disputed.
 */
function disputedValues(claims: ReadonlyArray<{ sourceId: string; value: string; headline: boolean }>): Set<string> {
  const sourcesByValue = new Map<string, Set<string>>()
  for (const claim of claims) sourcesByValue.set(claim.value, (sourcesByValue.get(claim.value) ?? new Set()).add(claim.sourceId))
  const most = Math.max(0, ...[...sourcesByValue.values()].map((sources) => sources.size))
  const leaders = [...sourcesByValue].filter(([, sources]) => sources.size === most)
  return new Set([...sourcesByValue].filter(([, sources]) => sources.size < most || leaders.length > 1).map(([value]) => value))
}

/** Whether a sentence is about an office itself: who took, left or holds it, not a title before a name in passing. */
function isAboutOffice(index: CorpusIndex, text: string, officeStems: string[]): boolean {
  if (officeStems.length === 0) return false
  if (ROLE_CHANGE.test(text)) return true
  // The office as a predicate, written lower-case: "…is the minister", "…became president".
  const tokens = tokenize(text)
  return tokens.some((token, i) => {
    if (!officeStems.includes(stemOf(index, token.word)) || text.charAt(token.start) !== token.word.charAt(0)) return false
    const before = tokens.slice(Math.max(0, i - 3), i).map((other) => other.word)
    return before.some((word) => ['is', 'was', 'as', 'remains', 'became', 'named'].includes(word))
  })
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
