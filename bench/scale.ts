import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { Index as FlexIndex } from 'flexsearch'
import lunr from 'lunr'
import MiniSearch from 'minisearch'
import { BUNDLED_CORPUS_DIR } from '../adapters/build-engine.js'
import { loadCorpusDir } from '../adapters/load-corpus.js'
import { readSnapshotFile, writeSnapshotFile } from '../adapters/snapshot-file.js'
import { loadWordNetSynsets } from '../adapters/wordnet.js'
import { createEngineFromIndex, type EngineDerivedData } from '../src/engine.js'
import { createEngine, createEngineFromSnapshot, engineToSnapshot, isEngineSnapshot, type ArticleInput, type Passage } from '../src/index.js'
import { splitPassages } from '../src/passages.js'
import { analyzeForIndex, buildCorpusIndex, sentenceFeaturesOf } from '../src/search.js'
import { decodeValue } from '../src/snapshot.js'
import { BUNDLED_QUESTIONS } from '../test/core/bundled-questions.js'
import { buildFloorIndex } from './floor.js'
import { createWordSampler, generateCorpus, seededRandom } from './generate-corpus.js'
import { loadSciFact } from './scifact.js'
import { fmt, machine, table, timeEach, type LatencySummary } from './stats.js'

/**
 * `npm run bench:scale`: the engine at 10,000 and 100,000 passages (1,000,000 with
 * `--sizes 1000000`), made of the bundled articles and SciFact's abstracts, padded with generated
 * text whose word frequencies follow theirs. At each size: index build time, snapshot size and load
 * time, heap after load, and p50/p99 of a bare search and of a whole `ask`, side by side with plain
 * minisearch (default options), lunr, flexsearch and a minimal BM25 over typed arrays (the floor),
 * all on the same passages in the same run. The engine is measured in a fresh process started from
 * its snapshot, as a bot starts, so its heap holds nothing else.
 * Flags: `--sizes 10000,100000`, `--json`, `--smoke` (seconds, for CI), `--rounds N`,
 * `--all-competitors` (also run the others above 100,000 passages, where minisearch needs 2 GB).
 */

/** Targets from issue 8, by size. */
export const SCALE_TARGETS: Record<number, { askP50Ms?: number; askP99Ms?: number; heapMb?: number; loadMs?: number }> = {
  100_000: { askP50Ms: 20, askP99Ms: 60, heapMb: 300 },
  1_000_000: { askP50Ms: 100, heapMb: 1536, loadMs: 10_000 },
}

export interface ScaleOptions {
  /** Corpus sizes in passages. Defaults to 10,000 and 100,000 (2,000 when `smoke`). */
  sizes?: number[]
  /** Timing rounds over the query set. Defaults to 5 (1 when `smoke`). */
  rounds?: number
  /** Tiny run for CI: the bundled corpus and 200 abstracts. Defaults to `false`. */
  smoke?: boolean
  /** Run minisearch, lunr and flexsearch above 100,000 passages too (lunr above 20,000). Defaults to `false`. */
  allCompetitors?: boolean
  /** Called with each size's figures as soon as they are measured. */
  onSize?: (report: SizeReport) => void
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

export interface ScaleReport {
  machine: Awaited<ReturnType<typeof machine>>
  nlpMsPerSentence: number
  queries: number
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
async function prepareBase(smoke: boolean): Promise<{ base: Base; nlpMsPerSentence: number; queries: string[] }> {
  const bundled = await loadCorpusDir(BUNDLED_CORPUS_DIR)
  const scifact = await loadSciFact()
  const abstracts = smoke ? scifact.articles.slice(0, 200) : scifact.articles
  const articles = [...bundled, ...abstracts]
  const startedAt = performance.now()
  const passages = articles.flatMap((article) => splitPassages(article.id, article.text))
  const features = passages.map((passage) => sentenceFeaturesOf(passage))
  const sentences = passages.reduce((sum, passage) => sum + passage.sentences.length, 0)
  const nlpMsPerSentence = (performance.now() - startedAt) / sentences
  const testQueries = [...scifact.test.keys()].slice(0, smoke ? 5 : 63).map((id) => scifact.queries.get(id) ?? '')
  const queries = [...BUNDLED_QUESTIONS.map((testCase) => testCase.question), ...testQueries]
  return { base: { articles, passages, features, bundledIds: new Set(bundled.map((article) => article.id)) }, nlpMsPerSentence, queries }
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
  progress('splitting and reading the real articles (wink-nlp)…')
  const { base, nlpMsPerSentence, queries } = await prepareBase(smoke)
  const synsets = await loadWordNetSynsets()
  // Disagreements, takeaways and examples come from the bundled articles: the generated text has none to find.
  const bundledEngine = createEngine(
    base.articles.filter((article) => base.bundledIds.has(article.id)),
    { synsets },
  )
  const derived = decodeValue(engineToSnapshot(bundledEngine).derived) as EngineDerivedData
  const dir = await mkdtemp(join(tmpdir(), 'bench-scale-'))
  const queriesFile = join(dir, 'queries.json')
  await writeFile(queriesFile, JSON.stringify(queries))
  const reports: SizeReport[] = []
  try {
    for (const size of sizes) {
      reports.push(await runSize(size, base, synsets, derived, queries, queriesFile, dir, rounds, options.allCompetitors ?? false))
      options.onSize?.(reports[reports.length - 1] as SizeReport)
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  return { machine: await machine(), nlpMsPerSentence, queries: queries.length, sizes: reports }
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
  systems.push({ name: 'this engine: ask (whole pipeline)', buildMs, heapMb: child.heapMb, heapAfterAsksMb: child.heapAfterAsksMb, ask: child.ask, snapshotMb: snapshotBytes / 1024 / 1024, loadMs: child.loadMs })
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
  if (wanted?.askP50Ms !== undefined) targets.push(check('ask p50', wanted.askP50Ms, ask?.p50Ms, 'ms'))
  if (wanted?.askP99Ms !== undefined) targets.push(check('ask p99', wanted.askP99Ms, ask?.p99Ms, 'ms'))
  if (wanted?.heapMb !== undefined) {
    targets.push(check('heap after load', wanted.heapMb, child.heapMb, 'MB'))
    targets.push(check('heap after asking', wanted.heapMb, child.heapAfterAsksMb, 'MB'))
  }
  if (wanted?.loadMs !== undefined) targets.push(check('snapshot load', wanted.loadMs, child.loadMs, 'ms'))
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

/** The report as tables. */
export function renderScale(report: ScaleReport): string {
  const lines = [
    `Scale · Node ${report.machine.node}, ${report.machine.cpus} cores (${report.machine.cpuModel}) · ${report.queries} queries (bundled questions + SciFact test claims)`,
    `NLP pass (wink-nlp sentences and features) on the real part: ${fmt(report.nlpMsPerSentence, 3)} ms a sentence; generated padding skips it.`,
  ]
  for (const size of report.sizes) {
    const floor = size.systems.find((system) => system.name.startsWith('floor'))?.search?.p50Ms
    lines.push(
      '',
      `## ${size.passages.toLocaleString('en')} passages (${size.articles.toLocaleString('en')} articles, ${size.generatedPassages.toLocaleString('en')} passages generated)`,
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
  const childAt = argv.indexOf('--child')
  if (childAt >= 0) {
    process.stdout.write(`${JSON.stringify(await childMain(argv[childAt + 1] ?? '', argv[childAt + 2] ?? '', Number(argv[childAt + 3] ?? 3)))}\n`)
    return
  }
  const sizesAt = argv.indexOf('--sizes')
  const roundsAt = argv.indexOf('--rounds')
  const report = await runScale({
    smoke: argv.includes('--smoke'),
    allCompetitors: argv.includes('--all-competitors'),
    ...(sizesAt >= 0 ? { sizes: (argv[sizesAt + 1] ?? '').split(',').map(Number).filter((n) => n > 0) } : {}),
    ...(roundsAt >= 0 ? { rounds: Number(argv[roundsAt + 1]) } : {}),
    onSize: (size) => progress(`done:\n${renderScale({ machine: { node: '', cpus: 0, cpuModel: '', platform: '' }, nlpMsPerSentence: 0, queries: 0, sizes: [size] }).split('\n').slice(3).join('\n')}`),
  })
  process.stdout.write(argv.includes('--json') ? `${JSON.stringify(report)}\n` : `${renderScale(report)}\n`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exitCode = 1
  })
}
