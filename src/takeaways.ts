import { QUESTION_STOP_WORDS, tokenize } from './analyzer.js'
import type { DisagreementIndex } from './disagreements.js'
import { getNlp, splitSentences } from './nlp.js'
import { FEATURE, idf, stemOf, type CorpusIndex } from './search.js'
import type { Disagreement, Passage, Sentence, Takeaway, TakeawayOptions } from './types.js'

/**
 * How takeaways are ranked. Every threshold is a general one, measured on invented fixtures
 * (`test/fixtures/takeaways-*`), never on the bundled corpus.
 */
export interface TakeawayBuildOptions {
  /**
   * TF-IDF cosine (names down-weighted) at or above which two sentences from different sources
   * state the same point; they must also share two specific words that are not names, and agree on
   * any figures. On the fixtures, 19 pairs restating a fact score 0.17–0.84 and pairs stating
   * different facts at most 0.14; 0.2 sits above the gap's middle because looser matches count
   * vague commentary ("faced scrutiny") as corroboration. Defaults to `0.2`.
   */
  supportSimilarity?: number
  /** Least cosine for an edge of the centrality graph. Defaults to `0.1`. */
  graphSimilarity?: number
  /**
   * Weight of an edge between two sentences of the same article, against 1 across articles, so
   * a long article repeating itself does not make its own sentences central. Defaults to `0.3`.
   */
  sameSourceWeight?: number
  /** Score factor per further source carrying a point: 1 + boost × (sources − 1). Defaults to `0.5`. */
  supportBoost?: number
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
  score: number
  /** Numbers the sentence states, as in `Unit`. */
  numbers: Set<string>
  /** L2-normalised TF-IDF weights by stem. */
  vector: Map<string, number>
}

/** Ranked candidate points, computed once when the corpus is indexed. */
export interface TakeawayIndex {
  /** Every quotable sentence as a takeaway, best first. */
  ranked: Takeaway[]
  /** Per entry of `ranked`, in the same order: score and vector for selection and topic filters. */
  candidates: Candidate[]
  /** Cosine at or above which two takeaways say the same thing. */
  duplicateSimilarity: number
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

/**
 * Ranks every quotable sentence of the corpus as a candidate takeaway: LexRank centrality over a
 * TF-IDF cosine graph (edges across sources weigh more than within one), boosted by how many other
 * sources state the same point, with the disagreements that contest it. Run once at build time.
 */
export function buildTakeawayIndex(index: CorpusIndex, disagreements: DisagreementIndex, options: TakeawayBuildOptions = {}): TakeawayIndex {
  const settings = { ...DEFAULT_TAKEAWAY_BUILD_OPTIONS, ...options }
  const names = findNameStems(index)
  const units = collectUnits(index, names, settings)
  const neighbours = similarityGraph(units, settings.graphSimilarity)
  const centrality = lexRank(units, neighbours, settings.sameSourceWeight)
  const sourceOrder = new Map(index.sources.map((source, i) => [source.id, i]))
  const contest = createContestCheck(index, disagreements)

  let maxCentrality = 0
  units.forEach((unit, i) => {
    if (unit.quotable) maxCentrality = Math.max(maxCentrality, centrality[i] ?? 0)
  })
  const candidates: Candidate[] = []
  units.forEach((unit, i) => {
    const source = index.sourceById.get(unit.sourceId)
    if (!unit.quotable || !source) return
    // The best-matching sentence of each other source that states the same point.
    const support = new Map<string, { unit: number; similarity: number }>()
    for (const { unit: j, similarity } of neighbours[i] ?? []) {
      const other = units[j]
      if (!other || other.sourceId === unit.sourceId || similarity < settings.supportSimilarity) continue
      if (!numbersAgree(unit, other) || sharedSpecificTerms(index, names, unit.vector, other.vector) < MIN_SHARED_TERMS) continue
      const best = support.get(other.sourceId)
      if (!best || similarity > best.similarity) support.set(other.sourceId, { unit: j, similarity })
    }
    const supporters = [...support.keys()].sort((a, b) => (sourceOrder.get(a) ?? 0) - (sourceOrder.get(b) ?? 0))
    const centralityShare = maxCentrality > 0 ? (centrality[i] ?? 0) / maxCentrality : 0
    const concrete = unit.numbers.size > 0 || [...unit.vector.keys()].some((term) => names.has(term))
    // Commentary names no one and no figure ("Both sides faced scrutiny"): rarely the news itself.
    const score = (0.3 + 0.7 * centralityShare) * (1 + settings.supportBoost * supporters.length) * qualityOf(unit) * (concrete ? 1 : ABSTRACT_FACTOR)
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
      score: Math.round(score * 10_000) / 10_000,
      numbers: unit.numbers,
      vector: unit.vector,
    })
  })
  candidates.sort((a, b) => b.score - a.score)
  return { ranked: candidates.map((candidate) => candidate.takeaway), candidates, duplicateSimilarity: settings.supportSimilarity }
}

/**
 * The takeaways for `options`: up to `limit` points picked by maximal marginal relevance so none
 * repeats another, then ordered by how many sources carry them (most first), then by score.
 * Returns `[]` when no point matches the topic.
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
  while (chosen.length < limit && pool.length > 0) {
    let bestAt = -1
    let bestValue = -Infinity
    for (let i = 0; i < pool.length; i++) {
      const candidate = pool[i]
      if (!candidate) continue
      const overlap = Math.max(0, ...chosen.map((other) => cosine(candidate.vector, other.vector)))
      if (chosen.some((other) => isSamePoint(candidate, other, takeaways.duplicateSimilarity))) continue
      const value = lambda * (candidate.score / (topScore || 1)) - (1 - lambda) * overlap
      if (value > bestValue) {
        bestValue = value
        bestAt = i
      }
    }
    if (bestAt < 0) break
    const [picked] = pool.splice(bestAt, 1)
    if (picked) chosen.push(picked)
  }
  chosen.sort((a, b) => b.takeaway.supportedBy.length - a.takeaway.supportedBy.length || b.score - a.score)
  return chosen.map((candidate) => ({ ...candidate.takeaway, supportedBy: [...candidate.takeaway.supportedBy] }))
}

/**
 * Whether two takeaways say the same thing: similar enough to support each other, or restating the
 * same figure in partly shared words ("sells for 3,200 euros" and "priced at 3,200 euros").
 */
function isSamePoint(a: Candidate, b: Candidate, duplicateSimilarity: number): boolean {
  const similarity = cosine(a.vector, b.vector)
  if (similarity >= duplicateSimilarity) return true
  return similarity >= duplicateSimilarity / 2 && [...a.numbers].some((number) => b.numbers.has(number))
}

const LIST_MARK = /^\s*(?:[-*•‣◦]|\d{1,2}[.)])\s+/u
/** "Label: " before a list item's sentence, as in "Energy Dynamics: Ongoing disagreements…". */
const LIST_LABEL = /^[^.!?:;]{2,60}:\s+(?=["“‘']?\p{Lu})/u

/** The corpus's sentences with their vectors; list items are read as the sentences after their mark and label. */
function collectUnits(index: CorpusIndex, names: ReadonlySet<string>, settings: Required<TakeawayBuildOptions>): Unit[] {
  const units: Unit[] = []
  const bySource = new Map<string, Passage[]>()
  for (const passage of index.passages) bySource.set(passage.sourceId, [...(bySource.get(passage.sourceId) ?? []), passage])
  for (const [sourceId, passages] of bySource) {
    const article = index.textById.get(sourceId) ?? ''
    const spans: Array<{ passage: Passage; start: number; end: number; kind: Sentence['kind']; features: number }> = []
    for (const passage of passages) {
      const features = index.sentenceFeatures.get(passage.id) ?? []
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
  'may might must shall however therefore thus furthermore moreover additionally also yet still rather instead meanwhile indeed perhaps'.split(' '),
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
  for (const text of index.textById.values()) {
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

/** Every pair of units with cosine at least `min`, through an inverted index so only pairs sharing a stem are scored. */
function similarityGraph(units: Unit[], min: number): Array<Array<{ unit: number; similarity: number }>> {
  const postings = new Map<string, Array<[unit: number, weight: number]>>()
  units.forEach((unit, i) => {
    for (const [term, weight] of unit.vector) {
      let list = postings.get(term)
      if (!list) postings.set(term, (list = []))
      list.push([i, weight])
    }
  })
  const neighbours: Array<Array<{ unit: number; similarity: number }>> = units.map(() => [])
  const dots = new Float64Array(units.length)
  units.forEach((unit, i) => {
    const touched: number[] = []
    for (const [term, weight] of unit.vector) {
      for (const [j, other] of postings.get(term) ?? []) {
        if (j <= i) continue
        if (dots[j] === 0) touched.push(j)
        dots[j] = (dots[j] ?? 0) + weight * other
      }
    }
    for (const j of touched) {
      const similarity = dots[j] ?? 0
      dots[j] = 0
      if (similarity < min) continue
      neighbours[i]?.push({ unit: j, similarity })
      neighbours[j]?.push({ unit: i, similarity })
    }
  })
  return neighbours
}

/** Continuous LexRank: PageRank over the similarity graph, with damping 0.85. */
function lexRank(units: Unit[], neighbours: Array<Array<{ unit: number; similarity: number }>>, sameSourceWeight: number): number[] {
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

/** Whether a sentence can stand alone as a takeaway: a whole declarative sentence, no boilerplate or advice. */
function isQuotable(text: string, settings: Required<TakeawayBuildOptions>): boolean {
  if (text.length < settings.minChars || text.length > settings.maxChars) return false
  if (!OPENS_SENTENCE.test(text) || !CLOSES_SENTENCE.test(text)) return false
  if (tokenize(text).length < 6) return false
  if (SELF_REFERENCE.test(text) || BOILERPLATE.test(text) || PRESCRIPTIVE.test(text)) return false
  if (SECOND_PERSON.test(withoutQuotations(text))) return false
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

/** Reported speech or a direct quote: the article reports what someone said or did. */
const ATTRIBUTION = /\b(?:said|says|told|announced|stated|declared|confirmed|according to)\b|[“"][^”"]{8,}[”"]/i
const HEDGE = /\b(?:may|might|could|perhaps|possibly|potentially|arguably|likely|unlikely|seems?|appears?|suggests?)\b/i
/** Opens by pointing back at the sentence before it, so alone it reads incomplete. */
const ANAPHORIC_START = /^["“]?(?:this|that|these|those|it|its|he|she|they|his|her|their|such|here|there)\b|^\p{L}+(?: \p{L}+)? (?:this|these|those|that|such) \p{L}+,/iu
const CONNECTIVE_START = /^(?:however|but|yet|still|rather|additionally|furthermore|moreover|also|meanwhile|similarly|ultimately|instead|thus|therefore|in (?:addition|summary|essence|short|contrast|retrospect))\b/i
const FACT_FEATURES = FEATURE.count | FEATURE.date | FEATURE.duration | FEATURE.money | FEATURE.percent | FEATURE.time

/**
 * A factor for how well a sentence reads as a reported fact: news puts its main facts first, names
 * people and numbers, and states them without hedging or pointing back at an earlier sentence.
 */
function qualityOf(unit: Unit): number {
  let quality = 1.2 - 0.4 * unit.position
  if (HEDGE.test(unit.text)) quality *= 0.8
  if (ATTRIBUTION.test(unit.text)) quality *= 1.25
  if (ANAPHORIC_START.test(unit.text)) quality *= 0.75
  else if (CONNECTIVE_START.test(unit.text)) quality *= 0.85
  if (unit.features & FEATURE.properNoun) quality *= 1.1
  if (unit.features & FACT_FEATURES || unit.numbers.size > 0) quality *= 1.1
  if (unit.isList) quality *= 0.9
  return quality
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

/** Words (not names) two sentences share that are not spread across most of the corpus. */
function sharedSpecificTerms(index: CorpusIndex, names: ReadonlySet<string>, a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0
  for (const term of a.keys()) if (b.has(term) && !names.has(term) && idf(index, term) >= SPECIFIC_IDF) shared++
  return shared
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

/** Score factor for a sentence that names no one and states no figure. */
const ABSTRACT_FACTOR = 0.5

/** Share of a disagreement topic's weight a sentence must hold to be about it. */
const TOPIC_OVERLAP = 0.75

/**
 * Returns the disagreement that contests a point: one with a claim quoted from the point's
 * sentence, else one whose topic the sentence covers strongly.
 */
function createContestCheck(index: CorpusIndex, disagreements: DisagreementIndex): (unit: Unit) => Disagreement | undefined {
  const claimSpans: Array<{ sourceId: string; start: number; end: number; disagreement: Disagreement }> = []
  const topics: Array<{ weights: Map<string, number>; total: number; disagreement: Disagreement }> = []
  for (const disagreement of disagreements.all) {
    for (const claim of disagreement.claims) {
      const article = index.textById.get(claim.source.id) ?? ''
      const passage = index.passageById.get(claim.passageId)
      let at = article.indexOf(claim.text, passage?.start ?? 0)
      if (at < 0 || (passage && at > passage.end)) at = article.indexOf(claim.text)
      if (at >= 0) claimSpans.push({ sourceId: claim.source.id, start: at, end: at + claim.text.length, disagreement })
    }
    const weights = new Map<string, number>()
    for (const token of tokenize(disagreement.topic)) {
      if (!QUESTION_STOP_WORDS.has(token.word)) weights.set(stemOf(index, token.word), idf(index, stemOf(index, token.word)))
    }
    const total = [...weights.values()].reduce((sum, weight) => sum + weight, 0)
    if (total > 0) topics.push({ weights, total, disagreement })
  }
  return (own) => {
    const claim = claimSpans.find((span) => span.sourceId === own.sourceId && span.start < own.end && own.start < span.end)
    if (claim) return claim.disagreement
    for (const topic of topics) {
      let covered = 0
      let matched = 0
      for (const [term, weight] of topic.weights) {
        if (own.vector.has(term)) {
          covered += weight
          matched++
        }
      }
      if (covered / topic.total >= TOPIC_OVERLAP && matched >= Math.min(2, topic.weights.size)) return topic.disagreement
    }
    return undefined
  }
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
