import type { Bot } from 'grammy'
import { FAKE_BOT_INFO } from './telegram-updates.js'

/** One Bot API call the bot made, intercepted before it left the process. */
export interface RecordedCall {
  method: string
  payload: Record<string, unknown>
  /** What the call was answered with: for `sendMessage`, the message as sent. */
  result: unknown
}

/**
 * Installs an API transformer that records every call and answers it locally, as grammY's own
 * `bot.test.ts` does: for unit tests that drive the bot with `bot.handleUpdate`.
 */
export function recordApiCalls(bot: Bot): RecordedCall[] {
  const calls: RecordedCall[] = []
  let nextMessageId = 1
  bot.api.config.use((_prev, method, payload) => {
    const sent = payload as { chat_id: number; text: string; reply_markup?: unknown }
    const result =
      method === 'sendMessage'
        ? {
            message_id: nextMessageId++,
            date: 0,
            chat: sent.chat_id > 0 ? { id: sent.chat_id, type: 'private' } : { id: sent.chat_id, type: 'supergroup', title: 'Group' },
            from: FAKE_BOT_INFO,
            text: sent.text,
            ...(sent.reply_markup === undefined ? {} : { reply_markup: sent.reply_markup }),
          }
        : true
    calls.push({ method, payload: payload as Record<string, unknown>, result })
    // The transformer's type ties the result to the method; these tests only use the shapes above.
    return Promise.resolve({ ok: true, result } as never)
  })
  return calls
}

/** The texts of the `sendMessage` calls, in order. */
export function sentTexts(calls: readonly RecordedCall[]): string[] {
  return calls.filter((call) => call.method === 'sendMessage').map((call) => String(call.payload.text))
}
