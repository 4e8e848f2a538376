import type { CorpusIndex } from '../search.js'
import { sentenceText } from '../passages.js'
import type { Claim, Disagreement, Passage, Source } from '../types.js'
import type { AskedKind } from './found-values.js'

// How a question-time comparison (`answers.ts`) writes its disagreement note: the topic, the kind,
// and each side's claim with its quote and source.

/** The kind of disagreement a value of `kind` makes: an outcome is framing; a person, place or thing is a role; the rest quantities. */
export function kindOfDisagreement(kind: AskedKind): Disagreement['kind'] {
  if (kind === 'outcome') return 'framing'
  return kind === 'person' || kind === 'place' || kind === 'entity' ? 'role' : 'quantity'
}

/** One side of a disagreement: the value as its sentence states it, and the other sources that state it too. */
export function claimOf(index: CorpusIndex, sourceId: string, passage: Passage, sentence: { start: number; end: number }, value: string, alsoIn: string[], newer: boolean): Claim {
  const sourceOf = (id: string): Source => index.sourceById.get(id) ?? { id, title: id }
  return {
    value,
    text: sentenceText(passage, sentence),
    source: sourceOf(sourceId),
    passageId: passage.id,
    ...(alsoIn.length > 0 ? { alsoIn: alsoIn.map(sourceOf) } : {}),
    ...(newer ? { newer: true } : {}),
  }
}

/** The source published last among `ids`, when they carry dates and one is strictly the latest. */
export function newestSource(index: CorpusIndex, ids: string[]): string | undefined {
  const dated = ids.map((id) => ({ id, at: Date.parse(index.sourceById.get(id)?.published ?? '') })).filter((entry) => Number.isFinite(entry.at))
  if (dated.length < 2) return undefined
  dated.sort((a, b) => b.at - a.at)
  return dated[0]!.at > dated[1]!.at && dated.some((entry) => entry.at < dated[0]!.at) ? dated[0]!.id : undefined
}

/** The question as a topic: "How long did the talks last?" → "how long did the talks last". */
export function topicOf(question: string): string {
  return question.trim().replace(/[?!.]+$/, '').replace(/^./, (c) => c.toLowerCase())
}
