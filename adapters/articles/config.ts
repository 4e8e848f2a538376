import { z } from 'zod'

/** How often feeds are polled when `FEED_INTERVAL` is unset: 15 minutes. */
export const DEFAULT_FEED_INTERVAL_MS = 15 * 60_000

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const
const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)$/i
const DURATION_MESSAGE = 'FEED_INTERVAL must be a duration such as 15m, 30s or 2s (units ms, s, m, h; at least 1s)'

/** "15m" → 900000. Undefined for anything else, or for less than a second. */
export function parseDurationMs(text: string): number | undefined {
  const match = DURATION.exec(text.trim())
  if (!match) return undefined
  const ms = Number(match[1]) * UNIT_MS[(match[2] ?? 's').toLowerCase() as keyof typeof UNIT_MS]
  return ms >= 1000 ? ms : undefined
}

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional())

const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)

/**
 * The variables of adding articles, as zod fields for the composition root to spread into the app
 * schema; `npm run add` parses them on its own with `articlesEnvSchema`.
 */
export const articlesEnvShape = {
  /** Comma-separated host names or addresses a fetch may reach even when they are private or loopback. Defaults to none. */
  FETCH_ALLOW_HOSTS: optional(z.string().transform(list)),
  /** Comma-separated RSS, Atom or JSON Feed URLs that `npm start` polls. Defaults to none. */
  FEEDS: optional(
    z
      .string()
      .transform(list)
      .superRefine((urls, ctx) => {
        for (const url of urls) {
          if (!/^https?:\/\//i.test(url) || !URL.canParse(url)) ctx.addIssue({ code: 'custom', message: `FEEDS must be comma-separated http(s) feed URLs, but "${url}" is not one` })
        }
      }),
  ),
  /** How often each feed is polled: `15m`, `30s`, `2s`. Defaults to 15m. */
  FEED_INTERVAL: optional(
    z
      .string()
      .refine((text) => parseDurationMs(text) !== undefined, DURATION_MESSAGE)
      .transform((text) => parseDurationMs(text) ?? DEFAULT_FEED_INTERVAL_MS),
  ),
  /** Comma-separated Telegram user ids that may use /add, /subscribe and /unsubscribe. Defaults to nobody. */
  TELEGRAM_ADMIN_IDS: optional(
    z
      .string()
      .transform(list)
      .refine((ids) => ids.every((id) => /^\d+$/.test(id)), 'TELEGRAM_ADMIN_IDS must be comma-separated numeric Telegram user ids')
      .transform((ids) => ids.map(Number)),
  ),
}

/** The article variables on their own. */
export const articlesEnvSchema = z.object(articlesEnvShape)

/** Settings for adding articles, feeds and who may add from chat. */
export interface ArticleSettings {
  allowHosts: string[]
  feeds: string[]
  feedIntervalMs: number
  telegramAdminIds: number[]
}

/** Turns parsed variables into settings with their defaults. */
export function toArticleSettings(env: z.infer<typeof articlesEnvSchema>): ArticleSettings {
  return {
    allowHosts: env.FETCH_ALLOW_HOSTS ?? [],
    feeds: env.FEEDS ?? [],
    feedIntervalMs: env.FEED_INTERVAL ?? DEFAULT_FEED_INTERVAL_MS,
    telegramAdminIds: env.TELEGRAM_ADMIN_IDS ?? [],
  }
}
