import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { tokenize } from '../../src/analyzer.js'
import { parallelStretch } from '../../src/claims/parallel.js'
import { mayBeParallel, wordBagsOf } from '../../src/claims/parallel-bound.js'
import { forgetSentenceReadings, sentenceTokens, tagSentence } from '../../src/claims/sentence-memo.js'
import { tagWords } from '../../src/claims/phrase.js'

const SENTENCES = [
  'The stadium was the home venue of Gençlerbirliği until 2019.',
  'The stadium was the home venue of Bursaspor until 2019.',
  'A defender, he began his career at the club in 1998.',
  'A forward, he began his career at the club in 1998.',
  'Talks lasted about seven hours on Friday, officials said.',
  'The talks lasted three hours on Friday, officials said.',
  'Rescuers pulled 42 passengers from the water.',
  'No agreement was reached.',
  'the the the the the the the the',
  'the the the the the the the the the the of',
]

describe('mayBeParallel', () => {
  it('lets through every pair parallelStretch finds a stretch in, and rejects pairs sharing few words', () => {
    const tokens = SENTENCES.map(tokenize)
    const bags = wordBagsOf(tokens)
    let rejected = 0
    for (let i = 0; i < SENTENCES.length; i++) {
      for (let j = 0; j < SENTENCES.length; j++) {
        if (i === j) continue
        const may = mayBeParallel(bags[i]!, bags[j]!)
        if (!may) {
          rejected++
          expect(parallelStretch(tokens[i]!, tokens[j]!)).toBeUndefined()
        }
      }
    }
    expect(mayBeParallel(bags[0]!, bags[1]!)).toBe(true)
    expect(parallelStretch(tokens[0]!, tokens[1]!)).toBeDefined()
    expect(mayBeParallel(bags[6]!, bags[7]!)).toBe(false)
    expect(rejected).toBeGreaterThan(0)
  })

  it('never rejects a pair of random sentences that parallelStretch would align', () => {
    const words = ['the', 'talks', 'lasted', 'seven', 'three', 'hours', 'on', 'friday', 'officials', 'said', 'of', 'venue', 'home']
    const sentence = fc.array(fc.constantFrom(...words), { minLength: 0, maxLength: 14 }).map((list) => list.join(' '))
    fc.assert(
      fc.property(sentence, sentence, (a, b) => {
        const [x, y] = [tokenize(a), tokenize(b)]
        const [bagA, bagB] = wordBagsOf([x, y])
        if (!mayBeParallel(bagA!, bagB!)) expect(parallelStretch(x, y)).toBeUndefined()
      }),
      { numRuns: 500 },
    )
  })

  it('counts a repeated word as often as both sentences hold it', () => {
    const [eight, ten] = wordBagsOf([tokenize(SENTENCES[8]!), tokenize(SENTENCES[9]!)])
    // Eight shared "the" of eight words: enough, as for parallelStretch's own count.
    expect(mayBeParallel(eight!, ten!)).toBe(true)
  })
})

describe('sentence memo', () => {
  it('gives the same tagging and tokens as reading the sentence afresh, before and after forgetting', () => {
    const text = SENTENCES[5]!
    const first = tagSentence(text)
    expect(first).toEqual(tagWords(text))
    expect(tagSentence(text)).toBe(first)
    forgetSentenceReadings()
    expect(tagSentence(text)).not.toBe(first)
    expect(tagSentence(text)).toEqual(first)
    expect(sentenceTokens(text)).toEqual(tokenize(text))
  })
})
