import { z } from 'zod'
import { envSwitch } from '../env-switch.js'

/** Discord's own REST root; `DISCORD_REST_API` replaces it, for example with a nirn-proxy. */
export const DEFAULT_DISCORD_REST_API = 'https://discord.com/api'

/** Discord caps a process at this many shards in practice; a larger number is a typo. */
const MAX_SHARDS = 10_000

// Discord tokens are three base64url parts joined by dots: user id, timestamp, HMAC.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/
const SNOWFLAKE_PATTERN = /^\d{17,20}$/

// An empty variable (`DISCORD_GUILD_ID=` in a .env file) means "not set", not "set to nothing".
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional())

const snowflake = (name: string) =>
  z.string().trim().regex(SNOWFLAKE_PATTERN, `${name} must be a Discord snowflake: 17 to 20 digits`)

const shardNumber = (name: string) =>
  z.coerce
    .number({ error: `${name} must be a whole number` })
    .int(`${name} must be a whole number`)
    .min(0, `${name} must not be negative`)
    .max(MAX_SHARDS, `${name} must be at most ${MAX_SHARDS}`)

/**
 * The Discord variables as a zod shape, for the composition root to spread into the one app
 * config schema (`z.object({ ...coreShape, ...discordEnvShape }).superRefine(checkDiscordEnv)`).
 * Every variable is optional here: the Discord adapter runs only when `DISCORD_TOKEN` is set.
 */
export const discordEnvShape = {
  /** The bot token: three dot-separated base64url parts. Never logged. */
  DISCORD_TOKEN: optional(
    z
      .string()
      .trim()
      .regex(TOKEN_PATTERN, 'DISCORD_TOKEN must be a bot token: three dot-separated base64url parts (Developer Portal → Bot → Token)'),
  ),
  /** The application id (Developer Portal → General Information). Required with `DISCORD_TOKEN`. */
  DISCORD_APP_ID: optional(snowflake('DISCORD_APP_ID')),
  /** Register commands for this guild only (instant, for testing) instead of globally. */
  DISCORD_GUILD_ID: optional(snowflake('DISCORD_GUILD_ID')),
  /** REST root without the version, e.g. `http://nirn-proxy:8080/api`. Defaults to Discord's own. */
  DISCORD_REST_API: optional(
    z
      .string()
      .trim()
      .url('DISCORD_REST_API must be an http(s) URL such as https://discord.com/api')
      .regex(/^https?:\/\//i, 'DISCORD_REST_API must be an http(s) URL such as https://discord.com/api'),
  ),
  /** `auto` (Discord's recommendation) or how many shards to run in this process. Defaults to `auto`. */
  DISCORD_SHARDS: optional(
    z.union([z.literal('auto'), shardNumber('DISCORD_SHARDS').min(1, 'DISCORD_SHARDS must be "auto" or at least 1')], {
      error: 'DISCORD_SHARDS must be "auto" or a whole number of shards',
    }),
  ),
  /** Comma-separated shard ids this machine runs, e.g. `0,1`; needs `DISCORD_SHARD_COUNT`. */
  DISCORD_SHARD_IDS: optional(
    z
      .string()
      .trim()
      .regex(/^\d+(\s*,\s*\d+)*$/, 'DISCORD_SHARD_IDS must be comma-separated shard ids such as 0,1,2')
      .transform((ids) => [...new Set(ids.split(',').map((id) => Number(id.trim())))].sort((a, b) => a - b)),
  ),
  /** Total shards across every machine; needs `DISCORD_SHARD_IDS`. */
  DISCORD_SHARD_COUNT: optional(shardNumber('DISCORD_SHARD_COUNT').min(1, 'DISCORD_SHARD_COUNT must be at least 1')),
  /** Child processes to spread this machine's shards over (discord.js's ShardingManager). Defaults to none: the shards run in this process. */
  DISCORD_SHARD_PROCESSES: optional(
    z.coerce
      .number({ error: 'DISCORD_SHARD_PROCESSES must be a whole number of processes' })
      .int('DISCORD_SHARD_PROCESSES must be a whole number of processes')
      .min(1, 'DISCORD_SHARD_PROCESSES must be at least 1')
      .max(1_000, 'DISCORD_SHARD_PROCESSES must be at most 1000'),
  ),
  /**
   * `1` to ask for the privileged Message Content intent (switch it on in the Developer Portal
   * first), so every message in a thread the bot opened is read as a follow-up, not only the ones
   * that mention it. Defaults to off.
   */
  DISCORD_MESSAGE_CONTENT: optional(
    envSwitch('DISCORD_MESSAGE_CONTENT must be 1 to ask for the Message Content intent, or 0 (also true/false, yes/no, on/off)'),
  ),
}

/** The Discord variables after parsing. */
export type DiscordEnv = z.infer<z.ZodObject<typeof discordEnvShape>>

/**
 * The checks that span several variables. Pass it to `superRefine` on the merged app schema so
 * these errors name their variable like the others do.
 */
export function checkDiscordEnv(env: DiscordEnv, ctx: z.RefinementCtx): void {
  const issue = (variable: keyof DiscordEnv, message: string) => ctx.addIssue({ code: 'custom', path: [variable], message })
  if (env.DISCORD_TOKEN !== undefined && env.DISCORD_APP_ID === undefined) {
    issue('DISCORD_APP_ID', 'DISCORD_APP_ID is required when DISCORD_TOKEN is set (Developer Portal → General Information → Application ID)')
  }
  if (env.DISCORD_SHARD_IDS !== undefined && env.DISCORD_SHARD_COUNT === undefined) {
    issue('DISCORD_SHARD_COUNT', 'DISCORD_SHARD_COUNT is required with DISCORD_SHARD_IDS: the total number of shards across machines')
  }
  if (env.DISCORD_SHARD_COUNT !== undefined && env.DISCORD_SHARD_IDS === undefined) {
    issue('DISCORD_SHARD_IDS', 'DISCORD_SHARD_IDS is required with DISCORD_SHARD_COUNT: the shard ids this machine runs')
  }
  if (env.DISCORD_SHARD_IDS !== undefined && env.DISCORD_SHARDS !== undefined) {
    issue('DISCORD_SHARDS', 'Set either DISCORD_SHARDS or DISCORD_SHARD_IDS with DISCORD_SHARD_COUNT, not both')
  }
  if (env.DISCORD_SHARD_PROCESSES !== undefined && env.DISCORD_SHARD_IDS !== undefined) {
    issue('DISCORD_SHARD_PROCESSES', 'Set either DISCORD_SHARD_PROCESSES (with DISCORD_SHARDS) or DISCORD_SHARD_IDS with DISCORD_SHARD_COUNT, not both')
  }
  const count = env.DISCORD_SHARD_COUNT
  const tooLarge = count === undefined ? [] : (env.DISCORD_SHARD_IDS ?? []).filter((id) => id >= count)
  if (tooLarge.length > 0) {
    issue('DISCORD_SHARD_IDS', `DISCORD_SHARD_IDS holds ${tooLarge.join(', ')}, but ids run from 0 to DISCORD_SHARD_COUNT - 1 (${(count ?? 1) - 1})`)
  }
}

/** The Discord variables with their cross-variable checks, for use on its own. */
export const discordEnvSchema = z.object(discordEnvShape).superRefine(checkDiscordEnv)

/** Which gateway shards this process runs. */
export type DiscordSharding =
  /** Ask Discord how many shards the bot needs and run them all here. */
  | { mode: 'auto' }
  /** Run `shardIds` out of `shardCount` shards in total. */
  | { mode: 'fixed'; shardIds: number[]; shardCount: number }

/** Everything the Discord adapter needs to connect, already validated. */
export interface DiscordSettings {
  token: string
  appId: string
  /** Register commands for this guild only; global when absent. */
  guildId?: string
  /** REST root without the version. Defaults to {@link DEFAULT_DISCORD_REST_API}. */
  restApi: string
  sharding: DiscordSharding
  /** Child processes the shards are spread over (`DISCORD_SHARD_PROCESSES`); absent: they run in this process. */
  processes?: number
  /** Ask for the privileged Message Content intent (`DISCORD_MESSAGE_CONTENT`); absent: do not. */
  messageContent?: boolean
}

/** A Discord variable that is missing or malformed; `message` lists every problem by variable. */
export class DiscordConfigError extends Error {
  override readonly name = 'DiscordConfigError'
}

/**
 * Turns parsed variables into settings; `undefined` when `DISCORD_TOKEN` is not set, which means
 * "do not start Discord". The composition root calls this after parsing the merged app config.
 */
export function toDiscordSettings(env: DiscordEnv): DiscordSettings | undefined {
  if (env.DISCORD_TOKEN === undefined) return undefined
  if (env.DISCORD_APP_ID === undefined) throw new DiscordConfigError('DISCORD_APP_ID is required when DISCORD_TOKEN is set')
  return {
    token: env.DISCORD_TOKEN,
    appId: env.DISCORD_APP_ID,
    ...(env.DISCORD_GUILD_ID === undefined ? {} : { guildId: env.DISCORD_GUILD_ID }),
    restApi: (env.DISCORD_REST_API ?? DEFAULT_DISCORD_REST_API).replace(/\/+$/, ''),
    sharding: toSharding(env),
    ...(env.DISCORD_SHARD_PROCESSES === undefined ? {} : { processes: env.DISCORD_SHARD_PROCESSES }),
    ...(env.DISCORD_MESSAGE_CONTENT === true ? { messageContent: true } : {}),
  }
}

function toSharding(env: DiscordEnv): DiscordSharding {
  if (env.DISCORD_SHARD_IDS !== undefined && env.DISCORD_SHARD_COUNT !== undefined) {
    return { mode: 'fixed', shardIds: env.DISCORD_SHARD_IDS, shardCount: env.DISCORD_SHARD_COUNT }
  }
  const shards = env.DISCORD_SHARDS ?? 'auto'
  if (shards === 'auto') return { mode: 'auto' }
  return { mode: 'fixed', shardIds: Array.from({ length: shards }, (_, id) => id), shardCount: shards }
}

/**
 * Parses the Discord variables out of `env` (usually `process.env`) on their own, for entry points
 * such as `register.ts`. Returns `undefined` when `DISCORD_TOKEN` is unset, unless `requireToken`.
 * Throws `DiscordConfigError` whose message names each bad variable and never echoes the token.
 */
export function parseDiscordSettings(
  env: Record<string, string | undefined>,
  options: { requireToken?: boolean } = {},
): DiscordSettings | undefined {
  const result = discordEnvSchema.safeParse(env)
  if (!result.success) throw new DiscordConfigError(`Invalid Discord configuration:\n${z.prettifyError(result.error)}`)
  if (options.requireToken === true && result.data.DISCORD_TOKEN === undefined) {
    throw new DiscordConfigError('Invalid Discord configuration:\n✖ DISCORD_TOKEN is required (Developer Portal → Bot → Token)\n  → at DISCORD_TOKEN')
  }
  return toDiscordSettings(result.data)
}
