import { z } from 'zod'

/** Telegram's own Bot API server. */
export const DEFAULT_TELEGRAM_API_ROOT = 'https://api.telegram.org'

/** Port the webhook server listens on when `TELEGRAM_WEBHOOK_PORT` is unset. */
export const DEFAULT_TELEGRAM_WEBHOOK_PORT = 8443

/** A Bot API token as @BotFather issues it: the bot's numeric id, a colon, 35 characters. */
const BOT_TOKEN_PATTERN = /^\d+:[A-Za-z0-9_-]{35}$/

/** An empty variable (`TELEGRAM_WEBHOOK_URL=` in a `.env` file) means unset, not invalid. */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema.optional())
}

/**
 * The Telegram variables as zod fields, for the composition root to spread into the one app
 * config schema. Every field is optional: Telegram starts only when `TELEGRAM_BOT_TOKEN` is set.
 * Messages never repeat the token, which is a secret.
 */
export const telegramEnvShape = {
  /** From @BotFather. */
  TELEGRAM_BOT_TOKEN: optional(
    z.string().trim().regex(BOT_TOKEN_PATTERN, {
      error: 'TELEGRAM_BOT_TOKEN must be a Bot API token as @BotFather gives it: digits, a colon, then 35 letters, digits, "_" or "-"',
    }),
  ),
  /** Public HTTPS address Telegram posts updates to; when set, the bot uses a webhook instead of long polling. */
  TELEGRAM_WEBHOOK_URL: optional(z.url({ protocol: /^https$/, error: 'TELEGRAM_WEBHOOK_URL must be an https:// URL (Telegram only posts to HTTPS)' })),
  /** Checked against the `X-Telegram-Bot-Api-Secret-Token` header; a random one is generated when unset. */
  TELEGRAM_WEBHOOK_SECRET: optional(
    z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, { error: 'TELEGRAM_WEBHOOK_SECRET must be 1 to 256 letters, digits, "_" or "-"' }),
  ),
  /** Local port of the webhook server, behind the proxy that serves `TELEGRAM_WEBHOOK_URL`. Defaults to 8443. */
  TELEGRAM_WEBHOOK_PORT: optional(z.coerce.number({ error: 'TELEGRAM_WEBHOOK_PORT must be a port number' }).int().min(0).max(65535)),
  /** Local address of the webhook server. Defaults to `0.0.0.0` (every interface, as a container needs). */
  TELEGRAM_WEBHOOK_HOST: optional(z.string().min(1)),
  /** A self-hosted Bot API server. Defaults to `https://api.telegram.org`. */
  TELEGRAM_API_ROOT: optional(z.url({ protocol: /^https?$/, error: 'TELEGRAM_API_ROOT must be an http:// or https:// URL' })),
}

/** The Telegram part of the environment, parsed. */
export const telegramEnvSchema = z.object(telegramEnvShape)

/** The Telegram variables after parsing; unset ones are `undefined`. */
export type TelegramEnv = z.infer<typeof telegramEnvSchema>

/** Webhook mode: where Telegram posts and where we listen. */
export interface TelegramWebhookSettings {
  /** The public URL registered with `setWebhook`; its path is the one the local server accepts. */
  url: string
  /** Generated at startup when undefined. */
  secretToken?: string
  port: number
  host: string
}

/** Everything `startTelegram` needs. */
export interface TelegramSettings {
  token: string
  /** Without a trailing slash. */
  apiRoot: string
  /** Long polling when undefined. */
  webhook?: TelegramWebhookSettings
}

/** A Telegram variable is malformed; the message names it (`z.prettifyError`), never its value. */
export class TelegramConfigError extends Error {
  override readonly name = 'TelegramConfigError'
}

/** Turns parsed variables into settings, or `undefined` when no token is set (Telegram stays off). */
export function toTelegramSettings(env: TelegramEnv): TelegramSettings | undefined {
  if (env.TELEGRAM_BOT_TOKEN === undefined) return undefined
  const apiRoot = (env.TELEGRAM_API_ROOT ?? DEFAULT_TELEGRAM_API_ROOT).replace(/\/+$/, '')
  if (env.TELEGRAM_WEBHOOK_URL === undefined) return { token: env.TELEGRAM_BOT_TOKEN, apiRoot }
  return {
    token: env.TELEGRAM_BOT_TOKEN,
    apiRoot,
    webhook: {
      url: env.TELEGRAM_WEBHOOK_URL,
      secretToken: env.TELEGRAM_WEBHOOK_SECRET,
      port: env.TELEGRAM_WEBHOOK_PORT ?? DEFAULT_TELEGRAM_WEBHOOK_PORT,
      host: env.TELEGRAM_WEBHOOK_HOST ?? '0.0.0.0',
    },
  }
}

/**
 * Parses the Telegram variables of `env` on their own (the composition root may instead merge
 * `telegramEnvShape` into its schema and call `toTelegramSettings`). Throws `TelegramConfigError`
 * naming the bad variable; returns `undefined` when `TELEGRAM_BOT_TOKEN` is unset.
 */
export function parseTelegramSettings(env: Record<string, string | undefined>): TelegramSettings | undefined {
  const result = telegramEnvSchema.safeParse(env)
  if (!result.success) throw new TelegramConfigError(`Invalid Telegram configuration:\n${z.prettifyError(result.error)}`)
  return toTelegramSettings(result.data)
}
