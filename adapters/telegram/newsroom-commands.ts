import { GrammyError, type Api, type Composer, type Context } from 'grammy'
import type { BotCommand } from 'grammy/types'
import { formatAnnouncement, type AnnouncementSender } from '../articles/announce.js'
import { ADD_USAGE_TEXT, formatAddReply, NOT_ALLOWED_TEXT, SUBSCRIPTION_TEXTS } from '../articles/chat-replies.js'
import type { Newsroom } from '../articles/newsroom.js'
import { apologyFor } from '../answering.js'
import type { Logger } from '../logger.js'
import { escapeHtml, MAX_MESSAGE_CHARS, splitHtml } from './format.js'

/** `/add`, `/subscribe` and `/unsubscribe` as the command menu lists them, for the people in `TELEGRAM_ADMIN_IDS`. */
export const TELEGRAM_NEWSROOM_COMMANDS: readonly BotCommand[] = [
  { command: 'add', description: 'Add a news article by its link: /add <url>' },
  { command: 'subscribe', description: 'Post a message here for each new or updated article' },
  { command: 'unsubscribe', description: 'Stop posting new articles here' },
]

/**
 * Puts the newsroom commands in the command menu of the people allowed to use them, after the
 * commands everyone has (`everyone`): in each admin's private chat with the bot at start, and in a
 * group for that admin alone once they use one there (Telegram's `chat_member` scope), so no one
 * else is shown commands that would only refuse them. An admin who never opened a chat with the
 * bot cannot have a private menu yet: logged, and the others still get theirs.
 */
export async function setTelegramNewsroomMenu(api: Api, adminIds: readonly number[], everyone: readonly BotCommand[], logger: Logger, signal?: Parameters<Api['setMyCommands']>[2]): Promise<void> {
  const commands = [...everyone, ...TELEGRAM_NEWSROOM_COMMANDS]
  for (const adminId of adminIds) {
    try {
      await api.setMyCommands(commands, { scope: { type: 'chat', chat_id: adminId } }, signal)
    } catch (error) {
      logger.warn({ err: error, adapter: 'telegram', adminId }, 'could not show the newsroom commands in an admin’s menu')
    }
  }
}

const html = { escape: escapeHtml, bold: (text: string) => `<b>${text}</b>`, quote: (text: string) => `<blockquote>${text}</blockquote>` }

/**
 * `/add url`, `/subscribe` and `/unsubscribe`, for the user ids in `TELEGRAM_ADMIN_IDS` only, and
 * the sender that posts announcements into subscribed chats. `/add` runs outside the chat's update
 * queue: fetching and reloading take seconds, and questions in that chat must not wait on them.
 */
export function registerTelegramNewsroomCommands(composer: Composer<Context>, api: Api, newsroom: Newsroom, logger: Logger, everyone: readonly BotCommand[] = []): void {
  const menuShown = new Set<string>()
  const isAdmin = (ctx: Context) => {
    if (ctx.from === undefined || !newsroom.telegramAdminIds.includes(ctx.from.id)) return false
    const chat = ctx.chat
    const key = `${String(chat?.id)}:${ctx.from.id}`
    if (chat && chat.type !== 'private' && chat.type !== 'channel' && !menuShown.has(key)) {
      menuShown.add(key)
      void api
        .setMyCommands([...everyone, ...TELEGRAM_NEWSROOM_COMMANDS], { scope: { type: 'chat_member', chat_id: chat.id, user_id: ctx.from.id } })
        .catch((error: unknown) => logger.warn({ err: error, adapter: 'telegram', chatId: chat.id }, 'could not show the newsroom commands in a group’s menu'))
    }
    return true
  }
  const send = (ctx: Context, text: string) => ctx.reply(text, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } })

  composer.command('add', async (ctx) => {
    if (!isAdmin(ctx)) return void (await send(ctx, escapeHtml(NOT_ALLOWED_TEXT)))
    const link = ctx.match.trim()
    if (link === '') return void (await send(ctx, escapeHtml(ADD_USAGE_TEXT)))
    const ref = String(ctx.update.update_id)
    void newsroom
      .add(link)
      .then((outcome) => send(ctx, formatAddReply(outcome, html)))
      .catch(async (error: unknown) => {
        logger.error({ err: error, adapter: 'telegram', ref }, 'adding an article failed')
        await send(ctx, escapeHtml(apologyFor(ref))).catch((sendError: unknown) => logger.warn({ err: sendError, adapter: 'telegram', ref }, 'could not send the apology'))
      })
  })

  for (const command of ['subscribe', 'unsubscribe'] as const) {
    composer.command(command, async (ctx) => {
      if (!isAdmin(ctx)) return void (await send(ctx, escapeHtml(NOT_ALLOWED_TEXT)))
      const channel = { platform: 'telegram' as const, channelId: String(ctx.chat.id) }
      const result = command === 'subscribe' ? await newsroom.subscriptions.subscribe(channel) : await newsroom.subscriptions.unsubscribe(channel)
      await send(ctx, escapeHtml(SUBSCRIPTION_TEXTS[result]))
    })
  }

  newsroom.setSender('telegram', createTelegramAnnouncementSender(api))
}

/** Posts an announcement as HTML; a chat that is gone, or that blocked or removed the bot, is reported as `gone`. */
export function createTelegramAnnouncementSender(api: Api): AnnouncementSender {
  return async (channelId, changes) => {
    try {
      // One message per channel: an announcement is far below the limit, but a huge title must not make it fail.
      const [text = ''] = splitHtml(formatAnnouncement(changes, html), MAX_MESSAGE_CHARS)
      // Stored as text (the store is platform-neutral); Telegram chat ids are integers.
      await api.sendMessage(/^-?\d+$/.test(channelId) ? Number(channelId) : channelId, text, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } })
      return 'sent'
    } catch (error) {
      if (error instanceof GrammyError && (error.error_code === 403 || (error.error_code === 400 && /chat not found/i.test(error.description)))) return 'gone'
      throw error
    }
  }
}
