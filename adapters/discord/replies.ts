import type { MessageMentionOptions } from 'discord.js'
import type { Answer, ConversationTurn, SourceSummary } from '../../src/index.js'
import { answerQuestion, callCore, type AdapterDeps } from '../answering.js'
import type { ContextStore } from '../conversation/context-store.js'
import type { Feedback } from '../feedback/votes.js'
import { withVoteRow } from './follow-ups.js'
import type { AnswerContexts } from './buttons.js'
import type { Cooldown } from './cooldown.js'
import { corpusFooter, formatAnswer, formatNotice, type DiscordReply } from './format.js'

/**
 * Sent with every message body: a question holding `@everyone` or a role mention is echoed as text
 * and pings nobody. With `allowed_mentions` present and no `replied_user`, Discord does not ping
 * the author of a message we reply to either.
 */
export const NO_MENTIONS: MessageMentionOptions = { parse: [] }

/** What the interaction and message handlers share; built once per client in `client.ts`. */
export interface HandlerContext {
  deps: AdapterDeps
  cooldown: Cooldown
  contexts: AnswerContexts
  /** Quotes asked for per page. */
  quotesPerPage: number
  /** Named in the footer; see `DiscordClientOptions.corpusName`. */
  corpusName?: string
  /** Conversations for replies and threads (see `follow-ups.ts`); none: every question stands alone. */
  conversations?: ContextStore
  /** 👍/👎 under answers; none: no vote buttons. */
  feedback?: Feedback
}

/**
 * How a handler's result reaches the asker: `public` in the channel, or `private` (ephemeral where
 * the platform allows) for problems: a refused question, an apology with a reference.
 */
export type Delivery = { kind: 'public'; reply: DiscordReply; answer?: Answer } | { kind: 'private'; reply: DiscordReply }

/** The corpus as the footer names it, and its sources for lookups. Never throws. */
export function describeCorpus(ctx: HandlerContext, ref: string): { footer: string; sources: SourceSummary[] } {
  const result = callCore(ctx.deps, { adapter: 'discord', ref, what: 'sources' }, (engine) => engine.sources())
  const sources = result.kind === 'ok' ? result.value : []
  return {
    footer: corpusFooter({ name: ctx.corpusName, articles: result.kind === 'ok' ? sources.length : undefined }),
    sources,
  }
}

/** One page of the answer to `question`, as the asker will see it. Never rejects. */
export async function answerPage(
  ctx: HandlerContext,
  request: { question: string; sourceId?: string; offset: number; ref: string; contextId: string; context?: ConversationTurn[]; channelId?: string },
): Promise<Delivery> {
  const { question, sourceId, offset, ref, contextId, context, channelId } = request
  const outcome = answerQuestion(ctx.deps, {
    adapter: 'discord',
    question,
    ref,
    options: { offset, limit: ctx.quotesPerPage, ...(sourceId === undefined ? {} : { sourceId }), ...(context ? { context } : {}) },
  })
  if (outcome.kind !== 'answer') return { kind: 'private', reply: formatNotice(outcome.message) }
  const { answer } = outcome
  if (answer.status === 'invalid') {
    return { kind: 'private', reply: formatNotice(answer.message ?? 'I could not read that as a question. Please rephrase it.') }
  }
  const page = formatAnswer(answer, { offset, contextId, footer: describeCorpus(ctx, ref).footer })
  if (page.shown > 0) {
    try {
      await ctx.contexts.remember(contextId, { question, ...(sourceId === undefined ? {} : { sourceId }) })
    } catch (error) {
      // The answer matters more than its buttons: a press will be told to ask again.
      ctx.deps.logger.warn({ err: error, ref }, 'could not store the answer context: its buttons will not work')
    }
  }
  return { kind: 'public', reply: withVoteRow(ctx, answer, channelId, page.reply), answer }
}
