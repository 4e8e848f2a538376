import { QUESTION_STOP_WORDS, stem } from '../analyzer.js'
import type { CorpusIndex } from '../search.js'
import type { Disagreement, Passage, Sentence } from '../types.js'
import { disagreementsOfSides, firstSidePerSource } from './reading-sides.js'
import type { Draft } from './types.js'
import { tagWords } from './phrase.js'
import { LOWER_CASE, letterRuns } from '../letter-patterns.js'

/** Words with their digits, apostrophes and hyphens (global: for `matchAll` only). */
const WORD_TOKENS = /[\p{L}\p{N}’'-]+/gu

/**
 * Whether a named person still holds a post, as each source says it: "Is <person> still chair of
 * the board?" read in every source's sentences that name the person beside the question's post
 * word. One source writing "former chair <person>" or "<person>, who was mayor until 2021" and
 * another "<person>, chair of the board" or "<person>, the town's mayor" disagree on the status.
 * Two people holding the post at different times never do: each person is read on their own.
 * Typed by the sentence's shape and general English status words, not by a list of offices.
 */

/** A status a source gives the person in the post. */
export type OfficeStatus = 'former' | 'current' | 'acting'

/** Words before the post or between it and the name that place the holding in the past: general English. */
const FORMER = /\b(?:former|ex-|then-|outgoing|late|previous|one-time|who\s+(?:was|had\s+been)|until|left|retired|resigned|stepped\s+down)\b/i
/** Words right before a title that place its holding in the past: "former chair", "ex-leader". */
const PAST_TITLE = 'former|ex|then|outgoing|previous|one-time'

/** A past title in the noun phrase ending right before a name: "Former drivers guild leader ", "the ex-chair ". */
const PAST_TITLE_BEFORE = new RegExp(`\\b(?:${PAST_TITLE})[\\s-]+(?:[\\p{L}’'-]+\\s+){0,5}$`, 'iu')

/** A past title in apposition right after a name: ", the union's former leader", ", chief executive until 2023", ", who was chair". */
const PAST_TITLE_AFTER = new RegExp(`^\\s*,\\s+(?:(?:the|a|an|its|their|his|her)?\\s*(?:[\\p{L}’'-]+'s\\s+)?(?:${PAST_TITLE})\\b|(?:[\\p{L}’'-]+\\s+){1,5}until\\b|who\\s+(?:was|had\\s+been)\\b)`, 'iu')

/**
 * True when a name in `text` (offsets within it) is given a title it no longer holds: "former
 * guild leader Otto Brenn", "Otto Brenn, the guild's former leader". Asked who holds a post now,
 * such a name is no holder. Read within the name's clause, so a former title of another name
 * earlier in the sentence does not count.
 */
export function isFormerHolder(text: string, value: { start: number; end: number }): boolean {
  const clause = text.slice(0, value.start).split(/[,;:()]/).pop() ?? ''
  return PAST_TITLE_BEFORE.test(clause) || PAST_TITLE_AFTER.test(text.slice(value.end))
}

/** Words of a question that set it in the past: "Who was…", "Who did…", "the first…", "the former…". */
const PAST_QUESTION_WORDS = new Set(['was', 'were', 'did', 'had', 'former', 'previous', 'ex', 'then', 'until', 'first', 'last', 'before', 'originally', 'once'])

/**
 * True when a question asks who holds something now ("Who leads the union?", "Who is the
 * chair?"): no word of the past, and no verb in a past form (its lemma differs and it ends in
 * neither "-s" nor "-ing": "led", "bought").
 */
export function asksPresentHolder(question: string): boolean {
  return !tagWords(question).some((word) => PAST_QUESTION_WORDS.has(word.lower) || (word.pos === 'VERB' && word.lower !== word.lemma && !/(?:s|ing)$/.test(word.lower)))
}

/** Words before the post that say the holding is temporary: general English. */
const ACTING = /\b(?:acting|interim|caretaker)\b/i
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
    letterRuns(question.toLowerCase()).filter((word) => !nameWords.has(word) && !QUESTION_STOP_WORDS.has(word) && word !== 'still' && word.length > 2).map(stem),
  )
  if (postStems.size === 0) return []
  const readings = firstSidePerSource(index, passageIds, (text) => {
    const found = statusIn(text, surname, postStems)
    return found && { side: found.status, display: found.display }
  })
  return disagreementsOfSides(index, readings, ['current', 'former', 'acting'], storyOf, { topic: `whether ${name} holds the post`, kind: 'role', valueKind: 'office' })
}

/**
 * The status a sentence gives the person named `surname` in the post, when a post word stands
 * within a few words of the name: "former chair Ida Marsh", "Benn, Dunmarra's mayor".
 */
export function statusIn(text: string, surname: string, postStems: Set<string>): { status: OfficeStatus; display: string } | undefined {
  const words = [...text.matchAll(WORD_TOKENS)].map((match) => ({ word: match[0], at: match.index ?? 0 }))
  const named = words.findIndex((word) => word.word.replace(/[’']s$/, '') === surname)
  if (named < 0) return undefined
  const near = words
    .map((word, i) => ({ ...word, i }))
    // Lower case, or opening the sentence ("Mayor Piet Lund said"): a capitalised word elsewhere is part of a name.
    .filter((word) => word.i !== named && Math.abs(word.i - named) <= MAX_GAP_WORDS && (LOWER_CASE.test(word.word) || word.i === 0) && postStems.has(stem(word.word.toLowerCase())))
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
  const status: OfficeStatus = former ? 'former' : ACTING.test(stretch) ? 'acting' : 'current'
  return { status, display: `${status} ${postWord}` }
}

/** A sentence of the corpus as the corpus-wide status reader sees it. */
export interface StatusSentence {
  sourceId: string
  passage: Passage
  sentence: Sentence
  text: string
  headline: boolean
}

/** A person a sentence calls a former or acting holder of a post written in lower case: what the corpus-wide reader checks the other sources against. */
export interface StatusAnchor {
  name: string
  surname: string
  post: string
  postStems: Set<string>
}

const NAME = String.raw`\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+)+`
const POST = String.raw`(?:[a-z][\p{L}-]*\s+){0,2}[a-z][\p{L}-]*`
const PAST_OR_ACTING = '(?:[Ff]ormer|[Ee]x-|[Aa]cting|[Ii]nterim|[Cc]aretaker|[Oo]utgoing|[Tt]hen-)'
/**
 * The shapes that name a former or acting holder: "former chief executive Marion Pell", "Marion
 * Pell, the hospital's former chief executive", "Hugo Brandt, chief executive until 2023". A post in
 * title case ("Former President X") is read by `office.ts`.
 */
const ANCHORS: Array<{ pattern: RegExp; name: number; post: number }> = [
  { pattern: new RegExp(String.raw`(?<![\p{L}-])${PAST_OR_ACTING}\s*(${POST})\s+(${NAME})`, 'gu'), name: 2, post: 1 },
  { pattern: new RegExp(String.raw`(${NAME}),\s+(?:the\s+)?(?:\p{Lu}?[\p{L}-]+[’']s\s+)?${PAST_OR_ACTING}\s*(${POST})`, 'gu'), name: 1, post: 2 },
  { pattern: new RegExp(String.raw`(${NAME}),\s+(${POST})\s+until\b`, 'gu'), name: 1, post: 2 },
]
const MAY_ANCHOR = new RegExp(String.raw`${PAST_OR_ACTING}|\buntil\b`)

/** The former or acting holders a sentence names, keyed by surname and the post's last word: empty for most sentences. */
export function statusAnchorsIn(text: string): Map<string, StatusAnchor> {
  const anchors = new Map<string, StatusAnchor>()
  if (!MAY_ANCHOR.test(text)) return anchors
  for (const shape of ANCHORS) {
    for (const match of text.matchAll(shape.pattern)) {
      const name = match[shape.name]!
      // "the former mayor of Dunmarra": the post ends before its complement.
      const post = match[shape.post]!.replace(/(?:\s+(?:of|the|and|in|at|for|to|on|who|which|whose|said|says))+$/, '')
      const surname = name.split(/\s+/).pop()!.replace(/[’']s$/, '')
      const postStems = new Set(letterRuns(post).filter((word) => !QUESTION_STOP_WORDS.has(word)).map(stem))
      if (postStems.size > 0) anchors.set(`${surname.toLowerCase()}:${stem(post.split(/\s+/).pop() ?? post)}`, { name, surname, post, postStems })
    }
  }
  return anchors
}

/**
 * Claims on whether a person holds a post, across the corpus: for each person a sentence calls a
 * former or acting holder of a post (`statusAnchorsIn`), each source's first sentence that names
 * the person beside that post, read by `statusIn`. A source calling the person the current holder
 * and another the former one disagree once claims are grouped by key (see `sameLabel`); one person
 * read at a time, so two people holding the post at different times never do.
 */
export function statusDrafts(anchors: Map<string, StatusAnchor>, sentences: Iterable<StatusSentence>): Array<Draft & { at: StatusSentence }> {
  const drafts: Array<Draft & { at: StatusSentence }> = []
  const seen = new Set<string>()
  for (const sentence of sentences) {
    for (const [key, anchor] of anchors) {
      if (seen.has(`${key}\u0000${sentence.sourceId}`) || !sentence.text.includes(anchor.surname)) continue
      const found = statusIn(sentence.text, anchor.surname, anchor.postStems)
      if (!found) continue
      seen.add(`${key}\u0000${sentence.sourceId}`)
      const person = anchor.surname.toLowerCase()
      const at = sentence.text.indexOf(anchor.surname)
      drafts.push({
        at: sentence,
        kind: 'role',
        key: `status:${key}`,
        topic: `whether ${anchor.name} is ${anchor.post}`,
        value: `${found.status} ${anchor.post}`,
        comparable: { type: 'label', label: found.status === 'current' ? person : `${found.status}:${person}` },
        spanStart: sentence.sentence.start + at,
        spanEnd: sentence.sentence.start + at + anchor.surname.length,
        // The person is what is disputed: a question naming the post alone ("Who was minister until March?") asks about someone else.
        contextStems: anchor.name.toLowerCase().split(/\s+/),
        focusStems: [...anchor.postStems],
      })
    }
  }
  return drafts
}
