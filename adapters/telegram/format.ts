import type { Answer, Claim, Disagreement, Quote, Source, SourceSummary, Span, Takeaway } from '../../src/index.js'
import { NEWER_NOTE } from '../../src/index.js'
import { describeSides } from '../takeaway-sides.js'

/**
 * Telegram HTML for the core's results. Every string from the corpus or the asker goes through
 * `escapeHtml`; the only tags written are the ones Telegram's HTML parse mode knows
 * (`b`, `i`, `a`, `code`, `blockquote`). Functions that build whole replies return the messages to
 * send, each at most `MAX_MESSAGE_CHARS` long.
 */

/** Telegram's limit on the text of one message. */
export const MAX_MESSAGE_CHARS = 4096

/** Between blocks of one reply (a quote, a disagreement, a heading). */
const BLOCK_SEPARATOR = '\n\n'

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

/** Escapes text for Telegram's HTML parse mode, including `"` so the result is safe in attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => HTML_ESCAPES[char] ?? char)
}

/** Escapes `text` and wraps the `[start, end)` spans in `<b>`; bad, overlapping or unsorted spans are tolerated. */
export function highlightHtml(text: string, highlights: readonly Span[]): string {
  let html = ''
  let at = 0
  for (const [start, end] of normalizeSpans(highlights, text.length)) {
    html += `${escapeHtml(text.slice(at, start))}<b>${escapeHtml(text.slice(start, end))}</b>`
    at = end
  }
  return html + escapeHtml(text.slice(at))
}

/** A source's title, as a link when its URL is a web address. */
export function formatSourceName(source: Source): string {
  const title = escapeHtml(source.title)
  return isWebUrl(source.url) ? `<a href="${escapeHtml(source.url)}">${title}</a>` : title
}

/** A citation: the linked title, then outlet and date when known. */
export function formatSource(source: Source): string {
  const details = [source.outlet, source.published?.slice(0, 10)].filter((part): part is string => Boolean(part))
  return details.length > 0 ? `${formatSourceName(source)} (${escapeHtml(details.join(', '))})` : formatSourceName(source)
}

/** One quote as a `<blockquote>` with the matched words in bold, followed by its citation. */
export function formatQuote(quote: Quote): string {
  const body = `${quote.clippedBefore ? '…' : ''}${highlightHtml(quote.text, quote.highlights)}${quote.clippedAfter ? '…' : ''}`
  const alsoIn = quote.alsoIn.length > 0 ? `; also in ${quote.alsoIn.map(formatSourceName).join(', ')}` : ''
  return `<blockquote>${body}</blockquote>\n— ${formatSource(quote.source)}${alsoIn}`
}

/** A disagreement, marked so it cannot be mistaken for a quote: the topic, then each side with its source. */
export function formatDisagreement(disagreement: Disagreement): string {
  const claims = disagreement.claims.map((claim) => `• <b>${escapeHtml(claim.value)}</b>: “${escapeHtml(claim.text)}” — ${formatClaimSource(claim)}`)
  return [`⚖️ <b>Sources disagree: ${escapeHtml(disagreement.topic)}</b>`, ...claims].join('\n')
}

/** Which page of an answer a reply shows. */
export interface AnswerPageView {
  /** Quotes shown on earlier pages. Defaults to 0: the first page. */
  offset?: number
}

/** A later page names its question, which may be far up a busy group chat; this much of it is enough. */
const PAGE_QUESTION_CHARS = 100

/**
 * The reply to a question: its quotes, then any disagreement among them. A later page (a "More
 * quotes" press) starts with the question it continues and leaves the disagreements to the first
 * page, which showed them. `no_answer` shows the core's message and suggested questions;
 * `invalid` shows its message.
 */
export function formatAnswer(answer: Answer, { offset = 0 }: AnswerPageView = {}): string[] {
  if (answer.status === 'answered' && answer.quotes.length > 0) {
    if (offset > 0) {
      const heading = `<i>More quotes on “${escapeHtml(truncate(answer.question, PAGE_QUESTION_CHARS))}”, from quote ${offset + 1}</i>`
      return packMessages([heading, ...answer.quotes.map(formatQuote)])
    }
    return packMessages([...answer.quotes.map(formatQuote), ...answer.disagreements.map(formatDisagreement)])
  }
  if (answer.status === 'invalid') return packMessages([escapeHtml(answer.message ?? 'Please ask a question about the news event.')])
  const blocks = [escapeHtml(answer.message ?? 'I found nothing in the articles that answers that.')]
  if (answer.suggestions && answer.suggestions.length > 0) blocks.push(formatList('Questions I can answer', answer.suggestions.map(escapeHtml)))
  return packMessages(blocks)
}

/** The `/takeaways` reply: numbered points, each with its source, support and whether it is disputed. */
export function formatTakeaways(takeaways: readonly Takeaway[], about?: Source): string[] {
  const heading = about ? `<b>Key takeaways from ${formatSourceName(about)}</b>` : '<b>Key takeaways</b>'
  if (takeaways.length === 0) return [`${heading}\nNone yet: the articles make no point I can single out.`]
  const points = takeaways.map((takeaway, i) => {
    const support = takeaway.supportedBy.length > 1 ? ` · stated by ${takeaway.supportedBy.length} sources` : ''
    const sides = describeSides(takeaway.sides, escapeHtml)
    const disputed = takeaway.contested ? `\n⚖️ <i>Disputed: ${escapeHtml(takeaway.disagreementTopic ?? 'the sources disagree')}${sides}</i>` : ''
    return `${i + 1}. ${escapeHtml(takeaway.text)}\n— ${formatSourceName(takeaway.source)}${support}${disputed}`
  })
  return packMessages([heading, ...points])
}

/** The `/disagreements` reply. */
export function formatDisagreements(disagreements: readonly Disagreement[]): string[] {
  if (disagreements.length === 0) return ['The sources agree on everything I can compare.']
  return packMessages(['<b>Where the sources disagree</b>', ...disagreements.map(formatDisagreement)])
}

/** The `/sources` reply: every article with its id, for `/takeaways <id>`. */
export function formatSources(summaries: readonly SourceSummary[]): string[] {
  if (summaries.length === 0) return ['No articles are loaded.']
  const lines = summaries.map(({ source, passages }) => `• ${formatSource(source)} · <code>${escapeHtml(source.id)}</code> · ${passages} passages`)
  return packMessages([`<b>Sources</b> (${summaries.length} articles)`, lines.join('\n')])
}

/** What `/start` and `/help` show. */
export interface HelpContent {
  examples: readonly string[]
  sources: readonly SourceSummary[]
  /** The bot's username without `@`, for the inline-mode hint. */
  botUsername: string
}

/** The `/start` and `/help` reply: what the bot covers, example questions, commands. */
export function formatHelp({ examples, sources, botUsername }: HelpContent): string[] {
  const outlets = [...new Set(sources.map(({ source }) => source.outlet ?? source.title))]
  const intro =
    `I answer questions about one news event with verbatim quotes from ${sources.length} articles` +
    (outlets.length > 0 ? ` (${escapeHtml(outlets.join(', '))})` : '') +
    ', each with its source, and I say where the sources disagree.'
  const commands = [
    '/ask &lt;question&gt; — ask a question',
    '/takeaways [source] — the key points, from all articles or one',
    '/disagreements — where the sources disagree',
    '/sources — the articles I quote',
  ]
  const usage =
    `In a private chat, just send your question. In a group, mention me or reply to one of my messages. ` +
    `In any chat, type @${escapeHtml(botUsername)} and a question to share a quote.`
  const blocks = [intro]
  if (examples.length > 0) blocks.push(formatList('Try asking', examples.map(escapeHtml)))
  blocks.push(`<b>Commands</b>\n${commands.join('\n')}`, usage)
  return packMessages(blocks)
}

/** The polite reply to someone over the question limit. */
export function formatRateLimited(questionsPerWindow: number, windowMs: number): string {
  const window = windowMs % 60_000 === 0 ? (windowMs === 60_000 ? 'a minute' : `${windowMs / 60_000} minutes`) : `${Math.ceil(windowMs / 1000)} seconds`
  return `You are asking faster than I can answer: I take up to ${questionsPerWindow} questions per person in ${window}. Please wait a little and ask again.`
}

/**
 * Joins blocks of balanced HTML into as few messages as fit in `maxChars`, breaking only between
 * blocks; a block longer than `maxChars` on its own is cut with `splitHtml`. Lengths count the
 * markup, which is more than Telegram counts, so a message never ends up too long.
 */
export function packMessages(blocks: readonly string[], maxChars = MAX_MESSAGE_CHARS): string[] {
  const messages: string[] = []
  let current = ''
  for (const block of blocks.flatMap((b) => (b.length > maxChars ? splitHtml(b, maxChars) : [b]))) {
    if (current === '') current = block
    else if (current.length + BLOCK_SEPARATOR.length + block.length <= maxChars) current += BLOCK_SEPARATOR + block
    else {
      messages.push(current)
      current = block
    }
  }
  if (current !== '') messages.push(current)
  return messages
}

/**
 * Cuts one block of balanced HTML into pieces of at most `maxChars`, preferring whitespace. Tags
 * open at a cut are closed at the end of one piece and opened again at the start of the next, so
 * every piece parses on its own and a long quote stays a quote.
 */
export function splitHtml(html: string, maxChars: number): string[] {
  const pieces: string[] = []
  const open: { name: string; tag: string }[] = []
  const closing = () => open.map(({ name }) => `</${name}>`).reverse().join('')
  const reopening = () => open.map(({ tag }) => tag).join('')
  let piece = ''
  let hasText = false
  const room = () => maxChars - piece.length - closing().length
  const flush = () => {
    pieces.push(piece + closing())
    piece = reopening()
    hasText = false
    // Two characters at least, so the loop below always makes progress.
    if (room() < 2) throw new Error(`splitHtml: the open tags alone exceed ${maxChars} characters`)
  }

  for (const token of html.match(/<[^>]*>|&[#\w]+;|[^<&]+|[<&]/g) ?? []) {
    const tag = /^<(\/?)([a-zA-Z][\w-]*)/.exec(token)
    if (tag?.[1] === '/') {
      open.pop()
      piece += token
    } else if (tag) {
      const name = tag[2]!.toLowerCase()
      // Room for the tag, its closing tag and one character, so no piece ends with an empty element.
      if (hasText && room() < token.length + name.length + 4) flush()
      piece += token
      open.push({ name, tag: token })
    } else if (token.startsWith('&') && token.length > 1) {
      if (room() < token.length) flush()
      piece += token
      hasText = true
    } else {
      let text = token
      while (text.length > room()) {
        const cut = cutPoint(text, room())
        if (cut === 0) {
          flush()
          continue
        }
        piece += text.slice(0, cut)
        text = text.slice(cut)
        flush()
      }
      piece += text
      hasText ||= text.length > 0
    }
  }
  if (hasText || pieces.length === 0) pieces.push(piece + closing())
  return pieces
}

/** Where to cut `text` so at most `limit` characters stay: after the last whitespace, else before `limit` without splitting a surrogate pair. */
function cutPoint(text: string, limit: number): number {
  if (limit <= 0) return 0
  const window = text.slice(0, limit)
  const space = Math.max(window.lastIndexOf(' '), window.lastIndexOf('\n'))
  // A cut at whitespace reads better, but not at the price of a near-empty piece.
  if (space >= limit / 2) return space + 1
  const code = text.charCodeAt(limit - 1)
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit
}

/** `text` on one line, cut to `maxChars` with "…": for titles, previews and our own lines, never for a quote posted as such. */
export function truncate(text: string, maxChars: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= maxChars ? flat : `${flat.slice(0, maxChars - 1).trimEnd()}…`
}

function formatList(heading: string, itemsHtml: readonly string[]): string {
  return `<b>${heading}</b>\n${itemsHtml.map((item) => `• ${item}`).join('\n')}`
}

function formatClaimSource(claim: Claim): string {
  const speaker = claim.speaker ? `, according to ${escapeHtml(claim.speaker)}` : ''
  const alsoIn = claim.alsoIn?.length ? `; also ${claim.alsoIn.map(formatSourceName).join(', ')}` : ''
  return `${formatSourceName(claim.source)}${speaker}${claim.headline ? ' (headline)' : ''}${claim.newer ? ` (${NEWER_NOTE})` : ''}${alsoIn}`
}

function isWebUrl(url: string | undefined): url is string {
  // Anything but a web address would make Telegram reject the whole message, so cite the title alone.
  if (url === undefined || !URL.canParse(url)) return false
  const { protocol } = new URL(url)
  return protocol === 'https:' || protocol === 'http:'
}

/** Clamps spans to `[0, length]`, drops empty ones, sorts them and merges overlaps. */
function normalizeSpans(spans: readonly Span[], length: number): Span[] {
  const clamped = spans
    .map(([start, end]): Span => [Math.max(0, Math.min(length, Math.trunc(start))), Math.max(0, Math.min(length, Math.trunc(end)))])
    .filter(([start, end]) => Number.isFinite(start) && Number.isFinite(end) && end > start)
    .sort((a, b) => a[0] - b[0])
  const merged: Span[] = []
  for (const span of clamped) {
    const last = merged.at(-1)
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1])
    else merged.push([...span])
  }
  return merged
}
