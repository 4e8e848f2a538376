import { readSentenceText, type SentenceReading } from '../reading.js'
import { type CorpusIndex, stemOf } from '../search.js'
import type { Passage, Sentence } from '../types.js'
import type { ArticleSpan } from './types.js'

/** A word as wink-nlp reads it, with offsets into the article. */
export interface Word {
  text: string
  lower: string
  stem: string
  pos: string
  negated: boolean
  start: number
  end: number
}

export interface ReadSentence extends ArticleSpan {
  words: Word[]
  entities: Array<{ type: string; first: number; last: number }>
}


export const REPORTING_VERBS = new Set(['said', 'says', 'say', 'told', 'described', 'describes', 'called', 'calls', 'hailed', 'hails', 'claimed', 'claims', 'asserted', 'asserts', 'asserting', 'declared', 'declares', 'insisted', 'insists', 'acknowledged', 'acknowledges', 'admitted', 'admits', 'noted', 'notes', 'argued', 'argues', 'stated', 'states', 'touted', 'praised', 'characterized', 'characterised', 'announced', 'conceded', 'warned'])


/**
 * A sentence as claims read it: its words with stems and offsets into the article, and its entities.
 * `reading` is the build's one NLP reading of the sentence; without it, the sentence is read now.
 */
export function readSentence(
  index: CorpusIndex,
  text: string,
  sourceId: string,
  passage: Passage,
  sentence: Sentence,
  headline: boolean,
  reading?: SentenceReading,
): ReadSentence {
  const sentenceText = text.slice(sentence.start, sentence.end)
  const { tokens: values, tags, negated: negations, entities: spans } = reading ?? readSentenceText(sentenceText)
  const words: Word[] = []
  let cursor = 0
  const indexByToken: number[] = []
  values.forEach((value, i) => {
    const at = sentenceText.indexOf(value, cursor)
    indexByToken.push(words.length)
    if (at < 0) return
    cursor = at + value.length
    const lower = value.toLowerCase()
    words.push({ text: value, lower, stem: stemOf(index, lower.replace(/[’']s$/, '')), pos: tags[i] ?? 'X', negated: Boolean(negations[i]), start: sentence.start + at, end: sentence.start + cursor })
  })
  const entities: ReadSentence['entities'] = spans.map(({ type, first, last }) => ({ type, first: indexByToken[first] ?? 0, last: indexByToken[last] ?? 0 }))
  return { sourceId, passageId: passage.id, start: sentence.start, end: sentence.end, text: sentenceText, headline, words, entities }
}

/** Token indices where a chunk (a stretch between punctuation) begins, for each word. */
export function chunkIds(words: Word[]): number[] {
  const ids: number[] = []
  let id = 0
  for (const word of words) {
    if (word.pos === 'PUNCT' && /^[,;:—–()[\]“”"!?]$|^\.$/.test(word.text)) id++
    ids.push(id)
  }
  return ids
}

/** Clause boundaries: punctuation that ends a clause and the conjunctions that open a contrasting one. */
export function isClauseBreak(word: Word): boolean {
  return (word.pos === 'PUNCT' && /^[;:—–]$/.test(word.text)) || ['but', 'while', 'whereas', 'although', 'though', 'however', 'yet'].includes(word.lower)
}

export function clauseIds(words: Word[]): number[] {
  const ids: number[] = []
  let id = 0
  for (const word of words) {
    if (isClauseBreak(word)) id++
    ids.push(id)
  }
  return ids
}
