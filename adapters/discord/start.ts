import { Events, Status } from 'discord.js'
import type { AdapterDeps } from '../answering.js'
import type { RunningAdapter } from '../lifecycle.js'
import { createDiscordClient, type DiscordClientOptions } from './client.js'
import type { DiscordSettings } from './config.js'
import { createInFlight } from './in-flight.js'

export interface StartDiscordOptions extends DiscordClientOptions {
  /** Longest wait for replies in flight on `stop()` before the connection closes anyway. Defaults to `5000`. */
  drainTimeoutMs?: number
}

/** Defaults for {@link StartDiscordOptions}; the rest are in `DEFAULT_DISCORD_CLIENT_OPTIONS`. */
export const DEFAULT_START_DISCORD_OPTIONS = { drainTimeoutMs: 5000 } as const

/**
 * Connects the bot to Discord and serves until `stop()`. Resolves once every shard has received
 * READY; `isReady()` turns true when the guilds have arrived too. Rejects when login fails (bad
 * token, unreachable REST), after closing whatever it opened.
 */
export async function startDiscord(settings: DiscordSettings, deps: AdapterDeps, options: StartDiscordOptions = {}): Promise<RunningAdapter> {
  const { drainTimeoutMs } = { ...DEFAULT_START_DISCORD_OPTIONS, ...options }
  const inFlight = options.inFlight ?? createInFlight()
  const client = createDiscordClient(settings, deps, { ...options, inFlight })
  const logger = deps.logger.child({ adapter: 'discord' })
  client.once(Events.ClientReady, (ready) =>
    logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size, shards: ready.ws.shards.size }, 'discord ready'),
  )

  try {
    await client.login(settings.token)
  } catch (error) {
    await client.destroy()
    throw new Error(`Discord login failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
  }

  let stopped: Promise<void> | undefined
  return {
    name: 'discord',
    isReady: () => !inFlight.closed && client.isReady() && client.ws.shards.every((shard) => shard.status === Status.Ready),
    stop() {
      stopped ??= (async () => {
        await inFlight.close(drainTimeoutMs)
        await client.destroy()
        logger.info('discord stopped')
      })()
      return stopped
    },
  }
}
