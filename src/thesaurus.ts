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
  for (const [from, synonyms] of stemmedSynsets(synsets)) {
    for (const tos of synonyms) {
      for (const to of tos) {
        if (to === from || !corpusStems.has(to)) continue
        let set = related.get(from)
        if (!set) related.set(from, (set = new Set()))
        set.add(to)
      }
    }
  }
  return new Map([...related].map(([from, to]) => [from, [...to]]))
}

/**
 * Works out now what `relatedStems` needs of `synsets` whatever the corpus (`stemmedSynsets`), kept
 * while `synsets` is: a build does it while its helper threads read, a long-lived build thread once.
 */
export function prepareRelatedStems(synsets: Synsets): void {
  stemmedSynsets(synsets)
}

/** A list's head word's stem, with the stems of each synonym's forms (`inflectionStems`). */
type StemmedSynset = readonly [from: string, synonyms: ReadonlyArray<readonly string[]>]

/** `stemmedSynsets` of each synonym list given, kept while the list is: a long-lived build thread rebuilds with the same one. */
const stemmedOf = new WeakMap<Synsets, StemmedSynset[]>()

/**
 * Each list's head word's stem, with the stems of its synonyms' forms, in order. The same for every
 * corpus, and most of `relatedStems`'s time (WordNet holds about 280,000 words, each stemmed in up to
 * seven forms), so it is worked out once per list of synsets, not once per build.
 */
function stemmedSynsets(synsets: Synsets): StemmedSynset[] {
  const known = stemmedOf.get(synsets)
  if (known) return known
  // WordNet lists a word in many sets: its forms are stemmed once, and every set shares the result.
  const formsOf = new Map<string, string[]>()
  const stemsOfForms = (synonym: string) => {
    let stems = formsOf.get(synonym)
    if (!stems) formsOf.set(synonym, (stems = inflectionStems(synonym)))
    return stems
  }
  const stemmed: StemmedSynset[] = []
  for (const [word, ...synonyms] of synsets) {
    if (word === undefined) continue
    stemmed.push([stem(word.toLowerCase()), synonyms.map((synonym) => stemsOfForms(synonym.toLowerCase()))])
  }
  stemmedOf.set(synsets, stemmed)
  return stemmed
}

/**
 * The distinct stems of a word's forms (`inflectionsOf`), in the order of the forms: Porter stems
 * "die" and "died" apart ("die", "di"), so a corpus is reached through the word's inflections too.
 */
function inflectionStems(word: string): string[] {
  return [...new Set(inflectionsOf(word).map((form) => stem(form)))]
}

/**
 * A word and its regular English inflections ("die" → "dies", "died", "dying"; "carry" →
 * "carried"): Porter stems some of them apart from the word, so matching a corpus's stems needs them.
 */
export function inflectionsOf(word: string): readonly string[] {
  let forms = keptInflections.get(word)
  if (forms === undefined) {
    forms = makeInflections(word)
    if (keptInflections.size >= MAX_KEPT_INFLECTIONS) keptInflections.clear()
    keptInflections.set(word, forms)
  }
  return forms
}

/** Words whose inflections `inflectionsOf` keeps: a chat's vocabulary, well under a MB. */
const MAX_KEPT_INFLECTIONS = 10_000

/**
 * The inflections already made, by word. A question makes them for each of its words (1.2% of an ask),
 * and each new form's stem was then looked up by a new string; the same strings each time also keep
 * their hashes. Shared: read them, never change them. Dropped whole when full.
 */
const keptInflections = new Map<string, readonly string[]>()

function makeInflections(word: string): readonly string[] {
  const forms = new Set([word, `${word}s`, `${word}es`, `${word}ed`, `${word}ing`])
  if (word.endsWith('e')) {
    forms.add(`${word}d`)
    forms.add(`${word.slice(0, -1)}ing`)
    if (word.endsWith('ie')) forms.add(`${word.slice(0, -2)}ying`)
  }
  if (/[^aeiou]y$/.test(word)) {
    forms.add(`${word.slice(0, -1)}ied`)
    forms.add(`${word.slice(0, -1)}ies`)
  }
  return [...forms]
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

/** WordNet's one-letter part of speech in pointers, by the data file that holds it. */
const POINTER_PARTS: Record<string, string> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' }

/** Which links `parseWordNetDerivations` lists. */
export interface WordNetLinkOptions {
  /** Derivationally related forms (the `+` pointer: "death" → "die"). Defaults to `true`. */
  derivations?: boolean
  /**
   * One step along a noun's hypernym link (the `@` pointer), for the word's `senses` commonest senses:
   * `up` links "ferry" to "boat" (a question's specific word reaches an article's general one),
   * `down` links "boat" to "ferry" (a question's general word reaches the article's specific one),
   * `both` does both. Defaults to `false`.
   */
  hypernyms?: false | 'up' | 'down' | 'both'
  /** Verbs' cause (`>`) and entailment (`*`) links, both ways ("kill" ↔ "die"), for the commonest senses. Defaults to `false`. */
  verbLinks?: boolean
  /** Senses of a word whose hypernym and verb links count, commonest first. Defaults to `1`. */
  senses?: number
}

/**
 * Lists of related forms from WordNet 3's data files, each `[word, ...forms]` like the synonym
 * lists, so that a question's word reaches the article's other form of it: derivationally related
 * forms across parts of speech ("death" → "die", "injure" → "injury", "own" → "owner"), and on
 * request nouns one step along the hypernym tree and verbs' causes and entailments (see
 * `WordNetLinkOptions`). `dataByPart` holds each `data.*` file's content by part of speech (`noun`,
 * `verb`, `adj`, `adv`); `indexByPart`, the `index.*` files', says which senses are a word's
 * commonest (without it, every sense counts).
 */
export function parseWordNetDerivations(
  dataByPart: Readonly<Record<string, string>>,
  options: WordNetLinkOptions = {},
  indexByPart: Readonly<Record<string, string>> = {},
): string[][] {
  const { derivations = true, hypernyms = false, verbLinks = false, senses = 1 } = options
  // A synset's offset is its byte offset in its data file, and the files are ASCII: read a target
  // line in place rather than building a map of every line. A map is built only if that fails.
  const fallback = new Map<string, Map<string, string>>()
  const lineAt = (part: string, offset: string): string | undefined => {
    const content = dataByPart[part]
    if (content === undefined) return undefined
    const at = Number(offset)
    const end = content.indexOf('\n', at)
    const line = content.slice(at, end < 0 ? undefined : end)
    if (line.startsWith(`${offset} `)) return line
    let byOffset = fallback.get(part)
    if (!byOffset) {
      byOffset = new Map()
      for (const candidate of content.split('\n')) byOffset.set(candidate.slice(0, candidate.indexOf(' ')), candidate)
      fallback.set(part, byOffset)
    }
    return byOffset.get(offset)
  }
  const wordsOf = (part: string, offset: string, known?: string): string[] => {
    const line = known ?? lineAt(part, offset)
    if (!line) return []
    const fields = line.split(' ', 60)
    const count = Number.parseInt(fields[3] ?? '0', 16)
    const words: string[] = []
    for (let i = 0; i < count; i++) words.push((fields[4 + i * 2] ?? '').replace(/\(.*\)$/, '').toLowerCase())
    return words
  }
  // "word offset" for each word's commonest senses, when the index files are given.
  const common = new Map<string, Set<string>>()
  for (const [part, content] of hypernyms !== false || verbLinks ? Object.entries(indexByPart) : []) {
    const keys = new Set<string>()
    common.set(part, keys)
    for (const line of content.split('\n')) {
      if (line === '' || line.startsWith(' ')) continue
      const fields = line.trim().split(' ')
      const synsetCount = Number(fields[2])
      for (const offset of fields.slice(fields.length - synsetCount).slice(0, senses)) keys.add(`${fields[0]} ${offset}`)
    }
  }
  const isCommon = (part: string, word: string, offset: string) => common.get(part)?.has(`${word} ${offset}`) ?? true
  const related = new Map<string, Set<string>>()
  const link = (from: string, to: string) => {
    if (from === to || from.includes('_') || to.includes('_') || from === '' || to === '') return
    let set = related.get(from)
    if (!set) related.set(from, (set = new Set()))
    set.add(to)
  }
  for (const [part, content] of Object.entries(dataByPart)) {
    const hypernymsHere = hypernyms !== false && part === 'noun'
    const verbLinksHere = verbLinks && part === 'verb'
    for (const line of content.split('\n')) {
      if (line === '' || line.startsWith(' ')) continue
      // Most synsets have no pointer of interest: skip them before splitting the line.
      if (!(derivations && line.includes(' + ')) && !hypernymsHere && !(verbLinksHere && (line.includes(' > ') || line.includes(' * ')))) continue
      const fields = line.slice(0, line.indexOf(' | ') >>> 0).split(' ')
      const count = Number.parseInt(fields[3] ?? '0', 16)
      const offsetHere = fields[0] ?? ''
      const words = wordsOf(part, offsetHere, line)
      let at = 4 + count * 2
      const pointers = Number(fields[at])
      at++
      for (let i = 0; i < pointers; i++, at += 4) {
        const symbol = fields[at]
        const offset = fields[at + 1] ?? ''
        const targetPart = POINTER_PARTS[fields[at + 2] ?? ''] ?? ''
        const sourceTarget = fields[at + 3] ?? '0000'
        if (symbol === '+' && derivations) {
          const source = Number.parseInt(sourceTarget.slice(0, 2), 16)
          const target = Number.parseInt(sourceTarget.slice(2), 16)
          const from = words[source - 1]
          const to = wordsOf(targetPart, offset)[target - 1]
          if (from && to) link(from, to)
        } else if ((symbol === '@' && hypernymsHere) || ((symbol === '>' || symbol === '*') && verbLinksHere)) {
          const targets = wordsOf(targetPart, offset)
          for (const word of words) {
            if (!isCommon(part, word, offsetHere)) continue
            for (const other of targets) {
              if (symbol !== '@' || hypernyms !== 'down') link(word, other)
              if (symbol !== '@' || hypernyms !== 'up') link(other, word)
            }
          }
        }
      }
    }
  }
  return [...related].map(([word, forms]) => [word, ...forms])
}
