import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { askedKindOf, expandedOf, sameFoundValue, valuesIn, type AskedKind } from '../../src/claims/answers.js'
import { comparableValues } from '../../src/claims/found-values.js'
import { parallelStretch } from '../../src/claims/parallel.js'
import { gapNounOf } from '../../src/claims/phrase.js'
import { createEngine, parseArticleFile, type ArticleInput } from '../../src/index.js'
import { sharedSynsets } from '../helpers/engine.js'

/**
 * Invented events under test/fixtures/compare-*: each folder's compare.json lists questions whose
 * sources' answers conflict (with the values each side states) and questions where they agree
 * in different words; `stories` groups the articles of two events that share a folder.
 */
interface CompareLabels {
  stories?: Record<string, string>
  conflicts: Array<{ question: string; values: string[] }>
  agreements: string[]
}

/** The value kinds of a disagreement that answer each kind of question. */
const KINDS_OF: Record<AskedKind, string[]> = {
  duration: ['duration'],
  percent: ['percent'],
  number: ['number', 'count', 'money'],
  date: ['date'],
  person: ['person', 'office'],
  place: ['place'],
  entity: ['entity'],
  outcome: ['outcome'],
}

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url))
const corpora = readdirSync(FIXTURES)
  .filter((name) => name.startsWith('compare-'))
  .sort()
  .map((name) => {
    const dir = join(FIXTURES, name)
    const articles: ArticleInput[] = readdirSync(dir)
      .filter((file) => file.endsWith('.md'))
      .sort()
      .map((file) => parseArticleFile(file, readFileSync(join(dir, file), 'utf8')))
    const labels = JSON.parse(readFileSync(join(dir, 'compare.json'), 'utf8')) as CompareLabels
    const engine = createEngine(articles)
    return { name, articles, labels, engine }
  })

describe('compare the answers on invented events', () => {
  it('has four events at least, three articles each or more', () => {
    expect(corpora.length).toBeGreaterThanOrEqual(4)
    for (const corpus of corpora) expect(corpus.articles.length).toBeGreaterThanOrEqual(3)
  })

  const conflicts = corpora.flatMap((corpus) => corpus.labels.conflicts.map((conflict) => [corpus.name, conflict.question, conflict.values, corpus] as const))
  it.each(conflicts)('%s: "%s" shows the planted conflict', (_name, question, values, corpus) => {
    const answer = corpus.engine.ask(question)
    const shown = answer.disagreements.flatMap((disagreement) => disagreement.claims.map((claim) => `${claim.value} ${claim.text}`))
    for (const value of values) expect(shown.some((text) => text.includes(value))).toBe(true)
    const texts = new Map(corpus.articles.map((article) => [article.id, article.text]))
    for (const claim of answer.disagreements.flatMap((disagreement) => disagreement.claims)) expect(texts.get(claim.source.id)).toContain(claim.text)
  })

  const agreements = corpora.flatMap((corpus) => corpus.labels.agreements.map((question) => [corpus.name, question, corpus] as const))
  it.each(agreements)('%s: "%s" flags no disagreement where the sources agree', (_name, question, corpus) => {
    // A disagreement of another kind of value may bear on the question too ("how many voted" and the vote share): only the asked kind must agree.
    const kinds = KINDS_OF[askedKindOf(question) ?? 'number']
    const sameKind = corpus.engine.ask(question).disagreements.filter((disagreement) => kinds.includes(disagreement.valueKind ?? ''))
    expect(sameKind.map((disagreement) => disagreement.claims.map((claim) => claim.value))).toEqual([])
  })

  it('compares only within a story: two events in one folder fall in two stories and do not disagree', () => {
    const corpus = corpora.find((candidate) => candidate.labels.stories)
    expect(corpus).toBeDefined()
    const labelled = corpus!.labels.stories!
    // Each found story holds the articles of one labelled event, and each event is one story.
    const found = corpus!.engine.stories().map((story) => new Set(story.sources.map((id) => labelled[id])))
    expect(found.every((events) => events.size === 1)).toBe(true)
    expect(found.length).toBe(new Set(Object.values(labelled)).size)
    expect(corpus!.engine.ask('How long did the talks last?').disagreements).toEqual([])
    expect(corpus!.engine.disagreements()).toEqual([])
  })

  it('shows a day asked about without the count of another question', () => {
    const corpus = corpora.find((candidate) => candidate.name === 'compare-walkout')!
    const shown = corpus.engine.ask('When did the paramedics walk off the job?').disagreements
    expect(shown.map((disagreement) => disagreement.valueKind)).toEqual(['date'])
  })

  it('lists corpus-wide a tally written "by 6 votes to 1" against one written "voted 5 to 2"', () => {
    const corpus = corpora.find((candidate) => candidate.name === 'compare-licence')!
    const values = corpus.engine.disagreements().map((disagreement) => disagreement.claims.map((claim) => claim.value).sort())
    expect(values).toEqual([['5-2', '6-1']])
  })

  it('reads "inspected 6 times" as a count of the inspections asked about', () => {
    const corpus = corpora.find((candidate) => candidate.name === 'compare-licence')!
    const [disagreement] = corpus.engine.ask('How many inspections did the Copper Pot have last year?').disagreements
    expect(disagreement?.claims.map((claim) => claim.value).sort()).toEqual(['8 inspections', 'inspected 6 times'])
  })

  it('takes no answer from the asked noun when it only describes another noun ("local sports radio")', () => {
    const corpus = corpora.find((candidate) => candidate.name === 'compare-namesakes')!
    const [disagreement] = corpus.engine.ask('What sport is Oren Valdis associated with?').disagreements
    expect(disagreement?.claims.map((claim) => claim.value).sort()).toEqual(['rower', 'sailor'])
  })

  it('never compares two stories: two stories\' winners on Sunday are not set against each other', async () => {
    const dir = join(FIXTURES, 'conversation-blackout-chess')
    const articles = readdirSync(dir)
      .filter((file) => file.endsWith('.md'))
      .map((file) => parseArticleFile(file, readFileSync(join(dir, file), 'utf8')))
    const engine = createEngine(articles, { synsets: await sharedSynsets() })
    expect(engine.stories().length).toBe(2)
    expect(engine.ask('Who won the football match on Sunday?').disagreements).toEqual([])
  })

  it('says which source is newer when the articles carry dates', () => {
    const corpus = corpora.find((candidate) => candidate.name === 'compare-ferry')!
    const [disagreement] = corpus.engine.ask('How many passengers were rescued?').disagreements
    const newer = disagreement?.claims.filter((claim) => claim.newer).map((claim) => claim.source.id)
    expect(newer).toEqual(['oska-courier'])
  })
})

describe('a question the bot declines', () => {
  // A coverage no sentence can reach makes the bot decline every question, whatever its wording.
  const engine = createEngine(
    [
      { id: 'a', title: 'Document 1', text: 'Harbour Lights is the second studio album by the singer Tomas Brenn. The album Harbour Lights was recorded in three days.' },
      { id: 'b', title: 'Document 2', text: 'Harbour Lights is an album by Mira Odell. The album Harbour Lights was recorded in one week.' },
      { id: 'c', title: 'Document 3', text: 'Harbour Lights, an album. The artist page lists every release, with sleeve notes and credits.' },
    ],
    { answer: { minKnownCoverage: 1.01 } },
  )

  it('is answered with the sides when the sources answer it differently, each quoted verbatim', () => {
    const answer = engine.ask('Who is the artist of the album Harbour Lights?')
    expect(answer.status).toBe('answered')
    expect(answer.quotes.map((quote) => [quote.source.id, quote.text]).sort()).toEqual([
      ['a', 'Harbour Lights is the second studio album by the singer Tomas Brenn.'],
      ['b', 'Harbour Lights is an album by Mira Odell.'],
    ])
    expect(answer.disagreements[0]?.claims.map((claim) => claim.value).sort()).toEqual(['Mira Odell', 'Tomas Brenn'])
  })

  it('stays declined when it asks a figure of a thing no source names, or no two sources answer it', () => {
    expect(engine.ask('How long did the recording of Harbour Lights take?').status).toBe('answered')
    expect(engine.ask('How long did the vinyl pressing of the album Harbour Lights take?').status).toBe('no_answer')
    expect(engine.ask('When was Harbour Lights released?').status).toBe('no_answer')
  })
})

describe('a "who" question', () => {
  it('asks for a set of people when it asks who was there or took part, and for one person when it asks a role', () => {
    for (const question of ['Who was there?', 'Who attended the hearing?', 'Who took part in the talks?', 'Who else was invited?', 'Who was present at the signing?']) expect(askedKindOf(question)).toBeUndefined()
    for (const question of ['Who won?', 'Who leads the party?', 'Who is the mayor of Tessel?', 'Who was arrested?', 'Who was charged with the theft?', 'Who directed the film?']) expect(askedKindOf(question)).toBe('person')
  })

  const engine = createEngine([
    { id: 'varn-post', title: 'Talks in Varn', text: 'Ilse Marek and Tomas Osei met in Varn on Monday. Marek-Osei Varn talks chaired in the town hall ended without a deal.' },
    { id: 'varn-radio', title: 'No deal in Varn', text: 'The talks in Varn were chaired by Ilse Marek. They ended without a deal.' },
    { id: 'varn-times', title: 'Varn meeting', text: 'Tomas Osei and Ilse Marek held talks in Varn. Ilse Marek chaired the talks, which ended without a deal.' },
  ])

  it('reads no person in a compound of names the source names apart ("Marek-Osei Varn talks")', () => {
    expect(engine.ask('Who chaired the talks?').disagreements).toEqual([])
  })
})

describe('askedKindOf', () => {
  it('reads the kind of value a question asks for from its form', () => {
    expect(askedKindOf('How long did the talks last?')).toBe('duration')
    expect(askedKindOf('When was the bridge opened?')).toBe('date')
    expect(askedKindOf('How many people were evacuated?')).toBe('number')
    expect(askedKindOf('What percentage of the vote did she win?')).toBe('percent')
    expect(askedKindOf('Who directed the film?')).toBe('person')
    expect(askedKindOf('Where was the treaty signed?')).toBe('place')
    expect(askedKindOf('Was a ceasefire agreed?')).toBe('outcome')
    expect(askedKindOf('Why was Alaska chosen as the venue?')).toBeUndefined()
  })

  it('asks for an entity when a "what" or "which" question names the kind of thing it wants, in the singular', () => {
    expect(askedKindOf('What sport is Doak associated with?')).toBe('entity')
    expect(askedKindOf('What is the genre of the film?')).toBe('entity')
    expect(askedKindOf('The stadium is the home venue of which team?')).toBe('entity')
    // Several concerns may all be true; an open "what" asks for no named thing.
    expect(askedKindOf('What concerns were raised?')).toBeUndefined()
    expect(askedKindOf('What did the mayor say?')).toBeUndefined()
  })
})

describe('outcomes at question time', () => {
  const engine = createEngine([
    { id: 'orlo-post', title: 'Break-in at the Orlo depot', text: 'Thieves broke into the Orlo depot on Monday night. Police arrested a suspect at the scene, the depot manager said.' },
    { id: 'orlo-radio', title: 'Orlo depot raided', text: 'The Orlo depot was raided on Monday night. Police did not arrest anyone at the scene, a spokesman said.' },
    { id: 'orlo-times', title: 'Depot theft in Orlo', text: 'A break-in at the Orlo depot on Monday night left the gates smashed. The depot reopened on Tuesday.' },
  ])

  it('shows one source saying it happened against another negating it', () => {
    const [disagreement] = engine.ask('Did police arrest anyone at the depot?').disagreements
    expect(disagreement?.valueKind).toBe('outcome')
    expect(disagreement?.claims.map((claim) => [claim.source.id, claim.value])).toEqual([
      ['orlo-post', 'arrested'],
      ['orlo-radio', 'not arrest'],
    ])
  })

  it('flags nothing when the sources that say it agree', () => {
    expect(engine.ask('Was the depot raided?').disagreements).toEqual([])
    expect(engine.ask('Did the depot reopen?').disagreements).toEqual([])
  })
})

describe('gapNounOf', () => {
  it('finds the noun a question asks a name of, past "type of" and before the subject', () => {
    expect(gapNounOf('What political party is Senator Tate a member of?')).toBe('party')
    expect(gapNounOf('What is the type of institution Fontbonne is?')).toBe('institution')
    expect(gapNounOf('What is the profession of Peter Bergman?')).toBe('profession')
    expect(gapNounOf('What does RSJ refer to?')).toBeUndefined()
  })

  it('finds the noun after the subject\'s possessive, another determiner or a hyphenated word', () => {
    expect(gapNounOf("What is Marta Fjell's profession?")).toBe('profession')
    expect(gapNounOf('What is another common name for the harbour lily?')).toBe('name')
    expect(gapNounOf('What is the modern-day name of Velk?')).toBe('name')
  })

  it('reads the abbreviation a question asks the meaning of', () => {
    expect(expandedOf('What does the abbreviation "QSC" stand for?')).toBe('QSC')
    expect(expandedOf('What does VCD refer to?')).toBe('VCD')
    expect(askedKindOf('What does QSC stand for?')).toBe('entity')
    expect(expandedOf('What does the name "Woolstone" mean?')).toBeUndefined()
  })
})

describe('valuesIn for an entity question', () => {
  const asked = (question: string) => ({ words: new Set(question.toLowerCase().match(/[\p{L}-]+/gu) ?? []), gap: gapNounOf(question)! })
  it('reads the phrase typed by the asked noun or said of the subject, trimmed of the question\'s words', () => {
    const language = asked('What is the language of the television series Ardhangini?')
    expect(valuesIn('Ardhangini is an Assamese-language television series.', 'entity', 0, 0.2, language).map((value) => value.display)).toEqual(['Assamese'])
    const operator = asked('Which railway operator runs the 20000 series?')
    expect(valuesIn('The 20000 series was run by the railway operator JR East until 2012.', 'entity', 0, 0.2, operator).map((value) => value.display)).toEqual(['JR East'])
    const sport = asked('What sport is Doak associated with?')
    expect(valuesIn('Doak is a football stadium in Florida.', 'entity', 0, 0.2, sport).map((value) => value.display)).toEqual(['football stadium'])
  })

  it('reads nothing from a denied phrase, a noun said of nothing asked, or a menu of names', () => {
    const instrument = asked('What is the primary instrument played by Alla Rakha?')
    expect(valuesIn('There is no default tuning for the instrument.', 'entity', 0, 0.2, instrument)).toEqual([])
    const sport = asked('What sport is Doak associated with?')
    expect(valuesIn('Tickets went on sale at the box office on Monday.', 'entity', 0, 0.2, sport)).toEqual([])
    expect(valuesIn('Sports Baseball Basketball Cheerleading Cross Country Dance Team Chess Golf Gymnastics Lacrosse Softball Swimming Tennis', 'entity', 0, 0.2, sport)).toEqual([])
  })

  it('reads a defining sentence that repeats the subject\'s long name as no menu', () => {
    const sport = { ...asked('What sport is Oren Valdis associated with?'), definingFrames: ['bracket'] as const }
    const text = 'Oren Valdis (rower) Sir Oren Tamsk Valdis, OBE (born 4 May 1961 in Haldor Vik) is a Norwegian rower.'
    expect(valuesIn(text, 'entity', 0, 0.2, sport).map((value) => value.display)).toContain('rower')
  })
})

describe('valuesIn for a person', () => {
  it('ends a name before the word that opens the next sentence, and keeps an initial inside it', () => {
    expect(valuesIn('The invasion was led by Kulothunga Chola I. The army marched north.', 'person').map((value) => value.display)).toEqual(['Kulothunga Chola I'])
    expect(valuesIn('It was written by John H. Williams in 1930.', 'person').map((value) => value.display)).toEqual(['John H. Williams'])
  })

  it('reads no person in a name of several words after "the"', () => {
    expect(valuesIn('It is a video game for the Nintendo Entertainment System by Rare.', 'person').map((value) => value.display)).toEqual([])
  })
})

describe('parallelStretch', () => {
  it('finds the one stretch two otherwise equal sentences differ in, ignoring a title glued before one', () => {
    const a = 'Ankara 19 Mayıs Stadium The stadium was the home venue of Gençlerbirliği for sixty years.'
    const b = 'The stadium was the home venue of Bursaspor for sixty years.'
    const stretch = parallelStretch(a, b)
    expect(stretch && a.slice(stretch.a.start, stretch.a.end)).toBe('Gençlerbirliği')
    expect(stretch && b.slice(stretch.b.start, stretch.b.end)).toBe('Bursaspor')
  })

  it('finds none in a rewording, in sentences that differ twice, or in a difference of function words only', () => {
    expect(parallelStretch('The talks lasted three hours in the city hall.', 'Negotiators met for three hours at the city hall.')).toBeUndefined()
    expect(parallelStretch('Rask commanded the Salma for ten years on Lake Varn.', 'Holt commanded the Salma for ten years on Lake Oska.')).toBeUndefined()
    expect(parallelStretch('The ferry capsized near the pier at Oska on Tuesday.', 'The ferry capsized near a pier at Oska on Tuesday.')).toBeUndefined()
  })
})

describe('valuesIn on bad input', () => {
  const one = (text: string, kind: AskedKind) => valuesIn(text, kind)[0]
  it('reads numbers in words, with commas, units spelled out or abbreviated, and ranges', () => {
    expect(one('The talks lasted twelve hours.', 'duration')?.comparable).toMatchObject({ low: 43200, high: 43200 })
    expect(one('There were 3,559 people.', 'number')?.comparable).toMatchObject({ low: 3559, high: 3559 })
    expect(one('About 3,559 people live there.', 'number')?.comparable).toMatchObject({ low: 3558, high: 3560 })
    expect(one('They met for 5–7 hours.', 'duration')?.comparable).toMatchObject({ low: 18000, high: 25200 })
    expect(sameFoundValue(one('after about three hours', 'duration')!, one('three hours and ten minutes', 'duration')!)).toBe(true)
    expect(sameFoundValue(one('a 3-hour search', 'duration')!, one('three hours', 'duration')!)).toBe(true)
  })

  it('lets a hedged figure be off by one in its last written digit, so figures a third apart conflict and rounding does not', () => {
    const about1200 = one('About 1,200 nurses walked out.', 'number')!
    const some900 = one('Some 900 nurses walked out.', 'number')!
    const roughly1000 = one('Roughly 1,000 nurses walked out.', 'number')!
    expect(about1200.comparable).toMatchObject({ low: 1100, high: 1300 })
    expect(sameFoundValue(about1200, some900)).toBe(false)
    // A round thousand is as loose as a hedge allows at most (a fifth), so it agrees with both.
    expect(sameFoundValue(roughly1000, about1200)).toBe(true)
    expect(sameFoundValue(roughly1000, some900)).toBe(true)
    const aboutThree = one('The talks lasted about 3 hours.', 'duration')!.comparable
    // One hour either way is more than a fifth of three: the fifth bounds it.
    expect(aboutThree).toMatchObject({ low: 2.4 * 3600, high: 3.6 * 3600 })
    expect(sameFoundValue(one('about 3 hours', 'duration')!, one('190 minutes', 'duration')!)).toBe(true)
    expect(one('about 2.5 hours', 'duration')?.comparable).toMatchObject({ low: 2.4 * 3600, high: 2.6 * 3600 })
    expect(sameFoundValue(one('Some 2,300 people were evacuated.', 'number')!, one('About 2,400 people were evacuated.', 'number')!)).toBe(true)
  })

  it('reads a percentage written against its figure, and no count in a ratio', () => {
    expect(one('The board offered a 7% pay rise.', 'percent')?.comparable).toMatchObject({ low: 7, high: 7, unit: '%' })
    expect(valuesIn('The union wants one nurse for every four patients.', 'number')).toEqual([])
    expect(valuesIn('Wards keep 3 doctors per shift.', 'number')).toEqual([])
  })

  it('answers "how much" with an amount, never a headcount', () => {
    const howMuch = { words: new Set(['how', 'much', 'pay', 'rise']), amount: true }
    expect(valuesIn('About 1,200 nurses won a 4% pay rise worth $300.', 'number', 0, 0.2, howMuch).map((value) => value.display)).toEqual(['4%', '$300'])
    expect(valuesIn('The deal is worth 35 million euros.', 'number', 0, 0.2, howMuch)[0]?.comparable).toMatchObject({ unit: '€' })
  })

  it('does not compare counts of different things', () => {
    const [nurses, patients] = valuesIn('About 1,200 nurses care for 4,000 patients.', 'number')
    expect(comparableValues(nurses!, patients!)).toBe(false)
    expect(comparableValues(nurses!, one('Some 900 nurses walked out.', 'number')!)).toBe(true)
  })

  it('gives no claim for an absurd duration, a denied value or a date in a "since" phrase', () => {
    expect(one('The talks lasted 10,000 hours.', 'duration')).toBeUndefined()
    expect(one('It lasted not 12 hours, as first reported.', 'duration')).toBeUndefined()
    expect(one('their first meeting since the invasion in 2022', 'date')).toBeUndefined()
  })

  it('reads "between 2 and 3 million euros" as one range that holds 2.5 million', () => {
    const range = one('The repairs would cost between 2 and 3 million euros.', 'number')
    expect(range?.display).toBe('2 and 3 million euros')
    expect(range?.comparable).toMatchObject({ low: 2e6, high: 3e6 })
    expect(sameFoundValue(range!, one('The repairs will cost 2.5 million euros.', 'number')!)).toBe(true)
  })

  it('marks a figure counting part of a group, which a larger total does not contradict', () => {
    const part = one('Five of the trapped workers were pulled out.', 'number')
    expect(part?.part).toBe(true)
    expect(comparableValues(part!, one('Twelve workers were trapped.', 'number')!)).toBe(false)
    expect(comparableValues(part!, one('Three workers were trapped.', 'number')!)).toBe(true)
  })

  it('reads no birth or death date for a question about something else, and a date after "by the Senate"', () => {
    expect(one('John Oscroft (21 July 1807 – 28 September 1857) was an English cricketer.', 'date')).toBeUndefined()
    expect(one('John Oscroft (cricketer, born 1846) played for Nottinghamshire.', 'date')).toBeUndefined()
    expect(valuesIn('He was born in 1846.', 'date', 0, 0.2, { words: new Set(['when', 'was', 'he', 'born']) })[0]?.display).toBe('1846')
    expect(one('He was confirmed by the United States Senate on December 8, 1987.', 'date')?.display).toBe('December 8, 1987')
    expect(one('The work must be finished by 2030.', 'date')).toBeUndefined()
  })

  it('reads the date of the clause the question asks about, not of the event after "after"', () => {
    const asked = (question: string) => ({ words: new Set(question.toLowerCase().match(/\p{L}+/gu) ?? []) })
    expect(valuesIn('The strike began on Tuesday after talks with the board broke down.', 'date', 0, 0.2, asked('What day did the strike begin?')).map((value) => value.display)).toEqual(['Tuesday'])
    expect(valuesIn('She conceded on Monday after the election.', 'date', 0, 0.2, asked('When was the election?'))).toEqual([])
  })

  it('reads a date without a year and compares it field by field', () => {
    const day = one('The bridge opened on March 3.', 'date')
    expect(day?.comparable).toMatchObject({ month: 3, day: 3 })
    expect(sameFoundValue(day!, one('on 3 March 2031', 'date')!)).toBe(true)
  })

  it('never throws on any text, and what it finds lies within the text', () => {
    const kinds: AskedKind[] = ['duration', 'percent', 'number', 'date', 'person', 'place']
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), fc.constantFrom(...kinds), (text, kind) => {
        for (const value of valuesIn(text, kind)) {
          expect(value.start).toBeGreaterThanOrEqual(0)
          expect(value.end).toBeLessThanOrEqual(text.length)
        }
      }),
      { numRuns: 300 },
    )
  })
})
