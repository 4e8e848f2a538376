import type { AnalyzedQuestion } from '../question.js'
import { featuresOfPassage } from '../passage-table.js'
import { sentenceText } from '../passages.js'
import { passageStems, rankPassages, stemsOf, type CorpusIndex } from '../search.js'
import { createStemTable, numberedMasksOf } from '../stem-numbers.js'
import type { Passage, Quote } from '../types.js'
import { articleKnownCoverage } from './article-coverage.js'
import { buildQuote, type Candidate } from './build-quote.js'
import { bestVariantWeights, coverageOf, coverageOfBest, judgedTerms, namesHeld } from './coverage.js'
import { jaccard, overlaps, repeats, sameFigures, spans } from './duplicates.js'
import { highlightSpans } from './highlight.js'
import { joinAdjacent } from './join-quotes.js'
import { loneNounShareOf, loneUnknownNounOf, unknownWordShareOf } from './unknown-words.js'
import { markPairs, nearShareOf, proximityOf, questionPairsOf } from './proximity.js'
import type { AnswerCorpus, AnswerOptions } from './options.js'

/** BM25's term saturation for sentences; every matched word counts once, so it only shapes the length normalisation. */
const SENTENCE_K = 1.2
const KIND_PENALTY: Record<string, number> = { text: 0, list: 0.05, heading: 0.35, table: 0.3 }

/** Scores candidate sentences and turns the best into quotes, diverse and without duplicates. */
export function rankQuotes(
  index: CorpusIndex,
  analyzed: AnalyzedQuestion,
  settings: Required<AnswerOptions>,
  sourceId: string | undefined,
  wanted: number,
  corpus: AnswerCorpus = {},
): { quotes: Quote[]; passageIds: string[] } {
  const { terms } = analyzed
  // Rare words say more about where the answer is: weigh each word by a power of its IDF.
  const termWeights = terms.map((term) => term.weight * term.idf ** settings.idfPower)
  const total = termWeights.reduce((sum, weight) => sum + weight, 0)
  if (terms.length === 0 || total === 0) return { quotes: [], passageIds: [] }
  const ranked = rankPassages(
    index,
    terms.flatMap((term) => term.variants.map((variant) => ({ term: variant.stem, weight: term.weight * variant.weight }))),
    { limit: Math.max(settings.candidatePassages, settings.quotePassages), ...(sourceId ? { sourceId } : {}) },
  )
  const topScore = ranked[0]?.score ?? 0
  const passageIds = ranked.slice(0, settings.candidatePassages).map(({ passage }) => passage.id)
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
  const questionStemAt = questionStemTable(stemNumber)
  const variantNumbers = terms.map((term) => term.variants.map((variant) => stemNumber.get(variant.stem) as number))
  let sentenceHits = new Uint8Array(stemCount * 8)
  const passageHits = new Uint8Array(stemCount)
  const candidates: Candidate[] = []
  let bestCoverage = 0
  let bestWindowCoverage = 0
  const windowHits = new Uint8Array(stemCount)
  const titleHits = new Uint8Array(stemCount)
  const nameStem = new Uint8Array(stemCount)
  terms.forEach((term, t) => {
    if (term.name) for (const number of variantNumbers[t] as number[]) nameStem[number] = 1
  })
  // A lone noun the corpus never uses is the question's word for the articles' thing: it, and any
  // other word the corpus never uses, count little in the gates.
  const lone = loneUnknownNounOf(index, analyzed, settings)
  const loneShare = lone < 0 ? 1 : loneNounShareOf(index, settings)
  const gateWeights = lone < 0 ? termWeights : termWeights.map((weight, t) => (t === lone ? weight * loneShare : weight))
  const unknownShare = unknownWordShareOf(index, analyzed, settings)
  const judged = judgedTerms(index, analyzed, gateWeights, variantNumbers, lone < 0 ? unknownShare : Math.min(loneShare, unknownShare))
  const followUp = (analyzed.contextTerms ?? 0) > 0
  // A follow-up's own hooks (see `AnalyzedQuestion.answerText`); a question on its own has neither.
  const { answerText } = analyzed
  const typeWeight = analyzed.answerTypeWeight ?? 1
  const wantsType = analyzed.answerFeatures !== 0 || answerText !== undefined
  const textMatches = (passage: Passage, sentence: Passage['sentences'][number]) =>
    answerText !== undefined && answerText.test(sentenceText(passage, sentence))
  const { knownTotal } = judged
  let bestKnownWindowCoverage = 0
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
  // The best evidence of a window and its article together (`minArticleEvidence`), and each candidate
  // article's share of the question, by source number, worked out once per question.
  let bestArticleEvidence = 0
  const articleCoverage = new Map<number, number>()
  const scratchHits = new Uint8Array(stemCount)
  // The question's stems that the passage's headline says, names included (`titleSentenceWeight`).
  const headlineHits = new Uint8Array(stemCount)
  const readWindows = settings.quoteCoverageWeight > 0 || settings.neighbourCoverageWeight > 0
  // Each sentence's best variant weight per term (`bestVariantWeights`), with synonyms and as the
  // evidence counts them, and the title's: every window of one or two sentences is scored from these.
  const termCount = terms.length
  let sentenceBest = new Float64Array(termCount * 8)
  let evidenceBest = settings.evidenceSynonyms ? sentenceBest : new Float64Array(termCount * 8)
  const titleBest = new Float64Array(termCount)
  const headlineBest = new Float64Array(termCount)
  for (let rank = 0; rank < ranked.length; rank++) {
    const { passage, number, score } = ranked[rank] as (typeof ranked)[number]
    const stemsOfPassage = passageStems(index, passage)
    const { bySentence } = stemsOfPassage
    const numbered = numberedMasksOf(stemsOfPassage)
    const { sentences } = passage
    if (sentenceHits.length < sentences.length * stemCount) sentenceHits = new Uint8Array(sentences.length * stemCount)
    sentenceHits.fill(0, 0, sentences.length * stemCount)
    passageHits.fill(0)
    if (numbered) {
      // The passage's stems looked up by number in the question's table: which question stem each is.
      const { numbers, masks } = numbered
      for (let k = 0; k < numbers.length; k++) {
        const stemNumber = numbers[k] as number
        const i = stemNumber < questionStemAt.length ? (questionStemAt[stemNumber] as number) : -1
        if (i < 0) continue
        const mask = masks[k] as number
        passageHits[i] = 1
        matchedStems.add(questionStems[i] as string)
        for (let sentenceIndex = 0; sentenceIndex < sentences.length; sentenceIndex++) {
          if (mask & (1 << sentenceIndex)) sentenceHits[sentenceIndex * stemCount + i] = 1
        }
      }
    } else {
      for (let i = 0; i < stemCount; i++) {
        const stem = questionStems[i] as string
        for (let sentenceIndex = 0; sentenceIndex < sentences.length; sentenceIndex++) {
          if (!bySentence[sentenceIndex]?.has(stem)) continue
          sentenceHits[sentenceIndex * stemCount + i] = 1
          passageHits[i] = 1
          matchedStems.add(stem)
        }
      }
    }
    const passageCoverage = coverageOf(terms, termWeights, variantNumbers, passageHits, 0, total)
    if (sentenceBest.length < sentences.length * termCount) {
      sentenceBest = new Float64Array(sentences.length * termCount)
      evidenceBest = settings.evidenceSynonyms ? sentenceBest : new Float64Array(sentences.length * termCount)
    }
    for (let sentenceIndex = 0; sentenceIndex < sentences.length; sentenceIndex++) {
      bestVariantWeights(terms, variantNumbers, sentenceHits, sentenceIndex * stemCount, true, sentenceBest, sentenceIndex * termCount)
    }
    // Only the first `candidatePassages` are evidence for answering at all; the rest only offer quotes,
    // and skip this block: the evidence of passages 21 to 30 would be worked out and thrown away.
    if (rank < settings.candidatePassages) {
      // The headline speaks for every passage of its article ("…end walkout without a deal"): its words
      // count as evidence too, but not its names: a near miss names the same place ("a ticket to Osterby").
      if (settings.titleEvidence) {
        const title = titleStemsOf(index, passage.sourceId)
        for (let i = 0; i < stemCount; i++) {
          titleHits[i] = nameStem[i] === 0 && title.has(questionStems[i] as string) ? 1 : 0
          passageHits[i] = (passageHits[i] as number) | (titleHits[i] as number)
        }
        bestVariantWeights(terms, variantNumbers, titleHits, 0, settings.evidenceSynonyms, titleBest, 0)
      }
      // A stand-alone question's own words must be in the passage as written. A follow-up's topic is the
      // conversation's; its own words ("how much does it cost?") may be there in another form ("priced").
      bestCoverage = Math.max(bestCoverage, coverageOf(judged.terms, judged.weights, judged.numbers, passageHits, 0, judged.total, followUp))
      if (!settings.evidenceSynonyms) {
        for (let sentenceIndex = 0; sentenceIndex < sentences.length; sentenceIndex++) {
          bestVariantWeights(terms, variantNumbers, sentenceHits, sentenceIndex * stemCount, false, evidenceBest, sentenceIndex * termCount)
        }
      }
      // Evidence for answering at all: the question's words held by one sentence or two adjacent ones.
      let passageKnownCoverage = 0
      for (let sentenceIndex = 0; sentenceIndex < sentences.length; sentenceIndex++) {
        const next = sentenceIndex + 1 < sentences.length ? (sentenceIndex + 1) * termCount : -1
        let windowCoverage = coverageOfBest(judged.weights, judged.total, evidenceBest, sentenceIndex * termCount, next, settings.titleEvidence ? titleBest : undefined)
        if (knownTotal > 0) passageKnownCoverage = Math.max(passageKnownCoverage, (windowCoverage * judged.total) / knownTotal)
        // Every name the question gives, said together with its other words, is evidence enough at the passage threshold.
        if (windowCoverage >= settings.minCoverage && windowCoverage < settings.minSentenceCoverage && namesHeld(judged.terms, judged.numbers, windowHitsAt(windowHits, sentenceHits, sentenceIndex, sentences.length, stemCount, settings.titleEvidence ? titleHits : undefined))) windowCoverage = settings.minSentenceCoverage
        bestWindowCoverage = Math.max(bestWindowCoverage, windowCoverage)
      }
      bestKnownWindowCoverage = Math.max(bestKnownWindowCoverage, passageKnownCoverage)
      // A window that says the question's words only counts with an article that holds the rest of them.
      if (settings.minArticleEvidence > 0 && knownTotal > 0 && bestArticleEvidence < settings.minArticleEvidence) {
        const source = index.table.source[number] as number
        let coverage = articleCoverage.get(source)
        if (coverage === undefined) articleCoverage.set(source, (coverage = articleKnownCoverage(index, source, judged, questionStems, scratchHits, settings.evidenceSynonyms)))
        bestArticleEvidence = Math.max(bestArticleEvidence, passageKnownCoverage + settings.articleCoverageWeight * coverage)
      }
    }
    let headlineHeld = false
    if (settings.titleSentenceWeight > 0) {
      const title = titleStemsOf(index, passage.sourceId)
      for (let i = 0; i < stemCount; i++) {
        headlineHits[i] = title.has(questionStems[i] as string) ? 1 : 0
        if (headlineHits[i] === 1) headlineHeld = true
      }
      if (headlineHeld) bestVariantWeights(terms, variantNumbers, headlineHits, 0, true, headlineBest, 0)
    }
    const features = featuresOfPassage(index.table, number)
    const matches = new Float64Array(sentences.length)
    sentenceMatches.set(passage.id, matches)
    for (let sentenceIndex = 0; sentenceIndex < sentences.length; sentenceIndex++) {
      const sentence = sentences[sentenceIndex] as Passage['sentences'][number]
      const sentenceCoverage = coverageOfBest(termWeights, total, sentenceBest, sentenceIndex * termCount, -1)
      const length = bySentence[sentenceIndex]?.size ?? meanLength
      // BM25 with every matched word counted once: a short sentence holding the words beats a long one.
      const sentenceMatch = (sentenceCoverage * (1 + SENTENCE_K)) / (1 + SENTENCE_K * (1 - lengthNorm + (lengthNorm * length) / meanLength))
      matches[sentenceIndex] = sentenceMatch
      const typeMatch = (analyzed.answerFeatures !== 0 && ((features[sentenceIndex] ?? 0) & analyzed.answerFeatures) !== 0) || textMatches(passage, sentence)
      if (sentenceCoverage === 0 && !(typeMatch && passageCoverage >= settings.minCoverage)) continue
      let value = settings.sentenceWeight * sentenceMatch + settings.passageCoverageWeight * passageCoverage + settings.passageScoreWeight * (score / topScore)
      if (readWindows) {
        const windowCoverage = quoteWindowCoverage(sentences, sentenceIndex, sentenceCoverage, termWeights, total, sentenceBest, termCount, settings.neighbourWindowChars || settings.maxQuoteChars)
        value += settings.quoteCoverageWeight * windowCoverage + settings.neighbourCoverageWeight * (windowCoverage - sentenceCoverage)
      }
      // A headline speaks for every sentence of its article: a question word it says need not be repeated.
      if (headlineHeld) value += settings.titleSentenceWeight * (coverageOfBest(termWeights, total, sentenceBest, sentenceIndex * termCount, -1, headlineBest) - sentenceCoverage)
      if (typeMatch) value += settings.answerTypeBonus * typeWeight
      // A "how long" question is not answered by a sentence without any duration in it.
      else if (wantsType) value -= settings.missingTypePenalty * typeWeight
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
  if (bestCoverage < needed || bestWindowCoverage < settings.minSentenceCoverage || bestKnownWindowCoverage < settings.minKnownCoverage) return { quotes: [], passageIds }
  if (settings.minArticleEvidence > 0 && knownTotal > 0 && bestArticleEvidence < settings.minArticleEvidence) return { quotes: [], passageIds }

  candidates.sort((a, b) => b.score - a.score)
  // Each stem the question matches, by the number of the question word it stands for.
  const termOf = new Map<string, number>()
  terms.forEach((term, t) => {
    for (const variant of term.variants) if (!termOf.has(variant.stem)) termOf.set(variant.stem, t)
  })
  const asked = analyzed.answerFeatures !== 0 ? { features: analyzed.answerFeatures, termOf } : undefined
  // Second stage, for the best candidates only: where in the sentence the question's words stand.
  const reranked = candidates.slice(0, settings.proximityCandidates)
  const pairs = settings.phraseWeight > 0 ? questionPairsOf(index, analyzed.text, termOf) : undefined
  const said = new Uint8Array(terms.length)
  for (const candidate of reranked) {
    const { passage } = candidate
    const sentence = passage.sentences[candidate.sentenceIndex] as Passage['sentences'][number]
    const text = sentenceText(passage, sentence)
    const { near } = proximityOf(index, text, termOf, terms.length, 0, settings.proximityWindow)
    candidate.score += settings.proximityWeight * nearShareOf(near, termWeights, total)
    if (pairs) {
      markPairs(index, text, pairs, said, settings.phraseGap)
      candidate.score += settings.phraseWeight * nearShareOf(said, termWeights, total)
    }
  }
  reranked.sort((a, b) => b.score - a.score)
  candidates.splice(0, reranked.length, ...reranked)
  const quotes: Quote[] = []
  const quotedFrom = new Map<string, number>()
  // Quotes far below the best one answer something else: a shorter answer beats a padded one.
  const floor = (candidates[0]?.score ?? 0) * settings.relativeScoreFloor
  const pool = candidates.slice(0, Math.max(wanted * 4, 12)).filter((candidate) => candidate.score >= floor)
  // Alternating sources is for outlets telling one story: an article alone in its story has no other
  // side to give, and the source the turn would go to tells another story (SQuAD's other articles).
  const { loneSources } = corpus
  const alternates = (sourceId: string) => !settings.sameSourceWithinStory || loneSources === undefined || !loneSources.has(sourceId)
  while (pool.length > 0 && quotes.length < wanted) {
    // Re-rank the pool with the same-source factor so close calls go to a source not yet quoted.
    let bestAt = 0
    let bestValue = -Infinity
    pool.forEach((candidate, i) => {
      const { sourceId } = candidate.passage
      const value = candidate.score * (alternates(sourceId) ? sameSourceShare(quotedFrom.get(sourceId) ?? 0, settings) : 1)
      if (value > bestValue) {
        bestValue = value
        bestAt = i
      }
    })
    const [chosen] = pool.splice(bestAt, 1)
    if (!chosen) break
    let quote = buildQuote(index, chosen, weightOf, settings, sentenceMatches.get(chosen.passage.id), asked)
    if (!quote) continue
    // A neighbour taken in for context must not repeat what another quote already says.
    const widened = quote
    if (spans.get(widened)?.neighbourStems && quotes.some((other) => repeats(other, widened, settings.duplicateSimilarity))) {
      quote = buildQuote(index, chosen, weightOf, settings, undefined, asked)
      if (!quote) continue
    }
    // A sentence that repeats another but for its figures is no repeat: it is the other side of a disagreement.
    // A quote chosen for what its neighbour adds says that neighbour too: compare both sentences.
    const duplicate = quotes.find(
      (other) => sentencesOf(other).some((x) => sentencesOf(quote).some((y) => x !== undefined && y !== undefined && jaccard(x, y) >= settings.duplicateSimilarity && sameFigures(x, y))) || overlaps(other, quote),
    )
    // A quote that overlaps one already chosen and shows more of the paragraph widens it; the
    // sentence next to a quote already chosen joins it: one passage read whole, and a place kept for
    // another quote.
    const joinedAt = duplicate
      ? settings.joinOverlappingQuotes && overlaps(duplicate, quote)
        ? joinAdjacent(index, quotes, quote, settings.maxPairChars, true)
        : -1
      : settings.joinAdjacentQuotes
        ? joinAdjacent(index, quotes, quote, settings.maxPairChars)
        : -1
    if (joinedAt >= 0) {
      const joined = quotes[joinedAt] as Quote
      joined.highlights = highlightSpans(index, joined.text, matchedStems)
      continue
    }
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
 * The largest share of the question that a quote around sentence `sentenceIndex` can show: the
 * sentence alone (`ownCoverage`), or with a neighbouring sentence of prose when the two fit in
 * `maxChars` (`coverageOfBest` of the two sentences' rows of `sentenceBest`). The answer is often in
 * the sentence next to the one that repeats the question's words. Takes the rows, not a closure over
 * them: this runs for every candidate sentence of every question, and a closure each time is garbage.
 */
function quoteWindowCoverage(
  sentences: Passage['sentences'],
  sentenceIndex: number,
  ownCoverage: number,
  termWeights: readonly number[],
  total: number,
  sentenceBest: Float64Array,
  termCount: number,
  maxChars: number,
): number {
  const sentence = sentences[sentenceIndex] as Passage['sentences'][number]
  let best = ownCoverage
  // The sentence before, then the one after.
  for (let other = sentenceIndex - 1; other <= sentenceIndex + 1; other += 2) {
    const neighbour = sentences[other]
    if (!neighbour || neighbour.kind !== 'text' || Math.max(sentence.end, neighbour.end) - Math.min(sentence.start, neighbour.start) > maxChars) continue
    best = Math.max(best, coverageOfBest(termWeights, total, sentenceBest, sentenceIndex * termCount, other * termCount))
  }
  return best
}

/**
 * Fills `windowHits` with the flags of the window at a sentence (it, the next one and the title's
 * `titleHits` when given), for `namesHeld`. A function of the module, not a closure made per passage:
 * under tsx (`keepNames`) every closure made also gets its name set, a slow property definition.
 */
function windowHitsAt(windowHits: Uint8Array, sentenceHits: Uint8Array, sentenceIndex: number, sentenceCount: number, stemCount: number, titleHits: Uint8Array | undefined): Uint8Array {
  const row = sentenceIndex * stemCount
  for (let i = 0; i < stemCount; i++) windowHits[i] = (sentenceHits[row + i] as number) | (sentenceIndex + 1 < sentenceCount ? (sentenceHits[row + stemCount + i] as number) : 0) | (titleHits ? (titleHits[i] as number) : 0)
  return windowHits
}

/** The stems of the sentence a quote was chosen for and of the neighbour it took in, if any. */
function sentencesOf(quote: Quote): Array<ReadonlySet<string> | undefined> {
  const span = spans.get(quote)
  return [span?.stems, span?.neighbourStems]
}

/**
 * What `sameSourceFactor` leaves of the score of a sentence from a source quoted `quoted` times: the
 * factor once, or once per quote with `compoundSameSource`. Once is enough for a close call to go to
 * a source not yet quoted; compounded, it let a sentence 28% weaker overtake after two quotes, and on
 * SQuAD that was an article about something else.
 */
function sameSourceShare(quoted: number, settings: Required<AnswerOptions>): number {
  if (quoted === 0) return 1
  return settings.compoundSameSource ? settings.sameSourceFactor ** quoted : settings.sameSourceFactor
}

/** The question's stems by number (`stemNumberOf`), for reading each candidate passage's masks. */
const questionStemTable = createStemTable()

const titleStemCache = new WeakMap<CorpusIndex, Map<string, Set<string>>>()

/** The stems of the title of the article `sourceId`, worked out once per index and article. */
function titleStemsOf(index: CorpusIndex, sourceId: string): Set<string> {
  let bySource = titleStemCache.get(index)
  if (!bySource) titleStemCache.set(index, (bySource = new Map()))
  let stems = bySource.get(sourceId)
  if (!stems) bySource.set(sourceId, (stems = stemsOf(index, index.sourceById.get(sourceId)?.title ?? '')))
  return stems
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
