import type { Message, Update } from 'grammy/types'
import type { FakeTelegramApi } from '../fakes/telegram-api.js'
import { FAKE_TOKEN, fakeUser, textUpdate } from '../fakes/telegram-updates.js'
import { freePort, startApp, waitUntilReady, type AppProcess } from './app-process.js'

/**
 * Telegram webhook replicas as real bot processes (`adapters/main.ts`), and a driver that plays
 * Telegram: it posts updates to the webhook address and delivers an update again until it gets a
 * 200, as Telegram does. Shared by the replica tests and `npm run bench:replicas`.
 */

export const WEBHOOK_URL = 'https://bot.example/telegram/hook'
export const WEBHOOK_SECRET = 'replica-test-secret'

/** One started replica. */
export interface Replica {
  app: AppProcess
  /** Health server. */
  port: number
  /** Webhook server. */
  webhookPort: number
}

/** Starts `count` replicas configured exactly alike but for their ports, and waits until each is ready. */
export async function startReplicas(count: number, api: FakeTelegramApi, env: Record<string, string> = {}): Promise<Replica[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const [port, webhookPort] = [await freePort(), await freePort()]
      const app = await startApp({
        PORT: String(port),
        TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
        TELEGRAM_API_ROOT: api.apiRoot,
        TELEGRAM_WEBHOOK_URL: WEBHOOK_URL,
        TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
        TELEGRAM_WEBHOOK_PORT: String(webhookPort),
        TELEGRAM_WEBHOOK_HOST: '127.0.0.1',
        ...env,
      })
      await waitUntilReady(app, port, 60_000)
      return { app, port, webhookPort }
    }),
  )
}

/** Posts `update` to `baseUrl` as Telegram does; resolves with the HTTP status (0: no answer at all). */
export async function postUpdate(baseUrl: string, update: Update): Promise<number> {
  try {
    const response = await fetch(`${baseUrl}/telegram/hook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET },
      body: JSON.stringify(update),
      signal: AbortSignal.timeout(30_000),
    })
    await response.arrayBuffer()
    return response.status
  } catch {
    // Connection refused or dropped: Telegram would deliver it again, and so does `deliver`.
    return 0
  }
}

/** Posts `update` until some replica answers 200, as Telegram redelivers; resolves with the attempts and the time to the 200. */
export async function deliver(baseUrl: string, update: Update, retryMs = 200): Promise<{ attempts: number; latencyMs: number }> {
  const startedAt = performance.now()
  for (let attempts = 1; ; attempts++) {
    if ((await postUpdate(baseUrl, update)) === 200) return { attempts, latencyMs: performance.now() - startedAt }
    await new Promise((resolve) => setTimeout(resolve, retryMs))
  }
}

/** A group per user, so every answer replies to its question (`reply_parameters`) and can be matched to it. */
export function userGroup(user: number) {
  return { id: -1_000_000 - user, type: 'group' as const, title: `Group of user ${user}` }
}

/** `/ask` in the user's own group, pushed into the fake so that it is numbered like a real update. */
export function askUpdate(api: FakeTelegramApi, user: number, question: string): Update {
  return api.pushUpdate(textUpdate(`/ask ${question}`, { from: fakeUser(user), chat: userGroup(user) }))
}

/** The messages the bot sent, by the message they reply to. */
export function repliesByMessage(api: FakeTelegramApi): Map<number, Message.TextMessage[]> {
  const replies = new Map<number, Message.TextMessage[]>()
  for (const call of api.callsTo('sendMessage')) {
    if (call.failed) continue
    const to = (call.payload.reply_parameters as { message_id?: number } | undefined)?.message_id
    if (to === undefined) continue
    replies.set(to, [...(replies.get(to) ?? []), call.result as Message.TextMessage])
  }
  return replies
}

/** Runs `tasks` with at most `concurrency` at a time. */
export async function runPool<T>(items: readonly T[], concurrency: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++
        await task(items[index] as T, index)
      }
    }),
  )
}
