import type { Message } from 'discord.js'
import { callCore } from '../answering.js'
import { cooldownMessage } from './cooldown.js'
import { rememberAnswer, turnsOfMessage } from './follow-ups.js'
import { formatHelp, formatNotice } from './format.js'
import { answerPage, describeCorpus, NO_MENTIONS, type Delivery, type HandlerContext } from './replies.js'

/**
 * Answers a message that mentions the bot in a channel, or any message in a DM, with a reply in
 * the same channel. Discord delivers the content of exactly these messages without the privileged
 * Message Content intent. Only sending can throw; `client.ts` catches that.
 */
export async function handleMessage(message: Message, botUserId: string, ctx: HandlerContext): Promise<void> {
  if (message.author.bot || message.system) return
  const inDm = message.guildId === null
  const { turns, inBotThread } = await turnsOfMessage(message, botUserId, ctx)
  // `mentions.users` leaves out @everyone and role mentions: only a direct mention is a question for
  // us, or any message in a thread the bot opened on an answer.
  const mentioned = message.mentions.users.has(botUserId)
  if (!inDm && !mentioned && !inBotThread) return

  const question = stripMention(message.content, botUserId)
  // Without the Message Content intent a thread message that does not mention the bot arrives empty.
  if (question === '' && inBotThread && !mentioned) return
  const ref = message.id
  let delivery: Delivery
  if (question === '') {
    const examples = callCore(ctx.deps, { adapter: 'discord', ref, what: 'exampleQuestions' }, (engine) => engine.exampleQuestions())
    delivery = { kind: 'public', reply: formatHelp(examples.kind === 'ok' ? examples.value.slice(0, 5) : [], describeCorpus(ctx, ref).footer) }
  } else {
    const verdict = await ctx.cooldown.check(message.author.id)
    if (!verdict.allowed) {
      // A channel has no ephemeral replies: say it once per cooldown, then stay quiet.
      if (verdict.firstRefusal) await message.reply({ ...formatNotice(cooldownMessage(verdict.retryAfterMs)), allowedMentions: NO_MENTIONS })
      return
    }
    delivery = await answerPage(ctx, { question, offset: 0, ref, contextId: ref, channelId: message.channelId, ...(turns ? { context: turns } : {}) })
  }
  const sent = await message.reply({ ...delivery.reply, allowedMentions: NO_MENTIONS })
  if (delivery.kind === 'public') await rememberAnswer(ctx, sent, turns, delivery.answer, inBotThread)
}

/** The question in a message: the text without the bot's own mention (`<@id>` or `<@!id>`). */
export function stripMention(content: string, botUserId: string): string {
  return content.replaceAll(new RegExp(`<@!?${botUserId}>`, 'g'), ' ').replace(/\s+/g, ' ').trim()
}
