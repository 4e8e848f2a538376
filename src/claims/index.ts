import { allPassages, articleText, type CorpusIndex } from '../search.js'
import type { SentenceReadings } from '../reading.js'
import type { Sentence } from '../types.js'
import { countDraft, settleCompoundCounts, settleImplicitCounts } from './count.js'
import { dateDraft, MONTHS, WEEKDAYS } from './date.js'
import { durationDraft } from './duration.js'
import type { EntityContext, EntityExtractor, KindDraft } from './entity.js'
import { CHANGE, MEASURED_CLASSES, OTHER_OCCASION } from './measured.js'
import { marginDraft } from './margin.js'
import { CURRENCY_SYMBOLS, moneyDraft } from './money.js'
import { parseNumber, SMALL_NUMBERS } from './numbers.js'
import { resolveRoles, type RoleMention, roleMentions } from './office.js'
import { type StatusAnchor, statusAnchorsIn, statusDrafts, type StatusSentence } from './office-status.js'
import { EVENT_STEMS, framingDrafts, mayHoldOutcome } from './outcome.js'
import { percentDraft } from './percent.js'
import { chunkIds, type ReadSentence, readSentence, type Word } from './read.js'
import { scoreDrafts } from './score.js'
import { type ClaimOptions, DEFAULT_CLAIM_OPTIONS, type Draft, type ExtractedClaim } from './types.js'
import { CAPITALISED } from '../letter-patterns.js'

const LONG_WORD = /^\p{L}{4,}/u

/**
 * Typed claims extracted from sentences, once, when the corpus is indexed, one file per value kind:
 * durations (`duration.ts`), counts (`count.ts`), money with its currency (`money.ts`), percentages
 * (`percent.ts`), dates and days (`date.ts`), match scores (`score.ts`), who holds an office
 * (`office.ts`) and how an outcome is framed (`outcome.ts`). Each kind extracts a draft from a
 * sentence read by wink-nlp (`read.ts`), normalises its value into a `ClaimValue`, and says when
 * two values of its kind cannot both be right (`sameValue` in `compare.ts`). This file is the only
 * one that lists the kinds. Nothing here knows any corpus: word lists are general English.
 */

export type { ArticleSpan, ClaimOptions, ClaimValue, Dimension, ExtractedClaim } from './types.js'
export { DEFAULT_CLAIM_OPTIONS } from './types.js'
export { parseNumber, UNIT_SECONDS } from './numbers.js'
export { IMPLICIT_COUNTED } from './count.js'


/** Cheap tests, so that wink-nlp reads only sentences that can hold a claim. */
export const MAY_HOLD_NUMBER = new RegExp(`\\d|\\b(?:${[...Object.keys(SMALL_NUMBERS), 'hundred', 'thousand', 'million', 'billion', 'percent'].join('|')})\\b`, 'i')
// Capitalised only: "may" the verb is far more common than May the month.
export const MAY_HOLD_DATE = new RegExp(`\\b(?:${[...WEEKDAYS, ...MONTHS].map((name) => name.replace(/^./, (c) => c.toUpperCase())).join('|')})\\b`)

/** Cheap tests, so that wink-nlp reads only sentences that can hold a claim. */
export function mayHoldQuantity(text: string): boolean {
  return MAY_HOLD_NUMBER.test(text) || MAY_HOLD_DATE.test(text)
}

/** The extractor of each wink-nlp entity type: the one place that lists the numeric kinds. */
const EXTRACTORS: Record<string, EntityExtractor> = {
  DURATION: durationDraft,
  TIME: durationDraft,
  MONEY: moneyDraft,
  PERCENT: percentDraft,
  CARDINAL: countDraft,
  DATE: dateDraft,
}

export function quantityDrafts(read: ReadSentence, settings: Required<ClaimOptions>): Draft[] {
  const { words, entities } = read
  if (CHANGE.test(read.text) || OTHER_OCCASION.test(read.text)) return scoreDrafts(read)
  const chunk = chunkIds(words)
  const scores = scoreDrafts(read)
  const drafts: Draft[] = []
  for (const [i, entity] of entities.entries()) {
    // "between 2 and 3 million euros": the lower figure is no claim of its own but the low end of the next.
    if (rangeLow(words, entity, entities[i + 1]) !== undefined) continue
    // wink-nlp reads "£3 million" and "€1.5 million" as a bare number after a symbol: the symbol makes it money.
    const symbol = entity.type === 'CARDINAL' && CURRENCY_SYMBOLS[words[entity.first - 1]?.text ?? ''] !== undefined ? 1 : 0
    const type = symbol ? 'MONEY' : entity.type
    const span = words.slice(entity.first - symbol, entity.last + 1)
    const first = span[0]
    const last = span[span.length - 1]
    if (!first || !last) continue
    // The figures of a score or tally ("a vote of 7 to 4") are one value, not two counts.
    if (scores.some((score) => first.start < score.spanEnd && score.spanStart < last.end)) continue
    // A figure quoted to be denied ("was not 50,000 barrels, as early reports claimed") is no claim.
    if (isDenied(words, entity.first - symbol)) continue
    const context: EntityContext = { type, read, words, first: entity.first - symbol, last: entity.last, span, chunk, settings }
    const extract = EXTRACTORS[type]
    const draft = extract?.(context)
    if (!draft) continue
    const low = entities[i - 1] && rangeLow(words, entities[i - 1]!, entity)
    drafts.push({ spanStart: first.start, spanEnd: last.end, ...(low === undefined ? draft : widenToRange(draft, low, span, words[entities[i - 1]!.first]!)) })
  }
  return [...drafts, ...scores]
}

/** True when the figure at word `first` is denied: "not 50,000", "not even 12", "isn't about 3". */
function isDenied(words: Word[], first: number): boolean {
  let at = first - 1
  while (at >= 0 && ['about', 'even', 'just', 'quite', 'nearly', 'around', 'some', 'an', 'a'].includes(words[at]?.lower ?? '')) at--
  const word = words[at]?.lower ?? ''
  return word === 'not' || word.endsWith("n't")
}

/** The figure of `entity` when it opens a range "between <entity> and <next>", else undefined. */
function rangeLow(words: Word[], entity: ReadSentence['entities'][number], next: ReadSentence['entities'][number] | undefined): number | undefined {
  if (!next || words[entity.first - 1]?.lower !== 'between' || words[entity.last + 1]?.lower !== 'and' || next.first !== entity.last + 2) return undefined
  return parseNumber(words.slice(entity.first, entity.last + 1).map((word) => word.text))
}

/**
 * A draft of the range's high figure widened down to its low one, in the high figure's scale and
 * unit: "between 2 and 3 million euros" is €2–3 million, "between two and three hours" 2–3 hours.
 */
function widenToRange(draft: KindDraft, low: number, span: Word[], lowWord: Word): KindDraft {
  const value = draft.comparable
  const leading = parseNumber([span[0]?.text ?? ''])
  if (value.type !== 'number' || !leading || !Number.isFinite(value.high)) return draft
  const scaled = (low * value.high) / leading
  return { ...draft, value: `${lowWord.text}–${draft.value}`, comparable: { ...value, low: Math.min(value.low, scaled) } }
}




/** Clips a sentence to the clause around `[spanStart, spanEnd)` when it is too long to quote whole; stays verbatim. */
export function clauseAround(text: string, sentence: { start: number; end: number }, spanStart: number, spanEnd: number, maxChars: number, always = false): { start: number; end: number } {
  if (!always && sentence.end - sentence.start <= maxChars) return sentence
  const boundary = /[;:—–]\s|,\s(?=(?:but|while|whereas|although|and|as|with|which)\b)|\s(?=(?:but|while|whereas|although)\s)|\.\s/g
  let start = sentence.start
  let end = sentence.end
  for (const match of text.slice(sentence.start, sentence.end).matchAll(boundary)) {
    const at = sentence.start + (match.index ?? 0)
    if (at + match[0].length <= spanStart) start = at + match[0].length
    else if (at >= spanEnd && at < end) end = at
  }
  if (end - start > maxChars) {
    // Still too long: keep whole words around the span.
    const from = Math.max(start, spanStart - Math.floor(maxChars / 2))
    const to = Math.min(end, from + maxChars)
    start = from === start ? start : text.indexOf(' ', from) + 1 || from
    end = to === end ? end : Math.max(text.lastIndexOf(' ', to), spanEnd)
  }
  return { start, end }
}

/**
 * Extracts every claim in the corpus. Quantities and framing come from wink-nlp's reading of each
 * sentence (entities, parts of speech, negation scope); who holds an office comes from titles
 * before names, decided across the whole corpus.
 */
export function extractClaims(index: CorpusIndex, options: ClaimOptions = {}, readings?: SentenceReadings): ExtractedClaim[] {
  const settings = { ...DEFAULT_CLAIM_OPTIONS, ...options }
  const claims: ExtractedClaim[] = []
  const mentions: RoleMention[] = []
  const pending: Array<{ read: ReadSentence; outcome: boolean }> = []
  const anchors = new Map<string, StatusAnchor>()
  // Sources whose body has begun: a headline-like line after the first paragraph is a subheading.
  const inBody = new Set<string>()
  for (const passage of allPassages(index)) {
    const text = articleText(index, passage.sourceId)
    for (const sentence of passage.sentences) {
      const sentenceText = text.slice(sentence.start, sentence.end)
      const headline = !inBody.has(passage.sourceId) && isHeadlineLine(text, sentence)
      if (!headline && sentence.kind !== 'heading') inBody.add(passage.sourceId)
      if (sentence.kind === 'table') continue
      mentions.push(...roleMentions(text, passage.sourceId, passage, sentence, headline))
      for (const [key, anchor] of statusAnchorsIn(sentenceText)) anchors.set(key, anchor)
      const margin = marginDraft(sentenceText, sentence.start)
      if (margin) {
        const { start, end } = clauseAround(text, sentence, margin.spanStart, margin.spanEnd, settings.maxClaimChars)
        claims.push(toClaim(margin, { sourceId: passage.sourceId, passageId: passage.id, headline }, text, start, end))
      }
      const quantity = mayHoldQuantity(sentenceText)
      const outcome = mayHoldOutcome(sentenceText)
      if (!quantity && !outcome) continue
      const read = readSentence(index, text, passage.sourceId, passage, sentence, headline, readings?.(passage.sourceId, sentence.start))
      if (quantity) for (const draft of quantityDrafts(read, settings)) claims.push(finish(draft, read, text, settings))
      if (outcome) pending.push({ read, outcome })
    }
  }
  // Speakers are named by their full name where the corpus gives one ("Marek" → "Ilse Marek").
  const speakers = new Map<string, string>()
  for (const mention of mentions) {
    const surname = mention.name.split(' ').pop() ?? mention.name
    if ((speakers.get(surname)?.length ?? 0) < mention.name.length) speakers.set(surname, mention.name)
  }
  const event = eventNounOf(pending.map(({ read }) => read))
  for (const { read } of pending) {
    for (const draft of framingDrafts(read, speakers)) claims.push(finish({ ...draft, topic: `whether the ${event} made progress` }, read, articleText(index, read.sourceId), settings))
  }
  for (const draft of resolveRoles(mentions)) {
    const text = articleText(index, draft.sourceId)
    const { start, end } = clauseAround(text, draft.sentence, draft.spanStart, draft.spanEnd, settings.maxClaimChars)
    claims.push(toClaim(draft, draft, text, start, end))
  }
  if (anchors.size > 0) {
    const surnames = [...new Set([...anchors.values()].map((anchor) => anchor.surname))]
    for (const draft of statusDrafts(anchors, statusSentences(index, surnames))) {
      const text = articleText(index, draft.at.sourceId)
      const { start, end } = clauseAround(text, draft.at.sentence, draft.spanStart, draft.spanEnd, settings.maxClaimChars)
      claims.push(toClaim(draft, { ...draft.at, passageId: draft.at.passage.id }, text, start, end))
    }
  }
  settleCompoundCounts(claims)
  settleImplicitCounts(claims)
  settleTopics(claims)
  return claims
}

/** The body sentences of the passages naming one of `surnames`, in order, for the status reader's second look. */
function* statusSentences(index: CorpusIndex, surnames: string[]): Generator<StatusSentence> {
  for (const passage of allPassages(index)) {
    if (!surnames.some((surname) => passage.text.includes(surname))) continue
    const text = articleText(index, passage.sourceId)
    for (const sentence of passage.sentences) {
      if (sentence.kind === 'table' || sentence.kind === 'heading') continue
      yield { sourceId: passage.sourceId, passage, sentence, text: text.slice(sentence.start, sentence.end), headline: false }
    }
  }
}

/**
 * One topic per key, in the words the claims use: "how long the meeting lasted" when the sources
 * say "meeting", not the thesaurus's "talks". Ties go to the class's own name, then to the first.
 */
export function settleTopics(claims: ExtractedClaim[]): void {
  const byKey = new Map<string, ExtractedClaim[]>()
  for (const claim of claims) {
    // Pushed, not copied: a key's group can hold thousands of a large corpus's claims.
    const group = byKey.get(claim.key)
    if (group) group.push(claim)
    else byKey.set(claim.key, [claim])
  }
  for (const [key, group] of byKey) {
    const counts = new Map<string, number>()
    for (const claim of group) counts.set(claim.topic, (counts.get(claim.topic) ?? 0) + 1)
    const display = MEASURED_CLASSES.find((measured) => key.split(':').includes(measured.name))?.display
    const named = (topic: string) => (display && ` ${topic} `.includes(` ${display} `) ? 1 : 0)
    const [topic] = [...counts].sort((a, b) => b[1] - a[1] || named(b[0]) - named(a[0]))[0] ?? []
    if (topic) for (const claim of group) claim.topic = topic
  }
}

/** Longest line read as a headline or dek, in characters. */
export const MAX_HEADLINE_CHARS = 200

/**
 * True when a sentence is a headline, dek or standfirst line: a line of its own, short, that either
 * ends without sentence punctuation or is set in title case. A lede that happens to be short is a
 * paragraph (it ends with a full stop, often with a second sentence), so it is body, whatever the
 * passage splitter's `lead` flag says. The caller checks that the body has not begun.
 */
export function isHeadlineLine(text: string, sentence: Sentence): boolean {
  if (sentence.kind === 'list' || sentence.kind === 'table') return false
  const lineStart = text.lastIndexOf('\n', sentence.start - 1) + 1
  const lineEnd = text.indexOf('\n', sentence.end)
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).trim()
  const own = text.slice(sentence.start, sentence.end).trim()
  // Another sentence on the same line makes it a paragraph.
  if (line.length > MAX_HEADLINE_CHARS || own.length < line.length - 2) return false
  if (!/[.!?]["”’)]?$/u.test(line)) return true
  return isTitleCase(line)
}

/** Most longer words capitalised, as in "Talks End Without a Deal". */
export function isTitleCase(line: string): boolean {
  const words = line.split(/\s+/).slice(1).filter((word) => LONG_WORD.test(word))
  return words.length >= 2 && words.filter((word) => CAPITALISED.test(word)).length >= 0.75 * words.length
}

/** The event the corpus is about, as its articles most often name it ("summit", "match"). */
export function eventNounOf(reads: ReadSentence[]): string {
  const counts = new Map<string, number>()
  for (const read of reads) {
    for (const word of read.words) {
      if (word.pos === 'NOUN' && EVENT_STEMS.has(word.stem) && !word.lower.endsWith('s')) counts.set(word.lower, (counts.get(word.lower) ?? 0) + 1)
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'event'
}

export function finish(draft: Draft, read: ReadSentence, text: string, settings: Required<ClaimOptions>): ExtractedClaim {
  // A framing is a judgement in one clause; the rest of the sentence may judge the other way.
  const { start, end } = clauseAround(text, read, draft.spanStart, draft.spanEnd, settings.maxClaimChars, draft.kind === 'framing')
  return toClaim(draft, read, text, start, end)
}

export function toClaim(draft: Draft, where: { sourceId: string; passageId: string; headline: boolean }, text: string, start: number, end: number): ExtractedClaim {
  // Trim stray spaces and separators so the quote reads cleanly; it stays a substring.
  while (start < end && /[\s,;:—–]/.test(text[start] ?? '')) start++
  while (end > start && /[\s,;:—–]/.test(text[end - 1] ?? '')) end--
  return {
    kind: draft.kind,
    key: draft.key,
    topic: draft.topic,
    value: draft.value,
    comparable: draft.comparable,
    sourceId: where.sourceId,
    passageId: where.passageId,
    start,
    end,
    text: text.slice(start, end),
    headline: where.headline,
    ...(draft.speaker ? { speaker: draft.speaker } : {}),
    contextStems: draft.contextStems,
    focusStems: draft.focusStems,
    ...(draft.dimension ? { dimension: draft.dimension } : {}),
    rank: draft.rank ?? 0,
  }
}
