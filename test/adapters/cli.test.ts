import { spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { fixtureDir } from '../helpers/engine.js'
import { runCli, type CliRun } from '../helpers/cli.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx')

/** Runs a CLI command as a separate process, as a user or another tool would. */
function run(script: string, args: string[], input?: string, env: Record<string, string> = {}): Promise<CliRun> {
  return runCli(script, args, { input, env })
}

const bridge = fixtureDir('harbor-bridge')

describe('npm run ask', () => {
  it('prints one JSON object with the contract fields, exit code 0', async () => {
    const { code, stdout } = await run('ask.ts', ['--json', '--corpus', bridge, 'How much did the repair cost?'])
    expect(code).toBe(0)
    const lines = stdout.trim().split('\n')
    expect(lines).toHaveLength(1)
    const answer = JSON.parse(lines[0]!)
    expect(answer.status).toBe('answered')
    expect(answer.disagreements).toEqual([])
    const quote = answer.quotes[0]
    expect(Object.keys(quote)).toEqual(expect.arrayContaining(['text', 'source', 'passageId', 'highlights', 'score']))
    expect(quote.source).toMatchObject({ id: 'city-desk', title: expect.any(String), outlet: 'The Lakeside Courier' })
    expect(quote.highlights[0]).toHaveLength(2)
  })

  it('treats an empty-string argument as an invalid question: exit code 2, not batch mode', async () => {
    const { code, stdout } = await run('ask.ts', ['--json', '--corpus', bridge, ''], 'How much did the repair cost?\n')
    expect(code).toBe(2)
    expect(JSON.parse(stdout.trim())).toMatchObject({ status: 'invalid', message: expect.any(String) })
  })

  it('reads questions from stdin with --json and no question, one JSON object per line, in order', async () => {
    const input = 'How much did the repair cost?\n\nWho won the last Super Bowl?\nWhen did the bridge first open?\n'
    const { code, stdout } = await run('ask.ts', ['--json', '--corpus', bridge], input)
    expect(code).toBe(0)
    const answers = stdout.trim().split('\n').map((line) => JSON.parse(line))
    expect(answers.map((answer) => answer.status)).toEqual(['answered', 'invalid', 'no_answer', 'answered'])
    expect(answers[3].quotes[0].text).toContain('1962')
  })

  it('documents in --help the exit codes it gives: 2 for an invalid question argument, 0 for a batch with an empty line', async () => {
    const help = await run('ask.ts', ['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/2 the question argument is invalid/)
    expect(help.stdout).toMatch(/Batch modes \(stdin\) exit 0/)
    const batch = await run('ask.ts', ['--json', '--corpus', bridge], '\n')
    expect(batch.code).toBe(0)
    expect(JSON.parse(batch.stdout.trim())).toMatchObject({ status: 'invalid' })
    const argument = await run('ask.ts', ['--json', '--corpus', bridge, '   '])
    expect(argument.code).toBe(2)
  })

  it('prints a readable answer with the source for a person, and "not in my sources" when it cannot answer', async () => {
    const answered = await run('ask.ts', ['--corpus', bridge, 'How much did the repair cost?'])
    expect(answered.code).toBe(0)
    expect(answered.stdout).toContain('4.2 million dollars')
    expect(answered.stdout).toContain('Harbor Bridge reopens after eleven-week repair')
    const declined = await run('ask.ts', ['--corpus', bridge, 'What is the population of Lyon?'])
    expect(declined.code).toBe(0)
    expect(declined.stdout).toMatch(/isn't in my sources/)
  })

  it('stops with exit code 1 and names the file when the corpus is bad', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bad-corpus-'))
    try {
      await writeFile(join(dir, 'broken.md'), '---\ntitle: [oops\n---\nText.')
      const { code, stderr, stdout } = await run('ask.ts', ['--json', '--corpus', dir, 'anything'])
      expect(code).toBe(1)
      expect(stdout).toBe('')
      expect(stderr).toMatch(/broken\.md: front matter is not valid YAML/)
      expect(stderr).not.toMatch(/\n\s+at /)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('npm run search', () => {
  it('prints ranked passages as JSON, best first, limited', async () => {
    const { code, stdout } = await run('search.ts', ['--json', '--limit', '2', '--corpus', bridge, 'steel cables'])
    expect(code).toBe(0)
    const { results } = JSON.parse(stdout)
    expect(results.length).toBeLessThanOrEqual(2)
    expect(results[0]).toMatchObject({ passageId: expect.stringContaining('#'), sourceId: expect.any(String), score: expect.any(Number) })
    expect(results[0].text).toContain('steel cables')
    expect(results[0].score).toBeGreaterThanOrEqual(results[1]?.score ?? 0)
  })

  it('reads queries from stdin in batch mode', async () => {
    const { stdout } = await run('search.ts', ['--json', '--corpus', bridge], 'ferry\ntoll\n')
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line))
    expect(lines).toHaveLength(2)
    expect(lines[0].results[0].text).toContain('Ferry')
  })
})

describe('npm run sources', () => {
  it('lists the corpus with metadata and passage counts', async () => {
    const { code, stdout } = await run('sources.ts', ['--json', '--corpus', bridge])
    expect(code).toBe(0)
    const { sources } = JSON.parse(stdout)
    expect(sources).toHaveLength(3)
    expect(sources.find((source: { id: string }) => source.id === 'city-desk')).toMatchObject({ author: 'Mara Quint', passages: expect.any(Number) })
  })
})

const mixed = fixtureDir('stories-mixed')

describe('a corpus folder of more files than the process may hold open at once', () => {
  it('names its one broken file and exits 1, rather than failing to open some other file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cli-many-'))
    try {
      for (let i = 0; i < 1_200; i++) await writeFile(join(dir, `a${String(i).padStart(5, '0')}.txt`), `Article ${i}\nThe council met on day ${i}.\n`)
      await writeFile(join(dir, 'a00600-broken.md'), '---\nid: broken\nurl: not a link\n---\n\nText.\n')
      // A shell lowers the limit on open files below the folder's size, as a large corpus does on a usual limit.
      const { code, stderr } = await new Promise<CliRun>((resolve, reject) => {
        const child = spawn('sh', ['-c', 'ulimit -n 200 && exec "$0" "$@"', TSX, join(ROOT, 'adapters', 'cli', 'sources.ts'), '--corpus', dir], { cwd: ROOT, env: { ...process.env, SNAPSHOT_DIR: 'off' } })
        let err = ''
        child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
        child.on('error', reject)
        child.on('close', (exit) => resolve({ code: exit, stdout: '', stderr: err }))
      })
      expect(code).toBe(1)
      expect(stderr).toMatch(/a00600-broken\.md: field "url"/)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('npm run stories', () => {
  it('prints the stories as JSON with the contract fields, largest first', async () => {
    const { code, stdout } = await run('stories.ts', ['--json', '--corpus', mixed])
    expect(code).toBe(0)
    const { stories } = JSON.parse(stdout) as { stories: Array<{ id: string; label: string; sources: string[]; published?: { from: string; to: string } }> }
    expect(stories.map((story) => story.sources.length)).toEqual([4, 4, 3, 3, 1, 1])
    expect(Object.keys(stories[0]!).sort()).toEqual(['id', 'label', 'published', 'sources'])
    expect(stories.find((story) => story.sources.includes('notes-on-rain'))?.published).toBeUndefined()
  })

  it('lists each story’s takeaways under its label, and one story’s with --story', async () => {
    const listed = await run('stories.ts', ['--json', '--corpus', mixed])
    const { stories } = JSON.parse(listed.stdout) as { stories: Array<{ id: string; label: string; sources: string[] }> }
    const all = await run('takeaways.ts', ['--corpus', mixed, '--limit', '1'])
    expect(all.code).toBe(0)
    for (const story of stories.slice(0, 4)) expect(all.stdout).toContain(`${story.label} (story ${story.id})`)
    const first = stories[0]!
    const one = await run('takeaways.ts', ['--json', '--corpus', mixed, '--story', first.id])
    const { takeaways } = JSON.parse(one.stdout) as { takeaways: Array<{ source: string }> }
    expect(takeaways.length).toBeGreaterThan(0)
    for (const takeaway of takeaways) expect(first.sources).toContain(takeaway.source)
  })

  it('names the known stories when --story is unknown, exit code 1', async () => {
    const { code, stderr } = await run('disagreements.ts', ['--corpus', mixed, '--story', 'atlantis'])
    expect(code).toBe(1)
    expect(stderr).toMatch(/no story called "atlantis"\. The stories are: .*velmora/)
  })
})

describe('npm run takeaways', () => {
  const gondola = fixtureDir('takeaways-gondola-contest')

  it('prints two counts of one thing as one point, each side with its source', async () => {
    const { code, stdout } = await run('takeaways.ts', ['--corpus', gondola])
    expect(code).toBe(0)
    expect(stdout).toMatch(/\(reported by 1 of 3 sources\) — contested: sources disagree on the number of passengers: twelve passengers \(Alpine Courier\) \/ Twenty passengers \(Valley Herald\)\n/)
    expect(stdout).not.toContain('“Twenty passengers')
  })

  it('gives each side of a contested point in the JSON, by source id', async () => {
    const { stdout } = await run('takeaways.ts', ['--json', '--corpus', gondola])
    const { takeaways } = JSON.parse(stdout) as { takeaways: Array<{ contested: boolean; supportedBy: string[]; sides?: Array<{ value: string; sources: string[] }> }> }
    const contested = takeaways.filter((takeaway) => takeaway.contested)
    expect(contested.length).toBeGreaterThanOrEqual(2)
    for (const takeaway of contested) {
      expect(takeaway.sides?.map((side) => side.sources)).toEqual([['alpine-courier'], ['valley-herald']])
      expect(takeaway.supportedBy).toEqual(['alpine-courier'])
    }
    expect(takeaways.filter((takeaway) => !takeaway.contested).every((takeaway) => takeaway.sides === undefined)).toBe(true)
  })
})
