import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createEngine, parseArticleFile } from '../../src/index.js'
import { fixtureDir, loadCheckedEngine } from '../helpers/engine.js'

// Values that answer another question than the one asked, on invented events: a duration that
// measures a contract, a count of another thing.

/** An invented article, dated `published`, as its Markdown file would give it. */
const article = (id: string, published: string, title: string, text: string) => parseArticleFile(`${id}.md`, `---\nid: ${id}\ntitle: ${title}\npublished: ${published}\n---\n\n${text}\n`)

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

describe('the day of a report', () => {
  const hall = createEngine([
    article('s1', '2031-03-05', 'Sports hall roof falls in', 'The roof of the Dunmere sports hall collapsed on Monday night, the fire service said.'),
    article('s2', '2031-03-06', 'Hall empty at time of collapse', 'Nobody was inside the Dunmere sports hall when the roof collapsed, the council confirmed on Wednesday.'),
    article('s3', '2031-03-06', 'Year of repairs for Dunmere hall', 'Repairs to the Dunmere sports hall will take a year.'),
  ])

  it('dates the report, not the event: "the council confirmed on Wednesday" is no side of when the roof collapsed', () => {
    expect(hall.ask('When did the sports hall roof collapse?').disagreements).toEqual([])
  })

  it('answers a question about the report itself', () => {
    const answer = hall.ask('When did the council confirm that nobody was inside the sports hall?')
    expect(answer.quotes[0]?.text).toContain('confirmed on Wednesday')
  })
})

describe('the other end of an event', () => {
  const port = createEngine([
    article('p1', '2031-06-03', 'Penmoor dockers walk out', 'Dock workers at the port of Penmoor began a strike on Monday over pay.'),
    article('p2', '2031-06-06', 'Penmoor strike over', 'A three-day strike by Penmoor dock workers ended on Thursday morning.'),
    article('p3', '2031-06-07', 'Strike cost port £2 million', 'The Penmoor strike cost the port about £2 million.'),
  ])

  it('is no side of when it began: "the strike ended on Thursday" does not contradict "began a strike on Monday"', () => {
    const answer = port.ask('When did the Penmoor strike begin?')
    expect(answer.quotes.some((quote) => quote.text.includes('on Monday'))).toBe(true)
    expect(answer.disagreements).toEqual([])
  })

  it('is no side of when it ended, though the question\'s last word reads as a noun: "When did the strike end?"', () => {
    const answer = port.ask('When did the Penmoor strike end?')
    expect(answer.quotes.some((quote) => quote.text.includes('on Thursday'))).toBe(true)
    expect(answer.disagreements).toEqual([])
  })
})

describe('a time of day', () => {
  const ferry = createEngine([
    article('f1', '2031-09-02', 'Ferry turned back in storm', 'The Orsa ferry, carrying 40 cars, turned back at about 10.50pm on Sunday as the storm grew.'),
    article('f2', '2031-09-02', 'Ferry returns to port', 'Eleven cars were damaged when the Orsa ferry turned back, the operator said.'),
    article('f3', '2031-09-03', 'Ferry sails again', 'The Orsa ferry sailed again before 9 a.m. on Monday with 12 cars aboard.'),
  ])

  it('is no count: "at about 10.50pm" and "before 9 a.m." are not sides of how many cars', () => {
    const sides = ferry.ask('How many cars were on the Orsa ferry?').disagreements.flatMap((disagreement) => disagreement.claims.map((claim) => claim.value))
    expect(sides.some((side) => /10\.50|\b9\b/.test(side))).toBe(false)
  })
})

describe('the place of another act', () => {
  const statue = createEngine([
    article('k1', '2031-10-02', 'Stolen Kell statue recovered', 'Divers found the missing Kell statue in a canal in Ostrava on Tuesday.'),
    article('k2', '2031-10-03', 'Kell statue to go on display', 'The Kell statue, found in a flooded canal last week, will go on display in Marnheim next year after the Halden Foundation agreed to restore it.'),
    article('k3', '2031-10-04', 'Kell statue insured for £2 million', 'The Kell statue was insured for £2 million, its owners said.'),
  ])
  const sidesOf = (question: string) => statue.ask(question).disagreements.flatMap((disagreement) => disagreement.claims.map((claim) => claim.value))

  it('is no side of where something was found: "found in a flooded canal …, will go on display in Marnheim"', () => {
    expect(sidesOf('Where was the Kell statue found?')).not.toContain('Marnheim')
  })

  it('reads no act in a name: "the Halden Foundation" does not state that anything was found', () => {
    expect(sidesOf('Where was the Kell statue found?')).toEqual([])
  })
})

describe('a name set after another post', () => {
  const sidesOf = (engine: ReturnType<typeof createEngine>, question: string) => engine.ask(question).disagreements.flatMap((disagreement) => disagreement.claims.map((claim) => claim.value))
  const regatta = (chairman: string) =>
    createEngine([
      article('r1', '2031-07-01', 'Osmer club wins regatta', 'The Osmer Rowing Club won the Vell regatta on Saturday. The club\'s chairman, Petra Lind, called it "our best day in twenty years".'),
      article('r2', '2031-07-02', 'Osmer crew thanks town', `The Osmer Rowing Club's head coach, ${chairman}, said the crew had trained through the winter.`),
      article('r3', '2031-07-02', 'Regatta draws record crowd', 'More than 4,000 people watched the Vell regatta from the river bank.'),
    ])

  it('is no side of who holds the asked post: the head coach against the chairman', () => {
    const engine = regatta('Tomas Brenn')
    expect(sidesOf(engine, 'Who is the chairman of the Osmer Rowing Club?')).toEqual([])
    expect(engine.ask('Who is the chairman of the Osmer Rowing Club?').quotes[0]?.text).toContain('Petra Lind')
  })

  it('still sets two holders of the asked post against each other', () => {
    const engine = createEngine([
      article('c1', '2031-07-01', 'Osmer club wins regatta', "The Osmer Rowing Club's chairman, Petra Lind, called the win \"our best day in twenty years\"."),
      article('c2', '2031-07-02', 'Osmer crew thanks town', "The Osmer Rowing Club's chairman, Ola Sand, thanked the town for its support."),
      article('c3', '2031-07-02', 'Regatta draws record crowd', 'More than 4,000 people watched the Osmer Rowing Club win the Vell regatta.'),
    ])
    expect(sidesOf(engine, 'Who is the chairman of the Osmer Rowing Club?')).toEqual(expect.arrayContaining(['Petra Lind', 'Ola Sand']))
  })
})

describe('a thing named by another act', () => {
  const tanker = createEngine([
    article('h1', '2031-05-06', 'Tanker overturns on Holm bypass', 'A tanker carrying farm chemicals overturned on the Holm bypass on Monday.'),
    article('h2', '2031-05-06', 'Holm bypass closed', 'The lorry, hauling industrial chemicals from Brask, overturned near the Holm roundabout.'),
    article('h3', '2031-05-07', 'Leak stopped within an hour', 'Firefighters stopped a leak from the tanker within an hour, the fire service said.'),
  ])

  it('is no side of which thing the asked act concerns: chemicals carried and hauled are not the one that leaked', () => {
    expect(tanker.ask('What chemical leaked?').disagreements).toEqual([])
  })
})

describe('a share of another thing than the one asked', () => {
  it('is no side of "What was the turnout…?": the turnout\'s own clause answers, not the winning side\'s share', async () => {
    const { engine } = await loadCheckedEngine(fixtureDir('compare-referendum'))
    const sides = engine.ask('What was the turnout in Tarrow?').disagreements.filter((note) => note.valueKind === 'percent').flatMap((note) => note.claims.map((claim) => claim.value))
    expect(sides).toEqual(expect.arrayContaining(['62%', '48 percent']))
    expect(sides).not.toContain('54 percent')
  })
})
