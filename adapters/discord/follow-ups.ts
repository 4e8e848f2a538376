import { ButtonStyle, ComponentType, MessageFlags, ThreadAutoArchiveDuration, type APIButtonComponent, type ButtonInteraction, type ChatInputCommandInteraction, type Message } from 'discord.js'
import type { Answer, ConversationTurn } from '../../src/index.js'
import { CONTEXT_TTL_MS, withTurn } from '../conversation/context-store.js'
import { DOWN_REASONS, isDownReason, type Vote } from '../feedback/store.js'
import { VOTE_TEXTS } from '../feedback/votes.js'
import type { DiscordReply } from './format.js'
import { NO_MENTIONS, type HandlerContext } from './replies.js'

/**
 * Discord's side of conversations and feedback: a reply to one of the bot's answers follows it up,
 * `/ask thread:True` opens a thread on the answer where every message the bot can read follows up
 * (all of them with the Message Content intent; otherwise those that mention the bot), and every
 * answer carries 👍/👎. Buttons carry only the answer's random id, checked against the channel.
 */

/** Name of the `/ask` option that opens a thread on the answer. */
export const THREAD_OPTION = 'thread'
/** Discord archives a thread after this long without messages: an hour. */
const THREAD_ARCHIVE = ThreadAutoArchiveDuration.OneHour
/** Discord's limit on a thread name. */
const MAX_THREAD_NAME = 100

const VOTE_ID = /^vote:([\w-]{16}):(up|down)$/
const REASON_ID = /^why:([\w-]{16}):([a-z-]+)$/

/** The store key of the conversation that a bot message in a channel ends. */
const messageKey = (channelId: string, messageId: string) => `discord:${channelId}:${messageId}`
/** The store key of a thread the bot opened: every message in it follows up. */
const threadKey = (threadId: string) => `discord:thread:${threadId}`

/** The 👍/👎 row added under an answer's buttons; `reply` unchanged without feedback. */
export function withVoteRow(ctx: HandlerContext, answer: Answer, channelId: string | undefined, reply: DiscordReply): DiscordReply {
  if (!ctx.feedback || channelId === undefined || answer.status === 'invalid') return reply
  const id = ctx.feedback.register(answer, `discord:${channelId}`)
  const button = (label: string, vote: Vote): APIButtonComponent => ({ type: ComponentType.Button, style: ButtonStyle.Secondary, label, custom_id: `vote:${id}:${vote}` })
  return { ...reply, components: [...reply.components, { type: ComponentType.ActionRow, components: [button('👍', 'up'), button('👎', 'down')] }] }
}

/**
 * The turns a message follows up: those of the bot's answer it replies to, or of the bot's thread
 * it is in. None (stand-alone) for a reply to another message, to an answer deleted or older than
 * the context window, or when the store fails (logged). `inBotThread` says whether to answer a
 * message that does not mention the bot.
 */
export async function turnsOfMessage(message: Message, botUserId: string, ctx: HandlerContext): Promise<{ turns?: ConversationTurn[]; inBotThread: boolean }> {
  const store = ctx.conversations
  if (!store) return { inBotThread: false }
  try {
    const thread = message.channel.isThread() ? await store.get(threadKey(message.channelId)) : undefined
    const repliedId = message.reference?.messageId
    // Only a reply to the bot's own message: `mentions.repliedUser` is the author of the message replied to.
    const replied = repliedId !== undefined && message.mentions.repliedUser?.id === botUserId ? await store.get(messageKey(message.channelId, repliedId)) : undefined
    const turns = replied ?? thread
    return { ...(turns ? { turns } : {}), inBotThread: thread !== undefined }
  } catch (error) {
    ctx.deps.logger.warn({ err: error, ref: message.id }, 'could not read the conversation: answering on its own')
    return { inBotThread: false }
  }
}

/** Keeps the conversation under the bot's answer message, and under its thread when it is in one of the bot's. */
export async function rememberAnswer(ctx: HandlerContext, sent: Message | undefined, before: ConversationTurn[] | undefined, answer: Answer | undefined, inBotThread: boolean): Promise<ConversationTurn[] | undefined> {
  const store = ctx.conversations
  if (!store || !sent || !answer || answer.status === 'invalid') return undefined
  const turns = withTurn(before, answer)
  try {
    await store.set(messageKey(sent.channelId, sent.id), turns, CONTEXT_TTL_MS)
    if (inBotThread) await store.set(threadKey(sent.channelId), turns, CONTEXT_TTL_MS)
  } catch (error) {
    ctx.deps.logger.warn({ err: error, ref: sent.id }, 'could not keep the conversation')
  }
  return turns
}

/**
 * After `/ask`: keeps the conversation under the answer, and with `thread:True` opens a thread on
 * it (archived after an hour without messages). A channel where the bot cannot open or post in a
 * thread is logged and told to the asker privately; it never fails the answer.
 */
export async function afterAsk(interaction: ChatInputCommandInteraction, ctx: HandlerContext, sent: Message | undefined, answer: Answer | undefined): Promise<void> {
  const turns = await rememberAnswer(ctx, sent, undefined, answer, false)
  if (!interaction.options.getBoolean(THREAD_OPTION) || !sent || !turns) return
  if (!interaction.inGuild()) {
    await interaction.followUp({ content: 'Threads need a server channel: reply to my answer to follow it up.', flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS })
    return
  }
  try {
    const name = answer?.question.slice(0, MAX_THREAD_NAME) || 'Follow-up questions'
    const thread = await sent.startThread({ name, autoArchiveDuration: THREAD_ARCHIVE })
    await ctx.conversations?.set(threadKey(thread.id), turns, CONTEXT_TTL_MS)
  } catch (error) {
    ctx.deps.logger.warn({ err: error, ref: interaction.id }, 'could not open a thread on the answer')
    await interaction.followUp({ content: 'I could not open a thread here (I may lack the permission): reply to my answer to follow it up.', flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS })
  }
}

/**
 * Handles a 👍, 👎 or reason press, answering privately once the vote is on disk; false for any
 * other button. The first 👎 of a voter on an answer offers, privately, the reasons to pick from.
 */
export async function handleVoteButton(interaction: ButtonInteraction, ctx: HandlerContext): Promise<boolean> {
  const voteMatch = VOTE_ID.exec(interaction.customId)
  const reasonMatch = REASON_ID.exec(interaction.customId)
  if (!voteMatch && !reasonMatch) return false
  const answerId = (voteMatch ?? reasonMatch)?.[1] ?? ''
  const reason = reasonMatch?.[2]
  const reply = (content: string, components: DiscordReply['components'] = []) =>
    interaction.reply({ content, components, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS })
  if (!ctx.feedback || (reason !== undefined && !isDownReason(reason))) {
    await reply(VOTE_TEXTS.refused)
    return true
  }
  const vote: Vote = reason !== undefined ? 'down' : (voteMatch?.[2] as Vote)
  const outcome = await ctx.feedback.vote({
    platform: 'discord',
    answerId,
    chatKey: `discord:${interaction.channelId}`,
    userId: interaction.user.id,
    vote,
    ...(reason !== undefined && isDownReason(reason) ? { reason } : {}),
  })
  if (outcome.kind === 'failed') {
    ctx.deps.logger.error({ err: outcome.error, ref: interaction.id }, 'could not record a vote')
    await reply(VOTE_TEXTS.failed)
  } else if (outcome.kind !== 'recorded') await reply(VOTE_TEXTS[outcome.kind])
  else if (reason !== undefined) await reply(VOTE_TEXTS.reason)
  else if (vote === 'down' && outcome.first) {
    const buttons = Object.entries(DOWN_REASONS).map(([key, label]): APIButtonComponent => ({ type: ComponentType.Button, style: ButtonStyle.Secondary, label, custom_id: `why:${answerId}:${key}` }))
    await reply(VOTE_TEXTS.down, [{ type: ComponentType.ActionRow, components: buttons }])
  } else await reply(outcome.changed ? VOTE_TEXTS.changed : VOTE_TEXTS[vote])
  return true
}
