import { randomBytes } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { run } from '@grammyjs/runner'
import { GrammyError, webhookCallback, type Bot } from 'grammy'
import type { AdapterDeps } from '../answering.js'
import type { RunningAdapter } from '../lifecycle.js'
import { TELEGRAM_COMMANDS, createTelegramBot, type TelegramBotOptions } from './bot.js'
import type { TelegramSettings, TelegramWebhookSettings } from './config.js'
import { createInFlightUpdates, type InFlightUpdates } from './in-flight.js'
import { setTelegramNewsroomMenu } from './newsroom-commands.js'
import { canUseWebhookReply, createWebhookReplyAdapter } from './webhook-reply.js'

/** Tuning for `startTelegram`; the composition root passes none. */
export interface StartTelegramOptions {
  /** Passed to `createTelegramBot`: rate limits and retries. Defaults to its defaults. */
  bot?: Omit<TelegramBotOptions, 'inFlight' | 'webhookReplies'>
  /** Longest wait for replies in flight when stopping; the app must be gone within 10 s. Defaults to 7_000: with the final `getUpdates` that confirms handled updates, a stop stays within 10 s. */
  stopTimeoutMs?: number
  /** Longest wait for Telegram at startup (`getMe`, which grammY retries on network errors). Defaults to 30_000. */
  startTimeoutMs?: number
}

const DEFAULT_START_TELEGRAM_OPTIONS = { stopTimeoutMs: 7_000, startTimeoutMs: 30_000 } satisfies StartTelegramOptions

/** The updates the bot handles; Telegram does not send the others. */
const ALLOWED_UPDATES = ['message', 'inline_query', 'callback_query'] as const

/** Telegram waits about a minute for a webhook answer, then retries; answer well before that. */
const WEBHOOK_ANSWER_MS = 10_000

/** The running Telegram adapter. */
export interface RunningTelegram extends RunningAdapter {
  bot: Bot
  /** Webhook mode only: where the local server listens (useful when port 0 was asked for). */
  webhookAddress?: AddressInfo
}

/** Telegram did not let the bot start; the message says why without the token. */
export class TelegramStartError extends Error {
  override readonly name = 'TelegramStartError'
}

/**
 * Starts the Telegram bot: checks the token (`getMe`), registers the commands, then serves by
 * long polling (`@grammyjs/runner`, so one slow chat does not hold up the others) or, when
 * `settings.webhook` is set, by a webhook on a node:http server that verifies Telegram's secret
 * token. `stop()` stops taking updates, waits for replies in flight and closes connections.
 */
export async function startTelegram(settings: TelegramSettings, deps: AdapterDeps, options: StartTelegramOptions = {}): Promise<RunningTelegram> {
  const { stopTimeoutMs, startTimeoutMs } = { ...DEFAULT_START_TELEGRAM_OPTIONS, ...options }
  const inFlight = createInFlightUpdates()
  // Replicas answer inside the webhook's response, so that an update is answered exactly once even
  // when a replica dies (see `webhook-reply.ts`). One process alone keeps sending its replies as
  // API calls: it has no copy on another replica to guard against, and it keeps what a webhook
  // reply gives up: the message ids, errors it can log and apologise for, retries of a 429.
  const webhookReplies = settings.webhook !== undefined && options.bot?.sharedStore !== undefined
  const bot = createTelegramBot(
    settings.token,
    deps,
    { client: { apiRoot: settings.apiRoot, ...(webhookReplies ? { canUseWebhookReply } : {}) } },
    { ...options.bot, inFlight, webhookReplies },
  )
  await initBot(bot, settings, startTimeoutMs)
  try {
    await bot.api.setMyCommands(TELEGRAM_COMMANDS, undefined, timeoutSignal(startTimeoutMs))
    if (deps.newsroom) await setTelegramNewsroomMenu(bot.api, deps.newsroom.telegramAdminIds, TELEGRAM_COMMANDS, deps.logger, timeoutSignal(startTimeoutMs))
  } catch (error) {
    // The menu is a convenience; typed commands work without it.
    deps.logger.warn({ err: error, adapter: 'telegram' }, 'could not register the bot commands')
  }
  const running = settings.webhook
    ? await serveWebhook(bot, settings.webhook, deps, inFlight, stopTimeoutMs, webhookReplies)
    : await servePolling(bot, deps, inFlight, stopTimeoutMs)
  deps.logger.info({ adapter: 'telegram', username: bot.botInfo.username, mode: settings.webhook ? 'webhook' : 'polling' }, 'telegram bot serving')
  return running
}

async function initBot(bot: Bot, settings: TelegramSettings, timeoutMs: number): Promise<void> {
  try {
    await bot.init(timeoutSignal(timeoutMs))
  } catch (error) {
    if (error instanceof GrammyError && error.error_code === 401) {
      throw new TelegramStartError('Telegram rejected TELEGRAM_BOT_TOKEN (401 Unauthorized): copy the token again from @BotFather', { cause: error })
    }
    throw new TelegramStartError(`Could not reach the Telegram Bot API at ${settings.apiRoot} within ${timeoutMs} ms`, { cause: error })
  }
}

async function servePolling(bot: Bot, deps: AdapterDeps, inFlight: InFlightUpdates, stopTimeoutMs: number): Promise<RunningTelegram> {
  // A webhook left by an earlier run in webhook mode makes getUpdates fail with 409 Conflict.
  await bot.api.deleteWebhook()
  bot.api.config.use(async (prev, method, payload, signal) => {
    try {
      return await prev(method, payload, signal)
    } catch (error) {
      // The runner retries failed polls silently (`silent: true` keeps them off stderr); log them here.
      if (method === 'getUpdates' && !signal?.aborted) deps.logger.warn({ err: error, adapter: 'telegram' }, 'telegram getUpdates failed')
      throw error
    }
  })
  const handle = run(bot, { runner: { fetch: { allowed_updates: ALLOWED_UPDATES }, silent: true } })
  handle.task()?.catch((error: unknown) => deps.logger.error({ err: error, adapter: 'telegram' }, 'telegram polling stopped'))
  let stopping: Promise<void> | undefined

  return {
    name: 'telegram',
    bot,
    isReady: () => stopping === undefined && handle.isRunning(),
    stop() {
      stopping ??= (async () => {
        await handle.stop()
        await waitForReplies(inFlight, stopTimeoutMs, deps)
        await confirmHandledUpdates(bot, inFlight, deps)
      })()
      return stopping
    },
  }
}

/**
 * The runner does not tell Telegram which updates it has handled when it stops, so a restart
 * would answer the last batch again. One `getUpdates` with the next offset confirms them.
 */
async function confirmHandledUpdates(bot: Bot, inFlight: InFlightUpdates, deps: AdapterDeps): Promise<void> {
  const last = inFlight.lastUpdateId()
  if (last === undefined) return
  try {
    await bot.api.getUpdates({ offset: last + 1, limit: 1, timeout: 0 }, timeoutSignal(2_000))
  } catch (error) {
    deps.logger.warn({ err: error, adapter: 'telegram', lastUpdateId: last }, 'could not confirm the handled updates')
  }
}

async function serveWebhook(
  bot: Bot,
  webhook: TelegramWebhookSettings,
  deps: AdapterDeps,
  inFlight: InFlightUpdates,
  stopTimeoutMs: number,
  webhookReplies: boolean,
): Promise<RunningTelegram> {
  const secretToken = webhook.secretToken ?? randomBytes(32).toString('base64url')
  const path = new URL(webhook.url).pathname
  // Past the timeout Telegram gets its answer and the reply goes on in the background (counted
  // in `inFlight`), rather than an error that would make Telegram send the update again; a reply
  // meant for the webhook's answer then goes as an API call of its own.
  const adapter = webhookReplies ? createWebhookReplyAdapter(bot.api) : 'http'
  const callback = webhookCallback(bot, adapter, { secretToken, onTimeout: 'return', timeoutMilliseconds: WEBHOOK_ANSWER_MS })

  const server = createServer((request, response) => {
    if (request.method !== 'POST' || new URL(request.url ?? '/', 'http://localhost').pathname !== path) {
      response.writeHead(404).end()
      return
    }
    // Handler errors are handled inside the bot (see `createTelegramBot`); what reaches here is
    // a body that is not JSON or a failure before the middleware. `webhookCallback` never calls
    // `bot.catch`, so without this catch it would be an unhandled rejection.
    callback(request, response).catch((error: unknown) => {
      const malformed = error instanceof SyntaxError
      deps.logger.error({ err: error, adapter: 'telegram' }, malformed ? 'telegram webhook body is not JSON' : 'telegram webhook request failed')
      if (!response.headersSent) response.writeHead(malformed ? 400 : 500).end()
    })
  })
  await listen(server, webhook)
  try {
    await bot.api.setWebhook(webhook.url, { secret_token: secretToken, allowed_updates: ALLOWED_UPDATES })
  } catch (error) {
    await close(server)
    throw new TelegramStartError(`Telegram did not accept the webhook ${webhook.url}`, { cause: error })
  }
  const address = server.address() as AddressInfo
  let stopping: Promise<void> | undefined

  return {
    name: 'telegram',
    bot,
    webhookAddress: address,
    isReady: () => stopping === undefined && server.listening,
    stop() {
      // The webhook stays registered: Telegram keeps updates sent meanwhile for the next start.
      stopping ??= (async () => {
        const closed = close(server)
        await waitForReplies(inFlight, stopTimeoutMs, deps)
        server.closeAllConnections()
        await closed
      })()
      return stopping
    },
  }
}

/** grammY's Node build types signals with the `abort-controller` polyfill; Node's own work the same at run time. */
function timeoutSignal(ms: number): GrammySignal {
  return AbortSignal.timeout(ms) as unknown as GrammySignal
}

type GrammySignal = NonNullable<Parameters<Bot['init']>[0]>

async function waitForReplies(inFlight: InFlightUpdates, timeoutMs: number, deps: AdapterDeps): Promise<void> {
  const pending = inFlight.count()
  if (!(await inFlight.settled(timeoutMs))) deps.logger.warn({ adapter: 'telegram', pending, timeoutMs }, 'stopped before every reply was sent')
}

function listen(server: Server, { port, host }: TelegramWebhookSettings): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
}

/** Stops accepting connections; resolves once the open ones are gone. */
function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()))
    server.closeIdleConnections()
  })
}
