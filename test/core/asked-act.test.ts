import { describe, expect, it } from 'vitest'
import { sameFoundValue, valuesIn, type AskedWords } from '../../src/claims/answers.js'
import { stem } from '../../src/analyzer.js'
import { isAgentOf } from '../../src/claims/asked-act.js'

/** The asked words of "When will the pool reopen?", with its act's stem. */
const reopen: AskedWords = { words: new Set(['when', 'will', 'the', 'pool', 'reopen']), acts: new Set([stem('reopen')]) }

describe('dates of the asked act', () => {
  it('reads a month named alone after a preposition as a date', () => {
    expect(valuesIn('The pool will reopen in March.', 'date', 0, 0.2, reopen).map((value) => value.display)).toEqual(['March'])
    expect(valuesIn('Work starts in mid-April.', 'date').map((value) => value.display)).toEqual(['April'])
  })

  it('does not read "May" as a month where no preposition of time stands before it', () => {
    expect(valuesIn('May Holt said the pool was safe.', 'date')).toEqual([])
  })

  it('keeps a date bound to the asked act as a bound, shown with its words', () => {
    const [bound] = valuesIn('The pool will not reopen before June, a spokesman said.', 'date', 0, 0.2, reopen)
    expect(bound?.display).toBe('not reopen before June')
    expect(bound?.dateBound).toEqual({ bound: 'lower', inclusive: true })
  })

  it('still drops a bound date of another act ("closed before May")', () => {
    expect(valuesIn('The pool closed before May after a leak.', 'date', 0, 0.2, reopen)).toEqual([])
  })

  it('agrees a date inside a bound and contradicts one outside it', () => {
    const [march] = valuesIn('The pool will reopen in March.', 'date', 0, 0.2, reopen)
    const [byMay] = valuesIn('The pool will reopen by May 2031.', 'date', 0, 0.2, reopen)
    const [june] = valuesIn('The pool will reopen in June.', 'date', 0, 0.2, reopen)
    expect(sameFoundValue(march!, byMay!)).toBe(true)
    expect(sameFoundValue(june!, byMay!)).toBe(false)
  })

  it('reads no date of the question from a year that dates another noun ("the 2019 harvest crisis")', () => {
    const signed: AskedWords = { words: new Set(['when', 'was', 'the', 'agreement', 'signed']) }
    expect(valuesIn('Farmers welcomed it after the 2019 harvest crisis.', 'date', 0, 0.2, signed)).toEqual([])
    expect(valuesIn('The deal replaces a 1994 agreement.', 'date', 0, 0.2, signed).map((value) => value.display)).toEqual(['1994'])
  })
})

describe('isAgentOf', () => {
  const text = 'Brightwater Capital has bought the airline Torvane Air, which was bought by Elsa Markham in 2022.'
  const span = (part: string, from = 0) => ({ start: text.indexOf(part, from), end: text.indexOf(part, from) + part.length })
  it('reads the name before the verb, across auxiliaries, as its doer, and the name after it as none', () => {
    expect(isAgentOf(text, span('Brightwater Capital'), span('bought'))).toBe(true)
    expect(isAgentOf(text, span('Torvane Air'), span('bought'))).toBe(false)
  })

  it('reads the name after a passive verb and "by" as its doer', () => {
    expect(isAgentOf(text, span('Elsa Markham'), span('bought', 30))).toBe(true)
  })
})
