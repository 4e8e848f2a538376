import { beforeAll, describe, expect, it } from 'vitest'
import type { Engine } from '../../src/index.js'
import { BUNDLED_DIR, loadCheckedEngine } from '../helpers/engine.js'
import { EXPORTED_QUESTIONS_DIR, passesQuestionCase, readQuestionCases } from './question-case.js'

/** The questions people voted down, exported by `npm run feedback -- --export` into `test/questions/`: each a regression test. */
describe('the questions exported from 👎 votes', () => {
  let engine: Engine
  let files: Awaited<ReturnType<typeof readQuestionCases>>
  beforeAll(async () => {
    files = await readQuestionCases(EXPORTED_QUESTIONS_DIR)
    if (files.length > 0) ({ engine } = await loadCheckedEngine(BUNDLED_DIR))
  })

  it('reads every file of test/questions as an array of question cases', () => {
    for (const { file, cases } of files) expect(cases.length, file).toBeGreaterThan(0)
  })

  it('answers every exported question as its case expects', () => {
    const failing = files.flatMap(({ file, cases }) => cases.filter((testCase) => !passesQuestionCase(engine, testCase)).map((testCase) => `${file}: ${testCase.question}`))
    expect(failing).toEqual([])
  })
})
