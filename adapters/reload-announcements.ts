import { randomBytes } from 'node:crypto'
import type { Logger } from './logger.js'
import type { CorpusReloader } from './reload.js'
import { StoreUnavailableError, type KeyValueStore } from './store/store.js'

/** Timings of {@link shareCorpusReloads}. */
export interface ReloadAnnouncementOptions {
  /** Least time between two catch-up checks made by readiness probes. Defaults to 5_000. */
  checkEveryMs?: number
}

/** Corpus reloads shared between processes. */
export interface ReloadAnnouncements {
  /** Listens for other processes' announcements and notes the corpus generation in service now. */
  start(): Promise<void>
  /** Tells every other process that this one reloaded the corpus (its snapshot is in `SNAPSHOT_DIR`). */
  announce(): Promise<void>
  /** Called on every readiness probe: at most every `checkEveryMs`, reloads when a newer generation was announced and missed. */
  catchUp(): void
}

const CHANNEL = 'corpus:reloaded'
const GENERATION_KEY = 'corpus:generation'
/** The generation key outlives any deployment's corpus edits; a lost key only costs one extra reload. */
const GENERATION_TTL_MS = 30 * 86_400_000

/**
 * Corpus reloads across processes. The process that reloads (SIGHUP) builds the new index and
 * writes its snapshot to `SNAPSHOT_DIR`, then announces a new corpus generation on Redis pub/sub
 * and under a key. Every other process reloads on the message: reading the same corpus folder, it
 * finds the snapshot for it and loads it instead of building. A process that missed the message
 * (Redis was down, it was restarting) sees the newer generation on its next readiness probe and
 * reloads then. With the memory store this reaches only this process, which already reloaded.
 */
export function shareCorpusReloads(store: KeyValueStore, reloader: CorpusReloader, logger: Logger, options: ReloadAnnouncementOptions = {}): ReloadAnnouncements {
  const checkEveryMs = options.checkEveryMs ?? 5_000
  const origin = randomBytes(6).toString('hex')
  let generation: string | undefined
  let lastCheck = 0
  let checking = false

  const follow = async (next: string, reason: string) => {
    if (next === generation) return
    generation = next
    logger.info({ generation: next, reason }, 'another process reloaded the corpus: reloading from the shared snapshot')
    await reloader.reload(reason)
  }

  return {
    async start() {
      await store.subscribe(CHANNEL, (message) => {
        const [from, next] = message.split(' ')
        if (from === origin || next === undefined) return
        void follow(next, 'announced by another process')
      })
      try {
        generation = await store.get(GENERATION_KEY)
      } catch (error) {
        if (!(error instanceof StoreUnavailableError)) throw error
      }
    },
    async announce() {
      generation = randomBytes(8).toString('hex')
      try {
        await store.set(GENERATION_KEY, generation, GENERATION_TTL_MS)
        await store.publish(CHANNEL, `${origin} ${generation}`)
      } catch (error) {
        logger.warn({ err: error }, 'could not announce the corpus reload: other processes catch up on their next readiness probe')
      }
    },
    catchUp() {
      const now = Date.now()
      if (checking || now - lastCheck < checkEveryMs) return
      lastCheck = now
      checking = true
      void (async () => {
        try {
          const latest = await store.get(GENERATION_KEY)
          if (latest !== undefined) await follow(latest, 'catching up with a reload announced while this process missed it')
        } catch (error) {
          // Redis down: the next probe after it returns tries again.
          if (!(error instanceof StoreUnavailableError)) logger.warn({ err: error }, 'checking for missed corpus reloads failed')
        } finally {
          checking = false
        }
      })()
    },
  }
}
