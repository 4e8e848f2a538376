import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildEngineFromDir } from '../../adapters/build-engine.js'
import { loadCorpusDir } from '../../adapters/load-corpus.js'
import { createEngine, createEngineFromSnapshot, engineToSnapshot, isEngineSnapshot, SNAPSHOT_VERSION, type ArticleInput, type Engine } from '../../src/index.js'
import { decodeValue, encodeValue, NotSerializableError } from '../../src/snapshot.js'
import { BUNDLED_DIR, sharedSynsets } from '../helpers/engine.js'
import { BUNDLED_QUESTIONS } from './bundled-questions.js'

describe('engine snapshots', () => {
  let articles: ArticleInput[]
  let built: Engine
  let loaded: Engine
  let json: string

  beforeAll(async () => {
    articles = await loadCorpusDir(BUNDLED_DIR)
    built = createEngine(articles, { synsets: await sharedSynsets() })
    json = JSON.stringify(engineToSnapshot(built))
    const parsed: unknown = JSON.parse(json)
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
    expect(JSON.stringify(engineToSnapshot(loaded))).toBe(json)
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
      for (const name of await readdir(dir)) await writeFile(join(dir, name), `{"skeleton": {"format": "summit-quotes-bot/engine-snapshot", "version": ${SNAPSHOT_VERSION}, "index": {}}}\n`)
      const skipped: string[] = []
      const { timings } = await buildEngineFromDir(BUNDLED_DIR, { synsets }, { dir, onSkip: (message) => skipped.push(message) })
      expect(timings.from).toBe('build')
      expect(skipped.join('\n')).toContain('damaged')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
