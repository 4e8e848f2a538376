import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildEngineFromDir } from '../../adapters/build-engine.js'
import { loadCorpusDir } from '../../adapters/load-corpus.js'
import { CorpusError, parseArticleFile } from '../../src/index.js'
import { BUNDLED_DIR, fixtureDir, sharedSynsets } from '../helpers/engine.js'

describe('parseArticleFile', () => {
  it('reads metadata from YAML front matter and keeps the text verbatim', () => {
    const article = parseArticleFile('a.md', '---\nid: a1\ntitle: "Hello: world"\nauthor: Jo\nurl: https://x.example/a\n---\n\nFirst line.\n')
    expect(article).toMatchObject({ id: 'a1', title: 'Hello: world', author: 'Jo', url: 'https://x.example/a', titleSource: 'original' })
    expect(article.text).toBe('\nFirst line.\n')
  })

  it('accepts Markdown without front matter, taking the id from the file name', () => {
    const article = parseArticleFile('dir/Some Story.md', '# A heading\n\nBody text here.')
    expect(article.id).toBe('some-story')
    expect(article.title).toBe('A heading')
  })

  it('reads a .txt file as a title line followed by the text', () => {
    const article = parseArticleFile('notes.txt', 'The title\nThe body.\n')
    expect(article).toMatchObject({ id: 'notes', title: 'The title', text: 'The body.\n' })
  })

  it('names the file and the field when front matter is wrong', () => {
    expect(() => parseArticleFile('bad.md', '---\nid: ok\nurl: not a url\n---\ntext')).toThrow(/bad\.md: field "url"/)
    expect(() => parseArticleFile('bad.md', '---\nid: "has spaces"\n---\ntext')).toThrow(/bad\.md: field "id"/)
  })

  it('rejects front matter that does not parse, an empty file, and an article without text', () => {
    expect(() => parseArticleFile('y.md', '---\ntitle: [unclosed\n---\ntext')).toThrow(/y\.md: front matter is not valid YAML/)
    expect(() => parseArticleFile('empty.md', '  \n\n')).toThrow(/empty\.md: the file is empty/)
    expect(() => parseArticleFile('only.md', '---\ntitle: T\n---\n\n')).toThrow(/only\.md: the article has no text/)
    expect(() => parseArticleFile('open.md', '---\ntitle: T\nno end')).toThrow(/open\.md: front matter starts/)
  })

  it('tells how to fix a title with a colon in it, the commonest broken front matter', () => {
    const broken = '---\noutlet: Harbour Daily\ntitle: Raid at the gallery: two paintings taken\n---\nText.'
    expect(() => parseArticleFile('raid.md', broken)).toThrow(/raid\.md: front matter is not valid YAML.*line 2: a value with ": " in it must be in quotes, as in title: "…"/)
    // Quoted, the same title parses, colon and all.
    expect(parseArticleFile('raid.md', broken.replace(/title: (.*)/, 'title: "$1"')).title).toBe('Raid at the gallery: two paintings taken')
    // Other YAML mistakes get no such hint.
    expect(() => parseArticleFile('y.md', '---\ntitle: [unclosed\n---\ntext')).not.toThrow(/must be in quotes/)
  })
})

describe('loadCorpusDir', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'corpus-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('stops on a duplicate id, naming both files', async () => {
    await writeFile(join(dir, 'one.md'), '---\nid: same\n---\nText one.')
    await writeFile(join(dir, 'two.md'), '---\nid: same\n---\nText two.')
    await expect(loadCorpusDir(dir)).rejects.toThrow(/two\.md: field "id": duplicate id "same", already used by .*one\.md/)
  })

  it('names the one broken file of a large folder before any build stage runs, with or without a snapshot cache', async () => {
    const files = 3_000
    for (let i = 0; i < files; i++) await writeFile(join(dir, `a${String(i).padStart(5, '0')}.txt`), `Article ${i}\nThe council met on day ${i} and spoke for ${i % 9} hours.\n`)
    // Sorted into the middle of the folder, so neither the first nor the last file read.
    await writeFile(join(dir, 'a01500-broken.md'), '---\nid: broken\nurl: not a link\n---\n\nText.\n')
    const cache = await mkdtemp(join(tmpdir(), 'corpus-cache-'))
    try {
      for (const snapshotDir of [false, cache] as const) {
        const stages: string[] = []
        const error: unknown = await buildEngineFromDir(dir, { synsets: await sharedSynsets(), onStage: (stage) => stages.push(stage) }, { dir: snapshotDir }).catch((caught: unknown) => caught)
        expect(error).toBeInstanceOf(CorpusError)
        expect((error as CorpusError).message).toMatch(/a01500-broken\.md: field "url"/)
        expect(stages).toEqual([])
      }
    } finally {
      await rm(cache, { recursive: true, force: true })
    }
  })

  it('stops on an empty folder and on a folder that does not exist', async () => {
    await expect(loadCorpusDir(dir)).rejects.toThrow(/holds no \.md or \.txt articles/)
    await expect(loadCorpusDir(join(dir, 'missing'))).rejects.toThrow(/cannot read the corpus folder/)
  })

  it('loads the bundled corpus: five articles, two with derived titles, no biography in the text', async () => {
    const articles = await loadCorpusDir(BUNDLED_DIR)
    expect(articles).toHaveLength(5)
    expect(articles.filter((article) => article.titleSource === 'derived')).toHaveLength(2)
    for (const article of articles) {
      expect(article.text).not.toMatch(/Leave a Comment|Welcome Back!|Comments are closed\.|Publicar un comentario/)
      expect(article.text).not.toMatch(/Born in \w+ and educated/)
    }
  })

  it('loads a mixed folder of .md and .txt articles', async () => {
    const articles = await loadCorpusDir(fixtureDir('harbor-bridge'))
    expect(articles.map((article) => article.id).sort()).toEqual(['city-desk', 'morning-wire', 'river-notes'])
  })
})
