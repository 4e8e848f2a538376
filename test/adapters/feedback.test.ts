import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import { Registry } from 'prom-client'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createConversationServices } from '../../adapters/conversation/services.js'
import { createRedisFeedbackStore, VOTES_KEY, type RedisFeedbackStore } from '../../adapters/feedback/redis-store.js'
import { exportDownvoted, summarizeFeedback } from '../../adapters/feedback/report.js'
import { createFileFeedbackStore, hashVoter, loadSalt, VOTES_FILE, type FeedbackRecord } from '../../adapters/feedback/store.js'
import { createFeedback } from '../../adapters/feedback/votes.js'
import { createRedisStore } from '../../adapters/store/redis.js'
import type { KeyValueStore } from '../../adapters/store/store.js'
import { createCaptureLogger } from '../fakes/capture-logger.js'
import { startTestRedis, type TestRedis } from '../helpers/redis-server.js'
import { fixtureDir, loadCheckedEngine } from '../helpers/engine.js'
import { passesQuestionCase, readQuestionCases } from '../core/question-case.js'
import { runCli, type CliRun } from '../helpers/cli.js'


/** Runs a CLI script as a separate process with `input` on stdin, and `env` over the environment (REDIS_URL unset unless given). */
function run(script: string, args: string[], input = '', env: Record<string, string> = {}): Promise<CliRun> {
  return runCli(script, args, { input, env: { REDIS_URL: undefined, ...env } })
}

const answer = (question: string, status: 'answered' | 'no_answer' = 'answered') => ({
  status,
  question,
  quotes: status === 'answered' ? [{ passageId: 'a#1' }] : [],
  disagreements: [],
  hasMore: false,
}) as never

describe('the feedback store and report', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'votes-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('keeps votes across a restart, one per person per answer, worst question first', async () => {
    const feedback = createFeedback({ store: createFileFeedbackStore(dir), salt: 'salt-salt-salt-salt' })
    const good = feedback.register(answer('Who is the mayor?'), 'telegram:1')
    const bad = feedback.register(answer('What is the capital of France?'), 'telegram:1')
    await feedback.vote({ platform: 'telegram', answerId: good, chatKey: 'telegram:1', userId: 1, vote: 'up' })
    await feedback.vote({ platform: 'telegram', answerId: bad, chatKey: 'telegram:1', userId: 1, vote: 'up' })
    await feedback.vote({ platform: 'telegram', answerId: bad, chatKey: 'telegram:1', userId: 1, vote: 'down', reason: 'should-not-have-answered' })
    await feedback.vote({ platform: 'telegram', answerId: bad, chatKey: 'telegram:1', userId: 2, vote: 'down' })

    // A new store over the same folder: what a restarted process reads.
    const rows = summarizeFeedback(await createFileFeedbackStore(dir).all())
    expect(rows.map((row) => [row.question, row.up, row.down])).toEqual([
      ['What is the capital of France?', 0, 2],
      ['Who is the mayor?', 1, 0],
    ])
    expect(exportDownvoted(rows)).toEqual([{ question: 'What is the capital of France?', expect: 'no_answer', note: expect.stringContaining('should not have answered ×1') }])
  })

  it('skips a line cut short by a crash and reads the rest', async () => {
    const store = createFileFeedbackStore(dir)
    const record: FeedbackRecord = { at: '2026-12-01T10:00:00.000Z', platform: 'discord', answerId: 'x', voter: 'v', vote: 'down', question: 'q', status: 'answered', passageIds: [] }
    await store.record(record)
    await appendFile(join(dir, VOTES_FILE), '{"at":"2026-12-01T10:00:01')
    expect(await createFileFeedbackStore(dir).all()).toEqual([record])
  })

  it('generates a salt once and keeps it; hashes never show the user id', async () => {
    const first = await loadSalt(dir)
    expect(await loadSalt(dir)).toBe(first)
    expect(await loadSalt(dir, 'configured-salt-123')).toBe('configured-salt-123')
    expect(hashVoter(first, 'telegram', 12345)).not.toContain('12345')
    expect(hashVoter(first, 'telegram', 1)).not.toBe(hashVoter(first, 'discord', 1))
  })

  it('npm run feedback reports as text and JSON, filters by --since, and exports the 👎 questions', async () => {
    const store = createFileFeedbackStore(dir)
    const base = { platform: 'telegram' as const, voter: 'v1', passageIds: ['a#1'], status: 'answered' as const }
    await store.record({ ...base, at: '2026-11-01T00:00:00.000Z', answerId: 'old', vote: 'down', question: 'An old question?' })
    await store.record({ ...base, at: '2026-12-01T00:00:00.000Z', answerId: 'new', vote: 'down', reason: 'wrong-quote', question: 'A new question?' })
    const text = await run('feedback.ts', ['--dir', dir])
    expect(text.code).toBe(0)
    expect(text.stdout).toContain('👎 1  👍 0  A new question?  (wrong quote ×1)')
    const json = await run('feedback.ts', ['--dir', dir, '--json', '--since', '2026-11-15'])
    expect((JSON.parse(json.stdout) as Array<{ question: string }>).map((row) => row.question)).toEqual(['A new question?'])
    const exported = await run('feedback.ts', ['--dir', dir, '--export'])
    expect(JSON.parse(exported.stdout)).toEqual([
      expect.objectContaining({ question: 'A new question?', expect: 'answered' }),
      expect.objectContaining({ question: 'An old question?', expect: 'answered' }),
    ])
    expect((await run('feedback.ts', ['--dir', dir, '--since', 'yesterday'])).code).toBe(1)
    expect(await readFile(join(dir, VOTES_FILE), 'utf8')).not.toContain('"voter":"1"')
  }, 120_000)
})

describe('npm run feedback -- --export, read back by the question-set tests', () => {
  it('turns each 👎 question into a case that fails on the answer voted down', async () => {
    const { engine } = await loadCheckedEngine(fixtureDir('plant-fire'))
    const dir = await mkdtemp(join(tmpdir(), 'export-'))
    try {
      const feedback = createFeedback({ store: createFileFeedbackStore(dir), salt: 'salt-salt-salt-salt' })
      let user = 0
      const vote = async (question: string, votes: Array<'up' | 'down' | Parameters<typeof feedback.vote>[0]['reason']>) => {
        const answerId = feedback.register(engine.ask(question), 'telegram:1')
        for (const choice of votes) {
          const reason = choice === 'up' || choice === 'down' ? undefined : choice
          await feedback.vote({ platform: 'telegram', answerId, chatKey: 'telegram:1', userId: ++user, vote: choice === 'up' ? 'up' : 'down', ...(reason ? { reason } : {}) })
        }
      }
      expect(engine.ask('Who is the fire chief?').disagreements).toEqual([])
      expect(engine.ask('What is the population of Lyon?').status).toBe('no_answer')
      await vote('How long did the fire burn?', ['wrong-quote', 'down'])
      await vote('What is the population of Lyon?', ['should-have-answered'])
      await vote('How many workers were injured?', ['should-not-have-answered'])
      await vote('Who is the fire chief?', ['missed-disagreement'])
      await vote('What did the sheriff say?', ['up', 'up', 'down'])

      const exported = await run('feedback.ts', ['--dir', dir, '--export'])
      expect(exported.code).toBe(0)
      // One step: the output saved as a file of the questions folder.
      const questions = join(dir, 'questions')
      await mkdir(questions)
      await writeFile(join(questions, 'votes.json'), exported.stdout)
      const [file] = await readQuestionCases(questions)
      const cases = file?.cases ?? []
      expect(cases.map((c) => c.question).sort()).toEqual(['How long did the fire burn?', 'How many workers were injured?', 'What is the population of Lyon?', 'Who is the fire chief?'])
      // Each is a regression test as it stands: it fails on today's answer.
      expect(cases.filter((c) => passesQuestionCase(engine, c))).toEqual([])
      const wrongQuote = cases.find((c) => c.question === 'How long did the fire burn?')!
      expect(wrongQuote.wrongPassages).toEqual([engine.ask(wrongQuote.question).quotes[0]?.passageId])
      // What fails it is the passage voted wrong: another lead would pass.
      expect(passesQuestionCase(engine, { ...wrongQuote, wrongPassages: ['another-source#0'] })).toBe(true)
      expect(cases.find((c) => c.question === 'Who is the fire chief?')).toMatchObject({ expect: 'answered', disagreement: true })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }, 120_000)
})

describe('npm run ask -- --json --conversation', () => {
  it('prints one JSON array per conversation line, with contextWords on the follow-up, and survives a bad line', async () => {
    const input = ['["Who is the fire chief?","what did she say?"]', 'not json', '["How long did the fire burn?"]'].join('\n')
    const { code, stdout } = await run('ask.ts', ['--json', '--conversation', '--corpus', fixtureDir('plant-fire')], input)
    expect(code).toBe(0)
    const [first, bad, third] = stdout.trim().split('\n').map((line) => JSON.parse(line) as unknown)
    const turns = first as Array<{ status: string; contextWords?: string[]; quotes: Array<{ text: string }> }>
    expect(turns).toHaveLength(2)
    expect(turns[0]?.contextWords).toBeUndefined()
    expect(turns[1]?.contextWords).toEqual(expect.arrayContaining(['nadia', 'kerr']))
    expect(bad).toMatchObject({ status: 'invalid' })
    expect(third).toHaveLength(1)
  }, 120_000)
})

/** With `REDIS_URL`: votes in Redis, shared by every replica, read back by `npm run feedback`. Against a real redis-server. */
describe('votes in Redis', () => {
  let redis: TestRedis
  let raw: Redis
  let dir: string
  const closing: Array<{ close(): Promise<void> }> = []
  beforeAll(async () => {
    redis = await startTestRedis()
    raw = new Redis(redis.url)
    // The test stops Redis on purpose: its reconnection errors are expected.
    raw.on('error', () => undefined)
  })
  afterAll(async () => {
    await Promise.all(closing.map((handle) => handle.close()))
    raw.disconnect()
    await redis.stop()
  })
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'votes-redis-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  /** One replica: its shared store and its vote store on the same Redis, no FEEDBACK_SALT. */
  async function replica(prefix: string): Promise<{ shared: KeyValueStore; votes: RedisFeedbackStore }> {
    const shared = await createRedisStore({ url: redis.url, prefix, logger: createCaptureLogger().logger })
    const votes = await createRedisFeedbackStore({ url: redis.url, prefix })
    closing.push(shared, votes)
    return { shared, votes }
  }

  it('counts one vote per person per answer across replicas, a second press on another replica changing it', async () => {
    const a = await replica('replicas:')
    const b = await replica('replicas:')
    const onA = createFeedback({ store: a.votes, salt: () => a.votes.loadSalt(), shared: a.shared })
    const onB = createFeedback({ store: b.votes, salt: () => b.votes.loadSalt(), shared: b.shared })
    const answerId = onA.register(answer('How long did the talks last?'), 'telegram:7')
    await new Promise((resolve) => setTimeout(resolve, 50))

    expect(await onB.vote({ platform: 'telegram', answerId, chatKey: 'telegram:7', userId: 1, vote: 'up' })).toEqual({ kind: 'recorded', first: true, changed: false })
    expect(await onA.vote({ platform: 'telegram', answerId, chatKey: 'telegram:7', userId: 1, vote: 'down' })).toEqual({ kind: 'recorded', first: false, changed: true })
    expect(await onA.vote({ platform: 'telegram', answerId, chatKey: 'telegram:7', userId: 2, vote: 'down', reason: 'wrong-quote' })).toMatchObject({ kind: 'recorded', first: true })
    expect(await onB.vote({ platform: 'telegram', answerId, chatKey: 'telegram:8', userId: 3, vote: 'up' })).toEqual({ kind: 'refused' })

    // Both replicas hashed user 1 alike (one salt, made once in Redis): one vote, the last.
    const records = await b.votes.all()
    expect(records).toHaveLength(2)
    expect(summarizeFeedback(records)).toMatchObject([{ question: 'How long did the talks last?', up: 0, down: 2, reasons: { 'wrong-quote': 1 } }])
    expect(await a.votes.loadSalt()).toBe(await b.votes.loadSalt())
    expect(JSON.stringify(records)).not.toMatch(/"voter":"[123]"/)
    // Every key under the prefix: nothing written outside it.
    expect((await raw.keys('*')).filter((key) => !key.startsWith('replicas:'))).toEqual([])
  })

  it('has the vote in Redis when the press is acknowledged, acknowledges none while Redis is down, and records again once it is back', async () => {
    const { shared, votes } = await replica('ack:')
    const feedback = createFeedback({ store: votes, salt: 'salt-of-sixteen-chars', shared })
    const answerId = feedback.register(answer('Who was there?'), 'discord:5')
    const outcome = await feedback.vote({ platform: 'discord', answerId, chatKey: 'discord:5', userId: 9, vote: 'up' })
    expect(outcome.kind).toBe('recorded')
    // Read by another connection at the moment of the acknowledgement: already written.
    const stored = Object.values(await raw.hgetall(`ack:${VOTES_KEY}`))
    expect(stored.map((text) => JSON.parse(text) as FeedbackRecord)).toMatchObject([{ answerId, vote: 'up', question: 'Who was there?', platform: 'discord' }])

    await redis.stop()
    try {
      const down = await feedback.vote({ platform: 'discord', answerId, chatKey: 'discord:5', userId: 9, vote: 'down' })
      expect(down.kind).toBe('failed')
    } finally {
      await redis.start()
    }
    // Back without a restart of the bot: the store reconnects by itself, and the press is recorded.
    const deadline = performance.now() + 15_000
    let again = await feedback.vote({ platform: 'discord', answerId, chatKey: 'discord:5', userId: 9, vote: 'down' })
    while (again.kind === 'failed' && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      again = await feedback.vote({ platform: 'discord', answerId, chatKey: 'discord:5', userId: 9, vote: 'down' })
    }
    expect(again.kind).toBe('recorded')
  }, 30_000)

  it('is where the chat apps keep votes with REDIS_URL, counted on /metrics by platform and reason, and what npm run feedback reads', async () => {
    const registry = new Registry()
    const shared = await createRedisStore({ url: redis.url, prefix: 'app:', logger: createCaptureLogger().logger })
    closing.push(shared)
    const services = await createConversationServices({ dir }, registry, createCaptureLogger().logger, { store: shared, settings: { url: redis.url, prefix: 'app:' } })
    closing.push(services)
    const feedback = services.feedback!
    const bad = feedback.register(answer('What is the capital of France?'), 'telegram:1')
    const good = feedback.register(answer('Who is the mayor?'), 'discord:2')
    await feedback.vote({ platform: 'telegram', answerId: bad, chatKey: 'telegram:1', userId: 1, vote: 'down', reason: 'should-not-have-answered' })
    await feedback.vote({ platform: 'telegram', answerId: bad, chatKey: 'telegram:1', userId: 2, vote: 'down' })
    await feedback.vote({ platform: 'discord', answerId: good, chatKey: 'discord:2', userId: 1, vote: 'up' })

    const metrics = await registry.metrics()
    expect(metrics).toContain('quotes_bot_feedback_votes_total{platform="telegram",vote="down",reason="should-not-have-answered"} 1')
    expect(metrics).toContain('quotes_bot_feedback_votes_total{platform="telegram",vote="down",reason="none"} 1')
    expect(metrics).toContain('quotes_bot_feedback_votes_total{platform="discord",vote="up",reason="none"} 1')
    // Not in the folder: Redis holds them.
    await expect(readFile(join(dir, VOTES_FILE), 'utf8')).rejects.toThrow()

    const env = { REDIS_URL: redis.url, REDIS_PREFIX: 'app:' }
    const text = await run('feedback.ts', [], '', env)
    expect(text.stdout.trim().split('\n')).toEqual(['👎 2  👍 0  What is the capital of France?  (should not have answered ×1)', '👎 0  👍 1  Who is the mayor?'])
    const exported = await run('feedback.ts', ['--export'], '', env)
    expect(JSON.parse(exported.stdout)).toEqual([expect.objectContaining({ question: 'What is the capital of France?', expect: 'no_answer' })])
    // --dir reads the folder instead, which has no votes.
    expect((await run('feedback.ts', ['--dir', dir], '', env)).stdout.trim()).toBe('No votes yet.')
    const unreachable = await run('feedback.ts', [], '', { REDIS_URL: 'redis://127.0.0.1:1' })
    expect(unreachable.code).toBe(1)
    expect(unreachable.stderr).toContain('Cannot reach Redis at redis://127.0.0.1:1')
  }, 120_000)
})
