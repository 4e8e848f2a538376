import { describe, expect, it } from 'vitest'
import { createQuotePageStore, moreQuotesData, parseMoreQuotesData } from '../../adapters/telegram/quote-pages.js'

const page = (question: string, offset = 4) => ({ question, offset, chatId: 1 })

describe('createQuotePageStore', () => {
  it('gives back a remembered page under its id, as a copy', () => {
    const store = createQuotePageStore()
    const id = store.remember(page('How long did the talks last?'))

    const recalled = store.recall(id)
    expect(recalled).toEqual(page('How long did the talks last?'))
    recalled!.offset = 99
    expect(store.recall(id)?.offset).toBe(4)
  })

  it('makes unguessable ids whose callback_data fits Telegram’s 64 bytes', () => {
    const store = createQuotePageStore()
    const ids = Array.from({ length: 1_000 }, () => store.remember(page('q')))

    expect(new Set(ids).size).toBe(1_000)
    for (const id of ids) {
      expect(id).toMatch(/^[\w-]{16}$/)
      expect(Buffer.byteLength(moreQuotesData(id))).toBeLessThanOrEqual(64)
    }
  })

  it('forgets a page once it has expired', () => {
    let now = 1_000
    const store = createQuotePageStore({ ttlMs: 500, now: () => now })
    const id = store.remember(page('q'))

    now = 1_499
    expect(store.recall(id)).toBeDefined()
    now = 1_500
    expect(store.recall(id)).toBeUndefined()
  })

  it('forgets the least recently used page beyond maxPages', () => {
    const store = createQuotePageStore({ maxPages: 2 })
    const first = store.remember(page('first'))
    const second = store.remember(page('second'))
    store.recall(first)
    const third = store.remember(page('third'))

    expect(store.recall(second)).toBeUndefined()
    expect(store.recall(first)?.question).toBe('first')
    expect(store.recall(third)?.question).toBe('third')
  })

  it('returns undefined for an id it never gave out', () => {
    expect(createQuotePageStore().recall('AAAAAAAAAAAAAAAA')).toBeUndefined()
  })
})

describe('parseMoreQuotesData', () => {
  it('reads back the id in data made by moreQuotesData', () => {
    expect(parseMoreQuotesData(moreQuotesData('abc_DEF-1234567x'))).toBe('abc_DEF-1234567x')
  })

  it.each([undefined, '', 'more:', 'more:short', 'more:abc_DEF-1234567x:4', 'less:abc_DEF-1234567x', 'more:abc_DEF-1234567<', ` more:abc_DEF-1234567x`, 'more:abc_DEF-1234567x\n'])(
    'rejects %j',
    (data) => {
      expect(parseMoreQuotesData(data)).toBeUndefined()
    },
  )
})
