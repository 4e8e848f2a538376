import type { Engine } from './types.js'

/** What stands before a word's first letter and after its last (global: for `replace` only). */
const EDGE_NON_LETTERS = /^[^\p{L}]+|[^\p{L}]+$/gu

export interface WarmUpOptions {
  /** Most questions to make; they are asked in turn until the asker's budget is spent. Defaults to `240`. */
  maxQuestions?: number
}

export const DEFAULT_WARM_UP_OPTIONS: Required<WarmUpOptions> = { maxQuestions: 240 }

/**
 * How each made question opens: every kind of question the analysis types (a person, a time, a
 * place, a count, a length, a reason, yes or no, a thing), so that each of the answering code's paths
 * runs with the kinds of values it meets in people's questions.
 */
const OPENINGS = ['Who', 'When did', 'Where did', 'How many', 'How long did', 'Why did', 'Did', 'What did', 'Is', 'What is'] as const

/** Words of a question made from a sentence: a few, as people ask. */
const WORDS_PER_QUESTION = 4

/** Passes over the sentences, each asking about words further in. */
const PASSES = 3

/** A word of a sentence worth asking about: letters, at least three of them. */
const WORD = /^\p{L}[\p{L}'’-]{2,}$/u

/**
 * Questions made from the corpus's own sentences (its takeaways and the quotes of its
 * disagreements), of every kind the analysis types, plus its example questions; of every five, one
 * holds a word no article has (one of theirs reversed) and one joins the words of two unrelated
 * sentences, as the questions a corpus cannot answer do. Deterministic.
 *
 * A process asks them once after it starts (`adapters/warm-up.ts`), before people's questions
 * arrive: V8 compiles the answering code only after it has run a while, and until then (about the
 * first thousand questions on the bundled corpus) an answer now and then takes ten times the usual.
 * Made from the engine's public methods only, so it works on any corpus; an empty corpus gives none.
 */
export function warmUpQuestions(engine: Engine, options: WarmUpOptions = {}): string[] {
  const { maxQuestions } = { ...DEFAULT_WARM_UP_OPTIONS, ...options }
  const sentences = [
    ...engine.takeaways({ limit: maxQuestions }).map((takeaway) => takeaway.text),
    ...engine.disagreements().flatMap((disagreement) => disagreement.claims.map((claim) => claim.text)),
  ]
  const wordsOf = sentences.map((sentence) => sentence.split(/\s+/).map((token) => token.replace(EDGE_NON_LETTERS, '')).filter((word) => WORD.test(word)))
  const questions = new Set(engine.exampleQuestions())
  for (let i = 0; questions.size < maxQuestions && i < wordsOf.length * PASSES; i++) {
    const words = wordsOf[i % wordsOf.length] ?? []
    if (words.length === 0) continue
    // Each pass takes each sentence's words from further in, so it asks about other things.
    const pass = Math.floor(i / wordsOf.length)
    const start = Math.min(pass * WORDS_PER_QUESTION, Math.max(0, words.length - WORDS_PER_QUESTION))
    let asked = words.slice(start, start + WORDS_PER_QUESTION)
    if (i % 5 === 3) {
      // A word no article has: the path of an unknown word (spelling, a decline).
      asked = [...asked.slice(0, 3), [...(asked[3] ?? asked[0] ?? '')].reverse().join('')]
    } else if (i % 5 === 4) {
      const other = wordsOf[(i + Math.ceil(wordsOf.length / 2)) % wordsOf.length] ?? []
      asked = [...asked.slice(0, 2), ...other.slice(-2)]
    }
    questions.add(`${OPENINGS[i % OPENINGS.length]} ${asked.join(' ')}?`)
  }
  return [...questions].slice(0, maxQuestions)
}
