import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { checkUniqueIds, CorpusError, parseArticleFile, type ArticleInput } from '../src/index.js'

const ARTICLE_FILE = /\.(md|markdown|txt)$/i

/** Files read at the same time: enough to keep the disk busy, far below any open-file limit. */
const FILES_AT_ONCE = 256

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
  const loaded: Array<{ file: string; article: ArticleInput }> = []
  // A batch at a time: one open file per article of a 100,000-file folder exceeds the process's limit (EMFILE).
  for (let from = 0; from < names.length; from += FILES_AT_ONCE) {
    const batch = names.slice(from, from + FILES_AT_ONCE).map(async (name) => {
      const file = join(dir, name)
      return { file, article: parseArticleFile(file, await readFile(file, 'utf8')) }
    })
    loaded.push(...(await Promise.all(batch)))
  }
  checkUniqueIds(loaded)
  return loaded.map(({ article }) => article)
}
