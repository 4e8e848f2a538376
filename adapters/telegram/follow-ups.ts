import { InlineKeyboard, type Composer, type Context } from 'grammy'
import type { InlineKeyboardMarkup } from 'grammy/types'
import type { Answer, ConversationTurn } from '../../src/index.js'
import type { AdapterDeps } from '../answering.js'
import { CONTEXT_TTL_MS, withTurn, type ContextStore } from '../conversation/context-store.js'
import { DOWN_REASONS, isDownReason, type DownReason, type Vote } from '../feedback/store.js'
import { VOTE_TEXTS, type Feedback } from '../feedback/votes.js'
import { parseMoreQuotesData } from './quote-pages.js'

/**
 * Telegram's side of conversations and feedback: a reply to one of the bot's answers is a
 * follow-up (its turns are kept under the answer's message id, or, for an answer sent as a webhook
 * reply, whose id never comes back, under the random id its buttons carry: a reply carries the
 * replied message with its buttons), and every answer carries 👍/👎.
 * Buttons carry only the answer's random id; the vote is checked against the chat it was sent to.
 */

/** `callback_data` of a vote: `vote:<answer id>:up|down`, or `why:<answer id>:<reason>` after a 👎. */
const VOTE_DATA = /^vote:([\w-]{16}):(up|down)$/
const REASON_DATA = /^why:([\w-]{16}):([a-z-]+)$/

/** The store key of the conversation an answer message ends. */
export function telegramContextKey(chatId: number, messageId: number): string {
  return `telegram:${chatId}:${messageId}`
}

/** The store key of the conversation an answer sent without a known message id ends, by its buttons' id. */
function telegramButtonContextKey(chatId: number, buttonId: string): string {
  return `telegram:${chatId}:buttons:${buttonId}`
}

/**
 * The random id an answer's buttons carry: its "More quotes" page id, else its 👍/👎 answer id.
 * `undefined` for a message without them. Telegram puts the replied message's buttons in a reply's
 * `reply_to_message`, and only the bot can have made them (the reply's sender is checked first).
 */
function buttonIdOf(markup: InlineKeyboardMarkup | undefined): string | undefined {
  for (const button of markup?.inline_keyboard.flat() ?? []) {
    const data = 'callback_data' in button ? button.callback_data : undefined
    const id = parseMoreQuotesData(data) ?? (data === undefined ? undefined : VOTE_DATA.exec(data)?.[1])
    if (id !== undefined) return id
  }
  return undefined
}

/**
 * The turns a message follows up: those kept for the bot's message it replies to. None (a
 * stand-alone question) for a reply to someone else's message, to an answer deleted or older than
 * the context window, or when the store fails (logged).
 */
export async function turnsRepliedTo(ctx: Context, store: ContextStore | undefined, deps: AdapterDeps): Promise<ConversationTurn[] | undefined> {
  const replied = ctx.msg?.reply_to_message
  const chatId = ctx.chatId
  if (!store || !replied || chatId === undefined || replied.from?.id !== ctx.me.id) return undefined
  try {
    const byId = await store.get(telegramContextKey(chatId, replied.message_id))
    const buttonId = buttonIdOf(replied.reply_markup)
    return byId ?? (buttonId === undefined ? undefined : await store.get(telegramButtonContextKey(chatId, buttonId)))
  } catch (error) {
    deps.logger.warn({ err: error, adapter: 'telegram', ref: String(ctx.update.update_id) }, 'could not read the conversation: answering on its own')
    return undefined
  }
}

/**
 * Keeps the conversation under each message of an answer, so a reply to any of them follows up:
 * under its id, or, for the last message (the one with `buttons`) sent without a known id, under
 * its buttons' id. `messageIds` are the answer's messages in order, `undefined` where unknown.
 */
export async function rememberTurns(
  ctx: Context,
  store: ContextStore | undefined,
  deps: AdapterDeps,
  before: ConversationTurn[] | undefined,
  answer: Answer,
  messageIds: readonly (number | undefined)[],
  buttons?: InlineKeyboardMarkup,
): Promise<void> {
  const chatId = ctx.chatId
  if (!store || chatId === undefined || answer.status === 'invalid') return
  const turns = withTurn(before, answer)
  const keys = messageIds.flatMap((id) => (id === undefined ? [] : [telegramContextKey(chatId, id)]))
  const buttonId = messageIds.at(-1) === undefined ? buttonIdOf(buttons) : undefined
  if (buttonId !== undefined) keys.push(telegramButtonContextKey(chatId, buttonId))
  try {
    await Promise.all(keys.map((key) => store.set(key, turns, CONTEXT_TTL_MS)))
  } catch (error) {
    deps.logger.warn({ err: error, adapter: 'telegram', ref: String(ctx.update.update_id) }, 'could not keep the conversation')
  }
}

/** Adds the 👍/👎 row for `answer` to `keyboard` (made when absent); unchanged without feedback or a chat. */
export function withVoteButtons(ctx: Context, feedback: Feedback | undefined, answer: Answer, keyboard?: InlineKeyboard): InlineKeyboard | undefined {
  const chatId = ctx.chatId
  if (!feedback || chatId === undefined || answer.status === 'invalid') return keyboard
  const id = feedback.register(answer, `telegram:${chatId}`)
  return (keyboard ? keyboard.row() : new InlineKeyboard()).text('👍', `vote:${id}:up`).text('👎', `vote:${id}:down`)
}

/**
 * Handles vote and reason presses before any other button handler: records the vote (fsynced) and
 * only then answers the press. The first 👎 of a voter on an answer asks, optionally, what was wrong.
 */
export function registerVoteButtons(composer: Composer<Context>, deps: AdapterDeps, feedback: Feedback | undefined): void {
  composer.callbackQuery([VOTE_DATA, REASON_DATA], async (ctx) => {
    const data = ctx.callbackQuery.data
    const voteMatch = VOTE_DATA.exec(data)
    const reasonMatch = REASON_DATA.exec(data)
    const answerId = (voteMatch ?? reasonMatch)?.[1] ?? ''
    const reason = reasonMatch?.[2]
    const chatId = ctx.callbackQuery.message?.chat.id
    if (!feedback || chatId === undefined || (reason !== undefined && !isDownReason(reason))) return answerPress(ctx, deps, VOTE_TEXTS.refused)
    const vote: Vote = reason !== undefined ? 'down' : (voteMatch?.[2] as Vote)
    const outcome = await feedback.vote({ platform: 'telegram', answerId, chatKey: `telegram:${chatId}`, userId: ctx.from.id, vote, ...(reason !== undefined ? { reason: reason as DownReason } : {}) })
    if (outcome.kind === 'failed') {
      deps.logger.error({ err: outcome.error, adapter: 'telegram', ref: String(ctx.update.update_id) }, 'could not record a vote')
      return answerPress(ctx, deps, VOTE_TEXTS.failed)
    }
    if (outcome.kind !== 'recorded') return answerPress(ctx, deps, VOTE_TEXTS[outcome.kind])
    if (reason !== undefined) return answerPress(ctx, deps, VOTE_TEXTS.reason)
    await answerPress(ctx, deps, outcome.changed ? VOTE_TEXTS.changed : VOTE_TEXTS[vote])
    // Asked once per voter and answer, so pressing 👎 again does not fill the chat with questions.
    if (vote === 'down' && outcome.first) {
      const keyboard = new InlineKeyboard()
      for (const [key, label] of Object.entries(DOWN_REASONS)) keyboard.text(label, `why:${answerId}:${key}`).row()
      await ctx.reply('What was wrong with that answer? (optional)', {
        reply_markup: keyboard,
        ...(ctx.callbackQuery.message ? { reply_parameters: { message_id: ctx.callbackQuery.message.message_id, allow_sending_without_reply: true } } : {}),
      })
    }
  })
}

/** Answers a press, which stops the client's spinner; a late answer (after a restart) is only logged. */
async function answerPress(ctx: Context, deps: AdapterDeps, text: string): Promise<void> {
  try {
    await ctx.answerCallbackQuery({ text })
  } catch (error) {
    deps.logger.warn({ err: error, adapter: 'telegram', ref: String(ctx.update.update_id) }, 'could not answer the vote press')
  }
}
