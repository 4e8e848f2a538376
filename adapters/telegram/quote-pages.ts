import { randomBytes } from 'node:crypto'

/**
 * The pages behind "More quotes" buttons. Telegram gives a button at most 64 bytes of
 * `callback_data`, too few for a question, so the button carries only a random page id and the
 * question waits here. Anyone can send any `callback_data` to the bot, so the id is the only thing
 * read from it, and a page is given out only in the chat it was made for.
 */

/** What a "More quotes" button asks for: the question again, from `offset` on. */
export interface QuotePage {
  /** The question as the asker sent it. */
  question: string
  /** Quotes already shown: the page starts after them. */
  offset: number
  /** The chat whose answer carries the button. */
  chatId: number
}

/** Remembers recent pages under short random ids. */
export interface QuotePageStore {
  /** Stores `page` and returns its id, for {@link moreQuotesData}. */
  remember(page: QuotePage): string
  /** The page stored under `id`, or `undefined` when it is unknown, expired or forgotten. */
  recall(id: string): QuotePage | undefined
}

/** Bounds of a {@link QuotePageStore}. */
export interface QuotePageStoreOptions {
  /** Most pages kept; the least recently used go first. Defaults to 5_000 (a few megabytes at most). */
  maxPages?: number
  /** How long a button keeps working, in milliseconds. Defaults to 86_400_000 (a day). */
  ttlMs?: number
  /** The clock, in milliseconds; tests pass a fake one. Defaults to `Date.now`. */
  now?: () => number
}

const DEFAULT_QUOTE_PAGE_STORE_OPTIONS: Required<QuotePageStoreOptions> = { maxPages: 5_000, ttlMs: 86_400_000, now: Date.now }

/** Random bytes in a page id: 96 bits, so ids cannot be guessed. */
const PAGE_ID_BYTES = 12
/** `callback_data` of a "More quotes" button: the prefix, then the id in base64url (16 characters). */
const MORE_QUOTES_DATA = /^more:([\w-]{16})$/

/**
 * Creates an in-memory store. Pages from before a restart, older than `ttlMs` or pushed out by
 * newer ones are gone, and their buttons get a polite "ask again" instead.
 */
export function createQuotePageStore(options: QuotePageStoreOptions = {}): QuotePageStore {
  const { maxPages, ttlMs, now } = { ...DEFAULT_QUOTE_PAGE_STORE_OPTIONS, ...options }
  const pages = new Map<string, { page: QuotePage; expiresAt: number }>()
  return {
    remember(page) {
      const id = randomBytes(PAGE_ID_BYTES).toString('base64url')
      pages.set(id, { page: { ...page }, expiresAt: now() + ttlMs })
      // A Map iterates in insertion order, and `recall` re-inserts what it reads: the first key is the least recently used.
      for (const oldest of pages.keys()) {
        if (pages.size <= maxPages) break
        pages.delete(oldest)
      }
      return id
    },
    recall(id) {
      const entry = pages.get(id)
      if (entry === undefined) return undefined
      pages.delete(id)
      if (entry.expiresAt <= now()) return undefined
      pages.set(id, entry)
      return { ...entry.page }
    },
  }
}

/** The `callback_data` of the "More quotes" button for page `id`: 21 bytes. */
export function moreQuotesData(id: string): string {
  return `more:${id}`
}

/** The page id in `callback_data` made by {@link moreQuotesData}; `undefined` for anything else. */
export function parseMoreQuotesData(data: string | undefined): string | undefined {
  return data === undefined ? undefined : MORE_QUOTES_DATA.exec(data)?.[1]
}
