import type { Story } from '../../src/index.js'
import { escapeHtml, packMessages } from './format.js'

/** The `/stories` reply: each story's label, id (for `/takeaways <id>`), sources and dates. */
export function formatStories(stories: readonly Story[]): string[] {
  if (stories.length === 0) return ['No articles are loaded.']
  const lines = stories.map((story) => {
    const dates = story.published ? ` · ${escapeHtml(story.published.from === story.published.to ? story.published.from : `${story.published.from} – ${story.published.to}`)}` : ''
    const count = `${story.sources.length} article${story.sources.length === 1 ? '' : 's'}`
    return `• <b>${escapeHtml(story.label)}</b> · <code>${escapeHtml(story.id)}</code> · ${count}${dates}`
  })
  const hint = stories.length > 1 ? 'Key points of one story: /takeaways <i>story id</i>' : ''
  return packMessages([`<b>Stories</b> (${stories.length})`, lines.join('\n'), ...(hint ? [hint] : [])])
}
