import { QUESTION_STOP_WORDS, stem } from '../analyzer.js'
import type { CorpusIndex } from '../search.js'
import type { Disagreement } from '../types.js'
import { disagreementsOfSides, firstSidePerSource } from './reading-sides.js'
import type { Draft } from './types.js'
import { letterRuns } from '../letter-patterns.js'

/**
 * How wide a win or a vote was, as each source calls it: "by a landslide" against "by a narrow
 * margin". Asked when a question names a margin ("Was the vote a landslide?", "How close was the
 * race?"). Words of margin are general English, never one event's.
 */

/** A margin a source gives the result. */
export type Margin = 'wide' | 'narrow'

const WIDE = /\b(?:landslide|runaway|comfortabl[ey]|resounding(?:ly)?|overwhelming(?:ly)?|sweeping|decisive(?:ly)?|commanding|crushing|emphatic(?:ally)?|(?:wide|large|big|huge)\s+margin)\b/i
const NARROW = /\b(?:narrow(?:ly)?|slim|razor[- ](?:thin|edge)|wafer[- ]thin|(?:small|tiny|thin)\s+margin|close\s+(?:vote|race|result|contest|call))\b/i
/** A question about the margin: it names a margin word, or asks how close or how wide. */
const ASKS_MARGIN = new RegExp(`${WIDE.source}|${NARROW.source}|\\bmargin\\b|\\bhow\\s+(?:close|wide|narrow)\\b`, 'i')

/**
 * The disagreement on the margin of the result a question asks about, within each story: a source's
 * first sentence that calls it wide or narrow and names one of the question's other words.
 */
export function compareMargins(index: CorpusIndex, question: string, passageIds: string[], storyOf: (sourceId: string) => string = () => ''): Disagreement[] {
  if (!ASKS_MARGIN.test(question)) return []
  const stems = new Set(letterRuns(question.toLowerCase()).filter((word) => !QUESTION_STOP_WORDS.has(word) && !WIDE.test(word) && !NARROW.test(word) && word !== 'margin').map(stem))
  if (stems.size === 0) return []
  // The passage must name one of the question's words: "It was a narrow victory" follows the sentence naming the race.
  const readings = firstSidePerSource(index, passageIds, marginIn, (text) => letterRuns(text.toLowerCase()).some((word) => stems.has(stem(word))))
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

/** General English words of a result a margin qualifies: "a narrow win", "won comfortably", "a landslide victory". */
const RESULT = /\b(?:win|wins|won|winning|victory|victories|defeat|defeated|beat|beaten|lost|loss|majority|margin|lead|vote|voted|votes|result|passed|elected|re-elected|triumph)\b/i
/** Most characters between the margin word and its result word. */
const MAX_RESULT_GAP_CHARS = 30

/**
 * A corpus-wide claim on a result's margin: a sentence calling it wide or narrow, with a word of
 * winning or voting beside the margin word (so "narrow streets" is no claim). Claims of one story
 * share a key; "wide" against "narrow" conflict as labels.
 */
export function marginDraft(text: string, sentenceStart: number): Draft | undefined {
  const found = marginIn(text)
  if (!found) return undefined
  const at = text.indexOf(found.display)
  const around = text.slice(Math.max(0, at - MAX_RESULT_GAP_CHARS), at + found.display.length + MAX_RESULT_GAP_CHARS)
  // A landslide is a result in itself.
  if (!/landslide/i.test(found.display) && !RESULT.test(around.replace(found.display, ' '))) return undefined
  return {
    kind: 'framing',
    key: 'framing:margin',
    topic: 'how wide the margin was',
    value: found.display.toLowerCase(),
    comparable: { type: 'label', label: found.side },
    spanStart: sentenceStart + at,
    spanEnd: sentenceStart + at + found.display.length,
    contextStems: [...new Set(['margin', 'narrow', 'landslide', ...letterRuns(found.display.toLowerCase())].map(stem))],
    focusStems: [],
  }
}
