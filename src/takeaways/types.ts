import type { SentenceReading } from '../reading.js'
import type { Takeaway } from '../types.js'

/** A quotable sentence with what selection needs, precomputed. */
export interface Candidate {
  takeaway: Takeaway
  /** Number of its sentence among the build's sentences. */
  id: number
  /** `id`s of sentences, from any source, that state the same point: a paraphrase is a repeat too. */
  samePoint: number[]
  score: number
  /** How much the sentence reads as a reported fact rather than commentary (see `factOf`). */
  fact: number
  /** Numbers the sentence states, as in `Unit`. */
  numbers: Set<string>
  /** L2-normalised TF-IDF weights by stem. */
  vector: Map<string, number>
  /** Its distinctive word runs (see `phrasesOf`): a sentence repeating one restates it, however else it differs. */
  phrases: Set<string>
}

/** Ranked candidate points, computed once when the corpus is indexed. */
export interface TakeawayIndex {
  /** Every quotable sentence as a takeaway, best first. */
  ranked: Takeaway[]
  /** Per entry of `ranked`, in the same order: score and vector for selection and topic filters. */
  candidates: Candidate[]
  /** Cosine at or above which two takeaways say the same thing. */
  duplicateSimilarity: number
  /** One past the highest sentence number used: where the next story's numbering starts. */
  nextId?: number
}

/** A sentence of the corpus as takeaways see it. Headings and questions support points; only `quotable` ones are quoted. */
export interface Unit {
  sourceId: string
  passageId: string
  start: number
  end: number
  text: string
  quotable: boolean
  isList: boolean
  /** FEATURE bits (proper nouns, numbers, dates) when known. */
  features: number
  /** Position among its article's sentences, 0 (first) to 1 (last). */
  position: number
  vector: Map<string, number>
  /** Numbers the sentence states, digits or words: two sentences with different numbers do not state the same point. */
  numbers: Set<string>
  /** Its distinctive word runs (see `phrasesOf`), for a quotable sentence: what its candidate keeps. */
  phrases?: Set<string>
  /** The build's NLP reading of the sentence, when it was read whole (not a list item's inner sentence). */
  reading?: SentenceReading
}

/** Neighbours of one sentence in the similarity graph. */
export type Edges = Array<{ unit: number; similarity: number }>
