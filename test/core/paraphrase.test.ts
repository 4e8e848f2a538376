import { beforeAll, describe, expect, it } from 'vitest'
import type { Engine } from '../../src/index.js'
import { BUNDLED_DIR, fixtureDir, loadCheckedEngine } from '../helpers/engine.js'
import { PARAPHRASE_QUESTIONS } from './paraphrase-questions.js'

describe('ask with questions worded away from the articles', () => {
  const engines = new Map<string, Engine>()

  beforeAll(async () => {
    for (const corpus of new Set(PARAPHRASE_QUESTIONS.map((testCase) => testCase.corpus))) engines.set(corpus, (await loadCheckedEngine(fixtureDir(corpus))).engine)
  }, 120_000)

  const rightShare = (half: 'tune' | 'held-out') => {
    const inScope = PARAPHRASE_QUESTIONS.filter((testCase) => testCase.phrase !== undefined && (testCase.half ?? 'tune') === half)
    const right = inScope.filter((testCase) => {
      const answer = engines.get(testCase.corpus)?.ask(testCase.question)
      return answer?.status === 'answered' && answer.quotes.some((quote) => quote.text.toLowerCase().includes((testCase.phrase ?? '').toLowerCase()))
    })
    return right.length / inScope.length
  }

  // Floors at today's level (see the README): the target is 85% of each.
  it('answers most in-scope paraphrases of the tuning half with a quote that holds the answer', () => {
    expect(rightShare('tune')).toBeGreaterThanOrEqual(0.55)
  })

  it('answers a third of the held-out paraphrases with a quote that holds the answer', () => {
    expect(rightShare('held-out')).toBeGreaterThanOrEqual(0.33)
  })

  it('declines every out-of-scope question, near misses on the same theme included', () => {
    for (const testCase of PARAPHRASE_QUESTIONS.filter((candidate) => candidate.phrase === undefined)) {
      expect(engines.get(testCase.corpus)?.ask(testCase.question).status, testCase.question).toBe('no_answer')
    }
  })
})

describe('ask with odd input', () => {
  let engine: Engine

  beforeAll(async () => {
    ;({ engine } = await loadCheckedEngine(BUNDLED_DIR))
  }, 120_000)

  it('answers "make progress or fail" as it answers "fail": a light verb does not decide', () => {
    expect(engine.ask('Did the summit make progress or fail?').status).toBe('answered')
  })

  it('declines or answers, never throws, for stop words, a rare word, another script, repetition, emoji and markup', () => {
    const odd = [
      'what is the of and',
      'zyxomorph',
      'Что произошло на саммите?',
      '峰会的结果是什么？',
      Array.from({ length: 200 }, () => 'talks').join(' '),
      '🔥🔥🔥',
      '🔥 <b>talks</b> **ceasefire**? <script>alert(1)</script>',
    ]
    for (const question of odd) {
      const answer = engine.ask(question)
      expect(['answered', 'no_answer', 'invalid'], question).toContain(answer.status)
      if (answer.status !== 'answered') expect(answer.message, question).toBeTruthy()
    }
    expect(engine.ask('what is the of and').status).toBe('no_answer')
    expect(engine.ask('Что произошло на саммите?').status).toBe('no_answer')
  })
})
