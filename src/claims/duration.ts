import { stem } from '../analyzer.js'
import { attachmentOf, CLASS_BY_STEM, isNoun, nounAfter, WEAK_VERBS } from './measured.js'
import { formatAmount, HEDGE_PREFIX, hedgeBefore, interval, parseNumber, UNIT_SECONDS } from './numbers.js'
import { REPORTING_VERBS, type Word } from './read.js'
import type { EntityContext, KindDraft } from './entity.js'

/**
 * Durations: "three hours", "12-hour talks", "for six hours before dawn" (wink-nlp's DURATION, or a
 * TIME whose words reach a unit of time), normalised to seconds; a hedge ("roughly") widens the value.
 */
export function durationDraft({ type, words, first, last, span, chunk, settings }: EntityContext): KindDraft | undefined {
  const unitAt = span.findIndex((word) => UNIT_SECONDS[word.lower.replace(/s$/, '')] !== undefined)
  // wink-nlp reads "for six hours before dawn" as a time: its words up to the unit are a duration.
  if (type !== 'DURATION' && !(type === 'TIME' && unitAt > 0)) return undefined
  const unitWord = span[unitAt]
  const amount = parseNumber(span.slice(0, unitAt < 0 ? span.length : unitAt).map((word) => word.text))
  if (!unitWord || amount === undefined || amount === 0) return undefined
  const unit = unitWord.lower.replace(/s$/, '')
  const lastAt = type === 'TIME' ? first + unitAt : last
  const measured = nounAfter(words, lastAt, chunk, true) ?? durationSubject(words, first, chunk)
  if (!measured || measured.pos !== 'NOUN' || UNIT_SECONDS[measured.lower.replace(/s$/, '')] !== undefined) return undefined
  const about = attachmentOf(measured)
  const hedge = hedgeBefore(words, first, chunk)
  return {
    spanStart: (span[0] as Word).start,
    spanEnd: unitWord.end,
    kind: 'quantity',
    key: `duration:${about.key}`,
    topic: `how long the ${measured.lower} lasted`,
    value: `${HEDGE_PREFIX[hedge]}${formatAmount(amount)} ${unit}${amount === 1 ? '' : 's'}`,
    comparable: { type: 'number', ...interval(amount, hedge, settings.hedgeTolerance, UNIT_SECONDS[unit] ?? 1), unit: 's' },
    contextStems: about.stems,
    focusStems: ['long', 'durat', 'last', 'took', 'time', stem(unit)],
    dimension: 'duration',
  }
}

/**
 * What a duration after a verb measures: "the talks lasted three hours", "the fire at the plant
 * burned for nine hours", "crews fought the blaze for six hours". Any event verb counts, not only
 * "last": the object between the verb and the duration wins, else the head of the subject (the noun
 * before the first preposition, so "the fire at the plant" is the fire); a noun of a known class
 * within reach wins over both.
 */
export function durationSubject(words: Word[], first: number, chunk: number[]): Word | undefined {
  let verb = -1
  for (let i = first - 1; i >= 0 && first - i <= 6 && chunk[i] === chunk[first]; i--) {
    const word = words[i] as Word
    if (word.pos === 'VERB' && !WEAK_VERBS.has(word.lower) && !REPORTING_VERBS.has(word.lower)) {
      verb = i
      break
    }
  }
  if (verb < 0) return undefined
  const object = words.slice(verb + 1, first).find((word) => isNoun(word) && UNIT_SECONDS[word.lower.replace(/s$/, '')] === undefined)
  const subject: Word[] = []
  for (let j = verb - 1; j >= 0 && verb - j <= 8 && chunk[j] === chunk[verb]; j--) {
    const word = words[j] as Word
    // "the agency says it was alerted after 40 minutes": a pronoun or a reporting verb ends the subject.
    if (word.pos === 'PRON' || REPORTING_VERBS.has(word.lower)) break
    subject.unshift(word)
  }
  const known = [object, ...[...subject].reverse()].find((word) => isNoun(word) && CLASS_BY_STEM.has(word?.stem ?? ''))
  if (known) return known
  if (object) return object
  const preposition = subject.findIndex((word) => word.pos === 'ADP')
  const head = (preposition > 0 ? subject.slice(0, preposition) : subject).filter(isNoun)
  return head[head.length - 1]
}
