import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { answerQuestion, type AdapterDeps } from '../../adapters/answering.js'
import { createCorpusReloader, type CorpusReloader } from '../../adapters/reload.js'
import { CorpusError, type Engine } from '../../src/index.js'
import { createCaptureLogger } from '../fakes/capture-logger.js'
import { createFakeEngine, fakeAnswer, fakeQuote } from '../fakes/fake-engine.js'

/** A build the test finishes by hand, so "during a reload" is a precise moment. */
function createManualBuilds() {
  const pending: { resolve(engine: Engine): void; reject(error: unknown): void }[] = []
  return {
    build: () =>
      new Promise<{ engine: Engine; articles: number }>((resolve, reject) => {
        pending.push({ resolve: (engine) => resolve({ engine, articles: 1 }), reject })
      }),
    started: () => pending.length,
    finish: (index: number, engine: Engine) => pending[index]?.resolve(engine),
    fail: (index: number, error: unknown) => pending[index]?.reject(error),
  }
}

const engineSaying = (text: string) => createFakeEngine({ ask: (question) => fakeAnswer(question, [fakeQuote(text)]) })

describe('createCorpusReloader', () => {
  let reloader: CorpusReloader | undefined
  afterEach(async () => {
    await reloader?.stop()
    reloader = undefined
  })

  function setup() {
    const { logger, records } = createCaptureLogger()
    const builds = createManualBuilds()
    let engine = engineSaying('old index')
    const deps: AdapterDeps = { getEngine: () => engine, logger }
    reloader = createCorpusReloader({ dir: '/corpus', build: builds.build, swap: (next) => void (engine = next), logger, debounceMs: 20 })
    const ask = () => {
      const outcome = answerQuestion(deps, { adapter: 'terminal', question: 'what happened?', ref: 't1' })
      return outcome.kind === 'answer' ? outcome.answer.quotes[0]?.text : outcome.message
    }
    return { builds, records, ask, reloader }
  }

  it('answers questions on the old index while the new one builds, then swaps it in', async () => {
    const { builds, ask, reloader } = setup()
    const done = reloader.reload('test')

    expect(builds.started()).toBe(1)
    expect(ask()).toBe('old index')
    builds.finish(0, engineSaying('new index'))

    expect(await done).toMatchObject({ kind: 'reloaded', articles: 1 })
    expect(ask()).toBe('new index')
  })

  it('keeps the previous index in service when the new corpus does not parse, and logs the file', async () => {
    const { builds, ask, records, reloader } = setup()
    const done = reloader.reload('test')
    builds.fail(0, new CorpusError('/corpus/bad.md', 'field "url" Invalid URL'))

    expect(await done).toEqual({ kind: 'failed', message: '/corpus/bad.md: field "url" Invalid URL' })
    expect(ask()).toBe('old index')
    expect(records.find((record) => record.msg.startsWith('corpus reload failed'))).toMatchObject({ file: '/corpus/bad.md' })
  })

  it('runs one more build for every change made during a build, not one per change', async () => {
    const { builds, ask, reloader } = setup()
    const first = reloader.reload('first')
    const second = reloader.reload('second')
    const third = reloader.reload('third')
    expect(builds.started()).toBe(1)

    builds.finish(0, engineSaying('first build'))
    await first
    await new Promise((resolve) => setImmediate(resolve))
    expect(builds.started()).toBe(2)
    builds.finish(1, engineSaying('second build'))

    expect(await second).toMatchObject({ kind: 'reloaded' })
    expect(await third).toMatchObject({ kind: 'reloaded' })
    expect(builds.started()).toBe(2)
    expect(ask()).toBe('second build')
  })

  it('rebuilds once after a burst of file changes in the watched folder, ignoring other files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'watch-'))
    try {
      const { logger } = createCaptureLogger()
      let builds = 0
      reloader = createCorpusReloader({
        dir,
        build: async () => {
          builds += 1
          return { engine: createFakeEngine(), articles: 1 }
        },
        swap: () => {},
        logger,
        debounceMs: 100,
      })
      reloader.watch()
      await writeFile(join(dir, 'notes.json'), '{}')
      await new Promise((resolve) => setTimeout(resolve, 250))
      expect(builds).toBe(0)

      await writeFile(join(dir, 'a.md'), 'one')
      await writeFile(join(dir, 'a.md'), 'two')
      await writeFile(join(dir, 'b.txt'), 'three')
      await new Promise((resolve) => setTimeout(resolve, 400))
      expect(builds).toBe(1)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
