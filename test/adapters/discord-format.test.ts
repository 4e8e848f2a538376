import { describe, expect, it } from 'vitest'
import type { Disagreement, SourceSummary } from '../../src/index.js'
import { buttonId, createAnswerContexts, parseButtonId } from '../../adapters/discord/buttons.js'
import { createCooldown } from '../../adapters/discord/cooldown.js'
import { citeSource, DISCORD_LIMITS, embedLength, escapeMarkdown, formatAnswer, formatDisagreements, highlight } from '../../adapters/discord/format.js'
import { sourceChoices } from '../../adapters/discord/interactions.js'
import { stripMention } from '../../adapters/discord/messages.js'
import { FAKE_SOURCES, fakeAnswer, fakeQuote } from '../fakes/fake-engine.js'

const view = { offset: 0, contextId: '1234567890123456789', footer: 'Corpus: 3 articles · quotes are verbatim' }

/** A sentence of `words` words, each distinct so a cut would show. */
function sentence(words: number, tag: string): string {
  return `${Array.from({ length: words }, (_, index) => `${tag}${index}`).join(' ')}.`
}

describe('escapeMarkdown', () => {
  it('escapes inline markup, links and mentions so corpus text shows as written', () => {
    expect(escapeMarkdown('*a* _b_ ~~c~~ `d` ||e|| [f](https://x.example) <@123> back\\slash')).toBe(
      '\\*a\\* \\_b\\_ \\~\\~c\\~\\~ \\`d\\` \\|\\|e\\|\\| \\[f\\](https://x.example) \\<@123> back\\\\slash',
    )
  })

  it('escapes list, heading and quote markers at the start of a line only', () => {
    expect(escapeMarkdown('- item\n# Heading\n12. twelve\n> quoted\nmid-line - # 3. stays')).toBe(
      '\\- item\n\\# Heading\n12\\. twelve\n\\> quoted\nmid-line - # 3. stays',
    )
  })
})

describe('highlight', () => {
  it('bolds the highlighted words, merging spans that overlap or touch', () => {
    expect(highlight('The talks lasted seven hours', [[4, 9], [8, 16], [17, 22]])).toBe('The **talks lasted** **seven** hours')
  })

  it('keeps whitespace outside the bold and continues the block quote across lines', () => {
    expect(highlight('first line\nsecond *line*', [[5, 18]])).toBe('first **line**\n> **second** \\*line\\*')
  })
})

describe('citeSource', () => {
  it('links a source with a safe URL, escaping the title and the characters that end a link', () => {
    expect(citeSource({ id: 'x', title: 'A [big] day', url: 'https://x.example/a_(b) c' })).toBe('[A \\[big\\] day](https://x.example/a_%28b%29%20c)')
  })

  it('names a source without a link when its URL is not http(s)', () => {
    expect(citeSource({ id: 'x', title: 'Odd', url: 'javascript:alert(1)' })).toBe('**Odd**')
  })
})

describe('formatAnswer', () => {
  it('moves quotes that do not fit to the next page instead of cutting them', () => {
    const quotes = ['a', 'b', 'c', 'd'].map((tag) => fakeQuote(sentence(180, `${tag}word`)))
    const page = formatAnswer(fakeAnswer('q', quotes), view)

    const description = page.reply.embeds[0]?.description ?? ''
    expect(page.shown).toBe(2)
    expect(description.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription)
    expect(description).toContain(quotes[0]!.text)
    expect(description).toContain(quotes[1]!.text)
    expect(description).not.toContain('cword0')
    const buttons = page.reply.components[0]?.components ?? []
    expect(buttons.map((button) => ('custom_id' in button ? button.custom_id : ''))).toEqual([
      'more:1234567890123456789:2',
      'sources:1234567890123456789:0:2',
    ])
  })

  it('shortens a single quote longer than a whole embed, and says so with "…"', () => {
    const page = formatAnswer(fakeAnswer('q', [fakeQuote(sentence(1200, 'w'))]), view)

    const description = page.reply.embeds[0]?.description ?? ''
    expect(page.shown).toBe(1)
    expect(description.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription)
    expect(description).toMatch(/w\d+…\n— /)
  })

  it('keeps the whole message within 6,000 characters with disagreements beside long quotes', () => {
    const claims = Array.from({ length: 30 }, (_, index) => ({ value: `${index} hours`, text: sentence(10, 'c'), source: FAKE_SOURCES.wire, passageId: 'wire#1' }))
    const disagreements: Disagreement[] = Array.from({ length: 5 }, (_, index) => ({ topic: `topic ${index}`, kind: 'quantity', claims }))
    const quotes = ['a', 'b', 'c', 'd'].map((tag) => fakeQuote(sentence(100, tag)))
    const page = formatAnswer(fakeAnswer('q', quotes, { disagreements }), view)

    expect(embedLength(page.reply.embeds)).toBeLessThanOrEqual(DISCORD_LIMITS.embedsTotal)
    for (const field of page.reply.embeds[0]?.fields ?? []) expect(field.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue)
    expect(page.reply.embeds[0]?.fields?.map((field) => field.name)).toEqual([
      'Sources disagree: topic 0',
      'Sources disagree: topic 1',
      'Sources disagree: topic 2',
      'More disagreements',
    ])
  })

  it('marks a quote the core clipped inside a sentence with "…"', () => {
    const page = formatAnswer(fakeAnswer('q', [fakeQuote('the talks ended', { clippedBefore: true, clippedAfter: true })]), view)

    expect(page.reply.embeds[0]?.description).toMatch(/^> …the talks ended…\n— /)
  })
})

describe('formatDisagreements', () => {
  it('stays within 25 fields and 6,000 characters however many disagreements there are', () => {
    const claims = [
      { value: '3 hours', text: sentence(40, 'x'), source: FAKE_SOURCES.wire, passageId: 'wire#1' },
      { value: '7 hours', text: sentence(40, 'y'), source: FAKE_SOURCES.daily, passageId: 'daily#1' },
    ]
    const disagreements: Disagreement[] = Array.from({ length: 40 }, (_, index) => ({ topic: `topic ${index}`, kind: 'quantity', claims }))
    const reply = formatDisagreements(disagreements, view.footer)

    const fields = reply.embeds[0]?.fields ?? []
    expect(fields.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedFields)
    expect(embedLength(reply.embeds)).toBeLessThanOrEqual(DISCORD_LIMITS.embedsTotal)
    expect(fields.at(-1)?.name).toBe('Not shown')
  })
})

describe('sourceChoices', () => {
  it('offers at most 25 matching sources, those starting with the typed text first, names within 100 characters', () => {
    const summaries: SourceSummary[] = Array.from({ length: 40 }, (_, index) => ({
      source: { id: `s${index}`, title: `${index % 2 === 0 ? 'Summit' : 'The summit'} ${'long title '.repeat(12)}${index}` },
      passages: 1,
      characters: 10,
    }))
    const choices = sourceChoices(summaries, 'summ')

    expect(choices).toHaveLength(25)
    expect(choices[0]?.value).toBe('s0')
    expect(choices.slice(0, 20).every((choice) => choice.name.startsWith('Summit'))).toBe(true)
    expect(choices.every((choice) => choice.name.length <= 100)).toBe(true)
  })
})

describe('buttons', () => {
  it('reads back the custom ids it builds and nothing else', () => {
    const more = { kind: 'more', contextId: '123', offset: 4 } as const
    const sources = { kind: 'sources', contextId: '123', offset: 4, count: 2 } as const
    expect(parseButtonId(buttonId(more))).toEqual(more)
    expect(parseButtonId(buttonId(sources))).toEqual(sources)
    expect(parseButtonId('more:123')).toBeUndefined()
    expect(parseButtonId('other:123:4')).toBeUndefined()
  })

  it('forgets the oldest answers beyond its size', () => {
    const contexts = createAnswerContexts(2)
    contexts.remember('a', { question: 'qa' })
    contexts.remember('b', { question: 'qb' })
    contexts.remember('c', { question: 'qc' })
    expect(contexts.recall('a')).toBeUndefined()
    expect(contexts.recall('c')).toEqual({ question: 'qc' })
  })
})

describe('createCooldown', () => {
  it('refuses a second request within the cooldown, notifying once, and lets it through after', () => {
    let now = 0
    const cooldown = createCooldown({ cooldownMs: 3000, now: () => now })
    expect(cooldown.check('u')).toEqual({ allowed: true })
    now = 1000
    expect(cooldown.check('u')).toEqual({ allowed: false, retryAfterMs: 2000, firstRefusal: true })
    expect(cooldown.check('u')).toEqual({ allowed: false, retryAfterMs: 2000, firstRefusal: false })
    expect(cooldown.check('other')).toEqual({ allowed: true })
    now = 3000
    expect(cooldown.check('u')).toEqual({ allowed: true })
  })
})

describe('stripMention', () => {
  it('removes the bot mention in both forms and keeps other mentions as text', () => {
    expect(stripMention('<@42> how long? <@!42> <@7>', '42')).toBe('how long? <@7>')
  })
})
