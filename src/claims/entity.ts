import type { ClaimOptions, Draft } from './types.js'
import type { ReadSentence, Word } from './read.js'

/** One wink-nlp entity of a read sentence, with what every kind's extractor needs around it. */
export interface EntityContext {
  /** wink-nlp's entity type: DURATION, MONEY, PERCENT, CARDINAL, DATE, TIME. */
  type: string
  read: ReadSentence
  words: Word[]
  /** Token indices of the entity's first and last word in `words`. */
  first: number
  last: number
  /** The entity's words. */
  span: Word[]
  /** Chunk ids (stretches between punctuation), per word. */
  chunk: number[]
  settings: Required<ClaimOptions>
}

/** What a kind's extractor returns: a claim draft, its span defaulting to the entity's. */
export type KindDraft = Omit<Draft, 'spanStart' | 'spanEnd'> & { spanStart?: number; spanEnd?: number }

/** A kind's extractor over one entity: a draft, or undefined when the entity states no claim of that kind. */
export type EntityExtractor = (context: EntityContext) => KindDraft | undefined
