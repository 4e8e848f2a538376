import { describe, expect, it } from 'vitest'
import { findNearMisses } from '../../src/near-misses.js'
import { createSpeller } from '../../src/spelling.js'

/** The definition: dictionary words not in the vocabulary that the vocabulary's speller would correct. */
function bySpeller(dictionary: readonly string[], vocabulary: ReadonlyMap<string, number>): string[] {
  const speller = createSpeller(vocabulary)
  return dictionary.filter((word) => !vocabulary.has(word) && speller.hasCorrection(word))
}

/** A seeded generator, so the random words are the same on every run. */
function seeded(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
}

describe('findNearMisses', () => {
  it('finds dictionary words one edit from a corpus word that the corpus lacks', () => {
    const dictionary = ['joke', 'jog', 'harbour', 'harbor', 'form', 'from', 'b2b2', 'talks']
    const vocabulary = new Map([['joe', 3], ['harbor', 2], ['from', 9], ['talk', 1], ['b2b', 1]])
    // "jog" is too short to be corrected, "harbor" is in the corpus, "b2b2" holds a digit.
    expect([...findNearMisses(dictionary, vocabulary)]).toEqual(['joke', 'harbour', 'form', 'talks'])
  })

  it('agrees with the speller on random words, in the dictionary\'s order, as the vocabulary grows and shrinks', () => {
    const random = seeded(7)
    const word = () => Array.from({ length: 3 + Math.floor(random() * 4) }, () => 'abcde'[Math.floor(random() * 5)]).join('')
    const dictionary = [...new Set(Array.from({ length: 400 }, word))]
    const words = Array.from({ length: 300 }, word)
    // Vocabularies that overlap, as a reload's does with the last build's: the neighbours remembered must not leak.
    for (const [from, to] of [[0, 200], [0, 250], [50, 300], [0, 100]] as const) {
      const vocabulary = new Map(words.slice(from, to).map((entry) => [entry, 1]))
      expect([...findNearMisses(dictionary, vocabulary)]).toEqual(bySpeller(dictionary, vocabulary))
    }
  })
})
