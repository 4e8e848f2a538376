import { resolveContext } from './conversation.js'
import { analyzeQuestion, checkQuestion, type AnalyzedQuestion } from './question.js'
import { featuresOfPassage } from './passage-table.js'
import { articleText, passageStems, rankPassages, sentenceStems, stemmedTokens, stemsOf, type CorpusIndex } from './search.js'
import type { Answer, AskOptions, Passage, Quote, Span } from './types.js'

/** How answers are chosen. Every threshold is a general one, tuned on our own question sets. */
export interface AnswerOptions {
  /** Passages read for candidate sentences. Defaults to 20. */
  candidatePassages?: number
  /**
   * Least share of the question's informative words (weighted by IDF and part of speech) that the
   * best passage must contain for the bot to answer at all. Below it: `no_answer`. Defaults to `0.4`.
   */
  minCoverage?: number
  /**
   * `minCoverage` for a question with a name the corpus never uses, in any form, and no name it
   * knows (`AnalyzedQuestion.missingTopic`): "the price of Bitcoin" matching "price" alone is no
   * answer. Defaults to `0.55`.
   */
  minCoverageWithMissingTopic?: number
  /** Longest quote in characters. Defaults to 300. */
  maxQuoteChars?: number
  /** Quotes per answer. Defaults to 4. */
  limit?: number
  /** Score factor for each further quote from a source already quoted, so sources alternate when close. Defaults to `0.85`. */
  sameSourceFactor?: number
  /** Word-overlap (Jaccard) above which two quotes count as the same sentence. Defaults to `0.6`. */
  duplicateSimilarity?: number
  /** Least score of a quote as a share of the best quote's: weaker ones are left out. Defaults to `0.6`. */
  relativeScoreFloor?: number
  /** Weight of the sentence's own match (BM25 over sentences, below) in its score. Defaults to `0.55`. */
  sentenceWeight?: number
  /** Weight of how much of the question its passage covers. Defaults to `0.25`. */
  passageCoverageWeight?: number
  /** Weight of its passage's BM25 score relative to the best passage's. Defaults to `0.2`. */
  passageScoreWeight?: number
  /**
   * BM25 length normalisation of a sentence's match (0 for none: a long sentence covers more words
   * by being long). Defaults to `0.5`.
   */
  sentenceLengthNorm?: number
  /**
   * Least share of the chosen sentence's match that a neighbouring sentence of the same passage must
   * have for the quote to take it in too, when both fit in `maxQuoteChars`: the answer to a question
   * is often in the sentence just before or after the one that repeats its words. Defaults to `0.3`.
   */
  widenShare?: number
  /**
   * Least share of the question's weighted words (synonyms and other forms at their lower weight) that one
   * sentence, or two adjacent ones, must hold for the bot to answer: words spread over a long
   * passage are weaker evidence than words said together; a window holding every name of the
   * question needs only `minCoverage`. Chosen on SQuAD dev's first 24 articles and the invented
   * fixtures: 0.55 declined more of the others (77% against 73%) but also fixture questions the
   * articles answer in other words. Defaults to `0.45`.
   */
  minSentenceCoverage?: number
  /** Whether synonyms and longer forms count (at their lower weight) towards `minSentenceCoverage`. Defaults to `true`. */
  evidenceSynonyms?: boolean
  /** Power of IDF in a question word's weight: above 1 weighs rare words up. Defaults to `1`. */
  idfPower?: number
}

export const DEFAULT_ANSWER_OPTIONS: Required<AnswerOptions> = {
  candidatePassages: 20,
  minCoverage: 0.4,
  minCoverageWithMissingTopic: 0.55,
  maxQuoteChars: 300,
  limit: 4,
  sameSourceFactor: 0.85,
  duplicateSimilarity: 0.6,
  relativeScoreFloor: 0.6,
  sentenceWeight: 0.55,
  passageCoverageWeight: 0.75,
  passageScoreWeight: 0.2,
  sentenceLengthNorm: 0,
  widenShare: 0,
  idfPower: 1,
  minSentenceCoverage: 0.45,
  evidenceSynonyms: true,
}

/** Score bonus for a sentence holding the kind of thing the question asks for (a duration for "how long"). */
const ANSWER_TYPE_BONUS = 0.3
/** Score malus for a sentence without the kind of thing the question asks for. */
const MISSING_TYPE_PENALTY = 0.25
/** BM25's term saturation for sentences; every matched word counts once, so it only shapes the length normalisation. */
const SENTENCE_K = 1.2
const KIND_PENALTY: Record<string, number> = { text: 0, list: 0.05, heading: 0.35, table: 0.3 }
/** Sentences that open with a reference to the one before read better with it. */
const ANAPHORIC_START = /^(this|that|these|those|it|its|he|she|they|his|her|their|but|however|yet|still|such)\b/i

/** An answer and what it was built from (for finding the disagreements that bear on it). */
export interface AnswerWithContext {
  answer: Answer
  analyzed?: AnalyzedQuestion
  /** Passages read for the answer, best first. */
  passageIds: string[]
}

/** Answers `question` from the index with up to `limit` verbatim quotes. Never throws for any string. */
export function answerQuestion(index: CorpusIndex, question: string, ask: AskOptions = {}, options: AnswerOptions = {}): AnswerWithContext {
  const settings = { ...DEFAULT_ANSWER_OPTIONS, ...options }
  const limit = clampInt(ask.limit ?? settings.limit, 1, 20)
  const offset = clampInt(ask.offset ?? 0, 0, 100)
  const checked = checkQuestion(question)
  if (!checked.ok) {
    return { answer: { status: 'invalid', question: checked.text, message: checked.message, quotes: [], disagreements: [], hasMore: false }, passageIds: [] }
  }
  const { analyzed, shown } = resolveContext(index, analyzeQuestion(index, checked.text), ask.context)
  const { quotes, passageIds } = rankQuotes(index, analyzed, settings, ask.sourceId, offset + limit + 1)
  if (quotes.length === 0) return { answer: { ...noAnswer(checked.text), ...shown }, analyzed, passageIds }
  const page = quotes.slice(offset, offset + limit)
  return {
    answer: { status: 'answered', question: checked.text, quotes: page, disagreements: [], hasMore: quotes.length > offset + limit, ...shown },
    analyzed,
    passageIds,
  }
}

/** The `no_answer` reply: honest, and pointing at what the bot can do. */
export function noAnswer(question: string): Answer {
  return {
    status: 'no_answer',
    question,
    message: "That isn't in my sources, so I won't guess. I answer only from the articles I hold: try rephrasing with words they would use, list them with /sources, or get the main points with /takeaways.",
    quotes: [],
    disagreements: [],
    hasMore: false,
  }
}

interface Candidate {
  passage: Passage
  sentenceIndex: number
  score: number
}

/** Scores candidate sentences and turns the best into quotes, diverse and without duplicates. */
export function rankQuotes(
  index: CorpusIndex,
  analyzed: AnalyzedQuestion,
  settings: Required<AnswerOptions>,
  sourceId: string | undefined,
  wanted: number,
): { quotes: Quote[]; passageIds: string[] } {
  const { terms } = analyzed
  // Rare words say more about where the answer is: weigh each word by a power of its IDF.
  const termWeights = terms.map((term) => term.weight * term.idf ** settings.idfPower)
  const total = termWeights.reduce((sum, weight) => sum + weight, 0)
  if (terms.length === 0 || total === 0) return { quotes: [], passageIds: [] }
  const ranked = rankPassages(
    index,
    terms.flatMap((term) => term.variants.map((variant) => ({ term: variant.stem, weight: term.weight * variant.weight }))),
    { limit: settings.candidatePassages, ...(sourceId ? { sourceId } : {}) },
  )
  const topScore = ranked[0]?.score ?? 0
  const passageIds = ranked.map(({ passage }) => passage.id)
  if (topScore <= 0) return { quotes: [], passageIds }

  // Each variant stem counts for the question word it stands for, scaled by how close a match it is.
  const weightOf = new Map<string, number>()
  for (const term of terms) {
    for (const variant of term.variants) {
      weightOf.set(variant.stem, Math.max(weightOf.get(variant.stem) ?? 0, term.weight * term.idf ** settings.idfPower * variant.weight))
    }
  }
  // Which of the question's distinct stems each sentence holds, as one flag per stem, found once per
  // passage and then read by every coverage measure: this loop visits every sentence of 20 passages.
  const questionStems = [...weightOf.keys()]
  const stemCount = questionStems.length
  const stemNumber = new Map(questionStems.map((stem, i) => [stem, i]))
  const variantNumbers = terms.map((term) => term.variants.map((variant) => stemNumber.get(variant.stem) as number))
  let sentenceHits = new Uint8Array(stemCount * 8)
  const passageHits = new Uint8Array(stemCount)
  const candidates: Candidate[] = []
  let bestCoverage = 0
  let bestWindowCoverage = 0
  const windowHits = new Uint8Array(stemCount)
  // Whether to answer a follow-up is judged on its own words when it has any; borrowed words only rank.
  const own = terms.length - (analyzed.contextTerms ?? 0)
  const judged =
    own > 0 && own < terms.length
      ? { terms: terms.slice(0, own), weights: termWeights.slice(0, own), numbers: variantNumbers.slice(0, own), total: termWeights.slice(0, own).reduce((sum, weight) => sum + weight, 0) }
      : { terms, weights: termWeights, numbers: variantNumbers, total }
  const matchedStems = new Set<string>()
  // Sentence lengths (distinct words) for BM25's length normalisation, against the mean of the candidates'.
  let lengthSum = 0
  let sentenceCount = 0
  for (const { passage } of ranked) {
    for (const stems of passageStems(index, passage).bySentence) {
      lengthSum += stems.size
      sentenceCount++
    }
  }
  const meanLength = Math.max(1, lengthSum / Math.max(1, sentenceCount))
  const lengthNorm = settings.sentenceLengthNorm
  // Each candidate passage's sentences' matches, for widening a quote to the better neighbour.
  const sentenceMatches = new Map<string, Float64Array>()
  for (const { passage, number, score } of ranked) {
    const { bySentence, sentencesWith } = passageStems(index, passage)
    const { sentences } = passage
    if (sentenceHits.length < sentences.length * stemCount) sentenceHits = new Uint8Array(sentences.length * stemCount)
    sentenceHits.fill(0, 0, sentences.length * stemCount)
    passageHits.fill(0)
    for (let i = 0; i < stemCount; i++) {
      const stem = questionStems[i] as string
      if (sentencesWith) {
        const mask = sentencesWith.get(stem) ?? 0
        if (mask === 0) continue
        passageHits[i] = 1
        matchedStems.add(stem)
        for (let sentenceIndex = 0; sentenceIndex < sentences.length; sentenceIndex++) {
          if (mask & (1 << sentenceIndex)) sentenceHits[sentenceIndex * stemCount + i] = 1
        }
      } else {
        for (let sentenceIndex = 0; sentenceIndex < sentences.length; sentenceIndex++) {
          if (!bySentence[sentenceIndex]?.has(stem)) continue
          sentenceHits[sentenceIndex * stemCount + i] = 1
          passageHits[i] = 1
          matchedStems.add(stem)
        }
      }
    }
    const passageCoverage = coverageOf(terms, termWeights, variantNumbers, passageHits, 0, total)
    bestCoverage = Math.max(bestCoverage, coverageOf(judged.terms, judged.weights, judged.numbers, passageHits, 0, judged.total, false))
    // Evidence for answering at all: the question's words held by one sentence or two adjacent ones.
    for (let sentenceIndex = 0; sentenceIndex < sentences.length; sentenceIndex++) {
      const row = sentenceIndex * stemCount
      for (let i = 0; i < stemCount; i++) windowHits[i] = (sentenceHits[row + i] as number) | (sentenceIndex + 1 < sentences.length ? (sentenceHits[row + stemCount + i] as number) : 0)
      let windowCoverage = coverageOf(judged.terms, judged.weights, judged.numbers, windowHits, 0, judged.total, settings.evidenceSynonyms)
      // Every name the question gives, said together with its other words, is evidence enough at the passage threshold.
      if (windowCoverage >= settings.minCoverage && windowCoverage < settings.minSentenceCoverage && namesHeld(judged.terms, judged.numbers, windowHits)) windowCoverage = settings.minSentenceCoverage
      bestWindowCoverage = Math.max(bestWindowCoverage, windowCoverage)
    }
    const features = featuresOfPassage(index.table, number)
    const matches = new Float64Array(sentences.length)
    sentenceMatches.set(passage.id, matches)
    for (let sentenceIndex = 0; sentenceIndex < sentences.length; sentenceIndex++) {
      const sentence = sentences[sentenceIndex] as Passage['sentences'][number]
      const sentenceCoverage = coverageOf(terms, termWeights, variantNumbers, sentenceHits, sentenceIndex * stemCount, total)
      const length = bySentence[sentenceIndex]?.size ?? meanLength
      // BM25 with every matched word counted once: a short sentence holding the words beats a long one.
      const sentenceMatch = (sentenceCoverage * (1 + SENTENCE_K)) / (1 + SENTENCE_K * (1 - lengthNorm + (lengthNorm * length) / meanLength))
      matches[sentenceIndex] = sentenceMatch
      const typeMatch = analyzed.answerFeatures !== 0 && ((features[sentenceIndex] ?? 0) & analyzed.answerFeatures) !== 0
      if (sentenceCoverage === 0 && !(typeMatch && passageCoverage >= settings.minCoverage)) continue
      let value = settings.sentenceWeight * sentenceMatch + settings.passageCoverageWeight * passageCoverage + settings.passageScoreWeight * (score / topScore)
      if (typeMatch) value += ANSWER_TYPE_BONUS
      // A "how long" question is not answered by a sentence without any duration in it.
      else if (analyzed.answerFeatures !== 0) value -= MISSING_TYPE_PENALTY
      value -= KIND_PENALTY[sentence.kind] ?? 0
      if (sentence.end - sentence.start < 40) value -= 0.15
      const last = lastVisibleChar(passage.text, sentence.start - passage.start, sentence.end - passage.start)
      if (last === '?') value -= 0.25
      // A line that only introduces a list ("Key points included:") says nothing by itself.
      if (last === ':') value -= 0.3
      candidates.push({ passage, sentenceIndex, score: value })
    }
  }
  // A name the corpus never uses is a sign the question is about something else: ask more of the rest.
  const needed = analyzed.missingTopic === undefined ? settings.minCoverage : settings.minCoverageWithMissingTopic
  if (bestCoverage < needed || bestWindowCoverage < settings.minSentenceCoverage) return { quotes: [], passageIds }

  candidates.sort((a, b) => b.score - a.score)
  const quotes: Quote[] = []
  const quotedFrom = new Map<string, number>()
  // Quotes far below the best one answer something else: a shorter answer beats a padded one.
  const floor = (candidates[0]?.score ?? 0) * settings.relativeScoreFloor
  const pool = candidates.slice(0, Math.max(wanted * 4, 12)).filter((candidate) => candidate.score >= floor)
  while (pool.length > 0 && quotes.length < wanted) {
    // Re-rank the pool with the same-source factor so close calls go to a source not yet quoted.
    let bestAt = 0
    let bestValue = -Infinity
    pool.forEach((candidate, i) => {
      const value = candidate.score * settings.sameSourceFactor ** (quotedFrom.get(candidate.passage.sourceId) ?? 0)
      if (value > bestValue) {
        bestValue = value
        bestAt = i
      }
    })
    const [chosen] = pool.splice(bestAt, 1)
    if (!chosen) break
    let quote = buildQuote(index, chosen, weightOf, settings, sentenceMatches.get(chosen.passage.id))
    if (!quote) continue
    // A neighbour taken in for context must not repeat what another quote already says.
    const widened = quote
    if (spans.get(widened)?.neighbourStems && quotes.some((other) => repeats(other, widened, settings.duplicateSimilarity))) {
      quote = buildQuote(index, chosen, weightOf, settings, undefined)
      if (!quote) continue
    }
    const duplicate = quotes.find((other) => jaccard(spans.get(other)?.stems, spans.get(quote)?.stems) >= settings.duplicateSimilarity || overlaps(other, quote))
    if (duplicate) {
      if (duplicate.source.id !== quote.source.id && !duplicate.alsoIn.some((source) => source.id === quote.source.id) && !overlaps(duplicate, quote)) {
        duplicate.alsoIn.push(quote.source)
      }
      continue
    }
    quote.highlights = highlightSpans(index, quote.text, matchedStems)
    quotes.push(quote)
    quotedFrom.set(chosen.passage.sourceId, (quotedFrom.get(chosen.passage.sourceId) ?? 0) + 1)
  }
  return { quotes, passageIds }
}

/**
 * Share of the question's weight that a text covers: each question word counts once, through its
 * best-matching variant (the word itself fully, a synonym partly). Without synonyms, it measures
 * whether the corpus really speaks of what was asked: the basis for answering at all. The text is
 * given by `hits[offset + i]`, 1 when it holds distinct question stem `i`; `variantNumbers[t][v]` is
 * the number of term `t`'s variant `v`.
 */
function coverageOf(terms: AnalyzedQuestion['terms'], termWeights: number[], variantNumbers: number[][], hits: Uint8Array, offset: number, total: number, withSynonyms = true): number {
  let covered = 0
  for (let t = 0; t < terms.length; t++) {
    const term = terms[t] as AnalyzedQuestion['terms'][number]
    const numbers = variantNumbers[t] as number[]
    let best = 0
    for (let v = 0; v < term.variants.length; v++) {
      const variant = term.variants[v] as AnalyzedQuestion['terms'][number]['variants'][number]
      if (variant.weight > best && (withSynonyms || !variant.synonym) && hits[offset + (numbers[v] as number)] === 1) best = variant.weight
    }
    covered += (termWeights[t] as number) * best
  }
  return covered / total
}

/** True when the question has names and `hits` holds every one of them by the word itself. */
function namesHeld(terms: AnalyzedQuestion['terms'], variantNumbers: number[][], hits: Uint8Array): boolean {
  let names = 0
  for (let t = 0; t < terms.length; t++) {
    const term = terms[t] as AnalyzedQuestion['terms'][number]
    if (!term.name) continue
    names++
    if (hits[(variantNumbers[t] as number[])[0] as number] !== 1) return false
  }
  return names > 0
}

const TRAILING_SPACE = /\s/

/** The last character of `text[start, end)` that is not white space (as `trimEnd` sees it), or ''. */
function lastVisibleChar(text: string, start: number, end: number): string {
  for (let i = end - 1; i >= start; i--) {
    const char = text[i] as string
    if (!TRAILING_SPACE.test(char)) return char
  }
  return ''
}

/** Where a quote stands in its article and its stems, kept to decide whether two quotes say the same. */
const spans = new WeakMap<Quote, { sourceId: string; start: number; end: number; stems: ReadonlySet<string>; neighbourStems?: ReadonlySet<string> }>()

/** True when the neighbour `quote` took in says what `other` quotes, or overlaps it. */
function repeats(other: Quote, quote: Quote, threshold: number): boolean {
  const x = spans.get(other)
  const y = spans.get(quote)
  if (!x || !y) return false
  return overlaps(other, quote) || jaccard(x.stems, y.neighbourStems) >= threshold || (x.neighbourStems !== undefined && jaccard(x.neighbourStems, y.neighbourStems) >= threshold)
}

function overlaps(a: Quote, b: Quote): boolean {
  const x = spans.get(a)
  const y = spans.get(b)
  return !!x && !!y && x.sourceId === y.sourceId && x.start < y.end && y.start < x.end
}

/** Turns a chosen sentence into a quote: adds a neighbour when it helps, clips long ones at clause boundaries. */
function buildQuote(
  index: CorpusIndex,
  candidate: Candidate,
  weightOf: Map<string, number>,
  settings: Required<AnswerOptions>,
  matches: Float64Array | undefined,
): Quote | undefined {
  const maxChars = settings.maxQuoteChars
  const { passage, sentenceIndex } = candidate
  const source = index.sourceById.get(passage.sourceId)
  const sentence = passage.sentences[sentenceIndex]
  if (!source || !sentence) return undefined
  const article = articleText(index, passage.sourceId)
  let start = sentence.start
  let end = sentence.end
  const previous = passage.sentences[sentenceIndex - 1]
  const next = passage.sentences[sentenceIndex + 1]
  if (previous && previous.kind === 'text' && ANAPHORIC_START.test(article.slice(start, end)) && end - previous.start <= maxChars) {
    start = previous.start
  } else if (next && next.kind === sentence.kind && end - start < 90 && next.end - start <= maxChars) {
    end = next.end
  } else if (matches) {
    // The answer is often in the sentence before or after the one that repeats the question's
    // words: take in the better-matching neighbour when the pair still fits.
    const own = matches[sentenceIndex] ?? 0
    const before = previous && previous.kind === 'text' && end - previous.start <= maxChars ? (matches[sentenceIndex - 1] ?? 0) : -1
    const after = next && next.kind === 'text' && sentence.kind === 'text' && next.end - start <= maxChars ? (matches[sentenceIndex + 1] ?? 0) : -1
    const better = Math.max(before, after)
    if (better >= 0 && better >= settings.widenShare * own) {
      if (after >= before && next) end = next.end
      else if (previous) start = previous.start
    }
  }
  let clippedBefore = false
  let clippedAfter = false
  if (end - start > maxChars) {
    const { spans: tokenSpans, stems } = stemmedTokens(index, article.slice(start, end))
    const seen = new Set<string>()
    const window = clipAtClauses(article, start, end, maxChars, (from, to) => {
      seen.clear()
      let sum = 0
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

/** Clause boundaries inside a sentence: after a comma, semicolon, colon or dash followed by a space. */
const CLAUSE_BREAK = /[,;:]\s+|\s+[–—-]\s+/g

/**
 * The window of whole clauses, at most `maxChars` long, that holds the most matched weight.
 * A single clause longer than `maxChars` is cut at a word boundary as a last resort.
 */
export function clipAtClauses(text: string, start: number, end: number, maxChars: number, weigh: (from: number, to: number) => number): { start: number; end: number } {
  const piece = text.slice(start, end)
  const cuts: Array<{ before: number; after: number }> = []
  for (const match of piece.matchAll(CLAUSE_BREAK)) {
    const at = match.index ?? 0
    // Keep the punctuation with the clause before; the next clause starts after the space.
    cuts.push({ before: start + at + match[0].trimEnd().length, after: start + at + match[0].length })
  }
  const starts = [start, ...cuts.map((cut) => cut.after)]
  const ends = [...cuts.map((cut) => cut.before), end]
  let best: { start: number; end: number; weight: number } | undefined
  for (const from of starts) {
    for (const to of ends) {
      if (to <= from || to - from > maxChars) continue
      const weight = weigh(from, to)
      if (!best || weight > best.weight || (weight === best.weight && to - from > best.end - best.start)) best = { start: from, end: to, weight }
    }
  }
  if (best) return trimmed(text, best.start, best.end)
  // No clause fits: cut the sentence at the last word boundary that does.
  const hard = text.lastIndexOf(' ', start + maxChars)
  return trimmed(text, start, hard > start ? hard : start + maxChars)
}

/** Drops the clause punctuation and space a cut leaves at either end. */
function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  let from = start
  let to = end
  while (from < to && /[\s,;:–—-]/u.test(text[from] ?? '')) from++
  while (to > from && /[\s,;:–—-]/u.test(text[to - 1] ?? '')) to--
  return { start: from, end: to }
}

/** Spans in `text` of words whose stem the question matched. */
export function highlightSpans(index: CorpusIndex, text: string, matched: Set<string>): Span[] {
  const { spans, stems } = stemmedTokens(index, text)
  const highlights: Span[] = []
  stems.forEach((stem, i) => {
    if (matched.has(stem)) highlights.push([spans[2 * i] as number, spans[2 * i + 1] as number])
  })
  return highlights
}

/** Word-set overlap of two texts (Jaccard over stems). */
export function similarity(index: CorpusIndex, a: string, b: string): number {
  return jaccard(stemsOf(index, a), stemsOf(index, b))
}

/** Overlap of two sets: shared over all. 0 when either is missing or empty. */
export function jaccard(x: ReadonlySet<string> | undefined, y: ReadonlySet<string> | undefined): number {
  if (!x || !y || x.size === 0 || y.size === 0) return 0
  let shared = 0
  for (const term of x) if (y.has(term)) shared++
  return shared / (x.size + y.size - shared)
}

function clampInt(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return min
  return Math.min(max, Math.max(min, Math.trunc(value)))
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}

