import { QUESTION_STOP_WORDS, tokenize } from '../analyzer.js'
import type { DisagreementIndex } from '../disagreements.js'
import { articleText, idf, passageById, stemOf, type CorpusIndex } from '../search.js'
import type { ExtractedClaim } from '../claims/types.js'
import type { Disagreement } from '../types.js'
import type { Unit } from './types.js'

/** Share of a disagreement topic's weight a sentence must hold to be about it. */
const TOPIC_OVERLAP = 0.75

/**
 * The quantity and outcome claims the claim extractor found in a sentence, each as "key=value":
 * two sentences holding the same one state the same thing, and holding any makes a sentence checkable.
 */
export function createClaimLookup(disagreements: DisagreementIndex): (unit: Unit) => string[] {
  const spans = new Map<string, Array<{ start: number; end: number; claim: string }>>()
  for (const claim of disagreements.claims ?? []) {
    // An office before a name is a title, usually in passing; the name already counts.
    if (claim.kind === 'role') continue
    // A figure is one claim whatever verb carries it ("priced at", "will sell for"): its measure and
    // value identify it. A date is not: many things happen on one day, so its key keeps the event.
    const what = claim.kind === 'quantity' && claim.dimension !== 'date' ? claim.key.split(':').slice(0, 2).join(':') : claim.key
    const span = { start: claim.start, end: claim.end, claim: `${what}=${claim.value}` }
    const list = spans.get(claim.sourceId)
    if (list) list.push(span)
    else spans.set(claim.sourceId, [span])
  }
  return (unit) => (spans.get(unit.sourceId) ?? []).filter((span) => span.start < unit.end && unit.start < span.end).map((span) => span.claim)
}

/** The values a sentence gives in each disagreement it takes a side in. */
export type Sides = ReadonlyMap<Disagreement, ReadonlySet<string>>

/**
 * The sides a sentence takes in the corpus's disagreements over figures, dates and outcomes: for each
 * one its claims stand in, the values they give ("positive" for "reached an agreement", "5 days").
 */
export function createSideLookup(disagreements: DisagreementIndex): (unit: Unit) => Sides {
  // A title is named in passing: "Former President X met Y" and "President X met Y" report the same meeting.
  const claimsBySource = new Map<string, Array<{ start: number; end: number; value: string; disagreement: Disagreement }>>()
  for (const entry of disagreements.entries ?? []) {
    if (entry.disagreement.kind === 'role') continue
    for (const claim of entry.claims) {
      const side = { start: claim.start, end: claim.end, value: claim.value, disagreement: entry.disagreement }
      const list = claimsBySource.get(claim.sourceId)
      if (list) list.push(side)
      else claimsBySource.set(claim.sourceId, [side])
    }
  }
  return (unit) => {
    const sides = new Map<Disagreement, Set<string>>()
    for (const claim of claimsBySource.get(unit.sourceId) ?? []) {
      if (claim.start >= unit.end || unit.start >= claim.end) continue
      sides.set(claim.disagreement, (sides.get(claim.disagreement) ?? new Set()).add(claim.value))
    }
    return sides
  }
}

/** Whether two sentences take different sides in one disagreement: neither restates the other's point. */
export function opposed(a: Sides | undefined, b: Sides | undefined): boolean {
  if (!a || !b) return false
  for (const [disagreement, values] of a) {
    const others = b.get(disagreement)
    if (others && ![...values].some((value) => others.has(value))) return true
  }
  return false
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
export function createContestCheck(index: CorpusIndex, disagreements: DisagreementIndex): (unit: Unit) => Disagreement | undefined {
  const spans: ContestSpan[] = []
  const topics: Array<{ weights: Map<string, number>; total: number; disagreement: Disagreement }> = []
  const entries = new Map((disagreements.entries ?? []).map((entry) => [entry.disagreement, entry]))
  const claimsByKey = new Map<string, ExtractedClaim[]>()
  for (const claim of disagreements.claims ?? []) {
    const list = claimsByKey.get(claim.key)
    if (list) list.push(claim)
    else claimsByKey.set(claim.key, [claim])
  }
  for (const disagreement of disagreements.all) {
    const entry = entries.get(disagreement)
    if (entry) {
      const group = claimsByKey.get(entry.claims[0]?.key ?? '') ?? []
      const disputed = disputedValues(group.length > 0 ? group : entry.claims)
      // A sentence states a side when it gives any value of the disputed thing, also one the
      // disagreement does not quote ("taxes rise by 2.5 percent" in a third article).
      const stated = entry.disagreement.kind === 'role' ? entry.claims : [...new Set([...entry.claims, ...group])]
      for (const claim of stated) {
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
  // Each sentence looks only at its own source's claims, as `createClaimLookup` does.
  const spansBySource = new Map<string, ContestSpan[]>()
  for (const span of spans) {
    const list = spansBySource.get(span.sourceId)
    if (list) list.push(span)
    else spansBySource.set(span.sourceId, [span])
  }
  return (unit) => {
    for (const span of spansBySource.get(unit.sourceId) ?? []) {
      if (span.start >= unit.end || unit.start >= span.end) continue
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
      // A topic of one word ("when the budget happened") is the story's own subject: every sentence
      // about the budget would cover it. Such a disagreement contests only the sentences that state it.
      if (covered / topic.total >= TOPIC_OVERLAP && matched >= 2) return topic.disagreement
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
