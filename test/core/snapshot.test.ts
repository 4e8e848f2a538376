import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildEngineFromDir, packEngineInSlices } from '../../adapters/build-engine.js'
import { readSnapshotFile, SnapshotFormatError, writeSnapshotFile } from '../../adapters/snapshot-file.js'
import { loadCorpusDir } from '../../adapters/load-corpus.js'
import { createEngine, createEngineFromSnapshot, engineToSnapshot, isEngineSnapshot, packEngine, SNAPSHOT_VERSION, type ArticleInput, type Engine } from '../../src/index.js'
import { decodeValue, encodeValue, NotSerializableError } from '../../src/snapshot.js'
import { BUNDLED_DIR, fixtureDir, sharedSynsets } from '../helpers/engine.js'
import { BUNDLED_QUESTIONS } from './bundled-questions.js'

describe('engine snapshots', () => {
  let articles: ArticleInput[]
  let built: Engine
  let loaded: Engine
  let json: string

  beforeAll(async () => {
    articles = await loadCorpusDir(BUNDLED_DIR)
    built = createEngine(articles, { synsets: await sharedSynsets() })
    json = JSON.stringify(encodeValue(engineToSnapshot(built)))
    const parsed = decodeValue(JSON.parse(json))
    if (!isEngineSnapshot(parsed)) throw new Error('the snapshot lost its format marker in JSON')
    loaded = createEngineFromSnapshot(parsed)
  })

  it('answers every bundled question the same after a JSON round trip', () => {
    for (const { question } of BUNDLED_QUESTIONS) expect(loaded.ask(question), question).toEqual(built.ask(question))
    const source = articles[0]?.id ?? ''
    expect(loaded.ask('How long did the talks last?', { sourceId: source, offset: 1, limit: 2 })).toEqual(built.ask('How long did the talks last?', { sourceId: source, offset: 1, limit: 2 }))
  })

  it('searches, lists takeaways, disagreements, sources and examples the same', () => {
    for (const { question } of BUNDLED_QUESTIONS) expect(loaded.search(question, { limit: 20 })).toEqual(built.search(question, { limit: 20 }))
    expect(loaded.takeaways()).toEqual(built.takeaways())
    expect(loaded.takeaways({ topic: 'sanctions', limit: 3 })).toEqual(built.takeaways({ topic: 'sanctions', limit: 3 }))
    for (const article of articles) expect(loaded.takeaways({ sourceId: article.id })).toEqual(built.takeaways({ sourceId: article.id }))
    expect(loaded.disagreements()).toEqual(built.disagreements())
    expect(loaded.sources()).toEqual(built.sources())
    expect(loaded.exampleQuestions()).toEqual(built.exampleQuestions())
  })

  it('takes a snapshot of a loaded engine that equals the first one', () => {
    expect(JSON.stringify(encodeValue(engineToSnapshot(loaded)))).toBe(json)
  })

  it('refuses an object that is not an engine snapshot', () => {
    expect(isEngineSnapshot({ format: 'something else', version: 1, index: {} })).toBe(false)
    expect(isEngineSnapshot(null)).toBe(false)
  })
})

describe('encodeValue', () => {
  it('restores maps, sets, typed arrays, undefined and shared references', () => {
    const shared = { id: 'a' }
    const value = { list: [shared, shared], byKey: new Map([['x', new Set([1, 2])]]), counts: new Uint32Array([3, 4]), missing: [undefined], $odd: Infinity }
    const restored = decodeValue(JSON.parse(JSON.stringify(encodeValue(value)))) as typeof value
    expect(restored).toEqual(value)
    expect(restored.list[0]).toBe(restored.list[1])
  })

  it('rejects functions so the caller can rebuild instead', () => {
    expect(() => encodeValue({ match: () => true })).toThrow(NotSerializableError)
  })
})

describe('buildEngineFromDir with a snapshot cache', () => {
  it('builds once, then starts from the snapshot with the same answers', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'snapshot-cache-'))
    try {
      const synsets = await sharedSynsets()
      const first = await buildEngineFromDir(BUNDLED_DIR, { synsets }, { dir })
      const second = await buildEngineFromDir(BUNDLED_DIR, { synsets }, { dir })
      expect([first.timings.from, second.timings.from]).toEqual(['build', 'snapshot'])
      expect(second.engine.ask('How long did the talks last?')).toEqual(first.engine.ask('How long did the talks last?'))
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('starts without the cache, and says why, when the cache folder cannot be written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'snapshot-cache-'))
    try {
      // A file where the cache folder should be: neither mkdir nor write can succeed.
      const blocked = join(dir, 'not-a-folder')
      await writeFile(blocked, 'x')
      const skipped: string[] = []
      const { engine, timings } = await buildEngineFromDir(BUNDLED_DIR, { synsets: await sharedSynsets() }, { dir: join(blocked, 'cache'), onSkip: (message) => skipped.push(message) })
      expect(timings.from).toBe('build')
      expect(engine.ask('Was a ceasefire agreed?').status).toBe('answered')
      expect(skipped.join('\n')).toContain('cannot write the index snapshot')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('rebuilds when the snapshot is damaged', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'snapshot-cache-'))
    try {
      const synsets = await sharedSynsets()
      await buildEngineFromDir(BUNDLED_DIR, { synsets }, { dir })
      for (const name of await readdir(dir)) await writeSnapshotFile(join(dir, name), { format: 'summit-quotes-bot/engine-snapshot', version: SNAPSHOT_VERSION, index: {} })
      const skipped: string[] = []
      const { timings } = await buildEngineFromDir(BUNDLED_DIR, { synsets }, { dir, onSkip: (message) => skipped.push(message) })
      expect(timings.from).toBe('build')
      expect(skipped.join('\n')).toContain('damaged')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('buildEngineFromDir without a snapshot cache', () => {
  it('serves an engine that answers, lists takeaways, disagreements and stories as the engine it built', async () => {
    const synsets = await sharedSynsets()
    for (const dir of [BUNDLED_DIR, fixtureDir('stories-mixed')]) {
      const built = createEngine(await loadCorpusDir(dir), { synsets })
      const { engine, timings } = await buildEngineFromDir(dir, { synsets }, { dir: false })
      // The served engine is the build packed, as a start from its snapshot would make it.
      expect(timings.packMs).toBeGreaterThan(0)
      for (const { question } of BUNDLED_QUESTIONS) expect(engine.ask(question), question).toEqual(built.ask(question))
      expect(engine.stories()).toEqual(built.stories())
      for (const story of built.stories()) expect(engine.takeaways({ storyId: story.id })).toEqual(built.takeaways({ storyId: story.id }))
      expect(engine.takeaways()).toEqual(built.takeaways())
      expect(engine.disagreements()).toEqual(built.disagreements())
      expect(engine.exampleQuestions()).toEqual(built.exampleQuestions())
    }
  })
})

describe('packing a built engine while it serves', () => {
  it('answers questions asked while it packs, and the packed engine answers them the same', async () => {
    const synsets = await sharedSynsets()
    const built = createEngine(await loadCorpusDir(fixtureDir('stories-mixed')), { synsets })
    const questions = [...built.exampleQuestions(), 'How long did the talks last?', 'Who attended the meeting?']
    // One step (a story's takeaways, the claims) per turn of the event loop, with a question asked on each turn.
    let packed: Engine | undefined
    const packing = packEngineInSlices(built, 0).then((engine) => (packed = engine))
    const askedWhilePacking: Array<{ question: string; answer: ReturnType<Engine['ask']> }> = []
    while (!packed) {
      const question = questions[askedWhilePacking.length % questions.length] ?? ''
      askedWhilePacking.push({ question, answer: built.ask(question) })
      await new Promise<void>((resolve) => setImmediate(resolve))
    }
    await packing
    expect(built.stories().length).toBeGreaterThan(1)
    expect(askedWhilePacking.length).toBeGreaterThan(built.stories().length)
    for (const { question, answer } of askedWhilePacking) expect(packed.ask(question), question).toEqual(answer)
    expect(packed.takeaways()).toEqual(built.takeaways())
    expect(packed.disagreements()).toEqual(built.disagreements())
    // Questions asked meanwhile change nothing that is packed: the snapshot is packEngine's.
    expect(JSON.stringify(encodeValue(engineToSnapshot(packed)))).toBe(JSON.stringify(encodeValue(engineToSnapshot(packEngine(built)))))
  })

  it('serves a cold build at once with packLater, then packs it and writes the packed engine\'s snapshot', async () => {
    const synsets = await sharedSynsets()
    const dir = await mkdtemp(join(tmpdir(), 'snapshot-pack-later-'))
    try {
      const built = await buildEngineFromDir(BUNDLED_DIR, { synsets }, { dir, writeLater: true, packLater: true })
      expect(built.timings.packMs).toBeUndefined()
      const asked = BUNDLED_QUESTIONS.map(({ question }) => ({ question, answer: built.engine.ask(question) }))
      const packed = await built.packed?.()
      expect(packed).toBeDefined()
      expect(await built.packed?.()).toBe(packed)
      expect(built.timings.packMs).toBeGreaterThan(0)
      for (const { question, answer } of asked) expect(packed?.ask(question), question).toEqual(answer)
      await built.writeSnapshot?.()
      const again = await buildEngineFromDir(BUNDLED_DIR, { synsets }, { dir })
      expect(again.timings.from).toBe('snapshot')
      for (const { question, answer } of asked) expect(again.engine.ask(question), question).toEqual(answer)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('snapshot files', () => {
  it('keep typed arrays byte for byte next to plain data, and a start from one answers as the engine did', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'snapshot-file-'))
    try {
      const file = join(dir, 'index.snap')
      const value = { odd: new Uint8Array([1, 2, 3]), wide: new Float64Array([0.5, -1e300]), list: [{ ids: new Uint32Array([7, 2 ** 32 - 1]) }, 'text ✓'], long: 'x'.repeat(20) }
      await writeSnapshotFile(file, value)
      expect(await readSnapshotFile(file)).toEqual(value)

      const built = createEngine(await loadCorpusDir(BUNDLED_DIR), { synsets: await sharedSynsets() })
      await writeSnapshotFile(file, engineToSnapshot(built))
      const snapshot = await readSnapshotFile(file)
      if (!isEngineSnapshot(snapshot)) throw new Error('not a snapshot')
      const loaded = createEngineFromSnapshot(snapshot)
      for (const { question } of BUNDLED_QUESTIONS) expect(loaded.ask(question), question).toEqual(built.ask(question))
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('refuses a file of another format or one cut short, so the caller rebuilds', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'snapshot-file-'))
    try {
      const file = join(dir, 'index.snap')
      await writeFile(file, '{"skeleton": {}}\n')
      await expect(readSnapshotFile(file)).rejects.toThrow(SnapshotFormatError)
      await writeSnapshotFile(file, { counts: new Uint32Array(1000), name: 'cut' })
      const whole = await readFile(file)
      await writeFile(file, whole.subarray(0, 2000))
      await expect(readSnapshotFile(file)).rejects.toThrow(SnapshotFormatError)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
