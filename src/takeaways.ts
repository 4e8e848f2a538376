import type { DisagreementIndex } from './disagreements.js'
import type { CorpusIndex } from './search.js'
import type { Takeaway, TakeawayOptions } from './types.js'

/** Ranked candidate points, computed once when the corpus is indexed. */
export interface TakeawayIndex {
  ranked: Takeaway[]
}

/** Ranks the corpus's sentences as takeaways. */
export function buildTakeawayIndex(_index: CorpusIndex, _disagreements: DisagreementIndex): TakeawayIndex {
  return { ranked: [] }
}

/** The takeaways for `options`, best first. */
export function selectTakeaways(_takeaways: TakeawayIndex, _index: CorpusIndex, _options: TakeawayOptions = {}): Takeaway[] {
  return []
}
