import { autoRetry, type AutoRetryOptions } from '@grammyjs/auto-retry'
import { limit } from '@grammyjs/ratelimiter'
import { sequentialize } from '@grammyjs/runner'
import { Bot, InlineKeyboard, type BotConfig, type BotError, type Context } from 'grammy'
import type { BotCommand } from 'grammy/types'
import type { Answer, ConversationTurn, Source } from '../../src/index.js'
import { answerQuestion, apologyFor, callCore, type AdapterDeps, type Outcome } from '../answering.js'
import {
  escapeHtml,
  formatAnswer,
  formatDisagreements,
  formatHelp,
  formatRateLimited,
  formatSources,
  formatTakeaways,
} from './format.js'
import { StoreUnavailableError, type KeyValueStore } from '../store/store.js'
import type { InFlightUpdates } from './in-flight.js'
import { formatStories } from './stories.js'
import { findStory } from '../story-takeaways.js'
import { registerTelegramNewsroomCommands } from './newsroom-commands.js'
import { claimUpdates } from './update-claims.js'
import { createQuotePageStore, createStoredQuotePages, moreQuotesData, parseMoreQuotesData, type QuotePage, type QuotePageStore } from './quote-pages.js'
import type { ContextStore } from '../conversation/context-store.js'
import type { Feedback } from '../feedback/votes.js'
import { registerVoteButtons, rememberTurns, turnsRepliedTo, withVoteButtons } from './follow-ups.js'
import { INLINE_CACHE_SECONDS, INLINE_QUOTE_LIMIT, answerInlineWithNotice, quoteResult, startButton, takeawayResult } from './inline-results.js'

/** The commands `startTelegram` registers with `setMyCommands`, in menu order. */
export const TELEGRAM_COMMANDS: BotCommand[] = [
  { command: 'start', description: 'What I can do' },
  { command: 'help', description: 'What I cover, with example questions' },
  { command: 'ask', description: 'Ask a question about the articles: /ask <question>' },
  { command: 'takeaways', description: 'Key points, from all articles, a story or one article: /takeaways [story or source]' },
  { command: 'stories', description: 'The events the articles cover' },
  { command: 'disagreements', description: 'Where the sources disagree' },
  { command: 'sources', description: 'The articles I quote' },
]

/** Tuning for `createTelegramBot`; production uses the defaults, tests pass small limits. */
export interface TelegramBotOptions {
  /** Questions one person may ask per window (commands other than /ask do not count). Defaults to 10. */
  questionsPerWindow?: number
  /** Length of the rate-limit window in milliseconds. Defaults to 60_000. */
  rateWindowMs?: number
  /** Inline queries one person may send per window; clients send one as the user types. Defaults to 60. */
  inlineQueriesPerWindow?: number
  /** Retries of API calls that failed with 429 or 5xx. Defaults to 3 retries, waiting at most 60 s. */
  autoRetry?: Partial<AutoRetryOptions>
  /** Counts updates in flight for a graceful stop; `startTelegram` passes one. Defaults to none. */
  inFlight?: InFlightUpdates
  /** Quotes in an answer, and in each page a "More quotes" button sends. Defaults to 4. */
  quotesPerPage?: number
  /** "More quotes" presses one person may make per window. Defaults to 10. */
  pagesPerWindow?: number
  /** Where "More quotes" buttons find their question. Defaults to `createStoredQuotePages(sharedStore)` with a shared store, else `createQuotePageStore()`: 5,000 pages, each for a day. */
  quotePages?: QuotePageStore
  /**
   * State shared with other replicas (Redis with `REDIS_URL`): pages, rate limits and the claims
   * that make each update answered once. Defaults to none: everything stays in this process.
   */
  sharedStore?: KeyValueStore
  /** Where replies to an answer find its conversation (see `follow-ups.ts`). Defaults to none: every question stands alone. */
  conversations?: ContextStore
  /** 👍/👎 under every answer. Defaults to none: no vote buttons. */
  feedback?: Feedback
  /**
   * The reply travels in the webhook's answer (`startTelegram` sets it for replicas sharing a
   * store, with grammY's `canUseWebhookReply`; see `webhook-reply.ts`). Then an answer is made to
   * fit one message (fewer quotes, the rest behind "More quotes"), no typing action goes first,
   * and a follow-up finds its conversation by the answer's buttons, as the message id never comes
   * back. Defaults to false.
   */
  webhookReplies?: boolean
}

const DEFAULT_TELEGRAM_BOT_OPTIONS = {
  questionsPerWindow: 10,
  rateWindowMs: 60_000,
  inlineQueriesPerWindow: 60,
  autoRetry: { maxRetryAttempts: 3, maxDelaySeconds: 60 },
  quotesPerPage: 4,
  pagesPerWindow: 10,
  webhookReplies: false,
} satisfies TelegramBotOptions

/** What a "More quotes" press gets when its page is unknown, expired, malformed or from another chat. */
export const EXPIRED_PAGE_TEXT = 'That answer is too old to page through: ask again.'
/** What a "More quotes" press gets while the shared store (Redis) cannot be asked for its page. */
export const STORE_UNAVAILABLE_TEXT = 'I cannot reach my memory of earlier answers right now: press again in a minute, or ask again.'
/** What a "More quotes" press gets when the corpus has changed and the page is now empty. */
const NO_MORE_QUOTES_TEXT = 'There are no more quotes for that question.'
/** What a "More quotes" press gets over `pagesPerWindow`: a notice on the button, not a message in the chat. */
const TOO_MANY_PAGES_TEXT = 'You are paging faster than I can answer: wait a little, then press again.'
/** A hundred quotes deep is past any use, and a cap keeps a button from offering pages forever. */
const MAX_QUOTE_OFFSET = 100


/**
 * Creates the Telegram bot: commands, questions in private chats and groups with a "More quotes"
 * button while the core has more, inline mode, a per-person rate limit, automatic retries of 429
 * and 5xx, and one error handler that logs and apologises with the update id as reference. The
 * same factory serves production and tests. `botConfig` is for tests and self-hosted API servers:
 * `{ botInfo }` skips `getMe`, `{ client: { apiRoot } }` redirects API calls.
 */
export function createTelegramBot(token: string, deps: AdapterDeps, botConfig?: BotConfig<Context>, options: TelegramBotOptions = {}): Bot {
  const settings = { ...DEFAULT_TELEGRAM_BOT_OPTIONS, ...options }
  const { sharedStore } = settings
  const quotePages = settings.quotePages ?? (sharedStore ? createStoredQuotePages(sharedStore) : createQuotePageStore())
  const bot = new Bot(token, botConfig)
  bot.api.config.use(autoRetry(settings.autoRetry))

  const handleError = async (error: BotError<Context>): Promise<void> => {
    const ref = String(error.ctx.update.update_id)
    deps.logger.error({ err: error.error, adapter: 'telegram', ref }, 'telegram update failed')
    const chatId = error.ctx.chatId
    if (chatId === undefined) return
    try {
      await error.ctx.api.sendMessage(chatId, escapeHtml(apologyFor(ref)), { parse_mode: 'HTML' })
    } catch (sendError) {
      deps.logger.warn({ err: sendError, adapter: 'telegram', ref }, 'could not send the apology')
    }
  }

  if (settings.inFlight) bot.use(settings.inFlight.middleware)
  // Before any handling: a copy of an update another replica has or had must not be answered again.
  if (sharedStore) bot.use(claimUpdates(sharedStore, deps.logger))
  // Replies in one chat keep the order of its questions; other chats still run concurrently.
  bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString()))
  // Handled inside the middleware so every mode behaves alike: the runner calls `bot.catch`, but
  // `webhookCallback` and `handleUpdate` would only rethrow.
  const safe = bot.errorBoundary(handleError)

  const questionLimit = limit<Context, RateLimitCounter>({
    timeFrame: settings.rateWindowMs,
    limit: settings.questionsPerWindow,
    ...sharedLimits(sharedStore, settings.rateWindowMs),
    keyGenerator: (ctx) => ctx.from?.id.toString(),
    // Told once per window: replying to every extra message would let one person make the bot spam.
    onLimitExceeded: (ctx) => replyHtml(ctx, [escapeHtml(formatRateLimited(settings.questionsPerWindow, settings.rateWindowMs))]),
  })
  const inlineLimit = limit<Context, RateLimitCounter>({
    timeFrame: settings.rateWindowMs,
    limit: settings.inlineQueriesPerWindow,
    ...sharedLimits(sharedStore, settings.rateWindowMs),
    keyPrefix: 'INLINE',
    keyGenerator: (ctx) => ctx.from?.id.toString(),
    alwaysReply: true,
    onLimitExceeded: (ctx) => ctx.answerInlineQuery([], { cache_time: 0, button: startButton('Too many searches: wait a moment') }),
  })
  const pageLimit = limit<Context, RateLimitCounter>({
    timeFrame: settings.rateWindowMs,
    limit: settings.pagesPerWindow,
    ...sharedLimits(sharedStore, settings.rateWindowMs),
    keyPrefix: 'PAGES',
    keyGenerator: (ctx) => ctx.from?.id.toString(),
    // Every press must be answered, or the button keeps spinning.
    alwaysReply: true,
    onLimitExceeded: (ctx) => answerButton(ctx, deps, TOO_MANY_PAGES_TEXT),
  })

  const askPage = (ctx: Context, question: string, offset: number, context?: ConversationTurn[]): Outcome =>
    answerQuestion(deps, { adapter: 'telegram', question, ref: refOf(ctx), options: { offset, limit: settings.quotesPerPage, ...(context ? { context } : {}) } })

  /** Sends one page of an answer, with a "More quotes" button under it while the core has more. */
  const replyWithPage = async (ctx: Context, question: string, offset: number, outcome: Outcome, replyTo?: number, turns?: ConversationTurn[]): Promise<void> => {
    if (outcome.kind !== 'answer') return replyHtml(ctx, [escapeHtml(outcome.message)], { replyTo })
    const answer = settings.webhookReplies ? fitOneMessage(outcome.answer, offset) : outcome.answer
    const nextOffset = offset + answer.quotes.length
    const chatId = ctx.chatId
    const more =
      answer.status === 'answered' && answer.hasMore && answer.quotes.length > 0 && nextOffset <= MAX_QUOTE_OFFSET && chatId !== undefined
        ? await moreQuotesButton(quotePages, { question, offset: nextOffset, chatId }, deps, ctx)
        : undefined
    const sent: (number | undefined)[] = []
    const buttons = withVoteButtons(ctx, settings.feedback, answer, more)
    await replyHtml(ctx, formatAnswer(answer, { offset }), { replyTo, buttons, onSent: (id) => sent.push(id) })
    if (offset === 0) await rememberTurns(ctx, settings.conversations, deps, turns, answer, sent, buttons)
  }

  const ask = async (ctx: Context, question: string): Promise<void> => {
    // A webhook reply is sent as soon as the answer is ready: a typing action before it would only
    // delay it by an API round trip.
    if (!settings.webhookReplies) await showTyping(ctx, deps)
    const turns = await turnsRepliedTo(ctx, settings.conversations, deps)
    await replyWithPage(ctx, question, 0, askPage(ctx, question, 0, turns), undefined, turns)
  }

  safe.command(['start', 'help'], async (ctx) => {
    const help = callCore(deps, { adapter: 'telegram', ref: refOf(ctx), what: 'help' }, (engine) => ({
      examples: engine.exampleQuestions(),
      sources: engine.sources(),
    }))
    await replyHtml(ctx, help.kind === 'ok' ? formatHelp({ ...help.value, botUsername: ctx.me.username }) : [escapeHtml(help.message)])
  })

  safe.command(
    'ask',
    async (ctx, next) => {
      if (ctx.match.trim() !== '') return next()
      await replyHtml(ctx, [`Put your question after the command, for example:\n/ask ${escapeHtml(exampleQuestion(deps, ctx))}`])
    },
    questionLimit,
    (ctx) => ask(ctx, ctx.match),
  )

  safe.command('takeaways', async (ctx) => {
    const wanted = ctx.match.trim()
    const result = callCore(deps, { adapter: 'telegram', ref: refOf(ctx), what: 'takeaways' }, (engine) => {
      // Accept the source's id (as /sources lists it) or its outlet's name; anything else goes to
      // the core as an id, which rejects it with a message for the asker.
      const story = wanted === '' ? undefined : findStory(engine, wanted)
      const match = wanted === '' || story ? undefined : findSource(engine.sources().map((s) => s.source), wanted)
      const takeaways = engine.takeaways(wanted === '' ? {} : story ? { storyId: story.id } : { sourceId: match?.id ?? wanted })
      return { takeaways, about: match }
    })
    await replyHtml(ctx, result.kind === 'ok' ? formatTakeaways(result.value.takeaways, result.value.about) : [escapeHtml(result.message)])
  })

  safe.command('disagreements', async (ctx) => {
    const result = callCore(deps, { adapter: 'telegram', ref: refOf(ctx), what: 'disagreements' }, (engine) => engine.disagreements())
    await replyHtml(ctx, result.kind === 'ok' ? formatDisagreements(result.value) : [escapeHtml(result.message)])
  })

  safe.command('stories', async (ctx) => {
    const result = callCore(deps, { adapter: 'telegram', ref: refOf(ctx), what: 'stories' }, (engine) => engine.stories())
    await replyHtml(ctx, result.kind === 'ok' ? formatStories(result.value) : [escapeHtml(result.message)])
  })

  safe.command('sources', async (ctx) => {
    const result = callCore(deps, { adapter: 'telegram', ref: refOf(ctx), what: 'sources' }, (engine) => engine.sources())
    await replyHtml(ctx, result.kind === 'ok' ? formatSources(result.value) : [escapeHtml(result.message)])
  })

  if (deps.newsroom) registerTelegramNewsroomCommands(safe, bot.api, deps.newsroom, deps.logger, TELEGRAM_COMMANDS)

  // Reached only by commands the handlers above did not take.
  safe.on('message:text').filter(
    (ctx) => ctx.entities('bot_command')[0]?.offset === 0,
    async (ctx) => {
      const [command = ''] = ctx.msg.text.split(/\s/, 1)
      const [, addressee] = command.split('@')
      // In a group, a command for another bot (or for any bot) is none of our business.
      if (ctx.chat.type !== 'private' && addressee?.toLowerCase() !== ctx.me.username.toLowerCase()) return
      await replyHtml(ctx, [`I do not know ${escapeHtml(command)}. Send /help to see what I can do.`])
    },
  )

  safe.on('message:text').filter(isAddressedToBot, questionLimit, async (ctx) => {
    const question = stripBotMentions(ctx)
    if (question === '') {
      await replyHtml(ctx, [`Ask me something about the news event, for example: ${escapeHtml(exampleQuestion(deps, ctx))}`])
      return
    }
    await ask(ctx, question)
  })

  safe.chatType('private').on('message', (ctx) => replyHtml(ctx, ['I read text only: send me your question as a message.']))

  registerVoteButtons(safe, deps, settings.feedback)
  safe.on('callback_query', pageLimit, async (ctx) => {
    const page = await recallPage(ctx, quotePages, deps)
    if (page === 'unavailable') return answerButton(ctx, deps, STORE_UNAVAILABLE_TEXT)
    if (page === undefined) return answerButton(ctx, deps, EXPIRED_PAGE_TEXT)
    const outcome = askPage(ctx, page.question, page.offset)
    if (outcome.kind === 'answer' && outcome.answer.quotes.length === 0) return answerButton(ctx, deps, NO_MORE_QUOTES_TEXT)
    // Answered before sending, so the spinner stops at once; the page follows as a new message.
    await answerButton(ctx, deps)
    await replyWithPage(ctx, page.question, page.offset, outcome, ctx.callbackQuery.message?.message_id)
  })

  safe.on('inline_query', inlineLimit, async (ctx) => {
    const query = ctx.inlineQuery.query.trim()
    const ref = refOf(ctx)
    if (query === '') {
      const result = callCore(deps, { adapter: 'telegram', ref, what: 'takeaways' }, (engine) => engine.takeaways())
      if (result.kind !== 'ok') return answerInlineWithNotice(ctx, result.message)
      await ctx.answerInlineQuery(result.value.map(takeawayResult), { cache_time: INLINE_CACHE_SECONDS })
      return
    }
    const outcome = answerQuestion(deps, { adapter: 'telegram', question: query, ref, options: { limit: INLINE_QUOTE_LIMIT } })
    if (outcome.kind !== 'answer') return answerInlineWithNotice(ctx, outcome.message)
    const { answer } = outcome
    if (answer.status !== 'answered' || answer.quotes.length === 0) {
      return answerInlineWithNotice(ctx, answer.message ?? 'Nothing in the articles answers that')
    }
    await ctx.answerInlineQuery(answer.quotes.map(quoteResult), { cache_time: INLINE_CACHE_SECONDS })
  })

  bot.catch(handleError)
  return bot
}

/** The part of a Redis client `@grammyjs/ratelimiter` calls. */
interface RateLimitCounter {
  incr(key: string): Promise<number>
  pexpire(key: string, milliseconds: number): Promise<number>
}

/**
 * `@grammyjs/ratelimiter` counts in a Redis client it is given (`incr`, then `pexpire` on the
 * first hit); this one counts in the shared store, atomically and with the window set on the first
 * hit, under `telegram:rate:`. While Redis is down the store counts in this process's memory.
 */
function sharedLimits(store: KeyValueStore | undefined, windowMs: number): { storageClient?: RateLimitCounter } {
  if (store === undefined) return {}
  return {
    storageClient: {
      incr: (key) => store.increment(`telegram:rate:${key}`, windowMs),
      // The window was set with the first hit, inside `increment`.
      pexpire: async () => 1,
    },
  }
}

/** The update id: unique per bot, and what the asker quotes when reporting a problem. */
function refOf(ctx: Context): string {
  return String(ctx.update.update_id)
}

/** Where a reply goes and what it carries besides text. */
interface ReplyHtmlOptions {
  /** The message the first one replies to. Defaults to the question in a group, none in a private chat. */
  replyTo?: number | undefined
  /** Buttons under the last message. Defaults to none. */
  buttons?: InlineKeyboard | undefined
  /** Called with the id of each message sent; `undefined` for one sent as a webhook reply, whose id never comes back. */
  onSent?: (messageId: number | undefined) => void
}

/**
 * Sends `messages` in order as HTML without link previews (each citation would otherwise unfurl
 * into a card). In a group the first one replies to the question, so it is clear whose it answers.
 */
async function replyHtml(ctx: Context, messages: readonly string[], options: ReplyHtmlOptions = {}): Promise<void> {
  const replyTo = options.replyTo ?? (ctx.chat?.type !== 'private' ? ctx.msg?.message_id : undefined)
  for (const [i, text] of messages.entries()) {
    const sent = await ctx.reply(text, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(i === 0 && replyTo !== undefined ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
      ...(i === messages.length - 1 && options.buttons ? { reply_markup: options.buttons } : {}),
    })
    // grammY resolves a webhook reply with `true`, whatever the method's result type says.
    options.onSent?.((sent as Partial<typeof sent>).message_id)
  }
}

/**
 * With webhook replies, the answer is the one message that travels in the webhook's answer (a
 * second one would be an API call of its own, which a replica may send and then die, or which may
 * overtake the first). So an answer too long for one message shows fewer quotes, and its "More
 * quotes" button the rest. One quote with its disagreements that is still too long goes as it is.
 */
function fitOneMessage(answer: Answer, offset: number): Answer {
  if (answer.status !== 'answered' || formatAnswer(answer, { offset }).length === 1) return answer
  for (let shown = answer.quotes.length - 1; shown > 1; shown--) {
    const fewer = { ...answer, quotes: answer.quotes.slice(0, shown), hasMore: true }
    if (formatAnswer(fewer, { offset }).length === 1) return fewer
  }
  return { ...answer, quotes: answer.quotes.slice(0, 1), hasMore: answer.hasMore || answer.quotes.length > 1 }
}

/**
 * The page a "More quotes" press asks for, or `undefined` when it is unknown, expired, malformed,
 * or was made for another chat. Nothing is taken from `callback_data` but the page id.
 */
async function recallPage(ctx: Context, quotePages: QuotePageStore, deps: AdapterDeps): Promise<QuotePage | 'unavailable' | undefined> {
  const id = parseMoreQuotesData(ctx.callbackQuery?.data)
  let page: QuotePage | undefined
  try {
    page = id === undefined ? undefined : await quotePages.recall(id)
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error
    deps.logger.warn({ adapter: 'telegram', ref: refOf(ctx) }, 'a "More quotes" press while the shared store is unreachable')
    return 'unavailable'
  }
  const chatId = ctx.callbackQuery?.message?.chat.id
  if (page === undefined || chatId === undefined || page.chatId !== chatId) return undefined
  // Checked again on the way out, not trusted because the store wrote it.
  if (!Number.isSafeInteger(page.offset) || page.offset < 1 || page.offset > MAX_QUOTE_OFFSET) return undefined
  return page
}

/**
 * The "More quotes" button for `page`, or none when the page cannot be stored: the answer itself
 * matters more than its button, so a store failure costs only the button.
 */
async function moreQuotesButton(quotePages: QuotePageStore, page: QuotePage, deps: AdapterDeps, ctx: Context): Promise<InlineKeyboard | undefined> {
  try {
    return new InlineKeyboard().text('More quotes', moreQuotesData(await quotePages.remember(page)))
  } catch (error) {
    deps.logger.warn({ err: error, adapter: 'telegram', ref: refOf(ctx) }, 'could not store the "More quotes" page: answering without the button')
    return undefined
  }
}

/**
 * Answers a button press, which stops the spinner on the asker's client, with `text` as a short
 * notice. Telegram refuses answers to presses older than a few seconds (after a restart, say); that
 * must not cost the page, so a failure is only logged.
 */
async function answerButton(ctx: Context, deps: AdapterDeps, text?: string): Promise<void> {
  try {
    await ctx.answerCallbackQuery(text === undefined ? undefined : { text })
  } catch (error) {
    deps.logger.warn({ err: error, adapter: 'telegram', ref: refOf(ctx) }, 'could not answer the button press')
  }
}

/** "typing…" while answering. Failing to show it must not cost the answer, so a failure is only logged. */
async function showTyping(ctx: Context, deps: AdapterDeps): Promise<void> {
  try {
    await ctx.replyWithChatAction('typing')
  } catch (error) {
    deps.logger.warn({ err: error, adapter: 'telegram', ref: refOf(ctx) }, 'could not send the typing action')
  }
}

/**
 * In a private chat every message is for the bot. In a group (privacy mode on or off) only a
 * mention of the bot or a reply to one of its messages is; commands are routed before this.
 */
function isAddressedToBot(ctx: Context): boolean {
  const chat = ctx.chat
  if (chat === undefined || chat.type === 'channel') return false
  if (chat.type === 'private') return true
  const me = ctx.me
  if (ctx.msg?.reply_to_message?.from?.id === me.id) return true
  return botMentions(ctx).length > 0
}

/** The question without the `@bot` mentions that addressed it. */
function stripBotMentions(ctx: Context): string {
  let text = ctx.msg?.text ?? ''
  // From the end, so earlier offsets stay valid.
  for (const entity of botMentions(ctx).sort((a, b) => b.offset - a.offset)) {
    text = text.slice(0, entity.offset) + text.slice(entity.offset + entity.length)
  }
  return text.replace(/\s+/g, ' ').trim()
}

function botMentions(ctx: Context) {
  const me = ctx.me
  const handle = `@${me.username}`.toLowerCase()
  return ctx
    .entities(['mention', 'text_mention'])
    .filter((entity) => (entity.type === 'mention' ? entity.text.toLowerCase() === handle : entity.user.id === me.id))
}

function exampleQuestion(deps: AdapterDeps, ctx: Context): string {
  const result = callCore(deps, { adapter: 'telegram', ref: refOf(ctx), what: 'exampleQuestions' }, (engine) => engine.exampleQuestions())
  return (result.kind === 'ok' ? result.value[0] : undefined) ?? 'Who was involved?'
}

function findSource(sources: readonly Source[], wanted: string): Source | undefined {
  const key = wanted.toLowerCase()
  return sources.find((s) => s.id.toLowerCase() === key) ?? sources.find((s) => s.outlet?.toLowerCase() === key)
}
