import type { DisagreementKind } from '../types.js'
import type { ShareSide } from './share-side.js'

export type Dimension = 'duration' | 'count' | 'money' | 'percent' | 'date' | 'score'

/**
 * A comparable value: an interval for numbers (with the side and the round a share counts, when said),
 * fields for dates, a label otherwise. A date whose year, month and day were resolved from a day name
 * and its article's published date carries `fromWeekday`.
 */
export type ClaimValue =
  | { type: 'number'; low: number; high: number; unit: string; side?: ShareSide; round?: number }
  | { type: 'date'; year?: number; month?: number; day?: number; weekday?: number; fromWeekday?: true }
  | { type: 'label'; label: string }

/** A verbatim stretch of an article: where a claim or a sentence stands. */
export interface ArticleSpan {
  sourceId: string
  passageId: string
  /** Offsets of `text` in the article. */
  start: number
  end: number
  /** Verbatim: `article.text.slice(start, end)`. */
  text: string
  /** From a headline or dek line rather than the body. */
  headline: boolean
}

/** One typed claim found in a sentence. */
export interface ExtractedClaim extends ArticleSpan {
  kind: DisagreementKind
  /** Claims with the same key are about the same thing and can conflict. */
  key: string
  /** What the claim is about, phrased for a reader: "how long the talks lasted". */
  topic: string
  /** Normalised value for display: "about 3 hours", "Ilse Marek", "positive". */
  value: string
  comparable: ClaimValue
  speaker?: string
  /** Stems of the thing measured or the office held: a question naming one of them is about this claim. */
  contextStems: string[]
  /** Stems of how it is measured (units, country, outcome words). */
  focusStems: string[]
  dimension?: Dimension
  /** Lower is a clearer statement of the value (a full name with its country): quoted first. */
  rank: number
}


/** Options for claim extraction. */
export interface ClaimOptions {
  /** Longest claim text in characters; longer sentences are clipped to the clause. Defaults to 280. */
  maxClaimChars?: number
  /**
   * Most a hedged number ("about 3 hours") may be off, as a share of it: within it, a hedged figure
   * may be off by one in its last written digit ("about 1,200" 1,100–1,300, "some 900" 800–1,000).
   * Defaults to `0.2`.
   */
  hedgeTolerance?: number
}

export const DEFAULT_CLAIM_OPTIONS: Required<ClaimOptions> = { maxClaimChars: 280, hedgeTolerance: 0.2 }

/** A claim before it is placed in its article: what every kind's extractor returns. */
export interface Draft {
  kind: DisagreementKind
  key: string
  topic: string
  value: string
  comparable: ClaimValue
  /** Offsets of what the claim is about, to clip the text around. */
  spanStart: number
  spanEnd: number
  contextStems: string[]
  focusStems: string[]
  dimension?: Dimension
  speaker?: string
  rank?: number
}
