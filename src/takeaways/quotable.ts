import { tokenize } from '../analyzer.js'
import { isImperative } from '../reading.js'
import type { TakeawayBuildOptions } from './options.js'
import type { Unit } from './types.js'

const OPENS_SENTENCE = /^["“‘']?[\p{Lu}\p{N}]/u

const CLOSES_SENTENCE = /[.!]["”’')\]]*$/u

/** Writing about the article itself rather than the event. */
const SELF_REFERENCE = /\b(?:this|our|the present) (?:article|piece|post|column|essay|overview|newsletter)\b|\bkey takeaways\b/i

const BOILERPLATE = /\b(?:all rights reserved|copyright|subscribe|newsletter|sign up|click here|read more|follow us|contributed (?:reporting|to this report)|(?:reporting|editing) by)\b|©|https?:\/\/|\[\[/i

/** Advice to the reader in the author's voice. */
const PRESCRIPTIVE = /^(?:it is (?:vital|essential|crucial|important|imperative|necessary|time) (?:to|that|for)|(?:we|you) (?:must|should|need to|have to|can)|let(?:'s|’s| us)\b)/i

const SECOND_PERSON = /\b(?:you|your|yours|yourself)\b/i

/**
 * Opens with a personal pronoun ("She said 12 workers…", "His statements…", "It…"): who is meant is
 * in the sentence before, so alone it does not say who. Such a sentence still supports its point; another sentence of the point is quoted.
 */
const PRONOUN_START = /^["“‘']?(?:he|she|it|they|him|them|his|her|its|their)\b/i

/**
 * Whether a sentence can stand alone as a takeaway: a whole declarative sentence, no boilerplate or
 * advice. `tokenCount` is the number of its `tokenize` tokens, when counted already.
 */
export function isQuotable(text: string, settings: Required<TakeawayBuildOptions>, imperative?: boolean, tokenCount?: number): boolean {
  if (text.length < settings.minChars || text.length > settings.maxChars) return false
  if (!OPENS_SENTENCE.test(text) || !CLOSES_SENTENCE.test(text)) return false
  if ((tokenCount ?? tokenize(text).length) < 6) return false
  if (SELF_REFERENCE.test(text) || BOILERPLATE.test(text) || PRESCRIPTIVE.test(text)) return false
  if (SECOND_PERSON.test(withoutQuotations(text))) return false
  if (PRONOUN_START.test(text)) return false
  return !(imperative ?? isImperative(text))
}

/** Text outside quotation marks: a quoted "you" is someone speaking, not the article addressing its reader. */
export function withoutQuotations(text: string): string {
  return text.replace(/“[^”]*”|"[^"]*"/g, ' ')
}

/** Opens by pointing back at the sentence before it, so alone it reads incomplete. */
const ANAPHORIC_START = /^["“]?(?:this|that|these|those|it|its|he|she|they|his|her|their|such|here|there)\b|^\p{L}+(?: \p{L}+)? (?:this|these|those|that|such) \p{L}+,/iu

const CONNECTIVE_START = /^(?:however|but|yet|still|rather|additionally|furthermore|moreover|also|meanwhile|similarly|ultimately|instead|thus|therefore|in (?:addition|summary|essence|short|contrast|retrospect))\b/i

/**
 * A factor for how well a sentence reads alone: news puts its main points first, and a sentence
 * that points back at an earlier one or is a list fragment needs its context.
 */
export function qualityOf(unit: Unit): number {
  let quality = 1.2 - 0.4 * unit.position
  if (ANAPHORIC_START.test(unit.text)) quality *= 0.75
  else if (CONNECTIVE_START.test(unit.text)) quality *= 0.85
  if (unit.isList) quality *= 0.9
  return quality
}
