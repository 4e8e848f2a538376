import { cp, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, getHealth, makeTempDir, startApp, stopAllApps, waitUntilReady } from '../helpers/app-process.js'
import { BUNDLED_DIR } from '../helpers/engine.js'
import { startTestRedis, type TestRedis } from '../helpers/redis-server.js'

const NEW_ARTICLE = `---
id: harbour-seal
title: Harbour seal visits the press centre
outlet: Test Gazette
---

A harbour seal named Biscuit swam up to the floating press centre and stayed for forty minutes.
`

/** Two bot processes over one corpus folder and one snapshot folder (a shared volume), sharing a real redis-server. */
describe('corpus reloads across processes', () => {
  let redis: TestRedis
  beforeAll(async () => {
    redis = await startTestRedis()
  })
  afterAll(async () => {
    await stopAllApps()
    await redis?.stop()
  })

  it('reloads the others from the shared snapshot when one reloads, and a process that missed it catches up when probed', async () => {
    const corpus = await makeTempDir('corpus-')
    await cp(BUNDLED_DIR, corpus, { recursive: true })
    const env = { CORPUS_DIR: corpus, SNAPSHOT_DIR: await makeTempDir('snapshots-'), REDIS_URL: redis.url, REDIS_PREFIX: 'reload-test:', LOG_LEVEL: 'info' }
    const [portA, portB] = [await freePort(), await freePort()]
    const a = await startApp({ ...env, PORT: String(portA) }, { stdin: 'pipe' })
    const b = await startApp({ ...env, PORT: String(portB) }, { stdin: 'pipe' })
    await Promise.all([waitUntilReady(a, portA, 60_000), waitUntilReady(b, portB, 60_000)])

    await writeFile(join(corpus, 'harbour-seal.md'), NEW_ARTICLE)
    a.child.kill('SIGHUP')
    await a.waitForLog('corpus reloaded', (line) => line.articles === 6 && line.from === 'build', 60_000)
    const followed = await b.waitForLog('corpus reloaded', () => true, 30_000)
    expect(followed).toMatchObject({ reason: 'announced by another process', articles: 6, from: 'snapshot' })

    // A generation announced while B was not listening: its next readiness probes find it.
    const other = new Redis(redis.url)
    await other.set('reload-test:corpus:generation', 'missed-generation', 'PX', 60_000)
    other.disconnect()
    const deadline = performance.now() + 20_000
    while (!b.logs().some((line) => line.msg === 'corpus reloaded' && String(line.reason).startsWith('catching up'))) {
      expect(performance.now()).toBeLessThan(deadline)
      await getHealth(portB, '/readyz')
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
    a.child.stdin?.end()
    b.child.stdin?.end()
  }, 120_000)
})
