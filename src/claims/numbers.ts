import type { Word } from './read.js'

export const SMALL_NUMBERS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, dozen: 12, half: 0.5,
}
export const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, mn: 1e6, k: 1e3 }
/** Seconds in each unit of time, by its singular name. */
export const UNIT_SECONDS: Record<string, number> = { second: 1, minute: 60, hour: 3600, day: 86400, week: 604800, month: 2629800, year: 31557600, decade: 315576000 }
export const APPROXIMATE = new Set(['about', 'around', 'roughly', 'approximately', 'nearly', 'almost', 'some', 'estimated', 'approx', 'circa', 'reportedly'])
export const LOWER_BOUND = [['at', 'least'], ['more', 'than'], ['over'], ['upwards', 'of'], ['in', 'excess', 'of'], ['no', 'fewer', 'than'], ['no', 'less', 'than']]
export const UPPER_BOUND = [['within'], ['up', 'to'], ['less', 'than'], ['fewer', 'than'], ['under'], ['at', 'most'], ['as', 'many', 'as'], ['as', 'much', 'as']]


/** Parses the number in words like "three", "12", "2.3 billion", "twenty-five", "12-hour". */
export function parseNumber(words: string[]): number | undefined {
  let total = 0
  let current = 0
  let seen = false
  for (const raw of words.flatMap((word) => word.toLowerCase().split(/[-‐]/))) {
    const word = raw.replace(/^[$€£¥]/, '')
    if (/^\d+(?:,\d{3})*(?:\.\d+)?$/.test(word)) {
      current += Number(word.replace(/,/g, ''))
      seen = true
    } else if (/^\d+(?:\.\d+)?(bn|m|k)$/.test(word)) {
      const match = /^(\d+(?:\.\d+)?)(bn|m|k)$/.exec(word)
      total += Number(match?.[1]) * (SCALES[match?.[2] === 'm' ? 'mn' : (match?.[2] ?? 'k')] ?? 1)
      seen = true
    } else if (word in SMALL_NUMBERS) {
      current += SMALL_NUMBERS[word] ?? 0
      seen = true
    } else if (word in SCALES && seen) {
      const scale = SCALES[word] ?? 1
      if (scale === 100) current *= scale
      else {
        total += current * scale
        current = 0
      }
    } else if ((word === 'a' || word === 'an') && !seen) {
      current = 1
    }
  }
  if (!seen) return undefined
  return total + current
}

/** How a hedge before a number widens it. */
export type Hedge = 'exact' | 'approximate' | 'lower' | 'upper'

export function hedgeBefore(words: Word[], first: number, chunk: number[]): Hedge {
  const before: string[] = []
  for (let i = Math.max(0, first - 3); i <= first; i++) if (chunk[i] === chunk[first]) before.push(words[i]?.lower ?? '')
  for (const phrase of LOWER_BOUND) if (containsPhrase(before, phrase)) return 'lower'
  for (const phrase of UPPER_BOUND) if (containsPhrase(before, phrase)) return 'upper'
  if (before.some((word) => APPROXIMATE.has(word))) return 'approximate'
  return 'exact'
}

export function containsPhrase(words: string[], phrase: string[]): boolean {
  for (let i = 0; i + phrase.length <= words.length; i++) if (phrase.every((word, j) => words[i + j] === word)) return true
  return false
}

/**
 * The place value of a figure's last non-zero digit, as written: the precision it is given at
 * ("1,200" 100, "3" 1, "2.5" 0.1).
 */
export function precisionOf(amount: number): number {
  const x = Math.abs(amount)
  if (x === 0 || !Number.isFinite(x)) return 0
  // toPrecision drops binary noise ("0.30000000000000004") before the digits are counted.
  const [whole = '', fraction] = String(Number(x.toPrecision(12))).split('.')
  if (fraction) return 10 ** -fraction.length
  return 10 ** (whole.length - whole.replace(/0+$/, '').length)
}

/**
 * How far a hedged figure ("about 1,200", "some 900") may be from its written value: its last
 * written digit may be off by one ("about 1,200" 1,100–1,300, "about 3 hours" 2–4), never more than
 * `tolerance` of it. A flat share would make "about 1,200" and "some 900" overlap though they are a
 * third apart, while "about 3 hours" still covers "three hours and ten minutes" and "some 2,300"
 * agrees with "about 2,400". `amount` is in the unit the text writes it in; `scale` converts it (hours to seconds).
 */
export function hedgeSpread(amount: number, tolerance: number, scale = 1): number {
  return Math.min(tolerance * Math.abs(amount), precisionOf(amount)) * scale
}

/** The interval a figure with its hedge stands for, in `scale` units (1 by default: as written). */
export function interval(amount: number, hedge: Hedge, tolerance: number, scale = 1): { low: number; high: number } {
  const value = amount * scale
  if (hedge === 'approximate') {
    const spread = hedgeSpread(amount, tolerance, scale)
    return { low: value - spread, high: value + spread }
  }
  if (hedge === 'lower') return { low: value, high: Infinity }
  if (hedge === 'upper') return { low: 0, high: value }
  return { low: value, high: value }
}

export const HEDGE_PREFIX: Record<Hedge, string> = { exact: '', approximate: 'about ', lower: 'at least ', upper: 'at most ' }

export function formatAmount(amount: number): string {
  if (amount >= 1e9) return `${+(amount / 1e9).toFixed(2)} billion`
  if (amount >= 1e6) return `${+(amount / 1e6).toFixed(2)} million`
  // Not `toLocaleString`: it is slow, and a claim's value must not depend on the machine's locale data.
  return Number.isInteger(amount) ? String(amount).replace(/\B(?=(\d{3})+$)/g, ',') : String(+amount.toFixed(2))
}
export const HEDGE_WORDS = new Set([...APPROXIMATE, 'least', 'than', 'most', 'over', 'under', 'up', 'more', 'less', 'fewer'])
