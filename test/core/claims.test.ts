import { describe, expect, it } from 'vitest'
import { extractClaims, isHeadlineLine, parseNumber, type ExtractedClaim } from '../../src/claims/index.js'
import { valuesConflict } from '../../src/disagreements.js'
import { splitPassages } from '../../src/passages.js'
import { buildCorpusIndex } from '../../src/search.js'
import type { ArticleInput } from '../../src/types.js'

/** Claims of a corpus given as `{ id: text }`. */
function claimsOf(texts: Record<string, string>): ExtractedClaim[] {
  const articles: ArticleInput[] = Object.entries(texts).map(([id, text]) => ({ id, title: id, text }))
  const passages = articles.flatMap((article) => splitPassages(article.id, article.text))
  return extractClaims(buildCorpusIndex(articles, passages))
}

const LONG_TAIL = ' The rest of this paragraph is long enough to end the lead, so that the line above counts as the body of the article and not as a dek.'

describe('parseNumber', () => {
  it('reads digits, words, hyphenated forms and scales', () => {
    expect(parseNumber(['three'])).toBe(3)
    expect(parseNumber(['12-hour'])).toBe(12)
    expect(parseNumber(['twenty-five'])).toBe(25)
    expect(parseNumber(['$2.3', 'billion'])).toBe(2.3e9)
    expect(parseNumber(['3,559'])).toBe(3559)
    expect(parseNumber(['hours'])).toBeUndefined()
  })
})

describe('extractClaims: quantities', () => {
  it('normalises "three hours", "3 hours" and "3-hour" to one value about the same talks', () => {
    const claims = claimsOf({
      a: `The talks lasted three hours in the capital.${LONG_TAIL}`,
      b: `After 3 hours of negotiations, the envoys left.${LONG_TAIL}`,
      c: `The 3-hour meeting ended at noon.${LONG_TAIL}`,
    }).filter((claim) => claim.dimension === 'duration')
    expect(claims.map((claim) => [claim.key, claim.value])).toEqual([
      ['duration:talks', '3 hours'],
      ['duration:talks', '3 hours'],
      ['duration:talks', '3 hours'],
    ])
    expect(claims[0]?.topic).toBe('how long the talks lasted')
  })

  it('widens a hedged number so that "roughly four hours" does not contradict "four-hour talks"', () => {
    const [hedged, exact] = claimsOf({
      a: `The talks ran for roughly four hours on Monday.${LONG_TAIL}`,
      b: `Four-hour talks ended on Monday.${LONG_TAIL}`,
    }).filter((claim) => claim.dimension === 'duration')
    expect(hedged?.value).toBe('about 4 hours')
    expect(valuesConflict(hedged!.comparable, exact!.comparable)).toBe(false)
  })

  it('keeps numbers that measure different things apart: a 2022 invasion and an 1867 purchase', () => {
    const claims = claimsOf({
      a: `Tensions have grown since the 2022 invasion of the region.${LONG_TAIL}`,
      b: `The territory was part of the 1867 purchase from the empire.${LONG_TAIL}`,
    }).filter((claim) => claim.dimension === 'date')
    expect(new Set(claims.map((claim) => claim.key)).size).toBe(claims.length)
  })

  it('reads a lower bound: "at least 14 people" does not contradict "20 people"', () => {
    const [bound, exact] = claimsOf({
      a: `The flood killed at least 14 people in the valley.${LONG_TAIL}`,
      b: `The flood killed 20 people in the valley.${LONG_TAIL}`,
    }).filter((claim) => claim.dimension === 'count')
    expect(bound?.key).toBe(exact?.key)
    expect(valuesConflict(bound!.comparable, exact!.comparable)).toBe(false)
  })

  it('keeps every claim text a verbatim substring of its article', () => {
    const text = `Rescuers said 12 people died when the bridge fell on Tuesday, and 30 people were injured.${LONG_TAIL}`
    for (const claim of claimsOf({ a: text })) expect(text.slice(claim.start, claim.end)).toBe(claim.text)
  })
})

describe('extractClaims: roles', () => {
  it('decides a holder’s country across the corpus, so a qualified name never holds another country’s office', () => {
    const claims = claimsOf({
      a: `Veskan President Ilse Marek met Norlandic President Tomas Berg in Kell on Friday.${LONG_TAIL}`,
      b: `President Marek and President Berg signed the accord on Friday.${LONG_TAIL}`,
    }).filter((claim) => claim.kind === 'role')
    const byValue = new Map(claims.map((claim) => [claim.value, claim.key]))
    expect(byValue.get('Ilse Marek')).toBe('role:Veskan:president')
    expect(byValue.get('Tomas Berg')).toBe('role:Norlandic:president')
    expect(claims.every((claim) => claim.key !== 'role:Norlandic:president' || claim.value === 'Tomas Berg')).toBe(true)
  })

  it('marks a former holder', () => {
    const [claim] = claimsOf({ a: `Former Veskan President Ilse Marek opened the museum.${LONG_TAIL}` }).filter((c) => c.kind === 'role')
    expect(claim?.value).toBe('Ilse Marek (former)')
  })
})

describe('extractClaims: framing', () => {
  it('reads negation: "without securing any agreement" and "no concrete ceasefire" are negative', () => {
    const claims = claimsOf({
      a: `The summit ended without securing any agreement on the border.${LONG_TAIL}`,
      b: `The talks yielded no concrete ceasefire for the region.${LONG_TAIL}`,
    }).filter((claim) => claim.kind === 'framing')
    expect(claims.map((claim) => claim.value)).toEqual(['negative', 'negative'])
  })

  it('keeps who frames the outcome: "Berg described the talks as productive" is Berg’s claim', () => {
    const claims = claimsOf({ a: `Norlandic President Tomas Berg described the talks as “extremely productive” after the summit.${LONG_TAIL}` }).filter(
      (claim) => claim.kind === 'framing',
    )
    expect(claims[0]?.value).toBe('positive')
    expect(claims[0]?.speaker).toBe('Tomas Berg')
  })

  it('ignores speculation and denied failure', () => {
    const claims = claimsOf({
      a: `The talks might make progress next year.${LONG_TAIL}`,
      b: `A pause in the talks does not equate to failure.${LONG_TAIL}`,
    }).filter((claim) => claim.kind === 'framing')
    expect(claims).toEqual([])
  })
})

describe('isHeadlineLine', () => {
  const linesOf = (text: string) => splitPassages('a', text).flatMap((passage) => passage.sentences.map((sentence) => [text.slice(sentence.start, sentence.end), isHeadlineLine(text, sentence)]))

  it('reads a short line without a full stop, or in title case, as a dek', () => {
    expect(linesOf('Flood leaves 12 dead in the valley\n\nTalks End Without A Deal On Water.\n\nThe flood killed 12 people.')).toEqual([
      ['Flood leaves 12 dead in the valley', true],
      ['Talks End Without A Deal On Water.', true],
      ['The flood killed 12 people.', false],
    ])
  })

  it('reads short first paragraphs that end with a full stop as body, not headline', () => {
    const lines = linesOf('The flood killed 12 people on Monday. Rescuers are still searching.\n\nAbout 300 people were evacuated from the valley.')
    expect(lines.every(([, headline]) => headline === false)).toBe(true)
  })
})

describe('extractClaims: durations of any event', () => {
  it('attaches a duration to the event a verb other than "last" measures: burned, raged, fought, went on', () => {
    const claims = claimsOf({
      a: `The fire at the Kell paint plant burned for nearly nine hours, residents said.${LONG_TAIL}`,
      b: `The blaze raged for six hours.${LONG_TAIL}`,
      c: `Crews from two towns fought the blaze for six hours before dawn.${LONG_TAIL}`,
      d: `The strike went on for three days.${LONG_TAIL}`,
    }).filter((claim) => claim.dimension === 'duration')
    expect(claims.map((claim) => [claim.sourceId, claim.key, claim.value])).toEqual([
      ['a', 'duration:fire', 'about 9 hours'],
      ['b', 'duration:fire', '6 hours'],
      ['c', 'duration:fire', '6 hours'],
      ['d', 'duration:strike', '3 days'],
    ])
  })

  it('does not take the speaker of a reported duration for what it measures', () => {
    const claims = claimsOf({ a: `The agency says it was alerted only after 40 minutes.${LONG_TAIL}` }).filter((claim) => claim.dimension === 'duration')
    expect(claims).toEqual([])
  })

  it('names the topic with the word the sources use: a meeting stays a meeting', () => {
    const claims = claimsOf({ a: `The meeting lasted two hours.${LONG_TAIL}`, b: `The meeting lasted three hours.${LONG_TAIL}` }).filter((claim) => claim.dimension === 'duration')
    expect(claims.map((claim) => claim.topic)).toEqual(['how long the meeting lasted', 'how long the meeting lasted'])
  })
})

describe('extractClaims: counts', () => {
  it('counts "15 injured" as the workers the corpus counts, and names the topic plainly', () => {
    const claims = claimsOf({
      a: `Twelve workers were injured in the blast.${LONG_TAIL}`,
      b: `The sheriff said 15 injured and none died.${LONG_TAIL}`,
    }).filter((claim) => claim.dimension === 'count')
    expect(claims.map((claim) => [claim.key, claim.value, claim.topic])).toEqual([
      ['count:worker:injured', '12 workers', 'how many workers were injured'],
      ['count:worker:injured', '15 workers', 'how many workers were injured'],
    ])
  })
})

describe('extractClaims: local offices', () => {
  it('keys "Mayor X", "City Mayor Y" and "the current mayor, Z" as one office, without a country', () => {
    const claims = claimsOf({
      a: `Mayor Owen Tate closed the schools.${LONG_TAIL}`,
      b: `City Mayor Lena Brandt spoke at noon.${LONG_TAIL}`,
      c: `The current mayor, Lena Brandt, spoke at noon. Former Mayor Owen Tate was not there.${LONG_TAIL}`,
      d: `The county's sheriff, Ray Holt, closed the road.${LONG_TAIL}`,
    }).filter((claim) => claim.kind === 'role')
    expect(claims.map((claim) => [claim.sourceId, claim.key, claim.value])).toEqual(
      expect.arrayContaining([
        ['a', 'role:local:mayor', 'Owen Tate'],
        ['b', 'role:local:mayor', 'Lena Brandt'],
        ['c', 'role:local:mayor', 'Lena Brandt'],
        ['c', 'role:local:mayor', 'Owen Tate (former)'],
        ['d', 'role:local:sheriff', 'Ray Holt'],
      ]),
    )
  })

  it('leaves out an office that one source gives two current holders: two towns each have a mayor', () => {
    const claims = claimsOf({
      a: `Mayor Ruth Sand met Mayor Piet Olsen on Sunday.${LONG_TAIL}`,
      b: `Mayor Ruth Sand thanked the crews.${LONG_TAIL}`,
    }).filter((claim) => claim.kind === 'role')
    expect(claims).toEqual([])
  })
})
