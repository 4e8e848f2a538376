import { QUESTION_STOP_WORDS, stem } from '../analyzer.js'
import type { CorpusIndex } from '../search.js'
import type { Disagreement } from '../types.js'
import { disagreementsOfSides, firstSidePerSource } from './reading-sides.js'

/**
 * Whether a named person still holds a post, as each source says it: "Is <person> still chair of
 * the board?" read in every source's sentences that name the person beside the question's post
 * word. One source writing "former chair <person>" or "<person>, who was mayor until 2021" and
 * another "<person>, chair of the board" or "<person>, the town's mayor" disagree on the status.
 * Two people holding the post at different times never do: each person is read on their own.
 * Typed by the sentence's shape and general English status words, not by a list of offices.
 */

/** A status a source gives the person in the post. */
export type OfficeStatus = 'former' | 'current'

/** Words before the post or between it and the name that place the holding in the past: general English. */
const FORMER = /\b(?:former|ex-|then-|outgoing|late|previous|one-time|who\s+(?:was|had\s+been)|until|left|retired|resigned|stepped\s+down)\b/i
/** A name of two capitalised words or more, not at the question's start. */
const NAME_IN_QUESTION = /(?<!^)\b\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+)+/u
/** A yes/no question about a named person's post: "Is X still mayor?", "Was X the chair?", "Does X still lead…?". */
const ASKS_STATUS = /^\s*(?:is|was|are|does|did|has|remains?)\b/i
/** Most words between the person's name and the post word for one to describe the other. */
const MAX_GAP_WORDS = 5

/**
 * The disagreement on whether the person a yes/no question names holds the post it names, within
 * each story; empty when the question names no person or no post, or the sources agree.
 */
export function compareOfficeStatus(index: CorpusIndex, question: string, passageIds: string[], storyOf: (sourceId: string) => string = () => ''): Disagreement[] {
  if (!ASKS_STATUS.test(question)) return []
  const name = NAME_IN_QUESTION.exec(question)?.[0]
  if (!name) return []
  const surname = name.split(/\s+/).pop() ?? name
  const nameWords = new Set(name.toLowerCase().split(/\s+/))
  // The post: the question's content words that are not the name ("chair", "water", "board"; "mayor", "Dunmarra").
  const postStems = new Set(
    (question.toLowerCase().match(/\p{L}+/gu) ?? []).filter((word) => !nameWords.has(word) && !QUESTION_STOP_WORDS.has(word) && word !== 'still' && word.length > 2).map(stem),
  )
  if (postStems.size === 0) return []
  const readings = firstSidePerSource(index, passageIds, (text) => {
    const found = statusIn(text, surname, postStems)
    return found && { side: found.status, display: found.display }
  })
  return disagreementsOfSides(index, readings, ['current', 'former'], storyOf, { topic: `whether ${name} holds the post`, kind: 'role', valueKind: 'office' })
}

/**
 * The status a sentence gives the person named `surname` in the post, when a post word stands
 * within a few words of the name: "former chair Ida Marsh", "Benn, Dunmarra's mayor".
 */
export function statusIn(text: string, surname: string, postStems: Set<string>): { status: OfficeStatus; display: string } | undefined {
  const words = [...text.matchAll(/[\p{L}\p{N}’'-]+/gu)].map((match) => ({ word: match[0], at: match.index ?? 0 }))
  const named = words.findIndex((word) => word.word.replace(/[’']s$/, '') === surname)
  if (named < 0) return undefined
  const near = words
    .map((word, i) => ({ ...word, i }))
    .filter((word) => word.i !== named && Math.abs(word.i - named) <= MAX_GAP_WORDS && /^\p{Ll}/u.test(word.word) && postStems.has(stem(word.word.toLowerCase())))
  const post = near.sort((a, b) => Math.abs(a.i - named) - Math.abs(b.i - named))[0]
  if (!post) return undefined
  // The stretch joining name and post, with two words before whichever comes first ("the former mayor").
  const from = Math.max(0, Math.min(post.i, named) - 2)
  const to = Math.max(post.i, named)
  const start = words[from]!.at
  const end = words[to]!.at + words[to]!.word.length
  const stretch = text.slice(start, end)
  // Past tense of being, in the stretch or just after it ("Benn, who was mayor", "Marsh, who left the board").
  const tail = text.slice(end, end + 40)
  const former = FORMER.test(stretch) || (post.i > named && /^[^.;]{0,20}\b(?:until|from\s+\d{4}\s+to)\b/i.test(tail)) || /^\s*,?\s*who\s+(?:left|retired|resigned|stepped)\b/i.test(tail)
  const postWord = post.word.toLowerCase()
  return { status: former ? 'former' : 'current', display: `${former ? 'former' : 'current'} ${postWord}` }
}
