import { spawn } from 'node:child_process'
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportDownvoted, summarizeFeedback } from '../../adapters/feedback/report.js'
import { createFileFeedbackStore, hashVoter, loadSalt, VOTES_FILE, type FeedbackRecord } from '../../adapters/feedback/store.js'
import { createFeedback } from '../../adapters/feedback/votes.js'
import { fixtureDir } from '../helpers/engine.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx')

/** Runs a CLI script as a separate process with `input` on stdin. */
function run(script: string, args: string[], input = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [join(ROOT, 'adapters', 'cli', script), ...args], { cwd: ROOT })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(input)
  })
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
  }, 60_000)
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
    expect(turns[1]?.contextWords).toEqual(expect.arrayContaining(['fire', 'chief']))
    expect(bad).toMatchObject({ status: 'invalid' })
    expect(third).toHaveLength(1)
  }, 60_000)
})
