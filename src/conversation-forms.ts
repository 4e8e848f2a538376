import { tokenize } from './analyzer.js'
import type { Gender } from './conversation-names.js'

/**
 * How a follow-up is worded: whether it leans on the conversation before it (a continuation, a
 * pronoun, "else", no word of its own), which kind of pronoun it points back with, and what kind of
 * answer its form asks for (a reason, someone's words, who said the quote just shown). Patterns of
 * general English only; which words a follow-up borrows is `src/conversation.ts`.
 */

/** "who is the Veskan trade minister?", "who was the captain of …": the phrase naming the role asked about. */
export const WHO_IS_THE = /^\s*who\s+(?:is|was|are|were)\s+(?:the|a|an)\s+(.+?)(?:\s+(?:of|in|at|for|on|from|with|who|that|during)\b|\s*[?.!,]|\s*$)/i
/** "who is Paulo Reis?", "who was Anders Rolf?": it asks who a named person is (no article before the name). */
export const WHO_IS_NAMED = /^\s*who\s+(?:is|was|are|were)\s+(?!the\b|a\b|an\b)\S/i
/** Openings of an elliptical question: it continues the previous one ("and the sanctions?"). */
export const ELLIPTICAL_START = /^\s*(and|also|or|but|so|then|plus|what\s+about|how\s+about|what\s+else|anything\s+else|same\s+for)\b/i
/** Personal pronouns that point back: "what did he say", "did they agree", "when was it". */
export const PERSONAL_PRONOUN = /\b(he|she|it|they|him|her|them|his|hers|its|their|theirs|himself|herself|itself|themselves)\b/i
/** The pronouns among them that stand for people, who may be named in the previous answer. */
export const PERSON_PRONOUN = /\b(he|she|they|him|her|them|his|hers|their|theirs|himself|herself|themselves)\b/i
/** A person's pronouns by kind: two of one kind in a row stand for the same person. */
export const GENDERED_PRONOUNS: readonly RegExp[] = [/\b(he|him|his|himself)\b/i, /\b(she|her|hers|herself)\b/i, /\b(they|them|their|theirs|themselves)\b/i]
/** The plural personal pronouns: "they" may stand for the people a previous question asked about. */
export const PLURAL_PRONOUN = /\b(they|them|their|theirs|themselves)\b/i
/** An English plural noun as asked ("students", "workers"), not a word that merely ends in "s" ("bus", "glass", "status"). */
export const PLURAL_NOUN = /\p{L}{2}[^su'’]s$/iu
/** Pronouns that stand for a thing: after "what did Velotta unveil?", "it" is the thing the answer named. */
export const THING_PRONOUN = /\b(it|its|itself)\b/i
/** "that" as a conjunction ("said that …") is no reference: only a demonstrative outside such a clause counts. */
export const DEMONSTRATIVE = /\b(that|this|these|those)\b/i
/** "said that …", "so that …": the "that" a demonstrative is not, removed before looking for one. */
export const CONJUNCTION_THAT = /\b(say|says|said|claim|claims|claimed|think|thinks|thought|believe|believes|believed|report|reports|reported|agree|agreed|mean|means|meant|so|such|announce|announced|insist|insisted|deny|denied|confirm|confirmed)\s+that\b/gi
/** "there" ending a question points to a place ("who was there?"); "was there a …" is existential. */
const THERE_AT_END = /\bthere\s*[?.!]*\s*$/i
const ELSE = /\b(else|too|again|as\s+well)\b/i
/** "who else?", "what else did they find?": it asks for something besides the answer just given. */
export const BESIDES = /\belse\b/i
/** "what happened next?", "and then?", "what did they do afterwards?": it asks what followed the previous answer. */
export const WHAT_NEXT = /\b(next|then|afterwards|later\s+on|after\s+(?:that|this))\s*[?.!]*\s*$/i
/**
 * A question that is only a question word, perhaps after "and" or a preposition: "and where?",
 * "when?", "by how much?", "since when?". It asks for the kind of answer and for nothing else.
 */
export const BARE_QUESTION = /^\s*(?:(?:and|but|so)\s+)?(?:(?:by|for|from|to|since|until|till|with)\s+)?(where|when|who|whom|how\s+long|how\s+many|how\s+much)\s*[?.!]*\s*$/i
/** "why?", "why so?", "why not?", "how come?", "what for?", "why did it happen?": it asks for a reason. */
export const WHY_QUESTION = /^\s*(?:(?:and|but|so)\s+)?(?:why\b|how\s+come\b|what\s+for\b|for\s+what\s+reason\b|what\s+(?:caused|led\s+to)\b)/i
/**
 * Words that introduce a reason or a cause in English: where the answer to a "why?" stands even when
 * it shares no word with the question ("Engineers blamed three days of torrential rain").
 */
export const REASON_TEXT = /\b(because|since|due\s+to|owing\s+to|thanks\s+to|as\s+a\s+result|result\s+of|caused|causing|cause|blamed|blames|blame|led\s+to|leading\s+to|prompted|triggered|so\s+that|in\s+order\s+to|amid|in\s+protest|in\s+response\s+to|reason|why)\b/i
/**
 * "what did she say?", "what did they promise?", "how did he respond?": it asks for what someone
 * said, so the answer is a sentence that reports their words, which may share no other word with the
 * conversation. A "who said that?" asks for the speaker instead, and is no such question.
 */
export const SAY_QUESTION = /^\s*(?:(?:and|but|so)\s+)?(?:what|how)\b.*\b(say|said|says|tell|told|promise|promised|announce|announced|claim|claimed|warn|warned|respond|responded|reply|replied|add|added|admit|admitted|deny|denied|describe|described|explain|explained)\b/i
/** English reporting verbs, as a sentence reports someone's words ("Vos said", "Sollberg announced", "according to"). */
const REPORTING_VERBS = 'said|says|say|told|tells|added|adds|announced|announces|stated|states|insisted|argued|explained|warned|promised|claimed|admitted|denied|replied|responded|wrote|described|describes|according\\s+to'
/**
 * "who said that?", "who said so?", "who told them that?", "says who?", "according to whom?": it asks
 * who said the quote just shown, not who answers its question.
 */
export const WHO_SAID = /^\s*(?:(?:and|but|so)\s+)?(?:who\s+(?:said|says|say|told|tells|claimed|claims|announced|stated|reported|wrote|promised|warned|suggested|thinks|believes)(?:\s+(?:them|us|you|him|her|reporters))?(?:\s+(?:that|so|this|it))?|says\s+who|according\s+to\s+(?:whom|who))\s*[?.!]*\s*$/i
/** A sentence that reports someone's words: where a quote's speaker is named. */
export const REPORTED_TEXT = new RegExp(`\\b(?:${REPORTING_VERBS})\\b`, 'i')
/** "farmers say", "police said": the word right before a reporting verb, who speaks in a sentence that names no one. */
export const SPEAKER_WORD = new RegExp(`(\\p{L}+)\\s+(?:${REPORTING_VERBS})\\b`, 'iu')
/** Words between a speaker's name and the reporting verb that still make them the speaker ("Gridwise, the contractor, said"). */
const SPEAKER_GAP_WORDS = 3
/**
 * "what did the company say?", "how has the zoo responded?": a common noun after "the" as the subject
 * of a question, which may stand for the one the answer before it described with that noun.
 */
export const DEFINITE_SUBJECT = /\b(?:did|does|do|has|have|had|will|would|is|was|are|were|can|could)\s+the\s+(\p{L}+)\b/iu
/** A question word: a fragment without one ("the sanctions?") is elliptical. */
export const QUESTION_FORM = /\b(who|whom|whose|what|when|where|which|why|how|is|are|was|were|do|does|did|can|could|will|would|should|has|have|had|tell|list|show|give|explain|describe)\b/i
/**
 * True when `question` cannot be read on its own: it opens like a continuation ("and …", "what about
 * …"), points back with a pronoun ("he", "it", "that", "there"), asks for "else", has no word of its
 * own that says what it is about ("why?", "when was that?"), or is a short fragment with no question
 * form ("the sanctions?"). `ownTerms` is how many topic words the question has.
 */
export function isContextDependent(question: string, ownTerms: number): boolean {
  if (ELLIPTICAL_START.test(question) || PERSONAL_PRONOUN.test(question) || THERE_AT_END.test(question) || ELSE.test(question) || WHAT_NEXT.test(question)) return true
  if (DEMONSTRATIVE.test(question.replace(CONJUNCTION_THAT, ' '))) return true
  if (ownTerms === 0) return true
  return tokenize(question).length <= 3 && !QUESTION_FORM.test(question)
}

/**
 * A pattern for a sentence in which one of `names` speaks: the name, a few words, then a reporting
 * verb ("Gridwise said", "Sollberg announced on Wednesday"), or a reporting verb just before it
 * ("said Reis", "according to Hartmann").
 */
export function speakerText(names: readonly string[]): RegExp {
  const name = `(?:${names.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`
  const gap = `(?:[\\s,]+[\\p{L}\\p{N}'’-]+){0,${SPEAKER_GAP_WORDS}}`
  // eslint-disable-next-line no-restricted-syntax -- it holds the names
  return new RegExp(`\\b${name}\\b${gap}[\\s,]+(?:${REPORTING_VERBS})\\b|\\b(?:${REPORTING_VERBS})[\\s,]+(?:[\\p{L}'’-]+\\s+){0,2}${name}\\b`, 'iu')
}

/**
 * "he" or "she" when the question points back with that person's pronouns; with both, the one written
 * first, the subject of an English question ("what did he say about her?" asks what he said).
 * Undefined for "they", "it", or neither.
 */
export function pronounGender(question: string): Gender | undefined {
  const he = GENDERED_PRONOUNS[0]!.exec(question)
  const she = GENDERED_PRONOUNS[1]!.exec(question)
  if (he && she) return he.index < she.index ? 'he' : 'she'
  return he ? 'he' : she ? 'she' : undefined
}

/** True when both questions point back with a pronoun of the same kind: a thing's ("it") or a person's ("he", "they"). */
export function samePronounKind(previous: string, question: string): boolean {
  return [THING_PRONOUN, PERSON_PRONOUN].some((pronoun) => pronoun.test(previous) && pronoun.test(question))
}
