import { articleText, sentenceStems, stemmedTokens, stemsOf, type CorpusIndex } from '../search.js'
import type { Passage, Quote } from '../types.js'
import { clipAtClauses } from './clip.js'
import { spans } from './duplicates.js'
import type { AnswerOptions } from './options.js'
import { proximityOf } from './proximity.js'

/** Sentences that open with a reference to the one before read better with it. */
const ANAPHORIC_START = /^(this|that|these|those|it|its|he|she|they|his|her|their|but|however|yet|still|such)\b/i

/** A sentence of a candidate passage and its score as a quote. */
export interface Candidate {
  passage: Passage
  sentenceIndex: number
  score: number
}

/** The kind of value a question asks for (`FEATURE` bits) and its words' stems by term number. */
export interface AskedKind {
  features: number
  termOf: ReadonlyMap<string, number>
}

/**
 * Turns a chosen sentence into a quote: adds a neighbour when it helps, clips long ones at clause
 * boundaries. When the question asks for a kind of value (`asked`) that the sentence lacks and a
 * neighbour holds ("he" in the sentence, the name in the one before), the quote takes in that
 * neighbour, and a clip keeps the value.
 */
export function buildQuote(
  index: CorpusIndex,
  candidate: Candidate,
  weightOf: Map<string, number>,
  settings: Required<AnswerOptions>,
  matches: Float64Array | undefined,
  asked?: AskedKind,
): Quote | undefined {
  const maxChars = settings.maxQuoteChars
  const pairChars = settings.maxPairChars
  const { passage, sentenceIndex } = candidate
  const source = index.sourceById.get(passage.sourceId)
  const sentence = passage.sentences[sentenceIndex]
  if (!source || !sentence) return undefined
  const article = articleText(index, passage.sourceId)
  let start = sentence.start
  let end = sentence.end
  const previous = passage.sentences[sentenceIndex - 1]
  const next = passage.sentences[sentenceIndex + 1]
  const typedNeighbour =
    asked && settings.typedWidenChars > 0 && valuesOf(index, article, start, end, asked).length === 0
      ? [previous, next].find((other) => other && other.kind === 'text' && Math.max(end, other.end) - Math.min(start, other.start) <= settings.typedWidenChars && valuesOf(index, article, other.start, other.end, asked).length > 0)
      : undefined
  if (typedNeighbour) {
    start = Math.min(start, typedNeighbour.start)
    end = Math.max(end, typedNeighbour.end)
  } else if (previous && previous.kind === 'text' && ANAPHORIC_START.test(article.slice(start, end)) && end - previous.start <= pairChars) {
    start = previous.start
  } else if (next && next.kind === sentence.kind && end - start < 90 && next.end - start <= pairChars) {
    end = next.end
  } else if (matches) {
    // The answer is often in the sentence before or after the one that repeats the question's
    // words: take in the better-matching neighbour when the pair still fits.
    const own = matches[sentenceIndex] ?? 0
    // A pair longer than `maxQuoteChars` only for a neighbour that says some of the question the sentence does not.
    const stemsBySentence = sentenceStems(index, passage)
    const fits = (chars: number, other: number) => chars <= maxChars || (chars <= pairChars && addsWords(stemsBySentence, sentenceIndex, other, weightOf))
    const before = previous && previous.kind === 'text' && fits(end - previous.start, sentenceIndex - 1) ? (matches[sentenceIndex - 1] ?? 0) : -1
    const after = next && next.kind === 'text' && sentence.kind === 'text' && fits(next.end - start, sentenceIndex + 1) ? (matches[sentenceIndex + 1] ?? 0) : -1
    const better = Math.max(before, after)
    if (better >= 0 && better >= settings.widenShare * own) {
      if (after >= before && next) end = next.end
      else if (previous) start = previous.start
    }
  }
  let clippedBefore = false
  let clippedAfter = false
  // A pair taken in whole fits `maxPairChars`; a long sentence, or one with its typed neighbour, is clipped.
  const single = start === sentence.start && end === sentence.end
  const clipChars = single ? Math.max(maxChars, settings.maxSentenceChars) : maxChars
  if (end - start > clipChars && (typedNeighbour || single)) {
    const { spans: tokenSpans, stems } = stemmedTokens(index, article.slice(start, end))
    const seen = new Set<string>()
    // The value the question asks for outweighs any of its words: a clip must keep it.
    const values = asked ? valuesOf(index, article, start, end, asked) : []
    const window = clipAtClauses(article, start, end, clipChars, (from, to) => {
      seen.clear()
      let sum = 0
      for (let v = 0; v < values.length; v += 2) {
        if (start + (values[v] as number) >= from && start + (values[v + 1] as number) <= to) {
          sum += settings.clipValueWeight
          break
        }
      }
      stems.forEach((term, i) => {
        const at = start + (tokenSpans[2 * i] as number)
        if (at >= from && at < to && !seen.has(term)) {
          seen.add(term)
          sum += weightOf.get(term) ?? 0
        }
      })
      return sum
    })
    clippedBefore = window.start > start
    clippedAfter = window.end < end
    start = window.start
    end = window.end
  }
  const text = article.slice(start, end)
  const quote: Quote = {
    text,
    source,
    alsoIn: [],
    passageId: passage.id,
    // Filled in by the caller once the quote is kept: most candidates turn out to be duplicates.
    highlights: [],
    score: round(candidate.score),
    ...(clippedBefore ? { clippedBefore } : {}),
    ...(clippedAfter ? { clippedAfter } : {}),
  }
  // Compare the chosen sentence, not the quote: a neighbour added for context must not hide a duplicate.
  const stemsBySentence = sentenceStems(index, passage)
  const neighbour = start < sentence.start ? sentenceIndex - 1 : end > sentence.end ? sentenceIndex + 1 : -1
  const neighbourStems = neighbour >= 0 ? stemsBySentence[neighbour] : undefined
  spans.set(quote, { sourceId: passage.sourceId, start, end, stems: stemsBySentence[sentenceIndex] ?? stemsOf(index, text), ...(neighbourStems ? { neighbourStems } : {}) })
  return quote
}

/**
 * Where the values of the asked kind stand in `article[from, to)` (token offsets into that slice);
 * none when no kind is asked. Functions of the module, not closures made per quote: under tsx
 * (`keepNames`) every closure made also gets its name set, a slow property definition.
 */
function valuesOf(index: CorpusIndex, article: string, from: number, to: number, asked: AskedKind | undefined): number[] {
  return asked ? proximityOf(index, article.slice(from, to), asked.termOf, 0, asked.features, 0).values : []
}

/** True when sentence `other` says a word of the question (`weightOf`) that sentence `own` does not. */
function addsWords(stemsBySentence: ReadonlyArray<ReadonlySet<string> | undefined>, own: number, other: number, weightOf: ReadonlyMap<string, number>): boolean {
  const ownStems = stemsBySentence[own]
  for (const stem of stemsBySentence[other] ?? []) if (weightOf.has(stem) && !ownStems?.has(stem)) return true
  return false
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
