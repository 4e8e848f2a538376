import { setTimeout as sleep } from 'node:timers/promises'
import type { KeyValueStore } from '../store/store.js'

/** Discord's rule: one IDENTIFY per rate-limit bucket every 5 seconds, whatever process sends it. */
const IDENTIFY_INTERVAL_MS = 5_000

/** Options for {@link createSharedIdentifyThrottler}. */
export interface SharedIdentifyThrottlerOptions {
  /** How often a waiting shard asks again whether its bucket is free. Defaults to 100. */
  pollMs?: number
}

/** What discord.js's gateway manager gives `buildIdentifyThrottler`: only its gateway information is read. */
interface GatewayInformationSource {
  fetchGatewayInformation(): Promise<{ session_start_limit: { max_concurrency: number } }>
}

/** The identify throttler discord.js asks before every IDENTIFY (`@discordjs/ws`'s `IIdentifyThrottler`). */
export interface IdentifyThrottler {
  waitForIdentify(shardId: number, signal: AbortSignal): Promise<void>
}

/**
 * An identify throttler for discord.js (`ws.buildIdentifyThrottler`) whose buckets live on the
 * shared store, so Discord's limit (`max_concurrency` IDENTIFYs per 5 s, bucket `shardId %
 * max_concurrency`) holds across every shard process and machine of the bot, not only inside one
 * process as discord.js's own throttler keeps it. A shard takes its bucket with `SET NX PX 5000`
 * and identifies; one that finds it taken asks again every `pollMs`. It also drops discord.js's
 * random extra wait of up to 1.5 s, so a respawned shard process identifies as early as the rule
 * allows. With Redis down the store counts per process, which is discord.js's own behaviour.
 */
export function createSharedIdentifyThrottler(store: KeyValueStore, options: SharedIdentifyThrottlerOptions = {}) {
  const { pollMs = 100 } = options
  return async (manager: GatewayInformationSource): Promise<IdentifyThrottler> => {
    const { session_start_limit: limit } = await manager.fetchGatewayInformation()
    const maxConcurrency = Math.max(1, limit.max_concurrency)
    return {
      async waitForIdentify(shardId, signal) {
        const key = `discord:identify:${shardId % maxConcurrency}`
        for (;;) {
          signal.throwIfAborted()
          if (await store.setIfAbsent(key, String(shardId), IDENTIFY_INTERVAL_MS)) return
          await sleep(pollMs, undefined, { signal })
        }
      },
    }
  }
}
