import type { AnalyzedQuestion } from '../question.js'
import type { Quote } from '../types.js'

/**
 * A question that places what it asks on an earlier occasion than the news ("last year", "last
 * summer", "the previous month"): `last` or `previous` and the unit, not after "the" or a
 * possessive ("the last season", "Doctor Who's last season", "its last year" name a final one,
 * not a past one).
 */
const EARLIER_OCCASION = /(?<!\b(?:the|its|their|his|her|our|your|my)\s|['’]s\s)\b(last|previous)\s+(year|month|summer|winter|spring|autumn)\b/i

/**
 * True when the question asks about an earlier occasion ("How many whales were stranded at Selby
 * Sands last year?", "Was there a blackout in Carrowby last summer too?") and no quote places what
 * it says then: none says "last year" (or "previous year"), nor, for a year, names the year before
 * its article's publication (`AnswerOptions.declineOtherOccasion`). Articles tell the news, so a
 * quote about their own event answers another question: a near miss on the same theme. A quote
 * that does say it ("8 inspections at the restaurant last year") keeps the answer. A follow-up is
 * not checked: its words are partly the conversation's.
 */
export function isOtherOccasion(analyzed: AnalyzedQuestion, quotes: readonly Quote[]): boolean {
  if ((analyzed.contextTerms ?? 0) > 0 || quotes.length === 0) return false
  const asked = EARLIER_OCCASION.exec(analyzed.text)
  const unit = asked?.[2]?.toLowerCase()
  if (!unit) return false
  // eslint-disable-next-line no-restricted-syntax -- it holds the asked unit
  const said = new RegExp(`\\b(?:last|previous)\\s+${unit}\\b`, 'i')
  return !quotes.some((quote) => said.test(quote.text) || (unit === 'year' && namesYearBefore(quote)))
}

/** True when `quote` names the year before its article's publication ("in 2025" in an article of 2026). */
function namesYearBefore(quote: Quote): boolean {
  const published = Number.parseInt(quote.source.published?.slice(0, 4) ?? '', 10)
  // eslint-disable-next-line no-restricted-syntax -- it holds the article's year
  return Number.isFinite(published) && new RegExp(`\\b${published - 1}\\b`).test(quote.text)
}
