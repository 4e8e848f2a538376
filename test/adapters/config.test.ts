import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { appEnvSchema, DEFAULT_PORT, parseConfig } from '../../adapters/config.js'
import { makeTempDir, ROOT, startApp, stopAllApps } from '../helpers/app-process.js'
import { FAKE_TOKEN } from '../fakes/telegram-updates.js'

/**
 * Configuration errors as the operator meets them: `npm start` with a bad environment prints
 * every problem, each naming its variable and what it expects, and exits 1 within a few seconds,
 * never with a stack trace and never echoing a token.
 */

const DISCORD_TOKEN = 'MTExMTExMTExMTExMTExMTEx.GfakeX.fake-signature-for-tests_only'
// A token that fails the format check: its value must not appear in any message.
const MALFORMED_TELEGRAM_TOKEN = 'secret-value-1234567890'

/** Starts the app with `env`; resolves with what it printed and how it exited. */
async function startWith(env: Record<string, string>, cwd?: string) {
  const app = await startApp({ PORT: '0', ...env }, cwd === undefined ? {} : { cwd })
  const { code, afterMs } = await app.exited
  return { code, afterMs, stdout: app.stdout(), stderr: app.stderr() }
}

/** The shape every startup failure shares. */
function expectOperatorError(result: Awaited<ReturnType<typeof startWith>>): void {
  expect(result.code).toBe(1)
  expect(result.afterMs).toBeLessThan(5_000)
  // A stack trace has lines like "    at main (file.ts:1:2)".
  expect(result.stderr).not.toMatch(/^\s+at /m)
  expect(result.stderr + result.stdout).not.toContain(MALFORMED_TELEGRAM_TOKEN)
  expect(result.stderr + result.stdout).not.toContain(FAKE_TOKEN)
}

describe('npm start with a bad configuration', () => {
  afterAll(() => stopAllApps())

  const cases: { name: string; env: Record<string, string>; message: RegExp }[] = [
    { name: 'a PORT that is not a number', env: { PORT: 'eighty' }, message: /PORT must be a whole number from 0 to 65535[^\n]*\n\s+→ at PORT/ },
    { name: 'a PORT out of range', env: { PORT: '70000' }, message: /PORT must be a whole number from 0 to 65535/ },
    { name: 'an unknown LOG_LEVEL', env: { LOG_LEVEL: 'loud' }, message: /LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/ },
    { name: 'a CORPUS_WATCH that is not a switch', env: { CORPUS_WATCH: 'sometimes' }, message: /CORPUS_WATCH must be 1 to watch the corpus folder, or 0/ },
    { name: 'a CORPUS_DIR that does not exist', env: { CORPUS_DIR: '/no/such/folder' }, message: /CORPUS_DIR must be a folder of \.md or \.txt articles, but \/no\/such\/folder does not exist/ },
    { name: 'a malformed TELEGRAM_BOT_TOKEN', env: { TELEGRAM_BOT_TOKEN: MALFORMED_TELEGRAM_TOKEN }, message: /TELEGRAM_BOT_TOKEN must be a Bot API token/ },
    { name: 'a TELEGRAM_WEBHOOK_URL that is not https', env: { TELEGRAM_BOT_TOKEN: FAKE_TOKEN, TELEGRAM_WEBHOOK_URL: 'http://bot.example/hook' }, message: /TELEGRAM_WEBHOOK_URL must be an https:\/\/ URL/ },
    { name: 'a malformed DISCORD_TOKEN', env: { DISCORD_TOKEN: 'not-a-token', DISCORD_APP_ID: '111111111111111111' }, message: /DISCORD_TOKEN must be a bot token/ },
    { name: 'a DISCORD_TOKEN without DISCORD_APP_ID', env: { DISCORD_TOKEN }, message: /DISCORD_APP_ID is required when DISCORD_TOKEN is set[^\n]*\n\s+→ at DISCORD_APP_ID/ },
    { name: 'a DISCORD_MESSAGE_CONTENT that is not a switch', env: { DISCORD_MESSAGE_CONTENT: 'please' }, message: /DISCORD_MESSAGE_CONTENT must be 1 to ask for the Message Content intent/ },
    { name: 'DISCORD_SHARD_IDS without DISCORD_SHARD_COUNT', env: { DISCORD_TOKEN, DISCORD_APP_ID: '111111111111111111', DISCORD_SHARD_IDS: '0,1' }, message: /DISCORD_SHARD_COUNT is required with DISCORD_SHARD_IDS/ },
  ]

  // One at a time: each case times its own exit, which ten processes sharing two cores would distort.
  it.each(cases)('names the variable and exits 1 for $name', async ({ env, message }) => {
    const result = await startWith(env)
    expectOperatorError(result)
    expect(result.stderr).toMatch(/^Configuration error: /)
    expect(result.stderr).toMatch(message)
  })

  it('lists every bad variable together, not only the first', async () => {
    const result = await startWith({ PORT: 'eighty', LOG_LEVEL: 'loud', TELEGRAM_BOT_TOKEN: MALFORMED_TELEGRAM_TOKEN, DISCORD_TOKEN })
    expectOperatorError(result)
    for (const variable of ['PORT', 'LOG_LEVEL', 'TELEGRAM_BOT_TOKEN', 'DISCORD_APP_ID']) expect(result.stderr).toContain(`→ at ${variable}`)
  })

  it('reads .env from the working directory, with the environment winning', async () => {
    const cwd = await makeTempDir('dotenv-')
    await writeFile(join(cwd, '.env'), 'LOG_LEVEL=loud\nPORT=eighty\n')
    const result = await startWith({ PORT: '0' }, cwd)
    expectOperatorError(result)
    expect(result.stderr).toContain('→ at LOG_LEVEL')
    // PORT=0 from the environment overrides the bad PORT in .env.
    expect(result.stderr).not.toContain('→ at PORT')
  })

  it('names the file and field of an article that does not parse, and exits 1', async () => {
    const corpus = await makeTempDir('bad-corpus-')
    await writeFile(join(corpus, 'broken.md'), '---\nid: broken\ntitle: Broken\nurl: not a link\n---\n\nText.\n')
    const result = await startWith({ CORPUS_DIR: corpus, SNAPSHOT_DIR: 'off' })
    expectOperatorError(result)
    expect(result.stderr).toMatch(/^Cannot start:\n✖ .*broken\.md: field "url"/)
  })

  it('says the corpus folder is empty, and exits 1', async () => {
    const corpus = await makeTempDir('empty-corpus-')
    await mkdir(join(corpus, 'notes'))
    const result = await startWith({ CORPUS_DIR: corpus })
    expectOperatorError(result)
    expect(result.stderr).toContain('holds no .md or .txt articles')
  })
})

describe('parseConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    const result = parseConfig({})
    expect(result).toMatchObject({ ok: true, config: { port: DEFAULT_PORT, corpusWatch: false } })
    if (!result.ok) return
    expect(result.config.logLevel).toBeUndefined()
    expect(result.config.telegram).toBeUndefined()
    expect(result.config.discord).toBeUndefined()
  })

  it('treats an empty variable as unset, as a .env line "PORT=" means', () => {
    expect(parseConfig({ PORT: '', LOG_LEVEL: ' ', CORPUS_WATCH: '' })).toMatchObject({ ok: true, config: { port: DEFAULT_PORT, corpusWatch: false } })
  })

  it('turns the switches and levels into values', () => {
    expect(parseConfig({ PORT: '0', LOG_LEVEL: 'DEBUG', CORPUS_WATCH: 'true', SNAPSHOT_DIR: 'off' })).toMatchObject({
      ok: true,
      config: { port: 0, logLevel: 'debug', corpusWatch: true, snapshotDir: false },
    })
  })

  it('warms up on 2000 questions unless WARM_UP_QUESTIONS says otherwise, and names it when it is not a number', () => {
    expect(parseConfig({})).toMatchObject({ ok: true, config: { warmUpQuestions: 2000 } })
    expect(parseConfig({ WARM_UP_QUESTIONS: '0' })).toMatchObject({ ok: true, config: { warmUpQuestions: 0 } })
    const bad = parseConfig({ WARM_UP_QUESTIONS: 'lots' })
    expect(bad.ok).toBe(false)
    expect(bad.ok ? '' : bad.message).toContain('WARM_UP_QUESTIONS must be a whole number')
  })

  it('reads exactly the variables .env.example documents', async () => {
    const example = await readFile(join(ROOT, '.env.example'), 'utf8')
    const documented = [...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]).sort()
    expect(documented).toEqual(Object.keys(appEnvSchema.shape).sort())
  })

  it('starts Telegram and Discord only when their tokens are set', () => {
    const result = parseConfig({ TELEGRAM_BOT_TOKEN: FAKE_TOKEN, DISCORD_TOKEN, DISCORD_APP_ID: '111111111111111111' })
    expect(result).toMatchObject({
      ok: true,
      config: { telegram: { token: FAKE_TOKEN, apiRoot: 'https://api.telegram.org' }, discord: { token: DISCORD_TOKEN, appId: '111111111111111111' } },
    })
  })
})
