import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Worker } from 'node:worker_threads'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildEngineFromDir } from '../../adapters/build-engine.js'
import { createBuildWorker, spawnBuildThread, type BuildWorker } from '../../adapters/build-worker.js'
import { createCorpusReloader, SETTLE_REASON } from '../../adapters/reload.js'
import { reuseExamples, type Answer, type Engine } from '../../src/index.js'
import { createCaptureLogger } from '../fakes/capture-logger.js'
import { fixtureDir } from '../helpers/engine.js'

/** Questions any news corpus may be asked, plus the engine's own examples. */
const QUESTIONS = ['How long did the talks last?', 'How many people were evacuated?', 'Who won the election?', 'When did the fire start?', 'What did the port cost?', 'What was agreed?']

/** What a user can see of an engine, as JSON: stories, every story's takeaways, disagreements, answers, example questions. */
function visible(engine: Engine, questions: readonly string[]): Record<string, unknown> {
  const stories = engine.stories()
  return {
    examples: engine.exampleQuestions(),
    stories,
    takeaways: engine.takeaways(),
    storyTakeaways: stories.map((story) => engine.takeaways({ storyId: story.id })),
    disagreements: engine.disagreements(),
    storyDisagreements: stories.map((story) => engine.disagreements({ storyId: story.id })),
    answers: questions.map((question) => engine.ask(question)),
  }
}

describe('reloads on a long-lived build thread', { timeout: 240_000 }, () => {
  let worker: BuildWorker
  let corpus: string
  const { logger, records } = createCaptureLogger()
  const spawned: Worker[] = []

  beforeAll(async () => {
    corpus = await mkdtemp(join(tmpdir(), 'incremental-'))
    await cp(fixtureDir('stories-mixed'), corpus, { recursive: true })
    // One article of a story arrives later.
    await rm(join(corpus, 'velmora-port-d.md'))
    worker = createBuildWorker({ logger, spawn: () => spawned[spawned.push(spawnBuildThread()) - 1] as Worker })
    await worker.warm(corpus)
    // The first build after warming ranks every story: the tests start from its memory.
    await worker.build(corpus, { dir: false })
  }, 240_000)
  afterAll(async () => {
    await worker.close()
    await rm(corpus, { recursive: true, force: true })
  })

  /**
   * Builds `corpus` on the thread as a reload does and cold here. Stories, answers and disagreements
   * are a cold build's at once; takeaways and example questions too once the settling build has
   * worked out again what the quick one kept.
   */
  async function expectSameAsCold() {
    const quick = await worker.build(corpus, { dir: false })
    const cold = await buildEngineFromDir(corpus, {}, { dir: false })
    const questions = [...QUESTIONS, ...cold.engine.exampleQuestions()]
    // A declined question's suggestions may be the corpus-wide example questions, which the quick reload keeps too.
    const { takeaways: _quickTakeaways, storyTakeaways: _quickStories, examples: _quickExamples, ...quickRest } = visible(quick.engine, questions)
    const { takeaways: _coldTakeaways, storyTakeaways: _coldStories, examples: _coldExamples, ...coldRest } = visible(cold.engine, questions)
    const withoutSuggestions = (rest: Record<string, unknown>) => ({ ...rest, answers: (rest.answers as Answer[]).map(({ suggestions: _suggestions, ...answer }) => answer) })
    expect(JSON.stringify(withoutSuggestions(quickRest))).toBe(JSON.stringify(withoutSuggestions(coldRest)))
    const settled = quick.timings.reused?.settled ? quick : await worker.build(corpus, { dir: false }, { exact: true })
    expect(settled.timings.reused?.readArticles).toBe(0)
    expect(JSON.stringify(visible(settled.engine, questions))).toBe(JSON.stringify(visible(cold.engine, questions)))
    return quick.timings.reused
  }

  it('reads only an added article, and builds what a cold build of the folder builds', async () => {
    await cp(join(fixtureDir('stories-mixed'), 'velmora-port-d.md'), join(corpus, 'velmora-port-d.md'))
    const reused = await expectSameAsCold()
    expect(reused).toMatchObject({ readArticles: 1, reusedArticles: 15 })
    // The port story changed; every other story kept its takeaways.
    expect(reused?.reusedStories).toBe((reused?.stories ?? 0) - 1)
  })

  it('reads only a changed article, again as a cold build', async () => {
    const file = join(corpus, 'estria-summit-b.md')
    await writeFile(file, `${await readFile(file, 'utf8')}\nOfficials said the talks would resume within two weeks.\n`)
    const reused = await expectSameAsCold()
    expect(reused).toMatchObject({ readArticles: 1, reusedArticles: 15 })
  })

  it('drops a removed article, again as a cold build', async () => {
    await rm(join(corpus, 'kessel-election-c.md'))
    const reused = await expectSameAsCold()
    expect(reused).toMatchObject({ readArticles: 0, reusedArticles: 15, removedArticles: 1 })
  })

  it('answers about an added article from the quick reload, answers about the others as before, and forgets a removed one at once', async () => {
    const question = 'How long did the Oskar tunnel take to build?'
    const before = (await worker.build(corpus, { dir: false })).engine
    const file = join(corpus, 'oskar-tunnel-a.md')
    await writeFile(file, '---\nid: oskar-tunnel-a\ntitle: Oskar tunnel opens to traffic\n---\n\nThe Oskar tunnel under the Lind river opened on Monday after 27 months of construction.\n')
    const added = await worker.build(corpus, { dir: false })
    // The quick reload, not the settling one, already knows the new article.
    expect(added.timings.reused).toMatchObject({ readArticles: 1, settled: false })
    // It keeps the last build's example questions, each still answered, rather than tallying every word again.
    expect(added.timings.reused?.reusedExamples).toBe(true)
    expect(added.engine.exampleQuestions()).toEqual(before.exampleQuestions())
    for (const example of added.engine.exampleQuestions()) expect(added.engine.ask(example).status).toBe('answered')
    const answer = added.engine.ask(question)
    expect(answer.status).toBe('answered')
    expect(answer.quotes[0]?.source.id).toBe('oskar-tunnel-a')
    expect(answer.quotes[0]?.text).toContain('27 months')
    // What the asker reads; scores move a little, as one more article changes every word's rarity.
    const shown = (engine: Engine) => QUESTIONS.map((asked) => {
      const { status, quotes, disagreements } = engine.ask(asked)
      return { status, quotes: quotes.map((quote) => [quote.source.id, quote.text]), disagreements }
    })
    expect(shown(added.engine)).toEqual(shown(before))

    await rm(file)
    const removed = await worker.build(corpus, { dir: false })
    expect(removed.timings.reused).toMatchObject({ removedArticles: 1 })
    expect(removed.engine.ask(question).quotes.map((quote) => quote.source.id)).not.toContain('oskar-tunnel-a')
    expect(removed.engine.sources().map((summary) => summary.source.id)).not.toContain('oskar-tunnel-a')
  })

  it('follows a reload that kept stories\' takeaways with one that ranks them again', async () => {
    let engine = (await worker.build(corpus, { dir: false })).engine
    const reloader = createCorpusReloader({ dir: corpus, build: (dir, mode) => worker.build(dir, { dir: false }, mode), swap: (next) => void (engine = next), logger })
    await writeFile(join(corpus, 'velmora-port-e.md'), '---\nid: velmora-port-e\ntitle: Velmora strike ends\n---\n\nThe Velmora dockworkers returned to work on Friday after the Corvin Port Authority raised night-shift pay.\n')
    const settling = records.length
    expect((await reloader.reload('test: added')).kind).toBe('reloaded')
    const reloads = () => records.slice(settling).filter((record) => record.msg === 'corpus reloaded')
    while (reloads().length < 2) await new Promise((resolve) => setTimeout(resolve, 50))
    await reloader.stop()
    expect(reloads().map((record) => record.reason)).toEqual(['test: added', SETTLE_REASON])
    const cold = await buildEngineFromDir(corpus, {}, { dir: false })
    expect(JSON.stringify(visible(engine, QUESTIONS))).toBe(JSON.stringify(visible(cold.engine, QUESTIONS)))
    await rm(join(corpus, 'velmora-port-e.md'))
  })

  it('stores no snapshot of a reload whose kept takeaways are not yet ranked again, and stores the settling one', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'incremental-cache-'))
    // A snapshot being written is a `.tmp` file until it is renamed: only a finished one counts.
    const snapshots = async () => (await readdir(cacheDir)).filter((name) => name.startsWith('index-') && !name.endsWith('.tmp'))
    await writeFile(join(corpus, 'velmora-port-f.md'), '---\nid: velmora-port-f\ntitle: Velmora grain moves again\n---\n\nGrain ships left Velmora on Saturday for the first time since the dockworkers walked out.\n')
    try {
      const quick = await worker.build(corpus, { dir: cacheDir })
      expect(quick.timings.reused?.settled).toBe(false)
      const settled = await worker.build(corpus, { dir: cacheDir }, { exact: true })
      expect(settled.timings).toMatchObject({ from: 'build', reused: { settled: true } })
      // Written after the engine was handed over: the quick build wrote none before it.
      while ((await snapshots()).length === 0) await new Promise((resolve) => setTimeout(resolve, 50))
      expect(await snapshots()).toHaveLength(1)
    } finally {
      await rm(join(corpus, 'velmora-port-f.md'))
      await rm(cacheDir, { recursive: true, force: true })
    }
  })

  it('keeps the old index when a file is broken, naming the file, and reloads once it is fixed', async () => {
    let engine = (await worker.build(corpus, { dir: false })).engine
    const before = engine.stories()
    const reloader = createCorpusReloader({ dir: corpus, build: (dir) => worker.build(dir, { dir: false }), swap: (next) => void (engine = next), logger })
    const broken = join(corpus, 'broken.md')
    await writeFile(broken, '---\nid: broken\ntitle: Broken\nurl: not a link\n---\n\nText.\n')
    const failed = await reloader.reload('test: broken file')
    expect(failed.kind).toBe('failed')
    expect(failed.kind === 'failed' ? failed.message : '').toContain('broken.md')
    expect(engine.stories()).toEqual(before)
    await rm(broken)
    expect((await reloader.reload('test: fixed')).kind).toBe('reloaded')
    await reloader.stop()
  })

  it('replaces a build thread that died, says so in the log, and reloads on the new one', async () => {
    const dead = spawned.at(-1)
    await dead?.terminate()
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(records.some((record) => record.msg === 'the build thread died; starting a new one')).toBe(true)
    expect(spawned.length).toBe(2)
    await cp(join(fixtureDir('stories-mixed'), 'kessel-election-c.md'), join(corpus, 'kessel-election-c.md'))
    const { engine } = await worker.build(corpus, { dir: false })
    expect(engine.stories().flatMap((story) => story.sources)).toContain('kessel-election-c')
    await expectSameAsCold()
  })
})

describe('reuseExamples', () => {
  const memory = { stories: new Map(), nextId: 0, examples: ['What do the sources say about the port?', 'What do the sources say about Velmora?'] }

  it('keeps the last build\'s example questions when the new engine answers every one', () => {
    let reused = 0
    expect(reuseExamples(memory, () => reused++)(() => true)).toEqual(memory.examples)
    expect(reused).toBe(1)
  })

  it('makes them afresh when the new engine would decline one of them, as after the article it was about is removed', () => {
    let reused = 0
    const kept = reuseExamples(memory, () => reused++)((question) => !question.includes('Velmora'))
    expect(kept).toBeUndefined()
    expect(reused).toBe(0)
  })
})
