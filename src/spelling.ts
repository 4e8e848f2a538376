import { HAS_DIGIT } from './letter-patterns.js'

/**
 * Corrects a misspelt question word to a word of the corpus. minisearch's own fuzzy search uses
 * Levenshtein distance, where a swap of two letters ("lnog" for "long") costs two edits; chat
 * typos are mostly one swap, one missing or one extra letter, so this uses the
 * Damerau–Levenshtein distance 1, looked up SymSpell-style through single-letter deletions
 * (constant time per word, whatever the vocabulary size).
 */
export interface SpellerOptions {
  /** Words shorter than this are never corrected: too many near neighbours. Defaults to 4. */
  minLength?: number
}

export const DEFAULT_SPELLER_OPTIONS: Required<SpellerOptions> = { minLength: 4 }

export interface Speller {
  /** The corpus words one edit away from `word`, most frequent first; empty when `word` is known or too short. */
  correct(word: string): string[]
  has(word: string): boolean
  /** Whether `correct(word)` would find any word, without collecting and sorting them: for checking many words. */
  hasCorrection(word: string): boolean
}

/** Builds a speller over `vocabulary` (word → how often it occurs). */
export function createSpeller(vocabulary: ReadonlyMap<string, number>, options: SpellerOptions = {}): Speller {
  const { minLength } = { ...DEFAULT_SPELLER_OPTIONS, ...options }
  const byDeletion = new Map<string, string[]>()
  const add = (key: string, word: string) => {
    const list = byDeletion.get(key)
    if (list) {
      if (!list.includes(word)) list.push(word)
    } else byDeletion.set(key, [word])
  }
  for (const word of vocabulary.keys()) {
    if (word.length < minLength - 1 || HAS_DIGIT.test(word)) continue
    add(word, word)
    for (const deleted of deletionsOf(word)) add(deleted, word)
  }

  const correctable = (word: string) => word.length >= minLength && !vocabulary.has(word) && !HAS_DIGIT.test(word)
  return {
    has: (word) => vocabulary.has(word),
    correct(word) {
      if (!correctable(word)) return []
      const candidates = new Set<string>()
      for (const key of [word, ...deletionsOf(word)]) {
        for (const candidate of byDeletion.get(key) ?? []) {
          if (candidate !== word && isOneEditApart(word, candidate)) candidates.add(candidate)
        }
      }
      return [...candidates].sort((a, b) => (vocabulary.get(b) ?? 0) - (vocabulary.get(a) ?? 0))
    },
    hasCorrection(word) {
      if (!correctable(word)) return false
      for (const key of [word, ...deletionsOf(word)]) {
        for (const candidate of byDeletion.get(key) ?? []) if (candidate !== word && isOneEditApart(word, candidate)) return true
      }
      return false
    },
  }
}

function deletionsOf(word: string): string[] {
  const out: string[] = []
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1))
  return out
}

/** True when one insertion, deletion, substitution or swap of neighbours turns `a` into `b`. */
export function isOneEditApart(a: string, b: string): boolean {
  if (a === b) return false
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a]
  return longer.slice(i + 1) === shorter.slice(i)
}
