import { beforeAll, describe, expect, it } from 'vitest'
import type { Engine } from '../../src/index.js'
import { fixtureDir, loadCheckedEngine } from '../helpers/engine.js'
import { ANSWER_SENTENCE_CORPUS, ANSWER_SENTENCE_QUESTIONS } from './answer-sentence-questions.js'

/**
 * Round 10's held-out set (README, "Answers on corpora it has never seen"): of 12 questions, the
 * first quote held the answer for 2 and some quote for 4 before any change. Floors at today's level.
 */
const FIRST_FLOOR = 2
const ANY_FLOOR = 4

describe('ask when the answer is in a sentence worded away from the question', () => {
  let engine: Engine

  beforeAll(async () => {
    engine = (await loadCheckedEngine(fixtureDir(ANSWER_SENTENCE_CORPUS))).engine
  }, 120_000)

  /** How many of the set's questions have the answer's phrase in the first quote, and in any quote. */
  const held = () => {
    let first = 0
    let any = 0
    for (const testCase of ANSWER_SENTENCE_QUESTIONS) {
      const answer = engine.ask(testCase.question)
      const holds = answer.quotes.map((quote) => quote.text.toLowerCase().includes(testCase.phrase.toLowerCase()))
      if (holds[0]) first++
      if (holds.some(Boolean)) any++
    }
    return { first, any }
  }

  it('puts the sentence that holds the answer first for some of the questions', () => {
    expect(held().first).toBeGreaterThanOrEqual(FIRST_FLOOR)
  })

  it('shows the sentence that holds the answer among its quotes for more of them', () => {
    expect(held().any).toBeGreaterThanOrEqual(ANY_FLOOR)
  })

  it('answers whether more was found with the sentence that says a second fragment was', () => {
    const answer = engine.ask('Has any more of the meteorite been found?')
    expect(answer.quotes[0]?.text).toContain('A second fragment was found')
  })
})
