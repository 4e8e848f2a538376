import { QUESTION_STOP_WORDS, stem, tokenize } from '../analyzer.js'
import { CAPITALISED } from '../letter-patterns.js'
import type { AnalyzedQuestion } from '../question.js'
import { passageById, sentenceStems, stemmedTokens, type CorpusIndex } from '../search.js'
import type { Disagreement, Passage } from '../types.js'
import { comparableValues, namesIn, sameFoundValue, valuesIn, type AskedKind, type AskedWords, type FoundValue } from './found-values.js'
import { FRAME_STRENGTH } from './phrase-values.js'
import { parallelStretch } from './parallel.js'
import { GENERIC_COUNTED, isCompoundOf } from './measured.js'
import { mayBeParallel, wordBagsOf } from './parallel-bound.js'
import { gapNounOf, plainWord, type PredicateFrame } from './phrase.js'
import { memoBySentence, sentenceTokens, tagSentence } from './sentence-memo.js'
import { askedKindOf, expandedOf, isCauseQuestion } from './asked-kind.js'
import { asksWhoSaid, asWritten, clauseBoundsOf, isLabelledByOther, datedByArticle, echoesQuestion, joinsNames, quotedSpansOf, shifted, surnamesIn } from './answer-text.js'
import { sentenceText } from '../passages.js'
import { claimOf, kindOfDisagreement, newestSource, topicOf } from './answer-note.js'
import { ANSWERING_SHARE, disagreementOf } from './answer-sides.js'
import { asksPresentHolder, isFormerHolder } from './office-status.js'
import { amountAskedOf, asksPrice, isMoney, isPercent } from './value-fit.js'
import { isOthersValue, namesOf } from './claim-act.js'
import { ACT_WINDOW_CHARS, askedActStems, asksOnsetOrClose, HOW_MANY, isOtherAspectAct, clauseActOf, type ClauseAct, clauseActStems, isAgentOf, otherActBefore, phrasalVerbSpans, SUBJECT_TO_VERB } from './asked-act.js'

/** The gap after a sentence's end and before a capital (global: for `matchAll` only). */
const SENTENCE_GAP = /(?<=\p{Ll}{2}[.!?])\s+(?=\p{Lu})/gu

export { sameFoundValue, valuesIn, type AskedKind, type AskedWords, type FoundValue } from './found-values.js'
export { askedKindOf, asksForSeveral, expandedOf, isCauseQuestion } from './asked-kind.js'

/**
 * Question-time comparison ("compare the answers"): when a question asks for a typed value, each
 * source's best answering sentence is read for that value near the question's words, the values are
 * normalised, and sources that give different values make a disagreement on the question's topic.
 * Sources that give the same value in other words support each other. Typed patterns only (numbers
 * with units, dates, capitalised names): no word list of any event.
 */

/** Options for comparing the answers of the sources. */
export interface CompareAnswersOptions {
  /**
   * The story (group of articles about one event) a source belongs to: only sources of one story are
   * compared, so two events in one corpus never disagree. Defaults to every source in one story.
   */
  storyOf?: (sourceId: string) => string
  /** Share of the question's weighted words a source's answering passage must hold. Defaults to `0.5`. */
  minCoverage?: number
  /** Passages of one source read for its answer, best first. Defaults to 2. */
  passagesPerSource?: number
  /**
   * Most a hedged number ("about 3 hours") may be off, as a share of it: within it, a hedged figure
   * may be off by one in its last written digit ("about 1,200" 1,100–1,300, "some 900" 800–1,000).
   * Defaults to `0.2`.
   */
  hedgeTolerance?: number
  /**
   * Least share of the question's weighted words a source's answering sentence must hold for its
   * value to be compared: a page that names many numbers and names in passing does not answer.
   * Defaults to `0.3` (on RAMDocs against 0.4: recall 295 against 288 of 428, false alarms 6 of 72
   * on both; 0.2 changes nothing more).
   */
  minAnswerShare?: number
  /**
   * The frames in which a phrase said of the question's subject by name defines what it is, so that
   * two sources defining it in one frame with different things disagree ("Keith Butler (baseball)" /
   * "Keith Butler (American football)", asked his sport); in other frames, different things said of
   * a subject ("a runner", "a nominee") may both be true. `'object'` is the object of the question's
   * own verb ("played linebacker" / "played quarterback", asked what position he played). Defaults to
   * `['bracket', 'object']` (on RAMDocs when chosen, recall 308 of 428 against 307 with `['bracket']`
   * and 299 with none, false alarms 6 of 72 on all three; with `'copula'` too ("Monkey Grip is a 1982
   * film" / "…is a 1977 novel"), 316 but 8 of 72, over the 10% target; at the round's end 307 of 428).
   */
  definingFrames?: readonly PredicateFrame[]
}

export const DEFAULT_COMPARE_ANSWERS_OPTIONS: Required<CompareAnswersOptions> = {
  storyOf: () => '',
  minCoverage: 0.3,
  passagesPerSource: 3,
  hedgeTolerance: 0.2,
  minAnswerShare: 0.3,
  definingFrames: ['bracket', 'object'],
}

/** The stems of the question's words and of the words they bridge to in the corpus (synonyms, lemmas). */
function relatedStems(analyzed: AnalyzedQuestion): Set<string> {
  return new Set(analyzed.terms.flatMap((term) => term.variants.map((variant) => variant.stem)))
}

/** The kinds of figures: a figure answers only where the question's words stand beside it, not merely in its unit. */
const MEASURED_KINDS = new Set<AskedKind>(['number', 'percent', 'duration'])

/**
 * The kinds whose value must stand near the question's act ("Who bought…?", "When will… reopen?"):
 * a name or a day in a sentence that does not state the act answers another question.
 */
const ACT_KINDS = new Set<AskedKind>(['person', 'date', 'place', 'entity'])

/** The kinds whose values are names or phrases, which may hold the question's words themselves. */
const NAMED_KINDS = new Set<AskedKind>(['person', 'place', 'entity'])

/** Credit, as a share of the question's weight, of a sentence whose name stands right after a question word ("the pilot, Dana Frey"), asked who. */
const LABELLED_NAME_SHARE = 0.5

/** True for a count of a specific thing the question names ("hostages") or a kind of it, not of people in general. */
function countsAsked(value: FoundValue, asked: AskedWords): boolean {
  const counted = value.counted
  if (counted === undefined || GENERIC_COUNTED.has(counted)) return false
  // "1,200 dockworkers" answers "How many workers…?": a dockworker is a worker.
  return asked.words.has(counted) || [...asked.words].some((word) => isCompoundOf(counted, plainWord(word)))
}

/** "how many games": the thing counted, the word after "how many" when it is no function word. */
const HOW_MANY_NOUN = /\bhow\s+many\s+(\p{L}+)/iu
/** The words after a figure that may still lead to its noun: "three red cars", "19 first-team games". */
const WORDS_AFTER = /^(?:[\s-]+[\p{L}’'-]+){1,3}/u

/** The plain noun a "how many" question counts, unless a function word or a count of anyone ("people"). */
function countedNounAsked(question: string): string | undefined {
  const word = HOW_MANY_NOUN.exec(question)?.[1]?.toLowerCase()
  if (word === undefined || QUESTION_STOP_WORDS.has(word)) return undefined
  const plain = plainWord(word)
  return GENERIC_COUNTED.has(plain) ? undefined : plain
}

/**
 * True for a figure that counts another thing than the "how many" question's (`AskedWords.counts`):
 * "nine points above the relegation places", asked how many games a club won. A count of any word
 * of the question or of its links ("19 wins", "22 matches" reached from "games"), of a kind of the
 * thing ("dockworkers" for "workers"), or with the thing a few words on ("three red cars") still
 * answers. `text` is the figure's sentence, which starts at `offset` in the article.
 */
function countsOther(value: FoundValue, asked: AskedWords, text: string, offset: number): boolean {
  const { counted } = value
  const noun = asked.counts
  if (noun === undefined || counted === undefined || counted === noun || isCompoundOf(counted, noun)) return false
  const related = asked.related ?? new Set<string>()
  if (related.has(stem(counted)) || asked.words.has(counted)) return false
  const following = WORDS_AFTER.exec(text.slice(value.end - offset))?.[0] ?? ''
  return !tokenize(following).some((token) => related.has(stem(token.word)) || plainWord(token.word) === noun)
}

/** One source's answer to the question: its best answering sentence and the value read in it. */
export interface SourceAnswer {
  sourceId: string
  passage: Passage
  sentence: { start: number; end: number }
  /** Share of the question's weighted words the answering sentence itself covers, 0–1. */
  score: number
  value: FoundValue
  /** Every value of the kind in the source's answering passages: a source that states the other value too does not contradict it. */
  alsoStates: FoundValue[]
  /** For a question with an act (`askedActStems`): whether the value stands by the act, or by another verb ("flooded on Tuesday"). */
  act?: 'asked' | 'other'
  /** For a figure asked with an act: whether its clause states that act, or another verb's ("pulled 14 sailors from the water", asked how many drowned); read on demand. */
  figureAct?: () => ClauseAct | undefined
}

/**
 * The disagreements between the sources' answers to `analyzed`, compared within each story. Empty
 * when the question asks for no typed value or fewer than two sources answer it.
 */
export function compareAnswers(index: CorpusIndex, analyzed: AnalyzedQuestion, passageIds: string[], options: CompareAnswersOptions = {}): Disagreement[] {
  const settings = { ...DEFAULT_COMPARE_ANSWERS_OPTIONS, ...options }
  const kind = askedKindOf(analyzed.text)
  if (!kind) return []
  const readings = sourceReadings(index, analyzed, passageIds, kind, settings)
  const byStory = new Map<string, SourceReading[]>()
  for (const reading of readings) {
    const story = settings.storyOf(reading.sourceId)
    byStory.set(story, [...(byStory.get(story) ?? []), reading])
  }
  const disagreements: Disagreement[] = []
  for (const group of byStory.values()) {
    const answers = group.flatMap((reading) => (reading.answer ? [reading.answer] : []))
    const disagreement = disagreementOf(index, answers, kind, analyzed.text, settings.minAnswerShare, relatedStems(analyzed)) ?? parallelDisagreement(index, group, kind, analyzed.text, settings)
    if (disagreement) disagreements.push(disagreement)
  }
  return disagreements
}

/**
 * Two sources that write the same answering sentence but for one stretch, where that stretch holds
 * a value of the asked kind (or, for names and things, any content words), and neither source
 * states the other's value anywhere it answers.
 */
function parallelDisagreement(index: CorpusIndex, readings: SourceReading[], kind: AskedKind, question: string, settings: Required<CompareAnswersOptions>): Disagreement | undefined {
  const best = Math.max(0, ...readings.flatMap((reading) => reading.sentences.map((sentence) => sentence.score)))
  // Each answering sentence and the one after it, cut where a sentence the splitter missed ends ("…of Bursaspor. It was built…").
  const pieces = readings.flatMap((reading) =>
    reading.sentences
      .filter((sentence) => sentence.score >= ANSWERING_SHARE * best)
      .flatMap((sentence) =>
        [sentence.sentence, ...(sentence.next ? [sentence.next] : [])].flatMap((span) =>
          piecesOf(sentence.passage, span).map((piece) => {
            const text = sentenceText(sentence.passage, piece)
            return { sourceId: reading.sourceId, passage: sentence.passage, sentence: piece, text, tokens: sentenceTokens(text) }
          }),
        ),
      ),
  )
  // Read only once a pair differs in one stretch, which few do: made on first use, per source.
  const passagesText = new Map<string, string>()
  const passagesTextOf = (sourceId: string) => {
    const reading = readings.find((candidate) => candidate.sourceId === sourceId)
    if (reading && !passagesText.has(sourceId)) passagesText.set(sourceId, [...new Set(reading.sentences.map((sentence) => sentence.passage))].map((passage) => passage.text.toLowerCase()).join('\n'))
    return passagesText.get(sourceId)
  }
  const seen = new Set<string>()
  // Most pairs share too few words to be one sentence: rejected from each piece's words, numbered once.
  const bags = wordBagsOf(pieces.map((piece) => piece.tokens))
  for (const [i, a] of pieces.entries()) {
    for (let j = i + 1; j < pieces.length; j++) {
      const b = pieces[j]!
      if (a.sourceId === b.sourceId || !mayBeParallel(bags[i]!, bags[j]!)) continue
      const textA = a.text
      const textB = b.text
      const key = `${textA}\u0000${textB}`
      if (seen.has(key)) continue
      seen.add(key)
      const stretch = parallelStretch(a.tokens, b.tokens)
      if (!stretch) continue
      const valueA = datedByArticle(index, a.sourceId, stretchValue(textA, stretch.a, kind, settings), textA)
      const valueB = datedByArticle(index, b.sourceId, stretchValue(textB, stretch.b, kind, settings), textB)
      if (!valueA || !valueB || !comparableValues(valueA, valueB) || (valueA.comparable.type !== 'label' && sameFoundValue(valueA, valueB))) continue
      if (passagesTextOf(b.sourceId)?.includes(valueA.display.toLowerCase()) || passagesTextOf(a.sourceId)?.includes(valueB.display.toLowerCase())) continue
      const newest = newestSource(index, [a.sourceId, b.sourceId])
      const claims = [
        { piece: a, value: valueA },
        { piece: b, value: valueB },
      ].map(({ piece, value }) => claimOf(index, piece.sourceId, piece.passage, piece.sentence, value.display, [], newest === piece.sourceId))
      return { topic: topicOf(question), kind: kindOfDisagreement(kind), valueKind: kind, claims }
    }
  }
  return undefined
}

/**
 * The offsets, shifted by `base`, of the starts (`side` 0) or ends (1) of the tokens whose stems the
 * question holds (`weightOf`). A loop, not a `flatMap` making an array per token: this runs for every
 * value-holding answering sentence of every question, 3.8% of a "who" question.
 */
function heldOffsets(stems: readonly string[], spans: Uint32Array, weightOf: ReadonlyMap<string, number>, base: number, side: 0 | 1): number[] {
  const offsets: number[] = []
  for (let i = 0; i < stems.length; i++) if (weightOf.has(stems[i]!)) offsets.push(base + spans[2 * i + side]!)
  return offsets
}

/** A sentence cut at each full stop followed by a capital that the sentence splitter did not cut at. */
function piecesOf(passage: Passage, span: { start: number; end: number }): Array<{ start: number; end: number }> {
  const cuts = piecesCutsOf(sentenceText(passage, span))
  const pieces: Array<{ start: number; end: number }> = []
  for (let i = 0; i + 1 < cuts.length; i += 2) pieces.push({ start: span.start + (cuts[i] as number), end: span.start + (cuts[i + 1] as number) })
  pieces.push({ start: span.start + (cuts[cuts.length - 1] ?? 0), end: span.end })
  return pieces
}

/**
 * Where `piecesOf` cuts a sentence: each piece before the last as its start and end in the text,
 * then the last piece's start. Kept once read, like the sentence's tokens: the same answering
 * sentences are cut for many questions.
 */
const piecesCutsOf = memoBySentence((text: string): number[] => {
  const cuts: number[] = []
  let from = 0
  for (const match of text.matchAll(SENTENCE_GAP)) {
    cuts.push(from, match.index ?? 0)
    from = (match.index ?? 0) + match[0].length
  }
  cuts.push(from)
  return cuts
})

/** The value of `kind` a differing stretch holds: a typed value overlapping it, or for an entity question the stretch itself. */
function stretchValue(text: string, stretch: { start: number; end: number }, kind: AskedKind, settings: Required<CompareAnswersOptions>): FoundValue | undefined {
  const typed = valuesIn(text, kind === 'entity' ? 'place' : kind, 0, settings.hedgeTolerance).find((value) => value.start < stretch.end && value.end > stretch.start)
  // The common part of the two sentences types the stretch: it fills the same slot in both.
  if (typed) return kind === 'entity' ? { ...typed, kind, typed: true } : typed
  // A person or a place must be one: "signed in Dastra" / "signed in Corvale" does not say who signed.
  if (kind !== 'entity') return undefined
  const display = text.slice(stretch.start, stretch.end)
  return { kind, display, comparable: { type: 'label', label: display.toLowerCase() }, start: stretch.start, end: stretch.end, typed: true }
}

/** Each source's answer to the question: its best answering sentence and the value of `kind` read in it. */
export function sourceReadings(index: CorpusIndex, analyzed: AnalyzedQuestion, passageIds: string[], kind: AskedKind, settings: Required<CompareAnswersOptions>): SourceReading[] {
  const weightOf = new Map<string, number>()
  for (const term of analyzed.terms) for (const variant of term.variants) if (!variant.synonym) weightOf.set(variant.stem, Math.max(weightOf.get(variant.stem) ?? 0, term.weight * variant.weight))
  // Every question word counts alike, whatever its IDF: the subject named in every source is what makes a passage an answer.
  // Coverage is of the words the corpus uses at all: a question word no source uses ("artist") cannot tell sources apart.
  const total = analyzed.terms.filter((term) => term.variants.some((variant) => !variant.synonym && index.docFreq.has(variant.stem))).reduce((sum, term) => sum + term.weight, 0)
  if (total <= 0) return []
  const words = tokenize(analyzed.text).map((token) => token.word)
  const gap = kind === 'entity' ? gapNounOf(analyzed.text) : undefined
  const related = relatedStems(analyzed)
  const expands = expandedOf(analyzed.text)
  const asked: AskedWords = { words: new Set([...words, ...words.map(plainWord)]), related, ...(gap ? { gap: plainWord(gap) } : {}), ...(kind === 'number' && /\bhow\s+much\b/i.test(analyzed.text) ? { amount: true } : {}), ...(kind === 'number' && /\bhow\s+much\s+of\b/i.test(analyzed.text) ? { share: true } : {}), ...(kind === 'number' && HOW_MANY.test(analyzed.text) ? { count: true } : {}), definingFrames: settings.definingFrames, ...(isCauseQuestion(analyzed.text) ? { cause: true } : {}), ...(expands ? { expands } : {}) }
  // A cause is named by other verbs than the question's ("blamed on", "due to"): its act is not read.
  const acts = ACT_KINDS.has(kind) && !(kind === 'entity' && isCauseQuestion(analyzed.text)) ? askedActStems(analyzed) : undefined
  if (acts) asked.acts = acts
  // Figures and dates are placed by the verb of their own clause, the verbs of an event's course among the acts.
  const clauseActs = MEASURED_KINDS.has(kind) || kind === 'date' ? clauseActStems(analyzed) : undefined
  if (clauseActs) asked.clauseActs = clauseActs
  if (MEASURED_KINDS.has(kind) && asksPrice(analyzed.text)) asked.price = true
  const counts = kind === 'number' ? countedNounAsked(analyzed.text) : undefined
  if (counts) asked.counts = counts
  const amountOf = MEASURED_KINDS.has(kind) ? amountAskedOf(analyzed.text) : undefined
  if (amountOf) asked.amountOf = new Set(amountOf.map((word) => stem(word)))
  const names = kind === 'percent' || kind === 'number' ? namesOf(analyzed.text) : undefined
  if (names && names.size > 0) asked.names = names
  if (kind === 'person' && asksPresentHolder(analyzed.text)) asked.presentHolder = true
  const bySource = new Map<string, Passage[]>()
  const retrievedBySource = new Map<string, Passage[]>()
  for (const id of passageIds) {
    const passage = passageById(index, id)
    if (!passage) continue
    // Pushed, not copied: a copy per passage made this loop quadratic in the passages retrieved.
    const list = bySource.get(passage.sourceId)
    if (list && list.length < settings.passagesPerSource) list.push(passage)
    else if (!list && settings.passagesPerSource > 0) bySource.set(passage.sourceId, [passage])
    const retrieved = retrievedBySource.get(passage.sourceId)
    if (retrieved) retrieved.push(passage)
    else retrievedBySource.set(passage.sourceId, [passage])
  }
  return [...bySource].map(([sourceId, passages]) => answerOf(index, sourceId, passages, kind, weightOf, total, asked, retrievedBySource.get(sourceId) ?? passages, settings))
}

/** What one source says towards the question: its sentences holding the question's words, and its typed answer when it gives one. */
export interface SourceReading {
  sourceId: string
  sentences: AnsweringSentence[]
  alsoStates: FoundValue[]
  answer?: SourceAnswer
}

/** A sentence of a source that holds the question's words, and how much of them. */
export interface AnsweringSentence {
  sourceId: string
  passage: Passage
  sentence: { start: number; end: number }
  score: number
  /** The sentence after it in the passage: an answer often follows the sentence naming its subject ("…a former footballer. A defender, he…"). */
  next?: { start: number; end: number }
}

function answerOf(
  index: CorpusIndex,
  sourceId: string,
  passages: Passage[],
  kind: AskedKind,
  weightOf: Map<string, number>,
  total: number,
  asked: AskedWords,
  retrieved: Passage[],
  settings: Required<CompareAnswersOptions>,
): SourceReading {
  const sentences: AnsweringSentence[] = []
  let best: { score: number; covered: number; passage: Passage; sentence: { start: number; end: number }; value: FoundValue; acting: number; otherAct: boolean; figureAct: (() => ClauseAct | undefined) | undefined; post: 'asked' | 'other' | undefined } | undefined
  // Places nest ("a pier near Oska", "Lake Varn"): a source naming the other place anywhere does not contradict it.
  const alsoStates: FoundValue[] = kind === 'place' ? retrieved.flatMap((passage) => namesIn(passage.text)) : []
  const surnames = kind === 'person' ? surnamesIn(retrieved) : undefined
  // An article's headline names its subject, which its short paragraphs leave out ("No arrests have
  // been made"): asked whether something happened, the headline's words count towards a passage and
  // a sentence being about the question. Only then: the sentence must still state the asked action,
  // whereas a figure or a name stands in most sentences of an article.
  const source = index.sourceById.get(sourceId)
  const headline = kind === 'outcome' && source && source.titleSource !== 'derived' ? stemmedTokens(index, source.title).stems.filter((stem) => weightOf.has(stem)) : []
  for (const passage of passages) {
    const covered = new Set<string>(headline)
    // The sentences' stems are cached by the index (answering reads them too): score from them, tokenize only what may answer.
    const stemSets = sentenceStems(index, passage)
    const read = passage.sentences.flatMap((sentence, i) => {
      if (sentence.kind === 'table' || sentence.kind === 'heading') return []
      let score = 0
      for (const stem of stemSets[i] ?? []) {
        const weight = weightOf.get(stem)
        if (weight === undefined) continue
        covered.add(stem)
        score += weight
      }
      return [{ sentence, score, next: passage.sentences[i + 1], stems: stemSets[i] }]
    })
    const passageScore = [...covered].reduce((sum, stem) => sum + (weightOf.get(stem) ?? 0), 0)
    // The passage must be about what the question asks: its words, most of them, not a passing mention.
    if (passageScore < settings.minCoverage * total) continue
    for (const { sentence, score, next, stems: sentenceStemSet } of read) {
      // A sentence with none of the question's words neither answers it nor states another side's value near it.
      if (score === 0) continue
      sentences.push({ sourceId, passage, sentence, score, ...(next && next.kind !== 'table' && next.kind !== 'heading' ? { next } : {}) })
      const text = sentenceText(passage, sentence)
      const values = valuesIn(text, kind, sentence.start, settings.hedgeTolerance, asked).map((value) => datedByArticle(index, sourceId, value, text)).filter(
        (value) =>
          !echoesQuestion(value, asked.words) &&
          !(surnames && joinsNames(value, surnames)) &&
          !(asked.presentHolder && isFormerHolder(text, shifted(value, sentence.start))),
      )
      alsoStates.push(...values)
      if (values.length === 0) continue
      // The sentence's tokens and stems come from the index's cache: the same sentences answer many questions.
      const { spans, stems } = stemmedTokens(index, text)
      const hits = heldOffsets(stems, spans, weightOf, sentence.start, 0)
      const hitStems = stems.filter((stem) => weightOf.has(stem))
      // The clause a value stands in answers for it: "Two of the 40 firefighters were hurt, and three
      // were taken to hospital", asked how many were taken to hospital, answers with the clause of "taken".
      const clauses = clauseBoundsOf(text, sentence.start)
      const clauseOf = (value: FoundValue) => clauses.find((bounds) => value.start >= bounds.start && value.start < bounds.end)
      const clauseWords = (value: FoundValue) => {
        // A name holds the question's words itself ("Turkey Shoot"): only figures and dates are placed by their clause.
        const clause = NAMED_KINDS.has(kind) ? undefined : clauseOf(value)
        // A figure's unit counts for its clause ("5,792 students", asked how many students): the distance below sets apart "48 workers" and "12 of them were trapped".
        return clause ? new Set(hitStems.filter((_stem, i) => hits[i]! >= clause.start && hits[i]! < clause.end)).size : 0
      }
      // Near the question's words, not merely the first value of the sentence; a question word inside
      // the value is its unit ("48 workers"), not what it answers ("12 of them were trapped").
      // A phrase holding the asked noun ("Baroque style") is typed as the answer wherever it stands.
      const distance = (value: FoundValue) => {
        if (value.typed) return 0
        const near = hits.filter((at) => at < value.start || at >= value.end)
        return (value.strength ?? 0) + (near.length === 0 ? 200 : Math.min(...near.map((at) => Math.abs(at - value.start))))
      }
      // A figure whose only question word is its own unit ("some 2,300 people are cut off", asked how many
      // people are missing) answers another question about those people; a count of the very thing asked
      // ("Eight hostages were freed", asked how many hostages) still answers it.
      // Quoted speech that holds the question's words names its speaker outside the quotation marks
      // ("'The pilot shouted at us,' said a passenger"): the speaker reports it, and is no answer to who did it.
      const quoted = kind === 'person' && !asksWhoSaid(asked) ? quotedSpansOf(text, sentence.start) : []
      const inQuote = (at: number) => quoted.some((span) => at >= span.start && at < span.end)
      const onlyQuoted = quoted.length > 0 && hits.length > 0 && hits.every(inQuote)
      // The act asked about, stated near the value: "Owen Price said…" in a sentence with no buying in it does not say who bought.
      // A capitalised word inside the sentence is part of a name ("the Lindqvist Foundation"), not the act ("found").
      const isActAt = (stem: string, i: number) => asked.acts!.has(stem) && (spans[2 * i] === 0 || !CAPITALISED.test(text.slice(spans[2 * i]!, spans[2 * i + 1]!)))
      const actSpans = asked.acts ? stems.flatMap((stem, i) => (isActAt(stem, i) ? [{ start: sentence.start + spans[2 * i]!, end: sentence.start + spans[2 * i + 1]! }] : [])) : undefined
      // A phrasal verb may be the act in other words ("the festival was called off"), when its subject is the question's word: "the train broke down in the tunnel" is another act.
      if (actSpans) {
        const subjectEnds = stems.flatMap((stem, i) => (weightOf.has(stem) ? [spans[2 * i + 1]!] : []))
        const ofSubject = (span: { start: number }) => subjectEnds.some((end) => end <= span.start && SUBJECT_TO_VERB.test(text.slice(end, span.start)))
        actSpans.push(...phrasalVerbSpans(tagSentence(text)).filter(ofSubject).map((span) => ({ start: sentence.start + span.start, end: sentence.start + span.end })))
      }
      // A place stands by the act only in the act's own clause: "the portrait found in a Cumbrian attic, will go on show in Stockholm" finds it in no Stockholm.
      const inActClause = (value: FoundValue, act: { start: number; end: number }) => {
        if (kind !== 'place') return true
        const clause = clauseOf(value)
        return clause === undefined || (act.start >= clause.start && act.start < clause.end)
      }
      const nearAct = (value: FoundValue) => !actSpans || actSpans.some((act) => act.start - value.end <= ACT_WINDOW_CHARS && value.start - act.end <= ACT_WINDOW_CHARS && inActClause(value, act))
      // The act of a figure's or a date's own clause: a count of those pulled from the water is no count of the drowned.
      // Asked when something began or ended, a verb after the thing asked about is its course ("the attack knocked out the systems on Sunday").
      const clauseAct = (value: FoundValue) => {
        if (!asked.clauseActs) return undefined
        const clause = clauseOf(value)
        const subjects = kind === 'date' && !asked.acts ? weightOf : undefined
        return clause ? clauseActOf(tagSentence(text), shifted(clause, sentence.start), shifted(value, sentence.start), asked.clauseActs, subjects && new Set(subjects.keys())) : undefined
      }
      // "Turnout was 41%" names what its share is of; "54% of the vote" does not name a bus fare.
      const clauseNames = (value: FoundValue, thing: ReadonlySet<string>) => {
        const clause = clauseOf(value)
        return clause !== undefined && stems.some((word, i) => thing.has(word) && sentence.start + spans[2 * i]! >= clause.start && sentence.start + spans[2 * i]! < clause.end)
      }
      // Asked when something began or ended: a date whose clause states the other end is no answer.
      const asksAspect = kind === 'date' && asked.clauseActs !== undefined && asksOnsetOrClose(asked.clauseActs)
      const placed = values.filter(
        (value) =>
          (value.typed || !MEASURED_KINDS.has(kind) || countsAsked(value, asked) || hits.some((at) => at < value.start || at >= value.end)) &&
          !(asked.price && isPercent(value)) &&
          !countsOther(value, asked, text, sentence.start) &&
          !(asked.amountOf && isPercent(value) && !clauseNames(value, asked.amountOf)) &&
          // A share the sentence gives to another name than the question's ("48% for Rolf Dane") is theirs.
          !(asked.names && isPercent(value) && isOthersValue(text, shifted(value, sentence.start), asked.names)) &&
          !(onlyQuoted && !inQuote(value.start)) &&
          // Asked when something began, a date whose clause says it ended answers the other question.
          !(asksAspect && isOtherAspectAct(clauseAct(value), asked.clauseActs)),
      )
      // A name must stand by the act. A date by the act is the source's answer when it gives one
      // ("will reopen in March", not "flooded on Tuesday"); a source that dates the act only in
      // other words ("(21 July 1807 – 1857)", "was called off") still answers with its best date.
      const acted = placed.filter(nearAct)
      const answering = kind === 'person' || acted.length > 0 ? acted : placed
      if (answering.length === 0) continue
      // A phrase typed by the asked noun first, then one defining the subject by name ("Monkey Grip (film)"),
      // before a mere description nearer the question's words ("…is a 1982 Australian drama film"): only
      // definitions of two sources are compared, so a source's description would hide its definition.
      // Each value's keys worked out once, not in every comparison of the sort.
      // Asked who did the act, its doer ("Brightwater bought the airline", "bought by Brightwater") before its object.
      const agent = (value: FoundValue) => (kind === 'person' && actSpans?.some((act) => isAgentOf(text, shifted(value, sentence.start), shifted(act, sentence.start))) ? 0 : 1)
      const keyed = answering.map((value) => ({ value, clauseWords: clauseWords(value), agent: agent(value), rank: value.typed ? 0 : value.defines ? 1 : 2, distance: distance(value) }))
      const chosen = keyed.sort((a, b) => b.clauseWords - a.clauseWords || a.agent - b.agent || a.rank - b.rank || a.distance - b.distance)[0] as (typeof keyed)[number]
      const { value } = chosen
      // How firmly the value is the act's: 2 its doer, 1 by it, 0 no act asked or none by it. A source's doer of the act answers before its other names.
      // Asked when something began or ended, a verb the question's acts skip, the date's own clause says whose date it is.
      const courseAct = kind === 'date' && actSpans === undefined ? clauseAct(value)?.act : undefined
      const acting = actSpans === undefined || acted.length === 0 ? (courseAct === 'asked' ? 1 : 0) : chosen.agent === 0 ? 2 : 1
      // A name set right after the question's word ("the pilot, Dana Frey") is labelled by it: the
      // sentence answers who, whatever else its neighbours share with the question.
      const hitEnds = heldOffsets(stems, spans, weightOf, sentence.start, 1)
      const labelled = kind === 'person' && hitEnds.some((end) => value.start >= end && /^,?\s{1,2}$/.test(text.slice(end - sentence.start, value.start - sentence.start)))
      // A name set after another post ("head of British pictures, Lena Ostrova", asked who is the chairman) holds that post: once a source names the asked one's holder, it is no side.
      const post = kind !== 'person' ? undefined : labelled ? ('asked' as const) : isLabelledByOther(tagSentence(text), text, value.start - sentence.start, (stem) => weightOf.has(stem)) ? ('other' as const) : undefined
      // A definition's sentence weighs no less than a copula's: its weaker frame ranks it among the sentence's values, not the source's sentences.
      const frameLead = value.defines ? Math.max(0, (value.strength ?? 0) - FRAME_STRENGTH.copula) : 0
      const sentenceScore = score + 0.5 * passageScore - (chosen.distance - frameLead) / 400 + (labelled ? LABELLED_NAME_SHARE * total : 0)
      // The headline's words the sentence leaves out count towards its share of the question too.
      const named = score + [...new Set(headline)].filter((stem) => !sentenceStemSet?.has(stem)).reduce((sum, stem) => sum + (weightOf.get(stem) ?? 0), 0)
      if (!best || acting > best.acting || (acting === best.acting && sentenceScore > best.score)) {
        // A place in another clause than the act the sentence states ("found in a Cumbrian attic, will go on show in Stockholm") is the place of another act.
        const placeOfOther = kind === 'place' && acting === 0 && actSpans !== undefined && actSpans.length > 0
        // A place after another verb is not set aside for it: where people were housed is often said by where they "spent the nights".
        const otherAct = courseAct === 'other' || placeOfOther || (kind !== 'place' && asked.acts !== undefined && acting === 0 && otherActBefore(tagSentence(text), value.start - sentence.start, asked.acts))
        // A sum's act is read by its own verbs (`sameActAnswers`): "bought for £140 million" answers what was paid.
        // Read only when sides are about to disagree: tagging the sentence is most of its cost, and most questions find no disagreement.
        const figureAct = MEASURED_KINDS.has(kind) && !isMoney(value) && asked.clauseActs ? () => clauseAct(value) : undefined
        // A day name is placed by its article's date only when its clause states the asked act: "elected on
        // Thursday", asked when the mayor takes office, dates another act, and a day name cannot contradict a date.
        const answered = value.comparable.type === 'date' && value.comparable.fromWeekday && clauseAct(value)?.act !== 'asked' ? asWritten(value) : value
        best = { score: sentenceScore, covered: named, passage, sentence, value: answered, acting, otherAct, figureAct, post }
      }
    }
  }
  const act = best && (best.acting > 0 || best.post === 'asked') ? ('asked' as const) : best?.otherAct || best?.post === 'other' ? ('other' as const) : undefined
  return { sourceId, sentences, alsoStates, ...(best ? { answer: { sourceId, passage: best.passage, sentence: best.sentence, score: best.covered / total, value: best.value, alsoStates, ...(act ? { act } : {}), ...(best.figureAct ? { figureAct: best.figureAct } : {}) } } : {}) }
}

