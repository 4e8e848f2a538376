import { stem } from '../analyzer.js'
import { comparedDates } from './compare.js'
import type { ClaimValue } from './types.js'

/** Words, with a following "n't" (global: for `matchAll` only). */
const WORDS_WITH_NOT = /\p{L}+(?:n't)?/gu

// A date bound to the asked act ("will reopen by May", "will not reopen before June") says when at
// the latest or the earliest: read as a bound, it agrees with a date inside it ("in March" against
// "by May") and contradicts one outside it ("in April" against "not before June").

type DateValue = Extract<ClaimValue, { type: 'date' }>

/** Which end a bound date closes: `upper` for "by May" (no later), `lower` for "not before June" (no earlier). */
export type DateBound = 'upper' | 'lower'

/** Whether a bound's own date is inside it: "by May" allows May, "before May" does not. */
export interface BoundedDate {
  bound: DateBound
  inclusive: boolean
}

/** The words that bound a date: "by May", "until Friday", "since 2014". */
export const BOUND_WORDS = ['by', 'before', 'until', 'till', 'after', 'since']

/** A bound word ending the text before a date, with "not" before it: "not before ", "by the end of ". */
const BOUND_BEFORE = new RegExp(`\\b(not\\s+)?(${BOUND_WORDS.join('|')})\\s+(?:the\\s+end\\s+of\\s+)?$`, 'i')

/**
 * The end of the text before a date that makes it a reference for something else: a bound phrase
 * ("until the talks broke down on Friday", "by the time"), or right after "by", "next", "last" or
 * "every" ("by 2025", "last Tuesday"), but not "confirmed by the Senate on December 8".
 */
export const REFERENCE_DATE_BEFORE = new RegExp(
  `\\b(?:${BOUND_WORDS.filter((word) => word !== 'by').join('|')}|by the time)\\b[^,;:.()]{0,40}$|\\b(?:by|next|last|every)\\s+(?:the\\s+end\\s+of\\s+)?$`,
  'i',
)

/** Words read back from the bound word for the asked act: "reopen by", "will not reopen before", "reopen its doors by". */
const ACT_WORDS_BACK = 4

/**
 * The bound a date stands in when the words right before its bound word state the asked act
 * (`acts`, stems): "reopen by May" → upper, "not reopen before June" → lower, with where the bound
 * starts in `before` (at its denial, if any). Undefined when no bound word is there or the act is not right before it: "the
 * flood before May" dates something else.
 */
export function actBoundOf(before: string, acts: ReadonlySet<string> | undefined): (BoundedDate & { at: number }) | undefined {
  if (!acts) return undefined
  const match = BOUND_BEFORE.exec(before)
  if (!match) return undefined
  const words = [...before.slice(0, match.index).matchAll(WORDS_WITH_NOT)].slice(-ACT_WORDS_BACK)
  const act = words.findIndex((word) => acts.has(stem(word[0].toLowerCase())))
  if (act < 0) return undefined
  // "will not reopen before June", "won't reopen until": the act denied before its bound.
  const denial = words.slice(0, act).find((word) => /^(?:not|never)$|n't$/i.test(word[0]))
  const word = (match[2] ?? '').toLowerCase()
  const earliest = word === 'after' || word === 'since'
  const negated = match[1] !== undefined || denial !== undefined
  // "not before June" is "June or later"; "not after May" is "May or sooner".
  const bound: DateBound = earliest !== negated ? 'lower' : 'upper'
  const inclusive = negated || word === 'by' || word === 'until' || word === 'till' || word === 'since'
  // Shown from the denial when there is one ("not reopen before June"): "before June" alone would misstate the source.
  return { bound, inclusive, at: denial?.index ?? match.index }
}

/** -1, 0 or 1 as `a` comes before, with or after `b` by the fields both give; undefined when they give no month in common. */
function orderOf(a: DateValue, b: DateValue): number | undefined {
  if (a.year !== undefined && b.year !== undefined && a.year !== b.year) return Math.sign(a.year - b.year)
  if (a.month === undefined || b.month === undefined) return a.year !== undefined && a.year === b.year && a.month === undefined && b.month === undefined ? 0 : undefined
  if (a.month !== b.month) return Math.sign(a.month - b.month)
  if (a.day === undefined || b.day === undefined) return 0
  return Math.sign(a.day - b.day)
}

/**
 * False for a date that cannot be placed against a bound (they share no month or year: "Friday"
 * against "by May"): the two neither agree nor conflict. True for any other pair of dates.
 */
export function boundComparable(first: DateValue, aBound: BoundedDate | undefined, second: DateValue, bBound: BoundedDate | undefined): boolean {
  const [a, b] = comparedDates(first, second)
  return (aBound === undefined) === (bBound === undefined) || orderOf(a, b) !== undefined
}

/**
 * True when a date and a bound can both hold (or two bounds, which say too little to conflict):
 * "in March" is inside "by May", "in April" is outside "not before June". A date that cannot be
 * placed against the bound does not agree with it (`boundComparable`).
 */
export function sameBoundedDate(first: DateValue, aBound: BoundedDate | undefined, second: DateValue, bBound: BoundedDate | undefined): boolean {
  const [a, b] = comparedDates(first, second)
  if ((aBound && bBound) || (!aBound && !bBound)) return true
  const [date, limit, bound] = aBound ? [b, a, aBound] : [a, b, bBound!]
  const order = orderOf(date, limit)
  if (order === undefined) return false
  if (order === 0) return bound.inclusive || (date.day === undefined && limit.day === undefined)
  return bound.bound === 'upper' ? order < 0 : order > 0
}
