import { stem } from '../analyzer.js'
import type { EntityContext, KindDraft } from './entity.js'
import { attachmentOf, contentBefore, nounAfter } from './measured.js'

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']
export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']

/** Dates and days of the week ("Friday", "August 15, 2025"); relative and open dates are no claim. */
export function dateDraft({ words, first, last, chunk }: EntityContext): KindDraft | undefined {
  const span = words.slice(first, last + 1)
  const before = words[first - 1]?.lower ?? ''
  // Relative and open dates are not facts to compare ("next Friday", "since 2014", "the 1990s").
  if (['next', 'last', 'this', 'following', 'since', 'until', 'by', 'before', 'after', 'every', 'each', 'from', 'between'].includes(before)) return undefined
  // "Opponents said on Monday they would appeal": the day dates the saying, not the event the sentence reports.
  if (datesSaying(words, first)) return undefined
  const date: { year?: number; month?: number; day?: number; weekday?: number } = {}
  for (const word of span) {
    const weekday = WEEKDAYS.indexOf(word.lower)
    const month = MONTHS.findIndex((name) => name === word.lower || (word.lower.length >= 3 && name.startsWith(word.lower.replace(/\.$/, '')) && word.lower !== 'may' && /^[a-z]+\.?$/.test(word.lower)))
    if (weekday >= 0) date.weekday = weekday
    else if (month >= 0 && /^[A-Z]/.test(word.text)) date.month = month + 1
    else if (/^\d{4}$/.test(word.text)) date.year = Number(word.text)
    else if (/^\d{1,2}(st|nd|rd|th)?$/.test(word.text)) date.day = Number.parseInt(word.text, 10)
  }
  if (date.year === undefined && date.month === undefined && date.weekday === undefined) return undefined
  if (date.day !== undefined && date.month === undefined) return undefined
  if (date.year !== undefined && date.month !== undefined && date.day !== undefined) date.weekday ??= new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()
  const event = (date.month === undefined && date.weekday === undefined ? nounAfter(words, last, chunk, false) : undefined) ?? contentBefore(words, first, chunk)
  if (!event) return undefined
  const about = attachmentOf(event)
  const parts = [
    date.weekday !== undefined ? WEEKDAYS[date.weekday]?.replace(/^./, (c) => c.toUpperCase()) : '',
    date.month !== undefined ? `${MONTHS[date.month - 1]?.replace(/^./, (c) => c.toUpperCase())}${date.day ? ` ${date.day}` : ''}` : '',
    date.year !== undefined ? String(date.year) : '',
  ].filter(Boolean)
  return {
    kind: 'quantity',
    key: `date:${about.key}`,
    topic: `when the ${about.display} happened`,
    value: parts.join(', '),
    comparable: { type: 'date', ...date },
    contextStems: about.stems,
    focusStems: ['when', 'date', 'day', 'year', 'month', ...(date.weekday !== undefined ? WEEKDAYS.map(stem) : [])],
    dimension: 'date',
  }
}

/** General English verbs of saying: a day right after one dates the statement. */
const SAYING = new Set(['said', 'says', 'told', 'announced', 'added', 'stated'])

/** True for a date right after a verb of saying ("said on Monday", "told reporters late on Friday"). */
function datesSaying(words: EntityContext['words'], first: number): boolean {
  let at = first - 1
  if (words[at]?.lower !== 'on') return false
  at--
  if (['late', 'early'].includes(words[at]?.lower ?? '')) at--
  if (words[at]?.lower === 'reporters') at--
  return SAYING.has(words[at]?.lower ?? '')
}

/** The three-letter openings of the months, capitalised: "Jan" matches "January" and "Jan.". */
// eslint-disable-next-line no-restricted-syntax -- made once, at load
const MONTH_PREFIXES = MONTHS.map((name) => new RegExp(`\\b${name.slice(0, 3).replace(/^./, (c) => c.toUpperCase())}`))

/** The fields a written date gives ("Friday", "March 2026", "12 June 1990"), or undefined for none or an absurd year. */
export function dateOf(text: string): { year?: number; month?: number; day?: number; weekday?: number } | undefined {
  const date: { year?: number; month?: number; day?: number; weekday?: number } = {}
  const year = /\b(\d{4})\b/.exec(text)
  if (year) date.year = Number(year[1])
  const month = MONTH_PREFIXES.findIndex((prefix) => prefix.test(text))
  if (month >= 0) date.month = month + 1
  const day = /\b(\d{1,2})(?:st|nd|rd|th)?\b/.exec(text.replace(/\b\d{4}\b/, ''))
  if (day && date.month !== undefined) date.day = Number(day[1])
  const weekday = WEEKDAYS.findIndex((name) => text.toLowerCase().includes(name))
  if (weekday >= 0) date.weekday = weekday
  if (date.year !== undefined && (date.year < 1000 || date.year > 2100)) return undefined
  return Object.keys(date).length > 0 ? date : undefined
}

const DAY_MS = 86_400_000

/** Words that put a sentence's day ahead of its article ("will reopen on Monday", "is due to start on Friday"). */
const AHEAD = /\b(?:will|would|shall|next|due|expected|plans?|planned|scheduled|set to|is to|are to)\b|'ll\b/i

/**
 * A day name alone ("reopened on Monday") resolved to its date: the last such day on or before the
 * article's published date, as a news report means it. Unchanged when the date gives more than a day
 * name, the article has no date, or the sentence looks ahead (`AHEAD`).
 */
export function resolveWeekday<T extends { type: 'date'; year?: number; month?: number; day?: number; weekday?: number; fromWeekday?: true }>(
  date: T,
  published: string | undefined,
  sentence: string,
): T {
  if (date.weekday === undefined || date.year !== undefined || date.month !== undefined || date.day !== undefined) return date
  const at = Date.parse(published ?? '')
  if (!Number.isFinite(at) || AHEAD.test(sentence)) return date
  const back = (new Date(at).getUTCDay() - date.weekday + 7) % 7
  const day = new Date(at - back * DAY_MS)
  return { ...date, year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), fromWeekday: true }
}
