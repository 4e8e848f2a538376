import { statSync } from 'node:fs'
import { resolve } from 'node:path'
import { z } from 'zod'
import { articlesEnvShape, toArticleSettings, type ArticleSettings } from './articles/config.js'
import { BUNDLED_CORPUS_DIR, DEFAULT_SNAPSHOT_DIR } from './build-engine.js'
import { checkDiscordEnv, discordEnvShape, toDiscordSettings, type DiscordSettings } from './discord/config.js'
import { envSwitch } from './env-switch.js'
import { DEFAULT_WARM_UP_ASKS } from './warm-up.js'
import { storeEnvShape, toStoreSettings, type StoreSettings } from './store/config.js'
import { feedbackEnvShape, toFeedbackSettings, type FeedbackSettings } from './feedback/config.js'
import { telegramEnvShape, toTelegramSettings, type TelegramSettings } from './telegram/config.js'

/** pino's levels, most severe first; `silent` turns logging off. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

/** A pino level name. */
export type LogLevel = (typeof LOG_LEVELS)[number]

/** Port of the health server when `PORT` is unset. */
export const DEFAULT_PORT = 8080

/** Where `readConfig` looks for a `.env` file, relative to the working directory. */
export const ENV_FILE = '.env'

/** The whole configuration of the process, read once by the composition root. */
export interface AppConfig {
  /** Absolute path of the corpus folder. Defaults to the bundled `corpus/`. */
  corpusDir: string
  /** Undefined when `LOG_LEVEL` is unset: the composition root picks `info` for bots, `warn` for the terminal chat. */
  logLevel?: LogLevel
  /** Port of the health server; `0` means no health server. Defaults to 8080. */
  port: number
  /** Rebuild the index when a file in the corpus folder changes. Defaults to `false`. */
  corpusWatch: boolean
  /** Folder of index snapshots, or `false` for none. Defaults to the project's `.cache/`. */
  snapshotDir: string | false
  /** Questions of its own the chat apps ask after a start, so V8 compiles the answering code before people's arrive; `0` for none. Defaults to 2000. */
  warmUpQuestions: number
  /** Present when `TELEGRAM_BOT_TOKEN` is set. */
  telegram?: TelegramSettings
  /** Present when `DISCORD_TOKEN` is set. */
  discord?: DiscordSettings
  /** Adding articles: `FETCH_ALLOW_HOSTS`, `FEEDS`, `FEED_INTERVAL`, `TELEGRAM_ADMIN_IDS`. */
  articles: ArticleSettings
  /** Present when `REDIS_URL` is set: state shared with other processes. In memory otherwise. */
  store?: StoreSettings
  /** Votes on answers: `FEEDBACK_DIR`, `FEEDBACK_SALT` (see `feedback/config.ts`). */
  feedback: FeedbackSettings
}

/** Parsing the environment is an expected failure, so it is a value: the message lists every bad variable. */
export type ConfigResult = { ok: true; config: AppConfig } | { ok: false; message: string }

// An empty variable (`PORT=` in a .env file) means "not set", as in the adapters' fragments.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional())

const PORT_MESSAGE = 'PORT must be a whole number from 0 to 65535 (0 turns the health server off)'
const OFF_WORDS = ['off', '0', 'false']

/**
 * The variables the composition root owns, as zod fields. The adapters' own variables come from
 * their `config.ts` fragments; all of them are parsed together so every error is listed at once.
 */
export const appEnvShape = {
  /** Folder of `.md`/`.txt` articles. Defaults to the bundled `corpus/`. */
  CORPUS_DIR: optional(
    z
      .string()
      .transform((dir) => resolve(dir))
      .superRefine((dir, ctx) => {
        const problem = folderProblem(dir)
        if (problem) ctx.addIssue({ code: 'custom', message: `CORPUS_DIR must be a folder of .md or .txt articles, but ${dir} ${problem}` })
      }),
  ),
  /** pino level. Defaults to `info` with a chat token set, `warn` in the terminal chat. */
  LOG_LEVEL: optional(
    z.preprocess(
      (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
      z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` }),
    ),
  ),
  /** Health server port. Defaults to 8080; `0` disables it. */
  PORT: optional(
    z
      .string()
      .trim()
      .regex(/^\d{1,5}$/, PORT_MESSAGE)
      .transform(Number)
      .refine((port) => port <= 65535, PORT_MESSAGE),
  ),
  /** `1` to rebuild the index when the corpus folder changes. Defaults to off. */
  CORPUS_WATCH: optional(envSwitch('CORPUS_WATCH must be 1 to watch the corpus folder, or 0 (also true/false, yes/no, on/off)')),
  /** Folder for index snapshots, which make a restart skip the build; `off` for none. Defaults to `.cache/`. */
  SNAPSHOT_DIR: optional(
    z
      .string()
      .trim()
      .transform((value): string | false => (OFF_WORDS.includes(value.toLowerCase()) ? false : resolve(value))),
  ),
  /** Warm-up questions after a start (see `adapters/warm-up.ts`); `0` for none. Defaults to 2000. */
  WARM_UP_QUESTIONS: optional(
    z
      .string()
      .trim()
      .regex(/^\d{1,7}$/, 'WARM_UP_QUESTIONS must be a whole number of questions (0 for none; the default is 2000)')
      .transform(Number),
  ),
}

/**
 * Every variable the process reads, with the checks that span several of them. The Discord checks
 * run even when another variable is bad, so every error is listed at once; they are skipped only
 * when a Discord variable itself failed, since they read its parsed value.
 */
export const appEnvSchema = z.object({ ...appEnvShape, ...telegramEnvShape, ...discordEnvShape, ...articlesEnvShape, ...storeEnvShape, ...feedbackEnvShape }).superRefine(checkDiscordEnv, {
  when: (payload) => payload.issues.every((issue) => !String(issue.path?.[0] ?? '').startsWith('DISCORD_')),
})

/**
 * Parses `env` into the app configuration. Never throws for a bad value: the failure message
 * lists every problem, each naming its variable and what is expected, and never a token's value.
 */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const result = appEnvSchema.safeParse(env)
  if (!result.success) return { ok: false, message: formatConfigError(z.prettifyError(result.error)) }
  const parsed = result.data
  const telegram = toTelegramSettings(parsed)
  const discord = toDiscordSettings(parsed)
  const store = toStoreSettings(parsed)
  return {
    ok: true,
    config: {
      corpusDir: parsed.CORPUS_DIR ?? BUNDLED_CORPUS_DIR,
      ...(parsed.LOG_LEVEL === undefined ? {} : { logLevel: parsed.LOG_LEVEL }),
      port: parsed.PORT ?? DEFAULT_PORT,
      corpusWatch: parsed.CORPUS_WATCH ?? false,
      snapshotDir: parsed.SNAPSHOT_DIR ?? DEFAULT_SNAPSHOT_DIR,
      warmUpQuestions: parsed.WARM_UP_QUESTIONS ?? DEFAULT_WARM_UP_ASKS,
      ...(telegram === undefined ? {} : { telegram }),
      ...(discord === undefined ? {} : { discord }),
      articles: toArticleSettings(parsed),
      ...(store === undefined ? {} : { store }),
      feedback: toFeedbackSettings(parsed),
    },
  }
}

/**
 * Reads `.env` from the working directory when there is one (variables already set in the
 * environment win, as `process.loadEnvFile` does), then parses the environment. Only the
 * composition root calls this, once.
 */
export function readConfig(envFile: string = ENV_FILE): ConfigResult {
  try {
    process.loadEnvFile(envFile)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    // No .env file is the normal case in a container: the environment alone configures the bot.
    if (code !== 'ENOENT') {
      const reason = error instanceof Error ? error.message : String(error)
      return { ok: false, message: formatConfigError(`✖ ${envFile} could not be read: ${reason}`) }
    }
  }
  return parseConfig(process.env)
}

function formatConfigError(details: string): string {
  return `Configuration error: fix these environment variables (or ${ENV_FILE}), then start again. .env.example documents each one.\n${details}`
}

/** Why `dir` cannot be a corpus folder, or undefined when it can. */
function folderProblem(dir: string): string | undefined {
  try {
    return statSync(dir).isDirectory() ? undefined : 'is a file, not a folder'
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? 'unknown error'})`
  }
}
