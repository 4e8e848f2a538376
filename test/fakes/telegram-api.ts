import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { InlineKeyboardMarkup, InlineQueryResult, Message, Update, User, UserFromGetMe } from 'grammy/types'
import { parseTelegramHtml } from './telegram-html.js'
import { FAKE_BOT_INFO, FAKE_TOKEN, callbackQueryUpdate, fakeUser, type UpdateBody } from './telegram-updates.js'

/**
 * A fake Telegram Bot API server on 127.0.0.1 for the real grammY client (`client.apiRoot`).
 * It serves what the bot uses, with `getUpdates` as a real long poll that honours
 * `allowed_updates`, records every call, can fail or delay the next calls of a method, and
 * rejects what Telegram rejects: malformed HTML, `callback_data` over 64 bytes, an answer to a
 * button press it never delivered or already answered. It also plays Telegram's side of a webhook
 * (`postWebhook`), performing the call a bot may make in its answer.
 * grammY reads the JSON body, not the HTTP status, so failures answer
 * `{ ok: false, error_code, description, parameters: { retry_after } }`.
 */

/** One request the bot made. */
export interface ApiCall {
  method: string
  payload: Record<string, unknown>
  /** `performance.now()` when the request arrived. */
  receivedAt: number
  /** `performance.now()` when the answer was written; undefined while pending. */
  respondedAt?: number
  /** True when the fake answered with an error. */
  failed?: boolean
  /** What the fake answered with when the call succeeded: for `sendMessage`, the message as sent. */
  result?: unknown
  /** True for a call the bot made in its answer to a webhook delivery (see `postWebhook`). */
  viaWebhookReply?: boolean
}

/** A Bot API error to answer with. */
export interface ApiFailure {
  error_code: number
  description: string
  /** Seconds to wait, as Telegram sends with 429. Tests use 0: auto-retry waits at least 3 s otherwise on 5xx. */
  retry_after?: number
}

/** How the fake presents itself. */
export interface FakeTelegramApiOptions {
  /** What `getMe` returns. Defaults to `FAKE_BOT_INFO`. */
  botInfo?: UserFromGetMe
  /** The only token accepted; others get 401. Defaults to `FAKE_TOKEN`. */
  token?: string
}

/** A running fake, with what it recorded and the knobs tests turn. */
export interface FakeTelegramApi {
  /** Pass as `client.apiRoot`. */
  apiRoot: string
  botInfo: UserFromGetMe
  /** Every call, in arrival order. */
  calls: ApiCall[]
  /** The calls of one method. */
  callsTo(method: string): ApiCall[]
  /** The texts the bot sent with `sendMessage`. */
  sentTexts(): string[]
  /**
   * Queues an update for `getUpdates`, numbering it; returns it with its `update_id`. A
   * `callback_query` queued here may be answered once with `answerCallbackQuery`; any other id is
   * refused, as Telegram refuses a query it never sent or one already answered.
   */
  pushUpdate(body: UpdateBody): Update
  /**
   * Presses the first callback button under the message a `sendMessage` call sent, as `from`
   * (default user 1): queues the `callback_query` a client would send. Throws when it has none.
   */
  pressButton(sent: ApiCall, from?: User): Update
  /**
   * Delivers `update` to a webhook at `url` as Telegram does (POST, the secret in
   * `X-Telegram-Bot-Api-Secret-Token`), and performs the one Bot API call the bot may put in a 200
   * answer with a JSON body (`{ "method": ..., ...payload }`), recorded in `calls` like any other
   * with `viaWebhookReply`. As with Telegram, its result or error never reaches the bot. Resolves
   * with the HTTP status, or 0 when the connection was refused or dropped (Telegram would deliver
   * the update again).
   */
  postWebhook(url: string, update: Update, secretToken?: string): Promise<number>
  /** The lowest `update_id` not yet confirmed by an `offset`. */
  confirmedOffset(): number
  /** Fails the next call of `method` (each call to `failNext` queues one failure). */
  failNext(method: string, failure: ApiFailure): void
  /** Holds every later answer to `method` for `ms` milliseconds. */
  delay(method: string, ms: number): void
  /** Resolves once `check(calls)` holds, checked on every call and answer; rejects after `timeoutMs` (default 5 s). */
  waitFor(check: (calls: ApiCall[]) => boolean, timeoutMs?: number): Promise<void>
  /** Answers pending long polls with no updates and closes the server and its keep-alive connections. */
  stop(): Promise<void>
}

/** Starts the fake on an ephemeral port of 127.0.0.1. */
export async function startFakeTelegramApi(options: FakeTelegramApiOptions = {}): Promise<FakeTelegramApi> {
  const botInfo = options.botInfo ?? FAKE_BOT_INFO
  const token = options.token ?? FAKE_TOKEN
  const calls: ApiCall[] = []
  const failures = new Map<string, ApiFailure[]>()
  const delays = new Map<string, number>()
  const listeners = new Set<() => void>()
  const polls = new Set<() => void>()
  let pending: Update[] = []
  // As Telegram does, the last list given wins; an empty or missing one keeps the previous.
  let allowedUpdates: string[] | undefined
  /** Callback queries delivered and not answered yet. */
  const openCallbackQueries = new Set<string>()
  let nextUpdateId = 1
  let confirmed = 0
  let nextMessageId = 1
  let stopped = false

  const notify = () => {
    for (const listener of [...listeners]) listener()
  }

  const handlers: Record<string, (payload: Record<string, unknown>, response?: ServerResponse) => unknown> = {
    getMe: () => botInfo,
    setMyCommands: () => true,
    deleteWebhook: () => true,
    setWebhook: (payload) => {
      allowUpdates(payload)
      return true
    },
    sendChatAction: () => true,
    sendMessage: (payload) => sendMessage(payload),
    answerCallbackQuery: (payload) => answerCallbackQuery(payload),
    answerInlineQuery: (payload) => answerInlineQuery(payload),
    getUpdates: (payload, response) => (response ? getUpdates(payload, response) : []),
  }

  function sendMessage(payload: Record<string, unknown>): Message.TextMessage {
    const text = String(payload.text ?? '')
    let shown = text
    if (payload.parse_mode === 'HTML') {
      const parsed = parseTelegramHtml(text)
      if (!parsed.ok) throw new BotApiError(400, parsed.error)
      shown = parsed.text
    } else if (text.trim() === '' || text.length > 4096) {
      throw new BotApiError(400, 'Bad Request: message text is empty or too long')
    }
    const markup = payload.reply_markup as InlineKeyboardMarkup | undefined
    for (const button of markup?.inline_keyboard.flat() ?? []) {
      const data = 'callback_data' in button ? button.callback_data : undefined
      if (data !== undefined && (data === '' || Buffer.byteLength(data) > 64)) throw new BotApiError(400, 'Bad Request: BUTTON_DATA_INVALID')
    }
    const chatId = Number(payload.chat_id)
    return {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: chatId > 0 ? { id: chatId, type: 'private', first_name: 'User' } : { id: chatId, type: 'supergroup', title: 'Group' },
      from: botInfo,
      text: shown,
      ...(markup ? { reply_markup: markup } : {}),
    }
  }

  function answerCallbackQuery(payload: Record<string, unknown>): true {
    const id = String(payload.callback_query_id ?? '')
    if (!openCallbackQueries.delete(id)) throw new BotApiError(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid')
    if (typeof payload.text === 'string' && payload.text.length > 200) throw new BotApiError(400, 'Bad Request: MESSAGE_TOO_LONG')
    return true
  }

  function allowUpdates(payload: Record<string, unknown>): void {
    const allowed = payload.allowed_updates
    if (Array.isArray(allowed) && allowed.length > 0) allowedUpdates = allowed.map(String)
  }

  function isAllowed(update: Update): boolean {
    if (allowedUpdates === undefined) return true
    const kind = Object.keys(update).find((key) => key !== 'update_id')
    return kind !== undefined && allowedUpdates.includes(kind)
  }

  function answerInlineQuery(payload: Record<string, unknown>): true {
    const results = (payload.results ?? []) as InlineQueryResult[]
    if (results.length > 50) throw new BotApiError(400, 'Bad Request: RESULTS_TOO_MUCH')
    const ids = new Set<string>()
    for (const result of results) {
      if (ids.has(result.id) || Buffer.byteLength(result.id) > 64) throw new BotApiError(400, 'Bad Request: RESULT_ID_DUPLICATE')
      ids.add(result.id)
      const content = 'input_message_content' in result ? result.input_message_content : undefined
      if (content && 'message_text' in content && content.parse_mode === 'HTML') {
        const parsed = parseTelegramHtml(content.message_text)
        if (!parsed.ok) throw new BotApiError(400, parsed.error)
      }
    }
    return true
  }

  function pushUpdate(body: UpdateBody): Update {
    const update = { update_id: nextUpdateId++, ...body } as Update
    if (update.callback_query) openCallbackQueries.add(update.callback_query.id)
    pending.push(update)
    for (const wake of [...polls]) wake()
    return update
  }

  async function getUpdates(payload: Record<string, unknown>, response: ServerResponse): Promise<Update[]> {
    allowUpdates(payload)
    const offset = Number(payload.offset ?? 0)
    if (offset > 0) {
      confirmed = Math.max(confirmed, offset)
      pending = pending.filter((update) => update.update_id >= offset)
    }
    const limit = Number(payload.limit ?? 100)
    const timeoutMs = Number(payload.timeout ?? 0) * 1000
    // Telegram never stores an update of a kind the bot did not ask for.
    const take = () => pending.filter((update) => update.update_id >= offset && isAllowed(update)).slice(0, limit)
    if (take().length > 0 || timeoutMs === 0 || stopped) return take()
    // A real long poll: answer as soon as an update arrives, or with nothing at the timeout.
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer)
        polls.delete(done)
        response.off('close', done)
        resolve()
      }
      const timer = setTimeout(done, timeoutMs)
      polls.add(done)
      // The response's close, not the request's: the request closes once its body is read.
      response.once('close', done)
    })
    return take()
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(request.url ?? '')
    if (!match) return send(response, 404, { ok: false, error_code: 404, description: 'Not Found' })
    const [, requestToken, method = ''] = match
    const body = await readBody(request)
    const payload = body === '' ? {} : (JSON.parse(body) as Record<string, unknown>)
    await perform({ method, payload, receivedAt: performance.now() }, requestToken === token, response)
  }

  /**
   * Records `call`, performs it as Telegram would, answers on `response` after any `delay` (a call
   * made in a webhook's answer has none to answer on), and notes the outcome on the call.
   */
  async function perform(call: ApiCall, authorized: boolean, response?: ServerResponse): Promise<void> {
    const { method, payload } = call
    calls.push(call)
    notify()
    const answer = async (): Promise<{ status: number; body: unknown }> => {
      if (!authorized) return { status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } }
      const failure = failures.get(method)?.shift()
      if (failure) {
        const { retry_after, ...error } = failure
        return { status: failure.error_code, body: { ok: false, ...error, ...(retry_after === undefined ? {} : { parameters: { retry_after } }) } }
      }
      const handler = handlers[method]
      if (!handler) return { status: 404, body: { ok: false, error_code: 404, description: 'Not Found: method not found' } }
      try {
        return { status: 200, body: { ok: true, result: await handler(payload, response) } }
      } catch (error) {
        if (!(error instanceof BotApiError)) throw error
        return { status: error.code, body: { ok: false, error_code: error.code, description: error.message } }
      }
    }
    const outcome = await answer()
    const delayMs = delays.get(method) ?? 0
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs))
    call.failed = outcome.status !== 200
    if (!call.failed) call.result = (outcome.body as { result: unknown }).result
    if (response) send(response, outcome.status, outcome.body)
    call.respondedAt = performance.now()
    notify()
  }

  async function postWebhook(url: string, update: Update, secretToken?: string): Promise<number> {
    let response: Response
    let text: string
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(secretToken === undefined ? {} : { 'x-telegram-bot-api-secret-token': secretToken }) },
        body: JSON.stringify(update),
        signal: AbortSignal.timeout(30_000),
      })
      text = await response.text()
    } catch {
      return 0
    }
    if (response.status === 200 && text !== '' && response.headers.get('content-type')?.startsWith('application/json')) {
      const { method, ...payload } = JSON.parse(text) as { method?: unknown } & Record<string, unknown>
      if (typeof method === 'string') await perform({ method, payload, receivedAt: performance.now(), viaWebhookReply: true }, true)
    }
    return response.status
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      send(response, 500, { ok: false, error_code: 500, description: `Internal Server Error: ${String(error)}` })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    botInfo,
    calls,
    callsTo: (method) => calls.filter((call) => call.method === method),
    sentTexts: () => calls.filter((call) => call.method === 'sendMessage' && !call.failed).map((call) => String(call.payload.text)),
    pushUpdate,
    postWebhook,
    pressButton(sent, from = fakeUser(1)) {
      const message = sent.result as Message.TextMessage | undefined
      const button = message?.reply_markup?.inline_keyboard.flat().find((b) => 'callback_data' in b)
      if (message === undefined || button === undefined || !('callback_data' in button)) {
        throw new Error(`fake Telegram API: ${sent.method} sent no message with a callback button`)
      }
      return pushUpdate(callbackQueryUpdate(message, button.callback_data, from))
    },
    confirmedOffset: () => confirmed,
    failNext(method, failure) {
      failures.set(method, [...(failures.get(method) ?? []), failure])
    },
    delay(method, ms) {
      delays.set(method, ms)
    },
    waitFor(check, timeoutMs = 5_000) {
      if (check(calls)) return Promise.resolve()
      return new Promise((resolve, reject) => {
        const listener = () => {
          if (!check(calls)) return
          clearTimeout(timer)
          listeners.delete(listener)
          resolve()
        }
        const timer = setTimeout(() => {
          listeners.delete(listener)
          const seen = calls.map((call) => call.method).join(', ')
          reject(new Error(`fake Telegram API: condition not met within ${timeoutMs} ms; calls so far: ${seen}`))
        }, timeoutMs)
        listeners.add(listener)
      })
    },
    async stop() {
      stopped = true
      for (const wake of [...polls]) wake()
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        // grammY keeps connections alive; without this, close() waits for them to time out.
        server.closeAllConnections()
      })
    },
  }
}

/** A Bot API error the fake answers with. */
class BotApiError extends Error {
  override readonly name = 'BotApiError'
  constructor(
    readonly code: number,
    description: string,
  ) {
    super(description)
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent || response.destroyed) return
  response.writeHead(status, { 'content-type': 'application/json' })
  response.end(JSON.stringify(body))
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}
