import { plainWord, gapNounOf } from './phrase.js'
import type { AskedKind } from './found-values.js'

// What kind of value a question asks for, read from its form alone: the question-time comparison
// (`answers.ts`) and the corpus-wide disagreements that match a question (`../disagreements.ts`)
// both start from it.

const KIND_PATTERNS: Array<[AskedKind, RegExp]> = [
  ['duration', /\bhow\s+long\b|\bhow\s+many\s+(?:hours|minutes|days|weeks|months|years)\b/],
  ['date', /\bwhen\b|\b(?:what|which)\s+(?:year|date|day|month)\b/],
  // Measured properties in general English: the noun names a quantity, whatever the event.
  ['percent', /\b(?:what|which)\s+(?:share|percentage|proportion|fraction)\b|\bwhat\s+(?:is|was|are|were)\s+the\s+(?:\w+\s+)?(?:share|percentage|proportion|rate|turnout)\b/],
  ['number', /\bhow\s+(?:many|much|old|tall|high|far|big|large)\b|\b(?:what|which)\s+(?:number|amount)\b|\bwhat\s+(?:is|was|are|were)\s+the\s+(?:\w+\s+)?(?:population|number|length|height|area|size|total|price|cost|value|amount|toll|turnout|share|percentage|rate|capacity|elevation|depth|width|distance|weight|age|budget|revenue|attendance)\b/],
  ['place', /^\s*where\b|\b(?:in|at)\s+(?:which|what)\s+(?:city|town|village|state|country|county|province|place|region|venue)\b/],
  ['person', /^\s*(?:who|whom|whose)\b/],
]

/**
 * The kind of value `question` asks for, from its form; `entity` when it asks the name of a kind of
 * thing ("What sport…", "…of which team?"); undefined for yes/no and open questions.
 */
export function askedKindOf(question: string): AskedKind | undefined {
  const q = question.toLowerCase()
  const gap = KIND_PATTERNS.find(([, pattern]) => pattern.test(q))?.[0] ? undefined : gapNounOf(question)
  // A plural ("What concerns were raised?") asks for several things: sources naming different ones do not disagree.
  if (isCauseQuestion(q) || expandedOf(question) !== undefined) return 'entity'
  if (!gap && YES_NO.test(q)) return 'outcome'
  const kind = KIND_PATTERNS.find(([, pattern]) => pattern.test(q))?.[0] ?? (gap && plainWord(gap) === gap ? 'entity' : undefined)
  // Sources naming different attendees each name some of them: only a role one person fills can be disputed.
  return kind === 'person' && asksForSeveral(q) ? undefined : kind
}

/**
 * True when a "who" question asks for a set of people ("Who was there?", "Who attended?", "Who took
 * part in the talks?", "Who else was invited?"): sources that name different people answer it
 * together, not against each other. A role one person fills at a time ("Who won?", "Who leads the
 * party?", "Who is the mayor?", "Who was arrested?") is single-valued. Read from the question's
 * shape: "else", being somewhere or among others, a verb with "part"/"along"/"together",
 * and the general English verbs of taking part in a gathering.
 */
export function asksForSeveral(question: string): boolean {
  const q = question.toLowerCase()
  return (
    /^\s*who\s+(?:else|all)\b/.test(q) ||
    /^\s*who\s+(?:was|is|were|are|has\s+been|had\s+been|will\s+be)\s+(?:also\s+)?(?:there|here|present|involved|among|at|in|on|with|inside|aboard|invited|included)\b/.test(q) ||
    /^\s*who\s+(?:\w+\s+)?(?:part|along|together)\b/.test(q) ||
    GATHERING_QUESTION.test(q)
  )
}

/** General English verbs of being one of several at a gathering (prefixes of their forms): attend, join, accompany… */
const GATHERING_VERBS = 'attend|join|participat|accompan|meet|met\\b|visit|gather|came\\b|come\\b|went\\b|go\\b|travel|arriv|spoke\\b|speak|testif|sat\\b|sit\\b'
const GATHERING_QUESTION = new RegExp(`^\\s*who\\s+(?:else\\s+)?(?:did\\s+)?(?:${GATHERING_VERBS})`)
const EXPANSION_QUESTION = /\bwhat\s+(?:does|do|did)\s+(?:the\s+(?:abbreviation|acronym|initialism)\s+)?["“']?(\p{Lu}[\p{Lu}\d&.-]+)["”']?\s+(?:stand\s+for|refer\s+to|mean)\b/iu

/**
 * True for a question asking what caused something: "What caused the fire?", "What was the cause of
 * the outbreak?". Its answer is the thing a cause connective names ("caused by", "blamed on", "due
 * to"), compared as a phrase. "Why…" is left out: it asks for reasons ("Why was it chosen as the
 * venue?"), and sources giving two reasons need not disagree.
 */
export function isCauseQuestion(question: string): boolean {
  return /\bwhat\s+(?:caused|causes|cause|started|sparked|triggered)\b|\bwhat\s+(?:is|was|were|are)\s+the\s+(?:\w+\s+)?causes?\b/i.test(question)
}

/**
 * The abbreviation a question asks the meaning of: "What does VCD stand for?", "What does the
 * abbreviation \"IGY\" refer to?" → "VCD", "IGY". Its answer is the name a source writes before it
 * in brackets ("International Geophysical Year (IGY)"). Undefined for any other question.
 */
export function expandedOf(question: string): string | undefined {
  return EXPANSION_QUESTION.exec(question)?.[1]
}

/** A yes/no question about whether something happened: "Was the agreement signed?", "Did police arrest anyone?". */
const YES_NO = /^\s*(?:was|were|did|does|do|will|has|have|had)\s+(?!there\b)/
