import type { ExtractOptions } from './extract-article.js'
import type { FetchRefusalCode, PageFetcher } from './fetch-page.js'
import { createFileLocks, withLock, type Locks } from './locks.js'
import { writeArticle } from './write-article.js'

/** Why a link was not added: the fetcher's reasons, the extractor's, or `busy` (the corpus stayed locked). */
export type AddRefusalCode = FetchRefusalCode | 'not-an-article' | 'no-text' | 'busy'

/** What adding a link did. Refusals are expected outcomes with a message for a person. */
export type AddOutcome =
  | {
      kind: 'added' | 'updated' | 'unchanged'
      id: string
      title: string
      outlet?: string
      url: string
      file: string
      /** Things the person should know: another language, a paywall. Each a sentence. */
      notes: string[]
      /** For `updated`: the paragraphs of the new version that the old one did not have, verbatim. */
      newParagraphs?: string[]
      /** For `updated`: how many paragraphs of the old version are gone. */
      removedParagraphs?: number
    }
  | { kind: 'refused'; code: AddRefusalCode; message: string }

/** The name of the lock every writer of a corpus folder takes, in this process and others. */
export const CORPUS_WRITE_LOCK = 'corpus-write'

/** What a person is told when another writer held the corpus for the whole wait. */
export const BUSY_MESSAGE = 'Another article is being written into the corpus right now and it took too long; please try again in a minute.'

/** Adds one article by its link. */
export type ArticleAdder = (url: string) => Promise<AddOutcome>

/** Options of `createArticleAdder`. */
export interface ArticleAdderOptions {
  corpusDir: string
  fetchPage: PageFetcher
  extract?: ExtractOptions
  /**
   * Where writers of `corpusDir` take turns: `npm run add`, a running bot's `/add` and feed poller,
   * replicas. Defaults to a lock file in `corpusDir` (every process on the machine, or on a shared
   * volume); with `REDIS_URL`, locks in Redis.
   */
  locks?: Locks
  /** Longest wait for another writer to finish. Defaults to 15_000. */
  lockWaitMs?: number
}

/**
 * Creates the one way articles arrive, shared by `npm run add`, the feed poller and `/add`: fetch
 * safely, extract, write (deduplicated by URL and canonical URL). Adds run one at a time, so two
 * adds of the same link in one process never race for the same file.
 */
export function createArticleAdder({ corpusDir, fetchPage, extract, locks = createFileLocks(corpusDir), lockWaitMs = 15_000 }: ArticleAdderOptions): ArticleAdder {
  let queue: Promise<unknown> = Promise.resolve()
  async function addNow(link: string): Promise<AddOutcome> {
    const fetched = await fetchPage(link, { expect: 'html' })
    if (fetched.kind === 'refused') return fetched
    if (fetched.kind === 'not-modified') return { kind: 'refused', code: 'http-status', message: 'The site answered "not modified" to a plain request.' }
    // Loaded on first use: linkedom and Readability are not needed to start answering questions.
    const { extractArticle } = await import('./extract-article.js')
    const extracted = extractArticle(fetched.body, fetched.url, extract)
    if (extracted.kind === 'refused') return extracted
    const { article } = extracted
    const language = article.language ?? (looksEnglish(article.text) ? 'en' : undefined)
    // Finding the same article and writing it is one step for every writer of the folder: two
    // processes adding the same link never both create a file, nor rewrite one at once. A holder
    // that dies frees the lock after 30 s; a write takes milliseconds.
    const locked = await withLock(locks, CORPUS_WRITE_LOCK, { ttlMs: 30_000, waitMs: lockWaitMs }, () => writeArticle(corpusDir, {
      title: article.title,
      ...(article.author ? { author: article.author } : {}),
      ...(article.outlet ? { outlet: article.outlet } : {}),
      url: fetched.url,
      ...(article.canonicalUrl ? { canonicalUrl: article.canonicalUrl } : {}),
      ...(article.published ? { published: article.published } : {}),
      ...(language ? { language } : {}),
      text: article.text,
    }))
    if (locked.kind === 'busy') return { kind: 'refused', code: 'busy', message: BUSY_MESSAGE }
    const written = locked.value
    const notes: string[] = []
    if (language !== 'en') notes.push(`It is in ${languageName(language)}: I answer in English words, so questions in English may not find it.`)
    if (article.paywalled) notes.push('Only the part of the page anyone can read was stored: the rest is behind a paywall.')
    return { ...written, title: article.title, ...(article.outlet ? { outlet: article.outlet } : {}), url: fetched.url, notes }
  }
  return (link) => {
    const next = queue.then(() => addNow(link))
    queue = next.catch(() => undefined)
    return next
  }
}

// The commonest English function words: in English prose they are about a third of all words.
const ENGLISH_WORDS = new Set(['the', 'of', 'and', 'to', 'a', 'in', 'is', 'that', 'for', 'it', 'was', 'on', 'with', 'as', 'he', 'she', 'by', 'at', 'said', 'from', 'his', 'her', 'an', 'be', 'have', 'has', 'are', 'were', 'not', 'this', 'but', 'they', 'would', 'will'])

/** A page that declares no language: English when at least one word in ten is a common English function word. */
function looksEnglish(text: string): boolean {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? []
  if (words.length === 0) return true
  return words.filter((word) => ENGLISH_WORDS.has(word)).length / words.length >= 0.1
}

function languageName(tag: string | undefined): string {
  if (tag === undefined) return 'a language other than English'
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(tag)
    return name && name !== tag ? `${name} (${tag})` : `another language (${tag})`
  } catch {
    // A malformed tag from the page: name it as given.
    return `another language (${tag})`
  }
}
