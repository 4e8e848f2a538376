import type { PassageStems } from './search.js'

/** Numbers of stems (`stemNumberOf`), in the order first met. */
const stemNumbers = new Map<string, number>()

/**
 * A number for `stem`, the same for as long as the process runs: a token's stem looked up in a
 * question's table by number (`StemmedTokens.stemNumbers`) instead of by string, the busiest look-up
 * of an ask. Grows with the stems of the texts quoted and the questions asked: a corpus's vocabulary.
 */
export function stemNumberOf(stem: string): number {
  let number = stemNumbers.get(stem)
  if (number === undefined) stemNumbers.set(stem, (number = stemNumbers.size))
  return number
}

/**
 * A table from stem number (`stemNumberOf`) to the number a map gives that stem, -1 for a stem it
 * does not hold: a question's stems looked up token by token, or passage by passage, in a typed
 * array rather than in a `Map` of strings, the busiest look-ups of an ask.
 */
export type StemTable = (byStem: ReadonlyMap<string, number>) => Int32Array

/**
 * Makes a `StemTable`. It keeps one table, made again only when asked for another map (once per
 * ranking of a question), its previous entries cleared first; the map must not change while its
 * table is in use. Answering is synchronous, so no two callers of one table interleave.
 */
export function createStemTable(): StemTable {
  let table = new Int32Array(1024).fill(-1)
  let tableFor: ReadonlyMap<string, number> | undefined
  let set: number[] = []
  return (byStem) => {
    if (tableFor === byStem) return table
    for (const number of set) table[number] = -1
    set = []
    tableFor = byStem
    for (const [stem, value] of byStem) {
      const number = stemNumberOf(stem)
      if (number >= table.length) {
        const grown = new Int32Array(Math.max(number + 1, 2 * table.length)).fill(-1)
        grown.set(table)
        table = grown
      }
      table[number] = value
      set.push(number)
    }
    return table
  }
}

/** A passage's `PassageStems.sentencesWith` as two arrays: each stem's number (`stemNumberOf`) and its sentences' mask. */
export interface NumberedMasks {
  numbers: Int32Array
  masks: Int32Array
}

const numberedMasks = new WeakMap<PassageStems, NumberedMasks>()

/**
 * `stems.sentencesWith` by stem number, made on first use and kept with it (undefined without it):
 * a question's ranking reads every candidate passage's masks, and looking each question stem up in
 * each passage's `Map` was 3% of an ask.
 */
export function numberedMasksOf(stems: PassageStems): NumberedMasks | undefined {
  const { sentencesWith } = stems
  if (!sentencesWith) return undefined
  let kept = numberedMasks.get(stems)
  if (!kept) {
    kept = { numbers: new Int32Array(sentencesWith.size), masks: new Int32Array(sentencesWith.size) }
    let k = 0
    for (const [stem, mask] of sentencesWith) {
      kept.numbers[k] = stemNumberOf(stem)
      kept.masks[k++] = mask
    }
    numberedMasks.set(stems, kept)
  }
  return kept
}
