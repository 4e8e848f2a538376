import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { CorpusError, parseArticleFile } from '../../src/index.js'

/** What goes into a corpus file: the loader's front matter fields plus the address it came from. */
export interface ArticleToWrite {
  title: string
  author?: string
  outlet?: string
  /** The address fetched, after redirects. */
  url: string
  /** The page's canonical address when it differs from `url`; recognises the same article under another address. */
  canonicalUrl?: string
  /** YYYY-MM-DD. */
  published?: string
  /** Primary language tag, kept only when it is not English. */
  language?: string
  /** Plain text, one paragraph per line, blank lines between. */
  text: string
}

/**
 * What writing did; every case is an expected outcome. For an update, `newParagraphs` are the
 * paragraphs the earlier version lacked, verbatim, and `removedParagraphs` how many of its own are gone.
 */
export type WriteOutcome = { kind: 'added' | 'unchanged'; id: string; file: string } | { kind: 'updated'; id: string; file: string; newParagraphs: string[]; removedParagraphs: number }

const ARTICLE_FILE = /\.(md|markdown|txt)$/i
const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/
const MAX_ID_CHARS = 60
const TRACKING_PARAM = /^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid)$/i

interface ExistingArticle {
  id: string
  file: string
  urls: string[]
  /** The `url` field as written. */
  url?: string
  content: string
}

/**
 * Writes `article` into `dir` as `<id>.md` in the loader's format. The same article (same URL or
 * canonical URL as a file already there) is not stored twice: unchanged, it is left alone; changed,
 * its file is rewritten in place and keeps its id. The file is checked by the corpus loader's own
 * parser before anything is written, so a refusal writes nothing; a new file is created exclusively
 * (`wx`), so two writers never clobber each other.
 */
export async function writeArticle(dir: string, article: ArticleToWrite): Promise<WriteOutcome> {
  const existing = await readExisting(dir)
  const keys = new Set([article.url, article.canonicalUrl].filter((url): url is string => url !== undefined).map(normaliseUrl))
  const same = existing.find((entry) => entry.urls.some((url) => keys.has(url)))
  if (same) {
    const content = renderArticleFile({ id: same.id, ...article })
    checkReadable(same.file, content)
    // The same text reached under another address (an AMP page, a short link) is not a change.
    const asStored = same.url === undefined ? content : renderArticleFile({ id: same.id, ...article, url: same.url })
    if (same.content === content || same.content === asStored) return { kind: 'unchanged', id: same.id, file: same.file }
    const earlier = new Set(paragraphsOf(parseArticleFile(same.file, same.content).text))
    const now = paragraphsOf(article.text)
    const kept = new Set(now)
    await writeFile(same.file, content, 'utf8')
    return {
      kind: 'updated',
      id: same.id,
      file: same.file,
      newParagraphs: now.filter((paragraph) => !earlier.has(paragraph)),
      removedParagraphs: [...earlier].filter((paragraph) => !kept.has(paragraph)).length,
    }
  }
  const taken = new Set(existing.map((entry) => entry.id))
  const fileNames = new Set(await readdir(dir))
  const base = slugFor(article.title)
  let id = base
  for (let n = 2; taken.has(id) || fileNames.has(`${id}.md`); n += 1) id = `${base}-${n}`
  const file = join(dir, `${id}.md`)
  const content = renderArticleFile({ id, ...article })
  checkReadable(file, content)
  await writeFile(file, content, { encoding: 'utf8', flag: 'wx' })
  return { kind: 'added', id, file }
}

/** The corpus file text: YAML front matter with every value JSON-quoted (valid YAML), then the body. */
export function renderArticleFile(article: ArticleToWrite & { id: string }): string {
  const fields: Array<[string, string | undefined]> = [
    ['id', article.id],
    ['title', article.title],
    ['title_source', 'original'],
    ['author', article.author],
    ['outlet', article.outlet],
    ['url', article.url],
    ['canonical_url', article.canonicalUrl !== undefined && normaliseUrl(article.canonicalUrl) !== normaliseUrl(article.url) ? article.canonicalUrl : undefined],
    ['published', article.published],
    ['language', article.language !== undefined && article.language !== 'en' ? article.language : undefined],
  ]
  const lines = fields.filter(([, value]) => value !== undefined && value !== '').map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
  return `---\n${lines.join('\n')}\n---\n\n${article.text.trim()}\n`
}

/** Lower-case host, no fragment, no default port, no trailing slash, no tracking parameters. */
export function normaliseUrl(href: string): string {
  try {
    const url = new URL(href)
    url.hash = ''
    for (const key of [...url.searchParams.keys()]) if (TRACKING_PARAM.test(key)) url.searchParams.delete(key)
    url.searchParams.sort()
    const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname
    return `${url.protocol}//${url.host.toLowerCase()}${path}${url.search}`
  } catch {
    // Not a URL (a hand-written file may hold anything): compare it as written.
    return href.trim()
  }
}

/** An id from the title: lower-case ASCII letters and digits joined by "-", at most 60 characters, cut at a word. */
export function slugFor(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
  let slug = ''
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`
    if (next.length > MAX_ID_CHARS) break
    slug = next
  }
  return slug || 'article'
}

/** The paragraphs of a plain-text body (blank lines between), trimmed, empty ones dropped. */
function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
}

function checkReadable(file: string, content: string): void {
  // The loader must read back what we write; if it would not, that is our bug, and nothing is written.
  const parsed = parseArticleFile(file, content)
  if (parsed.text.trim() === '') throw new CorpusError(file, 'the article would have no text')
}

async function readExisting(dir: string): Promise<ExistingArticle[]> {
  const names = (await readdir(dir)).filter((name) => ARTICLE_FILE.test(name) && !name.startsWith('.'))
  const entries = await Promise.all(
    names.map(async (name): Promise<ExistingArticle | undefined> => {
      const file = join(dir, name)
      const content = await readFile(file, 'utf8')
      try {
        const article = parseArticleFile(file, content)
        const urls = [article.url, canonicalOf(content)].filter((url): url is string => url !== undefined).map(normaliseUrl)
        return { id: article.id, file, urls, content, ...(article.url ? { url: article.url } : {}) }
      } catch (error) {
        // A broken file is the reloader's to report; it cannot be the article being added.
        if (error instanceof CorpusError) return undefined
        throw error
      }
    }),
  )
  return entries.filter((entry): entry is ExistingArticle => entry !== undefined)
}

function canonicalOf(content: string): string | undefined {
  const match = FRONT_MATTER.exec(content.replace(/^\uFEFF/, ''))
  if (!match) return undefined
  const data: unknown = parseYaml(match[1] ?? '')
  const value = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).canonical_url : undefined
  return typeof value === 'string' ? value : undefined
}
