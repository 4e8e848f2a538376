import { stem } from '../analyzer.js'
import { OTHER_OCCASION } from './measured.js'
import type { ReadSentence } from './read.js'
import type { Draft } from './types.js'

const STARTS_WITH_LETTER = /^\p{L}/u

/** Two figures of a score or tally: "3-1", "7 to 4", and a tally naming its noun between them ("by 10 votes to 5"). */
export const SCORE = /\b(\d{1,3})\s?(?:[-–]|(\s?votes?\s+to|to))\s?(\d{1,3})\b/g
export const SCORE_CUE = /\b(won|win|wins|beat|beats|defeated|defeat|lost|lose|loses|draw|drew|drawn|victory|score|scoreline|result|final whistle|thrashed|edged|votes?|voted|ballot)\b/i
/** General English nouns a tally names after its figures: "a 7 to 6 vote", "a 5 to 4 majority". */
const TALLY_AFTER = /^(?:votes?|majority|decision|verdict|ruling|split|margin|tally|win|victory|defeat|loss)\b/i
/** A tally of votes rather than a match's score: "passed by a vote of 7 to 4". */
const VOTE_CUE = /\b(votes?|voted|ballot)\b/i

/** Match scores ("won 3-1"): wink-nlp reads them as plain numbers, so a pattern finds them. */
export function scoreDrafts(read: ReadSentence): Draft[] {
  if (!SCORE_CUE.test(read.text) || OTHER_OCCASION.test(read.text)) return []
  const drafts: Draft[] = []
  const vote = VOTE_CUE.test(read.text)
  for (const match of read.text.matchAll(SCORE)) {
    const a = Number(match[1])
    const b = Number(match[3])
    const at = read.start + (match.index ?? 0)
    const after = read.text.slice((match.index ?? 0) + match[0].length).trimStart()
    // "2024-25" and "3-hour" are not scores.
    if (/^[-–]?\s?(hour|day|minute|week|year|month|point)/i.test(after)) continue
    // "7 to 4" is a tally only where it ends a phrase or names one ("a narrow 7 to 6 vote"): "from 5 to 7 percent" and "5 to 7 hours" are ranges.
    // "by 10 votes to 5" names its tally whatever follows it.
    if (match[2] && !/votes?/i.test(match[2]) && (STARTS_WITH_LETTER.test(after) && !/^(?:in|on|at|with|against|after|and|to|for)\b/i.test(after) && !TALLY_AFTER.test(after) || /\b(?:from|between)\s*$/i.test(read.text.slice(0, match.index)))) continue
    const label = `${Math.max(a, b)}-${Math.min(a, b)}`
    drafts.push({
      kind: 'quantity',
      key: vote ? 'score:vote' : 'score:match',
      topic: vote ? 'the vote' : 'the final score',
      value: label,
      comparable: { type: 'label', label },
      spanStart: at,
      spanEnd: at + match[0].length,
      contextStems: (vote ? ['vote', 'ballot', 'result', 'margin', 'tally', 'passed', 'approved'] : ['match', 'game', 'score', 'result', 'final', 'won', 'win', 'beat', 'lost']).map(stem),
      focusStems: (vote ? ['vote', 'result', 'margin', 'tally'] : ['score', 'result', 'goal', 'won', 'win', 'beat']).map(stem),
      dimension: 'score',
    })
  }
  return drafts
}
