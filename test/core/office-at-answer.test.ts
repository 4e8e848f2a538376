import { describe, expect, it } from 'vitest'
import { createEngine, parseArticleFile } from '../../src/index.js'

// Asked who holds a post, the answer says when the sources disagree on whether its holder holds it
// fully ("acting" in one, plain in another), as the corpus-wide list does: an invented library fire.

const article = (id: string, published: string, title: string, text: string) => parseArticleFile(`${id}.md`, `---\nid: ${id}\ntitle: ${title}\npublished: ${published}\n---\n\n${text}\n`)

const engine = createEngine([
  article('l1', '2031-04-02', 'Fire closes Dunmere library', 'Culture minister Ada Keel visited the Dunmere library on Tuesday after a fire destroyed its reading room.'),
  article('l2', '2031-04-03', 'Library to reopen in autumn', 'Acting culture minister Ada Keel said the Dunmere library would reopen in the autumn.'),
  article('l3', '2031-04-03', 'Fire started in wiring', 'The fire at the Dunmere library started in old wiring, the fire service said.'),
])

describe('the status of a post\'s holder at answer time', () => {
  it('notes "acting" against plain when asked who holds the post', () => {
    const notes = engine.ask('Who is the culture minister?').disagreements
    expect(notes.map((note) => note.valueKind)).toContain('office')
    const office = notes.find((note) => note.valueKind === 'office')!
    expect(office.claims.map((claim) => claim.source.id).sort()).toEqual(['l1', 'l2'])
    expect(office.claims.some((claim) => /acting/i.test(claim.value))).toBe(true)
  })

  it('adds no such note to a question about something else', () => {
    expect(engine.ask('Where did the fire start?').disagreements.filter((note) => note.valueKind === 'office')).toEqual([])
  })
})
