import { attachmentOf, contentBefore, nounAfter } from './measured.js'
import { formatAmount, HEDGE_PREFIX, hedgeBefore, interval, parseNumber } from './numbers.js'
import type { Word } from './read.js'
import type { EntityContext, KindDraft } from './entity.js'

/** Currency symbols and names, to one symbol: general English, extend with any currency. */
export const CURRENCY_SYMBOLS: Record<string, string> = { $: '$', '€': '€', '£': '£', '¥': '¥', dollar: '$', dollars: '$', euro: '€', euros: '€', pound: '£', pounds: '£', yen: '¥' }

/** Currencies whose rates to one another stayed within a factor of two for decades: dollars, euros, pounds. */
const CLOSE_CURRENCIES = new Set(['$', '€', '£'])

/**
 * Least ratio between two amounts in close currencies for them to contradict: "$4 million" may be
 * "€2.5 million" converted, but "$6 million" is not "€1.5 million" at any rate of the last decades.
 */
export const CURRENCY_RATIO = 2

/**
 * True when two amounts in different currencies cannot be one amount converted: both in close
 * currencies (`CLOSE_CURRENCIES`) and more than `CURRENCY_RATIO` apart, whatever the hedges.
 */
export function currenciesApart(a: { low: number; high: number; unit: string }, b: { low: number; high: number; unit: string }): boolean {
  if (a.unit === b.unit || !CLOSE_CURRENCIES.has(a.unit) || !CLOSE_CURRENCIES.has(b.unit)) return false
  const [lower, higher] = a.high < b.low ? [a, b] : [b, a]
  return lower.high > 0 && higher.low > CURRENCY_RATIO * lower.high
}

/**
 * Money: an amount with its currency ("$2.3 billion", "40 million euros", "$12 a share"). Amounts
 * in different currencies are different values, never compared (their rate is not in the text).
 */
export function moneyDraft({ words, first, last, span, chunk, settings }: EntityContext): KindDraft | undefined {
  const currency = span.map((word) => CURRENCY_SYMBOLS[word.lower]).find(Boolean) ?? CURRENCY_SYMBOLS[words[last + 1]?.lower ?? '']
  const amount = parseNumber(span.map((word) => word.text))
  if (!currency || amount === undefined) return undefined
  const next = words[last + 1]
  const perShare = (next?.lower === 'a' || next?.lower === 'per') && /^shares?$/.test(words[last + 2]?.lower ?? '')
  const measured = perShare ? undefined : (nounAfter(words, last, chunk, false) ?? contentBefore(words, first, chunk) ?? nounAfter(words, last + 1, chunk, false))
  if (!perShare && !measured) return undefined
  const about = perShare ? { key: 'per-share', display: 'price per share', stems: ['share', 'price', 'pai'] } : attachmentOf(measured as Word)
  const hedge = hedgeBefore(words, first, chunk)
  return {
    kind: 'quantity',
    key: `money:${currency}:${about.key}`,
    topic: perShare ? 'the price per share' : about.key === 'deal' ? 'the value of the deal' : `the amount (${about.display})`,
    value: `${HEDGE_PREFIX[hedge]}${currency}${formatAmount(amount)}${perShare ? ' a share' : ''}`,
    comparable: { type: 'number', ...interval(amount, hedge, settings.hedgeTolerance), unit: currency },
    contextStems: about.stems,
    focusStems: ['price', 'cost', 'worth', 'valu', 'much', 'pai', 'monei', 'dollar'],
    dimension: 'money',
  }
}
