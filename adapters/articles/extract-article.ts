import { isProbablyReaderable, Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'

/** An article as read from a page: metadata by trust (JSON-LD, Open Graph, `<meta>`), body verbatim. */
export interface ExtractedArticle {
  title: string
  author?: string
  outlet?: string
  /** The page's canonical address when it states one (`<link rel=canonical>`, `og:url`, JSON-LD `url`). */
  canonicalUrl?: string
  /** YYYY-MM-DD. */
  published?: string
  /** The language the page declares (`<html lang>`, JSON-LD `inLanguage`), lower-case primary tag. */
  language?: string
  /** True when the page says part of it is behind a paywall: only the free part was read. */
  paywalled: boolean
  /** Plain text, one paragraph per line, blank lines between. */
  text: string
}

/** Why a page could not give an article: an expected outcome, with a message for a person. */
export type ExtractOutcome =
  | { kind: 'article'; article: ExtractedArticle }
  | { kind: 'refused'; code: 'not-an-article' | 'no-text'; message: string }

/** Options of `extractArticle`. */
export interface ExtractOptions {
  /** Fewest characters of body text an article has. Defaults to 200. */
  minTextChars?: number
}

const NOT_AN_ARTICLE = 'That page does not look like an article (it may be a home page or a list of links).'

const DEFAULT_EXTRACT_OPTIONS: Required<ExtractOptions> = { minTextChars: 200 }

const ARTICLE_TYPES = new Set(['article', 'newsarticle', 'reportagenewsarticle', 'analysisnewsarticle', 'opinionnewsarticle', 'reviewnewsarticle', 'backgroundnewsarticle', 'blogposting', 'report', 'socialmediaposting'])

const BLOCK_TAGS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD',
  'BLOCKQUOTE', 'PRE', 'FIGURE', 'FIGCAPTION', 'TABLE', 'TR', 'TD', 'TH', 'HR', 'BR', 'ADDRESS', 'DETAILS', 'SUMMARY',
])

/**
 * Reads an article out of a page: Readability over linkedom's DOM for the body, metadata from
 * JSON-LD `NewsArticle` first, then Open Graph, then plain `<meta>` tags. The body keeps the
 * page's characters (typographic quotes, dashes, non-breaking spaces); only ASCII whitespace runs
 * are collapsed, so a quote the bot gives is what the page says.
 */
export function extractArticle(html: string, pageUrl: string, options: ExtractOptions = {}): ExtractOutcome {
  const { minTextChars } = { ...DEFAULT_EXTRACT_OPTIONS, ...options }
  const { document } = parseHTML(html)
  const meta = readMetadata(document, pageUrl)
  const readerable = isProbablyReaderable(document as unknown as Document)
  // Readability changes the document it reads, so the metadata above was taken first.
  const parsed = new Readability(document as unknown as Document, { charThreshold: minTextChars }).parse()
  const readabilityByline = parsed?.byline ? cleanText(parsed.byline).replace(/^by\s+/i, '') : undefined
  const text = dropByline(parsed?.content ? htmlToParagraphs(parsed.content) : '', meta.author ?? readabilityByline)
  if (text.length < minTextChars) {
    return meta.isArticle
      ? { kind: 'refused', code: 'no-text', message: 'That page has no article text I could find.' }
      : { kind: 'refused', code: 'not-an-article', message: NOT_AN_ARTICLE }
  }
  if (!meta.isArticle && !readerable) return { kind: 'refused', code: 'not-an-article', message: NOT_AN_ARTICLE }
  const title = meta.title ?? cleanText(parsed?.title ?? '')
  const author = meta.author ?? readabilityByline
  return {
    kind: 'article',
    article: {
      title: title || 'Untitled',
      ...(author ? { author } : {}),
      ...(meta.outlet ? { outlet: meta.outlet } : {}),
      ...(meta.canonicalUrl ? { canonicalUrl: meta.canonicalUrl } : {}),
      ...(meta.published ? { published: meta.published } : {}),
      ...(meta.language ? { language: meta.language } : {}),
      paywalled: meta.paywalled,
      text,
    },
  }
}

/** What the page's markup says of the article, before its text is read; the title may still be missing. */
type PageMetadata = Omit<ExtractedArticle, 'title' | 'text'> & { isArticle: boolean; title?: string }

type JsonObject = Record<string, unknown>

function readMetadata(document: ReturnType<typeof parseHTML>['document'], pageUrl: string): PageMetadata {
  const ld = findJsonLdArticle(document)
  const metaContent = (selector: string) => {
    const value = document.querySelector(selector)?.getAttribute('content')
    return value ? cleanText(value) : undefined
  }
  // Many sites write Open Graph tags with `name=` instead of `property=`; Readability reads both too.
  const ogContent = (key: string) => metaContent(`meta[property="${key}"], meta[name="${key}"]`)
  const og = {
    title: ogContent('og:title'),
    siteName: ogContent('og:site_name'),
    type: ogContent('og:type'),
    url: ogContent('og:url'),
    published: ogContent('article:published_time'),
    author: ogContent('article:author'),
  }
  const plain = {
    author: metaContent('meta[name="author"]'),
    published: metaContent('meta[name="date"]') ?? metaContent('meta[name="pubdate"]') ?? metaContent('meta[itemprop="datePublished"]'),
    publisher: metaContent('meta[name="publisher"]') ?? metaContent('meta[name="application-name"]'),
  }
  const outlet = textOf(ld ? nameOf(ld.publisher) : undefined) ?? og.siteName ?? plain.publisher
  const pageTitle = cleanText(document.querySelector('title')?.textContent ?? '')
  const title = textOf(ld?.headline) ?? og.title ?? (pageTitle ? stripOutletSuffix(pageTitle, outlet) : undefined)
  // article:author is often a profile URL, not a name.
  const ogAuthor = og.author && !/^https?:/i.test(og.author) ? og.author : undefined
  const author = textOf(ld ? nameOf(ld.author) : undefined) ?? ogAuthor ?? plain.author
  const canonicalHref = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? og.url ?? textOf(ld?.url)
  const canonicalUrl = canonicalHref ? absoluteUrl(canonicalHref, pageUrl) : undefined
  const published = isoDate(textOf(ld?.datePublished) ?? og.published ?? plain.published)
  const language = (textOf(ld?.inLanguage) ?? document.documentElement?.getAttribute('lang') ?? '').toLowerCase().split(/[-_]/)[0] || undefined
  const paywalled = ld?.isAccessibleForFree === false || ld?.isAccessibleForFree === 'False' || ld?.isAccessibleForFree === 'false'
  return {
    isArticle: ld !== undefined || og.type === 'article',
    ...(title ? { title } : {}),
    ...(author ? { author } : {}),
    ...(outlet ? { outlet } : {}),
    ...(canonicalUrl ? { canonicalUrl } : {}),
    ...(published ? { published } : {}),
    ...(language ? { language } : {}),
    paywalled,
  }
}

function findJsonLdArticle(document: ReturnType<typeof parseHTML>['document']): JsonObject | undefined {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown
    try {
      data = JSON.parse(script.textContent ?? '')
    } catch {
      // Broken JSON-LD is common; Open Graph and <meta> still describe the page.
      continue
    }
    const queue: unknown[] = [data]
    while (queue.length > 0) {
      const item = queue.shift()
      if (Array.isArray(item)) queue.push(...item)
      else if (isObject(item)) {
        const types = ([] as unknown[]).concat(item['@type'] ?? [])
        if (types.some((type) => typeof type === 'string' && ARTICLE_TYPES.has(type.toLowerCase()))) return item
        if (item['@graph'] !== undefined) queue.push(item['@graph'])
      }
    }
  }
  return undefined
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A person or organisation as JSON-LD gives it: a string, `{ name }`, or a list of those. */
function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((name): name is string => Boolean(name))
    return names.length > 0 ? names.join(', ') : undefined
  }
  if (isObject(value) && typeof value.name === 'string') return value.name
  return undefined
}

function textOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const text = cleanText(decodeEntities(value))
  return text === '' ? undefined : text
}

/** JSON-LD strings sometimes carry HTML entities (`&amp;`); a throwaway DOM decodes them all. */
function decodeEntities(value: string): string {
  if (!value.includes('&')) return value
  const { document } = parseHTML(`<p>${value.replace(/</g, '&lt;')}</p>`)
  return document.querySelector('p')?.textContent ?? value
}

/**
 * "Headline | Outlet" or "Headline - Outlet" → "Headline". Only the last part is cut, at its own
 * separator, so the headline keeps the page's characters ("A | B | Outlet" → "A | B").
 */
function stripOutletSuffix(title: string, outlet: string | undefined): string {
  const separators = [...title.matchAll(/\s+[|–—-]\s+/g)]
  const lastSeparator = separators.at(-1)
  if (lastSeparator === undefined) return title
  const last = title.slice(lastSeparator.index + lastSeparator[0].length)
  if (outlet === undefined || last.toLowerCase() === outlet.toLowerCase() || separators.length === 1) return title.slice(0, lastSeparator.index)
  return title
}

function absoluteUrl(href: string, base: string): string | undefined {
  try {
    return new URL(href, base).href
  } catch {
    // A canonical link that is not a URL is ignored, not fatal.
    return undefined
  }
}

function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined
  const direct = /^(\d{4}-\d{2}-\d{2})/.exec(value)?.[1]
  if (direct) return direct
  const parsed = new Date(value)
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString().slice(0, 10)
}

/** Collapses ASCII whitespace only: non-breaking spaces and every other character stay as on the page. */
function cleanText(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ').trim()
}

/**
 * A "By Jane Doe · 17 August 2025" line opening the body is page furniture, not article text.
 * Readability removes the byline it finds itself, but keeps it when the page's metadata already
 * named the author, so the line goes only when it names that author: an opening sentence such as
 * "By Sunday evening, 12 people had died." is the article's and stays.
 */
function dropByline(text: string, author: string | undefined): string {
  const [first, ...rest] = text.split('\n\n')
  if (first === undefined || author === undefined || first.length >= 120 || !/^by\s/i.test(first)) return text
  // Several authors come joined ("Jane Doe, John Roe"); the line may join them otherwise ("and").
  const names = author.toLowerCase().split(/\s*(?:,|&|\band\b)\s*/).filter((name) => name !== '')
  const line = first.toLowerCase()
  return names.some((name) => line.includes(name)) ? rest.join('\n\n') : text
}

/** Readability's cleaned HTML → one paragraph per line: text of each block, links as their text. */
export function htmlToParagraphs(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`)
  const paragraphs: string[] = []
  let buffer = ''
  const flush = () => {
    const text = cleanText(buffer)
    if (text !== '') paragraphs.push(text)
    buffer = ''
  }
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) buffer += child.textContent ?? ''
      else if (child.nodeType === 1) {
        const tag = (child as Element).tagName.toUpperCase()
        if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT') continue
        const isBlock = BLOCK_TAGS.has(tag)
        if (isBlock) flush()
        walk(child)
        if (isBlock) flush()
      }
    }
  }
  walk(document.body as unknown as Node)
  flush()
  return paragraphs.join('\n\n')
}
