import { cp, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { freePort, getHealth, makeTempDir, startApp, stopAllApps, waitUntilReady, type AppProcess } from '../helpers/app-process.js'
import { BUNDLED_DIR } from '../helpers/engine.js'
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord.js'
import { startFakeTelegramApi, type FakeTelegramApi } from '../fakes/telegram-api.js'
import { FAKE_TOKEN, fakeUser, textUpdate } from '../fakes/telegram-updates.js'

/**
 * The composition root as a separate process, the way `npm start` and the container run it:
 * the real grammY bot polling the fake Bot API, the real discord.js client on the fake gateway,
 * and the health server, all over the bundled corpus.
 */

const DISCORD_TOKEN = 'MTExMTExMTExMTExMTExMTEx.GfakeX.fake-signature-for-tests_only'

/** A metric sample's value in Prometheus text, or undefined when absent. */
function sample(metrics: string, series: string): number | undefined {
  const line = metrics.split('\n').find((candidate) => candidate.startsWith(`${series} `))
  return line === undefined ? undefined : Number(line.slice(series.length + 1))
}

describe('adapters/main.ts with Telegram and Discord tokens set', () => {
  let telegram: FakeTelegramApi
  let discord: FakeDiscord
  let app: AppProcess
  let port: number

  beforeAll(async () => {
    telegram = await startFakeTelegramApi()
    discord = await startFakeDiscord()
    port = await freePort()
    // stdin is closed ('ignore'): a bot in a container has no terminal and must keep serving.
    app = await startApp({
      PORT: String(port),
      TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      DISCORD_TOKEN,
      DISCORD_APP_ID: discord.appId,
      DISCORD_REST_API: discord.restApi,
      // Unset (empty): the default warm-up, as in production.
      WARM_UP_QUESTIONS: '',
    })
    await waitUntilReady(app, port)
  })

  afterAll(async () => {
    await stopAllApps()
    await telegram?.stop()
    await discord?.close()
  })

  it('reports ready only with the index and both adapters up', async () => {
    const { status, body } = await getHealth(port, '/readyz')
    expect(status).toBe(200)
    expect(JSON.parse(body)).toEqual({ ready: true, checks: { index: true, telegram: true, discord: true, accepting: true } })
    expect((await getHealth(port, '/healthz')).status).toBe(200)
  })

  it('answers a Telegram message with a quote', async () => {
    telegram.pushUpdate(textUpdate('How long did the negotiations last?', { from: fakeUser(11) }))
    await telegram.waitFor(() => telegram.sentTexts().length >= 1, 10_000)
    expect(telegram.sentTexts()[0]).toContain('seven hours')
  })

  it('answers a Discord /ask with a quote', async () => {
    const interaction = discord.chatInput('ask', { question: 'How long did the negotiations last?' }, discord.user(21))
    discord.dispatchInteraction(interaction)
    const [callback, edit] = await discord.waitForResponses(interaction.id, 2, 10_000)
    expect(callback?.callbackType).toBe(5)
    expect(JSON.stringify(edit?.body)).toContain('seven hours')
  })

  it('counts the questions in /metrics by adapter and status, with the corpus size', async () => {
    const { status, body } = await getHealth(port, '/metrics')
    expect(status).toBe(200)
    expect(sample(body, 'quotes_bot_questions_total{adapter="telegram",status="answered"}')).toBe(1)
    expect(sample(body, 'quotes_bot_questions_total{adapter="discord",status="answered"}')).toBe(1)
    expect(sample(body, 'quotes_bot_answer_duration_seconds_count{adapter="telegram"}')).toBe(1)
    expect(sample(body, 'quotes_bot_corpus_articles')).toBe(5)
  })

  it('warms up on questions of its own after it is ready, and counts none of them as people\'s', async () => {
    const done = await app.waitForLog('warm-up questions done', undefined, 60_000)
    expect(done).toMatchObject({ asks: 2000, stopped: false })
    const messages = app.logs().map((line) => line.msg)
    expect(messages.indexOf('ready')).toBeLessThan(messages.indexOf('warm-up questions done'))
    const { body } = await getHealth(port, '/metrics')
    expect(sample(body, 'quotes_bot_questions_total{adapter="telegram",status="answered"}')).toBe(1)
    expect(sample(body, 'quotes_bot_questions_total{adapter="discord",status="answered"}')).toBe(1)
    expect(app.logs().filter((line) => line.msg === 'question answered')).toHaveLength(2)
  })

  it('logs each question as a JSON line with adapter, status, quotes and latency, and never a token', () => {
    const answered = app.logs().filter((line) => line.msg === 'question answered')
    expect(answered.map((line) => line.adapter).sort()).toEqual(['discord', 'telegram'])
    for (const line of answered) {
      expect(line).toMatchObject({ status: 'answered' })
      expect(line.quotes).toBeGreaterThan(0)
      expect(typeof line.latencyMs).toBe('number')
    }
    const output = app.stdout() + app.stderr()
    expect(output).not.toContain(FAKE_TOKEN)
    expect(output).not.toContain(DISCORD_TOKEN)
  })

  it('stops on SIGTERM with exit code 0 after sending the replies in flight', async () => {
    // Telegram answers slowly, so the reply is still in flight when the signal arrives.
    telegram.delay('sendMessage', 1_500)
    const sentBefore = telegram.callsTo('sendMessage').length
    const update = telegram.pushUpdate(textUpdate('Was there a ceasefire agreement?', { from: fakeUser(12) }))
    await telegram.waitFor(() => telegram.callsTo('sendMessage').length > sentBefore, 10_000)
    const interaction = discord.chatInput('ask', { question: 'Was there a ceasefire agreement?' }, discord.user(22))
    discord.dispatchInteraction(interaction)
    await discord.waitForResponses(interaction.id, 1, 10_000)

    app.child.kill('SIGTERM')
    const { code, afterMs } = await app.exited
    const stoppedAfterMs = afterMs

    expect(code).toBe(0)
    const reply = telegram.callsTo('sendMessage').at(-1)
    expect(reply?.respondedAt).toBeDefined()
    expect(reply?.failed).toBeFalsy()
    // Telegram was told the update was handled, so a restart does not answer it twice.
    expect(telegram.confirmedOffset()).toBeGreaterThan(update.update_id)
    expect(discord.requestsFor(interaction.id)).toHaveLength(2)
    expect(app.logs().map((line) => line.msg)).toContain('stopped')
    expect(stoppedAfterMs).toBeGreaterThan(0)
  })
})

describe('adapters/main.ts when an adapter cannot start', () => {
  afterEach(() => stopAllApps())

  it('says which token was rejected, stops the other adapter and exits 1', async () => {
    // The fake accepts only its own token; this one has the right form but is not the bot's.
    const rejected = '4242:BBEhBOweik6ad6PsVMRxjeQKKmHg_5xXeQ0'
    const telegram = await startFakeTelegramApi()
    const discord = await startFakeDiscord()
    try {
      const app = await startApp({ PORT: '0', TELEGRAM_BOT_TOKEN: rejected, TELEGRAM_API_ROOT: telegram.apiRoot, DISCORD_TOKEN, DISCORD_APP_ID: discord.appId, DISCORD_REST_API: discord.restApi })
      const { code, afterMs } = await app.exited

      expect(code).toBe(1)
      expect(afterMs).toBeLessThan(10_000)
      expect(app.stderr()).toMatch(/^Cannot start:\n✖ Telegram rejected TELEGRAM_BOT_TOKEN/)
      expect(app.stderr()).not.toMatch(/^\s+at /m)
      expect(app.logs().find((line) => line.msg === 'cannot start')).toBeDefined()
      expect(app.stdout() + app.stderr()).not.toContain(rejected)
    } finally {
      await telegram.stop()
      await discord.close()
    }
  })
})

describe('adapters/main.ts without tokens', () => {
  afterEach(() => stopAllApps())

  it('runs the terminal chat and the health server, and exits 0 at the end of input', async () => {
    const port = await freePort()
    const app = await startApp({ PORT: String(port) }, { stdin: 'pipe' })
    await waitUntilReady(app, port)
    expect(JSON.parse((await getHealth(port, '/readyz')).body)).toEqual({ ready: true, checks: { index: true, terminal: true, accepting: true } })

    app.child.stdin?.end('How long did the negotiations last?\n')
    const { code } = await app.exited

    expect(code).toBe(0)
    expect(app.stdout()).toContain('seven hours')
    // Logs stay off stdout (the chat) and below warn by default.
    expect(app.stdout()).not.toContain('{"level"')
    expect(app.stderr()).toBe('')
  })

  /** A first start builds the index cold, which takes a minute at the load average of a shared machine, not 15 s. */
  const FIRST_START_MS = 120_000

  it('answers a first start before packing its engine and writing its snapshot, and leaves the snapshot for the next start', async () => {
    const snapshots = await makeTempDir('snapshots-')
    const app = await startApp({ PORT: '0', LOG_LEVEL: 'info', SNAPSHOT_DIR: snapshots }, { stdin: 'pipe' })
    await app.waitForLog('ready', undefined, FIRST_START_MS)
    // Asked of the built engine (or during its packing), then of the packed engine swapped in.
    app.child.stdin?.write('How long did the negotiations last?\n')
    await app.waitForLog('served engine packed', undefined, FIRST_START_MS)
    app.child.stdin?.end('How long did the negotiations last?\n')
    expect((await app.exited).code).toBe(0)
    // Both replies quote the same: as many "seven hours" in each.
    const hits = app.stdout().split('seven hours').length - 1
    expect(hits).toBeGreaterThanOrEqual(2)
    expect(hits % 2).toBe(0)
    const messages = app.logs().map((line) => line.msg)
    expect(messages.indexOf('ready')).toBeLessThan(messages.indexOf('served engine packed'))
    expect(messages.indexOf('served engine packed')).toBeLessThan(messages.indexOf('index snapshot write finished'))
    expect(app.logs().find((line) => line.msg === 'served engine packed')?.swapped).toBe(true)
    expect((await readdir(snapshots)).filter((name) => name.endsWith('.snap'))).toHaveLength(1)

    const again = await startApp({ PORT: '0', LOG_LEVEL: 'info', SNAPSHOT_DIR: snapshots }, { stdin: 'pipe' })
    await again.waitForLog('index loaded from snapshot', undefined, FIRST_START_MS)
    again.child.stdin?.end()
    expect((await again.exited).code).toBe(0)
  }, 4 * FIRST_START_MS)

  it('still answers when its snapshot cannot be written, and says why', async () => {
    // A file where the snapshot folder should be: the write fails.
    const blocked = join(await makeTempDir('snapshots-'), 'not-a-folder')
    await writeFile(blocked, '')
    const app = await startApp({ PORT: '0', LOG_LEVEL: 'info', SNAPSHOT_DIR: blocked }, { stdin: 'pipe' })
    await app.waitForLog('ready', undefined, FIRST_START_MS)
    app.child.stdin?.end('How long did the negotiations last?\n')
    expect((await app.exited).code).toBe(0)
    expect(app.stdout()).toContain('seven hours')
    expect(app.logs().some((line) => line.level === 40 && /cannot write the index snapshot/.test(String(line.msg)))).toBe(true)
  }, 3 * FIRST_START_MS)

  it('starts no health server with PORT=0', async () => {
    const app = await startApp({ PORT: '0', LOG_LEVEL: 'info' }, { stdin: 'pipe' })
    await app.waitForLog('ready')
    app.child.stdin?.end()
    expect((await app.exited).code).toBe(0)
    expect(app.logs().map((line) => line.msg)).not.toContain('health server listening: /healthz, /readyz, /metrics')
  })
})

describe('corpus reload', () => {
  afterEach(() => stopAllApps())

  const NEW_ARTICLE = `---
id: harbour-seal
title: Harbour seal visits the press centre
outlet: Test Gazette
---

A harbour seal named Biscuit swam up to the floating press centre and stayed for forty minutes.
`
  const BAD_ARTICLE = `---
id: broken
title: A broken article
url: not a link
---

Text.
`

  /** A copy of the bundled corpus to change, and a snapshot folder of its own so the project's cache stays clean. */
  async function copyCorpus(): Promise<{ CORPUS_DIR: string; SNAPSHOT_DIR: string }> {
    const dir = await makeTempDir('corpus-')
    await cp(BUNDLED_DIR, dir, { recursive: true })
    return { CORPUS_DIR: dir, SNAPSHOT_DIR: await makeTempDir('snapshots-') }
  }

  /** Types `question` into the terminal chat and resolves with its answer block. */
  async function ask(app: AppProcess, question: string): Promise<string> {
    const before = app.stdout().length
    app.child.stdin?.write(`${question}\n`)
    await app.waitFor(() => app.stdout().slice(before).includes('\n\n'), `an answer to "${question}"`)
    return app.stdout().slice(before).split('\n\n')[0] ?? ''
  }

  it('answers a question asked during a reload, swaps the new index in, and keeps it when a file is bad', async () => {
    const dirs = await copyCorpus()
    const corpus = dirs.CORPUS_DIR
    const port = await freePort()
    const app = await startApp({ PORT: String(port), ...dirs, CORPUS_WATCH: '1', LOG_LEVEL: 'info' }, { stdin: 'pipe' })
    await waitUntilReady(app, port)
    expect(await ask(app, 'What was the harbour seal named?')).toContain("isn't in my sources")

    await writeFile(join(corpus, 'harbour-seal.md'), NEW_ARTICLE)
    await app.waitForLog('corpus reload started')
    const during = await ask(app, 'How long did the negotiations last?')
    expect(during).toContain('seven hours')
    await app.waitForLog('corpus reloaded')
    expect(await ask(app, 'What was the harbour seal named?')).toContain('Biscuit')

    await writeFile(join(corpus, 'broken.md'), BAD_ARTICLE)
    const failure = await app.waitForLog('corpus reload failed')
    expect(String(failure.problem)).toContain('broken.md')
    expect(await ask(app, 'What was the harbour seal named?')).toContain('Biscuit')

    const metrics = (await getHealth(port, '/metrics')).body
    expect(sample(metrics, 'quotes_bot_corpus_reloads_total{result="reloaded"}')).toBeGreaterThanOrEqual(1)
    expect(sample(metrics, 'quotes_bot_corpus_reloads_total{result="failed"}')).toBeGreaterThanOrEqual(1)
    expect(sample(metrics, 'quotes_bot_corpus_articles')).toBe(6)
    app.child.stdin?.end()
    expect((await app.exited).code).toBe(0)
  })

  it('reloads on SIGHUP without watching', async () => {
    const dirs = await copyCorpus()
    const corpus = dirs.CORPUS_DIR
    const app = await startApp({ PORT: '0', ...dirs, LOG_LEVEL: 'info' }, { stdin: 'pipe' })
    await app.waitForLog('ready')
    await writeFile(join(corpus, 'harbour-seal.md'), NEW_ARTICLE)
    // Without CORPUS_WATCH nothing happens until the signal.
    expect(await ask(app, 'What was the harbour seal named?')).toContain("isn't in my sources")

    app.child.kill('SIGHUP')
    await app.waitForLog('corpus reloaded')
    expect(await ask(app, 'What was the harbour seal named?')).toContain('Biscuit')

    await rm(join(corpus, 'harbour-seal.md'))
    app.child.kill('SIGHUP')
    await app.waitForLog('corpus reloaded', (line) => line.articles === 5)
    expect(await ask(app, 'What was the harbour seal named?')).toContain("isn't in my sources")
    app.child.stdin?.end()
    expect((await app.exited).code).toBe(0)
  })
})
