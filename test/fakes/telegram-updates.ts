import type { Chat, Message, MessageEntity, Update, User, UserFromGetMe } from 'grammy/types'

/**
 * Builders for the updates Telegram sends, with the entities its clients add: a `bot_command`
 * for a leading `/command` (grammY's `bot.command()` needs it at offset 0) and a `mention` for
 * every `@username`. They leave `update_id` out: the fake Bot API numbers updates as they are pushed.
 */

/** An update before Telegram numbers it. */
export type UpdateBody = Omit<Update, 'update_id'>

/** The bot the fakes pretend to be. */
export const FAKE_BOT_INFO: UserFromGetMe = {
  id: 4242,
  is_bot: true,
  first_name: 'Summit Quotes',
  username: 'summit_quotes_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
}

/** A token of the Bot API's form, for tests. */
export const FAKE_TOKEN = '4242:AAEhBOweik6ad6PsVMRxjeQKKmHg_5xXeQ0'

/** A person with a stable id and name. */
export function fakeUser(id: number): User {
  return { id, is_bot: false, first_name: `User ${id}`, language_code: 'en' }
}

/** The group all group tests talk in. */
export const FAKE_GROUP: Chat.SupergroupChat = { id: -100_777, type: 'supergroup', title: 'News desk' }

let nextMessageId = 1_000

/** Who writes a test message, where, and in reply to what. */
export interface MessageOptions {
  /** Who writes. Defaults to user 1. */
  from?: User
  /** Where. Defaults to the private chat with `from`. */
  chat?: Chat
  /** The message this one replies to. */
  replyTo?: Message
}

/** A text message, with `bot_command` and `mention` entities where a client would add them. */
export function textMessage(text: string, options: MessageOptions = {}): Message.TextMessage {
  const from = options.from ?? fakeUser(1)
  const chat: Chat = options.chat ?? { id: from.id, type: 'private', first_name: from.first_name }
  const entities = entitiesOf(text)
  return {
    message_id: nextMessageId++,
    date: Math.floor(Date.now() / 1000),
    chat,
    from,
    text,
    ...(entities.length > 0 ? { entities } : {}),
    ...(options.replyTo ? { reply_to_message: options.replyTo as Message.TextMessage & { reply_to_message: undefined } } : {}),
  } as Message.TextMessage
}

/** An update carrying a text message. */
export function textUpdate(text: string, options: MessageOptions = {}): UpdateBody {
  return { message: textMessage(text, options) } as UpdateBody
}

/** A text message in `FAKE_GROUP`. */
export function groupTextUpdate(text: string, options: Omit<MessageOptions, 'chat'> = {}): UpdateBody {
  return textUpdate(text, { ...options, chat: FAKE_GROUP })
}

/** A photo without caption, to check the bot asks for text. */
export function photoUpdate(from: User = fakeUser(1)): UpdateBody {
  return {
    message: {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: from.id, type: 'private', first_name: from.first_name },
      from,
      photo: [{ file_id: 'photo', file_unique_id: 'photo', width: 10, height: 10 }],
    },
  } as UpdateBody
}

/** An inline query typed as `@bot <query>`. */
export function inlineQueryUpdate(query: string, from: User = fakeUser(1)): UpdateBody {
  return { inline_query: { id: `iq-${nextMessageId++}`, from, query, offset: '' } }
}

/**
 * A press of an inline button under `message`, carrying `data` as its `callback_data`. Pass any
 * `data`, or none (as a game button sends), to play a client that tampers with it.
 */
export function callbackQueryUpdate(message: Message, data: string | undefined, from: User = fakeUser(1)): UpdateBody {
  return { callback_query: { id: `cq-${nextMessageId++}`, from, chat_instance: `chat-${message.chat.id}`, message, ...(data === undefined ? {} : { data }) } }
}

/** A message the bot sent, as it appears in `reply_to_message`. */
export function botMessage(text: string, chat: Chat = FAKE_GROUP): Message.TextMessage {
  return { message_id: nextMessageId++, date: Math.floor(Date.now() / 1000), chat, from: FAKE_BOT_INFO, text } as Message.TextMessage
}

function entitiesOf(text: string): MessageEntity[] {
  const entities: MessageEntity[] = []
  const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text)
  if (command) entities.push({ type: 'bot_command', offset: 0, length: command[0].length })
  for (const mention of text.matchAll(/(?<![\w/])@[A-Za-z0-9_]{5,32}/g)) {
    entities.push({ type: 'mention', offset: mention.index, length: mention[0].length })
  }
  return entities
}
