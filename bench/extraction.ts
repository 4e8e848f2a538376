/**
 * Extraction quality and speed on the fixture pages, Readability over linkedom against Readability
 * over jsdom: the share of the article's sentences kept and of the page furniture's sentences
 * dropped, and the time to parse and extract a page. Run with `npm run bench:extraction`.
 *
 * With `--public DIR`, scores the product's add path on a public boilerplate-removal set instead
 * (see bench/public-extraction.ts).
 *
 * The gold split is by CSS selector per page: the article's own paragraphs are gold, every other
 * visible text on the page (navigation, byline, banners, comments, related links, footer) is furniture.
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { Readability } from '@mozilla/readability'
import { JSDOM } from 'jsdom'
import { parseHTML } from 'linkedom'
import { extractArticle, htmlToParagraphs } from '../adapters/articles/extract-article.js'
import { runPublicExtractionBenchmark } from './public-extraction.js'

const DIR = new URL('../test/fixtures/pages/', import.meta.url)
const ROUNDS = 30

/** The article's own paragraphs on each page with an article. */
const GOLD: Record<string, string> = {
  'jsonld-article.html': 'article > p:not(.byline), article > h2',
  'og-only.html': '.story-body p',
  'cluttered.html': '.article-body > p',
  'paywall.html': '.teaser p',
  'french.html': 'article > p',
}

const sentences = (text: string) =>
  text
    .split(/(?<=[.!?”])\s+|\n+/)
    .map((sentence) => sentence.replace(/[ \t\n\r\f]+/g, ' ').trim())
    .filter((sentence) => sentence.length > 2)

function goldOf(html: string, selector: string) {
  const { document } = parseHTML(html)
  for (const element of document.querySelectorAll('script, style, title, head')) element.remove()
  const article = [...document.querySelectorAll(selector)].flatMap((element) => sentences(element.textContent ?? ''))
  for (const element of document.querySelectorAll(selector)) element.remove()
  for (const element of document.querySelectorAll('h1')) element.remove()
  const blocks = [...document.querySelectorAll('body *')].filter((element) => element.children.length === 0).map((element) => element.textContent ?? '')
  const furniture = blocks.flatMap(sentences)
  return { article, furniture }
}

type Extract = (html: string, url: string) => string

const extractors: Record<string, Extract> = {
  // What `npm run add` runs: linkedom, metadata, and a leading "By …" line dropped.
  'linkedom, as shipped (extractArticle)': (html, url) => {
    const outcome = extractArticle(html, url)
    return outcome.kind === 'article' ? outcome.article.text : ''
  },
  linkedom: (html) => {
    const { document } = parseHTML(html)
    return htmlToParagraphs(new Readability(document as unknown as Document, { charThreshold: 200 }).parse()?.content ?? '')
  },
  jsdom: (html, url) => {
    const { document } = new JSDOM(html, { url }).window
    return htmlToParagraphs(new Readability(document, { charThreshold: 200 }).parse()?.content ?? '')
  },
}

const { values } = parseArgs({ options: { public: { type: 'string' } } })
if (values.public !== undefined) {
  await runPublicExtractionBenchmark(values.public)
} else {
  runFixtureBenchmark()
}

function runFixtureBenchmark() {
const pages = Object.keys(GOLD)
for (const [name, extract] of Object.entries(extractors)) {
  let articleTotal = 0
  let articleKept = 0
  let furnitureTotal = 0
  let furnitureDropped = 0
  const perPage: string[] = []
  let totalMs = 0
  for (const page of pages) {
    const html = readFileSync(new URL(page, DIR), 'utf8')
    const gold = goldOf(html, GOLD[page] ?? 'article p')
    const extracted = extract(html, 'https://fixture.example/page')
    const kept = gold.article.filter((sentence) => extracted.includes(sentence)).length
    const dropped = gold.furniture.filter((sentence) => !extracted.includes(sentence)).length
    articleTotal += gold.article.length
    articleKept += kept
    furnitureTotal += gold.furniture.length
    furnitureDropped += dropped
    const startedAt = performance.now()
    for (let i = 0; i < ROUNDS; i += 1) extract(html, 'https://fixture.example/page')
    const ms = (performance.now() - startedAt) / ROUNDS
    totalMs += ms
    perPage.push(`${page}: article ${kept}/${gold.article.length} kept, furniture ${dropped}/${gold.furniture.length} dropped, ${ms.toFixed(1)} ms`)
  }
  console.log(`\n## Readability over ${name}`)
  for (const line of perPage) console.log(`  ${line}`)
  console.log(`  all: article sentences kept ${articleKept}/${articleTotal} (${((100 * articleKept) / articleTotal).toFixed(1)}%), furniture dropped ${furnitureDropped}/${furnitureTotal} (${((100 * furnitureDropped) / furnitureTotal).toFixed(1)}%), mean ${(totalMs / pages.length).toFixed(1)} ms a page`)
}
}
