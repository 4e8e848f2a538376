import type { Engine } from '../src/index.js'
import type { AdapterDeps, AdapterName } from './answering.js'
import type { RunningNewsroom } from './articles/start-newsroom.js'
import { buildEngineFromDir } from './build-engine.js'
import { startWarmUp, type WarmUpRun } from './warm-up.js'
import { createBuildWorker, type BuildWorker } from './build-worker.js'
import { readConfig, type AppConfig } from './config.js'
import { startHealthServer, type HealthServer, type Readiness } from './health.js'
import type { RunningShardProcesses } from './discord/shard-processes.js'
import type { RunningAdapter } from './lifecycle.js'
import { createLogger, type Logger } from './logger.js'
import { createMetrics, type AppMetrics } from './metrics.js'
import { shareCorpusReloads, type ReloadAnnouncements } from './reload-announcements.js'
import { createCorpusReloader, type CorpusReloader } from './reload.js'
import type { KeyValueStore } from './store/store.js'
import { startTerminalChat } from './terminal/chat.js'
import { createConversationServices } from './conversation/services.js'

/**
 * Everything must be stopped within 10 s of SIGTERM (Docker's and Kubernetes' default grace
 * period before SIGKILL); the adapters drain within 8 s, this is the last resort.
 */
const STOP_DEADLINE_MS = 9_500

/** Longest wait for pino to write its last lines before exiting. */
const LOG_FLUSH_MS = 500

/** The chat adapters whose credentials are set, in start order. */
function chatAdaptersOf(config: AppConfig): AdapterName[] {
  return [...(config.telegram ? (['telegram'] as const) : []), ...(config.discord ? (['discord'] as const) : [])]
}

/**
 * The composition root: reads the config once, creates the logger, starts the health server at
 * once, builds the index, then starts every chat adapter whose credentials are set, or the
 * terminal chat when none is. Stops gracefully on SIGTERM/SIGINT and reloads the corpus on SIGHUP
 * (and on file changes with `CORPUS_WATCH=1`).
 */
async function main(): Promise<void> {
  const parsed = readConfig()
  if (!parsed.ok) exitWithMessage(parsed.message)
  const config = asShardProcess(parsed.config)
  const chatAdapters = chatAdaptersOf(config)
  const chatMode = chatAdapters.length === 0
  const logger = createProcessLogger(config, chatMode)
  const metrics = createMetrics()
  const app = createApp({ config, logger, metrics, expected: chatMode ? ['terminal'] : chatAdapters })
  if (process.env.SHARDING_MANAGER === 'true') {
    const { SHARD_METRICS_GLOBAL, SHARD_READINESS_GLOBAL } = await import('./discord/shard-processes.js')
    // The manager process asks for these with `eval` to serve one /metrics, /healthz and /readyz for all.
    Object.assign(globalThis, { [SHARD_METRICS_GLOBAL]: () => metrics.registry.getMetricsAsJSON(), [SHARD_READINESS_GLOBAL]: app.readiness })
  }

  process.on('SIGTERM', () => void app.stop('SIGTERM'))
  process.on('SIGINT', () => void app.stop('SIGINT'))
  process.on('SIGHUP', () => void app.reload('SIGHUP'))
  stopWhenOrphaned(() => void app.stop('SIGTERM'))
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'))
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception: exiting')
    void flushLogs(logger).finally(() => process.exit(1))
  })

  const { corpusDir, port, corpusWatch, snapshotDir } = config
  logger.info({ adapters: chatMode ? ['terminal'] : chatAdapters, corpusDir, port, corpusWatch, snapshotDir }, 'starting')
  await app.start()
}

/**
 * In a Discord shard process started by `DISCORD_SHARD_PROCESSES` (discord.js's ShardingManager
 * sets `SHARDING_MANAGER`, and `SHARDS` to this process's shard ids as JSON), the shards to run
 * come from the manager.
 */
function asShardProcess(config: AppConfig): AppConfig {
  if (process.env.SHARDING_MANAGER !== 'true' || config.discord === undefined) return config
  const shardIds = [JSON.parse(process.env.SHARDS ?? '[0]') as number | number[]].flat()
  const shardCount = Number(process.env.SHARD_COUNT ?? shardIds.length)
  return { ...config, discord: { ...config.discord, sharding: { mode: 'fixed', shardIds, shardCount } } }
}

/**
 * `npm start` puts npm and a shell between a process manager and this process, and npm does not
 * pass SIGTERM on: a manager that signals only npm's pid would leave the bot running. When the
 * parent goes away, this process is re-parented, and it stops as if it had received SIGTERM.
 */
function stopWhenOrphaned(stop: () => void, intervalMs = 1000): void {
  const parent = process.ppid
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(timer)
      stop()
    }
  }, intervalMs)
  timer.unref()
}

interface AppOptions {
  config: AppConfig
  logger: Logger
  metrics: AppMetrics
  /** The adapters `/readyz` waits for. */
  expected: AdapterName[]
}

/** The running process: its engine, adapters and servers, and the transitions between them. */
function createApp({ config, logger, metrics, expected }: AppOptions) {
  let engine: Engine | undefined
  let health: HealthServer | undefined
  let reloader: CorpusReloader | undefined
  let buildWorker: BuildWorker | undefined
  let newsroom: RunningNewsroom | undefined
  /** Shared with other processes when `REDIS_URL` is set; otherwise each adapter keeps its state in memory. */
  let store: KeyValueStore | undefined
  let announcements: ReloadAnnouncements | undefined
  /** Closes the vote store's own connection (Redis), when the chat apps opened one. */
  let closeVotes: (() => Promise<void>) | undefined
  /** Set when Discord runs in shard processes: /metrics merges theirs. */
  let shardProcesses: RunningShardProcesses | undefined
  const adapters: RunningAdapter[] = []
  let stopping: Promise<void> | undefined

  const deps: AdapterDeps = {
    getEngine() {
      // Adapters start only after the index is built, so this is a bug, not a state.
      if (engine === undefined) throw new Error('getEngine called before the index was built')
      return engine
    },
    logger,
    metrics: metrics.questions,
  }

  const readiness = (): Readiness => {
    const checks: Record<string, boolean> = { index: engine !== undefined }
    for (const name of expected) checks[name] = adapters.find((adapter) => adapter.name === name)?.isReady() ?? false
    // While stopping, report not ready so a load balancer sends no more traffic here.
    checks.accepting = stopping === undefined
    // Redis down costs buttons and shared limits, never answers: degraded, still ready.
    const processes = shardProcesses?.health()
    const degraded = [...new Set([...(store?.health() === 'degraded' ? ['redis'] : []), ...(processes ?? []).flatMap((child) => child.degraded)])]
    // A process that missed a reload announcement catches up when probed.
    announcements?.catchUp()
    return { ready: Object.values(checks).every(Boolean), checks, ...(degraded.length > 0 ? { degraded } : {}), ...(processes ? { processes } : {}) }
  }

  // A snapshot cache that cannot be used only makes the start slower: say so, and go on.
  const snapshotCache = { dir: config.snapshotDir, onSkip: (message: string, error: unknown) => logger.warn({ err: error }, message) }
  // A first start serves as soon as the engine is built; the engine packed for serving (a third of
  // the heap) is swapped in, and the snapshot that makes the next start fast is written, once the
  // adapters are up (`finishFirstStart`).
  const build = (dir: string) => buildEngineFromDir(dir, {}, { ...snapshotCache, writeLater: true, packLater: true })
  /** The snapshot write a first start left running: a stop waits for it, so the next start finds the file. */
  let snapshotWrite: Promise<void> | undefined
  /** The start's warm-up questions (chat apps only), stopped by a stop. */
  let warmUp: WarmUpRun | undefined

  const useEngine = (next: Engine) => {
    // One assignment: a question already running keeps the engine it got from getEngine().
    const previous = engine
    engine = next
    metrics.setCorpus(next.sources())
    newsroom?.newsroom.onEngineSwap(previous, next)
  }

  async function start(): Promise<void> {
    if (config.port !== 0) {
      try {
        const registry = {
          contentType: metrics.registry.contentType,
          metrics: () => shardProcesses?.metrics(metrics.registry) ?? metrics.registry.metrics(),
        }
        // A manager of shard processes lists them at /healthz too.
        const liveness = config.discord?.processes === undefined ? undefined : () => ({ processes: shardProcesses?.health() ?? [] })
        health = await startHealthServer({ port: config.port, readiness, registry, logger, ...(liveness ? { liveness } : {}) })
        logger.info({ port: health.port }, 'health server listening: /healthz, /readyz, /metrics')
      } catch (error) {
        // A person chatting in a terminal does not need probes; a bot in a container does.
        if (expected.includes('terminal')) logger.warn({ problem: (error as Error).message }, 'no health server')
        else return failStart(error)
      }
    }

    if (config.store) {
      // Never fails the start: an unreachable Redis is retried in the background (and logged).
      // Imported on demand: one process without Redis need not load ioredis.
      const [{ createRedisStore }, { createStoreMetrics }] = await Promise.all([import('./store/redis.js'), import('./store/metrics.js')])
      store = await createRedisStore({ ...config.store, logger, metrics: createStoreMetrics(metrics.registry) })
    }

    // One build thread for the process's life. Other processes reload from the snapshot this one
    // announces: with them, it is written first.
    const worker = (buildWorker = createBuildWorker({ logger, snapshotFirst: store !== undefined }))
    // Reads the corpus ahead (WordNet, each article's reading) while the index is built or loaded
    // here, so that even the first reload, often a feed item's seconds after the start, reads only
    // what changed.
    void worker.warm(config.corpusDir).then(
      ({ articles, durationMs }) => logger.info({ articles, durationMs: Math.round(durationMs) }, 'build thread has read the corpus'),
      (error: unknown) => {
        if (!stopping) logger.warn({ err: error }, 'the build thread could not read the corpus ahead; the first reload reads it all')
      },
    )
    let later: Awaited<ReturnType<typeof buildAndServe>>
    try {
      later = await buildAndServe()
    } catch (error) {
      return failStart(error)
    }
    const { packed, writeSnapshot } = later
    if (stopping) return

    // Off this thread, on the build thread: the running engine goes on answering while the new one
    // builds, and a reload reads only the articles added or changed since.
    reloader = createCorpusReloader({
      dir: config.corpusDir,
      build: (dir, mode) => worker.build(dir, snapshotCache, mode),
      swap: useEngine,
      logger,
      onResult: (result) => metrics.recordReload(result),
    })
    if (config.corpusWatch) reloader.watch()
    const { reload: reloadCorpus } = reloader
    // Imported on demand, like the chat adapters: the page and feed readers are not needed to read the config.
    const { startNewsroom } = await import('./articles/start-newsroom.js')
    newsroom = startNewsroom({ settings: config.articles, corpusDir: config.corpusDir, snapshotDir: config.snapshotDir, reload: reloadCorpus, getEngine: deps.getEngine, logger, registry: metrics.registry, ...(store ? { store } : {}) })
    deps.newsroom = newsroom.newsroom
    if (store) {
      announcements = shareCorpusReloads(store, reloader, logger)
      await announcements.start()
    }

    if (expected.includes('terminal')) {
      const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY)
      // `npm start | head`: the reader left, so there is no one to answer.
      process.stdout.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') void stop('stdout closed')
        else logger.error({ err: error }, 'writing to stdout failed')
      })
      // `docker run` without a token gives the chat an empty stdin: say why the process ends at once.
      let inputBytes = 0
      process.stdin.on('data', (chunk: Buffer) => (inputBytes += chunk.length))
      const chat = startTerminalChat(deps, { input: process.stdin, output: process.stdout, interactive })
      adapters.push(chat)
      void chat.closed.then(() => {
        if (inputBytes === 0 && !interactive) logger.warn('no TELEGRAM_BOT_TOKEN or DISCORD_TOKEN is set and the terminal chat got no input: nothing to serve')
        return stop('end of input')
      })
    } else {
      await startChatAdapters()
    }
    // After the adapters: a feed item added at once is announced through senders they registered.
    if (!stopping) newsroom.startPolling()
    if (!stopping) logger.info({ adapters: adapters.map((adapter) => adapter.name) }, 'ready')
    if ((packed || writeSnapshot) && !stopping) snapshotWrite = finishFirstStart(packed, writeSnapshot)
    // The chat apps answer people who wait on each reply; the terminal chat is a person trying it.
    if (!expected.includes('terminal') && config.warmUpQuestions > 0 && !stopping) startWarmingUp()
  }

  /**
   * Asks the engine's own warm-up questions in the background after the chat apps are up, one per
   * turn of the event loop (`adapters/warm-up.ts`), so people's first thousand questions do not pay
   * for V8 compiling the answering code. Logged when done; a failure is logged, never a crash.
   */
  function startWarmingUp(): void {
    warmUp = startWarmUp(deps.getEngine, { asks: config.warmUpQuestions })
    warmUp.done.then(
      ({ asks, durationMs, stopped }) => logger.info({ asks, durationMs: Math.round(durationMs), stopped }, 'warm-up questions done'),
      (error: unknown) => logger.warn({ err: error }, 'a warm-up question failed; people\'s questions are answered as usual'),
    )
  }

  /**
   * Builds (or loads) the engine and serves it; returns what is left to do once the adapters are up.
   * A function of its own, so that nothing of this long-running `start` holds the built, unpacked
   * engine after the packed one is swapped in (a suspended async function may keep a dead variable).
   */
  async function buildAndServe(): Promise<{ packed?: () => Promise<Engine>; writeSnapshot?: () => Promise<void> }> {
    const built = await build(config.corpusDir)
    useEngine(built.engine)
    logger.info({ corpusDir: config.corpusDir, articles: built.articles, ...built.timings }, built.timings.from === 'snapshot' ? 'index loaded from snapshot' : 'index built')
    return { ...(built.packed ? { packed: built.packed } : {}), ...(built.writeSnapshot ? { writeSnapshot: built.writeSnapshot } : {}) }
  }

  /**
   * After a first start's adapters are up: packs the built engine in slices, answering questions
   * between them, and swaps it in as a reload swaps (same answers, a third of the heap), unless a
   * reload has swapped in another meanwhile; then writes the snapshot. Taking the snapshot holds this
   * thread (about as long as a few hundred answers on the bundled corpus), so it waits for the next
   * turn of the event loop, letting questions already waiting be answered first. A failure is logged
   * (`writeSnapshot` reports its own through the cache's `onSkip`), never a crash: the built engine
   * goes on serving, and the next start builds again.
   */
  function finishFirstStart(packed: (() => Promise<Engine>) | undefined, write: (() => Promise<void>) | undefined): Promise<void> {
    const served = engine
    return new Promise<void>((resolve) => setImmediate(resolve))
      .then(async () => {
        if (packed) {
          const startedAt = performance.now()
          const next = await packed()
          if (engine === served && !stopping) useEngine(next)
          logger.info({ durationMs: Math.round(performance.now() - startedAt), swapped: engine === next }, 'served engine packed')
        }
        if (!write) return
        const startedAt = performance.now()
        await write()
        logger.info({ durationMs: Math.round(performance.now() - startedAt) }, 'index snapshot write finished')
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'cannot pack the built engine or write the index snapshot; the next start builds again'))
  }

  /** Starts Telegram and Discord side by side; if one cannot start, stops the other and exits 1. */
  async function startChatAdapters(): Promise<void> {
    const starts: Promise<RunningAdapter>[] = []
    const { close, ...conversation } = await createConversationServices(config.feedback, metrics.registry, logger, store && config.store ? { store, settings: config.store } : undefined)
    closeVotes = close
    // Imported on demand: the terminal chat need not load grammY and discord.js.
    if (config.telegram) {
      const settings = config.telegram
      const bot = { ...conversation, ...(store ? { sharedStore: store } : {}) }
      starts.push(import('./telegram/start.js').then(({ startTelegram }) => startTelegram(settings, deps, { bot })))
    }
    if (config.discord) {
      const settings = config.discord
      const shared = { ...conversation, ...(store ? { sharedStore: store } : {}) }
      const processes = settings.processes
      starts.push(
        processes === undefined
          ? import('./discord/start.js').then(({ startDiscord }) => startDiscord(settings, deps, shared))
          : import('./discord/shard-processes.js').then(async ({ startShardProcesses }) => (shardProcesses = await startShardProcesses(settings, processes, logger))),
      )
    }
    const results = await Promise.allSettled(starts)
    for (const result of results) if (result.status === 'fulfilled') adapters.push(result.value)
    const failures = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []))
    if (failures.length > 0) {
      await Promise.allSettled(adapters.map((adapter) => adapter.stop()))
      return failStart(...failures)
    }
  }

  /** Startup failed in a way the operator must fix: say why on stderr and in the log, exit 1. */
  async function failStart(...errors: unknown[]): Promise<never> {
    const messages = errors.map((error) => (error instanceof Error ? error.message : String(error)))
    // In the terminal chat the log is stderr too: the plain message below says it once.
    if (!expected.includes('terminal')) {
      for (const error of errors) logger.fatal({ problem: error instanceof Error ? error.message : String(error), cause: causeOf(error) }, 'cannot start')
    }
    await health?.close()
    await flushLogs(logger)
    exitWithMessage(`Cannot start:\n${messages.map((message) => `✖ ${message}`).join('\n')}`)
  }

  /**
   * Graceful stop: stop watching, let each adapter stop taking updates and finish its replies,
   * close the health server last (it reports not ready meanwhile), flush the logs, exit 0.
   */
  function stop(reason: string): Promise<void> {
    if (stopping) {
      logger.info({ reason }, 'already stopping')
      return stopping
    }
    const startedAt = performance.now()
    logger.info({ reason }, 'stopping')
    const deadline = setTimeout(() => {
      const pending = adapters.filter((adapter) => adapter.isReady()).map((adapter) => adapter.name)
      logger.error({ deadlineMs: STOP_DEADLINE_MS, pending }, 'graceful stop took too long: exiting anyway')
      void flushLogs(logger).finally(() => process.exit(1))
    }, STOP_DEADLINE_MS)
    deadline.unref()
    warmUp?.stop()
    stopping = (async () => {
      // A snapshot being written is finished, so that the next start need not build again.
      await snapshotWrite
      await newsroom?.stop()
      await reloader?.stop()
      await buildWorker?.close()
      const results = await Promise.allSettled(adapters.map((adapter) => adapter.stop()))
      results.forEach((result, index) => {
        if (result.status === 'rejected') logger.error({ err: result.reason, adapter: adapters[index]?.name }, 'adapter did not stop cleanly')
      })
      await closeVotes?.()
      await store?.close()
      await health?.close()
      logger.info({ reason, durationMs: Math.round(performance.now() - startedAt) }, 'stopped')
      await flushLogs(logger)
      process.exit(0)
    })()
    return stopping
  }

  function reload(reason: string): Promise<unknown> {
    if (reloader === undefined || stopping) {
      logger.warn({ reason }, 'reload ignored: the index is not in service yet, or the process is stopping')
      return Promise.resolve()
    }
    return reloader.reload(reason).then(async (outcome) => {
      if (outcome.kind === 'reloaded') await announcements?.announce()
      return outcome
    })
  }

  return { start, stop, reload, readiness }
}

/**
 * JSON lines for machines, pretty lines for a person. With a chat token set, logs go to stdout
 * (what containers collect). In the terminal chat they go to stderr at `warn`, so the chat on
 * stdout stays readable.
 */
function createProcessLogger(config: AppConfig, chatMode: boolean): Logger {
  const stream = chatMode ? process.stderr : process.stdout
  return createLogger({ level: config.logLevel ?? (chatMode ? 'warn' : 'info'), pretty: stream.isTTY === true, fd: chatMode ? 2 : 1 })
}

/** Waits until pino has written everything (the pretty transport runs in a worker thread). */
function flushLogs(logger: Logger): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, LOG_FLUSH_MS)
    logger.flush(() => {
      clearTimeout(timer)
      resolve()
    })
  })
}

function causeOf(error: unknown): string | undefined {
  const cause = error instanceof Error ? error.cause : undefined
  return cause instanceof Error ? cause.message : cause === undefined ? undefined : String(cause)
}

/** For problems the operator fixes: a plain message, never a stack trace. */
function exitWithMessage(message: string): never {
  process.stderr.write(`${message}\n`)
  process.exit(1)
}

main().catch((error: unknown) => {
  exitWithMessage(`Unexpected error while starting: ${error instanceof Error ? error.message : String(error)}`)
})
