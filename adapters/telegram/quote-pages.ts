import { randomBytes } from 'node:crypto'
import { readJson, type KeyValueStore } from '../store/store.js'

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

/**
 * Remembers recent pages under short random ids: in this process's memory, or in the shared store
 * so that any replica serves any press ({@link createStoredQuotePages}).
 */
export interface QuotePageStore {
  /** Stores `page` and returns its id, for {@link moreQuotesData}. */
  remember(page: QuotePage): Promise<string>
  /**
   * The page stored under `id`, or `undefined` when it is unknown, expired or forgotten. Rejects
   * with `StoreUnavailableError` when the shared store cannot be asked: the press gets a notice.
   */
  recall(id: string): Promise<QuotePage | undefined>
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
    async remember(page) {
      const id = newPageId()
      pages.set(id, { page: { ...page }, expiresAt: now() + ttlMs })
      // A Map iterates in insertion order, and `recall` re-inserts what it reads: the first key is the least recently used.
      for (const oldest of pages.keys()) {
        if (pages.size <= maxPages) break
        pages.delete(oldest)
      }
      return id
    },
    async recall(id) {
      const entry = pages.get(id)
      if (entry === undefined) return undefined
      pages.delete(id)
      if (entry.expiresAt <= now()) return undefined
      pages.set(id, entry)
      return { ...entry.page }
    },
  }
}

/** Key namespace of pages in the shared store. */
const PAGE_KEY = 'telegram:page:'

/**
 * Pages in the shared store (Redis with `REDIS_URL`), so a press reaching any replica finds its
 * page; each expires after `ttlMs` (defaults to a day), and Redis's own memory policy bounds them.
 * What comes back is checked, not trusted because a process of ours wrote it.
 */
export function createStoredQuotePages(store: KeyValueStore, options: Pick<QuotePageStoreOptions, 'ttlMs'> = {}): QuotePageStore {
  const ttlMs = options.ttlMs ?? DEFAULT_QUOTE_PAGE_STORE_OPTIONS.ttlMs
  return {
    async remember(page) {
      const id = newPageId()
      await store.set(PAGE_KEY + id, JSON.stringify({ question: page.question, offset: page.offset, chatId: page.chatId }), ttlMs)
      return id
    },
    recall: (id) => readJson(store, PAGE_KEY + id, toQuotePage),
  }
}

function toQuotePage(value: unknown): QuotePage | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const { question, offset, chatId } = value as Record<string, unknown>
  if (typeof question !== 'string' || typeof offset !== 'number' || typeof chatId !== 'number') return undefined
  return { question, offset, chatId }
}

function newPageId(): string {
  return randomBytes(PAGE_ID_BYTES).toString('base64url')
}

/** The `callback_data` of the "More quotes" button for page `id`: 21 bytes. */
export function moreQuotesData(id: string): string {
  return `more:${id}`
}

/** The page id in `callback_data` made by {@link moreQuotesData}; `undefined` for anything else. */
export function parseMoreQuotesData(data: string | undefined): string | undefined {
  return data === undefined ? undefined : MORE_QUOTES_DATA.exec(data)?.[1]
}
