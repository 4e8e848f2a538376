/**
 * The public extraction measure: `npm run bench:extraction -- --public DIR` runs the product's own
 * add path (`createArticleAdder`: Readability over linkedom, our text conversion, the corpus file
 * written and read back by the corpus loader) over pages of a public boilerplate-removal set and
 * scores the stored body against the set's expected text.
 *
 * DIR holds one folder per page (any depth) with `source.html`, `expected.html` and optionally
 * `expected-metadata.json`: the layout of Mozilla Readability's `test/test-pages`. README's
 * "Following the story" section says how to get them; they are not in this repository.
 *
 * Scores, per page and overall (micro: summed over every token of every page; macro: the mean of
 * the pages' own figures):
 * - token precision and recall: words (letters and digits, case-folded) as a multiset, so a word
 *   kept twice counts once unless the expected text has it twice;
 * - verbatim paragraphs: the share of the expected text's paragraphs found character for character
 *   (whitespace collapsed) in the stored body, which is what a quote the bot gives relies on;
 * - metadata: title, author and published date against `expected-metadata.json`.
 */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { Readability } from '@mozilla/readability'
import { JSDOM } from 'jsdom'
import { parseHTML } from 'linkedom'
import { createArticleAdder } from '../adapters/articles/add-article.js'
import { createFileLocks } from '../adapters/articles/locks.js'
import { parseArticleFile } from '../src/index.js'

/** The elements whose text is one paragraph of the expected output, when none is nested inside. */
const PARAGRAPH_TAGS = 'p, li, h1, h2, h3, h4, h5, h6, pre, blockquote, td, th, dt, dd, figcaption'

interface ExpectedMetadata {
  title?: string | null
  byline?: string | null
  publishedTime?: string | null
}

/** What the product stored for one page, read back through the corpus loader. */
interface Stored {
  kind: 'stored' | 'refused'
  body: string
  title?: string
  author?: string
  published?: string
  message?: string
}

interface PageScore {
  page: string
  outcome: string
  expectedTokens: number
  extractedTokens: number
  overlap: number
  /** The same for Readability alone over jsdom (the DOM of its own tests), its text as `textContent`. */
  libraryTokens: number
  libraryOverlap: number
  /** Paragraphs of Readability's own output on the page, and how many of them the product kept verbatim. */
  libraryParagraphs: number
  libraryParagraphsVerbatim: number
  paragraphs: number
  paragraphsVerbatim: number
  metadata: Record<'title' | 'author' | 'published', boolean | undefined>
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim()

/** Case-folded words: runs of letters and digits, so punctuation and markup spacing do not count. */
export function tokensOf(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
}

/** How many tokens two texts share, as multisets. */
export function tokenOverlap(expected: string[], extracted: string[]): number {
  const counts = new Map<string, number>()
  for (const token of expected) counts.set(token, (counts.get(token) ?? 0) + 1)
  let overlap = 0
  for (const token of extracted) {
    const left = counts.get(token) ?? 0
    if (left > 0) {
      overlap += 1
      counts.set(token, left - 1)
    }
  }
  return overlap
}

/** The expected output's text and its innermost paragraphs, whitespace collapsed. */
function readExpected(html: string): { text: string; paragraphs: string[] } {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`)
  const paragraphs = [...document.querySelectorAll(PARAGRAPH_TAGS)]
    .filter((element) => element.querySelector(PARAGRAPH_TAGS) === null)
    .map((element) => collapse(element.textContent ?? ''))
    .filter((text) => text !== '')
  return { text: document.body?.textContent ?? '', paragraphs }
}

/** Runs the real add path on one page's HTML, as `npm run add` would after fetching it. */
async function storePage(html: string, url: string): Promise<Stored> {
  const corpusDir = await mkdtemp(join(tmpdir(), 'public-extraction-'))
  try {
    const add = createArticleAdder({
      corpusDir,
      fetchPage: async () => ({ kind: 'fetched', url, status: 200, contentType: 'text/html; charset=utf-8', body: html }),
      locks: createFileLocks(corpusDir),
    })
    const outcome = await add(url)
    if (outcome.kind === 'refused') return { kind: 'refused', body: '', message: outcome.message }
    const article = parseArticleFile(outcome.file, await readFile(outcome.file, 'utf8'))
    return {
      kind: 'stored',
      body: article.text,
      title: article.title,
      ...(article.author ? { author: article.author } : {}),
      ...(article.published ? { published: article.published } : {}),
    }
  } finally {
    await rm(corpusDir, { recursive: true, force: true })
  }
}

const normaliseText = (text: string) => collapse(text.normalize('NFKC')).toLowerCase()
const sameText = (a: string, b: string) => normaliseText(a) === normaliseText(b)

/** True when both agree, undefined when the expected file does not say (null or absent). */
function compareMetadata(expected: ExpectedMetadata | undefined, stored: Stored): PageScore['metadata'] {
  if (expected === undefined) return { title: undefined, author: undefined, published: undefined }
  const byline = expected.byline ? expected.byline.replace(/^by\s+/i, '') : undefined
  const published = expected.publishedTime ? /^\d{4}-\d{2}-\d{2}/.exec(expected.publishedTime)?.[0] : undefined
  return {
    title: expected.title ? stored.title !== undefined && sameText(expected.title, stored.title) : undefined,
    // Readability's byline is often the whole credit line ("by Jane Doe - Apr 16, 2015"); ours is the name.
    author: byline ? stored.author !== undefined && normaliseText(byline).includes(normaliseText(stored.author)) : undefined,
    published: published ? stored.published === published : undefined,
  }
}

// Readability's own tests read every page as if from this address.
const PAGE_URL = 'http://fakehost/test/page.html'

/**
 * The baseline that tells the library's share of a miss from ours: the Readability version we ship,
 * over jsdom as in Readability's own test harness, its text taken whole. Where the product scores
 * the same, a miss is the library's (or its version's); where lower, it is our pipeline's.
 */
function readWithLibraryAlone(html: string): { text: string; paragraphs: string[] } {
  const { document } = new JSDOM(html, { url: PAGE_URL }).window
  return readExpected(new Readability(document, { charThreshold: 200 }).parse()?.content ?? '')
}

async function findPages(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  const names = new Set(entries.map((entry) => entry.name))
  const here = names.has('source.html') && names.has('expected.html') ? [dir] : []
  const below = await Promise.all(entries.filter((entry) => entry.isDirectory()).map((entry) => findPages(join(dir, entry.name))))
  return [...here, ...below.flat()].sort()
}

async function scorePage(root: string, pageDir: string): Promise<PageScore> {
  const page = relative(root, pageDir) || '.'
  const source = await readFile(join(pageDir, 'source.html'), 'utf8')
  const expected = readExpected(await readFile(join(pageDir, 'expected.html'), 'utf8'))
  const metadataFile = join(pageDir, 'expected-metadata.json')
  const metadata = (await stat(metadataFile).catch(() => undefined)) ? (JSON.parse(await readFile(metadataFile, 'utf8')) as ExpectedMetadata) : undefined
  const stored = await storePage(source, PAGE_URL)
  const expectedTokens = tokensOf(expected.text)
  const extractedTokens = tokensOf(stored.body)
  const library = readWithLibraryAlone(source)
  const libraryTokens = tokensOf(library.text)
  const body = collapse(stored.body)
  return {
    page,
    outcome: stored.kind === 'refused' ? `refused: ${stored.message ?? ''}` : 'stored',
    expectedTokens: expectedTokens.length,
    extractedTokens: extractedTokens.length,
    overlap: tokenOverlap(expectedTokens, extractedTokens),
    libraryTokens: libraryTokens.length,
    libraryOverlap: tokenOverlap(expectedTokens, libraryTokens),
    libraryParagraphs: library.paragraphs.length,
    libraryParagraphsVerbatim: library.paragraphs.filter((paragraph) => body.includes(paragraph)).length,
    paragraphs: expected.paragraphs.length,
    paragraphsVerbatim: expected.paragraphs.filter((paragraph) => body.includes(paragraph)).length,
    metadata: compareMetadata(metadata, stored),
  }
}

const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole)
const percent = (value: number) => `${(100 * value).toFixed(1)}%`
const f1 = (precision: number, recall: number) => (precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall))

/** Scores every page under `dir` and prints the figures; returns them for a caller that wants JSON. */
export async function runPublicExtractionBenchmark(dir: string): Promise<PageScore[]> {
  const pages = await findPages(dir)
  if (pages.length === 0) throw new Error(`No page folders (source.html + expected.html) under ${dir}`)
  const scores: PageScore[] = []
  for (const pageDir of pages) scores.push(await scorePage(dir, pageDir))

  console.log(`## Public pages under ${dir}: ${scores.length}`)
  console.log('page | outcome | precision | recall | F1 | verbatim paragraphs | title | author | published | Readability alone: precision | recall')
  const mark = (value: boolean | undefined) => (value === undefined ? '–' : value ? 'yes' : 'no')
  for (const score of scores) {
    const precision = ratio(score.overlap, score.extractedTokens)
    const recall = ratio(score.overlap, score.expectedTokens)
    console.log(
      `${score.page} | ${score.outcome} | ${percent(precision)} | ${percent(recall)} | ${percent(f1(precision, recall))} | ${score.paragraphsVerbatim}/${score.paragraphs} | ${mark(score.metadata.title)} | ${mark(score.metadata.author)} | ${mark(score.metadata.published)} | ${percent(ratio(score.libraryOverlap, score.libraryTokens))} | ${percent(ratio(score.libraryOverlap, score.expectedTokens))}`,
    )
  }
  const sum = (pick: (score: PageScore) => number) => scores.reduce((total, score) => total + pick(score), 0)
  const microPrecision = ratio(sum((s) => s.overlap), sum((s) => s.extractedTokens))
  const microRecall = ratio(sum((s) => s.overlap), sum((s) => s.expectedTokens))
  const mean = (pick: (score: PageScore) => number) => sum(pick) / scores.length
  const macroPrecision = mean((s) => ratio(s.overlap, s.extractedTokens))
  const macroRecall = mean((s) => ratio(s.overlap, s.expectedTokens))
  const macroF1 = mean((s) => f1(ratio(s.overlap, s.extractedTokens), ratio(s.overlap, s.expectedTokens)))
  console.log(`\nmicro: precision ${percent(microPrecision)}, recall ${percent(microRecall)}, F1 ${percent(f1(microPrecision, microRecall))} (${sum((s) => s.overlap)} of ${sum((s) => s.expectedTokens)} expected tokens, ${sum((s) => s.extractedTokens)} extracted)`)
  console.log(`macro: precision ${percent(macroPrecision)}, recall ${percent(macroRecall)}, F1 ${percent(macroF1)}`)
  const libraryPrecision = ratio(sum((s) => s.libraryOverlap), sum((s) => s.libraryTokens))
  const libraryRecall = ratio(sum((s) => s.libraryOverlap), sum((s) => s.expectedTokens))
  console.log(`Readability alone (micro): precision ${percent(libraryPrecision)}, recall ${percent(libraryRecall)}, F1 ${percent(f1(libraryPrecision, libraryRecall))}`)
  console.log(`verbatim paragraphs: ${sum((s) => s.paragraphsVerbatim)}/${sum((s) => s.paragraphs)} (${percent(ratio(sum((s) => s.paragraphsVerbatim), sum((s) => s.paragraphs)))})`)
  console.log(`Readability's own paragraphs on the same pages kept verbatim by the product: ${sum((s) => s.libraryParagraphsVerbatim)}/${sum((s) => s.libraryParagraphs)}`)
  console.log(`refused: ${scores.filter((s) => s.outcome !== 'stored').length}/${scores.length}`)
  for (const field of ['title', 'author', 'published'] as const) {
    const judged = scores.filter((s) => s.metadata[field] !== undefined)
    console.log(`${field} matches expected-metadata.json: ${judged.filter((s) => s.metadata[field]).length}/${judged.length} pages that state one`)
  }
  console.log(
    '\nCaveat: Readability\'s expected.html is Readability\'s own output on the page (made by the Readability of that commit, which may be newer than the version we ship), so these figures measure how faithfully the product\'s add path (Readability over linkedom, our paragraph conversion, the corpus file read back) reproduces that reference, not an independent judgement of what the article is. Where the product scores as "Readability alone" does, the difference from the reference is the library\'s, not our pipeline\'s.',
  )
  return scores
}
