import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { BUNDLED_CORPUS_DIR, buildEngineFromDir } from '../adapters/build-engine.js'
import type { ReuseCounts } from '../adapters/build-memory.js'
import { createBuildWorker, type ThreadBuildTimings } from '../adapters/build-worker.js'
import { createSilentLogger } from '../adapters/logger.js'
import { createCorpusReloader } from '../adapters/reload.js'
import type { BuildStage } from '../src/engine.js'
import { loadRealSentences, writeRealCorpus } from './real-corpus.js'
import { loadSciFact } from './scifact.js'
import { machine, table } from './stats.js'

/**
 * `npm run bench:scale:build`: cold builds through `buildEngineFromDir`, the function `npm start`
 * uses, from folders of files on disk, with every stage the bot runs, each size in a fresh process.
 * Corpora: the SciFact abstracts as `.txt` files (title first line), and articles of real
 * sentences (SciFact and the seed articles) recombined into invented stories (`real-corpus.ts`).
 * Per size: files, passages, stories, each stage's time, packing the served engine, how long after
 * the start the built engine answers (before the packing, as `npm start` serves it), snapshot write,
 * peak resident memory, the heap and the memory outside it (array buffers) after the build, and a
 * second start from the snapshot in another fresh process.
 * Flags: `--sizes 1000,5000,20000` (files of recombined text), `--scifact N` (SciFact abstracts, 0 to
 * skip, default all 5,183), `--threads N` (reading threads of each build, default one per core),
 * `--threads-compare` (also builds the first corpus with 1 and with 2 reading threads, alternately in
 * one process, and reports the ratio), `--incremental` (instead of cold builds, the reload after one
 * added article through the bot's reloader and build thread; see `benchIncrementalReloads`), `--json`. Folders are cached in `$TMPDIR/bot-bench-corpora`.
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
  /** Memory outside the heap after the build: array buffers (the packed derived data, the index's typed arrays) and other external memory. */
  externalMb: number
  /** After a cold build, packing the derived data and assembling the served engine from it (part of `buildMs`). */
  packMs: number
  /** From the start of the cold build to an engine that answers: what `npm start` waits for, which packs afterwards (`packLater`). */
  readyMs: number
  peakRssMb: number
}

/** In the child: one build (or snapshot start) of `dir`, reported as one JSON line. */
async function child(dir: string, snapshotDir: string, threads: number | undefined): Promise<void> {
  const stages: Partial<Record<BuildStage, number>> = {}
  const { engine, articles, timings, readyMs, snapshotWriteMs } = await buildAsStartDoes(dir, snapshotDir, threads, stages)
  const passages = engine.sources().reduce((sum, summary) => sum + summary.passages, 0)
  // An array buffer's memory is given back some time after the collection that found it unused: after
  // one collection, the memory outside the heap still counted every buffer the build and the snapshot
  // write dropped (1,371 against 537 MB at 100,000 passages).
  for (let i = 0; i < 3; i++) global.gc?.()
  await new Promise((resolve) => setTimeout(resolve, 500))
  global.gc?.()
  const report: ChildReport = {
    files: articles,
    passages,
    stories: engine.stories().length,
    from: timings.from,
    readMs: timings.loadMs,
    thesaurusMs: timings.thesaurusMs,
    stages,
    // With the packing, as before `packLater`: the rows of earlier rounds include it.
    buildMs: timings.indexMs + (timings.packMs ?? 0),
    snapshotWriteMs,
    snapshotLoadMs: timings.snapshotMs + timings.modelMs,
    heapMb: Math.round(process.memoryUsage().heapUsed / 1e6),
    externalMb: Math.round(process.memoryUsage().external / 1e6),
    packMs: timings.packMs ?? 0,
    readyMs,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1e3),
  }
  process.stdout.write(`${JSON.stringify(report)}\n`)
}

/**
 * As `npm start` builds: the built engine answers first, then it is packed and the snapshot written.
 * Returns the packed engine; the built one is dropped with this function's variables, as the bot drops it.
 */
async function buildAsStartDoes(dir: string, snapshotDir: string, threads: number | undefined, stages: Partial<Record<BuildStage, number>>) {
  const built = await buildEngineFromDir(dir, { onStage: (stage, ms) => (stages[stage] = ms) }, { dir: snapshotDir, writeLater: true, packLater: true }, threads ? { threads } : {})
  const { articles, timings } = built
  const readyMs = timings.loadMs + timings.thesaurusMs + timings.indexMs + timings.snapshotMs + timings.modelMs
  const engine = (await built.packed?.()) ?? built.engine
  const writeAt = performance.now()
  await built.writeSnapshot?.()
  const snapshotWriteMs = built.writeSnapshot ? performance.now() - writeAt : 0
  return { engine, articles, timings, readyMs, snapshotWriteMs }
}

/** In the child: builds `dir` with 1 and with 2 reading threads, alternately, `rounds` times each, reported as one JSON line. */
async function compareThreads(dir: string, rounds: number): Promise<void> {
  const best: Record<number, number> = {}
  const reading: Record<number, number> = {}
  for (let round = 0; round < rounds; round++) {
    for (const threads of [1, 2]) {
      let sentencesMs = 0
      const onStage = (stage: BuildStage, ms: number) => {
        if (stage === 'sentences') sentencesMs = ms
      }
      const { timings } = await buildEngineFromDir(dir, { onStage }, { dir: false }, { threads })
      best[threads] = Math.min(best[threads] ?? Infinity, timings.indexMs)
      reading[threads] = Math.min(reading[threads] ?? Infinity, sentencesMs)
    }
  }
  process.stdout.write(`${JSON.stringify({ buildMs: best, sentencesMs: reading })}\n`)
}

async function measure(dir: string, threads: number | undefined): Promise<{ cold: ChildReport; warm: ChildReport }> {
  const snapshotDir = await mkdtemp(join(tmpdir(), 'bot-bench-snap-'))
  try {
    const once = async () => {
      const { stdout } = await run(process.execPath, ['--expose-gc', '--max-old-space-size=8000', '--import', 'tsx', fileURLToPath(import.meta.url), '--child', dir, snapshotDir, String(threads ?? 0)], {
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
  if (args[0] === '--child') return child(args[1] ?? '', args[2] ?? '', Number(args[3]) || undefined)
  if (args[0] === '--child-threads') return compareThreads(args[1] ?? '', Number(args[2]) || 1)
  const flag = (name: string) => {
    const at = args.indexOf(name)
    return at < 0 ? undefined : args[at + 1]
  }
  const json = args.includes('--json')
  const sizes = (flag('--sizes') ?? '1000,5000,20000').split(',').map(Number).filter((n) => n > 0)
  const threads = Number(flag('--threads')) || undefined
  const scifactFiles = Number(flag('--scifact') ?? 5183)
  const base = join(tmpdir(), 'bot-bench-corpora')
  const rows: Array<{ corpus: string; dir: string; cold: ChildReport; warm: ChildReport }> = []
  if (args.includes('--incremental')) return benchIncrementalReloads(base, scifactFiles, sizes, json)

  if (scifactFiles > 0) {
    const dir = await sciFactFolder(base, scifactFiles)
    rows.push({ corpus: `SciFact abstracts (${scifactFiles} .txt)`, dir, ...(await measure(dir, threads)) })
    if (!json) process.stderr.write(`measured ${rows.at(-1)?.corpus}\n`)
  }
  const sentences = sizes.length > 0 ? await loadRealSentences() : []
  for (const files of sizes) {
    const dir = await realFolder(base, files, sentences)
    rows.push({ corpus: `recombined real text (${files} .md)`, dir, ...(await measure(dir, threads)) })
    if (!json) process.stderr.write(`measured ${rows.at(-1)?.corpus}\n`)
  }
  let threadsCompared: { corpus: string; buildMs: Record<number, number>; sentencesMs: Record<number, number> } | undefined
  const first = rows[0]
  if (args.includes('--threads-compare') && first) {
    const { stdout } = await run(process.execPath, ['--max-old-space-size=8000', '--import', 'tsx', fileURLToPath(import.meta.url), '--child-threads', first.dir, '2'], { cwd: ROOT, maxBuffer: 1 << 24 })
    threadsCompared = { corpus: first.corpus, ...(JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { buildMs: Record<number, number>; sentencesMs: Record<number, number> }) }
  }
  const exponent = growthExponent(rows.filter((row) => row.corpus.startsWith('recombined')).map((row) => [row.cold.files, row.cold.readMs + row.cold.buildMs]))
  if (json) {
    process.stdout.write(`${JSON.stringify({ machine: await machine(), rows, growthExponent: exponent, threadsCompared })}\n`)
    return
  }
  const s = (ms: number | undefined) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`)
  process.stdout.write(
    `${table(
      ['corpus', 'files', 'passages', 'stories', 'read', 'WordNet', 'sentences', 'index', 'stories', 'claims', 'takeaways', 'examples', 'pack', 'build', 'answering after', 'snapshot write', 'peak RSS', 'heap after', 'external after', 'start from snapshot'],
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
        s(cold.packMs),
        s(cold.buildMs),
        s(cold.readyMs),
        s(cold.snapshotWriteMs),
        `${cold.peakRssMb} MB`,
        `${cold.heapMb} MB`,
        `${cold.externalMb} MB`,
        warm.from === 'snapshot' ? s(warm.readMs + warm.snapshotLoadMs) : 'no snapshot',
      ]),
    )}\n`,
  )
  if (threadsCompared) {
    const { corpus, buildMs, sentencesMs } = threadsCompared
    const ratio = (a: number | undefined, b: number | undefined) => (a && b ? (a / b).toFixed(2) : '–')
    process.stdout.write(
      `${corpus}, same process, best of 2 each: build with 1 reading thread ${s(buildMs[1])}, with 2 ${s(buildMs[2])} (ratio ${ratio(buildMs[1], buildMs[2])}); ` +
        `sentence reading alone ${s(sentencesMs[1])} and ${s(sentencesMs[2])} (ratio ${ratio(sentencesMs[1], sentencesMs[2])})\n`,
    )
  }
  if (exponent !== undefined) process.stdout.write(`growth exponent of read + build over the recombined sizes (least squares on log-log): ${exponent.toFixed(2)}\n`)
}

/** The first `files` SciFact abstracts as `.txt` files (title first line), written once under `base`. */
async function sciFactFolder(base: string, files: number): Promise<string> {
  const dir = join(base, `scifact-${files}`)
  if (!existsSync(dir) || (await readdir(dir)).length < files) {
    await mkdir(dir, { recursive: true })
    const { articles } = await loadSciFact()
    for (const article of articles.slice(0, files)) await writeFile(join(dir, `${article.id}.txt`), `${article.title}\n${article.text}\n`)
  }
  return dir
}

/** `files` articles of recombined real text (`real-corpus.ts`), written once under `base`. */
async function realFolder(base: string, files: number, sentences: Awaited<ReturnType<typeof loadRealSentences>>): Promise<string> {
  const dir = join(base, `real-${files}`)
  if (!existsSync(dir) || (await readdir(dir)).length < files) await writeRealCorpus(dir, files, sentences)
  return dir
}

/** One corpus's reload after one added article, against a cold build, all in this process. */
interface IncrementalRow {
  corpus: string
  files: number
  /** `buildEngineFromDir` here, snapshots off: what a start without a snapshot costs. */
  coldMs: number
  /** Its index stage alone (postings, vocabulary, synonyms), which every reload redoes. */
  coldIndexMs: number
  /** The build thread's first read of the folder (`BuildWorker.warm`), which `npm start` does in the background. */
  warmMs: number
  /** The first reload after the warm-up, one article added: it ranks every story's takeaways. */
  firstReloadMs: number
  /** From `reload` to the new engine in service, after one more article was added: what an announcement waits for. */
  reloadMs: number
  reused: ReuseCounts | undefined
  /** Where that reload's time went on the build thread: each stage, taking the snapshot there, and assembling the engine from it here. */
  reloadTimings: ThreadBuildTimings | undefined
  /** The settling reload after it, which ranks the kept stories' takeaways again, in the background. */
  settleMs: number | undefined
}

/**
 * `--incremental`: for SciFact (`--scifact N`) and each `--sizes` corpus, in this process: a cold
 * build here, then the path `npm start` takes for a reload (a `BuildWorker` warmed on a copy of the
 * folder, a `CorpusReloader` over it) after one article is added to the copy (a bundled article,
 * which lands in a story of its own), twice. Reports both reloads and the settling reload after the second.
 */
async function benchIncrementalReloads(base: string, scifactFiles: number, sizes: number[], json: boolean): Promise<void> {
  const corpora: Array<{ corpus: string; dir: string }> = []
  if (scifactFiles > 0) corpora.push({ corpus: `SciFact abstracts (${scifactFiles} .txt)`, dir: await sciFactFolder(base, scifactFiles) })
  const sentences = sizes.length > 0 ? await loadRealSentences() : []
  for (const files of sizes) corpora.push({ corpus: `recombined real text (${files} .md)`, dir: await realFolder(base, files, sentences) })
  const rows: IncrementalRow[] = []
  for (const { corpus, dir } of corpora) {
    rows.push(await measureIncrementalReload(corpus, dir))
    if (!json) process.stderr.write(`measured ${corpus} (load average ${loadavg().map((n) => n.toFixed(1)).join(' ')})\n`)
  }
  if (json) {
    process.stdout.write(`${JSON.stringify({ machine: await machine(), loadAverage: loadavg(), rows })}\n`)
    return
  }
  const s = (ms: number | undefined) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`)
  process.stdout.write(
    `${table(
      ['corpus', 'files', 'cold build', 'its index stage', 'build thread reads ahead', 'first reload', 'reload after one added article', 'of it: reading the article / the other stages / snapshot taken, assembled', 'articles read', 'stories kept', 'settling reload'],
      rows.map((row) => [
        row.corpus,
        String(row.files),
        s(row.coldMs),
        s(row.coldIndexMs),
        s(row.warmMs),
        s(row.firstReloadMs),
        s(row.reloadMs),
        splitOf(row.reloadTimings),
        String(row.reused?.readArticles ?? '–'),
        row.reused ? `${row.reused.reusedStories} of ${row.reused.stories}` : '–',
        s(row.settleMs),
      ]),
    )}\n`,
  )
}

/** A reload's time split: reading its articles (the `sentences` stage), the other stages (each named), and the snapshot handed over. */
function splitOf(timings: ThreadBuildTimings | undefined): string {
  if (!timings?.stages) return '–'
  const s = (ms: number | undefined) => `${((ms ?? 0) / 1000).toFixed(2)} s`
  const { sentences, ...rest } = timings.stages
  const others = Object.entries(rest).map(([stage, ms]) => `${stage} ${s(ms)}`)
  return `${s(sentences)} / ${others.join(', ')} / ${s(timings.snapshotTakeMs)}, ${s(timings.snapshotLoadMs)}`
}

async function measureIncrementalReload(corpus: string, dir: string): Promise<IncrementalRow> {
  const work = await mkdtemp(join(tmpdir(), 'bot-bench-reload-'))
  const worker = createBuildWorker()
  try {
    await cp(dir, work, { recursive: true })
    let coldIndexMs = 0
    const coldAt = performance.now()
    const cold = await buildEngineFromDir(work, { onStage: (stage, ms) => void (stage === 'index' && (coldIndexMs = ms)) }, { dir: false })
    const coldMs = performance.now() - coldAt
    const warmAt = performance.now()
    await worker.warm(work)
    const warmMs = performance.now() - warmAt
    let settleMs: number | undefined
    let reused: ReuseCounts | undefined
    let reloadTimings: ThreadBuildTimings | undefined
    const reloader = createCorpusReloader({
      dir: work,
      build: async (folder, mode) => {
        const startedAt = performance.now()
        const built = await worker.build(folder, { dir: false }, mode)
        if (mode?.exact) settleMs = performance.now() - startedAt
        else {
          reused = built.timings.reused
          reloadTimings = built.timings
        }
        return built
      },
      swap: () => undefined,
      logger: createSilentLogger(),
    })
    // Two bundled articles, one story of their own: the first reload after the warm-up ranks every
    // story's takeaways (the warm-up only reads); the second is the steady state.
    const [first = '', second = ''] = (await readdir(BUNDLED_CORPUS_DIR)).filter((name) => name.endsWith('.md'))
    const reloadAfterAdding = async (name: string) => {
      settleMs = undefined
      await cp(join(BUNDLED_CORPUS_DIR, name), join(work, `added-${name}`))
      const outcome = await reloader.reload(`bench: ${name} added`)
      while (reused?.settled === false && settleMs === undefined) await new Promise((resolve) => setTimeout(resolve, 100))
      return outcome.kind === 'reloaded' ? outcome.durationMs : Number.NaN
    }
    const firstReloadMs = await reloadAfterAdding(first)
    const reloadMs = await reloadAfterAdding(second)
    await reloader.stop()
    return { corpus, files: cold.articles, coldMs, coldIndexMs, warmMs, firstReloadMs, reloadMs, reused, reloadTimings, settleMs }
  } finally {
    await worker.close()
    await rm(work, { recursive: true, force: true })
  }
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
