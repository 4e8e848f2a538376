import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { buildEngineFromDir } from '../../adapters/build-engine.js'
import { buildEngineInWorker } from '../../adapters/build-worker.js'
import { CorpusError } from '../../src/index.js'
import { fixtureDir } from '../helpers/engine.js'

describe('buildEngineInWorker', { timeout: 120_000 }, () => {
  const dirs: string[] = []
  const tempDir = async (prefix: string) => {
    const dir = await mkdtemp(join(tmpdir(), prefix))
    dirs.push(dir)
    return dir
  }
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
  })

  it('builds on another thread an engine that answers exactly as one built here', async () => {
    const corpus = fixtureDir('harbor-bridge')
    const [here, there] = await Promise.all([buildEngineFromDir(corpus, {}, { dir: false }), buildEngineInWorker(corpus, { dir: false })])
    expect(there.articles).toBe(here.articles)
    for (const question of ['When did the bridge reopen?', 'How much did the repairs cost?', 'Who is the mayor?', 'What is the population of Lyon?']) {
      expect(there.engine.ask(question), question).toEqual(here.engine.ask(question))
    }
    expect(there.engine.takeaways()).toEqual(here.engine.takeaways())
    expect(there.engine.disagreements()).toEqual(here.engine.disagreements())
  })

  it('rejects with a CorpusError naming the bad file, as a build here does', async () => {
    const corpus = await tempDir('worker-corpus-')
    await cp(fixtureDir('harbor-bridge'), corpus, { recursive: true })
    await writeFile(join(corpus, 'broken.md'), '---\nid: broken\ntitle: Broken\nurl: not a link\n---\n\nText.\n')
    const error: unknown = await buildEngineInWorker(corpus, { dir: false }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(CorpusError)
    expect((error as CorpusError).file).toContain('broken.md')
    expect((error as CorpusError).message).toMatch(/^.*broken\.md: .*url/)
  })

  it('passes on why the snapshot cache was skipped, and still builds', async () => {
    const blocked = join(await tempDir('worker-cache-'), 'a-file')
    await writeFile(blocked, 'x')
    const skipped: string[] = []
    const { engine } = await buildEngineInWorker(fixtureDir('harbor-bridge'), { dir: join(blocked, 'cache'), onSkip: (message) => skipped.push(message) })
    expect(engine.ask('When did the bridge reopen?').status).toBe('answered')
    expect(skipped.join('\n')).toContain('cannot write the index snapshot')
  })
})
