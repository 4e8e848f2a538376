import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  MAX_MESSAGE_CHARS,
  escapeHtml,
  formatAnswer,
  formatQuote,
  formatSource,
  highlightHtml,
  packMessages,
  splitHtml,
} from '../../adapters/telegram/format.js'
import type { Quote } from '../../src/index.js'
import { FAKE_DISAGREEMENT, fakeAnswer, fakeQuote } from '../fakes/fake-engine.js'
import { parseTelegramHtml } from '../fakes/telegram-html.js'

function plain(html: string): string {
  const parsed = parseTelegramHtml(html)
  if (!parsed.ok) throw new Error(`${parsed.error} in ${html}`)
  return parsed.text
}

describe('escapeHtml', () => {
  it('escapes the characters Telegram HTML reserves, and quotes for attributes', () => {
    expect(escapeHtml('<b>"Tom" & Jerry</b>')).toBe('&lt;b&gt;&quot;Tom&quot; &amp; Jerry&lt;/b&gt;')
  })
})

describe('highlightHtml', () => {
  it('bolds the spans and escapes the rest', () => {
    expect(highlightHtml('a <b> & c', [[2, 5], [8, 9]])).toBe('a <b>&lt;b&gt;</b> &amp; <b>c</b>')
  })

  it('tolerates unsorted, overlapping, empty and out-of-range spans', () => {
    expect(highlightHtml('abcdef', [[4, 9], [0, 2], [1, 3], [2, 2], [-5, -1], [Number.NaN, 2]])).toBe('<b>abc</b>d<b>ef</b>')
  })

  it('always yields valid HTML whose text is the input', () => {
    const span = fc.tuple(fc.integer({ min: -5, max: 60 }), fc.integer({ min: -5, max: 60 }))
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), fc.array(span, { maxLength: 6 }), (text, spans) => {
        const html = highlightHtml(`x${text}`, spans)
        expect(plain(html)).toBe(`x${text}`)
      }),
    )
  })
})

describe('formatQuote', () => {
  it('puts the quote in a blockquote with ellipses where clipped, then the linked citation', () => {
    const quote = fakeQuote('the talks ended', { highlights: [[4, 9]], clippedBefore: true, clippedAfter: true })

    expect(formatQuote(quote)).toBe(
      '<blockquote>…the <b>talks</b> ended…</blockquote>\n— <a href="https://news.example/wire?story=1&amp;ref=&quot;summit&quot;">Talks end after seven hours &amp; no deal</a> (Wire Service, 2025-08-15)',
    )
  })

  it('cites by title alone when the URL is not a web address', () => {
    expect(formatSource({ id: 'x', title: 'T', url: 'javascript:alert(1)' })).toBe('T')
    expect(formatSource({ id: 'x', title: 'T', url: 'not a url' })).toBe('T')
  })
})

describe('packMessages', () => {
  it('keeps short blocks in one message', () => {
    expect(packMessages(['a', 'b'])).toEqual(['a\n\nb'])
  })

  it('breaks between blocks rather than inside one', () => {
    const block = `<blockquote>${'x'.repeat(3000)}</blockquote>`
    expect(packMessages([block, block])).toEqual([block, block])
  })

  it('cuts a block longer than a message at whitespace, reopening its tags', () => {
    const block = `<blockquote><b>${'word '.repeat(1000)}</b>end</blockquote>`
    const messages = packMessages([block])

    expect(messages.length).toBe(2)
    expect(messages[1]).toMatch(/^<blockquote><b>word /)
    expect(messages.map(plain).join('')).toBe(`${'word '.repeat(1000)}end`)
  })

  it('never exceeds the limit, never breaks the HTML, and loses no text', () => {
    const quote = fc.record({
      text: fc.string({ unit: fc.constantFrom('a', ' ', '<', '&', '"', '\n', 'é', '😀', 'word '), minLength: 1, maxLength: 900 }),
      highlights: fc.array(fc.tuple(fc.nat(900), fc.nat(900)), { maxLength: 5 }),
    })
    fc.assert(
      fc.property(fc.array(quote, { minLength: 1, maxLength: 12 }), fc.integer({ min: 300, max: MAX_MESSAGE_CHARS }), (quotes, maxChars) => {
        const blocks = quotes.map((q) => formatQuote(fakeQuote(q.text, { highlights: q.highlights as Quote['highlights'] })))
        const messages = packMessages(blocks, maxChars)
        for (const message of messages) expect(message.length).toBeLessThanOrEqual(maxChars)
        const squash = (text: string) => text.replace(/\s+/g, '')
        expect(squash(messages.map(plain).join(''))).toBe(squash(blocks.map(plain).join('')))
      }),
      { numRuns: 200 },
    )
  })

  it('does not split a surrogate pair', () => {
    const pieces = splitHtml(`<b>${'😀'.repeat(300)}</b>`, 101)
    for (const piece of pieces) expect(piece).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/)
    expect(pieces.map(plain).join('')).toBe('😀'.repeat(300))
  })
})

describe('formatAnswer', () => {
  it('falls back to a message when an answered answer has no quotes', () => {
    expect(formatAnswer(fakeAnswer('q', []))).toEqual(['I found nothing in the articles that answers that.'])
  })

  it('shows the disagreements on the first page only', () => {
    const answer = fakeAnswer('How long?', [fakeQuote('Seven hours.')], { disagreements: [FAKE_DISAGREEMENT] })

    expect(formatAnswer(answer).join('')).toContain('Sources disagree')
    expect(formatAnswer(answer, { offset: 4 }).join('')).not.toContain('Sources disagree')
  })

  it('says which side comes from the newest source, so the others may be outdated', () => {
    const [older, newer] = FAKE_DISAGREEMENT.claims
    const dated = { ...FAKE_DISAGREEMENT, claims: [older!, { ...newer!, newer: true }] }
    const text = plain(formatAnswer(fakeAnswer('How long?', [fakeQuote('Seven hours.')], { disagreements: [dated] })).join(''))
    expect(text).toContain('(newest source: the others may be outdated)')
    expect(text.split('newest source')).toHaveLength(2)
  })

  it('starts a later page with its question, escaped and shortened, and where the page starts', () => {
    const question = `<i>How long</i> & ${'why '.repeat(40)}?`
    const [page = ''] = formatAnswer(fakeAnswer(question, [fakeQuote('Seven hours.')]), { offset: 4 })

    expect(page).toMatch(/^<i>More quotes on “&lt;i&gt;How long&lt;\/i&gt; &amp; why why .*…”, from quote 5<\/i>\n\n<blockquote>Seven hours\.<\/blockquote>/)
    expect(plain(page).indexOf('”')).toBeLessThanOrEqual('More quotes on “'.length + 100)
  })
})
