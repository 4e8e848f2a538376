import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js'
import type { Answer, Disagreement, Quote, Source, SourceSummary, Span, Takeaway } from '../../src/index.js'
import { NEWER_NOTE } from '../../src/index.js'
import { buttonId } from './buttons.js'
import { describeSides } from '../takeaway-sides.js'

/** Discord's message limits, in characters (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const DISCORD_LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** Sum of every title, description, field, footer and author in all embeds of one message. */
  embedsTotal: 6000,
} as const

/** Discord's blurple, so answers look like part of the app. */
const EMBED_COLOR = 0x5865f2
const WARNING_COLOR = 0xfee75c

/** Most disagreements shown under an answer; `/disagreements` lists them all. */
const MAX_DISAGREEMENTS_IN_ANSWER = 3

/** A message body in the shape discord.js sends: for an interaction edit, a follow-up or a reply. */
export interface DiscordReply {
  content?: string
  embeds: APIEmbed[]
  components: APIActionRowComponent<APIButtonComponent>[]
}

/** One page of an answer, and how many of the answer's quotes it shows. */
export interface AnswerPage {
  reply: DiscordReply
  /** Quotes shown; the next page starts at `offset + shown`. */
  shown: number
}

/** Where a page sits in the answer, and what to write under it. */
export interface AnswerView {
  /** Index of the answer's first quote among all quotes for the question. */
  offset: number
  /** Event id the buttons point back to; see `buttons.ts`. */
  contextId: string
  /** Footer line naming the corpus; see {@link corpusFooter}. */
  footer: string
}

/**
 * Escapes Discord markdown in corpus or user text, so it shows as written: `*`, `_`, `~`, `` ` ``,
 * `|`, `\`, brackets (masked links) and `<` (mentions, channels, timestamps) everywhere, and list,
 * heading and quote markers at the start of a line. Pinging is prevented separately, by
 * `allowedMentions`.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\*_~`|[\]<]/g, '\\$&')
    .replace(/^(\s*)([-+#>]|\d+\.)/gm, (_match, indent: string, marker: string) =>
      /^\d/.test(marker) ? `${indent}${marker.slice(0, -1)}\\.` : `${indent}\\${marker}`,
    )
}

/** Shortens `text` to `max` characters at a word boundary, ending in "…". For our own lines, never for quotes. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max - 1)
  const lastSpace = cut.search(/\s\S*$/)
  return `${lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut}…`
}

/** The footer under every embed: names the corpus and promises verbatim quotes. */
export function corpusFooter(corpus: { name?: string; articles?: number }): string {
  const count = corpus.articles === undefined ? '' : `${corpus.articles} article${corpus.articles === 1 ? '' : 's'}`
  const name = [corpus.name, count].filter((part) => part !== undefined && part !== '').join(', ')
  return truncate(`Corpus: ${name === '' ? 'news articles' : name} · quotes are verbatim`, DISCORD_LIMITS.footer)
}

/**
 * Renders one page of an answer as an embed: quotes as block quotes with the matched words in
 * bold, each with its source; a "Sources disagree" field per disagreement on the first page; the
 * "More quotes" and "Sources" buttons. Quotes that do not fit Discord's limits move to the next
 * page whole; only a single quote longer than a whole embed is shortened.
 */
export function formatAnswer(answer: Answer, view: AnswerView): AnswerPage {
  if (answer.status !== 'answered' || answer.quotes.length === 0) {
    return { reply: formatNoAnswer(answer, view.footer), shown: 0 }
  }
  const title = truncate(escapeMarkdown(answer.question), DISCORD_LIMITS.embedTitle)
  const fields = view.offset === 0 ? disagreementFields(answer.disagreements) : []
  const pageNote = view.offset === 0 ? '' : ` · from quote ${view.offset + 1}`
  const footer = truncate(`${view.footer}${pageNote}`, DISCORD_LIMITS.footer)
  const used = title.length + footer.length + fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  const budget = Math.min(DISCORD_LIMITS.embedDescription, DISCORD_LIMITS.embedsTotal - used)

  const blocks: string[] = []
  for (const quote of answer.quotes) {
    const candidate = [...blocks, formatQuote(quote)].join('\n\n')
    if (candidate.length > budget) break
    blocks.push(formatQuote(quote))
  }
  const first = answer.quotes[0]
  if (blocks.length === 0 && first !== undefined) blocks.push(shortenQuoteToFit(first, budget))
  const shown = blocks.length

  const hasMore = answer.hasMore || shown < answer.quotes.length
  const buttons: APIButtonComponent[] = []
  if (hasMore) {
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      label: 'More quotes',
      custom_id: buttonId({ kind: 'more', contextId: view.contextId, offset: view.offset + shown }),
    })
  }
  buttons.push({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: 'Sources',
    custom_id: buttonId({ kind: 'sources', contextId: view.contextId, offset: view.offset, count: shown }),
  })
  const embed: APIEmbed = { title, description: blocks.join('\n\n'), color: EMBED_COLOR, footer: { text: footer } }
  if (fields.length > 0) embed.fields = fields
  return { reply: { embeds: [embed], components: [{ type: ComponentType.ActionRow, components: buttons }] }, shown }
}

/** The reply when the corpus has nothing on the question: the core's message and its suggestions. */
function formatNoAnswer(answer: Answer, footer: string): DiscordReply {
  const message = answer.message ?? 'I found nothing about that in the articles.'
  const suggestions = (answer.suggestions ?? []).map((question) => `• ${escapeMarkdown(question)}`)
  const lines = [escapeMarkdown(message), ...(suggestions.length > 0 ? ['', '**Questions the articles answer:**', ...suggestions] : [])]
  return {
    embeds: [
      {
        title: 'No answer in the articles',
        description: joinLinesWithin(lines, DISCORD_LIMITS.embedDescription),
        color: WARNING_COLOR,
        footer: { text: footer },
      },
    ],
    components: [],
  }
}

/** A quote as a block quote, matched words in bold, followed by its source. */
function formatQuote(quote: Quote): string {
  const alsoIn = quote.alsoIn.length > 0 ? ` (also in ${quote.alsoIn.map((source) => escapeMarkdown(source.title)).join(', ')})` : ''
  // The core marks a quote clipped inside a sentence; "…" tells the reader the sentence goes on.
  const before = quote.clippedBefore === true ? '…' : ''
  const after = quote.clippedAfter === true ? '…' : ''
  return `> ${before}${highlight(quote.text, quote.highlights)}${after}\n— ${citeSource(quote.source)}${alsoIn}`
}

// The last resort for one quote longer than a whole embed: cut it at a word and say so with "…".
function shortenQuoteToFit(quote: Quote, budget: number): string {
  let length = quote.text.length
  for (;;) {
    length = Math.floor(length * 0.9)
    const text = truncate(quote.text, length).replace(/…$/, '')
    const highlights = quote.highlights.filter(([start]) => start < text.length).map(([start, end]): Span => [start, Math.min(end, text.length)])
    const block = formatQuote({ ...quote, text, highlights, clippedAfter: true })
    if (block.length <= budget || length < 20) return block.slice(0, budget)
  }
}

/**
 * Escapes `text` and wraps the `highlights` spans in bold, continuing the block quote on every
 * line. Spans may overlap or touch; whitespace stays outside the `**`, where Discord needs it.
 */
export function highlight(text: string, highlights: Span[]): string {
  const normalised = text.replace(/\r\n?/g, '\n')
  let out = ''
  let at = 0
  for (const [start, end] of mergeSpans(highlights, normalised.length)) {
    out += escapeMarkdown(normalised.slice(at, start))
    out += normalised
      .slice(start, end)
      .split('\n')
      .map((line) => {
        const [, before = '', core = '', after = ''] = /^(\s*)(.*?)(\s*)$/.exec(line) ?? []
        return core === '' ? line : `${before}**${escapeMarkdown(core)}**${after}`
      })
      .join('\n')
    at = end
  }
  out += escapeMarkdown(normalised.slice(at))
  return out.replace(/\n/g, '\n> ')
}

function mergeSpans(spans: Span[], length: number): Span[] {
  const sorted = spans
    .map(([start, end]): Span => [Math.max(0, start), Math.min(length, end)])
    .filter(([start, end]) => start < end)
    .sort((a, b) => a[0] - b[0])
  const merged: Span[] = []
  for (const span of sorted) {
    const last = merged.at(-1)
    if (last !== undefined && span[0] <= last[1]) last[1] = Math.max(last[1], span[1])
    else merged.push([span[0], span[1]])
  }
  return merged
}

/** A source as a markdown link when its URL is a safe http(s) address, else its escaped title. */
export function citeSource(source: Source): string {
  const title = escapeMarkdown(source.title)
  const url = safeUrl(source.url)
  const outlet = source.outlet !== undefined && source.outlet !== source.title ? ` · ${escapeMarkdown(source.outlet)}` : ''
  return `${url === undefined ? `**${title}**` : `[${title}](${url})`}${outlet}`
}

function safeUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined
  try {
    const parsed = new URL(url)
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined
    // A ")" or space would end the markdown link early.
    return parsed.href.replace(/[()\s<>]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
  } catch (error) {
    if (error instanceof TypeError) return undefined
    throw error
  }
}

/** One "Sources disagree" field per disagreement, each claim with its source. */
function disagreementFields(disagreements: Disagreement[]): APIEmbedField[] {
  const shown = disagreements.slice(0, MAX_DISAGREEMENTS_IN_ANSWER)
  const fields = shown.map((disagreement) => ({
    name: truncate(`Sources disagree: ${disagreement.topic}`, DISCORD_LIMITS.fieldName),
    value: joinLinesWithin(disagreement.claims.map(formatClaimShort), DISCORD_LIMITS.fieldValue),
  }))
  const hidden = disagreements.length - shown.length
  if (hidden > 0) {
    fields.push({ name: 'More disagreements', value: `${hidden} more: see /disagreements` })
  }
  return fields
}

function formatClaimShort(claim: Disagreement['claims'][number]): string {
  const speaker = claim.speaker === undefined ? '' : ` (per ${escapeMarkdown(claim.speaker)})`
  return `• **${escapeMarkdown(claim.value)}**${speaker}: ${[claim.source, ...(claim.alsoIn ?? [])].map(citeSource).join(', ')}`
}

/**
 * Joins whole lines while they fit in `max` characters; the lines left out are counted in a last
 * line, so nothing is cut mid-sentence.
 */
function joinLinesWithin(lines: string[], max: number): string {
  const kept: string[] = []
  for (const [index, line] of lines.entries()) {
    const rest = lines.length - index
    const note = `…and ${rest} more`
    const withLine = [...kept, line].join('\n')
    const roomForNote = index === lines.length - 1 ? 0 : note.length + 1
    if (withLine.length + roomForNote > max) {
      kept.push(note)
      return kept.join('\n')
    }
    kept.push(line)
  }
  return kept.join('\n')
}

/** The sources behind a page of quotes, for the ephemeral "Sources" button. */
export function formatQuoteSources(quotes: Quote[], footer: string): DiscordReply {
  const seen = new Map<string, Source>()
  for (const quote of quotes) {
    for (const source of [quote.source, ...quote.alsoIn]) if (!seen.has(source.id)) seen.set(source.id, source)
  }
  const lines = [...seen.values()].map((source) => `• ${describeSource(source)}`)
  return {
    embeds: [
      {
        title: 'Sources behind this answer',
        description: lines.length === 0 ? 'This answer quotes no article.' : joinLinesWithin(lines, DISCORD_LIMITS.embedDescription),
        color: EMBED_COLOR,
        footer: { text: footer },
      },
    ],
    components: [],
  }
}

function describeSource(source: Source): string {
  const details = [source.author, source.published?.slice(0, 10)].filter((detail) => detail !== undefined && detail !== '')
  return `${citeSource(source)}${details.length > 0 ? ` · ${escapeMarkdown(details.join(', '))}` : ''}`
}

/** `/sources`: every article in the corpus with its size. */
export function formatSourceList(summaries: SourceSummary[], footer: string): DiscordReply {
  const lines = summaries.map(({ source, passages }) => `• ${describeSource(source)} · ${passages} passage${passages === 1 ? '' : 's'}`)
  return {
    embeds: [
      {
        title: `Articles in the corpus (${summaries.length})`,
        description: lines.length === 0 ? 'The corpus is empty.' : joinLinesWithin(lines, DISCORD_LIMITS.embedDescription),
        color: EMBED_COLOR,
        footer: { text: footer },
      },
    ],
    components: [],
  }
}

/** `/takeaways`: the corpus's key points, each a verbatim sentence with how many articles make it. */
export function formatTakeaways(takeaways: Takeaway[], footer: string, sourceTitle?: string): DiscordReply {
  const lines = takeaways.map((takeaway, index) => {
    const support = takeaway.supportedBy.length > 1 ? ` · in ${takeaway.supportedBy.length} articles` : ''
    const sides = describeSides(takeaway.sides, escapeMarkdown)
    const contested = takeaway.contested
      ? `\n⚠️ contested${takeaway.disagreementTopic === undefined ? '' : `: ${escapeMarkdown(takeaway.disagreementTopic)}${sides}`}`
      : ''
    return `**${index + 1}.** ${escapeMarkdown(takeaway.text)}\n— ${citeSource(takeaway.source)}${support}${contested}`
  })
  const title = sourceTitle === undefined ? 'Key takeaways' : truncate(`Key takeaways: ${escapeMarkdown(sourceTitle)}`, DISCORD_LIMITS.embedTitle)
  return {
    embeds: [
      {
        title,
        description: lines.length === 0 ? 'No takeaways found.' : joinBlocksWithin(lines, DISCORD_LIMITS.embedDescription),
        color: EMBED_COLOR,
        footer: { text: footer },
      },
    ],
    components: [],
  }
}

/** `/disagreements`: each disputed point as a field, each claim quoted with its source. */
export function formatDisagreements(disagreements: Disagreement[], footer: string): DiscordReply {
  if (disagreements.length === 0) {
    return {
      embeds: [{ title: 'Sources disagree', description: 'The articles do not contradict each other on anything I can detect.', color: EMBED_COLOR, footer: { text: footer } }],
      components: [],
    }
  }
  const title = 'Sources disagree'
  let total = title.length + footer.length
  const fields: APIEmbedField[] = []
  for (const [index, disagreement] of disagreements.entries()) {
    const field = {
      name: truncate(disagreement.topic, DISCORD_LIMITS.fieldName),
      value: joinBlocksWithin(disagreement.claims.map(formatClaimLong), DISCORD_LIMITS.fieldValue),
    }
    const hidden = disagreements.length - index
    // Keep room for the last field saying how many are left out.
    const reserve = index === disagreements.length - 1 ? 0 : 60
    if (fields.length >= DISCORD_LIMITS.embedFields - 1 || total + field.name.length + field.value.length + reserve > DISCORD_LIMITS.embedsTotal) {
      fields.push({ name: 'Not shown', value: `${hidden} more disagreement${hidden === 1 ? '' : 's'}` })
      break
    }
    total += field.name.length + field.value.length
    fields.push(field)
  }
  return { embeds: [{ title, color: WARNING_COLOR, fields, footer: { text: footer } }], components: [] }
}

function formatClaimLong(claim: Disagreement['claims'][number]): string {
  const speaker = claim.speaker === undefined ? '' : ` (per ${escapeMarkdown(claim.speaker)})`
  const headline = `${claim.headline === true ? ' (headline)' : ''}${claim.newer ? ` (${NEWER_NOTE})` : ''}`
  const alsoIn = claim.alsoIn?.length ? `; also ${claim.alsoIn.map(citeSource).join(', ')}` : ''
  return `**${escapeMarkdown(claim.value)}**${speaker}${headline}\n> ${escapeMarkdown(claim.text).replace(/\n/g, '\n> ')}\n— ${citeSource(claim.source)}${alsoIn}`
}

// Like joinLinesWithin, for multi-line blocks separated by a blank line. A block that alone is too
// long (a very long verbatim claim) is left out and counted rather than cut.
function joinBlocksWithin(blocks: string[], max: number): string {
  const kept: string[] = []
  let skipped = 0
  for (const block of blocks) {
    const candidate = [...kept, block].join('\n\n')
    if (candidate.length + 24 > max) skipped++
    else kept.push(block)
  }
  if (skipped > 0) kept.push(`…and ${skipped} more`)
  return kept.join('\n\n')
}

/** `/help` and an empty mention: what the bot does, its commands and example questions. */
export function formatHelp(examples: string[], footer: string): DiscordReply {
  const lines = [
    'I answer questions about the news event with **verbatim quotes** from the articles, each with its source, and I say where the sources disagree.',
    '',
    '**/ask** `question` — ask anything; add `source` to quote one article only',
    '**/takeaways** — the key points, and how many articles make each',
    '**/disagreements** — where the articles contradict each other',
    '**/sources** — the articles I quote',
    'You can also mention me with a question, or write to me in a DM.',
  ]
  if (examples.length > 0) lines.push('', '**Try asking:**', ...examples.map((question) => `• ${escapeMarkdown(question)}`))
  return {
    embeds: [{ title: 'How to ask', description: joinLinesWithin(lines, DISCORD_LIMITS.embedDescription), color: EMBED_COLOR, footer: { text: footer } }],
    components: [],
  }
}

/** A plain line for the asker (an error, a cooldown), within the 2,000-character content limit. */
export function formatNotice(text: string): DiscordReply {
  return { content: truncate(text, DISCORD_LIMITS.content), embeds: [], components: [] }
}

/** Total characters Discord counts towards the 6,000 limit of one message's embeds; for tests and checks. */
export function embedLength(embeds: APIEmbed[]): number {
  return embeds.reduce(
    (sum, embed) =>
      sum +
      (embed.title?.length ?? 0) +
      (embed.description?.length ?? 0) +
      (embed.footer?.text.length ?? 0) +
      (embed.author?.name.length ?? 0) +
      (embed.fields ?? []).reduce((fieldSum, field) => fieldSum + field.name.length + field.value.length, 0),
    0,
  )
}
