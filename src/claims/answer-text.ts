import { stem, tokenize } from '../analyzer.js'
import type { CorpusIndex } from '../search.js'
import type { Passage } from '../types.js'
import { valuesIn, type AskedWords, type FoundValue } from './found-values.js'
import { LOWER_CASE } from '../letter-patterns.js'
import type { TaggedWord } from './phrase.js'
import { memoBySentence } from './sentence-memo.js'
import { resolveWeekday } from './date.js'

// What the sources' answers are read with, around the values: the question's words of saying, the
// quoted speech and the clauses of a sentence, the names a source gives, the day names its article dates.

/** Verbs of saying: a question with one ("Who said…?", "Who told reporters…?") asks for the speaker. */
const SAYING = /^(?:say|says|said|saying|tell|tells|told|telling|state|stated|claim|claimed|announce|announced|describe|described|call|called|quote|quoted)$/

/** True when the question asks who said something: its speaker is then the answer, quotation or not. */
export function asksWhoSaid(asked: AskedWords): boolean {
  for (const word of asked.words) if (SAYING.test(word)) return true
  return false
}

/**
 * The spans of `text` within quotation marks, straight or curly, offset by `offset` (the sentence's
 * start in its article): speech of three words or more, not a nickname or a title in quotes.
 */
export function quotedSpansOf(text: string, offset: number): Array<{ start: number; end: number }> {
  return [...text.matchAll(/[“"][^“”"\s]+(?:\s+[^“”"\s]+){2,}[”"]/g)].map((match) => ({ start: offset + match.index, end: offset + match.index + match[0].length }))
}

/** A day name placed by its article's date (`datedByArticle`) back as written: its day of the week only. */
export function asWritten(value: FoundValue): FoundValue {
  const date = value.comparable
  if (date.type !== 'date' || !date.fromWeekday) return value
  return { ...value, comparable: { type: 'date', ...(date.weekday !== undefined ? { weekday: date.weekday } : {}) } }
}

/** A found day name dated by its article's published date (`resolveWeekday`); other values unchanged. */
export function datedByArticle<T extends FoundValue | undefined>(index: CorpusIndex, sourceId: string, value: T, sentence: string): T {
  if (!value || value.comparable.type !== 'date') return value
  return { ...value, comparable: resolveWeekday(value.comparable, index.sourceById.get(sourceId)?.published, sentence) }
}

/**
 * The clauses of a sentence, as offsets in the article (`offset` is the sentence's): cut at a comma,
 * semicolon or colon before a space (not "6,000"), a spaced dash (not "5–7"), and before a coordinating "and", "but" or "while" that joins two clauses.
 */
export const clauseBoundsOf = (text: string, offset: number): Array<{ start: number; end: number }> => {
  const bounds: Array<{ start: number; end: number }> = []
  let from = 0
  for (const match of text.matchAll(/[,;:](?=\s)|\s[–—]\s|\s+(?=(?:and|but|while)\s)/g)) {
    const at = match.index ?? 0
    bounds.push({ start: offset + from, end: offset + at })
    from = at + match[0].length
  }
  bounds.push({ start: offset + from, end: offset + text.length })
  return bounds
}

/** A span moved back by `offset`: from offsets in the article to offsets in the sentence. */
export function shifted(span: { start: number; end: number }, offset: number): { start: number; end: number } {
  return { start: span.start - offset, end: span.end - offset }
}

/** The last words of the people a source names in `passages`: "Ellison" for "Mayor Tom Ellison". */
export function surnamesIn(passages: Passage[]): Set<string> {
  return new Set(passages.flatMap((passage) => surnamesInText(passage.text)))
}

/**
 * `surnamesIn` of one passage's text, kept once read: the same few passages answer every "who"
 * question of a story, and finding the names in a whole passage was a fifth of such an answer.
 */
const surnamesInText = memoBySentence((text: string) => valuesIn(text, 'person').map((value) => value.display.split(/\s+/).pop() ?? ''))

const DASHES = /[-–]/

/** True for a name holding a compound of people the source names apart ("Harwick-Dunmore Lisbon" for a summit's headline): not one person. */
export function joinsNames(value: FoundValue, surnames: Set<string>): boolean {
  // Most names join nothing: split only a name that has a dash at all (this runs for every value of every sentence read).
  if (!DASHES.test(value.display)) return false
  return value.display.split(/\s+/).some((word) => {
    const parts = word.split(/[-–]/)
    return parts.length > 1 && parts.every((part) => surnames.has(part))
  })
}

/** A value the question itself gives ("Was it 12 hours?", the film's title) is not an answer to it. */
export function echoesQuestion(value: FoundValue, asked: Set<string>): boolean {
  const words = tokenize(value.display).map((token) => token.word)
  if (value.kind === 'person' || value.kind === 'place' || value.kind === 'entity') return words.every((word) => asked.has(word))
  return words.some((word) => /\d/.test(word) && asked.has(word))
}

/** Parts of speech a post's noun phrase is made of: "head of British pictures", "chief executive". */
const POST_WORD_TAGS: ReadonlySet<string> = new Set(['NOUN', 'ADJ', 'PROPN', 'ADP'])

/**
 * True when the name at `at` (an offset in the sentence) stands in apposition after a post that is
 * none of the question's words ("Harcourt's head of British pictures, Lena Ostrova", asked who is
 * the chairman): the sentence says the name holds that other post. The post is a run of nouns,
 * adjectives and "of" ending in a lower-case noun right before the comma; `isAsked` tells a
 * question's stem.
 */
export function isLabelledByOther(words: readonly TaggedWord[], text: string, at: number, isAsked: (stem: string) => boolean): boolean {
  let head = -1
  while (head + 1 < words.length && words[head + 1]!.end <= at) head++
  const last = words[head]
  if (!last || last.text !== ',' || !/^\s{1,2}$/.test(text.slice(last.end, at))) return false
  const noun = words[head - 1]
  if (!noun || noun.pos !== 'NOUN' || !LOWER_CASE.test(noun.text)) return false
  const post: TaggedWord[] = []
  for (let i = head - 1; i >= 0 && post.length < 6; i--) {
    const word = words[i]!
    if (!POST_WORD_TAGS.has(word.pos) || (word.pos === 'ADP' && word.lower !== 'of')) break
    post.push(word)
  }
  return !post.some((word) => isAsked(stem(word.lower)))
}
