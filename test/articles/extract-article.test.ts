import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { extractArticle } from '../../adapters/articles/extract-article.js'
import { FIXTURE_PAGES_DIR } from '../fakes/web-server.js'

const page = (name: string) => readFileSync(new URL(name, FIXTURE_PAGES_DIR), 'utf8')

function articleOf(name: string) {
  const outcome = extractArticle(page(name), 'https://harbour.example/world/ceasefire-talks')
  if (outcome.kind !== 'article') throw new Error(`expected an article, got ${outcome.message}`)
  return outcome.article
}

describe('extractArticle', () => {
  it('cuts only the outlet from a <title>, keeping the headline’s own separators and dashes', () => {
    // No JSON-LD headline and no og:title: the title comes from <title> "… | World | Harbour Daily".
    expect(articleOf('title-only.html').title).toBe('Ceasefire talks resume – with conditions | World')
  })

  it('keeps an opening sentence that starts with "By" when it does not name the author', () => {
    const { author, text } = articleOf('title-only.html')
    expect(author).toBe('Sam Okafor')
    expect(text.split('\n\n')[0]).toBe('By Sunday evening, 12 of the 40 detained aid workers had been freed, the mediators said.')
    expect(text.split('\n\n')).toHaveLength(4)
  })

  it('reads Open Graph and article tags written with name= as well as property=', () => {
    // The page's own metadata names the author, so a byline elsewhere on the page is not taken for it.
    expect(articleOf('name-meta.html')).toMatchObject({
      title: 'Flood defences hold as the river peaks overnight',
      author: 'Priya Raman',
      outlet: 'Riverside Gazette',
      published: '2025-03-02',
    })
  })

  it('still drops a byline line that names the author', () => {
    const { text } = articleOf('jsonld-article.html')
    expect(text).not.toMatch(/^By Marta Kowalska/)
  })
})
