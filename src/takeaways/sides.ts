import type { Claim, Disagreement, TakeawaySide } from '../types.js'
import type { Candidate } from './types.js'

/**
 * Contested points at request time. A takeaway index is ranked at build time against the
 * disagreements found then; the engine finds more when they are listed (the counts and sums its
 * question-time comparison finds across a story's sources). Selection reads every disagreement the
 * list gives here, so that a point whose sentence states a side of any of them reads as contested,
 * shows the other sides with their sources, and two sides of one thing read as one point.
 */

/** Least characters of a claim's quote a sentence must hold to be the sentence it quotes. */
const MIN_QUOTED_CHARS = 20

/** Whether `claim` quotes the sentence `text` of source `sourceId` (or a part of it, or it whole among more). */
function quotes(claim: Claim, sourceId: string, text: string): boolean {
  if (claim.source.id !== sourceId) return false
  if (claim.text.includes(text)) return true
  // A quote clipped to its claim holds "…" where it was cut: its longest piece must be in the sentence.
  const longest = claim.text.split('…').reduce((best, piece) => (piece.trim().length > best.length ? piece.trim() : best), '')
  return longest.length >= MIN_QUOTED_CHARS && text.includes(longest)
}

/** The values a disagreement's claims give, with their sources (quoted and `alsoIn`), in the order first given. */
function sidesOf(disagreement: Disagreement): TakeawaySide[] {
  const byValue = new Map<string, TakeawaySide>()
  for (const claim of disagreement.claims) {
    let side = byValue.get(claim.value)
    if (!side) byValue.set(claim.value, (side = { value: claim.value, sources: [] }))
    for (const source of [claim.source, ...(claim.alsoIn ?? [])]) if (!side.sources.some((known) => known.id === source.id)) side.sources.push(source)
  }
  return [...byValue.values()]
}

/** `sides` with those `sourceId`'s sentence gives first (it may give none, when a topic contests it). */
function ownFirst(sides: TakeawaySide[], values: ReadonlySet<string>): TakeawaySide[] {
  return [...sides.filter((side) => values.has(side.value)), ...sides.filter((side) => !values.has(side.value))]
}

/**
 * `pool` (candidates best first, as selection reads them) with the disagreements of `contesting`
 * applied, as new candidates (the index's own are never changed):
 * - a candidate whose sentence a disagreement quotes is contested, with every side and its sources;
 *   one contested at build time keeps its topic and gains the sides of the disagreement of that topic;
 * - the sentences quoting different values of one disagreement over a figure or a date are one
 *   point: the first of them (most sources, then best) stays, with every side's sources in its
 *   `sides`, and the others leave the pool. Its `supportedBy` still counts only the sources giving
 *   its own value: a source giving Wednesday does not report that it happened on Tuesday. An
 *   office and an outcome are left apart: a title is named in passing, and sentences on either side
 *   of an outcome make points of their own (one that no agreement was reached, another that both
 *   sides called the talks useful).
 * An outcome's sides are not given: its values ("positive") say nothing without their sentences.
 */
export function contestPool(pool: readonly Candidate[], contesting: readonly Disagreement[]): Candidate[] {
  if (contesting.length === 0) return [...pool]
  const bySource = new Map<string, Array<{ claim: Claim; disagreement: Disagreement }>>()
  for (const disagreement of contesting) {
    for (const claim of disagreement.claims) {
      const list = bySource.get(claim.source.id)
      if (list) list.push({ claim, disagreement })
      else bySource.set(claim.source.id, [{ claim, disagreement }])
    }
  }
  // Per candidate, the values it gives in each disagreement quoting its sentence.
  const given = pool.map((candidate) => {
    const values = new Map<Disagreement, Set<string>>()
    const { source, text } = candidate.takeaway
    for (const { claim, disagreement } of bySource.get(source.id) ?? []) {
      if (quotes(claim, source.id, text)) values.set(disagreement, (values.get(disagreement) ?? new Set()).add(claim.value))
    }
    return values
  })
  const out: Array<Candidate | undefined> = [...pool]
  const absorbed = new Set<number>()
  for (const disagreement of contesting) {
    if (disagreement.kind !== 'quantity') continue
    const members = pool.map((_candidate, i) => i).filter((i) => !absorbed.has(i) && given[i]?.has(disagreement))
    if (new Set(members.flatMap((i) => [...(given[i]?.get(disagreement) ?? [])])).size < 2) continue
    // Most sources first, as selection takes points; the pool is best first within that.
    const kept = members.reduce((best, i) => ((pool[i]?.takeaway.supportedBy.length ?? 0) > (pool[best]?.takeaway.supportedBy.length ?? 0) ? i : best))
    const candidate = out[kept] as Candidate
    const own = given[kept]?.get(disagreement) ?? new Set<string>()
    const supportedBy = [...candidate.takeaway.supportedBy]
    for (const i of members) {
      if (i === kept) continue
      // Only the sentence leaves: its restatements stay, as they may state other points too.
      const other = out[i] ?? pool[i]
      absorbed.add(i)
      out[i] = undefined
      // A source giving another value is a side, not a carrier: `supportedBy` counts those agreeing.
      const agrees = [...(given[i]?.get(disagreement) ?? [])].some((value) => own.has(value))
      if (agrees) for (const id of other?.takeaway.supportedBy ?? []) if (!supportedBy.includes(id)) supportedBy.push(id)
    }
    const takeaway = { ...candidate.takeaway, supportedBy, contested: true, disagreementTopic: disagreement.topic, sides: ownFirst(sidesOf(disagreement), own) }
    out[kept] = { ...candidate, takeaway }
  }
  return out.flatMap((candidate, i) => {
    if (!candidate) return []
    if (candidate !== pool[i]) return [candidate]
    const values = given[i] ?? new Map<Disagreement, Set<string>>()
    const { takeaway } = candidate
    // Contested at build time: the disagreement of its topic, the one its sentence quotes first.
    const topic = takeaway.contested ? takeaway.disagreementTopic : undefined
    const disagreement = takeaway.contested
      ? ([...values.keys()].find((known) => known.topic === topic) ?? contesting.find((known) => known.topic === topic))
      : [...values.keys()].find((known) => known.kind !== 'role')
    if (!disagreement) return [candidate]
    // An outcome's values ("positive", "negative") say nothing without their sentences: no sides.
    const sides = disagreement.kind === 'framing' ? {} : { sides: ownFirst(sidesOf(disagreement), values.get(disagreement) ?? new Set()) }
    return [{ ...candidate, takeaway: { ...takeaway, contested: true, disagreementTopic: topic ?? disagreement.topic, ...sides } }]
  })
}
