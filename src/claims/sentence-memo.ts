import { tokenize, type Token } from '../analyzer.js'
import { tagWords, type TaggedWord } from './phrase.js'

/**
 * What comparing the sources' answers reads in a corpus sentence, kept once read. The comparison
 * reads the same answering sentences for many questions (a story's few sentences that name its
 * outcome, its date, its people), and reading them is most of its cost: wink-nlp's tagging about a
 * fifth of a yes/no question's answer, tokenizing every candidate of the pairwise comparison more.
 * Keyed by the sentence's text, never by a question: a question's own words are read afresh each
 * time, so an answer is never looked up, only what it is computed from.
 */

/** Sentences kept per reading: a few times the answering sentences of a busy chat, a few MB. */
export const MAX_MEMO_SENTENCES = 10_000

/** A reading of sentences, kept once read; the memory is dropped whole when full. */
export interface SentenceMemo<T> {
  (text: string): T
  /** Forgets every kept reading: for a benchmark timing asks over sentences never read before. */
  forget(): void
}

/** Every memo `memoBySentence` made, for `forgetSentenceReadings`. */
const memos: Array<SentenceMemo<unknown>> = []

/**
 * `read`, kept by text (a sentence's or a passage's). What it returns is shared between callers: read
 * it, never change it. `forgetSentenceReadings` forgets it with the others.
 */
export function memoBySentence<T>(read: (text: string) => T, maxEntries = MAX_MEMO_SENTENCES): SentenceMemo<T> {
  const kept = new Map<string, T>()
  const memo = (text: string) => {
    let value = kept.get(text)
    if (value === undefined) {
      value = read(text)
      if (kept.size >= maxEntries) kept.clear()
      kept.set(text, value)
    }
    return value
  }
  const made = Object.assign(memo, { forget: () => kept.clear() })
  memos.push(made)
  return made
}

/** `tagWords` of a corpus sentence. */
export const tagSentence: SentenceMemo<TaggedWord[]> = memoBySentence(tagWords)

/** `tokenize` of a corpus sentence. */
export const sentenceTokens: SentenceMemo<Token[]> = memoBySentence(tokenize)

/** Forgets every sentence these memos, and every other `memoBySentence`, keep. */
export function forgetSentenceReadings(): void {
  for (const memo of memos) memo.forget()
}
