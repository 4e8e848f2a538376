import { stem, tokenize } from './analyzer.js'
import { extractClaims, type ClaimOptions, type ClaimValue, type Dimension, type ExtractedClaim } from './claims.js'
import type { AnalyzedQuestion } from './question.js'
import { FEATURE, type CorpusIndex } from './search.js'
import type { Claim, Disagreement, DisagreementKind, Quote } from './types.js'

/** What a question must name for a disagreement to bear on it. */
export interface DisagreementEntry {
  disagreement: Disagreement
  /** Stems of the thing disputed: the talks, the office, the outcome. */
  context: Set<string>
  /** Stems of how it is disputed: units, countries, names, the event. */
  focus: Set<string>
  /** `FEATURE` bits of a question that asks for this kind of value. */
  features: number
  /** The claims behind it, to notice when a quote states one of them. */
  claims: ExtractedClaim[]
}

/** Claims and the disagreements between them, computed once when the corpus is indexed. */
export interface DisagreementIndex {
  /** Every disagreement in the corpus, most sources involved first. */
  all: Disagreement[]
  /** `all` with what relevance needs, in the same order. Absent in a hand-made index: then no question matches. */
  entries?: DisagreementEntry[]
  /** Every claim extracted from the corpus. */
  claims?: ExtractedClaim[]
}

/** Options for finding disagreements. */
export interface DisagreementOptions extends ClaimOptions {
  /** Most claims quoted for one disagreement. Defaults to 6. */
  maxClaims?: number
}

export const DEFAULT_DISAGREEMENT_OPTIONS: Required<DisagreementOptions> = { maxClaims: 6, maxClaimChars: 280, hedgeTolerance: 0.2 }

const FEATURES_BY_DIMENSION: Record<Dimension, number> = {
  duration: FEATURE.duration,
  count: FEATURE.count,
  money: FEATURE.money,
  percent: FEATURE.percent,
  date: FEATURE.date | FEATURE.time,
  // "How many fans" asks for a count, not a score: a score question names the score.
  score: 0,
}
const KIND_ORDER: Record<DisagreementKind, number> = { quantity: 0, role: 1, framing: 2 }

/** Extracts claims from every sentence and finds where they conflict. */
export function buildDisagreementIndex(index: CorpusIndex, options: DisagreementOptions = {}): DisagreementIndex {
  const settings = { ...DEFAULT_DISAGREEMENT_OPTIONS, ...options }
  const claims = extractClaims(index, settings)
  const byKey = new Map<string, ExtractedClaim[]>()
  for (const claim of claims) byKey.set(claim.key, [...(byKey.get(claim.key) ?? []), claim])
  const entries: DisagreementEntry[] = []
  for (const group of byKey.values()) {
    const involved = conflictingClaims(group)
    if (involved.length === 0) continue
    const shown = pickClaims(involved, settings.maxClaims)
    const first = shown[0] as ExtractedClaim
    const disagreement: Disagreement = {
      topic: mostCommon(group.map((claim) => claim.topic)),
      kind: first.kind,
      claims: shown.map((claim) => toClaim(index, claim)),
    }
    entries.push({
      disagreement,
      context: new Set(group.flatMap((claim) => claim.contextStems)),
      focus: new Set(group.flatMap((claim) => claim.focusStems)),
      features: first.kind === 'role' ? FEATURE.properNoun : first.dimension ? FEATURES_BY_DIMENSION[first.dimension] : 0,
      claims: involved,
    })
  }
  const sourcesOf = (entry: DisagreementEntry) => new Set(entry.disagreement.claims.map((claim) => claim.source.id)).size
  entries.sort((a, b) => sourcesOf(b) - sourcesOf(a) || KIND_ORDER[a.disagreement.kind] - KIND_ORDER[b.disagreement.kind] || b.claims.length - a.claims.length)
  return { all: entries.map((entry) => entry.disagreement), entries, claims }
}

/** True when two values cannot both be right. */
export function valuesConflict(a: ClaimValue, b: ClaimValue): boolean {
  if (a.type === 'number' && b.type === 'number') {
    if (a.unit !== b.unit) return false
    // A little slack for rounding ("2.3 billion" against "2.31 billion").
    const slack = 0.005 * Math.max(Math.abs(a.low), Math.abs(b.low))
    return a.high + slack < b.low || b.high + slack < a.low
  }
  if (a.type === 'date' && b.type === 'date') {
    return (['year', 'month', 'day', 'weekday'] as const).some((field) => a[field] !== undefined && b[field] !== undefined && a[field] !== b[field])
  }
  if (a.type === 'label' && b.type === 'label') {
    if (a.label === b.label) return false
    const [aFormer, aWho] = a.label.startsWith('former:') ? [true, a.label.slice(7)] : [false, a.label]
    const [bFormer, bWho] = b.label.startsWith('former:') ? [true, b.label.slice(7)] : [false, b.label]
    // A former holder does not contradict the current one; calling the same person both does.
    if (aFormer || bFormer) return aWho === bWho
    return true
  }
  return false
}

/** Claims of one key that conflict with another claim of another source, or of their own source's headline. */
function conflictingClaims(group: ExtractedClaim[]): ExtractedClaim[] {
  const involved = new Set<ExtractedClaim>()
  for (let i = 0; i < group.length; i++) {
    for (let j = i + 1; j < group.length; j++) {
      const a = group[i] as ExtractedClaim
      const b = group[j] as ExtractedClaim
      // Within one article, two body sentences with different numbers usually describe different moments;
      // a headline against its own body is the contradiction worth showing.
      const comparable = a.sourceId !== b.sourceId || a.headline !== b.headline
      if (comparable && valuesConflict(a.comparable, b.comparable)) {
        involved.add(a)
        involved.add(b)
      }
    }
  }
  return [...involved]
}

/** One claim per source, value, headline and speaker (the first in the text), at most `max`, every value kept. */
function pickClaims(claims: ExtractedClaim[], max: number): ExtractedClaim[] {
  const seen = new Set<string>()
  const unique: ExtractedClaim[] = []
  for (const claim of [...claims].sort((a, b) => a.rank - b.rank || a.text.length - b.text.length)) {
    const id = `${claim.sourceId}|${claim.value}|${claim.headline}|${claim.speaker ?? ''}`
    if (seen.has(id)) continue
    seen.add(id)
    unique.push(claim)
  }
  // Round-robin over values so that every side is quoted before any side is quoted twice.
  const byValue = new Map<string, ExtractedClaim[]>()
  for (const claim of unique) byValue.set(claim.value, [...(byValue.get(claim.value) ?? []), claim])
  const picked: ExtractedClaim[] = []
  for (let round = 0; picked.length < max; round++) {
    let added = false
    for (const group of byValue.values()) {
      const claim = group[round]
      if (claim && picked.length < max) {
        picked.push(claim)
        added = true
      }
    }
    if (!added) break
  }
  return picked.sort((a, b) => orderOf(a) - orderOf(b) || a.sourceId.localeCompare(b.sourceId) || a.start - b.start)
}

function orderOf(claim: ExtractedClaim): number {
  const value = claim.comparable
  if (value.type === 'number') return Number.isFinite(value.low) ? value.low : value.high
  if (value.type === 'date') return (value.year ?? 0) * 1000 + (value.month ?? 0) * 40 + (value.day ?? 0) + (value.weekday ?? 0) / 10
  return value.label.startsWith('former:') ? 1 : value.label === 'negative' ? 1 : 0
}

function toClaim(index: CorpusIndex, claim: ExtractedClaim): Claim {
  const source = index.sourceById.get(claim.sourceId) ?? { id: claim.sourceId, title: claim.sourceId }
  return {
    value: claim.value,
    text: claim.text,
    source,
    passageId: claim.passageId,
    ...(claim.speaker ? { speaker: claim.speaker } : {}),
    ...(claim.headline ? { headline: true } : {}),
  }
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? ''
}

/** What the answer to a question was built from, to decide which disagreements bear on it. */
export interface AnswerContext {
  analyzed: AnalyzedQuestion
  /** Passages considered for the answer, best first. */
  passageIds: string[]
  quotes: Quote[]
}

/**
 * The disagreements that bear on a question, most relevant first. A question bears on one when it
 * names what is disputed (the talks, the office, the outcome) and asks for that kind of value or
 * names how it is measured; the quoted passages do not decide it, so a contested point is
 * shown even when every quote comes from one side.
 */
export function disagreementsFor(disagreements: DisagreementIndex, context: AnswerContext): Disagreement[] {
  // Every word as asked counts too, not only the topic terms: "death toll" is about deaths even in a
  // corpus that never says "toll", and "when" or "how many" say which value is wanted.
  const stems = new Set(context.analyzed.terms.flatMap((term) => term.variants.filter((variant) => !variant.synonym).map((variant) => variant.stem)))
  for (const token of tokenize(context.analyzed.text)) stems.add(stem(token.word))
  const hits = (set: Set<string>) => [...stems].filter((stem) => set.has(stem)).length
  const scored: Array<{ disagreement: Disagreement; score: number }> = []
  for (const entry of disagreements.entries ?? []) {
    const contextHits = hits(entry.context)
    const focusHits = hits(entry.focus)
    const typeHit = (context.analyzed.answerFeatures & entry.features) !== 0
    const kind = entry.disagreement.kind
    // The quotes do not decide relevance: a quote holding a claim sentence is often quoted for another
    // part of it ("trilateral meeting" quoting the sentence with the talks' length), which would be noise.
    const relevant = kind === 'framing' ? contextHits > 0 : contextHits > 0 && (typeHit || focusHits > 0)
    if (relevant) scored.push({ disagreement: entry.disagreement, score: contextHits * 2 + focusHits + Number(typeHit) })
  }
  return scored.sort((a, b) => b.score - a.score).map(({ disagreement }) => disagreement)
}
