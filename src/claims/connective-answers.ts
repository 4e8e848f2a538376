import type { FoundValue } from './found-values.js'
import { nounPhrases, plainWord, type TaggedWord } from './phrase.js'

// Answers a sentence points at with a connective or a bracket rather than states by type: the cause
// a "caused by" names, the name an abbreviation in brackets stands for. Both are typed as the answer
// to a question asking for exactly that (`AskedWords.cause`, `AskedWords.expands`).

/**
 * The connectives of cause in general English, before the cause they name: "caused by", "blamed on",
 * "due to", "because of", "the result of"; and "the cause was".
 */
const CAUSE_BEFORE = /\b(?:(?:caused|started|sparked|triggered|set\s+off)\s+by|blamed\s+on|due\s+to|because\s+of|(?:the\s+)?result\s+of|resulted\s+from|(?:cause|reason)\s+(?:was|is|has\s+been)|traced\s+to|attributed\s+to)\s+(?:(?:an?|the|some|one|two)\s+)?$/i

/**
 * The causes a sentence names, asked what caused something: the noun phrase right after a cause
 * connective ("started by a discarded cigarette" → "cigarette", "caused by an electrical fault" →
 * "electrical fault"), typed as the answer. A denied cause ("not caused by arson") names none.
 */
export function causeValues(text: string, offset: number, tagged: TaggedWord[]): FoundValue[] {
  const found: FoundValue[] = []
  for (const phrase of nounPhrases(tagged)) {
    const before = text.slice(Math.max(0, phrase.start - 40), phrase.start)
    if (!CAUSE_BEFORE.test(before) || /\bnot\s+(?:\w+\s+){0,2}$/i.test(before.replace(CAUSE_BEFORE, ''))) continue
    const label = phrase.words.map((word) => plainWord(word.text)).join(' ')
    found.push({ kind: 'entity', display: text.slice(phrase.start, phrase.end), comparable: { type: 'label', label }, start: offset + phrase.start, end: offset + phrase.end, strength: 0, typed: true })
  }
  return found
}

/**
 * The names a sentence expands `abbreviation` to: the noun phrase right before it in brackets
 * ("Vocal cord dysfunction (VCD)" → "Vocal cord dysfunction"), typed as the answer.
 */
export function expansionValues(text: string, offset: number, tagged: TaggedWord[], abbreviation: string): FoundValue[] {
  const found: FoundValue[] = []
  for (const phrase of nounPhrases(tagged)) {
    const last = phrase.first + phrase.words.length - 1
    if (tagged[last + 1]?.text !== '(' || tagged[last + 2]?.text !== abbreviation || tagged[last + 3]?.text !== ')') continue
    const label = phrase.words.filter((word) => word.text !== '-').map((word) => plainWord(word.text)).join(' ')
    found.push({ kind: 'entity', display: text.slice(phrase.start, phrase.end), comparable: { type: 'label', label }, start: offset + phrase.start, end: offset + phrase.end, strength: 0, typed: true })
  }
  return found
}
