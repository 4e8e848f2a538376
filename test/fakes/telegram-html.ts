/**
 * A strict reading of Telegram's HTML parse mode, as the fake Bot API applies it: only the tags
 * Telegram supports, properly nested, `<a>` with an `href`, no bare `<`, `>` or `&`, and the text
 * left after parsing non-empty and at most 4,096 characters. Telegram rejects such messages with
 * "Bad Request: can't parse entities", so a formatting bug fails a test the same way.
 */

const SUPPORTED_TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'span', 'tg-spoiler', 'a', 'tg-emoji', 'code', 'pre', 'blockquote'])
const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' }

/** Telegram's limit on a message's text after entity parsing. */
export const TELEGRAM_MAX_TEXT_CHARS = 4096

/** What the reader would see, or why Telegram would refuse the message. */
export type TelegramHtmlResult = { ok: true; text: string; tags: string[] } | { ok: false; error: string }

/** Parses `html` as Telegram would; `text` is what the reader sees, `tags` the elements in order. */
export function parseTelegramHtml(html: string): TelegramHtmlResult {
  const open: string[] = []
  const tags: string[] = []
  let text = ''
  const tokens = html.match(/<[^>]*>|&[^;\s<&]*;?|[^<&>]+|>/g) ?? []
  for (const token of tokens) {
    if (token === '>') return fail(`unexpected ">" at "${context(html, token)}"`)
    if (token.startsWith('<')) {
      const tag = /^<(\/?)([a-z-]+)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*>$/.exec(token)
      if (!tag) return fail(`unsupported start tag "${token}"`)
      const [, slash, name = '', attributes = ''] = tag
      if (!SUPPORTED_TAGS.has(name)) return fail(`unsupported start tag "${name}"`)
      if (slash) {
        if (open.pop() !== name) return fail(`unmatched end tag "${name}"`)
        continue
      }
      if (name === 'a' && !/\shref="[^"]+"/.test(attributes)) return fail('<a> without href')
      open.push(name)
      tags.push(name)
      continue
    }
    if (token.startsWith('&')) {
      const decoded = decodeEntity(token)
      if (decoded === undefined) return fail(`unsupported entity "${token}"`)
      text += decoded
      continue
    }
    text += token
  }
  if (open.length > 0) return fail(`unclosed tag "${open.at(-1)}"`)
  if (text.trim() === '') return { ok: false, error: 'Bad Request: message text is empty' }
  if (text.length > TELEGRAM_MAX_TEXT_CHARS) return { ok: false, error: 'Bad Request: message is too long' }
  return { ok: true, text, tags }
}

function decodeEntity(token: string): string | undefined {
  const body = /^&(#x[0-9a-f]+|#\d+|[a-z]+);$/i.exec(token)?.[1]
  if (body === undefined) return undefined
  if (body.startsWith('#x') || body.startsWith('#X')) return String.fromCodePoint(Number.parseInt(body.slice(2), 16))
  if (body.startsWith('#')) return String.fromCodePoint(Number.parseInt(body.slice(1), 10))
  return NAMED_ENTITIES[body]
}

function fail(reason: string): TelegramHtmlResult {
  return { ok: false, error: `Bad Request: can't parse entities: ${reason}` }
}

function context(html: string, token: string): string {
  const at = html.indexOf(token)
  return html.slice(Math.max(0, at - 20), at + 20)
}
