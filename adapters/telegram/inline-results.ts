import type { Context } from 'grammy'
import type { InlineQueryResultArticle, InlineQueryResultsButton } from 'grammy/types'
import type { Quote, Takeaway } from '../../src/index.js'
import { MAX_MESSAGE_CHARS, formatQuote, packMessages, truncate } from './format.js'

/** Telegram shows at most 50 inline results; a handful of quotes is what fits a phone screen. */
export const INLINE_QUOTE_LIMIT = 8
/** Seconds Telegram may cache inline results; short, so a corpus reload shows soon. */
export const INLINE_CACHE_SECONDS = 60
/** Telegram's limit on an inline result's title and description is not documented; keep them short. */
const INLINE_TEXT_CHARS = 200
/** Button labels above inline results are cut by clients at about 64 characters. */
const INLINE_BUTTON_CHARS = 64

export function quoteResult(quote: Quote, i: number): InlineQueryResultArticle {
  return {
    type: 'article',
    id: `quote-${i}`,
    title: truncate(quote.source.outlet ? `${quote.source.outlet}: ${quote.source.title}` : quote.source.title, INLINE_TEXT_CHARS),
    description: truncate(quote.text, INLINE_TEXT_CHARS),
    input_message_content: inlineMessage(formatQuote(quote)),
  }
}

export function takeawayResult(takeaway: Takeaway, i: number): InlineQueryResultArticle {
  const quote: Quote = { text: takeaway.text, source: takeaway.source, alsoIn: [], passageId: takeaway.passageId, highlights: [], score: 0 }
  return {
    type: 'article',
    id: `takeaway-${i}`,
    title: truncate(`Takeaway ${i + 1}: ${takeaway.source.outlet ?? takeaway.source.title}`, INLINE_TEXT_CHARS),
    description: truncate(takeaway.text, INLINE_TEXT_CHARS),
    input_message_content: inlineMessage(formatQuote(quote)),
  }
}

function inlineMessage(html: string) {
  // An inline result is one message: a quote too long for it keeps its first part.
  const [text = ''] = packMessages([html], MAX_MESSAGE_CHARS)
  return { message_text: text, parse_mode: 'HTML' as const, link_preview_options: { is_disabled: true } }
}

/** No results, with the reason on the button above them (which opens a private chat with the bot). */
export function answerInlineWithNotice(ctx: Context, message: string) {
  return ctx.answerInlineQuery([], { cache_time: 0, button: startButton(message) })
}

export function startButton(text: string): InlineQueryResultsButton {
  return { text: truncate(text, INLINE_BUTTON_CHARS), start_parameter: 'inline' }
}
