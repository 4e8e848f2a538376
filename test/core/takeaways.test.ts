import { beforeAll, describe, expect, it } from 'vitest'
import { loadCorpusDir } from '../../adapters/load-corpus.js'
import { splitPassages } from '../../src/passages.js'
import { buildDisagreementIndex, type DisagreementIndex } from '../../src/disagreements.js'
import { allPassages, buildCorpusIndex, type CorpusIndex } from '../../src/search.js'
import { buildTakeawayIndex, createSentenceComparer, createTakeawayBuilder, DEFAULT_TAKEAWAY_BUILD_OPTIONS, selectTakeaways } from '../../src/takeaways/index.js'
import type { ArticleInput, Disagreement, Engine, Takeaway } from '../../src/index.js'
import { splitSentences } from '../../src/nlp.js'
import { isImperative, readArticle } from '../../src/reading.js'
import { BUNDLED_DIR, fixtureDir, loadCheckedEngine, sharedSynsets } from '../helpers/engine.js'

const positionOf = (takeaways: Takeaway[], phrase: string) => takeaways.findIndex((takeaway) => takeaway.text.includes(phrase))

describe('takeaways of a product launch covered by four outlets', () => {
  let engine: Engine

  beforeAll(async () => {
    ;({ engine } = await loadCheckedEngine(fixtureDir('takeaways-bike-launch')))
  })

  it('gives the central facts of the event, each once', () => {
    const takeaways = engine.takeaways()
    expect(takeaways.length).toBeGreaterThanOrEqual(5)
    expect(takeaways.length).toBeLessThanOrEqual(7)
    expect(takeaways.filter((takeaway) => /unveiled/.test(takeaway.text))).toHaveLength(1)
    expect(takeaways.filter((takeaway) => takeaway.text.includes('3,200 euros'))).toHaveLength(1)
    expect(positionOf(takeaways, '140 kilometres')).toBeGreaterThanOrEqual(0)
  })

  it('puts the point every outlet carries first, supported by all four', () => {
    const [first] = engine.takeaways()
    expect(first?.text).toMatch(/unveiled the Strada 3/)
    expect([...(first?.supportedBy ?? [])].sort()).toEqual(['city-cycle', 'gadget-desk', 'harbour-business', 'pedal-wire'])
    expect(first?.supportedBy[0]).toBe(first?.source.id)
  })

  it('ranks a fact three sources state above one that a single source states', () => {
    const takeaways = engine.takeaways({ limit: 20 })
    const price = positionOf(takeaways, '3,200 euros')
    const oneSource = positionOf(takeaways, 'four years to develop')
    expect(takeaways[price]?.supportedBy).toHaveLength(3)
    expect(takeaways[oneSource]?.supportedBy).toEqual(['pedal-wire'])
    expect(price).toBeLessThan(oneSource)
  })

  it('orders points by how many sources carry them', () => {
    const counts = engine.takeaways({ limit: 20 }).map((takeaway) => takeaway.supportedBy.length)
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
  })

  it('leaves out questions, calls to action, newsletter lines, self-references, table rows and list fragments', () => {
    const texts = engine.takeaways({ limit: 20 }).map((takeaway) => takeaway.text)
    for (const phrase of ['Is this the bike', 'Sign up', 'Consider booking', 'This article', '| Range', 'Hydraulic disc brakes', 'Specs at a glance']) {
      expect(texts.filter((text) => text.includes(phrase)), phrase).toEqual([])
    }
  })

  it('gives one article\'s points with --source, still counting the other sources', () => {
    const takeaways = engine.takeaways({ sourceId: 'city-cycle' })
    expect(takeaways.length).toBeGreaterThan(0)
    expect(takeaways.every((takeaway) => takeaway.source.id === 'city-cycle')).toBe(true)
    expect(takeaways[0]?.supportedBy.length).toBeGreaterThan(1)
  })

  it('restricts to a topic by stems, so a singular finds the plural', () => {
    const takeaways = engine.takeaways({ topic: 'kilometre' })
    expect(takeaways.length).toBeGreaterThan(0)
    expect(takeaways.every((takeaway) => /kilometres/.test(takeaway.text))).toBe(true)
  })

  it('returns no takeaways for a topic the corpus does not mention', () => {
    expect(engine.takeaways({ topic: 'submarine' })).toEqual([])
  })

  it('honours the limit', () => {
    expect(engine.takeaways({ limit: 2 })).toHaveLength(2)
  })
})

describe('takeaways of a local election covered by three outlets', () => {
  let articles: ArticleInput[]
  let index: CorpusIndex
  /** The real disagreement index of the fixture with `all` replaced, so the test decides what is contested. */
  const disagreementsOf = (all: Disagreement[]): DisagreementIndex => ({ ...buildDisagreementIndex(index), all })

  beforeAll(async () => {
    articles = await loadCorpusDir(fixtureDir('takeaways-town-election'))
    index = buildCorpusIndex(articles, articles.flatMap((article) => splitPassages(article.id, article.text)))
  })

  it('leads with the result, which all three outlets report, then the defeated incumbent', () => {
    const takeaways = selectTakeaways(buildTakeawayIndex(index, disagreementsOf([])), index)
    expect(takeaways[0]?.text).toContain('54 percent')
    expect(takeaways[0]?.supportedBy).toHaveLength(3)
    const incumbent = takeaways.find((takeaway) => takeaway.text.includes('Paul Hendry'))
    expect(incumbent?.supportedBy).toHaveLength(3)
    expect(positionOf(takeaways, 'Elm Street library')).toBeGreaterThan(0)
  })

  it('does not count sentences with different figures as support for each other', () => {
    const takeaways = selectTakeaways(buildTakeawayIndex(index, disagreementsOf([])), index, { limit: 20 })
    const turnout = takeaways.filter((takeaway) => /^Turnout/.test(takeaway.text))
    expect(turnout).toHaveLength(2)
    for (const takeaway of turnout) expect(takeaway.supportedBy).toHaveLength(1)
  })

  it('leaves out a rhetorical question and advice to the reader', () => {
    const texts = selectTakeaways(buildTakeawayIndex(index, disagreementsOf([])), index, { limit: 20 }).map((takeaway) => takeaway.text)
    expect(texts.some((text) => text.includes('Who will fix'))).toBe(false)
    expect(texts.some((text) => text.includes('Make sure you'))).toBe(false)
    expect(texts.some((text) => text.includes('Subscribe'))).toBe(false)
  })

  it('marks a point contested when a disagreement quotes its sentence, naming the topic', () => {
    const clerk = articles.find((article) => article.id === 'brennock-herald')!
    const radio = articles.find((article) => article.id === 'valley-radio')!
    const claimOf = (article: ArticleInput, text: string, value: string) => ({
      value,
      text,
      source: { id: article.id, title: article.title },
      passageId: [...allPassages(index)].find((passage) => passage.sourceId === article.id && passage.text.includes(text))!.id,
    })
    const turnout: Disagreement = {
      topic: 'what the turnout was',
      kind: 'quantity',
      claims: [claimOf(clerk, 'Turnout was 38 percent', '38 percent'), claimOf(radio, 'Turnout reached 41 percent', '41 percent')],
    }
    const takeaways = selectTakeaways(buildTakeawayIndex(index, disagreementsOf([turnout])), index, { limit: 20 })
    const contested = takeaways.filter((takeaway) => takeaway.contested)
    expect(contested.map((takeaway) => takeaway.text.slice(0, 14)).sort()).toEqual(['Turnout reache', 'Turnout was 38'])
    expect(contested.every((takeaway) => takeaway.disagreementTopic === 'what the turnout was')).toBe(true)
    expect(takeaways.find((takeaway) => takeaway.text.includes('54 percent'))?.contested).toBe(false)
  })
})

describe('takeaways of a dock strike that four outlets tell in their own words', () => {
  let engine: Engine

  beforeAll(async () => {
    ;({ engine } = await loadCheckedEngine(fixtureDir('takeaways-dock-strike')))
  })

  it('counts a point every outlet words differently as carried by all four', () => {
    const [first] = engine.takeaways()
    expect(first?.text).toMatch(/no deal|without an agreement|without a settlement|failed to reach an accord/)
    expect(first?.supportedBy).toHaveLength(4)
    expect(engine.takeaways({ limit: 20 }).filter((takeaway) => /no deal|without an agreement|without a settlement|reach an accord/.test(takeaway.text))).toHaveLength(1)
  })

  it('ranks a reported fact above commentary that as many sources carry', () => {
    const takeaways = engine.takeaways({ limit: 20 })
    const fact = positionOf(takeaways, 'both sides back next week')
    const commentary = positionOf(takeaways, 'labour relations')
    expect(takeaways[fact]?.supportedBy).toHaveLength(2)
    expect(takeaways[commentary]?.supportedBy.length ?? 0).toBeLessThanOrEqual(2)
    expect(fact).toBeGreaterThanOrEqual(0)
    expect(commentary < 0 || fact < commentary).toBe(true)
  })

  it('does not mark a point contested for naming an office holder in passing', () => {
    // One outlet's takeaways: corpus-wide, the "Former" wording of the minister's point is the one quoted.
    const takeaways = engine.takeaways({ sourceId: 'tarvik-post', limit: 20 })
    const passing = takeaways.filter((takeaway) => /Trade Minister Erik Dahl/.test(takeaway.text) && !/^Former/.test(takeaway.text))
    expect(passing.length).toBeGreaterThan(0)
    for (const takeaway of passing) expect(takeaway.contested, takeaway.text).toBe(false)
  })

  it('marks a point contested when it gives the holder of an office as only a minority of sources do', () => {
    const former = engine.takeaways({ limit: 20 }).find((takeaway) => takeaway.text.startsWith('Former Norlandic Trade Minister'))
    expect(former?.contested).toBe(true)
    expect(former?.disagreementTopic).toBe('who is the Norlandic trade minister')
  })

  it('marks a point contested when it states a disputed quantity', () => {
    const length = engine.takeaways({ limit: 20 }).find((takeaway) => takeaway.text.includes('lasted nine hours'))
    expect(length?.contested).toBe(true)
    expect(length?.disagreementTopic).toBe('how long the talks lasted')
  })
})

describe('takeaways of a chemical plant fire that four outlets tell with background and look-ahead', () => {
  let engine: Engine

  beforeAll(async () => {
    ;({ engine } = await loadCheckedEngine(fixtureDir('takeaways-plant-fire')))
  })

  it('gives a smaller limit as the first points of a larger one, in the same order', () => {
    const texts = (limit: number) => engine.takeaways({ limit }).map((takeaway) => takeaway.text)
    const all = texts(20)
    for (const limit of [1, 2, 3, 5, 7]) expect(texts(limit)).toEqual(all.slice(0, limit))
    for (const options of [{ topic: 'plant' }, { sourceId: 'valley-times' }]) {
      const longer = engine.takeaways({ ...options, limit: 20 }).map((takeaway) => takeaway.text)
      expect(engine.takeaways({ ...options, limit: 3 }).map((takeaway) => takeaway.text)).toEqual(longer.slice(0, 3))
    }
  })

  it('does not repeat a summary line that the first paragraph repeats, with or without --topic and --source', () => {
    for (const options of [{ limit: 20 }, { topic: 'residents', limit: 20 }, { sourceId: 'valley-times', limit: 20 }]) {
      const repeats = engine.takeaways(options).filter((takeaway) => /forced (?:about 3,000 )?residents from their homes on Monday night/.test(takeaway.text))
      expect(repeats.length, JSON.stringify(options)).toBeLessThanOrEqual(1)
    }
  })

  it('never opens a takeaway with a pronoun, and quotes the point from a sentence that names who', () => {
    const takeaways = engine.takeaways({ limit: 20 })
    const pronounFirst = (takeaway: Takeaway) => /^["“]?(?:she|he|they|it|his|her|their|its)\b/i.test(takeaway.text)
    expect([...takeaways, ...engine.takeaways({ sourceId: 'marlow-radio', limit: 20 })].filter(pronounFirst)).toEqual([])
    const workers = takeaways.filter((takeaway) => takeaway.text.includes('12 workers'))
    expect(workers).toHaveLength(1)
    expect(workers[0]?.text).toMatch(/^Fire Chief Anna Berg said/)
    expect(workers[0]?.supportedBy).toHaveLength(3)
  })

  it('does not count another person ordering the same thing, or other words about closing, as support', () => {
    const closure = engine.takeaways({ limit: 20 }).find((takeaway) => takeaway.text.startsWith('Mayor Tom Ellison ordered schools'))
    expect(closure?.supportedBy).toEqual(['valley-times'])
  })

  it('ranks a concrete fact one source reports above background and look-ahead that two sources share', () => {
    const takeaways = engine.takeaways({ limit: 20 })
    const background = positionOf(takeaways, 'had been tense for several years')
    const lookAhead = positionOf(takeaways, 'Moving forward')
    const fact = positionOf(takeaways, 'Mayor Tom Ellison ordered schools')
    expect(takeaways[background]?.supportedBy).toHaveLength(2)
    expect(takeaways[lookAhead]?.supportedBy).toHaveLength(2)
    expect(fact).toBeGreaterThanOrEqual(0)
    expect(fact).toBeLessThan(background)
    expect(fact).toBeLessThan(lookAhead)
    expect(engine.takeaways().some((takeaway) => /had been tense|Moving forward/.test(takeaway.text))).toBe(false)
  })
})

/**
 * Sentences of the invented fixtures labelled by the fact they state; a sentence stating two facts
 * is in both groups. Groups starting with "?" are unclear (one sentence restates another only in a
 * side clause) and count neither way. Pairs whose figures differ are left out: `numbersAgree` keeps
 * them apart whatever their similarity.
 */
const SAME_FACT: Record<string, Record<string, string[]>> = {
  'takeaways-bike-launch': {
    unveil: ['Velotta unveiled the Strada 3 electric', 'Velotta has unveiled', 'Velotta unveiled the Strada 3, its new', 'Shares in Velotta rose'],
    price: ['is priced at 3,200', 'Priced at 3,200', 'will sell for 3,200'],
    delivery: ['First deliveries', 'Priced at 3,200', 'will sell for 3,200'],
    range: ['battery range of 140', 'a range of 140'],
    children: ['seats two children', 'holds two children'],
  },
  'takeaways-town-election': {
    win: ['Dana Ruiz won', 'elected Dana Ruiz', 'Challenger Dana Ruiz'],
    incumbent: ['Ruiz defeated', 'She beat the incumbent', 'The result ends eight years'],
    library: ['promised to reopen', 'has pledged to reopen'],
  },
  'takeaways-dock-strike': {
    noDeal: ['Talks between the dockworkers', 'Negotiations chaired by', 'failed to reach an accord', "Friday's talks on the"],
    walkout: ['1,800 dockworkers walked', 'The strike began on Monday', '1,800 dockers'],
    callBack: ['would call both sides back', 'would invite both sides back'],
    commentary: ['symbolic moment for labour', 'critical moment for labour', 'reshape labour relations'],
    '?chair': ['hosted the talks', 'Negotiations chaired by', 'who chaired the talks'],
  },
}

describe('the similarity at which two sentences support each other', () => {
  it('separates sentences restating a fact from sentences stating different facts on the fixtures', async () => {
    const same: number[] = []
    const different: number[] = []
    for (const [fixture, groups] of Object.entries(SAME_FACT)) {
      const articles = await loadCorpusDir(fixtureDir(fixture))
      const index = buildCorpusIndex(articles, articles.flatMap((article) => splitPassages(article.id, article.text)), {}, await sharedSynsets())
      const compare = createSentenceComparer(index)
      const sentences = articles.flatMap((article) =>
        splitSentences(article.text)
          .flatMap((span) => article.text.slice(span.start, span.end).split('\n'))
          .map((text) => ({ sourceId: article.id, text: text.replace(/^- /, '').trim() }))
          .filter(({ text }) => text.length > 20 && !text.startsWith('|')),
      )
      const groupsOf = (text: string) => Object.keys(groups).filter((group) => groups[group]?.some((needle) => text.includes(needle)))
      const figures = (text: string) => new Set(text.match(/\d[\d,]*/g) ?? [])
      for (const [i, a] of sentences.entries()) {
        for (const b of sentences.slice(i + 1)) {
          const [figuresA, figuresB] = [figures(a.text), figures(b.text)]
          if (a.sourceId === b.sourceId || (figuresA.size > 0 && figuresB.size > 0 && ![...figuresA].some((figure) => figuresB.has(figure)))) continue
          const shared = groupsOf(a.text).filter((group) => groupsOf(b.text).includes(group))
          const { similarity, sharedTerms } = compare(a.text, b.text)
          const value = sharedTerms >= 2 ? similarity : 0
          if (shared.some((group) => !group.startsWith('?'))) same.push(value)
          else if (shared.length === 0) different.push(value)
        }
      }
    }
    const threshold = DEFAULT_TAKEAWAY_BUILD_OPTIONS.supportSimilarity
    expect(same.length).toBeGreaterThan(25)
    expect(different.length).toBeGreaterThan(250)
    expect(Math.max(...different)).toBeLessThan(threshold)
    expect(same.filter((value) => value >= threshold).length / same.length).toBeGreaterThanOrEqual(0.85)
  })
})

describe('takeaways of the bundled corpus', () => {
  let engine: Engine
  let articles: ArticleInput[]

  beforeAll(async () => {
    ;({ engine, articles } = await loadCheckedEngine(BUNDLED_DIR))
  })

  it('quotes every takeaway verbatim from its source, under 300 characters, never a question or an imperative', () => {
    const textOf = new Map(articles.map((article) => [article.id, article.text]))
    const all = [engine.takeaways(), engine.takeaways({ limit: 20 }), ...articles.map((article) => engine.takeaways({ sourceId: article.id, limit: 20 }))].flat()
    expect(all.length).toBeGreaterThan(20)
    for (const takeaway of all) {
      expect(textOf.get(takeaway.source.id)).toContain(takeaway.text)
      expect(takeaway.text.length).toBeLessThan(300)
      expect(takeaway.text.trim()).toBe(takeaway.text)
      expect(takeaway.text).not.toMatch(/\?["”’)]*$/)
      expect(takeaway.text).not.toMatch(/^(?:Consider|Support|Demand|Hold|Stay|Engage|Advocate|Watch|Ensure|Foster)\b/)
      expect(takeaway.supportedBy[0]).toBe(takeaway.source.id)
      expect(new Set(takeaway.supportedBy).size).toBe(takeaway.supportedBy.length)
    }
  })

  it('gives five to seven points by default', () => {
    const count = engine.takeaways().length
    expect(count).toBeGreaterThanOrEqual(5)
    expect(count).toBeLessThanOrEqual(7)
  })
})

describe('takeaways of a ferry capsizing whose sources disagree on the day', () => {
  let engine: Engine

  beforeAll(async () => {
    ;({ engine } = await loadCheckedEngine(fixtureDir('compare-ferry')))
  })

  it('does not count a source that gives another day as carrying the point, and marks it contested', () => {
    const tuesday = engine.takeaways({ limit: 20 }).find((takeaway) => /capsized on .*Tuesday/.test(takeaway.text))
    expect(tuesday?.contested).toBe(true)
    expect(tuesday?.supportedBy.length).toBeGreaterThanOrEqual(2)
    expect(tuesday?.supportedBy).not.toContain('varn-radio')
  })
})

describe('takeaways of several stories ranked by one builder', () => {
  it('gives each story the takeaways a builder of its own gives it, whatever was ranked before', async () => {
    const articles = await loadCorpusDir(fixtureDir('stories-mixed'))
    const index = buildCorpusIndex(articles, articles.flatMap((article) => splitPassages(article.id, article.text)))
    const stories = ['velmora-port', 'kessel-election', 'estria-summit', 'sundholm-fire'].map((event) => articles.filter((article) => article.id.startsWith(event)).map((article) => article.id))
    const none: DisagreementIndex = { all: [] }
    const shared = createTakeawayBuilder(index)
    const pointsOf = (built: ReturnType<typeof buildTakeawayIndex>) => built.candidates.map((candidate) => ({ text: candidate.takeaway.text, supportedBy: candidate.takeaway.supportedBy, score: candidate.score, samePoint: candidate.samePoint }))
    for (const sources of stories) {
      expect(sources.length).toBeGreaterThanOrEqual(3)
      const alone = pointsOf(createTakeawayBuilder(index)(none, sources))
      expect(alone.some((point) => point.supportedBy.length > 1)).toBe(true)
      expect(pointsOf(shared(none, sources))).toEqual(alone)
    }
  })
})

describe('isImperative', () => {
  it('tells a long call to action from a long statement by their opening words alone', () => {
    expect(isImperative('Consider donating to the valley food bank, which served more than four hundred families across the three towns during the long winter closures.')).toBe(true)
    expect(isImperative('“Support the rebuilding fund,” the flyer said, and residents queued outside the library for most of the afternoon to sign up.')).toBe(true)
    expect(isImperative('Support grew among residents after the council published its long-awaited report on the spring flooding of the lower valley.')).toBe(false)
    expect(isImperative('Volunteers cleared the riverside path on Saturday morning, working alongside crews from the water board until the light failed.')).toBe(false)
  })

  it('reads the calls to action of an article from its one reading, where a name that is also a verb opens a statement', () => {
    const text = [
      'Mount Ferrick erupted before dawn on Tuesday, sending ash over the harbour and closing the ferry road for the day.',
      'Consider donating to the valley food bank, which served more than four hundred families during the closures.',
      'Support grew among residents after the council published its report on the eruption.',
    ].join('\n\n')
    const { readings } = readArticle({ id: 'ferrick', text })
    expect(readings.flat().map((reading) => reading.imperative)).toEqual([false, true, false])
  })
})
