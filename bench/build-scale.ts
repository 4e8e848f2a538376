import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { buildEngineFromDir } from '../adapters/build-engine.js'
import type { BuildStage } from '../src/engine.js'
import { loadRealSentences, writeRealCorpus } from './real-corpus.js'
import { loadSciFact } from './scifact.js'
import { machine, table } from './stats.js'

/**
 * `npm run bench:scale:build`: cold builds through `buildEngineFromDir`, the function `npm start`
 * uses, from folders of files on disk, with every stage the bot runs, each size in a fresh process.
 * Corpora: the SciFact abstracts as `.txt` files (title first line), and articles of real
 * sentences (SciFact and the seed articles) recombined into invented stories (`real-corpus.ts`).
 * Per size: files, passages, stories, each stage's time, snapshot write, peak resident memory, the
 * heap after the build, and a second start from the snapshot in another fresh process.
 * Flags: `--sizes 1000,5000` (files of recombined text), `--scifact N` (SciFact abstracts, 0 to
 * skip, default all 5,183), `--json`. Folders are cached in `$TMPDIR/bot-bench-corpora`.
 */

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const run = promisify(execFile)

interface ChildReport {
  files: number
  passages: number
  stories: number
  from: 'build' | 'snapshot'
  readMs: number
  thesaurusMs: number
  stages: Partial<Record<BuildStage, number>>
  buildMs: number
  snapshotWriteMs: number
  snapshotLoadMs: number
  heapMb: number
  peakRssMb: number
}

/** In the child: one build (or snapshot start) of `dir`, reported as one JSON line. */
async function child(dir: string, snapshotDir: string): Promise<void> {
  const stages: Partial<Record<BuildStage, number>> = {}
  const { engine, articles, timings } = await buildEngineFromDir(dir, { onStage: (stage, ms) => (stages[stage] = ms) }, { dir: snapshotDir })
  const passages = engine.sources().reduce((sum, summary) => sum + summary.passages, 0)
  global.gc?.()
  const report: ChildReport = {
    files: articles,
    passages,
    stories: engine.stories().length,
    from: timings.from,
    readMs: timings.loadMs,
    thesaurusMs: timings.thesaurusMs,
    stages,
    buildMs: timings.indexMs,
    snapshotWriteMs: timings.snapshotWriteMs ?? 0,
    snapshotLoadMs: timings.snapshotMs + timings.modelMs,
    heapMb: Math.round(process.memoryUsage().heapUsed / 1e6),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1e3),
  }
  process.stdout.write(`${JSON.stringify(report)}\n`)
}

async function measure(dir: string): Promise<{ cold: ChildReport; warm: ChildReport }> {
  const snapshotDir = await mkdtemp(join(tmpdir(), 'bot-bench-snap-'))
  try {
    const once = async () => {
      const { stdout } = await run(process.execPath, ['--expose-gc', '--max-old-space-size=8000', '--import', 'tsx', fileURLToPath(import.meta.url), '--child', dir, snapshotDir], {
        cwd: ROOT,
        maxBuffer: 1 << 24,
      })
      return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as ChildReport
    }
    return { cold: await once(), warm: await once() }
  } finally {
    await rm(snapshotDir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  if (args[0] === '--child') return child(args[1] ?? '', args[2] ?? '')
  const flag = (name: string) => {
    const at = args.indexOf(name)
    return at < 0 ? undefined : args[at + 1]
  }
  const json = args.includes('--json')
  const sizes = (flag('--sizes') ?? '1000,5000').split(',').map(Number).filter((n) => n > 0)
  const scifactFiles = Number(flag('--scifact') ?? 5183)
  const base = join(tmpdir(), 'bot-bench-corpora')
  const rows: Array<{ corpus: string; cold: ChildReport; warm: ChildReport }> = []

  if (scifactFiles > 0) {
    const dir = join(base, `scifact-${scifactFiles}`)
    if (!existsSync(dir) || (await readdir(dir)).length < scifactFiles) {
      await mkdir(dir, { recursive: true })
      const { articles } = await loadSciFact()
      for (const article of articles.slice(0, scifactFiles)) await writeFile(join(dir, `${article.id}.txt`), `${article.title}\n${article.text}\n`)
    }
    rows.push({ corpus: `SciFact abstracts (${scifactFiles} .txt)`, ...(await measure(dir)) })
    if (!json) process.stderr.write(`measured ${rows.at(-1)?.corpus}\n`)
  }
  const sentences = sizes.length > 0 ? await loadRealSentences() : []
  for (const files of sizes) {
    const dir = join(base, `real-${files}`)
    if (!existsSync(dir) || (await readdir(dir)).length < files) await writeRealCorpus(dir, files, sentences)
    rows.push({ corpus: `recombined real text (${files} .md)`, ...(await measure(dir)) })
    if (!json) process.stderr.write(`measured ${rows.at(-1)?.corpus}\n`)
  }
  const exponent = growthExponent(rows.filter((row) => row.corpus.startsWith('recombined')).map((row) => [row.cold.files, row.cold.readMs + row.cold.buildMs]))
  if (json) {
    process.stdout.write(`${JSON.stringify({ machine: await machine(), rows, growthExponent: exponent })}\n`)
    return
  }
  const s = (ms: number | undefined) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`)
  process.stdout.write(
    `${table(
      ['corpus', 'files', 'passages', 'stories', 'read', 'WordNet', 'sentences', 'index', 'stories', 'claims', 'takeaways', 'examples', 'build', 'snapshot write', 'peak RSS', 'heap after', 'start from snapshot'],
      rows.map(({ corpus, cold, warm }) => [
        corpus,
        String(cold.files),
        String(cold.passages),
        String(cold.stories),
        s(cold.readMs),
        s(cold.thesaurusMs),
        s(cold.stages.sentences),
        s(cold.stages.index),
        s(cold.stages.stories),
        s(cold.stages.claims),
        s(cold.stages.takeaways),
        s(cold.stages.examples),
        s(cold.buildMs),
        s(cold.snapshotWriteMs),
        `${cold.peakRssMb} MB`,
        `${cold.heapMb} MB`,
        warm.from === 'snapshot' ? s(warm.readMs + warm.snapshotLoadMs) : 'no snapshot',
      ]),
    )}\n`,
  )
  if (exponent !== undefined) process.stdout.write(`growth exponent of read + build over the recombined sizes (least squares on log-log): ${exponent.toFixed(2)}\n`)
}

/** Slope of log(time) against log(size), or undefined with fewer than two sizes. */
function growthExponent(points: Array<[size: number, ms: number]>): number | undefined {
  if (points.length < 2) return undefined
  const xs = points.map(([size]) => Math.log(size))
  const ys = points.map(([, ms]) => Math.log(ms))
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length
  const my = ys.reduce((a, b) => a + b, 0) / ys.length
  let num = 0
  let den = 0
  xs.forEach((x, i) => {
    num += (x - mx) * ((ys[i] ?? 0) - my)
    den += (x - mx) ** 2
  })
  return num / den
}

await main()
