import { describe, expect, it } from 'vitest'
import { createMemoryStore } from '../../adapters/store/memory.js'
import { createQuotePageStore, createStoredQuotePages, moreQuotesData, parseMoreQuotesData } from '../../adapters/telegram/quote-pages.js'

const page = (question: string, offset = 4) => ({ question, offset, chatId: 1 })

describe('createQuotePageStore', () => {
  it('gives back a remembered page under its id, as a copy', async () => {
    const store = createQuotePageStore()
    const id = await store.remember(page('How long did the talks last?'))

    const recalled = await store.recall(id)
    expect(recalled).toEqual(page('How long did the talks last?'))
    recalled!.offset = 99
    expect((await store.recall(id))?.offset).toBe(4)
  })

  it('makes unguessable ids whose callback_data fits Telegram’s 64 bytes', async () => {
    const store = createQuotePageStore()
    const ids = await Promise.all(Array.from({ length: 1_000 }, () => store.remember(page('q'))))

    expect(new Set(ids).size).toBe(1_000)
    for (const id of ids) {
      expect(id).toMatch(/^[\w-]{16}$/)
      expect(Buffer.byteLength(moreQuotesData(id))).toBeLessThanOrEqual(64)
    }
  })

  it('forgets a page once it has expired', async () => {
    let now = 1_000
    const store = createQuotePageStore({ ttlMs: 500, now: () => now })
    const id = await store.remember(page('q'))

    now = 1_499
    expect(await store.recall(id)).toBeDefined()
    now = 1_500
    expect(await store.recall(id)).toBeUndefined()
  })

  it('forgets the least recently used page beyond maxPages', async () => {
    const store = createQuotePageStore({ maxPages: 2 })
    const first = await store.remember(page('first'))
    const second = await store.remember(page('second'))
    await store.recall(first)
    const third = await store.remember(page('third'))

    expect(await store.recall(second)).toBeUndefined()
    expect((await store.recall(first))?.question).toBe('first')
    expect((await store.recall(third))?.question).toBe('third')
  })

  it('returns undefined for an id it never gave out', async () => {
    expect(await createQuotePageStore().recall('AAAAAAAAAAAAAAAA')).toBeUndefined()
  })
})

describe('parseMoreQuotesData', () => {
  it('reads back the id in data made by moreQuotesData', async () => {
    expect(parseMoreQuotesData(moreQuotesData('abc_DEF-1234567x'))).toBe('abc_DEF-1234567x')
  })

  it.each([undefined, '', 'more:', 'more:short', 'more:abc_DEF-1234567x:4', 'less:abc_DEF-1234567x', 'more:abc_DEF-1234567<', ` more:abc_DEF-1234567x`, 'more:abc_DEF-1234567x\n'])(
    'rejects %j',
    (data) => {
      expect(parseMoreQuotesData(data)).toBeUndefined()
    },
  )
})

describe('createStoredQuotePages', () => {
  it('gives back a page another process stored, and refuses a stored value of the wrong shape', async () => {
    const shared = createMemoryStore()
    const replica1 = createStoredQuotePages(shared)
    const replica2 = createStoredQuotePages(shared)
    const id = await replica1.remember(page('How long did the talks last?'))

    expect(await replica2.recall(id)).toEqual(page('How long did the talks last?'))
    await shared.set(`telegram:page:${id}`, JSON.stringify({ question: 'q', offset: '4; drop' }), 60_000)
    expect(await replica2.recall(id)).toBeUndefined()
    await shared.set(`telegram:page:${id}`, 'not json', 60_000)
    expect(await replica2.recall(id)).toBeUndefined()
  })
})
