import { resolveContext, type ResolvedContext } from '../conversation.js'
import { analyzeQuestion, checkQuestion, type AnalyzedQuestion } from '../question.js'
import type { CorpusIndex } from '../search.js'
import type { Answer, AskOptions, Quote } from '../types.js'
import { FEATURE } from '../search.js'
import { isLinkedByNamesOnly, isQuoteDatingName, isQuoteHoldingEveryWord, isQuoteLinkedByNamesOnly } from './article-coverage.js'
import { isUncounted, isUnsaidMeasure } from './asked-value.js'
import { DEFAULT_ANSWER_OPTIONS, type AnswerCorpus, type AnswerOptions } from './options.js'
import { proximityOf } from './proximity.js'
import { isOtherOccasion } from './other-occasion.js'
import { isAskedForUnknown, MEASURE_QUESTION } from './unknown-words.js'
import { rankQuotes } from './rank-quotes.js'
import { previousStorySources, withStoryFirst } from './follow-up-story.js'

export { DEFAULT_ANSWER_OPTIONS, type AnswerCorpus, type AnswerOptions } from './options.js'

/** An answer and what it was built from (for finding the disagreements that bear on it). */
export interface AnswerWithContext {
  answer: Answer
  /**
   * The question as read, for finding the disagreements that bear on the answer. Absent for a "who
   * said that?" follow-up: it asks who said the quote just shown, which the sources do not dispute.
   */
  analyzed?: AnalyzedQuestion
  /** Passages read for the answer, best first. */
  passageIds: string[]
}

/** Answers `question` from the index with up to `limit` verbatim quotes. Never throws for any string. */
export function answerQuestion(index: CorpusIndex, question: string, ask: AskOptions = {}, options: AnswerOptions = {}, corpus: AnswerCorpus = {}): AnswerWithContext {
  const settings = { ...DEFAULT_ANSWER_OPTIONS, ...options }
  const limit = clampInt(ask.limit ?? settings.limit, 1, 20)
  const offset = clampInt(ask.offset ?? 0, 0, 100)
  const checked = checkQuestion(question)
  if (!checked.ok) {
    return { answer: { status: 'invalid', question: checked.text, message: checked.message, quotes: [], disagreements: [], hasMore: false }, passageIds: [] }
  }
  const resolved = resolveContext(index, analyzeQuestion(index, checked.text, settings.bridging), ask.context)
  const { shownBefore } = resolved
  let { analyzed, shown } = resolved
  const wanted = offset + limit + 1 + (shownBefore?.size ?? 0) + (resolved.shownAnswer === undefined ? 0 : 1)
  const { speakerOf } = resolved
  let ranked = rankQuotes(index, analyzed, settings, ask.sourceId, wanted, corpus)
  // "what happened next?" is not answered by what was just shown: when the topic finds nothing else,
  // it reads on from the answer just given, and shows it again only when nothing else is found.
  const notShown = (quotes: Quote[]) => (shownBefore ? quotes.filter((quote) => !shownBefore.has(quote.text)) : [])
  let unseen = notShown(ranked.quotes)
  const next = shownBefore && unseen.length === 0 ? resolved.readOn?.read() : undefined
  if (next) {
    // Reading on is within the article of the answer just given.
    const readOn = rankQuotes(index, next.analyzed, settings, next.sourceId, wanted, corpus)
    const readOnUnseen = notShown(readOn.quotes)
    if (readOnUnseen.length > 0) {
      ;({ analyzed, shown } = next)
      ranked = readOn
      unseen = readOnUnseen
    }
  }
  // A follow-up that asks what the quote just read does not say: the best other quote, found under a
  // lower floor (the shown quote sets it), goes first, and the shown one second.
  if (resolved.shownAnswer !== undefined && ranked.quotes[0]?.text === resolved.shownAnswer && !shownBefore) {
    const wider = rankQuotes(index, analyzed, { ...settings, relativeScoreFloor: settings.relativeScoreFloor * SHOWN_FLOOR_SHARE }, ask.sourceId, wanted, corpus)
    if (wider.quotes.length > 1) ranked = wider
  }
  // A "why?" that the quote just shown gives no reason for, when the topic's words find no more than
  // that quote: the reason its article gives goes first, the shown quote second.
  const shownQuote = resolved.readOn?.shownQuote
  // Read on only when needed: reading the article and tagging its sentences is most of the work.
  const readOn = shownQuote !== undefined && !shownBefore && ranked.quotes.length <= 1 ? resolved.readOn?.read() : undefined
  if (readOn && (ask.sourceId === undefined || ask.sourceId === readOn.sourceId)) {
    const reason = rankQuotes(index, readOn.analyzed, settings, readOn.sourceId, wanted, corpus)
    const others = reason.quotes.filter((quote) => quote.text !== shownQuote)
    if (others.length > 0) {
      ;({ analyzed, shown } = readOn)
      ranked = { quotes: [...others.slice(0, 1), ...ranked.quotes, ...others.slice(1)], passageIds: [...new Set([...reason.passageIds, ...ranked.passageIds])] }
    }
  }
  const { passageIds } = ranked
  // Asked of one source (`sourceId`), the quote is looked for again only when it is that source's.
  // A follow-up that borrowed words stays on the story of the answer it continues, when a quote of it was found.
  const story = (analyzed.contextTerms ?? 0) > 0 ? previousStorySources(ask.context?.at(-1), corpus.storyOf) : new Set<string>()
  const found =
    speakerOf && (ask.sourceId === undefined || ask.sourceId === speakerOf.sourceId)
      ? withShownFirst(index, ranked.quotes, speakerOf, settings, wanted)
      : withStoryFirst(demoteShown(unseen.length > 0 ? unseen : ranked.quotes, resolved.shownAnswer), story, resolved.shownAnswer)
  const quotes = namesOnlyQuoteCheck(index, analyzed, found, settings)
  const compared = speakerOf ? {} : { analyzed }
  if (
    quotes.length === 0 ||
    isOutOfScope(index, analyzed, quotes, settings) ||
    lacksAskedValue(index, analyzed, quotes, settings) ||
    (settings.declineUnknownAsked && isAskedForUnknown(index, analyzed)) ||
    (settings.declineUncounted && isUncounted(index, analyzed, quotes, settings.valueCheckVocabulary)) ||
    (settings.declineUnsaidMeasure && isUnsaidMeasure(index, analyzed, quotes)) ||
    (settings.declineOtherOccasion && isOtherOccasion(analyzed, quotes))
  ) {
    return { answer: { ...noAnswer(checked.text), ...shown }, ...compared, passageIds }
  }
  const page = quotes.slice(offset, offset + limit)
  return {
    answer: { status: 'answered', question: checked.text, quotes: page, disagreements: [], hasMore: quotes.length > offset + limit, ...shown },
    ...compared,
    passageIds,
  }
}

/**
 * The score floor (`relativeScoreFloor`) as a share of its usual value when a follow-up asks what the
 * quote just shown does not say: that quote sets the floor, and the one that answers may score lower.
 */
const SHOWN_FLOOR_SHARE = 0.5

/** `quotes` with `shown` moved from first to second place, when a follow-up asks what it does not say (`ResolvedContext.shownAnswer`). */
function demoteShown(quotes: Quote[], shown: string | undefined): Quote[] {
  if (shown === undefined || quotes.length < 2 || quotes[0]?.text !== shown) return quotes
  return [quotes[1] as Quote, quotes[0], ...quotes.slice(2)]
}

/**
 * `quotes` with the quote a "who said that?" asks about first (`ResolvedContext.speakerOf`): moved
 * there when found, else found again in its article by its own words.
 */
function withShownFirst(index: CorpusIndex, quotes: Quote[], speakerOf: NonNullable<ResolvedContext['speakerOf']>, settings: Required<AnswerOptions>, wanted: number): Quote[] {
  const holds = (quote: Quote) => quote.text.includes(speakerOf.quote)
  let first = quotes.find(holds)
  if (!first) {
    const found = rankQuotes(index, speakerOf.analyzed, settings, speakerOf.sourceId, wanted).quotes
    first = found.find(holds) ?? found[0]
  }
  return first ? [first, ...quotes.filter((quote) => quote.text !== first.text)] : quotes
}

/** Least weight of a question word that says what it asks about, for `declineNamesOnly`: nouns, adjectives and verbs the corpus uses, not adverbs or light verbs. */
const ASKED_WORD_MIN_WEIGHT = 0.4

/**
 * True when the quotes found are no answer: the question shares only names with the article of every
 * one of them (`AnswerOptions.declineNamesOnly`). A quote from an article that does say what is
 * asked keeps the answer, though a weaker one ranks first. A follow-up is not checked: its borrowed
 * words are the conversation's, not what it asks.
 */
function isOutOfScope(index: CorpusIndex, analyzed: AnalyzedQuestion, quotes: readonly Quote[], settings: Required<AnswerOptions>): boolean {
  if (!settings.declineNamesOnly || quotes.length === 0 || (analyzed.contextTerms ?? 0) > 0) return false
  const sources = new Set(quotes.map((quote) => index.sourceNumber.get(quote.source.id)))
  for (const source of sources) if (source === undefined || !isLinkedByNamesOnly(index, source, analyzed.terms, ASKED_WORD_MIN_WEIGHT)) return false
  return true
}

/**
 * `quotes` as found, unless the question names something and asks for a figure or a date and the
 * first quote shares only the names with it (`AnswerOptions.declineNamesOnlyQuote`, in a corpus of
 * fewer than `valueCheckVocabulary` stems): then the first quote that shares another of its words goes
 * first ("When was the Harlow Vale notice lifted?": "The notice was lifted on Saturday…" before the
 * sentence naming Harlow Vale and a Monday), and none (a decline) when no quote does. Looking past the
 * first quote matters: before round 14 the rule declined such a question, and only a dispute between
 * the two quotes' dates, of two different acts, answered it. A follow-up is not checked: its borrowed
 * words are the conversation's.
 */
function namesOnlyQuoteCheck(index: CorpusIndex, analyzed: AnalyzedQuestion, quotes: Quote[], settings: Required<AnswerOptions>): Quote[] {
  const first = quotes[0]
  if (!settings.declineNamesOnlyQuote || !first || index.docFreq.size >= settings.valueCheckVocabulary || (analyzed.contextTerms ?? 0) > 0) return quotes
  // Only a question asking for a figure or a date: "How did Kessick Marine respond?" or "What post did
  // Marten hold at the Coldharbour Opera?" is answered in the article's own words ("said it had
  // cooperated fully", "served as chorus master"), and a sentence naming the firm is then the answer.
  if ((analyzed.answerFeatures & VALUE_FEATURES) === 0 && !MEASURE_QUESTION.test(analyzed.text)) return quotes
  if (!isQuoteLinkedByNamesOnly(index, analyzed.terms, first)) return quotes
  // A later quote outranks the first only when it holds every word the question asks with the names:
  // one word shared ("found" of "founded", "power" of "electricity") is no more an answer than the names.
  // A date question is also answered by a sentence that opens with the name and gives a year
  // ("Corruption Watch was launched in January 2012" for "When was Corruption Watch established?").
  const linked =
    quotes.find((quote) => isQuoteHoldingEveryWord(index, analyzed.terms, quote)) ??
    ((analyzed.answerFeatures & FEATURE.date) !== 0 ? quotes.find((quote) => isQuoteDatingName(index, analyzed.terms, quote)) : undefined)
  return linked ? [linked, ...quotes.filter((quote) => quote !== linked)] : []
}

/** The kinds of value whose absence from every quote shows the question unanswered: figures and dates, not names (an answer to "who" may be "a dog walker"). */
const VALUE_FEATURES = FEATURE.count | FEATURE.money | FEATURE.percent | FEATURE.duration | FEATURE.date | FEATURE.time


/**
 * True when the question asks for a figure or a date ("how many", "when", "how tall") and none of
 * the quotes found holds one besides the question's own words (`AnswerOptions.declineWithoutValue`):
 * "How long is the beach at Selby Sands?" of articles that name the beach but never measure it, or
 * "When was the trust founded?" answered with a sentence naming the trust. The articles may then
 * speak of the thing, but not of what is asked. Only a question with a name is checked: without one,
 * such a quote is as often the articles' answer said another way ("When can evacuees go back?"). A
 * follow-up is not checked: its form may be all it asks ("how much?"), and its hooks are the conversation's.
 */
function lacksAskedValue(index: CorpusIndex, analyzed: AnalyzedQuestion, quotes: readonly Quote[], settings: Required<AnswerOptions>): boolean {
  if (!settings.declineWithoutValue || quotes.length === 0 || index.docFreq.size >= settings.valueCheckVocabulary || (analyzed.contextTerms ?? 0) > 0 || analyzed.answerText !== undefined) return false
  const features = (analyzed.answerFeatures & VALUE_FEATURES) || (MEASURE_QUESTION.test(analyzed.text) ? FEATURE.count : 0)
  if (features === 0 || !analyzed.terms.some((term) => term.name)) return false
  const termOf = new Map<string, number>()
  analyzed.terms.forEach((term, t) => {
    for (const variant of term.variants) if (!termOf.has(variant.stem)) termOf.set(variant.stem, t)
  })
  return quotes.every((quote) => proximityOf(index, quote.text, termOf, 0, features, 0).values.length === 0)
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

function clampInt(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return min
  return Math.min(max, Math.max(min, Math.trunc(value)))
}
