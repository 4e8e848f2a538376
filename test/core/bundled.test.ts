import { beforeAll, describe, expect, it } from 'vitest'
import type { Engine } from '../../src/index.js'
import { BUNDLED_DIR, loadCheckedEngine } from '../helpers/engine.js'
import { BUNDLED_QUESTIONS } from './bundled-questions.js'
import { passesQuestionCase } from './question-case.js'

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
    const answered = BUNDLED_QUESTIONS.filter((c) => c.expect === 'no_answer' && !passesQuestionCase(engine, c)).map((c) => c.question)
    expect(answered).toEqual([])
  })

  it('answers at least 90% of the answerable questions with the expected source and phrase', () => {
    const answerable = BUNDLED_QUESTIONS.filter((c) => c.expect === 'answered')
    const missed = answerable.filter((c) => !passesQuestionCase(engine, c)).map((c) => c.question)
    expect(missed.length / answerable.length, `missed: ${missed.join(' | ')}`).toBeLessThanOrEqual(0.1)
  })
})
