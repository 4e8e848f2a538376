/**
 * The shapes the core hands to adapters. Everything here is plain data (JSON-serialisable),
 * so an answer can be printed by the CLI, logged, or formatted for a chat platform unchanged.
 */

/** Where a quote comes from: enough to cite it. */
export interface Source {
  /** Short stable slug, unique in the corpus. */
  id: string
  title: string
  /** `derived` when the article had no headline and the title was written for it. */
  titleSource?: 'original' | 'derived'
  author?: string
  outlet?: string
  url?: string
  /** Publication date as the article gives it (ISO 8601 when known). */
  published?: string
}

/** One article as the core receives it: metadata plus verbatim text. */
export interface ArticleInput extends Source {
  /** The article body, verbatim. Offsets in passages and quotes point into this string. */
  text: string
}

/** A half-open character span `[start, end)`. */
export type Span = [start: number, end: number]

/** What a sentence is on the page: prose, a heading, a list item or a table row. */
export type SentenceKind = 'text' | 'heading' | 'list' | 'table'

/** A sentence inside an article: offsets into the article text. */
export interface Sentence {
  start: number
  end: number
  kind: SentenceKind
  /** True for a headline-like line before the body (a dek or standfirst). */
  lead: boolean
}

/** A paragraph-sized piece of an article: the unit the index retrieves. */
export interface Passage {
  /** Stable: `${sourceId}#${ordinal}`; the same text in the same article keeps its id. */
  id: string
  sourceId: string
  /** Offsets into the article text. */
  start: number
  end: number
  text: string
  sentences: Sentence[]
  /** The first passage of an article when it is a short headline-like line (a dek or standfirst). */
  isLead: boolean
}

/** A verbatim snippet that answers (part of) a question. */
export interface Quote {
  /** Verbatim substring of the source article's text. */
  text: string
  /** True when `text` starts inside a sentence (a clause was cut before it): show "…" before it. */
  clippedBefore?: boolean
  /** True when `text` ends inside a sentence: show "…" after it. */
  clippedAfter?: boolean
  source: Source
  /** Other sources that carry a near-identical sentence; the quote stands for all of them. */
  alsoIn: Source[]
  passageId: string
  /** Spans in `text` of the words that matched the question, for highlighting. */
  highlights: Span[]
  score: number
}

/** Kinds of disagreement the core detects. */
export type DisagreementKind = 'quantity' | 'role' | 'framing'

/** The kind of value disputed, finer than `DisagreementKind`: what a reader is told the sources differ on. */
export type ValueKind = 'duration' | 'count' | 'money' | 'percent' | 'date' | 'score' | 'number' | 'person' | 'place' | 'office' | 'outcome' | 'entity'

/** One side of a disagreement. */
export interface Claim {
  /** Normalised value: "3 hours", "Jane Doe", "positive". */
  value: string
  /** Verbatim quote that states it. */
  text: string
  source: Source
  passageId: string
  /** Who makes the claim when it is attributed ("the mayor"), else absent: the reporter's own voice. */
  speaker?: string
  /** True when the claim comes from a headline or dek rather than the body. */
  headline?: boolean
  /** Other sources that state the same value, not quoted to keep the note short. Absent when none. */
  alsoIn?: Source[]
  /** True when this claim's source was published after every source of the other values: the others may be outdated. Absent otherwise. */
  newer?: boolean
}

/** Sources (or one source against itself) state different values for the same thing. */
export interface Disagreement {
  /** What is disputed, phrased for a reader: "how long the talks lasted". */
  topic: string
  kind: DisagreementKind
  /** The kind of value disputed ("duration", "office", "outcome"). Absent in disagreements made before it existed. */
  valueKind?: ValueKind
  claims: Claim[]
}

export type AnswerStatus = 'answered' | 'no_answer' | 'invalid'

/** The result of asking a question. Finding nothing is a status, not an error. */
export interface Answer {
  status: AnswerStatus
  /** The question as understood (control characters stripped, trimmed). */
  question: string
  /** For `no_answer` and `invalid`: a message written for the asker. */
  message?: string
  quotes: Quote[]
  disagreements: Disagreement[]
  /** For `no_answer`: example questions the corpus can answer. */
  suggestions?: string[]
  /** True when more quotes are available with a larger `offset`. */
  hasMore: boolean
  /** Words read from the conversation before a follow-up (see `AskOptions.context`). Absent when none were used. */
  contextWords?: string[]
  /** The weight of each of `contextWords`, in order, where the question's own words weigh 1. */
  contextWeights?: number[]
}

/** One earlier turn of a conversation, as a follow-up question reads it. Plain data, kept by the shell. */
export interface ConversationTurn {
  /** The question as asked. */
  question: string
  /** The verbatim texts of the quotes its answer gave, best first (empty for no answer). */
  quotes: string[]
  /** The words that turn itself borrowed from its context, so a chain of follow-ups keeps its topic. */
  contextWords?: string[]
  /** The weight of each of `contextWords`, as in the answer: older context keeps its shape. Absent in turns stored before it was kept. */
  contextWeights?: number[]
  /** The passage id of each of `quotes`: "what happened next?" reads on from the first. Absent in turns stored before it was kept. */
  passageIds?: string[]
}

export interface AskOptions {
  /** Only quote this source id. Defaults to every source. */
  sourceId?: string
  /** Most quotes in the answer. Defaults to 4. */
  limit?: number
  /** Skip this many quotes (for a "More quotes" button). Defaults to 0. */
  offset?: number
  /**
   * The turns before this question, oldest first: a follow-up ("and when was that?") borrows their
   * words, listed in the answer's `contextWords`. A question that stands on its own is answered
   * exactly as without it. Defaults to none.
   */
  context?: ConversationTurn[]
}

/** One ranked passage from the raw retrieval under `ask`. */
export interface SearchResult {
  passageId: string
  sourceId: string
  score: number
  text: string
}

export interface SearchOptions {
  /** Most results. Defaults to 10. */
  limit?: number
  sourceId?: string
}

/** A point the corpus makes, with how many sources carry it. */
export interface Takeaway {
  /** One verbatim sentence, under 300 characters. */
  text: string
  source: Source
  passageId: string
  /** Ids of every source that states this point, the quoted one first (a source giving another value of a contested figure is in `sides`, not here). */
  supportedBy: string[]
  contested: boolean
  /** Topic of the disagreement that contests this point, when `contested`. */
  disagreementTopic?: string
  /**
   * When `contested` and the disagreement is known (not an outcome, whose values are "positive" and
   * "negative"): each value its sources give, this point's own first, so a reply can show the other
   * sides with their sources. Two sentences giving two values of one figure are one point with both sides.
   */
  sides?: TakeawaySide[]
}

/** One value the sources of a contested point give, with the sources that give it. */
export interface TakeawaySide {
  /** As the quoted sentence words it: "40 people", "1987". */
  value: string
  sources: Source[]
}

export interface TakeawayOptions {
  /** Only this story's takeaways (ids from `Engine.stories`). Defaults to every story. */
  storyId?: string
  /** Only this source's takeaways. */
  sourceId?: string
  /** Only points about these words. */
  topic?: string
  /** Most takeaways. Defaults to 7. */
  limit?: number
}

/** An event and its coverage: the articles of the corpus that report it. */
export interface Story {
  /** Stable slug of its label, unique in the corpus: "harwick-dunmore-ellison". */
  id: string
  /** In the corpus's own words: the names most of its articles use, else its first article's title. */
  label: string
  /** Ids of its articles, in corpus order. */
  sources: string[]
  /** Earliest and latest publication date of its articles, as they give them, when any is known. */
  published?: { from: string; to: string }
}

export interface DisagreementListOptions {
  /** Only this story's disagreements (ids from `Engine.stories`). Defaults to every story. */
  storyId?: string
}

/** A corpus entry as listed by `/sources`. */
export interface SourceSummary {
  source: Source
  passages: number
  characters: number
}

/** The whole read side of the product: what every adapter calls. */
export interface Engine {
  ask(question: string, options?: AskOptions): Answer
  search(query: string, options?: SearchOptions): SearchResult[]
  takeaways(options?: TakeawayOptions): Takeaway[]
  disagreements(options?: DisagreementListOptions): Disagreement[]
  /** The corpus's stories (events and their coverage), largest first. */
  stories(): Story[]
  sources(): SourceSummary[]
  /** Example questions this corpus answers, for help texts. */
  exampleQuestions(): string[]
}
