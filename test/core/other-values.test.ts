import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createEngine, parseArticleFile } from '../../src/index.js'

// Values that answer another question than the one asked, on invented events: a duration that
// measures a contract, a count of another thing.

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
