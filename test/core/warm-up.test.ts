import { beforeAll, describe, expect, it } from 'vitest'
import { loadCorpusDir } from '../../adapters/load-corpus.js'
import { warmUpQuestions, type Engine } from '../../src/index.js'
import { fixtureDir, loadCheckedEngine } from '../helpers/engine.js'

describe('warmUpQuestions', () => {
  let engine: Engine
  let corpusText: string

  beforeAll(async () => {
    ;({ engine } = await loadCheckedEngine(fixtureDir('takeaways-bike-launch')))
    corpusText = (await loadCorpusDir(fixtureDir('takeaways-bike-launch'))).map((article) => `${article.title} ${article.text}`).join(' ').toLowerCase()
  })

  it('makes the same questions every time, of every kind the answers are typed by', () => {
    const questions = warmUpQuestions(engine)
    expect(questions).toEqual(warmUpQuestions(engine))
    expect(questions.length).toBeGreaterThanOrEqual(20)
    for (const opening of ['Who ', 'When did ', 'Where did ', 'How many ', 'How long did ', 'Why did ', 'Did ']) {
      expect(questions.some((question) => question.startsWith(opening))).toBe(true)
    }
  })

  it('asks about words of the corpus, and some the corpus lacks', () => {
    const questions = warmUpQuestions(engine)
    const words = (question: string) => question.replace(/\?$/, '').split(' ').slice(-2)
    expect(questions.filter((question) => words(question).every((word) => corpusText.includes(word.toLowerCase()))).length).toBeGreaterThan(questions.length / 2)
    expect(questions.some((question) => words(question).some((word) => !corpusText.includes(word.toLowerCase())))).toBe(true)
  })

  it('gets answers and declines from the engine, never an error', () => {
    const statuses = warmUpQuestions(engine).map((question) => engine.ask(question).status)
    expect(statuses).toContain('answered')
    expect(statuses).toContain('no_answer')
    expect(statuses).not.toContain('invalid')
  })

  it('makes no more than it is asked for', () => {
    expect(warmUpQuestions(engine, { maxQuestions: 7 })).toHaveLength(7)
  })
})
