/**
 * Compares the three feed parsers installed on the fixture feeds: what each finds (item links,
 * titles, dates), how it treats broken XML, and how fast it parses. Run with `npx tsx bench/feed-parsers.ts`.
 */
import { readFileSync } from 'node:fs'
import { extractFromJson, extractFromXml } from '@extractus/feed-extractor'
import { parseFeed } from 'feedsmith'
import RssParser from 'rss-parser'

const DIR = new URL('../test/fixtures/pages/', import.meta.url)
const FEEDS = ['rss.xml', 'atom.xml', 'feed.json', 'broken.xml']
const ROUNDS = 2000

interface Item {
  link?: string
  title?: string
  date?: string
}

type Parse = (text: string, json: boolean) => Promise<Item[]>

const rssParser = new RssParser()

const parsers: Record<string, Parse> = {
  feedsmith: async (text, json) => {
    const { format, feed } = parseFeed(json ? JSON.parse(text) : text)
    const items = (feed as { items?: unknown[]; entries?: unknown[] }).items ?? (feed as { entries?: unknown[] }).entries ?? []
    return items.map((raw) => {
      const item = raw as Record<string, unknown>
      if (format === 'atom') {
        const links = (item.links as Array<{ href?: string; rel?: string }> | undefined) ?? []
        return { link: links.find((link) => !link.rel || link.rel === 'alternate')?.href, title: item.title as string, date: (item.published ?? item.updated) as string }
      }
      if (format === 'json') return { link: item.url as string, title: item.title as string, date: item.date_published as string }
      return { link: item.link as string, title: item.title as string, date: item.pubDate as string }
    })
  },
  'feed-extractor': async (text, json) => {
    const feed = json ? extractFromJson(JSON.parse(text)) : extractFromXml(text)
    return (feed.entries ?? []).map((entry) => ({ link: entry.link, title: entry.title, date: entry.published }))
  },
  'rss-parser': async (text, json) => {
    if (json) throw new Error('no JSON Feed support')
    const feed = await rssParser.parseString(text)
    return feed.items.map((item) => ({ link: item.link, title: item.title, date: item.isoDate ?? item.pubDate }))
  },
}

for (const [name, parse] of Object.entries(parsers)) {
  console.log(`\n## ${name}`)
  for (const file of FEEDS) {
    const text = readFileSync(new URL(file, DIR), 'utf8').replaceAll('{{ORIGIN}}', 'http://127.0.0.1:1')
    const json = file.endsWith('.json')
    try {
      const items = await parse(text, json)
      const startedAt = performance.now()
      for (let i = 0; i < ROUNDS; i += 1) await parse(text, json)
      const usPerParse = ((performance.now() - startedAt) * 1000) / ROUNDS
      console.log(`${file}: ${items.length} items, ${items.filter((item) => item.link).length} with link; ${usPerParse.toFixed(0)} µs/parse; ${JSON.stringify(items)}`)
    } catch (error) {
      console.log(`${file}: throws ${(error as Error).name}: ${(error as Error).message.slice(0, 100)}`)
    }
  }
}
