import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { loadCorpusDir } from '../../adapters/load-corpus.js'
import { createEngine, type Disagreement } from '../../src/index.js'
import { sharedSynsets } from '../helpers/engine.js'
import { loadDisagreementFixtures, matchesExpected } from './disagreement-fixtures.js'

const fixtures = loadDisagreementFixtures()

/** Precision and recall of `engine.disagreements()` against the labels, over every fixture corpus. */
function scoreCorpora() {
  let truePositives = 0
  let flagged = 0
  let expected = 0
  let found = 0
  const falseAlarms: string[] = []
  for (const fixture of fixtures) {
    const all = createEngine(fixture.articles).disagreements()
    flagged += all.length
    expected += fixture.expected.length
    for (const disagreement of all) {
      if (fixture.expected.some((label) => matchesExpected(disagreement, label))) truePositives++
      else falseAlarms.push(`${fixture.name}: ${disagreement.topic}`)
    }
    found += fixture.expected.filter((label) => all.some((disagreement) => matchesExpected(disagreement, label))).length
  }
  return { precision: flagged === 0 ? 1 : truePositives / flagged, recall: expected === 0 ? 1 : found / expected, falseAlarms }
}

describe('engine.disagreements on invented corpora', () => {
  it('has labelled corpora with and without disagreements', () => {
    expect(fixtures.filter((fixture) => fixture.expected.length > 0).length).toBeGreaterThanOrEqual(4)
    expect(fixtures.filter((fixture) => fixture.expected.length === 0).length).toBeGreaterThanOrEqual(2)
  })

  it('flags nothing that is not labelled (precision 1) and finds every labelled disagreement', () => {
    const { precision, recall, falseAlarms } = scoreCorpora()
    expect(falseAlarms).toEqual([])
    expect(precision).toBe(1)
    expect(recall).toBeGreaterThanOrEqual(0.8)
  })

  it.each(fixtures.filter((fixture) => fixture.expected.length === 0).map((fixture) => [fixture.name, fixture] as const))(
    'stays quiet on %s, where the sources agree',
    (_name, fixture) => {
      expect(createEngine(fixture.articles).disagreements()).toEqual([])
    },
  )

  it('quotes every side verbatim from its own article', () => {
    for (const fixture of fixtures) {
      const textById = new Map(fixture.articles.map((article) => [article.id, article.text]))
      for (const disagreement of createEngine(fixture.articles).disagreements()) {
        for (const claim of disagreement.claims) expect(textById.get(claim.source.id)).toContain(claim.text)
      }
    }
  })
})

describe('engine.ask on invented corpora', () => {
  const cases = fixtures.flatMap((fixture) => fixture.questions.map((question) => [fixture.name, question.question, question.expect, fixture] as const))

  it.each(cases)('%s: "%s" surfaces %s', (_name, question, expected, fixture) => {
    const answer = createEngine(fixture.articles).ask(question)
    const topics = answer.disagreements.map((disagreement: Disagreement) => disagreement.topic)
    if (expected === null) expect(topics).toEqual([])
    else expect(topics.some((topic) => topic.includes(expected))).toBe(true)
  })
})

describe('engine.ask on invented corpora, with the thesaurus the bot loads', () => {
  const cases = fixtures.flatMap((fixture) => fixture.questions.map((question) => [fixture.name, question.question, question.expect, fixture] as const))

  it.each(cases)('%s: "%s" surfaces %s', async (_name, question, expected, fixture) => {
    const answer = createEngine(fixture.articles, { synsets: await sharedSynsets() }).ask(question)
    const topics = answer.disagreements.map((disagreement: Disagreement) => disagreement.topic)
    if (expected === null) expect(topics).toEqual([])
    else expect(topics.some((topic) => topic.includes(expected))).toBe(true)
  })
})

describe('engine.disagreements: what a reader sees of one disagreement', () => {
  const article = (id: string, text: string) => ({ id, title: `Report ${id}`, text: `${text} The rest of this paragraph is long enough to end the lead, so that the line above counts as the body of the article.` })
  const engine = createEngine([
    article('a', 'Mayor Owen Tate opened the new bridge on Monday.'),
    article('b', 'Mayor Owen Tate cut the ribbon at the bridge.'),
    article('c', 'Mayor Owen Tate thanked the builders of the bridge.'),
    article('d', 'Mayor Owen Tate walked across the bridge first.'),
    article('e', 'Mayor Lena Brandt opened the new bridge on Monday.'),
  ])

  it('quotes each value once per source, at most two sources a value, and lists the others in alsoIn', () => {
    const [role] = engine.disagreements()
    const tate = role?.claims.filter((claim) => claim.value === 'Owen Tate') ?? []
    expect(role?.claims.map((claim) => claim.value)).toEqual(['Owen Tate', 'Owen Tate', 'Lena Brandt'])
    const tateSources = [...tate.map((claim) => claim.source.id), ...tate.flatMap((claim) => claim.alsoIn ?? []).map((source) => source.id)]
    expect(tateSources.sort()).toEqual(['a', 'b', 'c', 'd'])
    expect(tate[1]?.alsoIn).toHaveLength(2)
    expect(role?.claims[2]?.alsoIn).toBeUndefined()
  })

  it('surfaces the disagreement for a question naming the holder only one source gives, not the one most give', () => {
    expect(engine.ask('Did Lena Brandt open the bridge?').disagreements.map((d) => d.topic)).toEqual(['who is the mayor'])
    expect(engine.ask('Did Owen Tate open the bridge?').disagreements).toEqual([])
  })
})

describe('the bundled corpus', async () => {
  const articles = await loadCorpusDir(new URL('../../corpus/', import.meta.url).pathname)
  const engine = createEngine(articles)
  const all = engine.disagreements()
  const byTopic = (word: string) => all.find((disagreement) => disagreement.topic.includes(word))

  it('finds how long the talks lasted: about 3 hours, 7 hours, and 12 hours in a lead line', () => {
    const duration = byTopic('how long')
    expect(duration?.kind).toBe('quantity')
    expect(duration?.claims.map((claim) => claim.value)).toEqual(expect.arrayContaining(['about 3 hours', '7 hours', '12 hours']))
    expect(duration?.claims.find((claim) => claim.value === '12 hours')?.headline).toBe(true)
  })

  it('finds who is the US president, never counting the Russian president', () => {
    const role = byTopic('US president')
    expect(role?.kind).toBe('role')
    const values = role?.claims.map((claim) => claim.value) ?? []
    expect(values).toEqual(expect.arrayContaining(['Donald Trump', 'Joe Biden', 'Donald Trump (former)']))
    expect(values.some((value) => /Putin/.test(value))).toBe(false)
  })

  it('reports the outcome as framing and keeps who frames it', () => {
    const framing = all.find((disagreement) => disagreement.kind === 'framing')
    const values = new Set(framing?.claims.map((claim) => claim.value))
    expect(values).toEqual(new Set(['positive', 'negative']))
    expect(framing?.claims.some((claim) => claim.value === 'positive' && claim.speaker !== undefined)).toBe(true)
  })

  it('surfaces the duration disagreement for a question about it, and not the others', () => {
    const answer = engine.ask('How long did the talks last?')
    expect(answer.disagreements.map((disagreement) => disagreement.topic)).toEqual(['how long the talks lasted'])
  })

  it('surfaces a disagreement for a question that names a disputed value: a holder or a duration', () => {
    expect(engine.ask('Did Biden meet Putin?').disagreements.map((disagreement) => disagreement.kind)).toEqual(['role'])
    expect(engine.ask('Was it 12 hours?').disagreements.map((disagreement) => disagreement.topic)).toEqual(['how long the talks lasted'])
  })

  it('quotes a source that states the outcome once, even when another source states it four times', () => {
    const framing = all.find((disagreement) => disagreement.kind === 'framing')
    expect(framing?.claims.some((claim) => claim.source.id === 'no-deal-in-alaska' || claim.alsoIn?.some((source) => source.id === 'no-deal-in-alaska'))).toBe(true)
  })

  it('reads no dispute from a question that asks who took part: sources naming different attendees do not contradict', () => {
    for (const question of ['Who was at the summit in Alaska?', 'Who attended the summit?']) {
      expect(engine.ask(question).disagreements.filter((disagreement) => disagreement.valueKind === 'person')).toEqual([])
    }
  })

  it('surfaces the president disagreement even when the quotes agree', () => {
    const answer = engine.ask('Who is the US president?')
    expect(answer.disagreements.some((disagreement) => disagreement.kind === 'role')).toBe(true)
  })

  it('keeps every claim a verbatim substring of its article', async () => {
    for (const disagreement of all) {
      for (const claim of disagreement.claims) {
        const file = await readFile(new URL(`../../corpus/${claim.source.id}.md`, import.meta.url), 'utf8')
        expect(file).toContain(claim.text)
      }
    }
  })
})
