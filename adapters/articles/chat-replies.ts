import type { NewsroomAddOutcome } from './newsroom.js'

/** What someone not allowed to add or subscribe is told. */
export const NOT_ALLOWED_TEXT = 'Sorry, only the people who run this bot can add articles or change subscriptions here.'

/** Usage of `/add` without a link. */
export const ADD_USAGE_TEXT = 'Send the article’s link after the command, for example: /add https://example.com/news/story'

/** Replies to `/subscribe` and `/unsubscribe` by what the store did. */
export const SUBSCRIPTION_TEXTS = {
  subscribed: 'This channel will now get a message for every new article, saying what it changes. /unsubscribe stops them.',
  'already-subscribed': 'This channel is already subscribed to new articles.',
  unsubscribed: 'This channel will no longer get messages about new articles.',
  'not-subscribed': 'This channel was not subscribed.',
} as const

/** How a platform marks up the reply to `/add`: escaping page text and bold. */
export interface AddReplyMarkup {
  escape(text: string): string
  bold(text: string): string
}

/** The reply to `/add`: added (title, source, story), already there, updated, or refused and why. */
export function formatAddReply(outcome: NewsroomAddOutcome, { escape, bold }: AddReplyMarkup): string {
  if (outcome.kind === 'refused') return `Not added: ${escape(outcome.message)}`
  const title = `${bold(escape(outcome.title))}${outcome.outlet ? ` (${escape(outcome.outlet)})` : ''}`
  const head = { added: `Added ${title}.`, updated: `Updated ${title}: the page had changed, and the new version replaces the old one.`, unchanged: `Already there: ${title}.` }[outcome.kind]
  const lines = [head]
  if (outcome.story) lines.push(`It joins the story “${escape(outcome.story.label)}”.`)
  for (const note of outcome.notes) lines.push(escape(note))
  if (outcome.reloadProblem) lines.push('It is saved, but I could not reload the articles yet; the people running the bot have the details in the log.')
  return lines.join('\n')
}
