import { stem } from './analyzer.js'

/**
 * Synonym lists, each `[word, ...its synonyms]` (from WordNet's most common senses of `word`,
 * single words only; a word without synonyms is a list of one, so the lists also say which words
 * are English). The core never reads a file: the composition root loads them (adapters/wordnet.ts)
 * and passes them in.
 */
export type Synsets = ReadonlyArray<readonly string[]>

/**
 * For every word with synonyms in the corpus, the corpus stems it can stand for, by the word's
 * stem: "talks" → "negotiation", "dialogu". Only corpus stems are kept, since a synonym the corpus
 * never uses cannot match anything.
 */
export function relatedStems(synsets: Synsets, corpusStems: ReadonlySet<string>): Map<string, string[]> {
  const related = new Map<string, Set<string>>()
  for (const [word, ...synonyms] of synsets) {
    if (word === undefined) continue
    const from = stem(word.toLowerCase())
    for (const synonym of synonyms) {
      const to = stem(synonym.toLowerCase())
      if (to === from || !corpusStems.has(to)) continue
      let set = related.get(from)
      if (!set) related.set(from, (set = new Set()))
      set.add(to)
    }
  }
  return new Map([...related].map(([from, to]) => [from, [...to]]))
}

/**
 * Builds synonym lists from one part of speech of WordNet 3: an `index.*` file (each line
 * `lemma pos synset_cnt p_cnt [ptr…] sense_cnt tagsense_cnt offset…`, senses most frequent first)
 * and its `data.*` file (each line `offset lex_filenum ss_type w_cnt word lex_id…`, `w_cnt` in hex).
 * Only each word's `senses` most common senses count: rarer ones link unrelated words. Every
 * single-word lemma gets a list, alone when it has no synonyms.
 * Multi-word lemmas ("go_away") are skipped: the index matches single words.
 */
export function parseWordNet(indexContent: string, dataContent: string, senses = 2): string[][] {
  const wordsByOffset = new Map<string, string[]>()
  for (const line of dataContent.split('\n')) {
    if (line === '' || line.startsWith(' ')) continue
    const fields = line.split(' ', 60)
    const count = Number.parseInt(fields[3] ?? '0', 16)
    const words: string[] = []
    for (let i = 0; i < count; i++) {
      const word = fields[4 + i * 2]
      if (word && !word.includes('_')) words.push(word.replace(/\(.*\)$/, '').toLowerCase())
    }
    if (words.length >= 2) wordsByOffset.set(fields[0] ?? '', words)
  }
  const lists: string[][] = []
  for (const line of indexContent.split('\n')) {
    if (line === '' || line.startsWith(' ')) continue
    const fields = line.trim().split(' ')
    const lemma = fields[0] ?? ''
    if (lemma.includes('_')) continue
    const synsetCount = Number(fields[2])
    const offsets = fields.slice(fields.length - synsetCount).slice(0, senses)
    const synonyms = new Set<string>()
    for (const offset of offsets) for (const word of wordsByOffset.get(offset) ?? []) if (word !== lemma) synonyms.add(word)
    // A word with no synonyms is still a word: "paris" must not be "corrected" to "parts".
    lists.push([lemma, ...synonyms])
  }
  return lists
}
