/**
 * Key takeaways: the points a corpus makes, ranked once at build time and picked per request. One
 * concept a file:
 * - `options.ts`: the tunables and their defaults;
 * - `units.ts`: the sentences takeaways consider, with their vectors;
 * - `vectors.ts`: names, TF-IDF vectors, cosine;
 * - `similarity.ts`: the soft similarity (synonyms, stem variants);
 * - `graph.ts`: the bounded similarity graph and LexRank over it;
 * - `same-point.ts`: whether two similar sentences state the same point;
 * - `quotable.ts`: whether a sentence can stand alone, and how well it reads;
 * - `fact.ts`: how much a sentence reads as a reported fact;
 * - `contest.ts`: the disagreement that contests a point;
 * - `sides.ts`: the disagreements listed at request time, applied to the pick: contested points, their sides;
 * - `rank.ts`: the build, per story;
 * - `select.ts`: the pick for one request (limit, topic, source).
 */
export { DEFAULT_TAKEAWAY_BUILD_OPTIONS, DEFAULT_TAKEAWAY_OPTIONS, type TakeawayBuildOptions } from './options.js'
export type { TakeawayIndex } from './types.js'
export { buildTakeawayIndex, createSentenceComparer, createTakeawayBuilder } from './rank.js'
export { selectTakeaways } from './select.js'
export { findNameStems } from './vectors.js'
