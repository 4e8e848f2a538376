import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  createEngineFromSnapshot,
  engineToSnapshot,
  isEngineSnapshot,
  loadLanguageModel,
  packEngine,
  packEngineInSteps,
  prepareEngineFromReadings,
  prepareSynsets,
  SNAPSHOT_VERSION,
  type Engine,
  type EngineOptions,
  type EngineSnapshot,
  type Synsets,
} from '../src/index.js'
import { parseCorpusFiles, readCorpusFiles, type CorpusFile } from './load-corpus.js'
import { readWithMemory, type BuildMemory, type ReuseCounts } from './build-memory.js'
import { buildOnThreads } from './rank-takeaways.js'
import { startReadingArticles, threadCount, type ReadThreadsOptions } from './read-articles.js'
import { readSnapshotFile, writeSnapshotFile } from './snapshot-file.js'
import { loadWordNetSynsets } from './wordnet.js'

/** The corpus bundled with the project. */
export const BUNDLED_CORPUS_DIR = fileURLToPath(new URL('../corpus/', import.meta.url))

/** Where snapshots go unless told otherwise: `.cache/` in the project (git-ignored), as `index-<hash>.snap`. */
export const DEFAULT_SNAPSHOT_DIR = fileURLToPath(new URL('../.cache/', import.meta.url))

const SRC_DIR = fileURLToPath(new URL('../src/', import.meta.url))

/** How long each stage of building took, for logs and benchmarks. */
export interface BuildTimings {
  /** Reading and checking the corpus files. */
  loadMs: number
  /** Reading WordNet (0 when the engine came from a snapshot). */
  thesaurusMs: number
  /** Building the index and what the engine derives from it (0 from a snapshot). */
  indexMs: number
  /** Reading and parsing the snapshot and assembling the engine from it (0 for a build). */
  snapshotMs: number
  /** Loading the NLP model questions need, after a snapshot start (a build loads it anyway). */
  modelMs: number
  /** Writing the snapshot after a build (0 when none was written, or when it is written later). */
  snapshotWriteMs?: number
  /** After a cold build, packing what the engine derived for the engine it serves (`packEngine`; part of `indexMs`); absent otherwise. */
  packMs?: number
  /** What a build with a memory of the last one (`BuildMemory`) reused; absent without one. */
  reused?: ReuseCounts
  /** Where the engine came from. */
  from: 'snapshot' | 'build'
}

/** The snapshot cache. A cache that cannot be read or written never stops a start: it is skipped. */
export interface SnapshotCacheOptions {
  /**
   * Folder for `index-<hash>.json` snapshots, or `false` for no cache. Defaults to `SNAPSHOT_DIR`
   * from the environment (`off` disables it), else `DEFAULT_SNAPSHOT_DIR`.
   */
  dir?: string | false
  /** Told when the cache is skipped and why. Defaults to doing nothing. */
  onSkip?: (message: string, error: unknown) => void
  /**
   * Leave the snapshot to write to the caller, through the result's `writeSnapshot`, so that the
   * engine can be put in service first. Defaults to false: the snapshot is written before returning.
   */
  writeLater?: boolean
  /**
   * Serve a cold build's engine before packing what it derived: the result's `engine` is the build's
   * own, and its `packed()` packs it in slices of this thread's time, answering questions between
   * them, for the caller to swap in (as a reload swaps). Defaults to false: `engine` is packed before
   * returning (`packEngine`).
   */
  packLater?: boolean
}

/** A build that starts from the last one: see `BuildMemory`. */
export interface IncrementalBuildOptions {
  /** What the last build left; this build reads it and replaces it with its own. */
  memory: BuildMemory
  /**
   * Whether a story whose articles are unchanged keeps its takeaways from the last build. Defaults
   * to true; false ranks every story again (still reading only new and changed articles).
   */
  reuseStories?: boolean
}

/** What `buildEngineFromDir` returns. */
export interface BuiltEngine {
  engine: Engine
  articles: number
  timings: BuildTimings
  /**
   * With `writeLater`, after a build: writes its snapshot, `snapshot` when the caller has already
   * taken it with `engineToSnapshot` (never rejects; a failure goes to `onSkip`).
   */
  writeSnapshot?: (snapshot?: EngineSnapshot) => Promise<void>
  /**
   * With `packLater`, after a cold build: packs `engine` (`packEngineInSlices`) and resolves with the
   * packed engine, which answers as `engine` does; the same promise on every call. `writeSnapshot`
   * writes the packed engine's snapshot, so it waits for the packing. Sets `timings.packMs`.
   */
  packed?: () => Promise<Engine>
}

/**
 * Reads a corpus folder and builds the engine over it, with WordNet query expansion. With the
 * snapshot cache on (the default), an engine built once for the same corpus, code and options is
 * read back from its snapshot instead of being rebuilt. A build reads the articles' sentences on
 * `threads` (by default one per core, for a corpus large enough to gain from it), then merges them,
 * and, with `threads.takeaways`, ranks the stories' takeaways on as many threads (`buildOnThreads`).
 * With the `memory` of the previous build (a long-lived build thread keeps one), only new and changed
 * articles are read and only the stories they touch get their takeaways ranked again.
 */
export async function buildEngineFromDir(
  dir: string,
  options: EngineOptions = {},
  cache: SnapshotCacheOptions = {},
  threads: ReadThreadsOptions = {},
  incremental?: IncrementalBuildOptions,
): Promise<BuiltEngine> {
  const startedAt = performance.now()
  const files = await readCorpusFiles(dir)
  const cacheDir = cache.dir ?? snapshotDirFromEnv()
  const onSkip = cache.onSkip ?? (() => {})
  const file = cacheDir === false ? undefined : join(cacheDir, `index-${await snapshotKey(files, options)}.snap`)

  if (file) {
    const readAt = performance.now()
    // Files exactly as they were when the snapshot was written parsed without error then, and
    // would again: a start from the snapshot need not check them.
    const engine = await readSnapshot(file, onSkip)
    if (engine) {
      const modelAt = performance.now()
      // Now rather than at the first question, which would otherwise wait about 100 ms for it.
      loadLanguageModel()
      const timings = { loadMs: readAt - startedAt, thesaurusMs: 0, indexMs: 0, snapshotMs: modelAt - readAt, modelMs: performance.now() - modelAt, from: 'snapshot' as const }
      return { engine, articles: files.length, timings }
    }
  }
  // Every file is checked before anything is built, so a broken one is named at once, not after a long build.
  const articles = parseCorpusFiles(files)
  const loadMs = performance.now() - startedAt
  const thesaurusAt = performance.now()
  const memory = incremental?.memory
  // The one pass of the NLP library over every sentence, spread across threads; the rest builds here.
  // A cold build starts the helper threads first: they load the code while this thread reads WordNet.
  const reading = memory ? undefined : startReadingArticles(articles, options.passages, threads)
  let synsets: Synsets
  try {
    // A long-lived build thread reads WordNet once, for its first build.
    synsets = options.synsets ?? memory?.synsets ?? (await loadWordNetSynsets())
  } catch (error) {
    await reading?.cancel()
    throw error
  }
  if (memory) memory.synsets = synsets
  const indexAt = performance.now()
  const remembered = memory ? await readWithMemory(memory, dir, files, articles, options.passages, threads, incremental?.reuseStories ?? true) : undefined
  // What the index needs of WordNet alone is worked out while the helper threads finish their shares.
  const read = remembered?.read ?? (await (reading ?? startReadingArticles(articles, options.passages, threads)).finish(() => prepareSynsets(synsets)))
  options.onStage?.('sentences', performance.now() - indexAt)
  // With `threads.takeaways`, takeaways are ranked on as many threads as the reading; a rebuild,
  // which ranks only the stories a change touched, ranks them here.
  // A cold build's readings are its own, to drop; a rebuild's are its memory's, kept for the next one.
  const prepare = () => prepareEngineFromReadings(articles, read, { ...options, synsets }, remembered?.reuse, !remembered)
  const built = await buildOnThreads(prepare, articles, remembered || !threads.takeaways ? 1 : threadCount(articles, threads))
  remembered?.remember(built)
  const packAt = performance.now()
  // A cold build's engine is served as a start from its snapshot (or a reload, whose engine comes
  // from the build thread as a snapshot) serves it: what it derived packed, decoded on first use.
  // The bot then holds about a third of the heap, and no objects that only the build needed.
  const packLater = !remembered && cache.packLater === true
  const engine = remembered || packLater ? built : packEngine(built)
  const builtAt = performance.now()
  const timings: BuildTimings = {
    loadMs,
    thesaurusMs: indexAt - thesaurusAt,
    indexMs: builtAt - indexAt,
    snapshotMs: 0,
    modelMs: 0,
    snapshotWriteMs: 0,
    from: 'build',
    ...(remembered || packLater ? {} : { packMs: builtAt - packAt }),
    ...(remembered ? { reused: remembered.counts } : {}),
  }
  // Takeaways kept from before a change are not a cold build's: such an engine is never stored, or
  // the settling build (and every start) would read it back for this corpus.
  if (remembered?.counts.settled === false) return { engine, articles: articles.length, timings }
  const packed = packLater ? laterPacker(engine, timings) : undefined
  if (file && cache.writeLater) return { engine, articles: articles.length, timings, writeSnapshot: laterSnapshotWriter(file, packed ?? engine, onSkip), ...(packed ? { packed } : {}) }
  const written = file && packed ? await packed() : engine
  const writeAt = performance.now()
  if (file) await writeSnapshot(file, written, onSkip)
  timings.snapshotWriteMs = file ? performance.now() - writeAt : 0
  return { engine, articles: articles.length, timings, ...(packed ? { packed } : {}) }
}

/** How long packing holds this thread at a time before letting it answer what waits (`packEngineInSlices`). */
export const DEFAULT_PACK_SLICE_MS = 20

/**
 * `packEngine(engine)`, run in slices of at most about `sliceMs` of this thread (a step, one story's
 * takeaways or the claims, is never cut), each after a turn of the event loop, so that questions
 * asked of `engine` meanwhile are answered. The first slice waits for a turn too. Defaults to
 * `DEFAULT_PACK_SLICE_MS`.
 */
export async function packEngineInSlices(engine: Engine, sliceMs = DEFAULT_PACK_SLICE_MS): Promise<Engine> {
  const steps = packEngineInSteps(engine)
  for (;;) {
    await new Promise<void>((resolve) => setImmediate(resolve))
    const sliceEnd = performance.now() + sliceMs
    let step = steps.next()
    while (!step.done && performance.now() < sliceEnd) step = steps.next()
    if (step.done) return step.value
  }
}

/**
 * `BuiltEngine.packed`, made out here for the reason `laterSnapshotWriter` is. It lets go of the
 * unpacked engine once packed, so that only the caller's references keep the build's objects.
 */
function laterPacker(engine: Engine, timings: BuildTimings): NonNullable<BuiltEngine['packed']> {
  let unpacked: Engine | undefined = engine
  let packing: Promise<Engine> | undefined
  return () => {
    // The first call takes the unpacked engine: the steps packing it hold it until they are done.
    if (unpacked) {
      const startedAt = performance.now()
      packing = packEngineInSlices(unpacked).then((packed) => {
        timings.packMs = performance.now() - startedAt
        return packed
      })
      unpacked = undefined
    }
    return packing ?? Promise.reject(new Error('packed: no engine to pack'))
  }
}

function snapshotDirFromEnv(): string | false {
  const fromEnv = process.env.SNAPSHOT_DIR
  if (fromEnv === 'off' || fromEnv === '0' || fromEnv === 'false') return false
  return fromEnv || DEFAULT_SNAPSHOT_DIR
}

/**
 * The cache key: a hash over the snapshot format, the core's source code, the corpus files (names
 * and contents, as read) and the options, so that any change to code or corpus builds afresh.
 */
export async function snapshotKey(files: readonly CorpusFile[], options: EngineOptions): Promise<string> {
  const hash = createHash('sha256')
  hash.update(`snapshot v${SNAPSHOT_VERSION}\n`)
  // Subfolders too (src/claims/): a change to any of the core's code must build afresh.
  for (const name of (await readdir(SRC_DIR, { recursive: true })).filter((entry) => entry.endsWith('.ts')).sort()) {
    hash.update(`${name}\n`)
    hash.update(await readFile(join(SRC_DIR, name)))
  }
  for (const { file, content } of files) {
    // Lengths first, so that no two different folders hash alike by moving text between files.
    hash.update(`${basename(file).length}:${basename(file)}${content.length}:`)
    hash.update(content)
  }
  hash.update(JSON.stringify(options))
  return hash.digest('hex').slice(0, 24)
}

async function readSnapshot(file: string, onSkip: NonNullable<SnapshotCacheOptions['onSkip']>): Promise<Engine | undefined> {
  let snapshot: unknown
  try {
    snapshot = await readSnapshotFile(file)
  } catch (error) {
    // No snapshot yet is the normal first start; anything else is worth saying.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') onSkip(`cannot read the index snapshot ${file}; rebuilding`, error)
    return undefined
  }
  try {
    if (!isEngineSnapshot(snapshot)) {
      onSkip(`the index snapshot ${file} has another format; rebuilding`, undefined)
      return undefined
    }
    return createEngineFromSnapshot(snapshot)
  } catch (error) {
    onSkip(`the index snapshot ${file} is damaged; rebuilding`, error)
    return undefined
  }
}

/**
 * `BuiltEngine.writeSnapshot`, made out here: a closure made in `buildEngineFromDir` would keep alive
 * every variable of it that a closure there reads, the build's sentence readings among them.
 */
function laterSnapshotWriter(file: string, engine: Engine | (() => Promise<Engine>), onSkip: NonNullable<SnapshotCacheOptions['onSkip']>): NonNullable<BuiltEngine['writeSnapshot']> {
  return async (snapshot) => writeSnapshot(file, typeof engine === 'function' ? await engine() : engine, onSkip, snapshot)
}

/** Writes `snapshot`, else `engine`'s (a caller that has already taken it need not take it twice). */
async function writeSnapshot(file: string, engine: Engine, onSkip: NonNullable<SnapshotCacheOptions['onSkip']>, snapshot?: EngineSnapshot): Promise<void> {
  try {
    await mkdir(join(file, '..'), { recursive: true })
    await writeSnapshotFile(file, snapshot ?? engineToSnapshot(engine))
  } catch (error) {
    onSkip(`cannot write the index snapshot ${file}; starting without it`, error)
    return
  }
  await pruneSnapshots(join(file, '..'), onSkip)
}

/** Snapshots kept in a cache folder: a few corpora (the CLI's `--corpus`) can share it without rebuilding. */
const KEPT_SNAPSHOTS = 4

/** Every code or corpus change writes a new snapshot: delete all but the newest few, so the cache stays small. */
async function pruneSnapshots(dir: string, onSkip: NonNullable<SnapshotCacheOptions['onSkip']>): Promise<void> {
  try {
    const names = (await readdir(dir)).filter((name) => /^index-[0-9a-f]+\.(?:snap|jsonl?)$/.test(name))
    const dated = await Promise.all(names.map(async (name) => ({ name, mtimeMs: (await stat(join(dir, name))).mtimeMs })))
    dated.sort((a, b) => b.mtimeMs - a.mtimeMs)
    await Promise.all(dated.slice(KEPT_SNAPSHOTS).map(({ name }) => rm(join(dir, name), { force: true })))
  } catch (error) {
    onSkip(`cannot prune old index snapshots in ${dir}`, error)
  }
}
