import { describe, expect, it } from 'vitest'
import { createEngineCache } from '../../bench/conversations.js'
import { answerConversation } from '../../adapters/conversation/answer-conversation.js'
import { fixtureDir } from '../helpers/engine.js'

/**
 * A follow-up stays on the story of the answer it continues. The fixture holds two purchases: a
 * football club sold for a fee (two articles) and a portrait a gallery "paid" for (two articles), so
 * a follow-up's own words ("cost", "price", "paid") match the other story best.
 */
describe('a follow-up over a corpus of two purchases', () => {
  const engineFor = createEngineCache(fixtureDir('').replace(/\/$/, ''))

  it('answers "how much did it cost?" after "Who bought the club?" from the club’s articles, not the gallery’s', async () => {
    const [first, cost] = answerConversation(await engineFor('conversation-club-gallery'), ['Who bought the club?', 'how much did it cost?'])
    expect(first?.quotes[0]?.source.id).toMatch(/-club$/)
    expect(cost?.contextWords).toContain('club')
    expect(cost?.quotes[0]?.text).toContain('14 million pounds')
    expect(cost?.quotes.slice(0, 2).every((quote) => quote.source.id.endsWith('-club'))).toBe(true)
  }, 120_000)

  it('asked alone, the same question has no story to stay on', async () => {
    const [alone] = answerConversation(await engineFor('conversation-club-gallery'), ['how much did it cost?'])
    expect(alone?.contextWords).toBeUndefined()
    // Without the club to stay on, "it" is nothing: the club's fee is not what it finds.
    expect(alone?.quotes[0]?.text ?? '').not.toContain('14 million')
  }, 120_000)

  it('follows a switch to the other story named in the follow-up', async () => {
    const [, gallery] = answerConversation(await engineFor('conversation-club-gallery'), ['Who bought the club?', 'and how much did the Lowfield City Gallery pay for the portrait?'])
    expect(gallery?.quotes[0]?.source.id).toMatch(/-gallery$/)
    expect(gallery?.quotes[0]?.text).toContain('3.2 million pounds')
  }, 120_000)
})
