import { readdir } from 'node:fs/promises'
import { beforeAll, describe, expect, it } from 'vitest'
import { createEngine, createEngineFromSnapshot, engineToSnapshot, type ArticleInput, type Engine, type EngineSnapshot } from '../../src/index.js'
import { decodeValue, encodeValue } from '../../src/snapshot.js'
import { buildStories } from '../../src/stories.js'
import { loadCorpusDir } from '../../adapters/load-corpus.js'
import { BUNDLED_DIR, fixtureDir, loadCheckedEngine } from '../helpers/engine.js'

/** The event each article of `stories-mixed` reports, by its file name's prefix: the fixture's own labelling. */
const eventOf = (sourceId: string) => sourceId.replace(/-[a-d]$/, '')

describe('stories of a corpus holding several events', () => {
  let engine: Engine
  let articles: ArticleInput[]

  beforeAll(async () => {
    ;({ engine, articles } = await loadCheckedEngine(fixtureDir('stories-mixed')))
  })

  it('puts every article in its own event’s story and no other (purity and completeness 1)', () => {
    const stories = engine.stories()
    // Purity: each story holds one event; completeness: each event is in one story.
    for (const story of stories) expect(new Set(story.sources.map(eventOf)).size).toBe(1)
    const storiesOfEvent = new Map<string, Set<string>>()
    for (const story of stories) for (const id of story.sources) storiesOfEvent.set(eventOf(id), (storiesOfEvent.get(eventOf(id)) ?? new Set()).add(story.id))
    for (const [event, ids] of storiesOfEvent) expect(ids.size, event).toBe(1)
    expect(stories.flatMap((story) => story.sources).sort()).toEqual(articles.map((article) => article.id).sort())
    expect(stories.map((story) => story.sources.length)).toEqual([4, 4, 3, 3, 1, 1])
  })

  it('labels each story with names its articles use, and dates it from its articles', () => {
    const summit = engine.stories().find((story) => story.sources.includes('estria-summit-a'))
    expect(summit?.label).toMatch(/Brightwater|Estria|Caldonia/)
    expect(summit?.published).toEqual({ from: '2032-02-11', to: '2032-02-14' })
    const undated = engine.stories().find((story) => story.sources.includes('notes-on-rain'))
    expect(undated?.sources).toEqual(['notes-on-rain'])
    expect(undated?.published).toBeUndefined()
  })

  it('never reports two events’ figures as a disagreement', () => {
    // Nine hours in one port dispute and four in one summit are both "how long the talks lasted".
    expect(engine.disagreements()).toEqual([])
    const answer = engine.ask('How long did the talks last?')
    expect(answer.status).toBe('answered')
    expect(answer.disagreements).toEqual([])
    for (const story of engine.stories()) expect(engine.disagreements({ storyId: story.id })).toEqual([])
  })

  it('gives each story its own takeaways, and a one-article story that article’s points', () => {
    for (const story of engine.stories()) {
      for (const takeaway of engine.takeaways({ storyId: story.id })) expect(story.sources).toContain(takeaway.source.id)
    }
    const bakery = engine.stories().find((story) => story.sources.includes('bakery-opening'))
    const points = engine.takeaways({ storyId: bakery?.id ?? '' })
    expect(points.length).toBeGreaterThan(0)
    expect(points.every((takeaway) => takeaway.source.id === 'bakery-opening' && takeaway.supportedBy.length === 1)).toBe(true)
  })

  it('names the stories when asked for one it does not have', () => {
    expect(() => engine.takeaways({ storyId: 'no-such-story' })).toThrow(/no story called "no-such-story"/)
    expect(() => engine.disagreements({ storyId: 'no-such-story' })).toThrow(/The stories are: /)
  })

  it('keeps its stories and per-story takeaways through a snapshot', () => {
    const built = createEngine(articles)
    // Snapshots hold typed arrays: a JSON round trip goes through encodeValue, as a snapshot file's does not need to.
    const loaded = createEngineFromSnapshot(decodeValue(JSON.parse(JSON.stringify(encodeValue(engineToSnapshot(built))))) as EngineSnapshot)
    expect(loaded.stories()).toEqual(built.stories())
    for (const story of built.stories()) expect(loaded.takeaways({ storyId: story.id })).toEqual(built.takeaways({ storyId: story.id }))
    for (const article of articles) expect(loaded.takeaways({ sourceId: article.id }), article.id).toEqual(built.takeaways({ sourceId: article.id }))
    expect(loaded.takeaways()).toEqual(built.takeaways())
    for (const story of built.stories()) expect(loaded.disagreements({ storyId: story.id })).toEqual(built.disagreements({ storyId: story.id }))
    expect(loaded.disagreements()).toEqual(built.disagreements())
  })
})

describe('disagreements of a corpus of several stories, from a snapshot', () => {
  it('gives each story its own disagreements, the same as the engine built, and the corpus-wide list after them', async () => {
    // The bundled summit and two invented events, each with disagreements of its own.
    const articles = [...(await loadCorpusDir(BUNDLED_DIR)), ...(await loadCorpusDir(fixtureDir('plant-fire'))), ...(await loadCorpusDir(fixtureDir('storm-toll')))]
    const built = createEngine(articles)
    const loaded = createEngineFromSnapshot(decodeValue(JSON.parse(JSON.stringify(encodeValue(engineToSnapshot(built))))) as EngineSnapshot)
    const stories = built.stories()
    expect(stories.filter((story) => built.disagreements({ storyId: story.id }).length > 0).length).toBeGreaterThanOrEqual(3)
    // Story by story first: the snapshot reads one story's without the others'.
    for (const story of stories) expect(loaded.disagreements({ storyId: story.id }), story.id).toEqual(built.disagreements({ storyId: story.id }))
    expect(loaded.disagreements()).toEqual(built.disagreements())
    for (const story of stories) expect(loaded.disagreements({ storyId: story.id })).toEqual(built.disagreements({ storyId: story.id }))
  })
})

describe('stories of a corpus about two events', () => {
  it('splits a wildfire and a train derailment, three articles each, into two stories', async () => {
    const { engine } = await loadCheckedEngine(fixtureDir('paraphrase-wildfire-rail'))
    const stories = engine.stories()
    expect(stories.map((story) => story.sources.length)).toEqual([3, 3])
    expect(new Set(stories.map((story) => story.id)).size).toBe(2)
  })
})

describe('stories of a corpus about three events', () => {
  it('splits an emergency landing, a food-poisoning outbreak and a sinkhole, three articles each, into three stories', async () => {
    const { engine } = await loadCheckedEngine(fixtureDir('paraphrase-landing-outbreak-sinkhole'))
    expect(engine.stories().map((story) => story.sources.length)).toEqual([3, 3, 3])
  }, 120_000)
})

describe('stories of a corpus about one event', () => {
  it('finds one story in the bundled corpus and in every single-event fixture', async () => {
    // The fixtures that hold several events on purpose are checked by their own tests.
    // `pages` holds web pages for the add-by-link tests, not a corpus.
    const fixtures = (await readdir(fixtureDir('.'))).filter((name) => !['stories-mixed', 'compare-two-events', 'paraphrase-wildfire-rail', 'conversation-flight-trial', 'conversation-zoo-ship', 'conversation-blackout-chess', 'conversation-eruption-whales', 'conversation-spill-cave', 'conversation-exam-turbine', 'conversation-hospital-stadium', 'paraphrase-whales-water', 'paraphrase-crane-bank', 'paraphrase-bakery-canoe', 'paraphrase-balloon-festival', 'paraphrase-zoo-rocket', 'paraphrase-avalanche-blackout', 'rescue-and-budget', 'paraphrase-landing-outbreak-sinkhole', 'pages', 'answer-long-sentence', 'conversation-club-gallery', 'wide-weir-tram'].includes(name))
    for (const dir of [BUNDLED_DIR, ...fixtures.map(fixtureDir)]) {
      const { engine, articles } = await loadCheckedEngine(dir)
      expect(engine.stories().map((story) => story.sources.length), dir).toEqual([articles.length])
    }
  }, 120_000)
})

describe('buildStories', () => {
  it('keeps an article with no names, no date and one line in a story of its own', () => {
    const stories = buildStories([
      { source: { id: 'a', title: 'Ferry returns to Osk', published: '2030-01-02' }, text: 'The Osk ferry returned to service at Lund harbour after repairs to Osk pier.' },
      { source: { id: 'b', title: 'Osk ferry back', published: '2030-01-03' }, text: 'Osk islanders welcomed the ferry back at Lund harbour on its first crossing to Osk.' },
      { source: { id: 'c', title: 'notes' }, text: 'it rained.' },
    ])
    expect(stories.map((story) => story.sources)).toEqual([['a', 'b'], ['c']])
    expect(stories[1]?.label).toBe('notes')
  })

  it('writes a label\'s names whole, as the articles write them, each name once; the id keeps the name words', () => {
    const stories = buildStories([
      { source: { id: 'a', title: 'Nurses strike' }, text: 'Nurses at Corvin Mercy Hospital walked out. Chief executive Alma Retter said wards stayed open. Talks with Alma Retter failed.' },
      { source: { id: 'b', title: 'Strike ends' }, text: 'The walkout at Corvin Mercy Hospital ended. Alma Retter thanked the staff of the hospital.' },
    ])
    expect(stories).toHaveLength(1)
    expect(stories[0]?.label.split(', ').sort()).toEqual(['Alma Retter', 'Corvin Mercy Hospital'])
    expect(stories[0]?.id).toMatch(/^(?:corvin|mercy|alma|retter)(?:-(?:corvin|mercy|hospital|alma|retter))*$/)
  })

  it('gives stories distinct ids even when their labels agree', () => {
    const stories = buildStories([
      { source: { id: 'a', title: 'Ok' }, text: 'nothing named here.' },
      { source: { id: 'b', title: 'Ok' }, text: 'nothing named here either.' },
    ])
    expect(stories.map((story) => story.id)).toEqual(['ok', 'ok-2'])
  })
})
