import { readFileSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { checkUniqueIds, CorpusError, parseArticleFile, type ArticleInput } from '../src/index.js'

const ARTICLE_FILE = /\.(md|markdown|txt)$/i

/** One corpus file as read, before it is checked. */
export interface CorpusFile {
  file: string
  content: string
}

/** Files read between two turns of the event loop, so a health probe is answered while a large folder is read. */
const FILES_PER_TURN = 500

/**
 * Reads every `.md` and `.txt` file in `dir` (not recursive, in file-name order) without checking
 * them. Throws `CorpusError` when the folder cannot be read or holds no article.
 */
export async function readCorpusFiles(dir: string): Promise<CorpusFile[]> {
  let names: string[]
  try {
    names = (await readdir(dir)).filter((name) => ARTICLE_FILE.test(name) && !name.startsWith('.')).sort()
  } catch (error) {
    throw new CorpusError(dir, 'cannot read the corpus folder', { cause: error })
  }
  if (names.length === 0) throw new CorpusError(dir, 'the corpus folder holds no .md or .txt articles')
  const files: CorpusFile[] = []
  for (const [i, name] of names.entries()) {
    if (i > 0 && i % FILES_PER_TURN === 0) await nextTurn()
    const file = join(dir, name)
    // Synchronous reads of small files: about five times faster here than `fs/promises` readFile,
    // which makes several trips through the thread pool for each file.
    try {
      files.push({ file, content: readFileSync(file, 'utf8') })
    } catch (error) {
      throw new CorpusError(file, 'cannot read the file', { cause: error })
    }
  }
  return files
}

/**
 * Checks files read by `readCorpusFiles` and makes them articles. Throws `CorpusError` naming the
 * file and field on the first bad one: a corpus that is half loaded would answer with missing
 * sources and nobody would notice.
 */
export function parseCorpusFiles(files: readonly CorpusFile[]): ArticleInput[] {
  const loaded = files.map(({ file, content }) => ({ file, article: parseArticleFile(file, content) }))
  checkUniqueIds(loaded)
  return loaded.map(({ article }) => article)
}

/** Reads and checks every article in `dir`: `readCorpusFiles`, then `parseCorpusFiles`. */
export async function loadCorpusDir(dir: string): Promise<ArticleInput[]> {
  return parseCorpusFiles(await readCorpusFiles(dir))
}
