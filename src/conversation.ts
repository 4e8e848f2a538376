import { INDEX_STOP_WORDS, QUESTION_STOP_WORDS, tokenize } from './analyzer.js'
import { MONTHS, WEEKDAYS } from './claims/date.js'
import { analyzeQuestion, type AnalyzedQuestion, type QuestionTerm } from './question.js'
import { FEATURE, stemOf, type CorpusIndex } from './search.js'
import type { Answer, ConversationTurn } from './types.js'

/**
 * Follow-up questions: whether a question leans on the conversation before it ("and the other
 * one?", "when was that?", "why?"), and which words it borrows from it. Deterministic and shown to
 * the asker: every borrowed word is listed in the answer's `contextWords`, with its weight.
 */

/** How much a borrowed word counts next to the question's own words (which count 1). */
export interface ContextWeights {
  /** A topic word of the previous question. Defaults to `0.5`. */
  previousQuestion: number
  /** A word the previous question had itself borrowed: older context fades. Defaults to `0.3`. */
  previousContext: number
  /** A name in the previous answer's first quote ("he", "they" often point there). Defaults to `0.3`. */
  answerName: number
  /**
   * Most that the borrowed words weigh together, as a share of the question's own words (by weight
   * and IDF); a question with no word of its own ("why?") takes them as they are. Defaults to `0.6`.
   */
  maxShare: number
}

export const DEFAULT_CONTEXT_WEIGHTS: ContextWeights = { previousQuestion: 0.5, previousContext: 0.3, answerName: 0.3, maxShare: 0.6 }

/** Most names taken from the previous answer: a quote can name many people in passing. */
const MAX_ANSWER_NAMES = 6
/** Days and months are written capitalised but name no one a pronoun could point at. */
const CALENDAR_WORDS: ReadonlySet<string> = new Set([...WEEKDAYS, ...MONTHS])

/** Openings of an elliptical question: it continues the previous one ("and the sanctions?"). */
const ELLIPTICAL_START = /^\s*(and|also|or|but|so|then|plus|what\s+about|how\s+about|what\s+else|anything\s+else|same\s+for)\b/i
/** Personal pronouns that point back: "what did he say", "did they agree", "when was it". */
const PERSONAL_PRONOUN = /\b(he|she|it|they|him|her|them|his|hers|its|their|theirs|himself|herself|itself|themselves)\b/i
/** The pronouns among them that stand for people, who may be named in the previous answer. */
const PERSON_PRONOUN = /\b(he|she|they|him|her|them|his|hers|their|theirs|himself|herself|themselves)\b/i
/** Pronouns that stand for a thing: after "what did Velotta unveil?", "it" is the thing the answer named. */
const THING_PRONOUN = /\b(it|its|itself)\b/i
/** "that" as a conjunction ("said that …") is no reference: only a demonstrative outside such a clause counts. */
const DEMONSTRATIVE = /\b(that|this|these|those)\b/i
const CONJUNCTION_THAT = /\b(say|says|said|claim|claims|claimed|think|thinks|thought|believe|believes|believed|report|reports|reported|agree|agreed|mean|means|meant|so|such|announce|announced|insist|insisted|deny|denied|confirm|confirmed)\s+that\b/gi
/** "there" ending a question points to a place ("who was there?"); "was there a …" is existential. */
const THERE_AT_END = /\bthere\s*[?.!]*\s*$/i
const ELSE = /\b(else|too|again|as\s+well)\b/i
/** A question that is only a question word, perhaps after "and": "and where?", "when?", "how many?". */
const BARE_QUESTION = /^\s*(?:and\s+|but\s+|so\s+)?(where|when|who|how\s+long|how\s+many|how\s+much)\s*[?.!]*\s*$/i
/** A question word: a fragment without one ("the sanctions?") is elliptical. */
const QUESTION_FORM = /\b(who|whom|whose|what|when|where|which|why|how|is|are|was|were|do|does|did|can|could|will|would|should|has|have|had|tell|list|show|give|explain|describe)\b/i

/**
 * True when `question` cannot be read on its own: it opens like a continuation ("and …", "what about
 * …"), points back with a pronoun ("he", "it", "that", "there"), asks for "else", has no word of its
 * own that says what it is about ("why?", "when was that?"), or is a short fragment with no question
 * form ("the sanctions?"). `ownTerms` is how many topic words the question has.
 */
export function isContextDependent(question: string, ownTerms: number): boolean {
  if (ELLIPTICAL_START.test(question) || PERSONAL_PRONOUN.test(question) || THERE_AT_END.test(question) || ELSE.test(question)) return true
  if (DEMONSTRATIVE.test(question.replace(CONJUNCTION_THAT, ' '))) return true
  if (ownTerms === 0) return true
  return tokenize(question).length <= 3 && !QUESTION_FORM.test(question)
}

/** What a question borrowed from its context, for the answer: the words in order and the weight of each. */
export interface ResolvedContext {
  analyzed: AnalyzedQuestion
  /** Empty when the question stands on its own: then `analyzed` is the question's own analysis, untouched. */
  shown: { contextWords?: string[]; contextWeights?: number[] }
}

/**
 * Reads `analyzed` in the context of the turns before it (oldest first; the last one is the turn it
 * follows). A question that stands on its own comes back unchanged, so it is answered exactly as
 * without context. A follow-up gets the previous question's topic words (and the words that question
 * had borrowed) and the names of its answer's first quote, each weighted below its own words; a
 * name of its own replaces the previous question's names ("and the mayor?"), and a question with no
 * form of its own ("and the bridge?") keeps the previous one's ("how long …").
 */
export function resolveContext(
  index: CorpusIndex,
  analyzed: AnalyzedQuestion,
  context: readonly ConversationTurn[] | undefined,
  weights: ContextWeights = DEFAULT_CONTEXT_WEIGHTS,
): ResolvedContext {
  const previous = context?.at(-1)
  if (!previous || previous.question.trim() === '' || !isContextDependent(analyzed.text, analyzed.terms.length)) return { analyzed, shown: {} }
  const before = analyzeQuestion(index, previous.question)
  const ownStems = new Set(analyzed.terms.map((term) => term.stem))
  const namesItself = analyzed.terms.some((term) => isNameIn(analyzed.text, term))
  const borrowed: Array<{ term: QuestionTerm; factor: number }> = []
  const borrow = (terms: QuestionTerm[], factor: number, keep: (term: QuestionTerm) => boolean = () => true) => {
    for (const term of terms) {
      if (ownStems.has(term.stem) || !keep(term)) continue
      ownStems.add(term.stem)
      borrowed.push({ term, factor })
    }
  }
  // The answer's names are what a "who"/"where" question asked for; else only a "he" or "they" with no
  // name in the previous question points at them (a quote names many people in passing), or an "it"
  // after a "what" question about a named subject ("what did Velotta unveil?" "how much does it cost?").
  const previousNamed = before.terms.some((term) => isNameIn(previous.question, term))
  const askedForName = (before.answerFeatures & FEATURE.properNoun) !== 0
  const pointsAtPerson = PERSON_PRONOUN.test(analyzed.text) && !previousNamed
  const pointsAtThing = THING_PRONOUN.test(analyzed.text) && previousNamed && /^\s*(what|which)\b/i.test(previous.question)
  const carryNames = !namesItself && (askedForName || pointsAtPerson || pointsAtThing)
  const asked = new Set(tokenize(`${previous.question} ${analyzed.text}`).map((token) => token.word))
  const names = carryNames ? namesIn(index, previous.quotes[0] ?? '', asked, before.terms) : []
  const nameTerms = names.length > 0 ? analyzeQuestion(index, names.join(' ')).terms : []
  // A pronoun that stands for the answer's name is that name: "how did she describe the talks?" after
  // "who is the Veskan trade minister?" asks about Hana Novak, so her name counts as much as the
  // previous question's words did, and those words, which only described her, count as older context.
  const referent = nameTerms.length > 0 && (PERSONAL_PRONOUN.test(analyzed.text) || DEMONSTRATIVE.test(analyzed.text.replace(CONJUNCTION_THAT, ' ')))
  if (referent) borrow(nameTerms, weights.previousQuestion)
  else borrow(before.terms, weights.previousQuestion, (term) => !(namesItself && isNameIn(previous.question, term)))
  if (previous.contextWords && previous.contextWords.length > 0 && !namesItself && !referent) {
    borrow(analyzeQuestion(index, previous.contextWords.join(' ')).terms, weights.previousContext)
  }
  if (!referent) borrow(nameTerms, weights.answerName)
  if (borrowed.length === 0) return { analyzed, shown: {} }
  // Borrowed words together weigh at most `maxShare` of the question's own: a long previous question
  // must not outvote the word a follow-up asks about ("what did the governor do there?").
  const mass = (terms: Array<{ term: QuestionTerm; factor: number }>) => terms.reduce((sum, { term, factor }) => sum + term.weight * term.idf * factor, 0)
  // Own words count here as nouns at least: "when was it played?" has only a verb, and still needs its topic.
  const ownMass = mass(analyzed.terms.map((term) => ({ term, factor: Math.max(1, 1 / term.weight) })))
  const borrowedMass = mass(borrowed)
  const scale = ownMass > 0 && borrowedMass > weights.maxShare * ownMass ? (weights.maxShare * ownMass) / borrowedMass : 1
  for (const entry of borrowed) entry.factor = Math.round(entry.factor * scale * 1000) / 1000
  // A bare continuation ("and the bridge?") asks what the previous question asked, of something else.
  // A bare question word ("and where?") asks it of the same thing: read as "where was it", a place.
  const bare = analyzed.terms.length === 0 ? BARE_QUESTION.exec(analyzed.text) : null
  const answerFeatures = bare
    ? analyzeQuestion(index, `${bare[1] ?? ''} was it`).answerFeatures
    : analyzed.answerFeatures === 0 && !QUESTION_FORM.test(analyzed.text) ? before.answerFeatures : analyzed.answerFeatures
  return {
    // A name of its own the corpus lacks (`missingTopic`) still marks the question as off the corpus.
    analyzed: { ...analyzed, answerFeatures, contextTerms: borrowed.length, terms: [...analyzed.terms, ...borrowed.map(({ term, factor }) => ({ ...term, weight: term.weight * factor }))] },
    shown: { contextWords: borrowed.map(({ term }) => term.asked), contextWeights: borrowed.map(({ factor }) => factor) },
  }
}

/** The turn to keep for the next question: the question asked, its quotes' texts, and what it borrowed. */
export function conversationTurn(answer: Answer): ConversationTurn {
  return {
    question: answer.question,
    quotes: answer.quotes.map((quote) => quote.text),
    ...(answer.contextWords && answer.contextWords.length > 0 ? { contextWords: answer.contextWords } : {}),
  }
}

/** True when `term` is written as a name in `text`: capitalised somewhere other than the text's first word. */
function isNameIn(text: string, term: QuestionTerm): boolean {
  const first = /[\p{L}\p{N}]/u.exec(text)?.index ?? 0
  for (const token of tokenize(text)) {
    if (token.word === term.asked && token.start > first && /\p{Lu}/u.test(text.charAt(token.start))) return true
  }
  return false
}

/**
 * Capitalised words of `text` that are not the first word of a sentence, nor function words, days or
 * months, and that the corpus knows and the conversation has not `asked` already: the names a
 * follow-up's "he", "they" or "it" most likely means. When the text holds the previous question's
 * words (`anchors`), only the run of names nearest to where most of them stand together is kept:
 * "Trade Minister Erik Solberg and Veskan Trade Minister Hana Novak" answers "who is the Veskan
 * trade minister?" with the name beside "Veskan trade minister", not the first name of the quote.
 */
function namesIn(index: CorpusIndex, text: string, asked: ReadonlySet<string>, anchors: readonly QuestionTerm[]): string[] {
  const tokens = tokenize(text)
  const runs: Array<{ words: string[]; from: number; to: number }> = []
  tokens.forEach((token, i) => {
    if (!/\p{Lu}/u.test(text.charAt(token.start))) return
    const before = text.slice(0, token.start).trimEnd()
    // A capital after a full stop, an opening quote or at the start is a sentence's, not a name's.
    if (before === '' || /[.!?:"“‘'(]$/u.test(before)) return
    if (QUESTION_STOP_WORDS.has(token.word) || INDEX_STOP_WORDS.has(token.word) || CALENDAR_WORDS.has(token.word) || asked.has(token.word)) return
    if (!index.docFreq.has(stemOf(index, token.word))) return
    const last = runs.at(-1)
    if (last && last.to === i - 1 && !/[,;]/.test(text.slice(tokens[i - 1]!.end, token.start))) {
      last.words.push(token.word)
      last.to = i
    } else runs.push({ words: [token.word], from: i, to: i })
  })
  const place = anchorPlace(index, tokens, anchors)
  const chosen = place ? runs.map((run) => ({ run, distance: Math.max(place.from - run.to, run.from - place.to) })).sort((a, b) => a.distance - b.distance).slice(0, 1).map(({ run }) => run) : runs
  const names: string[] = []
  for (const word of chosen.flatMap((run) => run.words)) if (!names.includes(word)) names.push(word)
  return names.slice(0, MAX_ANSWER_NAMES)
}

/**
 * Where in `tokens` the most of the `anchors` (by IDF) stand together, a gap of one word allowed
 * ("scored for Rovers"); undefined when none of them is there.
 */
function anchorPlace(index: CorpusIndex, tokens: ReturnType<typeof tokenize>, anchors: readonly QuestionTerm[]): { from: number; to: number } | undefined {
  const idfOf = new Map(anchors.map((term) => [term.stem, term.idf]))
  let best: { from: number; to: number; score: number } | undefined
  let current: { from: number; to: number; stems: Set<string> } | undefined
  const close = () => {
    if (!current) return
    const score = [...current.stems].reduce((sum, stem) => sum + (idfOf.get(stem) ?? 0), 0)
    if (!best || score > best.score) best = { from: current.from, to: current.to, score }
    current = undefined
  }
  tokens.forEach((token, i) => {
    const stem = stemOf(index, token.word)
    if (!idfOf.has(stem)) {
      if (current && i - current.to > 1) close()
      return
    }
    if (current) {
      current.stems.add(stem)
      current.to = i
    } else current = { from: i, to: i, stems: new Set([stem]) }
  })
  close()
  return best && { from: best.from, to: best.to }
}
