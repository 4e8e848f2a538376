import { stem } from '../analyzer.js'
import { OTHER_OCCASION } from './measured.js'
import type { ReadSentence } from './read.js'
import type { Draft } from './types.js'

export const SCORE = /\b(\d{1,2})\s?[-–]\s?(\d{1,2})\b/g
export const SCORE_CUE = /\b(won|win|wins|beat|beats|defeated|defeat|lost|lose|loses|draw|drew|drawn|victory|score|scoreline|result|final whistle|thrashed|edged)\b/i

/** Match scores ("won 3-1"): wink-nlp reads them as plain numbers, so a pattern finds them. */
export function scoreDrafts(read: ReadSentence): Draft[] {
  if (!SCORE_CUE.test(read.text) || OTHER_OCCASION.test(read.text)) return []
  const drafts: Draft[] = []
  for (const match of read.text.matchAll(SCORE)) {
    const a = Number(match[1])
    const b = Number(match[2])
    const at = read.start + (match.index ?? 0)
    // "2024-25" and "3-hour" are not scores.
    if (/^[-–]?\s?(hour|day|minute|week|year|month|point)/i.test(read.text.slice((match.index ?? 0) + match[0].length).trimStart())) continue
    const label = `${Math.max(a, b)}-${Math.min(a, b)}`
    drafts.push({
      kind: 'quantity',
      key: 'score:match',
      topic: 'the final score',
      value: label,
      comparable: { type: 'label', label },
      spanStart: at,
      spanEnd: at + match[0].length,
      contextStems: ['match', 'game', 'score', 'result', 'final', 'won', 'win', 'beat', 'lost'].map(stem),
      focusStems: ['score', 'result', 'goal', 'won', 'win', 'beat'].map(stem),
      dimension: 'score',
    })
  }
  return drafts
}
