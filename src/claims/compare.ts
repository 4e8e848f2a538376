import type { ClaimValue } from './types.js'

type NumberValue = Extract<ClaimValue, { type: 'number' }>
type DateValue = Extract<ClaimValue, { type: 'date' }>
type LabelValue = Extract<ClaimValue, { type: 'label' }>

/**
 * Two amounts of one unit agree when their intervals meet: a hedge ("about 3 hours") or a bound
 * ("at least 12") widens a value, a range ("5–7 hours") is one, and a little slack absorbs rounding
 * ("2.3 billion" against "2.31 billion"). Amounts in different units (or currencies) are not compared,
 * nor shares of opposite sides ("62% against", "71% in favour") or of different rounds ("the first
 * offer", "the second").
 */
export function sameNumber(a: NumberValue, b: NumberValue): boolean {
  if (a.unit !== b.unit) return true
  if (a.side !== undefined && b.side !== undefined && a.side !== b.side) return true
  if (a.round !== undefined && b.round !== undefined && a.round !== b.round) return true
  const slack = 0.005 * Math.max(Math.abs(a.low), Math.abs(b.low))
  return !(a.high + slack < b.low || b.high + slack < a.low)
}

/**
 * Dates agree unless a field both give differs: "Friday" agrees with "August 15, 2025" when that was a Friday.
 * A day name resolved against its article's date counts as that date only against a day written out
 * ("May 2"): two articles a week apart may both say "Monday" of one day, so two day names compare by name.
 */
export function sameDate(first: DateValue, second: DateValue): boolean {
  const [a, b] = comparedDates(first, second)
  return !(['year', 'month', 'day', 'weekday'] as const).some((field) => a[field] !== undefined && b[field] !== undefined && a[field] !== b[field])
}

/**
 * Two dates as they are compared: a day name resolved against its article's date keeps only its
 * name unless the other date writes out a day ("May 2"). Against a year or a month alone ("in 1998",
 * "in April") or another day name, the resolved date would be a guess.
 */
export function comparedDates(first: DateValue, second: DateValue): [DateValue, DateValue] {
  const nameOnly = (date: DateValue, other: DateValue): DateValue =>
    date.fromWeekday && (other.fromWeekday || other.day === undefined) ? { type: 'date', ...(date.weekday !== undefined ? { weekday: date.weekday } : {}) } : date
  return [nameOnly(first, second), nameOnly(second, first)]
}

/**
 * Labels (a holder, an outcome) agree when equal. A former holder does not contradict the current
 * one (one office, two people at different times); calling the same person both does.
 */
export function sameLabel(a: LabelValue, b: LabelValue): boolean {
  if (a.label === b.label) return true
  const [aFormer, aWho] = a.label.startsWith('former:') ? [true, a.label.slice(7)] : [false, a.label]
  const [bFormer, bWho] = b.label.startsWith('former:') ? [true, b.label.slice(7)] : [false, b.label]
  if (aFormer || bFormer) return aWho !== bWho
  return false
}

/** True when two values cannot both be right. Values of different types never conflict. */
export function valuesConflict(a: ClaimValue, b: ClaimValue): boolean {
  if (a.type === 'number' && b.type === 'number') return !sameNumber(a, b)
  if (a.type === 'date' && b.type === 'date') return !sameDate(a, b)
  if (a.type === 'label' && b.type === 'label') return !sameLabel(a, b)
  return false
}
