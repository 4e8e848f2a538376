import { describe, expect, it } from 'vitest'
import { createEngine } from '../../src/index.js'

/**
 * "What share of voters…" asks for a share as "how many" asks for a count: "share" is the question's
 * form, not a word the articles must use (they write "62%"). Before, a question with a name and
 * "share" was declined in a small corpus: "share" weighed as a topic word no article uses. Invented:
 * a town's referendum on a bypass.
 */
const article = (id: string, title: string, text: string) => ({ id, title, text, published: '2027-05-14' })
const sides = (engine: ReturnType<typeof createEngine>, question: string) => engine.ask(question).disagreements.flatMap((disagreement) => disagreement.claims.map((claim) => claim.value)).sort()

const first = article('a', 'Eastby backs the bypass', 'Voters in Eastby backed the new bypass with 62% in Thursday\'s referendum. Work on the road is due to start in the spring.')
const second = article('b', 'Bypass approved in Eastby referendum', 'Eastby approved the bypass on Thursday, with 58% of voters in favour, the returning officer said. The town council will now seek a contractor.')

describe('a question asking for a share', () => {
  it('answers with the shares and sets them against each other', () => {
    const engine = createEngine([first, second])
    const answer = engine.ask('What share of voters in Eastby backed the bypass?')
    expect(answer.status).toBe('answered')
    expect(sides(engine, 'What share of voters in Eastby backed the bypass?')).toEqual(['58%', '62%'])
    expect(sides(engine, 'What proportion of voters in Eastby backed the bypass?')).toEqual(['58%', '62%'])
  })

  it('notes no disagreement on a question the shares do not answer', () => {
    const engine = createEngine([first, second])
    expect(sides(engine, 'How much does parking cost in Eastby?')).toEqual([])
    expect(sides(engine, 'How many buses serve Eastby?')).toEqual([])
  })
})
