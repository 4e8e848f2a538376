import { beforeAll, describe, expect, it } from 'vitest'
import type { Engine } from '../../src/index.js'
import { irregularFormsOf } from '../../src/irregular-verbs.js'
import { fixtureDir, loadCheckedEngine } from '../helpers/engine.js'

describe('irregularFormsOf', () => {
  it('reaches a base form\'s past forms, and from a past form its base and the base\'s inflections', () => {
    expect(irregularFormsOf('find')).toEqual(['found'])
    expect(irregularFormsOf('begin')).toEqual(['began', 'begun'])
    expect(irregularFormsOf('found')).toEqual(expect.arrayContaining(['find', 'finds', 'finding']))
    expect(irregularFormsOf('took')).toEqual(expect.arrayContaining(['take', 'taken']))
  })

  it('never inflects a past form as a base ("found" for "find" is not "founded")', () => {
    expect(irregularFormsOf('find')).not.toContain('founded')
    expect(irregularFormsOf('found')).not.toContain('founded')
  })
})

describe('ask with a question\'s verb in its base form and the article\'s in an irregular past', () => {
  let engine: Engine

  beforeAll(async () => {
    ;({ engine } = await loadCheckedEngine(fixtureDir('irregular-verbs')))
  })

  it('quotes first the sentence that says what the inspectors found', () => {
    const answer = engine.ask('What did the inspectors find?')
    expect(answer.status).toBe('answered')
    expect(answer.quotes[0]?.text).toBe('The inspectors found rust on three steel supports and a crack across the deck.')
  })

  it('quotes first the sentence that says what was bought', () => {
    const answer = engine.ask('What did the council buy?')
    expect(answer.quotes[0]?.text).toContain('The council bought new steel supports from Ashby Steel')
  })
})
