import { QUESTION_STOP_WORDS, stem } from '../analyzer.js'
import type { CorpusIndex } from '../search.js'
import type { Disagreement } from '../types.js'
import { disagreementsOfSides, firstSidePerSource } from './reading-sides.js'

/**
 * How wide a win or a vote was, as each source calls it: "by a landslide" against "by a narrow
 * margin". Asked when a question names a margin ("Was the vote a landslide?", "How close was the
 * race?"). Words of margin are general English, never one event's.
 */

/** A margin a source gives the result. */
export type Margin = 'wide' | 'narrow'

const WIDE = /\b(?:landslide|comfortabl[ey]|resounding(?:ly)?|overwhelming(?:ly)?|sweeping|decisive(?:ly)?|(?:wide|large|big|huge)\s+margin)\b/i
const NARROW = /\b(?:narrow(?:ly)?|slim|razor[- ](?:thin|edge)|wafer[- ]thin|(?:small|tiny|thin)\s+margin|close\s+(?:vote|race|result|contest|call))\b/i
/** A question about the margin: it names a margin word, or asks how close or how wide. */
const ASKS_MARGIN = new RegExp(`${WIDE.source}|${NARROW.source}|\\bmargin\\b|\\bhow\\s+(?:close|wide|narrow)\\b`, 'i')

/**
 * The disagreement on the margin of the result a question asks about, within each story: a source's
 * first sentence that calls it wide or narrow and names one of the question's other words.
 */
export function compareMargins(index: CorpusIndex, question: string, passageIds: string[], storyOf: (sourceId: string) => string = () => ''): Disagreement[] {
  if (!ASKS_MARGIN.test(question)) return []
  const stems = new Set((question.toLowerCase().match(/\p{L}+/gu) ?? []).filter((word) => !QUESTION_STOP_WORDS.has(word) && !WIDE.test(word) && !NARROW.test(word) && word !== 'margin').map(stem))
  if (stems.size === 0) return []
  const readings = firstSidePerSource(index, passageIds, (text) => {
    if (!(text.toLowerCase().match(/\p{L}+/gu) ?? []).some((word) => stems.has(stem(word)))) return undefined
    return marginIn(text)
  })
  return disagreementsOfSides(index, readings, ['wide', 'narrow'], storyOf, { topic: 'how wide the margin was', kind: 'framing', valueKind: 'outcome' })
}

/** The margin a sentence states, unless it states both or denies it ("not a landslide"). */
export function marginIn(text: string): { side: Margin; display: string } | undefined {
  const wide = WIDE.exec(text)
  const narrow = NARROW.exec(text)
  const found = wide && !narrow ? { side: 'wide' as const, match: wide } : narrow && !wide ? { side: 'narrow' as const, match: narrow } : undefined
  if (!found || /\b(?:not|no|hardly|far\s+from)\s+(?:a\s+|an\s+|by\s+a\s+)?$/i.test(text.slice(Math.max(0, found.match.index - 16), found.match.index))) return undefined
  return { side: found.side, display: found.match[0] }
}
