import type { ApplicationCommandOptionChoiceData } from 'discord.js'
import type { Story } from '../../src/index.js'
import { DISCORD_LIMITS, escapeMarkdown, truncate, type DiscordReply } from './format.js'

/** Discord shows at most 25 autocomplete choices, each name and value at most 100 characters. */
const MAX_CHOICES = 25
const MAX_CHOICE_CHARS = 100

/** Embed colour of the story list, as the other lists'. */
const EMBED_COLOR = 0x5865f2

/**
 * Autocomplete choices for the `story` option: stories whose label or id contain what the user
 * typed, those starting with it first, largest story first otherwise.
 */
export function storyChoices(stories: readonly Story[], typed: string): ApplicationCommandOptionChoiceData<string>[] {
  const needle = typed.trim().toLowerCase()
  const matching = stories.filter((story) => `${story.label} ${story.id}`.toLowerCase().includes(needle))
  const startsWith = (story: Story) => story.label.toLowerCase().startsWith(needle) || story.id.startsWith(needle)
  return [...matching.filter(startsWith), ...matching.filter((story) => !startsWith(story))]
    .filter((story) => story.id.length <= MAX_CHOICE_CHARS)
    .slice(0, MAX_CHOICES)
    .map((story) => ({ name: truncate(`${story.label} (${story.sources.length} article${story.sources.length === 1 ? '' : 's'})`, MAX_CHOICE_CHARS), value: story.id }))
}

/** `/stories`: the events the corpus covers, largest first, each with its id and dates. */
export function formatStoryList(stories: readonly Story[], footer: string): DiscordReply {
  const lines = stories.map((story) => {
    const dates = story.published ? ` · ${story.published.from === story.published.to ? story.published.from : `${story.published.from} – ${story.published.to}`}` : ''
    return `• **${escapeMarkdown(story.label)}** · \`${story.id}\` · ${story.sources.length} article${story.sources.length === 1 ? '' : 's'}${dates}`
  })
  let description = lines.length === 0 ? 'The corpus is empty.' : ''
  for (const line of lines) {
    if (description.length + line.length + 1 > DISCORD_LIMITS.embedDescription) break
    description += description === '' ? line : `\n${line}`
  }
  return { embeds: [{ title: `Stories in the corpus (${stories.length})`, description, color: EMBED_COLOR, footer: { text: footer } }], components: [] }
}
