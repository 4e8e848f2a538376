import { CURRENCY_SYMBOLS } from './money.js'
import type { FoundValue } from './found-values.js'

// Whether a figure is of a kind that answers the question at all, whatever its sentence: a share is
// no price ("In Eastby, 62% of voters backed the plan", asked what parking costs in Eastby).

/**
 * A question of what something costs, in general English: "How much does parking cost?", "How much
 * did they pay for it?", "What is the fare?". Read from its form: the tagger takes "cost" for a noun.
 */
const PRICE_QUESTION = /\bhow\s+much\s+(?:does|do|did|will|would|is|was|has|had)\b.*\b(?:cost|pay|paid|paying|spend|spent|charge|charged)\b|\bwhat\s+(?:is|was|are|were|will\s+be)\s+the\s+(?:\w+\s+)?(?:cost|price|fee|fare)s?\b/i

/**
 * True for a question asking what something costs: a percentage does not answer it. A question of
 * change ("How much did prices rise?") asks no price.
 */
export function asksPrice(question: string): boolean {
  return PRICE_QUESTION.test(question)
}

/**
 * "How much is the bus fare?", "How much were the bribes worth?": the words of the thing whose amount
 * is asked, lower case; undefined for any other question ("How much of the vote…?", "How much did
 * prices rise?"). Such a question asks a sum or a measure of that thing: a percentage answers it only
 * where its clause names the thing ("The tax rate is 20%"), never a share of something else.
 */
export function amountAskedOf(question: string): string[] | undefined {
  const thing = AMOUNT_QUESTION.exec(question)?.[1] ?? WHAT_QUESTION.exec(question)?.[1]
  const words = thing?.toLowerCase().split(/\s+/)
  // "What was the share of the vote?": a word of the answer's kind names no thing.
  return words && !words.some((word) => ANSWER_KIND_WORDS.has(word)) ? words : undefined
}

/** "What is/was the <thing>", up to a preposition or the end: "What was the turnout in the Brenmoor vote?" asks the turnout. */
const WHAT_QUESTION = /^\s*what\s+(?:is|are|was|were|will\s+be)\s+(?:the|a|an|this|that|their|its|his|her)\s+(.+?)(?=\s+(?:in|at|of|for|on|to|from|with|by|worth|now|today|per|this|last|next)\b|\s*\?|\s*$)/i

/** Words that say what kind of figure is asked, not what it is of: "the share", "the number", "the total". */
const ANSWER_KIND_WORDS: ReadonlySet<string> = new Set(['share', 'percentage', 'proportion', 'fraction', 'number', 'amount', 'total', 'figure', 'result', 'score', 'count', 'sum', 'value', 'size', 'level'])

/** "How much is/was the <thing>", up to a preposition or the end: the thing asked about. */
const AMOUNT_QUESTION = /\bhow\s+much\s+(?:is|are|was|were|will\s+be)\s+(?:the|a|an|this|that|their|its|his|her)\s+(.+?)(?=\s+(?:in|at|of|for|on|to|from|with|by|worth|now|today|per|this|last|next)\b|\s*\?|\s*$)/i

/** True for a percentage, which answers a share or a rate, not a price. */
export function isPercent(value: FoundValue): boolean {
  return value.comparable.type === 'number' && value.comparable.unit === '%'
}

/** True for a sum of money: a figure with a currency. */
export function isMoney(value: FoundValue): boolean {
  return value.comparable.type === 'number' && Object.values(CURRENCY_SYMBOLS).includes(value.comparable.unit)
}
