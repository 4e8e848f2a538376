import { sentenceText } from '../passages.js'
import { passageById, type CorpusIndex } from '../search.js'
import type { Claim, Disagreement, DisagreementKind, Passage, ValueKind } from '../types.js'

/** One source's reading of a two-sided question (a post's status, a win's margin), with the sentence that states it. */
export interface SidedReading<S extends string> {
  sourceId: string
  side: S
  display: string
  passage: Passage
  sentence: { start: number; end: number }
}

/**
 * The disagreements between sources reading one question on two or more sides, one per story
 * holding at least two of them: each side taken quoted from its first source, the others that take
 * it listed with it.
 */
export function disagreementsOfSides<S extends string>(
  index: CorpusIndex,
  readings: Array<SidedReading<S>>,
  sides: readonly S[],
  storyOf: (sourceId: string) => string,
  about: { topic: string; kind: DisagreementKind; valueKind: ValueKind },
): Disagreement[] {
  const byStory = new Map<string, Array<SidedReading<S>>>()
  for (const reading of readings) byStory.set(storyOf(reading.sourceId), [...(byStory.get(storyOf(reading.sourceId)) ?? []), reading])
  const sourceOf = (sourceId: string) => index.sourceById.get(sourceId) ?? { id: sourceId, title: sourceId }
  const disagreements: Disagreement[] = []
  for (const group of byStory.values()) {
    const taken = sides.map((side) => group.filter((reading) => reading.side === side)).filter((side) => side.length > 0)
    if (taken.length < 2) continue
    const claims = taken.map((side): Claim => {
      const [first, ...rest] = side as [SidedReading<S>, ...Array<SidedReading<S>>]
      return {
        value: first.display,
        text: first.passage.text.slice(first.sentence.start - first.passage.start, first.sentence.end - first.passage.start),
        source: sourceOf(first.sourceId),
        passageId: first.passage.id,
        ...(rest.length > 0 ? { alsoIn: rest.map((reading) => sourceOf(reading.sourceId)) } : {}),
      }
    })
    disagreements.push({ ...about, claims })
  }
  return disagreements
}

/**
 * Each source's first sentence among `passageIds` that `read` gives a side, in the order retrieval
 * found the sources; with `about`, only in passages whose text it accepts.
 */
export function firstSidePerSource<S extends string>(
  index: CorpusIndex,
  passageIds: string[],
  read: (text: string) => { side: S; display: string } | undefined,
  about: (passageText: string) => boolean = () => true,
): Array<SidedReading<S>> {
  const readings: Array<SidedReading<S>> = []
  const seen = new Set<string>()
  for (const id of passageIds) {
    const passage = passageById(index, id)
    if (!passage || seen.has(passage.sourceId) || !about(passage.text)) continue
    for (const sentence of passage.sentences) {
      if (sentence.kind === 'table' || sentence.kind === 'heading') continue
      const found = read(sentenceText(passage, sentence))
      if (!found) continue
      seen.add(passage.sourceId)
      readings.push({ sourceId: passage.sourceId, ...found, passage, sentence })
      break
    }
  }
  return readings
}
