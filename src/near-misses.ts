import { DEFAULT_SPELLER_OPTIONS, isOneEditApart } from './spelling.js'
import { HAS_DIGIT } from './letter-patterns.js'


/**
 * The dictionary's words that are not in the corpus but one edit from a corpus word ("joke" next to
 * "joe"): asked, they are real words the corpus lacks, not typos for the speller to correct.
 *
 * The same set as asking the corpus's speller of every dictionary word (`hasCorrection`), found
 * from the other side: the dictionary's words are indexed once by their single-letter deletions
 * (SymSpell keys, hashed into typed arrays, about 14 MB for WordNet), and each corpus word looks up
 * its neighbours there once, remembered while the dictionary is. A rebuild after a few articles
 * changed then looks up only their new words; before, every build made a speller over the whole
 * vocabulary and checked WordNet's 150,000 words against it, half of the index stage on SciFact.
 * Two words one edit apart always share a key, and a hash collision is only a candidate that the
 * edit check then rejects, so the set is exact.
 */

/** The dictionary's words by hashed deletion key, in compressed sparse rows. */
interface DeletionIndex {
  /** The words a speller would try to correct: long enough, no digits. */
  words: string[]
  /** Entries of bucket `b` are `entries[bucketStart[b] .. bucketStart[b + 1])`. */
  bucketStart: Uint32Array
  /** Numbers in `words`. */
  entries: Uint32Array
  mask: number
  /** Per corpus word looked up so far: the numbers of the words one edit from it. */
  neighbours: Map<string, Uint32Array>
}

/** Corpus words whose neighbours `DeletionIndex.neighbours` keeps before it starts again: a bound on memory. */
const MAX_REMEMBERED_WORDS = 2_000_000

const EMPTY = new Uint32Array(0)

const indexOf = new WeakMap<readonly string[], DeletionIndex>()

/** The word itself and each way of deleting one of its letters. */
function keysOf(word: string): string[] {
  const keys = [word]
  for (let i = 0; i < word.length; i++) keys.push(word.slice(0, i) + word.slice(i + 1))
  return keys
}

/** FNV-1a over UTF-16 code units. */
function hashOf(key: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193)
  return hash >>> 0
}

function deletionIndexOf(dictionary: readonly string[]): DeletionIndex {
  let index = indexOf.get(dictionary)
  if (index) return index
  const { minLength } = DEFAULT_SPELLER_OPTIONS
  const words = dictionary.filter((word) => word.length >= minLength && !HAS_DIGIT.test(word))
  let keyCount = 0
  for (const word of words) keyCount += word.length + 1
  let buckets = 1
  while (buckets < keyCount) buckets *= 2
  const mask = buckets - 1
  const bucketStart = new Uint32Array(buckets + 1)
  const hashes = new Uint32Array(keyCount)
  let k = 0
  for (const word of words) for (const key of keysOf(word)) bucketStart[((hashes[k++] = hashOf(key) & mask) as number) + 1]!++
  for (let b = 0; b < buckets; b++) bucketStart[b + 1]! += bucketStart[b]!
  const cursor = bucketStart.slice(0, buckets)
  const entries = new Uint32Array(keyCount)
  k = 0
  words.forEach((word, w) => {
    for (let i = 0; i <= word.length; i++) entries[cursor[hashes[k++] as number]!++] = w
  })
  index = { words, bucketStart, entries, mask, neighbours: new Map() }
  indexOf.set(dictionary, index)
  return index
}

/** The numbers of the dictionary's words one edit from `word`. */
function neighboursOf(index: DeletionIndex, word: string): Uint32Array {
  let found = index.neighbours.get(word)
  if (found) return found
  const near = new Set<number>()
  for (const key of keysOf(word)) {
    const bucket = hashOf(key) & index.mask
    for (let e = index.bucketStart[bucket] as number; e < (index.bucketStart[bucket + 1] as number); e++) {
      const w = index.entries[e] as number
      if (!near.has(w) && isOneEditApart(index.words[w] as string, word)) near.add(w)
    }
  }
  found = near.size === 0 ? EMPTY : Uint32Array.from(near)
  if (index.neighbours.size >= MAX_REMEMBERED_WORDS) index.neighbours.clear()
  index.neighbours.set(word, found)
  return found
}

/**
 * The words of `dictionary` (in its order) that `createSpeller(vocabulary).hasCorrection` accepts:
 * not in `vocabulary`, and one edit from a vocabulary word. `dictionary` must not change while it
 * lives: what is worked out of it is kept with it.
 */
export function findNearMisses(dictionary: readonly string[], vocabulary: ReadonlyMap<string, number>): Set<string> {
  const index = deletionIndexOf(dictionary)
  const { minLength } = DEFAULT_SPELLER_OPTIONS
  const marked = new Uint8Array(index.words.length)
  for (const word of vocabulary.keys()) {
    // The speller indexes the words it may correct to by this rule.
    if (word.length < minLength - 1 || HAS_DIGIT.test(word)) continue
    for (const w of neighboursOf(index, word)) marked[w] = 1
  }
  const nearMisses = new Set<string>()
  index.words.forEach((word, w) => {
    if (marked[w] === 1 && !vocabulary.has(word)) nearMisses.add(word)
  })
  return nearMisses
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz'

const wordsNearOf = new WeakMap<readonly string[], Map<ReadonlySet<string>, Set<string>>>()

/**
 * The dictionary's words one edit (as `isOneEditApart` counts them) from a word of `closed`, a fixed
 * list such as the question stop words, but not in it: "zoo" next to "too", "cost" next to "most".
 * Asked, they are real words, not a function word mistyped. Worked out once per dictionary and list,
 * by trying each edit of each listed word (a few hundred per word) against the dictionary.
 */
export function findWordsNear(dictionary: readonly string[], closed: ReadonlySet<string>): Set<string> {
  let byList = wordsNearOf.get(dictionary)
  if (!byList) wordsNearOf.set(dictionary, (byList = new Map()))
  let near = byList.get(closed)
  if (near) return near
  const words = new Set(dictionary)
  near = new Set()
  for (const word of closed) {
    const edits: string[] = []
    for (let i = 0; i <= word.length; i++) {
      if (i < word.length) edits.push(word.slice(0, i) + word.slice(i + 1))
      if (i + 1 < word.length) edits.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2))
      for (const letter of LETTERS) {
        edits.push(word.slice(0, i) + letter + word.slice(i))
        if (i < word.length) edits.push(word.slice(0, i) + letter + word.slice(i + 1))
      }
    }
    for (const edit of edits) if (edit !== word && words.has(edit) && !closed.has(edit)) near.add(edit)
  }
  byList.set(closed, near)
  return near
}
