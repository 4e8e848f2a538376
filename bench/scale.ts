import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { Index as FlexIndex } from 'flexsearch'
import lunr from 'lunr'
import MiniSearch from 'minisearch'
import { BUNDLED_CORPUS_DIR, buildEngineFromDir } from '../adapters/build-engine.js'
import { loadCorpusDir } from '../adapters/load-corpus.js'
import { readSnapshotFile, writeSnapshotFile } from '../adapters/snapshot-file.js'
import { loadWordNetSynsets } from '../adapters/wordnet.js'
import { createEngineFromIndex, type BuildStage, type EngineDerivedData } from '../src/engine.js'
import { createEngine, createEngineFromSnapshot, engineToSnapshot, isEngineSnapshot, type ArticleInput, type Passage } from '../src/index.js'
import { splitPassages } from '../src/passages.js'
import { analyzeForIndex, buildCorpusIndex, sentenceFeaturesOf } from '../src/search.js'
import { unpackParts } from '../src/snapshot.js'
import { BUNDLED_QUESTIONS } from '../test/core/bundled-questions.js'
import { buildFloorIndex } from './floor.js'
import { createWordSampler, generateCorpus, seededRandom } from './generate-corpus.js'
import { loadRealSentences, writeRealCorpus } from './real-corpus.js'
import { loadSciFact } from './scifact.js'
import { fmt, machine, summarize, table, timeEach, type LatencySummary } from './stats.js'

/**
 * `npm run bench:scale`, two kinds of rows.
 *
 * Real text, the product's figures: folders of Markdown articles on disk, made of real sentences
 * (SciFact's abstracts and the seed articles) recombined into invented stories (`real-corpus.ts`),
 * built cold by `buildEngineFromDir`, the function `npm start` uses, with every stage timed, then
 * started from the snapshot in a fresh process and asked questions, story takeaways and story
 * disagreements. Sizes in passages (`--real-sizes 100000`, 0 to skip).
 *
 * Search-only (generated text, stages skipped), a comparison of the search alone: the bundled
 * articles and SciFact's abstracts padded with generated text whose word frequencies follow
 * theirs, indexed without the NLP pass, with the bundled corpus's disagreements, takeaways and
 * examples grafted on, so none of the stories, claims or takeaways stages ran over them. At each
 * size (`--sizes 10000,100000`, 1,000,000 with `--sizes 1000000`): index build time, snapshot size
 * and load time, heap after load, and p50/p99 of a bare search and of a whole `ask`, side by side
 * with plain minisearch (default options), lunr, flexsearch and a minimal BM25 over typed arrays
 * (the floor), all on the same passages in the same run.
 *
 * Both measure the engine in a fresh process started from its snapshot, as a bot starts, so its
 * heap holds nothing else. Flags also: `--json`, `--smoke` (seconds, for CI), `--rounds N`,
 * `--all-competitors` (also run the others above 100,000 passages, where minisearch needs 2 GB).
 */

/** Targets from issue 8, by size. */
export const SCALE_TARGETS: Record<number, { askP50Ms?: number; askP99Ms?: number; heapMb?: number; loadMs?: number }> = {
  100_000: { askP50Ms: 20, askP99Ms: 60, heapMb: 300 },
  1_000_000: { askP50Ms: 100, heapMb: 1536, loadMs: 10_000 },
}

/** What the search-only rows are, wherever they are shown: never the product's figures. */
export const SEARCH_ONLY = 'search-only (generated text, stages skipped)'

export interface ScaleOptions {
  /** Search-only corpus sizes in passages. Defaults to 10,000 and 100,000 (2,000 when `smoke`). */
  sizes?: number[]
  /** Real-text corpus sizes in passages (about four a file). Defaults to 100,000 (200 when `smoke`). */
  realSizes?: number[]
  /** Timing rounds over the query set. Defaults to 5 (1 when `smoke`). */
  rounds?: number
  /** Tiny run for CI: the bundled corpus and 200 abstracts. Defaults to `false`. */
  smoke?: boolean
  /** Run minisearch, lunr and flexsearch above 100,000 passages too (lunr above 20,000). Defaults to `false`. */
  allCompetitors?: boolean
  /** Called with each search-only size's figures as soon as they are measured. */
  onSize?: (report: SizeReport) => void
  /** Called with each real-text size's figures as soon as they are measured. */
  onReal?: (report: RealSizeReport) => void
}

export interface SystemFigures {
  name: string
  buildMs?: number
  heapMb?: number
  /** For this engine: heap once the questions have been asked (speller and caches built). */
  heapAfterAsksMb?: number
  search?: LatencySummary
  ask?: LatencySummary
  snapshotMb?: number
  loadMs?: number
  note?: string
}

export interface SizeReport {
  passages: number
  articles: number
  generatedPassages: number
  systems: SystemFigures[]
  targets: Array<{ name: string; target: string; measured: string; met: boolean }>
}

/** A real-text corpus built and started through the bot's own path. */
export interface RealSizeReport {
  files: number
  passages: number
  stories: number
  /** Reading and checking the files. */
  readMs: number
  thesaurusMs: number
  stages: Partial<Record<BuildStage, number>>
  /** The whole build after reading (WordNet not included). */
  buildMs: number
  snapshotWriteMs: number
  peakRssMb: number
  /** V8 heap plus typed-array buffers at the build's end, before the snapshot is written. */
  heapAfterBuildMb: number
  /** A second start in a fresh process: files read, snapshot read, engine ready, NLP model loaded. */
  startMs: number
  heapAfterStartMb: number
  ask: LatencySummary
  storyTakeaways: LatencySummary
  storyDisagreements: LatencySummary
}

export interface ScaleReport {
  machine: Awaited<ReturnType<typeof machine>>
  nlpMsPerSentence: number
  queries: number
  real: RealSizeReport[]
  sizes: SizeReport[]
}

/** A line on stderr, so a long run shows where it is. */
function progress(message: string): void {
  process.stderr.write(`[bench:scale ${new Date().toISOString().slice(11, 19)}] ${message}\n`)
}

/** A full garbage collection, so heap figures hold live data only. */
const collectGarbage: () => void = (() => {
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
})()

/** Heap in use plus typed-array buffers (postings live there), in MB, after a full collection. */
function memoryMb(): number {
  collectGarbage()
  collectGarbage()
  const usage = process.memoryUsage()
  return (usage.heapUsed + usage.arrayBuffers) / 1024 / 1024
}

interface Base {
  articles: ArticleInput[]
  passages: Passage[]
  features: number[][]
  bundledIds: Set<string>
}

/** The real part of every corpus: the bundled articles then SciFact's abstracts, split and read by the NLP pass once. */
async function prepareBase(smoke: boolean, bundled: ArticleInput[], scifact: Awaited<ReturnType<typeof loadSciFact>>): Promise<{ base: Base; nlpMsPerSentence: number }> {
  const abstracts = smoke ? scifact.articles.slice(0, 200) : scifact.articles
  const articles = [...bundled, ...abstracts]
  const startedAt = performance.now()
  const passages = articles.flatMap((article) => splitPassages(article.id, article.text))
  const features = passages.map((passage) => sentenceFeaturesOf(passage))
  const sentences = passages.reduce((sum, passage) => sum + passage.sentences.length, 0)
  const nlpMsPerSentence = (performance.now() - startedAt) / sentences
  return { base: { articles, passages, features, bundledIds: new Set(bundled.map((article) => article.id)) }, nlpMsPerSentence }
}

/** The corpus of `size` passages: a prefix of the base, or all of it and generated padding. */
function corpusOfSize(base: Base, size: number): { articles: ArticleInput[]; passages: Passage[]; features: number[][]; generated: number } {
  if (size <= base.passages.length) {
    const passages = base.passages.slice(0, size)
    const ids = new Set(passages.map((passage) => passage.sourceId))
    return { articles: base.articles.filter((article) => ids.has(article.id)), passages, features: base.features.slice(0, size), generated: 0 }
  }
  const random = seededRandom(size)
  const sampler = createWordSampler(
    base.passages.map((passage) => passage.text),
    random,
  )
  const padding = generateCorpus(size - base.passages.length, sampler, random)
  return {
    articles: [...base.articles, ...padding.articles],
    passages: [...base.passages, ...padding.passages],
    // No NLP pass over generated text: its sentences hold no entities.
    features: [...base.features, ...padding.passages.map((passage) => passage.sentences.map(() => 0))],
    generated: padding.passages.length,
  }
}

/** Runs the benchmark. */
export async function runScale(options: ScaleOptions = {}): Promise<ScaleReport> {
  const smoke = options.smoke ?? false
  const sizes = options.sizes ?? (smoke ? [2_000] : [10_000, 100_000])
  const rounds = options.rounds ?? (smoke ? 1 : 5)
  const bundled = await loadCorpusDir(BUNDLED_CORPUS_DIR)
  const scifact = await loadSciFact()
  const testQueries = [...scifact.test.keys()].slice(0, smoke ? 5 : 63).map((id) => scifact.queries.get(id) ?? '')
  const queries = [...BUNDLED_QUESTIONS.map((testCase) => testCase.question), ...testQueries]
  const dir = await mkdtemp(join(tmpdir(), 'bench-scale-'))
  const queriesFile = join(dir, 'queries.json')
  await writeFile(queriesFile, JSON.stringify(queries))
  const reports: SizeReport[] = []
  const real: RealSizeReport[] = []
  let nlpMsPerSentence = 0
  try {
    const realSizes = options.realSizes ?? (smoke ? [200] : [100_000])
    const sentences = realSizes.length > 0 ? await loadRealSentences() : []
    for (const passages of realSizes) {
      real.push(await runRealSize(passages, sentences, queriesFile, dir, rounds))
      options.onReal?.(real[real.length - 1] as RealSizeReport)
    }
    if (sizes.length === 0) return { machine: await machine(), nlpMsPerSentence, queries: queries.length, real, sizes: reports }
    progress('splitting and reading the real articles (wink-nlp)…')
    const prepared = await prepareBase(smoke, bundled, scifact)
    const { base } = prepared
    nlpMsPerSentence = prepared.nlpMsPerSentence
    const synsets = await loadWordNetSynsets()
    // Disagreements, takeaways and examples come from the bundled articles: the generated text has none to find.
    const bundledEngine = createEngine(
      base.articles.filter((article) => base.bundledIds.has(article.id)),
      { synsets },
    )
    const derived = unpackParts(engineToSnapshot(bundledEngine).derived) as EngineDerivedData
    for (const size of sizes) {
      reports.push(await runSize(size, base, synsets, derived, queries, queriesFile, dir, rounds, options.allCompetitors ?? false))
      options.onSize?.(reports[reports.length - 1] as SizeReport)
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  return { machine: await machine(), nlpMsPerSentence, queries: queries.length, real, sizes: reports }
}

/** Passages per file of `writeRealCorpus`'s articles, measured at 1,000 and 5,000 files: about 4. */
const PASSAGES_PER_REAL_FILE = 4

/**
 * One real-text size: the folder written once (cached in `$TMPDIR/bot-bench-corpora`, shared with
 * `bench:scale:build`), built cold in a fresh process, then started from its snapshot in another.
 */
async function runRealSize(passages: number, sentences: readonly string[], queriesFile: string, dir: string, rounds: number): Promise<RealSizeReport> {
  const files = Math.max(1, Math.round(passages / PASSAGES_PER_REAL_FILE))
  const corpusDir = join(tmpdir(), 'bot-bench-corpora', `real-${files}`)
  if (!existsSync(corpusDir) || (await readdir(corpusDir)).length < files) await writeRealCorpus(corpusDir, files, sentences)
  const snapshotDir = join(dir, `real-${files}-snapshots`)
  progress(`real text, ${files.toLocaleString('en')} files: cold build through buildEngineFromDir…`)
  const cold = (await runChild(['--real-child', 'build', corpusDir, snapshotDir])) as Omit<RealSizeReport, 'startMs' | 'heapAfterStartMb' | 'ask' | 'storyTakeaways' | 'storyDisagreements'>
  progress(`  built in ${fmt(cold.buildMs / 1000)} s; starting from the snapshot in a fresh process and timing asks…`)
  const warm = (await runChild(['--real-child', 'start', corpusDir, snapshotDir, queriesFile, String(rounds)])) as Pick<RealSizeReport, 'startMs' | 'heapAfterStartMb' | 'ask' | 'storyTakeaways' | 'storyDisagreements'>
  return { ...cold, ...warm }
}

/** Runs this script in a fresh process with `args`; resolves to the JSON line it prints last. */
async function runChild(args: string[]): Promise<unknown> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--max-old-space-size=8000', '--import', 'tsx', fileURLToPath(import.meta.url), ...args], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    maxBuffer: 1 << 24,
  })
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}')
}

/** The child's side of a real-text size: `build` (cold, every stage timed) or `start` (from the snapshot, then latencies). */
async function realChild(mode: string, corpusDir: string, snapshotDir: string, queriesFile: string, rounds: number): Promise<unknown> {
  const stages: Partial<Record<BuildStage, number>> = {}
  let heapAfterBuildMb = 0
  const onStage = (stage: BuildStage, ms: number) => {
    stages[stage] = ms
    // The last stage: the heap now holds the built engine, before the snapshot is written.
    if (stage === 'examples') heapAfterBuildMb = memoryMb()
  }
  const startedAt = performance.now()
  const { engine, articles, timings } = await buildEngineFromDir(corpusDir, { onStage }, { dir: snapshotDir })
  const startMs = performance.now() - startedAt
  if (mode === 'build') {
    if (timings.from !== 'build') throw new Error(`${snapshotDir} already held a snapshot: not a cold build`)
    return {
      files: articles,
      passages: engine.sources().reduce((sum, summary) => sum + summary.passages, 0),
      stories: engine.stories().length,
      readMs: timings.loadMs,
      thesaurusMs: timings.thesaurusMs,
      stages,
      buildMs: timings.indexMs,
      snapshotWriteMs: timings.snapshotWriteMs ?? 0,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      heapAfterBuildMb,
    }
  }
  if (timings.from !== 'snapshot') throw new Error(`no snapshot in ${snapshotDir}: the second start built again`)
  const heapAfterStartMb = memoryMb()
  const queries = JSON.parse(await readFile(queriesFile, 'utf8')) as string[]
  // Stories spread over the corpus, largest first and then every so often, each asked once cold:
  // the first read of a story's takeaways decodes them from the snapshot.
  const stories = engine.stories()
  const step = Math.max(1, Math.floor(stories.length / 50))
  const sample = stories.filter((_, i) => i % step === 0).slice(0, 50)
  const once = (run: (id: string) => unknown) =>
    summarize(
      sample.map((story) => {
        const at = performance.now()
        run(story.id)
        return performance.now() - at
      }),
    )
  const storyTakeaways = once((storyId) => engine.takeaways({ storyId }))
  const storyDisagreements = once((storyId) => engine.disagreements({ storyId }))
  const ask = timeEach(queries, rounds, (query) => engine.ask(query))
  return { startMs, heapAfterStartMb, ask, storyTakeaways, storyDisagreements }
}

async function runSize(
  size: number,
  base: Base,
  synsets: string[][],
  derived: EngineDerivedData,
  queries: string[],
  queriesFile: string,
  dir: string,
  rounds: number,
  allCompetitors: boolean,
): Promise<SizeReport> {
  let corpus: ReturnType<typeof corpusOfSize> | undefined = corpusOfSize(base, size)
  const { articles, passages, features, generated } = corpus
  corpus = undefined
  const systems: SystemFigures[] = []

  progress(`${size.toLocaleString('en')} passages: building the engine…`)
  const builtAt = performance.now()
  const index = buildCorpusIndex(articles, passages, {}, synsets, features)
  const engine = createEngineFromIndex(index, {}, derived)
  const buildMs = performance.now() - builtAt
  const file = join(dir, `snapshot-${size}.jsonl`)
  const snapshotBytes = await writeSnapshotFile(file, engineToSnapshot(engine))
  progress(`  snapshot written (${(snapshotBytes / 1024 / 1024).toFixed(0)} MB); loading it in a fresh process and timing asks…`)
  const child = await loadInFreshProcess(file, queriesFile, rounds)
  await rm(file, { force: true })
  systems.push({ name: 'this engine: ask (stages skipped: grafted disagreements, takeaways)', buildMs, heapMb: child.heapMb, heapAfterAsksMb: child.heapAfterAsksMb, ask: child.ask, snapshotMb: snapshotBytes / 1024 / 1024, loadMs: child.loadMs })
  systems.push({ name: 'this engine: search (BM25, top 10)', search: child.search })

  // The others, one at a time, each measured from a clean heap.
  const titleOf = new Map(articles.map((article) => [article.id, article.title]))
  const documents = () => passages.map((passage, i) => ({ id: i, title: titleOf.get(passage.sourceId) ?? '', text: passage.text }))
  const competitors = allCompetitors || size <= 100_000
  const skipped = 'skipped above 100,000 passages (--all-competitors runs it)'
  // lunr builds an object per posting: at 100,000 passages it was still building after 8 minutes, at 3 GB, here.
  const lunrToo = allCompetitors || size <= 20_000
  // minisearch takes about a third of a second a query at 100,000 passages: fewer rounds keep the run to minutes.
  const otherRounds = size >= 100_000 ? Math.min(rounds, 2) : rounds
  systems.push(
    competitors
      ? measure('plain minisearch (default options)', otherRounds, queries, () => {
          const mini = new MiniSearch({ fields: ['title', 'text'] })
          mini.addAll(documents())
          return (query) => mini.search(query).slice(0, 10)
        })
      : { name: 'plain minisearch (default options)', note: skipped },
  )
  systems.push(
    lunrToo
      ? measure('lunr 2.3.9', otherRounds, queries, () => {
          const docs = documents()
          const idx = lunr(function () {
            this.ref('id')
            this.field('title')
            this.field('text')
            for (const doc of docs) this.add(doc)
          })
          // lunr's query syntax treats ":", "~", "^", "+", "-" specially: pass terms, not a query string.
          return (query) =>
            idx
              .query((q) => {
                for (const token of lunr.tokenizer(query)) q.term(token.toString(), {})
              })
              .slice(0, 10)
        })
      : { name: 'lunr 2.3.9', note: 'skipped above 20,000 passages: still building after 8 min at 3 GB at 100,000 (--all-competitors runs it)' },
  )
  systems.push(
    competitors
      ? measure('flexsearch 0.8 (default Index; AND of terms, no BM25)', otherRounds, queries, () => {
          const flex = new FlexIndex()
          for (const doc of documents()) flex.add(doc.id, `${doc.title} ${doc.text}`)
          return (query) => flex.search(query, { limit: 10 })
        })
      : { name: 'flexsearch 0.8', note: skipped },
  )
  systems.push(
    measure('floor: BM25 over typed arrays', rounds, queries, () => {
      const floor = buildFloorIndex(documents().map((doc) => [...analyzeForIndex(doc.title), ...analyzeForIndex(doc.text)]))
      return (query) => floor.search(analyzeForIndex(query), 10)
    }),
  )

  const ask = systems[0]?.ask
  const targets: SizeReport['targets'] = []
  const wanted = SCALE_TARGETS[size]
  if (wanted?.askP50Ms !== undefined) targets.push(check('ask p50 (search-only)', wanted.askP50Ms, ask?.p50Ms, 'ms'))
  if (wanted?.askP99Ms !== undefined) targets.push(check('ask p99 (search-only)', wanted.askP99Ms, ask?.p99Ms, 'ms'))
  if (wanted?.heapMb !== undefined) {
    targets.push(check('heap after load (search-only)', wanted.heapMb, child.heapMb, 'MB'))
    targets.push(check('heap after asking (search-only)', wanted.heapMb, child.heapAfterAsksMb, 'MB'))
  }
  if (wanted?.loadMs !== undefined) targets.push(check('snapshot load (search-only)', wanted.loadMs, child.loadMs, 'ms'))
  return { passages: passages.length, articles: articles.length, generatedPassages: generated, systems, targets }
}

function check(name: string, target: number, measured: number | undefined, unit: string) {
  return { name, target: `< ${target} ${unit}`, measured: `${fmt(measured)} ${unit}`, met: measured !== undefined && measured < target }
}

/** Builds one system from a clean heap and times its search over the queries. */
function measure(name: string, rounds: number, queries: string[], build: () => (query: string) => unknown): SystemFigures {
  progress(`  ${name}…`)
  const before = memoryMb()
  const startedAt = performance.now()
  let search: ((query: string) => unknown) | undefined = build()
  const buildMs = performance.now() - startedAt
  const heapMb = memoryMb() - before
  const latency = timeEach(queries, rounds, search)
  search = undefined
  return { name, buildMs, heapMb, search: latency }
}

interface ChildFigures {
  loadMs: number
  heapMb: number
  heapAfterAsksMb: number
  ask: LatencySummary
  search: LatencySummary
}

async function loadInFreshProcess(file: string, queriesFile: string, rounds: number): Promise<ChildFigures> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--max-old-space-size=4096', '--import', 'tsx', fileURLToPath(import.meta.url), '--child', file, queriesFile, String(rounds)],
    { cwd: fileURLToPath(new URL('..', import.meta.url)), maxBuffer: 1 << 20 },
  )
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as ChildFigures
}

/** Reads the snapshot and starts the engine from it; the parsed file is garbage once this returns, as in the bot. */
async function startFromSnapshot(file: string) {
  const snapshot = await readSnapshotFile(file)
  if (!isEngineSnapshot(snapshot)) throw new Error(`${file} is not an engine snapshot`)
  return createEngineFromSnapshot(snapshot)
}

/** The child's side: start from the snapshot, then time asks and searches. */
async function childMain(file: string, queriesFile: string, rounds: number): Promise<ChildFigures> {
  const queries = JSON.parse(await readFile(queriesFile, 'utf8')) as string[]
  const before = memoryMb()
  const startedAt = performance.now()
  const engine = await startFromSnapshot(file)
  const loadMs = performance.now() - startedAt
  const heapMb = memoryMb() - before
  const ask = timeEach(queries, rounds, (query) => engine.ask(query))
  const search = timeEach(queries, rounds, (query) => engine.search(query))
  // After answering: the speller and the caches that questions fill are in by now.
  const heapAfterAsksMb = memoryMb() - before
  return { loadMs, heapMb, heapAfterAsksMb, ask, search }
}

/** The engine's build stages in the order they run, one column each. */
const BUILD_STAGES: readonly BuildStage[] = ['sentences', 'index', 'stories', 'claims', 'takeaways', 'examples']

/** The real-text rows as tables: the build by stage, then the start from the snapshot and latencies. */
function renderReal(rows: readonly RealSizeReport[]): string {
  const s = (ms: number | undefined) => (ms === undefined ? '–' : `${fmt(ms / 1000)} s`)
  const ms = (summary: LatencySummary) => `${fmt(summary.p50Ms)} / ${fmt(summary.p99Ms)}`
  return [
    '# real text through buildEngineFromDir (the path `npm start` takes): recombined SciFact and seed sentences, files on disk',
    '',
    table(
      ['files', 'passages', 'stories', 'read', 'WordNet', ...BUILD_STAGES, 'build', 'snapshot write', 'peak RSS', 'heap built'],
      rows.map((row) => [
        row.files.toLocaleString('en'),
        row.passages.toLocaleString('en'),
        row.stories.toLocaleString('en'),
        s(row.readMs),
        s(row.thesaurusMs),
        ...BUILD_STAGES.map((stage) => s(row.stages[stage])),
        s(row.buildMs),
        s(row.snapshotWriteMs),
        `${row.peakRssMb} MB`,
        `${fmt(row.heapAfterBuildMb)} MB`,
      ]),
    ),
    '',
    table(
      ['passages', 'start from snapshot', 'heap after start', 'ask p50 / p99 ms', '/takeaways --story p50 / p99 ms (first read)', 'disagreements --story p50 / p99 ms'],
      rows.map((row) => [row.passages.toLocaleString('en'), s(row.startMs), `${fmt(row.heapAfterStartMb)} MB`, ms(row.ask), ms(row.storyTakeaways), ms(row.storyDisagreements)]),
    ),
  ].join('\n')
}

/** The report as tables. */
export function renderScale(report: ScaleReport): string {
  const lines = [
    `Scale · Node ${report.machine.node}, ${report.machine.cpus} cores (${report.machine.cpuModel}) · ${report.queries} queries (bundled questions + SciFact test claims)`,
  ]
  if (report.real.length > 0) lines.push('', renderReal(report.real))
  if (report.sizes.length > 0) {
    lines.push(
      '',
      `# ${SEARCH_ONLY}: a comparison of the search alone, not the product's figures`,
      `The NLP pass (wink-nlp sentences and features, ${fmt(report.nlpMsPerSentence, 3)} ms a sentence) ran over the real part only; the stories, claims, takeaways and examples stages did not run (the bundled corpus's are grafted on).`,
    )
  }
  for (const size of report.sizes) {
    const floor = size.systems.find((system) => system.name.startsWith('floor'))?.search?.p50Ms
    lines.push(
      '',
      `## ${SEARCH_ONLY}: ${size.passages.toLocaleString('en')} passages (${size.articles.toLocaleString('en')} articles, ${size.generatedPassages.toLocaleString('en')} passages generated)`,
      table(
        ['system', 'build s', 'heap MB', 'snapshot MB', 'load s', 'p50 ms', 'p99 ms', 'p50 / floor'],
        size.systems.map((system) => {
          const latency = system.ask ?? system.search
          return [
            system.name,
            system.buildMs === undefined ? '' : fmt(system.buildMs / 1000),
            system.heapMb === undefined ? '' : `${fmt(system.heapMb)}${system.heapAfterAsksMb === undefined ? '' : ` (${fmt(system.heapAfterAsksMb)} after asking)`}`,
            system.snapshotMb === undefined ? '' : fmt(system.snapshotMb),
            system.loadMs === undefined ? '' : fmt(system.loadMs / 1000),
            latency ? fmt(latency.p50Ms) : (system.note ?? ''),
            latency ? fmt(latency.p99Ms) : '',
            latency && floor ? `${fmt(latency.p50Ms / floor)}×` : '',
          ]
        }),
      ),
    )
    if (size.targets.length > 0) lines.push('', table(['target', 'wanted', 'measured', 'met'], size.targets.map((target) => [target.name, target.target, target.measured, target.met ? 'yes' : 'NO'])))
  }
  return lines.join('\n')
}

async function main(argv: string[]): Promise<void> {
  const realAt = argv.indexOf('--real-child')
  if (realAt >= 0) {
    const [mode, corpusDir, snapshotDir, queriesFile, rounds] = argv.slice(realAt + 1)
    process.stdout.write(`${JSON.stringify(await realChild(mode ?? '', corpusDir ?? '', snapshotDir ?? '', queriesFile ?? '', Number(rounds ?? 3)))}\n`)
    return
  }
  const childAt = argv.indexOf('--child')
  if (childAt >= 0) {
    process.stdout.write(`${JSON.stringify(await childMain(argv[childAt + 1] ?? '', argv[childAt + 2] ?? '', Number(argv[childAt + 3] ?? 3)))}\n`)
    return
  }
  const sizesAt = argv.indexOf('--sizes')
  const realSizesAt = argv.indexOf('--real-sizes')
  const roundsAt = argv.indexOf('--rounds')
  const report = await runScale({
    smoke: argv.includes('--smoke'),
    allCompetitors: argv.includes('--all-competitors'),
    ...(sizesAt >= 0 ? { sizes: (argv[sizesAt + 1] ?? '').split(',').map(Number).filter((n) => n > 0) } : {}),
    ...(realSizesAt >= 0 ? { realSizes: (argv[realSizesAt + 1] ?? '').split(',').map(Number).filter((n) => n > 0) } : {}),
    ...(roundsAt >= 0 ? { rounds: Number(argv[roundsAt + 1]) } : {}),
    onSize: (size) => progress(`done:\n${renderScale({ machine: { node: '', cpus: 0, cpuModel: '', platform: '' }, nlpMsPerSentence: 0, queries: 0, real: [], sizes: [size] }).split('\n').slice(5).join('\n')}`),
    onReal: (real) => progress(`done:\n${renderReal([real])}`),
  })
  process.stdout.write(argv.includes('--json') ? `${JSON.stringify(report)}\n` : `${renderScale(report)}\n`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exitCode = 1
  })
}
