import {
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Options,
  Partials,
  type ClientOptions,
  type Interaction,
  type Message,
} from 'discord.js'
import { apologyFor, type AdapterDeps } from '../answering.js'
import type { KeyValueStore } from '../store/store.js'
import { createAnswerContexts, createStoredAnswerContexts, type AnswerContexts } from './buttons.js'
import type { DiscordSettings, DiscordSharding } from './config.js'
import { createCooldown, createStoredCooldown } from './cooldown.js'
import { formatNotice } from './format.js'
import { createSharedIdentifyThrottler } from './identify-throttle.js'
import { createInFlight, type InFlight } from './in-flight.js'
import { handleInteraction } from './interactions.js'
import { handleMessage } from './messages.js'
import { createDiscordAnnouncementSender } from './newsroom-commands.js'
import { NO_MENTIONS, type HandlerContext } from './replies.js'

export interface DiscordClientOptions {
  /** Least time between two answered questions of one user. Defaults to `3000`; `0` turns it off. */
  cooldownMs?: number
  /** Quotes per page of an answer. Defaults to `4`, the core's default. */
  quotesPerPage?: number
  /** Name of the corpus for the footer, e.g. "City council coverage". Defaults to none: the footer counts articles. */
  corpusName?: string
  /** Tracks running handlers for a graceful stop; `startDiscord` passes one. Defaults to a fresh tracker. */
  inFlight?: InFlight
  /** Remembers questions for the buttons. Defaults to the shared store's when `sharedStore` is set, else an in-memory store of 10,000 answers. */
  contexts?: AnswerContexts
  /** State shared with other processes (Redis with `REDIS_URL`): answer contexts, cooldowns and the identify buckets. Defaults to none. */
  sharedStore?: KeyValueStore
  /** Conversations and votes (see `follow-ups.ts`). Defaults to none: no follow-ups, no vote buttons. */
  conversations?: HandlerContext['conversations']
  feedback?: HandlerContext['feedback']
  /**
   * discord.js options laid over ours. For tests: `{ ws: { buildIdentifyThrottler } }` skips the
   * 5-second identify wait, `{ rest: { retries } }` shortens retries. Defaults to none.
   */
  clientOptions?: Partial<ClientOptions>
}

/** Defaults for {@link DiscordClientOptions}. */
export const DEFAULT_DISCORD_CLIENT_OPTIONS = { cooldownMs: 3000, quotesPerPage: 4 } as const

/**
 * Builds the discord.js client with every handler attached, not yet logged in: production and
 * tests use this same factory. Asks for the Guilds, GuildMessages and DirectMessages intents:
 * Discord delivers the content of mentions and DMs without the privileged Message Content intent,
 * which it asks for only when the operator turned it on (`settings.messageContent`).
 */
export function createDiscordClient(settings: DiscordSettings, deps: AdapterDeps, options: DiscordClientOptions = {}): Client {
  const { cooldownMs, quotesPerPage } = { ...DEFAULT_DISCORD_CLIENT_OPTIONS, ...options }
  const { sharedStore } = options
  const { inFlight = createInFlight(), contexts = sharedStore ? createStoredAnswerContexts(sharedStore) : createAnswerContexts(), clientOptions = {}, corpusName } = options
  const logger = deps.logger.child({ adapter: 'discord' })
  const ctx: HandlerContext = {
    deps: { ...deps, logger },
    cooldown: sharedStore ? createStoredCooldown(sharedStore, { cooldownMs }) : createCooldown({ cooldownMs }),
    contexts,
    quotesPerPage,
    ...(corpusName === undefined ? {} : { corpusName }),
    ...(options.conversations ? { conversations: options.conversations } : {}),
    ...(options.feedback ? { feedback: options.feedback } : {}),
  }

  const client = new Client({
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.DirectMessages,
      ...(settings.messageContent === true ? [GatewayIntentBits.MessageContent] : []),
    ],
    // DM channels are not cached before their first message; without this partial, DMs are dropped.
    partials: [Partials.Channel],
    allowedMentions: NO_MENTIONS,
    // Only replies need messages, and they come with the event: keep a few per channel, not 200.
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 20 }),
    ...shardingOptions(settings.sharding),
    // Discord's identify limit is per bot, not per process: shard processes share its buckets.
    ...(sharedStore ? { ws: { buildIdentifyThrottler: createSharedIdentifyThrottler(sharedStore) } } : {}),
    ...clientOptions,
    rest: { ...clientOptions.rest, api: clientOptions.rest?.api ?? settings.restApi },
  })

  deps.newsroom?.setSender('discord', createDiscordAnnouncementSender(client))
  client.on(Events.InteractionCreate, (interaction) => {
    void inFlight.run(() => guard(interaction.id, () => handleInteraction(interaction, ctx), () => apologise(interaction)))
  })
  client.on(Events.MessageCreate, (message) => {
    const botUserId = client.user?.id
    if (botUserId === undefined) return
    void inFlight.run(() => guard(message.id, () => handleMessage(message, botUserId, ctx), () => apologiseInChannel(message)))
  })
  // Without this listener a rejecting listener (discord.js captures rejections) crashes the process.
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'))
  client.on(Events.Warn, (message) => logger.warn({ detail: message }, 'discord warning'))
  client.on(Events.ShardError, (error, shardId) => logger.warn({ err: error, shardId }, 'discord shard connection error'))
  client.on(Events.ShardReconnecting, (shardId) => logger.info({ shardId }, 'discord shard reconnecting'))
  client.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, 'discord shard resumed'))
  // discord.js builds a debug line per heartbeat and request; only listen when someone reads them.
  if (logger.isLevelEnabled('trace')) client.on(Events.Debug, (message) => logger.trace({ detail: message }, 'discord debug'))

  /**
   * The one catch for send failures: the core's errors are already values, so whatever lands
   * here is a failed REST call or a bug in this adapter. Logs it with the event id, then tries once
   * to tell the asker, quoting the same reference.
   */
  async function guard(ref: string, handle: () => Promise<void>, tellAsker: () => Promise<unknown>): Promise<void> {
    try {
      await handle()
    } catch (error) {
      logger.error({ err: error, ref }, 'discord reply failed')
      await tellAsker().catch((sendError: unknown) => logger.warn({ err: sendError, ref }, 'discord apology failed too'))
    }
  }

  return client
}

async function apologise(interaction: Interaction): Promise<void> {
  if (!interaction.isRepliable()) return
  const body = { ...formatNotice(apologyFor(interaction.id)), flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS } as const
  if (interaction.deferred || interaction.replied) await interaction.followUp(body)
  else await interaction.reply(body)
}

async function apologiseInChannel(message: Message): Promise<void> {
  await message.reply({ ...formatNotice(apologyFor(message.id)), allowedMentions: NO_MENTIONS })
}

/** discord.js sharding: `auto` asks Discord through `/gateway/bot`; a fixed slice runs the given ids. */
function shardingOptions(sharding: DiscordSharding): Pick<ClientOptions, 'shards' | 'shardCount'> {
  return sharding.mode === 'auto' ? { shards: 'auto' } : { shards: sharding.shardIds, shardCount: sharding.shardCount }
}
