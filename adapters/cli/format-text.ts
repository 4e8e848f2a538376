import type { Answer, Disagreement, Quote, Source, SourceSummary, Story, Takeaway } from '../../src/index.js'
import { NEWER_NOTE } from '../../src/index.js'
import { describeSides } from '../takeaway-sides.js'

/** How to style text for a terminal: ANSI bold when it is a TTY, plain otherwise. */
export interface TextStyle {
  bold(text: string): string
  dim(text: string): string
}

export const PLAIN_STYLE: TextStyle = { bold: (text) => text, dim: (text) => text }
export const ANSI_STYLE: TextStyle = { bold: (text) => `\u001b[1m${text}\u001b[22m`, dim: (text) => `\u001b[2m${text}\u001b[22m` }

/** Removes terminal control sequences from corpus or user text, so nothing can restyle or move the cursor. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
}

/** "Title (author, outlet) url": how a source is cited in plain text. */
export function citeSource(source: Source): string {
  const by = [source.author, source.outlet].filter(Boolean).join(', ')
  return clean(`${source.title}${by ? ` (${by})` : ''}${source.url ? ` ${source.url}` : ''}`)
}

/** The quote's text with matched words styled and "…" where it was clipped. */
export function renderQuoteText(quote: Quote, style: TextStyle): string {
  let out = ''
  let at = 0
  for (const [start, end] of quote.highlights) {
    if (start < at) continue
    out += clean(quote.text.slice(at, start)) + style.bold(clean(quote.text.slice(start, end)))
    at = end
  }
  out += clean(quote.text.slice(at))
  return `${quote.clippedBefore ? '…' : ''}${out}${quote.clippedAfter ? '…' : ''}`
}

/** A disagreement as a few plain lines: the topic, then each side quoted with its source. */
export function renderDisagreement(disagreement: Disagreement, style: TextStyle = PLAIN_STYLE): string {
  const lines = [`${style.bold('Sources disagree')} on ${clean(disagreement.topic)} (${disagreement.valueKind ?? disagreement.kind}):`]
  for (const claim of disagreement.claims) {
    const who = claim.speaker ? `, according to ${clean(claim.speaker)}` : ''
    lines.push(`  • ${clean(claim.value)}${claim.headline ? ' (headline)' : ''}${claim.newer ? ` (${NEWER_NOTE})` : ''}${who}: “${clean(claim.text)}”`, `      — ${citeSource(claim.source)}`)
    for (const other of claim.alsoIn ?? []) lines.push(`      — also ${citeSource(other)}`)
  }
  return lines.join('\n')
}

/** An answer for a person at a terminal. */
export function renderAnswer(answer: Answer, style: TextStyle = PLAIN_STYLE): string {
  if (answer.status !== 'answered') {
    const lines = [clean(answer.message ?? '')]
    if (answer.suggestions?.length) lines.push('', 'You could ask:', ...answer.suggestions.map((question) => `  • ${clean(question)}`))
    return lines.join('\n')
  }
  const lines: string[] = []
  answer.quotes.forEach((quote, i) => {
    lines.push(`${i + 1}. “${renderQuoteText(quote, style)}”`)
    lines.push(style.dim(`   — ${citeSource(quote.source)}`))
    for (const other of quote.alsoIn) lines.push(style.dim(`   — also in ${citeSource(other)}`))
  })
  for (const disagreement of answer.disagreements) lines.push('', renderDisagreement(disagreement, style))
  return lines.join('\n')
}

/** The corpus as a list. */
export function renderSources(sources: SourceSummary[]): string {
  return sources
    .map(({ source, passages }) => `• ${clean(source.id)}: ${citeSource(source)}${source.titleSource === 'derived' ? ' [title added]' : ''} — ${passages} passages`)
    .join('\n')
}

/** Takeaways as a numbered list with their support. */
/** The corpus's stories as a numbered list: label, id, sources and dates. */
export function renderStories(stories: Story[]): string {
  if (stories.length === 0) return 'No stories found.'
  return stories
    .map((story, i) => {
      const dates = story.published ? (story.published.from === story.published.to ? `, ${story.published.from}` : `, ${story.published.from} to ${story.published.to}`) : ''
      const count = `${story.sources.length} source${story.sources.length === 1 ? '' : 's'}`
      return `${i + 1}. ${clean(story.label)} (${count}${dates})\n   id: ${story.id}\n   sources: ${story.sources.join(', ')}`
    })
    .join('\n')
}

/**
 * Takeaways grouped by story: a single group prints as `renderTakeaways` does (support counted over
 * its story's sources, else `total`); several print each under its story's label, support counted within the story.
 */
export function renderStoryTakeaways(groups: Array<{ story: Story; takeaways: Takeaway[] }>, total: number, style: TextStyle = PLAIN_STYLE): string {
  if (groups.length <= 1) return renderTakeaways(groups[0]?.takeaways ?? [], groups[0]?.story.sources.length || total, style)
  return groups.map(({ story, takeaways }) => `${style.bold(clean(story.label))} (story ${story.id})\n${renderTakeaways(takeaways, story.sources.length, style)}`).join('\n\n')
}

export function renderTakeaways(takeaways: Takeaway[], total: number, style: TextStyle = PLAIN_STYLE): string {
  if (takeaways.length === 0) return 'No takeaways found.'
  return takeaways
    .map((takeaway, i) => {
      const support = `reported by ${takeaway.supportedBy.length} of ${total} sources`
      const sides = describeSides(takeaway.sides, clean)
      const contested = takeaway.contested ? ` — ${style.bold('contested')}${takeaway.disagreementTopic ? `: sources disagree on ${clean(takeaway.disagreementTopic)}${sides}` : ''}` : ''
      return `${i + 1}. “${clean(takeaway.text)}”\n   — ${citeSource(takeaway.source)} (${support})${contested}`
    })
    .join('\n')
}
