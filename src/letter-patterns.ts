/**
 * Letter and digit tests, each made once, at load. One written inside a function is made again on
 * every call when it holds `\p{…}`: the TypeScript loader (esbuild, for Node 20) writes such a literal
 * as `new RegExp(…)` where it stands; the bundled questions made 1,342 of them per round of 38 asks.
 * The lint rule in `eslint.config.js` keeps such expressions out of functions.
 */

export const HAS_LETTER = /\p{L}/u
export const HAS_DIGIT = /\p{N}/u
export const HAS_CAPITAL = /\p{Lu}/u
export const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
/** Starts with a capital letter ("Paris", "NATO"). */
export const CAPITALISED = /^\p{Lu}/u
/** Starts with a lower-case letter. */
export const LOWER_CASE = /^\p{Ll}/u
/** Letters and nothing else. */
export const ALL_LETTERS = /^\p{L}+$/u
/** Global: for `match`, `matchAll` and `replace`, which start from the beginning; never `test` or `exec`. */
export const LETTER_RUNS = /\p{L}+/gu

/** The runs of letters in `text`, in order ("New York's" → New, York, s). */
export function letterRuns(text: string): string[] {
  return text.match(LETTER_RUNS) ?? []
}
