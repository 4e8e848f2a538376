import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { checkUniqueIds, CorpusError, parseArticleFile, type ArticleInput } from '../src/index.js'

const ARTICLE_FILE = /\.(md|markdown|txt)$/i

/**
 * Reads every `.md` and `.txt` article in `dir` (not recursive, in file-name order) and checks them.
 * Throws `CorpusError` naming the file and field on the first bad one: a corpus that is half
 * loaded would answer with missing sources and nobody would notice.
 */
export async function loadCorpusDir(dir: string): Promise<ArticleInput[]> {
  let names: string[]
  try {
    names = (await readdir(dir)).filter((name) => ARTICLE_FILE.test(name) && !name.startsWith('.')).sort()
  } catch (error) {
    throw new CorpusError(dir, 'cannot read the corpus folder', { cause: error })
  }
  if (names.length === 0) throw new CorpusError(dir, 'the corpus folder holds no .md or .txt articles')
  const loaded = await Promise.all(
    names.map(async (name) => {
      const file = join(dir, name)
      return { file, article: parseArticleFile(file, await readFile(file, 'utf8')) }
    }),
  )
  checkUniqueIds(loaded)
  return loaded.map(({ article }) => article)
}
