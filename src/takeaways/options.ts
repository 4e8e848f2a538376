/**
 * How takeaways are ranked. Every threshold is a general one, measured on invented fixtures
 * (`test/fixtures/takeaways-*`), never on the bundled corpus.
 */
export interface TakeawayBuildOptions {
  /**
   * Similarity at or above which two sentences from different sources state the same point: a soft
   * TF-IDF cosine (names down-weighted) in which a word also matches its WordNet synonyms and other
   * forms of its stem, at reduced weight. The two must also share two specific words that are not
   * names, and agree on any figures. Measured on the labelled pairs of the invented fixtures
   * (`test/fixtures/takeaways-*`, the `SAME_FACT` test): 29 pairs restating a fact score 0.16–0.84,
   * 26 of them 0.2 or more; 298 pairs stating different facts score at most 0.195. Pairs where
   * either side is commentary need 1.5 times this; pairs stating the same extracted claim (a figure
   * of the same measure, an outcome) need half. Defaults to `0.2`.
   */
  supportSimilarity?: number
  /** Least similarity for an edge of the centrality graph. Defaults to `0.1`. */
  graphSimilarity?: number
  /**
   * Weight of an edge between two sentences of the same article, against 1 across articles, so
   * a long article repeating itself does not make its own sentences central. Defaults to `0.3`.
   */
  sameSourceWeight?: number
  /** Score factor per further source carrying a point: 1 + boost × (sources − 1). Defaults to `0.5`. */
  supportBoost?: number
  /**
   * Score factor per point of fact-ness (see `factOf`: about −2.5 for hedged commentary to +3 for a
   * figure stated on the record): 1 + weight × fact. Small beside `supportBoost`, so one more source
   * outweighs it, while between points of equal support the reported fact wins. Defaults to `0.1`.
   */
  factWeight?: number
  /** Weight of a match between a word and its WordNet synonym, against 1 for the same stem. Defaults to `0.4`. */
  synonymWeight?: number
  /** Weight of a match between two forms of a stem ("conclud", "conclus"), against 1 for the same stem. Defaults to `0.7`. */
  variantWeight?: number
  /** Longest takeaway in characters. Defaults to 299 (under 300). */
  maxChars?: number
  /** Shortest takeaway in characters: shorter lines are rarely a whole point. Defaults to 40. */
  minChars?: number
}

export const DEFAULT_TAKEAWAY_BUILD_OPTIONS: Required<TakeawayBuildOptions> = {
  supportSimilarity: 0.2,
  graphSimilarity: 0.1,
  sameSourceWeight: 0.3,
  supportBoost: 0.5,
  factWeight: 0.2,
  synonymWeight: 0.4,
  variantWeight: 0.7,
  maxChars: 299,
  minChars: 40,
}

/** Defaults of `selectTakeaways`. */
export const DEFAULT_TAKEAWAY_OPTIONS = {
  /** Most takeaways: a summary a reader takes in at a glance. */
  limit: 7,
  /** Maximal marginal relevance: weight of a point's own score against its overlap with points already chosen. */
  mmrLambda: 0.7,
  /** Candidates read by the maximal-marginal-relevance pick, best first, so selection stays instant on a large corpus. */
  pool: 300,
} as const
