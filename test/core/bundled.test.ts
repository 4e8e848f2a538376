import { beforeAll, describe, expect, it } from 'vitest'
import type { Engine } from '../../src/index.js'
import { BUNDLED_DIR, loadCheckedEngine } from '../helpers/engine.js'
import { BUNDLED_QUESTIONS, type QuestionCase } from './bundled-questions.js'

function passes(engine: Engine, testCase: QuestionCase): boolean {
  const answer = engine.ask(testCase.question)
  if (answer.status !== testCase.expect) return false
  if (testCase.expect === 'no_answer') return true
  const sourced = !testCase.source || answer.quotes.some((quote) => quote.source.id === testCase.source || quote.alsoIn.some((source) => source.id === testCase.source))
  const phrased = !testCase.phrases || answer.quotes.some((quote) => testCase.phrases!.some((phrase) => quote.text.toLowerCase().includes(phrase.toLowerCase())))
  return sourced && phrased
}

describe('the bundled corpus, asked as users ask', () => {
  let engine: Engine
  beforeAll(async () => {
    ;({ engine } = await loadCheckedEngine(BUNDLED_DIR))
  })

  it('has a question set of at least 25 answerable questions and several it must decline', () => {
    expect(BUNDLED_QUESTIONS.filter((c) => c.expect === 'answered').length).toBeGreaterThanOrEqual(25)
    expect(BUNDLED_QUESTIONS.filter((c) => c.expect === 'no_answer').length).toBeGreaterThanOrEqual(5)
  })

  it('declines every question the articles cannot answer', () => {
    const answered = BUNDLED_QUESTIONS.filter((c) => c.expect === 'no_answer' && !passes(engine, c)).map((c) => c.question)
    expect(answered).toEqual([])
  })

  it('answers at least 90% of the answerable questions with the expected source and phrase', () => {
    const answerable = BUNDLED_QUESTIONS.filter((c) => c.expect === 'answered')
    const missed = answerable.filter((c) => !passes(engine, c)).map((c) => c.question)
    expect(missed.length / answerable.length, `missed: ${missed.join(' | ')}`).toBeLessThanOrEqual(0.1)
  })
})
