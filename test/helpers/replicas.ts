import type { InlineKeyboardMarkup, Message, Update } from 'grammy/types'
import type { FakeTelegramApi } from '../fakes/telegram-api.js'
import { callbackQueryUpdate, FAKE_TOKEN, fakeUser, textUpdate } from '../fakes/telegram-updates.js'
import { freePort, startApp, waitUntilReady, type AppProcess } from './app-process.js'
import type { RoundRobinProxy } from './round-robin-proxy.js'

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
      await waitUntilReady(app, port, 150_000)
      return { app, port, webhookPort }
    }),
  )
}

/**
 * Posts `update` to `baseUrl` as Telegram does, through the fake, which performs a reply the
 * replica put in its answer; resolves with the HTTP status (0: no answer at all).
 */
export function postUpdate(api: FakeTelegramApi, baseUrl: string, update: Update): Promise<number> {
  return api.postWebhook(`${baseUrl}/telegram/hook`, update, WEBHOOK_SECRET)
}

/** Posts `update` until some replica answers 200, as Telegram redelivers; resolves with the attempts and the time to the 200. */
export async function deliver(api: FakeTelegramApi, baseUrl: string, update: Update, retryMs = 200): Promise<{ attempts: number; latencyMs: number }> {
  const startedAt = performance.now()
  for (let attempts = 1; ; attempts++) {
    if ((await postUpdate(api, baseUrl, update)) === 200) return { attempts, latencyMs: performance.now() - startedAt }
    await new Promise((resolve) => setTimeout(resolve, retryMs))
  }
}

/** A group per user, so every answer replies to its question (`reply_parameters`) and can be matched to it. */
export function userGroup(user: number) {
  return { id: -1_000_000 - user, type: 'group' as const, title: `Group of user ${user}` }
}

/**
 * Ids of the questions, far above the fake API's own message ids: Telegram numbers a chat's
 * messages in one sequence, the fakes in two, and a page replying to answer 1,234 must not count as
 * a second answer to question 1,234 of the same chat.
 */
let nextQuestionId = 1_000_000_000

/** `/ask` in the user's own group, pushed into the fake so that it is numbered like a real update. */
export function askUpdate(api: FakeTelegramApi, user: number, question: string): Update {
  const body = textUpdate(`/ask ${question}`, { from: fakeUser(user), chat: userGroup(user) })
  return api.pushUpdate({ ...body, message: { ...body.message!, message_id: nextQuestionId++ } })
}

/** The messages the bot sent in reply to a message; Telegram numbers messages per chat, so a message is its chat and its id. */
export interface Replies {
  to(message: Pick<Message, 'chat' | 'message_id'>): Message.TextMessage[] | undefined
}

/** The messages the bot sent, by the message they reply to. */
export function repliesByMessage(api: FakeTelegramApi): Replies {
  const replies = new Map<string, Message.TextMessage[]>()
  for (const call of api.callsTo('sendMessage')) {
    if (call.failed) continue
    const to = (call.payload.reply_parameters as { message_id?: number } | undefined)?.message_id
    if (to === undefined) continue
    const key = `${String(call.payload.chat_id)}:${to}`
    replies.set(key, [...(replies.get(key) ?? []), call.result as Message.TextMessage])
  }
  return { to: (message) => replies.get(`${message.chat.id}:${message.message_id}`) }
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

/** The callback_data of the "More quotes" button under `message`, if it has one (the keyboard also holds 👍/👎). */
export function moreButton(message: Message.TextMessage | undefined): string | undefined {
  for (const button of (message?.reply_markup as InlineKeyboardMarkup | undefined)?.inline_keyboard.flat() ?? []) {
    if ('callback_data' in button && button.callback_data?.startsWith('more:')) return button.callback_data
  }
  return undefined
}

/** One question of a load run. */
export interface Ask {
  user: number
  question: string
}

/** How {@link driveLoad} plays Telegram. */
export interface LoadOptions {
  /** Updates in flight at once (Telegram's webhook `max_connections` defaults to 40). */
  concurrency: number
  /** Every n-th answer's "More quotes" button is pressed on a replica other than the one that answered; 0 for none. Defaults to 3. */
  pressEvery?: number
  /** SIGKILLs this replica when the question of index `atIndex` is sent. Defaults to none. */
  kill?: { replica: Replica; atIndex: number }
  /**
   * Presses go to the proxy like every other update (`npm run compose:run-local`, where nginx
   * round-robins them), delivered again until a 200, instead of straight to a replica other than the
   * one that answered. Defaults to false.
   */
  pressThroughProxy?: boolean
  /** Called with each question's index just before it is sent (a test stops Redis there). */
  beforeAsk?: (index: number) => Promise<void> | void
}

/** What {@link driveLoad} sent and saw. */
export interface LoadRun {
  updates: Update[]
  /** Update ids that needed more than one delivery (their first replica was killed, or answered 502). */
  deliveredAgain: Set<number>
  /** The presses sent, with the status each replica answered and when (`performance.now()`). */
  presses: { update: Update; status: number; answer: Message.TextMessage; sentAtMs: number; deliveredAgain: boolean }[]
  /** Time from first post to the 200, per question, in milliseconds. */
  latenciesMs: number[]
  elapsedMs: number
}

/**
 * Plays Telegram against replicas behind `proxy`: posts each question (delivering it again until a
 * 200), and presses every `pressEvery`-th answer's "More quotes" button on another live replica.
 * Shared by the replica tests and `npm run bench:replicas`.
 */
export async function driveLoad(api: FakeTelegramApi, proxy: Pick<RoundRobinProxy, 'url' | 'servedBy'>, replicas: readonly Replica[], asks: readonly Ask[], options: LoadOptions): Promise<LoadRun> {
  const { concurrency, pressEvery = 3, kill, beforeAsk, pressThroughProxy = false } = options
  const run: LoadRun = { updates: [], deliveredAgain: new Set(), presses: [], latenciesMs: [], elapsedMs: 0 }
  const killed = new Set<Replica>()
  const startedAt = performance.now()
  await runPool(asks, concurrency, async ({ user, question }, index) => {
    await beforeAsk?.(index)
    if (kill !== undefined && index === kill.atIndex) {
      killed.add(kill.replica)
      kill.replica.app.child.kill('SIGKILL')
    }
    const update = askUpdate(api, user, question)
    run.updates.push(update)
    const { attempts, latencyMs } = await deliver(api, proxy.url, update)
    run.latenciesMs.push(latencyMs)
    if (attempts > 1) run.deliveredAgain.add(update.update_id)
    if (pressEvery === 0 || index % pressEvery !== 0) return
    const answer = repliesByMessage(api).to(update.message!)?.at(-1)
    const data = moreButton(answer)
    if (answer === undefined || data === undefined) return
    const served = proxy.servedBy.get(update.update_id) ?? 0
    const press = api.pushUpdate(callbackQueryUpdate(answer, data, fakeUser(user)))
    const sentAtMs = performance.now()
    if (pressThroughProxy) {
      const { attempts } = await deliver(api, proxy.url, press)
      run.presses.push({ update: press, status: 200, answer, sentAtMs, deliveredAgain: attempts > 1 })
      return
    }
    // As Telegram does, a press whose replica died under it (no answer at all) is delivered again,
    // to a replica still alive; a replica that answers, whatever it answers, is not asked again.
    let status = 0
    let attempt = 0
    for (; status === 0 && attempt < 5; attempt++) {
      const live = replicas.filter((replica) => !killed.has(replica))
      const others = live.filter((replica) => replicas.indexOf(replica) !== served)
      const target = (others.length > 0 ? others : live)[(index + attempt) % Math.max(1, others.length || live.length)]!
      status = await postUpdate(api, `http://127.0.0.1:${target.webhookPort}`, press)
    }
    run.presses.push({ update: press, status, answer, sentAtMs, deliveredAgain: attempt > 1 })
  })
  run.elapsedMs = performance.now() - startedAt
  return run
}

/** What a load run's replies say, checked by the test and reported by the bench. */
export interface LoadOutcome {
  questions: number
  answeredOnce: number
  /** Update ids with no answer at all. */
  unanswered: number[]
  /** Update ids answered twice that were delivered again: a reply that reached Telegram from a replica killed before it marked the update done (none with webhook replies, see `webhook-reply.ts`). */
  answeredTwiceAfterRedelivery: number[]
  /** Update ids answered more than once with no redelivery, or more than twice: never allowed. */
  answeredTooOften: number[]
  presses: number
  /**
   * Presses answered 200 whose next page was sent as a reply to the answer: once, or twice for a
   * press delivered again because its replica was killed under it (counted in `pressesServedTwice`).
   */
  pressesServed: number
  /** Presses served twice after being delivered again. */
  pressesServedTwice: number
  /** The notice each press got instead of its page (e.g. "ask again"), by callback query id. */
  pressNotices: Map<string, string>
}

/** Counts answers per question and pages per press from what the fake Bot API recorded. */
export function outcomeOf(api: FakeTelegramApi, run: LoadRun): LoadOutcome {
  const replies = repliesByMessage(api)
  const counts = run.updates.map((update) => ({ id: update.update_id, count: replies.to(update.message!)?.length ?? 0 }))
  const pressIds = new Set(run.presses.map(({ update }) => update.callback_query!.id))
  const notices = api.callsTo('answerCallbackQuery').filter((call) => pressIds.has(String(call.payload.callback_query_id)) && typeof call.payload.text === 'string')
  return {
    questions: run.updates.length,
    answeredOnce: counts.filter(({ count }) => count === 1).length,
    unanswered: counts.filter(({ count }) => count === 0).map(({ id }) => id),
    answeredTwiceAfterRedelivery: counts.filter(({ id, count }) => count === 2 && run.deliveredAgain.has(id)).map(({ id }) => id),
    answeredTooOften: counts.filter(({ id, count }) => count > (run.deliveredAgain.has(id) ? 2 : 1)).map(({ id }) => id),
    presses: run.presses.length,
    // "More quotes" sends the next page as a reply to the answer: one per press; two for a press
    // whose replica was killed after sending its page and before marking it handled is counted apart.
    pressesServed: run.presses.filter(({ status, answer, deliveredAgain }) => {
      const pages = replies.to(answer)?.length ?? 0
      return status === 200 && (pages === 1 || (pages === 2 && deliveredAgain))
    }).length,
    pressesServedTwice: run.presses.filter(({ answer, deliveredAgain }) => deliveredAgain && replies.to(answer)?.length === 2).length,
    pressNotices: new Map(notices.map((call) => [String(call.payload.callback_query_id), String(call.payload.text)])),
  }
}
