import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createEngine, parseArticleFile } from '../../src/index.js'
import { valuesIn } from '../../src/claims/answers.js'

// Values that answer another question than the one asked, on invented events: a post's holder asked
// for, a duration that measures a contract, a count of another thing.

const dir = fileURLToPath(new URL('../fixtures/compare-playhouse/', import.meta.url))
const playhouse = createEngine(
  readdirSync(dir)
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => parseArticleFile(file, readFileSync(join(dir, file), 'utf8'))),
)
const sidesOf = (answer: ReturnType<typeof playhouse.ask>) => answer.disagreements.flatMap((disagreement) => disagreement.claims.map((claim) => claim.value))

describe('a duration written as a modifier', () => {
  it('does not answer how long someone held a post: "on a five-year contract" is the contract\'s', () => {
    const sides = sidesOf(playhouse.ask('How long was Ferro artistic director?'))
    expect(sides).toEqual(expect.arrayContaining(['30 months', '40 months']))
    expect(sides.some((side) => side.includes('five-year'))).toBe(false)
  })
})

describe('a count of another thing', () => {
  it('is no side of a "how many" question: "rose six places" against productions staged', () => {
    const sides = sidesOf(playhouse.ask('How many productions did the Playhouse stage under Ferro?'))
    expect(sides).toEqual(expect.arrayContaining(['12', '15']))
    expect(sides.some((side) => side.includes('places'))).toBe(false)
  })
})

describe('who holds a post', () => {
  const article = (id: string, published: string, title: string, text: string) => parseArticleFile(`${id}.md`, `---\nid: ${id}\ntitle: ${title}\npublished: ${published}\n---\n\n${text}\n`)
  const club = createEngine([
    article('c1', '2031-02-02', 'Fenwick Athletic part with coach', 'Fenwick Athletic dismissed their head coach, Jorge Pellew, on Saturday, a day after a home defeat.\n\nChairman Arvo Tamm said the board had acted reluctantly.'),
    article('c2', '2031-02-03', 'Lindqvist to coach Fenwick', "Elin Lindqvist has been appointed Fenwick Athletic's new head coach on a two-year deal, the club said on Sunday."),
    article('c3', '2031-02-04', "Fenwick's costly change", 'Fenwick Athletic will pay Jorge Pellew about £400,000 after ending his contract early.'),
  ])

  it('is answered by the name the post stands by, not by the other names of the club: no disagreement on who the chairman is', () => {
    const answer = club.ask('Who is the chairman of Fenwick Athletic?')
    expect(answer.status).toBe('answered')
    expect(answer.quotes.some((quote) => quote.text.includes('Arvo Tamm'))).toBe(true)
    expect(answer.disagreements).toEqual([])
  })

  it('reads a title capitalised before the name as no part of it', () => {
    const asked = { words: new Set(['who', 'is', 'the', 'chairman', 'of', 'fenwick', 'athletic']) }
    expect(valuesIn('Chairman Arvo Tamm said the board had acted reluctantly.', 'person', 0, 0.2, asked).map((value) => value.display)).toEqual(['Arvo Tamm'])
  })

  it('still compares the names near the question\'s words when no source sets the post by a name', () => {
    const albums = createEngine([
      { id: 'a', title: 'Document 1', text: 'Harbour Lights is the second studio album by the singer Tomas Brenn.' },
      { id: 'b', title: 'Document 2', text: 'Harbour Lights is an album by Mira Odell.' },
    ])
    expect(sidesOf(albums.ask('Who is the artist of the album Harbour Lights?')).sort()).toEqual(['Mira Odell', 'Tomas Brenn'])
  })
})
