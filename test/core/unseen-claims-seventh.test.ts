import { describe, expect, it } from 'vitest'
import { asksPresentHolder, isFormerHolder } from '../../src/claims/office-status.js'
import { createEngine } from '../../src/index.js'

/**
 * Misses a newcomer met on a corpus of a strike at a factory, reproduced with other invented events
 * and wording: a name given a title it no longer holds ("former guild leader Otto Brenn") set
 * against the current holder when asked who holds the post now.
 */
const article = (id: string, title: string, text: string) => ({ id, title, text, published: '2027-05-03' })
const sides = (engine: ReturnType<typeof createEngine>, question: string) => engine.ask(question).disagreements.flatMap((disagreement) => disagreement.claims.map((claim) => claim.value)).sort()

describe('who holds a post now', () => {
  it('reads a question with no past word or past verb as asking the present holder', () => {
    expect(asksPresentHolder('Who leads the Marlow drivers guild?')).toBe(true)
    expect(asksPresentHolder('Who is the chair of the Marlow drivers guild?')).toBe(true)
    expect(asksPresentHolder('Who led the Marlow drivers guild in 2019?')).toBe(false)
    expect(asksPresentHolder('Who was the first leader of the guild?')).toBe(false)
  })

  it('reads a former title before a name or in apposition after it, in the name\'s own clause', () => {
    const before = 'Former Marlow drivers guild leader Otto Brenn said the walkout would hurt passengers.'
    expect(isFormerHolder(before, { start: before.indexOf('Otto'), end: before.indexOf(' said') })).toBe(true)
    const after = 'Otto Brenn, the guild\'s former leader, criticised the walkout.'
    expect(isFormerHolder(after, { start: 0, end: 'Otto Brenn'.length })).toBe(true)
    const until = 'Otto Brenn, guild leader until March, criticised the walkout.'
    expect(isFormerHolder(until, { start: 0, end: 'Otto Brenn'.length })).toBe(true)
    const other = 'The former depot, now run by Hanna Vosk, reopened.'
    expect(isFormerHolder(other, { start: other.indexOf('Hanna'), end: other.indexOf(', reopened') })).toBe(false)
  })

  it('sets no former holder against the current one, and answers with the current one', () => {
    const engine = createEngine([
      article('a', 'Guild backs Marlow walkout', 'Hanna Vosk, who leads the Marlow drivers guild, backed the walkout on Monday.'),
      article('b', 'Former guild chief speaks out', 'Former Marlow drivers guild leader Otto Brenn said the walkout would hurt passengers.'),
    ])
    expect(sides(engine, 'Who leads the Marlow drivers guild?')).toEqual([])
    const answer = engine.ask('Who leads the Marlow drivers guild?')
    expect(JSON.stringify(answer)).toContain('Hanna Vosk, who leads the Marlow drivers guild')
  })

  it('still sets two current holders against each other', () => {
    const engine = createEngine([
      article('a', 'Guild backs Marlow walkout', 'Hanna Vosk, who leads the Marlow drivers guild, backed the walkout on Monday.'),
      article('b', 'Guild chief speaks out', 'Marlow drivers guild leader Otto Brenn said the walkout would go ahead on Monday.'),
    ])
    expect(sides(engine, 'Who leads the Marlow drivers guild?')).toEqual(['Hanna Vosk', 'Otto Brenn'])
  })
})

describe('sums of one act by different parties, corpus-wide', () => {
  const listed = (engine: ReturnType<typeof createEngine>) => engine.disagreements().map((disagreement) => disagreement.claims.map((claim) => claim.value).sort())

  it('lists no disagreement when one source states both sums and another only one of them', () => {
    const engine = createEngine([
      article('a', 'Tanner ferry deal agreed', 'The Tanner ferry company will pay €12m to the harbour board under the deal. The city council will pay €30m towards the new ferry terminal.'),
      article('b', 'Tanner ferry deal signed', 'Under the deal, the Tanner ferry company pays the harbour board €12m, officials said.'),
    ])
    expect(listed(engine)).toEqual([])
  })

  it('still lists two sources giving one payer different sums', () => {
    const engine = createEngine([
      article('a', 'Tanner ferry deal agreed', 'The Tanner ferry company will pay €12m to the harbour board under the deal.'),
      article('b', 'Tanner ferry deal signed', 'Under the deal, the Tanner ferry company will pay €15m to the harbour board, officials said.'),
    ])
    expect(listed(engine)).toHaveLength(1)
  })
})
