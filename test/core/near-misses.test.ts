import { describe, expect, it } from 'vitest'
import { findNearMisses, findWordsNear } from '../../src/near-misses.js'
import { createSpeller } from '../../src/spelling.js'

/** The definition: dictionary words not in the vocabulary that the vocabulary's speller would correct. */
function bySpeller(dictionary: readonly string[], vocabulary: ReadonlyMap<string, number>): string[] {
  const speller = createSpeller(vocabulary)
  return dictionary.filter((word) => !vocabulary.has(word) && speller.hasCorrection(word))
}

/** Every word of `length` letters from `letters`, in order. */
function wordsOf(letters: string, length: number): string[] {
  if (length === 0) return ['']
  return wordsOf(letters, length - 1).flatMap((head) => [...letters].map((letter) => head + letter))
}

describe('findNearMisses', () => {
  it('finds dictionary words one edit from a corpus word that the corpus lacks', () => {
    const dictionary = ['joke', 'jog', 'harbour', 'harbor', 'form', 'from', 'b2b2', 'talks']
    const vocabulary = new Map([['joe', 3], ['harbor', 2], ['from', 9], ['talk', 1], ['b2b', 1]])
    // "jog" is too short to be corrected, "harbor" is in the corpus, "b2b2" holds a digit.
    expect([...findNearMisses(dictionary, vocabulary)]).toEqual(['joke', 'harbour', 'form', 'talks'])
  })

  it('agrees with the speller on every short word of a small alphabet, in the dictionary\'s order, as the vocabulary grows and shrinks', () => {
    const dictionary = [3, 4, 5].flatMap((length) => wordsOf('abc', length))
    // Every third word, so that most dictionary words are absent and many are one edit from one present.
    const words = [3, 4, 5].flatMap((length) => wordsOf('abcd', length)).filter((_word, i) => i % 3 === 0)
    // Vocabularies that overlap, as a reload's does with the last build's: the neighbours remembered must not leak.
    for (const [from, to] of [[0, 200], [0, 250], [50, 300], [0, 100]] as const) {
      const vocabulary = new Map(words.slice(from, to).map((entry) => [entry, 1]))
      expect([...findNearMisses(dictionary, vocabulary)]).toEqual(bySpeller(dictionary, vocabulary))
    }
  })
})

describe('findWordsNear', () => {
  it('finds the dictionary words one edit from a listed word, but not the listed words or non-words', () => {
    const dictionary = ['zoo', 'cost', 'land', 'too', 'waht', 'tool', 'zebra', 'most']
    // "waht" is no dictionary word in real life; here it stands for one, to show only the dictionary decides.
    const near = findWordsNear(dictionary, new Set(['too', 'most', 'and', 'what']))
    expect([...near].sort()).toEqual(['cost', 'land', 'tool', 'waht', 'zoo'])
  })
})
