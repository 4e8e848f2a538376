import { parse as parseYaml, YAMLParseError } from 'yaml'
import { z } from 'zod'
import { CorpusError } from './errors.js'
import type { ArticleInput } from './types.js'

/** Front matter of a Markdown article. Unknown keys are kept out of the answerable text but allowed. */
export const frontMatterSchema = z.looseObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/i, 'must be a short slug: letters, digits, ".", "_" or "-"').optional(),
  title: z.string().trim().min(1, 'must not be empty').optional(),
  title_source: z.enum(['original', 'derived']).optional(),
  author: z.string().trim().min(1).optional(),
  /** An author biography: metadata, never answerable text. */
  author_bio: z.string().optional(),
  outlet: z.string().trim().min(1).optional(),
  url: z.url({ protocol: /^https?$/ }).optional(),
  published: z.union([z.string(), z.date().transform((date) => date.toISOString().slice(0, 10))]).optional(),
})

export type FrontMatter = z.infer<typeof frontMatterSchema>

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/

/** A plain value holding ": " after its key ("title: Raid: two taken"), which YAML reads as a second key. */
const UNQUOTED_COLON = /^([A-Za-z_][\w-]*):[ \t]+[^"'\s[{|>][^#]*?:\s/

/** What to do about the likeliest cause of a YAML error in front matter: a title with a colon, unquoted. */
function colonHint(frontMatter: string): string {
  const lines = frontMatter.split(/\r?\n/)
  const at = lines.findIndex((line) => UNQUOTED_COLON.test(line))
  if (at < 0) return ''
  const key = UNQUOTED_COLON.exec(lines[at] ?? '')?.[1] ?? ''
  return `; line ${at + 1}: a value with ": " in it must be in quotes, as in ${key}: "…"`
}

/**
 * Parses one corpus file. `.md`: optional YAML front matter, then the article text.
 * `.txt`: the first line is the title, the rest the text. The id defaults to the file name
 * without its extension. Throws `CorpusError` naming the file and the field on bad input.
 */
export function parseArticleFile(fileName: string, content: string): ArticleInput {
  const baseName = fileName.replace(/^.*[\\/]/, '')
  const stem = baseName.replace(/\.(md|markdown|txt)$/i, '')
  const slug = stem.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'article'
  const raw = content.replace(/^\uFEFF/, '')
  if (raw.trim() === '') throw new CorpusError(fileName, 'the file is empty')

  if (/\.txt$/i.test(baseName)) {
    const newline = raw.indexOf('\n')
    const title = (newline < 0 ? raw : raw.slice(0, newline)).trim()
    const text = newline < 0 ? '' : raw.slice(newline + 1)
    if (text.trim() === '') throw new CorpusError(fileName, 'the article has a title line but no text')
    return { id: slug, title, titleSource: 'original', text }
  }

  let meta: FrontMatter = {}
  let text = raw
  const match = FRONT_MATTER.exec(raw)
  if (match) {
    let data: unknown
    try {
      data = parseYaml(match[1] ?? '') ?? {}
    } catch (error) {
      const where = error instanceof YAMLParseError ? ` (${error.message.split('\n')[0]})` : ''
      throw new CorpusError(fileName, `front matter is not valid YAML${where}${colonHint(match[1] ?? '')}`, { cause: error })
    }
    const parsed = frontMatterSchema.safeParse(data)
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `field "${issue.path.join('.') || '(root)'}" ${issue.message}`)
      throw new CorpusError(fileName, issues.join('; '))
    }
    meta = parsed.data
    text = raw.slice(match[0].length)
  } else if (raw.startsWith('---')) {
    throw new CorpusError(fileName, 'front matter starts with "---" but has no closing "---" line')
  }
  if (text.trim() === '') throw new CorpusError(fileName, 'the article has no text after its front matter')

  const title = meta.title ?? firstHeading(text) ?? stem
  return {
    id: meta.id ?? slug,
    title,
    titleSource: meta.title_source ?? (meta.title ? 'original' : 'derived'),
    ...(meta.author ? { author: meta.author } : {}),
    ...(meta.outlet ? { outlet: meta.outlet } : {}),
    ...(meta.url ? { url: meta.url } : {}),
    ...(meta.published ? { published: meta.published } : {}),
    text,
  }
}

function firstHeading(text: string): string | undefined {
  const heading = /^#{1,6}\s+(.+)$/m.exec(text)
  return heading?.[1]?.trim()
}

/** Throws `CorpusError` when two articles share an id: answers would cite the wrong one. */
export function checkUniqueIds(articles: Array<{ article: ArticleInput; file: string }>): void {
  const seen = new Map<string, string>()
  for (const { article, file } of articles) {
    const other = seen.get(article.id)
    if (other !== undefined) throw new CorpusError(file, `field "id": duplicate id "${article.id}", already used by ${other}`)
    seen.set(article.id, file)
  }
}
