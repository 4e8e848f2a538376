import type { CorpusIndex } from '../search.js'
import type { Claim, Disagreement } from '../types.js'
import { sentenceText } from '../passages.js'
import { comparableValues, measureAlike, sameFoundValue, type AskedKind, type FoundValue } from './found-values.js'
import { allOtherActs, answersOfAskedAct, sameActAnswers } from './asked-act.js'
import { claimOf, kindOfDisagreement, newestSource, topicOf } from './answer-note.js'
import type { SourceAnswer } from './answers.js'
import { comparedDates } from './compare.js'

// The sides of the sources' answers to one question (`compareAnswers`): which sources answer it,
// which give the same value, and whether the values contest one another.

/**
 * Share of the best source's sentence coverage another source's answering sentence needs to count
 * as an answer. On RAMDocs, 0.35 against 0.5: recall 301 against 295 of 428, false alarms 6 of 72
 * on both (0.25: 302).
 */
export const ANSWERING_SHARE = 0.35

/**
 * How much more of the question a source outside every side must answer than the sides' best for
 * their disagreement to be about something else.
 */
const BYSTANDER_LEAD = 1.5

/**
 * The disagreement between the sources' answers of one story, or undefined when fewer than two
 * sources answer the question or their values do not contest one another.
 */
export function disagreementOf(index: CorpusIndex, stated: SourceAnswer[], kind: AskedKind, question: string, minAnswerShare: number, related: Set<string>): Disagreement | undefined {
  const all = answersOfAskedAct(stated)
  // A sentence that answers much less of the question than the best one is about something else
  // ("the fire broke out on Monday" asked when residents returned).
  const bestScore = Math.max(...all.map((answer) => answer.score))
  // The best answer's value sets what the question measures: a figure that cannot be compared with it
  // (a share against a fine in pounds) answers something else.
  const best = all.find((answer) => answer.score === bestScore)
  const answering = all.filter((answer) => answer.score >= Math.max(ANSWERING_SHARE * bestScore, minAnswerShare) && (!best || measureAlike(best.value, answer.value)))
  // A sum pledged and a sum fined are two acts: asked one, the other is no answer.
  const group = sameActAnswers(answering.map((answer) => ({ ...answer, text: sentenceText(answer.passage, answer.sentence), at: answer.value.start - answer.sentence.start })), question, related).map(({ text: _text, at: _at, ...answer }) => answer)
  if (group.length < 2) return undefined
  // Sources giving the same value (in any words) are one side; a source that also states another
  // side's value elsewhere in its answering passages does not contradict it.
  const sides = sidesOf(group)
  if (sides.length < 2) return undefined
  // A side is contested when another side gives a comparable value and neither source states the other's value anywhere it answers.
  const states = (answer: SourceAnswer, value: FoundValue) =>
    answer.alsoStates.some((stated) => (kind === 'place' ? stated.comparable.type === 'label' && value.comparable.type === 'label' && stated.comparable.label === value.comparable.label : sameFoundValue(stated, value) && sharesDateField(stated, value)))
  const contested = sides.filter((side) =>
    sides.some((other) => other !== side && comparableValues(side[0]!.value, other[0]!.value) && !other.some((answer) => states(answer, side[0]!.value)) && !side.some((answer) => states(answer, other[0]!.value))),
  )
  if (contested.length < 2) return undefined
  // Figures all of other acts than the asked one, and not of one act ("pulled 14 from the water", "17 brought ashore", asked how many drowned), answer none of it.
  if (allOtherActs(group.map((answer) => answer.figureAct?.()))) return undefined
  // Things named only by other acts ("carrying farm chemicals", "hauling industrial chemicals", asked what chemical leaked) are no answers to the act asked.
  if (kind === 'entity' && group.every((answer) => answer.act === 'other')) return undefined
  // The source that answers the question best, and by far, takes no side: the sides answer another
  // question ("Two of the hostages were treated for shock" against six and eight hostages held).
  const sideScore = Math.max(...contested.flat().map((answer) => answer.score))
  if (group.some((answer) => answer.score > BYSTANDER_LEAD * sideScore && !contested.flat().includes(answer))) return undefined
  const newest = newestSource(index, contested.flat().map((answer) => answer.sourceId))
  const claims: Claim[] = contested.map((side) => {
    const [first, ...rest] = side as [SourceAnswer, ...SourceAnswer[]]
    return claimOf(index, first.sourceId, first.passage, first.sentence, first.value.display, rest.map((answer) => answer.sourceId), newest !== undefined && side.some((answer) => answer.sourceId === newest))
  })
  return { topic: topicOf(question), kind: kindOfDisagreement(kind), valueKind: kind, claims }
}

/**
 * True when two dates give a field in common: a source that names a weekday for something else
 * ("said on Monday") does not state a month another source gives ("in April"), though the two
 * cannot be told apart. Values other than dates always share what they give.
 */
function sharesDateField(a: FoundValue, b: FoundValue): boolean {
  const x = a.comparable
  const y = b.comparable
  if (x.type !== 'date' || y.type !== 'date') return true
  const [c, d] = comparedDates(x, y)
  return (['year', 'month', 'day', 'weekday'] as const).some((field) => c[field] !== undefined && d[field] !== undefined)
}

/**
 * The sources grouped by the value they give, in the order the sources come. The most precise
 * figures found the sides, so a loose one ("roughly 1,000") cannot merge "about 1,200" and "some
 * 900" into one side; a figure that agrees with two sides is a side of its own, not either.
 */
function sidesOf(answers: SourceAnswer[]): SourceAnswer[][] {
  const width = (answer: SourceAnswer) => (answer.value.comparable.type === 'number' ? answer.value.comparable.high - answer.value.comparable.low : 0)
  const sides: SourceAnswer[][] = []
  for (const answer of [...answers].sort((a, b) => width(a) - width(b))) {
    const matching = sides.filter((side) => sameFoundValue(side[0]!.value, answer.value))
    if (matching.length === 1 || (matching.length > 1 && answer.value.comparable.type !== 'number')) matching[0]!.push(answer)
    else sides.push([answer])
  }
  // Back in the sources' order: the order of the sides is what a reader sees first.
  const order = (answer: SourceAnswer) => answers.indexOf(answer)
  for (const side of sides) side.sort((a, b) => order(a) - order(b))
  return sides.sort((a, b) => order(a[0]!) - order(b[0]!))
}
