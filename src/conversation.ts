import { tokenize } from './analyzer.js'
import {
  BARE_QUESTION,
  BESIDES,
  CONJUNCTION_THAT,
  DEFINITE_SUBJECT,
  DEMONSTRATIVE,
  ELLIPTICAL_START,
  GENDERED_PRONOUNS,
  isContextDependent,
  PERSON_PRONOUN,
  PERSONAL_PRONOUN,
  PLURAL_NOUN,
  PLURAL_PRONOUN,
  pronounGender,
  QUESTION_FORM,
  REASON_TEXT,
  REPORTED_TEXT,
  samePronounKind,
  SAY_QUESTION,
  speakerText,
  SPEAKER_WORD,
  THING_PRONOUN,
  WHAT_NEXT,
  WHO_IS_NAMED,
  WHO_IS_THE,
  WHO_SAID,
  WHY_QUESTION,
} from './conversation-forms.js'
import { isNameIn, namesIn, nameRunsIn, sourcesWith } from './conversation-names.js'
import { givesReason, reasonNear, sentenceAfter } from './conversation-read-on.js'
import { analyzeQuestion, NOUN_MIN_WEIGHT, type AnalyzedQuestion, type QuestionTerm } from './question.js'
import { parsePassageId } from './passage-table.js'
import { FEATURE, idf, stemOf, stemsOf, type CorpusIndex } from './search.js'
import type { Answer, ConversationTurn } from './types.js'
import { HAS_DIGIT } from './letter-patterns.js'

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

/** How much a word before the last of a name borrowed from an answer counts, as a share of the last ("Sanne" of "Sanne Vos"). */
const GIVEN_NAME_SHARE = 0.5
/**
 * Least that each of a follow-up's own words counts, as a share of a noun, when capping the borrowed
 * words (`maxShare`): "when was it played?" has only a verb and still needs its topic, but in "when
 * will they report?" the verb must not be outweighed by "investigating the engine fire" borrowed from
 * before. Measured on the five follow-up sets: 1 (the old rule) and 0.7 differ by that one turn;
 * 0.6 gained two turns and lost two.
 */
const OWN_WORD_FLOOR = 0.7
/**
 * Nouns borrowed from the previous answer's first quote (its strongest, by weight and IDF) when that
 * answer is what the follow-up is about: for a pronoun after a "who" answered with no name, and for a
 * bare "why?".
 */
const ANSWER_NOUNS = 3
/** Words borrowed from the sentence after the previous answer for "what happened next?": enough to find it among its neighbours. */
const NEXT_SENTENCE_TERMS = 5

/** Words borrowed from the quote just shown for "who said that?": enough to find that quote again in its article. */
const SHOWN_QUOTE_TERMS = 6
/** "after the fourth round", "before the final": a time told by another event, which a bare "when?" may ask for. */
const RELATIVE_TIME = /\b(?:after|before|during)\s+(?:the|a|an|his|her|its|their)\s/i
/** "until when?", "since when?": it asks for the limit in time of what the quote just shown says. */
const LIMIT_QUESTION = /^\s*(?:(?:and|but|so)\s+)?(until|till|since)\s+when\s*[?.!]*\s*$/i
/** How much the asked kind of answer counts for a bare question word (see `AnalyzedQuestion.answerTypeWeight`). */
const BARE_TYPE_WEIGHT = 3
/**
 * How much a sentence in which the person a "what did she say?" stands for speaks counts: "what did
 * she promise customers?" asks for her words, not for another speaker's sentence about customers.
 */
const SPEAKER_TYPE_WEIGHT = 2
/** How much a reason counts for a "why?" with no noun of its own. */
const REASON_TYPE_WEIGHT = 2
/** Most words that say something between a name and the noun describing it: "Calder Print, the company" is 1. */
const DESCRIBED_NAME_DISTANCE = 1

/** What a question borrowed from its context, for the answer: the words in order and the weight of each. */
export interface ResolvedContext {
  analyzed: AnalyzedQuestion
  /** Empty when the question stands on its own: then `analyzed` is the question's own analysis, untouched. */
  shown: { contextWords?: string[]; contextWeights?: number[] }
  /**
   * Quotes the asker has just been shown and that cannot answer this question: "what happened next?"
   * asks for something after them, "who else?" for someone besides the answer's first quote. Absent
   * for any other question.
   */
  shownBefore?: ReadonlySet<string>
  /**
   * For "what happened next?": the question read on from the sentence after the previous answer's
   * first quote, to ask when the topic's words find nothing not shown already. For a "why?" after a
   * quote: when that quote gives no reason, the question read on from the sentence of its article
   * that gives one, nearest the quote, to ask when the topic's words find no more than one quote.
   */
  readOn?: {
    /** For a "why?": the quote just shown; when it gives no reason, the reason goes before it. */
    shownQuote?: string
    /**
     * The question read on, and the article to ask it of; undefined when there is none (the article
     * ends there, gives no reason, or the quote gives one itself). A call, made only when the answer
     * needs it, since it reads the article and tags sentences.
     */
    read: () => ReadOnContext | undefined
  }
  /**
   * For "who said that?" only: the quote just shown, its article, and the question that finds it there
   * (its own strongest words, a sentence that reports someone's words preferred). The answer shows
   * that quote first, as it names who said it ("…, the owner said"), then what the follow-up finds as
   * any other (where "The owner, Dara Velt, said …" may name them in full); and it is not compared
   * across sources, which do not disagree on who said one article's sentence.
   */
  speakerOf?: { quote: string; sourceId: string; analyzed: AnalyzedQuestion }
  /**
   * The previous answer's first quote, when the follow-up asks something it does not say: a word of
   * the follow-up's own that the corpus knows is missing from it ("what did she say?" after the
   * sentence that introduced her). The asker has read it, so another quote that ranks near it goes
   * first. Absent when the quote holds every word of the follow-up ("where?", "how many points?").
   */
  shownAnswer?: string
}

/** A question read on in the article of the answer just given (`ResolvedContext.readOn`). */
export type ReadOnContext = Omit<ResolvedContext, 'shownBefore' | 'readOn' | 'shownAnswer'> & { sourceId: string }

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
  if (!previous || previous.question.trim() === '') return { analyzed, shown: {} }
  const resolved = resolveFollowUp(index, analyzed, previous, weights)
  const speakerOf = whoSaidThat(index, analyzed, previous, weights)
  return speakerOf ? { ...resolved, speakerOf } : resolved
}

/** `resolveContext` of a question that follows the turn `previous`, "who said that?" aside. */
function resolveFollowUp(index: CorpusIndex, analyzed: AnalyzedQuestion, previous: ConversationTurn, weights: ContextWeights): ResolvedContext {
  // "then" ends "why did it fail then?" as "in that case", not "after that".
  const next = WHY_QUESTION.test(analyzed.text) ? null : WHAT_NEXT.exec(analyzed.text)
  // In "what happened next?" the "next" says when, not what about: as a topic word it finds "next month".
  if (next) analyzed = withoutWords(analyzed, next[1] ?? '')
  // A question of verbs alone ("who is investigating?", "who paid?") says what happened but not to
  // what: in a conversation, that is the thing talked about.
  const ownNoun = analyzed.terms.some((term) => term.weight >= NOUN_MIN_WEIGHT)
  // "what did the company say?" after an answer that wrote "Calder Print, the company that …": the
  // company is the one that answer named, as a pronoun would be.
  const described = namesDescribedBy(index, analyzed, previous)
  if (!isContextDependent(analyzed.text, analyzed.terms.length) && ownNoun && described.length === 0) return { analyzed, shown: {} }
  const before = analyzeQuestion(index, previous.question)
  const ownStems = new Set(analyzed.terms.map((term) => term.stem))
  const namesItself = analyzed.terms.some((term) => isNameIn(analyzed.text, term))
  // "what about the judge in the Dunmore trial?" after a question about an air crash names another
  // story: its names share no article with the conversation's, so it borrows no words, only the form
  // of the question it continues.
  if (namesItself && !sharesArticle(index, analyzed, before, previous)) return { analyzed: withFormOf(index, analyzed, before), shown: {} }
  const borrowed: Array<{ term: QuestionTerm; factor: number }> = []
  // What share of its factor a borrowed word keeps, by the word as asked (1 when absent).
  const share = new Map<string, number>()
  const borrow = (terms: QuestionTerm[], factor: number, keep: (term: QuestionTerm) => boolean = () => true) => {
    for (const term of terms) {
      if (ownStems.has(term.stem) || !keep(term)) continue
      ownStems.add(term.stem)
      borrowed.push({ term, factor: factor * (share.get(term.asked) ?? 1) })
    }
  }
  // The answer's names are what a "who"/"where" question asked for; else only a "he" or "they" with no
  // name in the previous question points at them (a quote names many people in passing), or an "it"
  // after a "what" question about a named subject ("what did Velotta unveil?" "how much does it cost?").
  const previousNamed = before.terms.some((term) => isNameIn(previous.question, term))
  const askedForName = (before.answerFeatures & FEATURE.properNoun) !== 0
  // "they" after "when were the students rescued?" is the students, not the rescuers the answer names:
  // a previous question that did not ask who, about a plural noun of its own, says who "they" are.
  const theyAreAsked = !askedForName && PLURAL_PRONOUN.test(analyzed.text) && pronounGender(analyzed.text) === undefined && before.terms.some((term) => isNoun(term) && !term.name && PLURAL_NOUN.test(term.asked))
  const pointsAtPerson = PERSON_PRONOUN.test(analyzed.text) && !previousNamed && !theyAreAsked
  // "who opened it?" after "who designed the museum?": an "it" is no person, so it is the thing the
  // previous question was about, not the name its answer gave.
  // A demonstrative is a thing's too: in "how long will that take?" after "who is investigating it?",
  // "that" is the investigation, not the investigator the answer named.
  const thingOnly = (THING_PRONOUN.test(analyzed.text) || DEMONSTRATIVE.test(analyzed.text.replace(CONJUNCTION_THAT, ' '))) && !PERSON_PRONOUN.test(analyzed.text)
  // "what did Velotta unveil?" names no thing of its own, so a following "it" is the thing the answer
  // named; "what caused the fire at the plant?" does ("the fire"), and a following "it" is that.
  const previousNamesThing = before.terms.some((term) => !term.name && term.weight >= NOUN_MIN_WEIGHT)
  const pointsAtThing = thingOnly && previousNamed && !previousNamesThing && /^\s*(what|which)\b/i.test(previous.question)
  // A name of its own replaces the previous answer's ("and the mayor?"), unless a pronoun still
  // stands for someone the previous question did not name: after "who was the judge?", the "she" of
  // "what did she tell Lamm?" is the judge; after "who went with Mayor Kell?", the "he" of "where did
  // he meet the minister?" may be Kell himself.
  // After "who is Paulo Reis?", "he" is Reis, whose name the follow-up borrows with the previous
  // question's words, and not someone his description names ("appeal to the Chess Federation").
  const askedWhoNamedIs = previousNamed && WHO_IS_NAMED.test(previous.question)
  const carryNames = !askedWhoNamedIs && (!namesItself || pointsAtPerson) && (thingOnly ? pointsAtThing : askedForName || pointsAtPerson)
  const asked = new Set(tokenize(`${previous.question} ${analyzed.text}`).map((token) => token.word))
  // After "who was the captain of flight NA417?", only a quote that names a captain says who "she"
  // is: a quote about the flight names the airline beside "flight NA417", and no captain at all.
  const role = roleAsked(index, previous.question)
  const quotesNamed = role === undefined ? previous.quotes : previous.quotes.filter((quote) => stemsOf(index, quote).has(role.stem))
  const previousContext = previous.contextWords && previous.contextWords.length > 0 && !namesItself ? analyzeQuestion(index, previous.contextWords.join(' ')).terms : []
  // Older context keeps the shape it had: a word it borrowed at half of another's weight still counts half as much.
  const previousWeights = previous.contextWeights ?? []
  const heaviest = Math.max(0, ...previousWeights)
  if (heaviest > 0) previous.contextWords?.forEach((word, i) => share.set(word, (previousWeights[i] ?? heaviest) / heaviest))
  // "her" after "how long has she been flying?" is the same woman, whom the previous turn resolved
  // already: not a name the answer to it gave in passing (the flight's airports).
  const samePerson = previousContext.length > 0 && GENDERED_PRONOUNS.some((pronoun) => pronoun.test(previous.question) && pronoun.test(analyzed.text))
  // "how?" has no words of its own: what it asked about is what it borrowed.
  const anchors = before.terms.length > 0 ? before.terms : previousContext
  const names = described.length > 0 ? described : carryNames && !samePerson ? namesIn(index, quotesNamed, asked, anchors, pronounGender(analyzed.text)) : []
  const nameTerms = names.length > 0 ? analyzeQuestion(index, names.map(({ word }) => word).join(' ')).terms : []
  // A name's last word is the one later sentences repeat ("Vos said …" after "the Dutch player Sanne
  // Vos"): the words before it count for less, so the sentence that wrote the name in full does not
  // outweigh the ones about her.
  for (const { word, head } of names) if (!head) share.set(word, GIVEN_NAME_SHARE)
  // A pronoun that stands for the answer's name is that name: "how did she describe the talks?" after
  // "who is the Veskan trade minister?" asks about Hana Novak, so her name counts as much as the
  // previous question's words did, and those words, which only described her, count as older context.
  const referent = nameTerms.length > 0 && (described.length > 0 || PERSONAL_PRONOUN.test(analyzed.text) || DEMONSTRATIVE.test(analyzed.text.replace(CONJUNCTION_THAT, ' ')))
  // The same pronoun twice in a row stands for the same thing: in "how long did it take to build?"
  // then "who opened it?", the second "it" is what the first one borrowed (the museum), and the
  // first question's own words ("take", "build") are only older context.
  const samePronoun = previousContext.length > 0 && !referent && samePronounKind(previous.question, analyzed.text)
  const pointsBack = PERSONAL_PRONOUN.test(analyzed.text) || DEMONSTRATIVE.test(analyzed.text.replace(CONJUNCTION_THAT, ' '))
  const unnamedAnswer = (askedForName || /\bwhom\b/i.test(previous.question)) && !previousNamed && names.length === 0 && !samePerson && !namesItself && pointsBack
  // After "who says that was too late?" answered "… but farmers say the warning came too late", the
  // "they" of "what did they lose?" is who speaks there, the word before the reporting verb: it
  // stands for them as a name would, in place of the words that asked who they were.
  const speaker = unnamedAnswer && REPORTED_TEXT.test(previous.question) && previous.quotes[0] !== undefined ? SPEAKER_WORD.exec(previous.quotes[0])?.[1] : undefined
  const speakerTerms = speaker === undefined || !PERSON_PRONOUN.test(analyzed.text) ? [] : analyzeQuestion(index, speaker).terms.filter((term) => isNoun(term) && !term.name && !asked.has(term.asked))
  if (speakerTerms.length > 0) borrow(speakerTerms, weights.previousQuestion)
  else if (referent) borrow(nameTerms, weights.previousQuestion)
  else if (samePronoun) borrow(previousContext, weights.previousQuestion)
  // "what happened next?" after "was Lamm found guilty?" asks about Lamm, past the verdict just
  // given: the previous question's things carry over, its verbs ("found guilty") say what is done.
  else borrow(next && before.terms.some(isNoun) ? before.terms.filter(isNoun) : before.terms, weights.previousQuestion, (term) => !(namesItself && isNameIn(previous.question, term)))
  // The speaker, like a name, stands in for the words that asked about them.
  const standsIn = referent || speakerTerms.length > 0
  if (samePronoun && !standsIn) borrow(before.terms, weights.previousContext)
  else if (!standsIn) borrow(previousContext, weights.previousContext)
  if (!standsIn) borrow(nameTerms, weights.answerName)
  // After a "who" question answered without a name ("The national energy regulator has opened an
  // inquiry", "farmers say the warning came too late"), a pronoun stands for the noun that answered
  // it: the answer's own words say what "it" or "they" is, as a name would.
  // A bare "why?" after a question of its own asks why the answer just given is so: its words say what that is.
  const whyAnswer = WHY_QUESTION.test(analyzed.text) && analyzed.terms.length === 0 && before.terms.length > 0
  if ((unnamedAnswer || whyAnswer) && speakerTerms.length === 0 && previous.quotes[0] !== undefined) {
    const answerTerms = analyzeQuestion(index, previous.quotes[0]).terms.filter((term) => isNoun(term) && !term.name && !HAS_DIGIT.test(term.asked) && !asked.has(term.asked))
    borrow(strongestTerms(answerTerms, ANSWER_NOUNS), weights.answerName)
  }
  // "what did she tell Lamm?" after "who was the judge?": she may speak as "the judge told him", so
  // the role counts as older context beside her name.
  if (referent && SAY_QUESTION.test(analyzed.text) && role !== undefined) borrow(before.terms.filter((term) => term.stem === role.stem), weights.previousContext)
  if (borrowed.length === 0) return { analyzed, shown: {} }
  // "until when?" after "production had been stopped until the investigation was finished": the
  // shown quote's own "until …" is the answer asked for, which need be no date, so a sentence that
  // says "until" about the topic holds it, rather than any sentence with a date.
  const limit = analyzed.terms.length === 0 ? LIMIT_QUESTION.exec(analyzed.text)?.[1]?.toLowerCase() : undefined
  // eslint-disable-next-line no-restricted-syntax -- it holds the asked limit word
  const limitPattern = limit === undefined ? undefined : new RegExp(`\\b${limit}\\b`, 'i')
  const limitText = limitPattern && previous.quotes[0] !== undefined && limitPattern.test(previous.quotes[0]) ? limitPattern : undefined
  const answerFeatures = limitText ? 0 : withFormOf(index, analyzed, before).answerFeatures
  // "why?" asks for a reason, which seldom repeats the question's words: a sentence that gives one
  // ("because", "blamed", "after") about the topic counts as holding the answer.
  const why = WHY_QUESTION.test(analyzed.text)
  // "what did she say?" asks for a sentence that has the borrowed person speak: her name, then a
  // reporting verb ("Vos said she was sad"), not any sentence that says "said".
  const speakers = !why && SAY_QUESTION.test(analyzed.text) ? borrowed.filter(({ term }) => previous.quotes.some((quote) => isNameIn(quote, term)) || isNameIn(previous.question, term)) : []
  // After "who was the judge?", the judge may speak as "the judge told him" as well as by name.
  const roleWord = speakers.length > 0 ? role?.word : undefined
  // A bare "when?" may be answered by an event as well as by a date ("complained after the fourth round").
  const relative = analyzed.terms.length === 0 && /^when$/i.test(BARE_QUESTION.exec(analyzed.text)?.[1] ?? '') ? RELATIVE_TIME : undefined
  const hook = why ? REASON_TEXT : (limitText ?? relative ?? (speakers.length > 0 ? speakerText([...speakers.map(({ term }) => term.asked), ...(roleWord === undefined ? [] : [`the ${roleWord}`])]) : undefined))
  // A question with no word of its own ("by how much?", "when was that?") asks only for a kind of
  // answer: that kind counts for more than the borrowed words, which only say what it is about, and
  // a question with a word of its own ("how long did it burn?") keeps the usual balance. A "why?"
  // with no noun of its own ("why did it stop?") counts a reason for somewhat more; a reason is told
  // in too many ways ("because", "blamed", "due to") for it to count as much as a figure does.
  const typeOnly = analyzed.terms.length === 0 && answerFeatures !== 0
  const withBorrowed = (words: Array<{ term: QuestionTerm; factor: number }>): Omit<ResolvedContext, 'shownBefore' | 'readOn' | 'shownAnswer'> => {
    const capped = capBorrowed(index, analyzed.terms, words, weights.maxShare)
    return {
      // A name of its own the corpus lacks (`missingTopic`) still marks the question as off the corpus.
      analyzed: {
        ...analyzed,
        answerFeatures,
        contextTerms: capped.length,
        terms: [...analyzed.terms, ...capped.map(({ term, factor }) => ({ ...term, weight: term.weight * factor }))],
        ...(hook ? { answerText: hook } : {}),
        ...(typeOnly || limitText ? { answerTypeWeight: BARE_TYPE_WEIGHT } : why && !ownNoun ? { answerTypeWeight: REASON_TYPE_WEIGHT } : speakers.length > 0 ? { answerTypeWeight: SPEAKER_TYPE_WEIGHT } : {}),
      },
      shown: { contextWords: capped.map(({ term }) => term.asked), contextWeights: capped.map(({ factor }) => factor) },
    }
  }
  // Reading on in the article of the answer just given: the words of the sentence found there find
  // it, though it may share no word with the topic.
  const readOnAt = (sentence: { text: string; sourceId: string } | undefined): ReadOnContext | undefined => {
    const terms = sentence ? strongestTerms(analyzeQuestion(index, sentence.text).terms, NEXT_SENTENCE_TERMS).filter((term) => !ownStems.has(term.stem)) : []
    if (!sentence || terms.length === 0) return undefined
    return { ...withBorrowed([...borrowed, ...terms.map((term) => ({ term, factor: weights.previousQuestion }))]), sourceId: sentence.sourceId }
  }
  // "who else?" is not answered by the quote that answered the question before it.
  const shownFirst = previous.quotes[0]
  if (!next) {
    if (shownFirst !== undefined && BESIDES.test(analyzed.text)) return { ...withBorrowed(borrowed), shownBefore: new Set([shownFirst]) }
    const quoteStems = shownFirst === undefined ? undefined : stemsOf(index, shownFirst)
    // A "what did she say?" has no word of its own: the shown quote says it only if she speaks in it.
    const asksBeyond =
      quoteStems !== undefined &&
      (analyzed.terms.some((term) => isKnown(index, term) && !term.variants.some((variant) => quoteStems.has(variant.stem))) || (speakers.length > 0 && hook !== undefined && !hook.test(shownFirst ?? '')))
    // A "why?" that the quote just shown gives no reason for ("The ferry ran aground on a sandbank …")
    // may find the reason only in that quote's article, in words that share none with the topic
    // ("Investigators believe a faulty steering pump caused the grounding"): that sentence's words find it.
    return {
      ...withBorrowed(borrowed),
      ...(asksBeyond ? { shownAnswer: shownFirst } : {}),
      ...(why && shownFirst !== undefined ? { readOn: { shownQuote: shownFirst, read: () => (givesReason(shownFirst) ? undefined : readOnAt(reasonNear(index, previous))) } } : {}),
    }
  }
  // "what happened next?" when the topic finds nothing new: what the article tells after the answer
  // just given, the sentence that follows its first quote.
  return {
    ...withBorrowed(borrowed),
    shownBefore: new Set(previous.quotes),
    ...(namesItself ? {} : { readOn: { read: () => readOnAt(sentenceAfter(index, previous)) } }),
  }
}

/**
 * The name the previous answer's first quote gives right beside the common noun that is the subject
 * of a question for what someone said ("what did the company say?" after "The man works at Calder
 * Print, the company that printed the papers"): a definite noun asked about alone stands for the one
 * just described by it. Empty when the question has a name or another noun of its own, or the quote
 * names no one there.
 */
function namesDescribedBy(index: CorpusIndex, analyzed: AnalyzedQuestion, previous: ConversationTurn): Array<{ word: string; head: boolean }> {
  // Only a speaker is asked about so: "how long will the repairs take?" asks of the repairs themselves.
  const subject = SAY_QUESTION.test(analyzed.text) ? DEFINITE_SUBJECT.exec(analyzed.text)?.[1]?.toLowerCase() : undefined
  const nouns = analyzed.terms.filter(isNoun)
  const noun = nouns[0]
  const quote = previous.quotes[0]
  if (subject === undefined || nouns.length !== 1 || noun === undefined || noun.asked !== subject || isNameIn(analyzed.text, noun) || quote === undefined) return []
  const asked = new Set(tokenize(`${previous.question} ${analyzed.text}`).map((token) => token.word))
  const { runs, distance } = nameRunsIn(index, quote, asked, [noun])
  if (distance > DESCRIBED_NAME_DISTANCE) return []
  const names: Array<{ word: string; head: boolean }> = []
  for (const run of runs) run.words.forEach((word, i) => names.some((name) => name.word === word) || names.push({ word, head: i === run.words.length - 1 }))
  return names
}

/**
 * For "who said that?": the quote just shown, its article, and the question that finds it there (see
 * `ResolvedContext.speakerOf`). Undefined for any other question, or when the previous turn showed no
 * quote.
 */
function whoSaidThat(index: CorpusIndex, analyzed: AnalyzedQuestion, previous: ConversationTurn, weights: ContextWeights): ResolvedContext['speakerOf'] {
  const quote = previous.quotes[0]
  const passageId = previous.passageIds?.[0]
  const sourceId = passageId === undefined ? undefined : parsePassageId(passageId)?.sourceId
  if (!WHO_SAID.test(analyzed.text) || quote === undefined || sourceId === undefined) return undefined
  const ownStems = new Set(analyzed.terms.map((term) => term.stem))
  const borrowed = strongestTerms(analyzeQuestion(index, quote).terms, SHOWN_QUOTE_TERMS).filter((term) => !ownStems.has(term.stem))
  if (borrowed.length === 0) return undefined
  const terms = [...analyzed.terms, ...borrowed.map((term) => ({ ...term, weight: term.weight * weights.previousQuestion }))]
  return { quote, sourceId, analyzed: { ...analyzed, contextTerms: borrowed.length, terms, answerText: REPORTED_TEXT } }
}

/**
 * `borrowed` with each factor scaled so that together they weigh at most `maxShare` of the
 * question's `own` words (by weight and IDF): a long previous question must not outvote the word a
 * follow-up asks about ("what did the governor do there?"). A question with no word of its own
 * ("why?") takes them as they are.
 */
function capBorrowed(index: CorpusIndex, own: readonly QuestionTerm[], borrowed: ReadonlyArray<{ term: QuestionTerm; factor: number }>, maxShare: number): Array<{ term: QuestionTerm; factor: number }> {
  const mass = (terms: ReadonlyArray<{ term: QuestionTerm; factor: number }>) => terms.reduce((sum, { term, factor }) => sum + term.weight * term.idf * factor, 0)
  // Own words count here as `OWN_WORD_FLOOR` of a noun at least: a verb alone still needs its topic.
  // A word the corpus lacks in every form ("why did it fail?") matches nothing, so it outweighs nothing.
  // A word the corpus has only in another word ("hurt" asked, "injuries" written) weighs as that word does where it matches.
  const ownMass = mass(own.filter((term) => isKnown(index, term)).map((term) => ({ term, factor: Math.max(1, OWN_WORD_FLOOR / term.weight) * matchedShare(index, term) })))
  const borrowedMass = mass(borrowed)
  const scale = ownMass > 0 && borrowedMass > maxShare * ownMass ? (maxShare * ownMass) / borrowedMass : 1
  return borrowed.map(({ term, factor }) => ({ term, factor: Math.round(factor * scale * 1000) / 1000 }))
}

/** The `count` terms that say most (by weight and IDF), in their order: enough to find their sentence. */
function strongestTerms(terms: readonly QuestionTerm[], count: number): QuestionTerm[] {
  const kept = new Set([...terms].sort((a, b) => b.weight * b.idf - a.weight * a.idf).slice(0, count))
  return terms.filter((term) => kept.has(term))
}

/**
 * The role a "who is the …?" question asks the holder of, as asked and as stemmed: "captain" in "who
 * was the captain of flight NA417?", "minister" in "who is the Veskan trade minister?" (the last word
 * of the phrase is its head). Undefined for any other question.
 */
function roleAsked(index: CorpusIndex, question: string): { word: string; stem: string } | undefined {
  const phrase = WHO_IS_THE.exec(question)?.[1]
  const head = phrase === undefined ? undefined : tokenize(phrase).at(-1)?.word
  return head === undefined ? undefined : { word: head, stem: stemOf(index, head) }
}

/** True for a noun or a name, by its weight (see `analyzeQuestion`'s weights by part of speech). */
function isNoun(term: QuestionTerm): boolean {
  return term.weight >= NOUN_MIN_WEIGHT
}

/** `analyzed` without the terms asked as one of the words of `text`. */
function withoutWords(analyzed: AnalyzedQuestion, text: string): AnalyzedQuestion {
  const words = new Set(tokenize(text).map((token) => token.word))
  const terms = analyzed.terms.filter((term) => !words.has(term.asked))
  return terms.length === analyzed.terms.length ? analyzed : { ...analyzed, terms }
}

/**
 * How much of its own weight and IDF `term` carries where the corpus has it: 1 when the corpus holds
 * the asked word, else its best form or synonym there (weight times IDF, over the asked word's IDF).
 */
function matchedShare(index: CorpusIndex, term: QuestionTerm): number {
  if (index.docFreq.has(term.stem) || term.idf <= 0) return 1
  const best = Math.max(0, ...term.variants.filter((variant) => index.docFreq.has(variant.stem)).map((variant) => variant.weight * idf(index, variant.stem)))
  return Math.min(1, best / term.idf)
}

/** True when the corpus holds `term` in any of its forms, corrections or synonyms. */
function isKnown(index: CorpusIndex, term: QuestionTerm): boolean {
  return term.variants.some((variant) => index.docFreq.has(variant.stem))
}

/**
 * `analyzed` with the kind of answer it asks for read in the light of the question `before` it. A
 * bare continuation ("and the bridge?") asks what the previous question asked, of something else; a
 * bare question word ("and where?") asks it of the same thing: read as "where was it", a place.
 * "what about the judge?" is as bare as "and the judge?": its "what" only opens the continuation.
 */
function withFormOf(index: CorpusIndex, analyzed: AnalyzedQuestion, before: AnalyzedQuestion): AnalyzedQuestion {
  const bare = analyzed.terms.length === 0 ? BARE_QUESTION.exec(analyzed.text) : null
  const answerFeatures = bare
    ? analyzeQuestion(index, `${bare[1] ?? ''} was it`).answerFeatures
    : analyzed.answerFeatures === 0 && !QUESTION_FORM.test(analyzed.text.replace(ELLIPTICAL_START, '')) ? before.answerFeatures : analyzed.answerFeatures
  return answerFeatures === analyzed.answerFeatures ? analyzed : { ...analyzed, answerFeatures }
}

/**
 * False when the names `analyzed` gives itself share no article with the names of the turn it
 * follows (its question's, and its answer's first quote's): the question has moved to another story.
 * True when either side names nothing the corpus knows, since then nothing says the topic moved.
 */
function sharesArticle(index: CorpusIndex, analyzed: AnalyzedQuestion, before: AnalyzedQuestion, previous: ConversationTurn): boolean {
  const own = analyzed.terms.filter((term) => isNameIn(analyzed.text, term) && index.docFreq.has(term.stem)).map((term) => term.stem)
  const earlier = [
    ...before.terms.filter((term) => isNameIn(previous.question, term) && index.docFreq.has(term.stem)).map((term) => term.stem),
    ...nameRunsIn(index, previous.quotes[0] ?? '', new Set(), []).runs.flatMap((run) => run.words.map((word) => stemOf(index, word))),
  ]
  if (own.length === 0 || earlier.length === 0) return true
  const articles = sourcesWith(index, own)
  for (const source of sourcesWith(index, earlier)) if (articles.has(source)) return true
  return false
}

/** The turn to keep for the next question: the question asked, its quotes' texts, and what it borrowed. */
export function conversationTurn(answer: Answer): ConversationTurn {
  return {
    question: answer.question,
    quotes: answer.quotes.map((quote) => quote.text),
    passageIds: answer.quotes.map((quote) => quote.passageId),
    ...(answer.contextWords && answer.contextWords.length > 0 ? { contextWords: answer.contextWords, ...(answer.contextWeights ? { contextWeights: answer.contextWeights } : {}) } : {}),
  }
}

