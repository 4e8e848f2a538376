import { describe, expect, it } from 'vitest'
import { stem } from '../../src/analyzer.js'
import { marginIn } from '../../src/claims/margin.js'
import { statusIn } from '../../src/claims/office-status.js'

const post = (...words: string[]) => new Set(words.map(stem))

describe('statusIn', () => {
  it('reads a person called former before or after the name as a former holder', () => {
    expect(statusIn('Former chair Vera Holm declined to comment.', 'Holm', post('chair'))?.display).toBe('former chair')
    expect(statusIn('Holm, who was mayor from 2015 to 2021, was succeeded by Ansel Varo.', 'Holm', post('mayor'))?.display).toBe('former mayor')
  })

  it('reads a post named beside the person with no status word as current', () => {
    expect(statusIn("Holm, Tessa's mayor, denied the charge.", 'Holm', post('mayor'))?.display).toBe('current mayor')
    expect(statusIn('Vera Holm, chair of the Tessa Water Board, spoke first.', 'Holm', post('chair', 'water', 'board'))?.display).toBe('current chair')
  })

  it('reads nothing when the post is far from the name or the person is not named', () => {
    expect(statusIn('Holm spoke for an hour about roads, schools, parks and the new bridge before the mayor arrived.', 'Holm', post('mayor'))).toBeUndefined()
    expect(statusIn('The former mayor spoke first.', 'Holm', post('mayor'))).toBeUndefined()
  })
})

describe('marginIn', () => {
  it('tells a landslide from a narrow win', () => {
    expect(marginIn('Members backed the strike by a landslide.')?.side).toBe('wide')
    expect(marginIn('The motion passed by a narrow margin.')?.side).toBe('narrow')
  })

  it('reads no margin from a denied one or a sentence giving both', () => {
    expect(marginIn('It was not a landslide.')).toBeUndefined()
    expect(marginIn('Polls promised a landslide; the result was narrow.')).toBeUndefined()
  })
})
