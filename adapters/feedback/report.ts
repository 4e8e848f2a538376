import { DOWN_REASONS, latestVotes, type DownReason, type FeedbackRecord } from './store.js'

/** The votes one question got, over every answer to it. */
export interface QuestionFeedback {
  question: string
  up: number
  down: number
  reasons: Partial<Record<DownReason, number>>
  /** Statuses the question was answered with (`answered`, `no_answer`). */
  statuses: string[]
  /** The passages quoted by the answers voted on, best first, without repeats. */
  passageIds: string[]
  lastAt: string
}

/**
 * Per question (case and space folded), the votes that count (each voter's last on each answer)
 * since `since`, worst first: most 👎 over 👍, then most 👎, then the latest.
 */
export function summarizeFeedback(records: readonly FeedbackRecord[], since?: Date): QuestionFeedback[] {
  const byQuestion = new Map<string, QuestionFeedback>()
  for (const record of latestVotes(records)) {
    if (since && new Date(record.at) < since) continue
    const key = record.question.trim().toLowerCase().replace(/\s+/g, ' ')
    let row = byQuestion.get(key)
    if (!row) {
      row = { question: record.question, up: 0, down: 0, reasons: {}, statuses: [], passageIds: [], lastAt: record.at }
      byQuestion.set(key, row)
    }
    if (record.vote === 'up') row.up++
    else row.down++
    if (record.vote === 'down' && record.reason) row.reasons[record.reason] = (row.reasons[record.reason] ?? 0) + 1
    if (!row.statuses.includes(record.status)) row.statuses.push(record.status)
    for (const id of record.passageIds) if (!row.passageIds.includes(id)) row.passageIds.push(id)
    if (record.at > row.lastAt) row.lastAt = record.at
  }
  return [...byQuestion.values()].sort((a, b) => b.down - b.up - (a.down - a.up) || b.down - a.down || b.lastAt.localeCompare(a.lastAt))
}

/** The report as text: one line a question, worst first. */
export function renderFeedback(rows: readonly QuestionFeedback[]): string {
  if (rows.length === 0) return 'No votes yet.'
  return rows
    .map((row) => {
      const reasons = Object.entries(row.reasons).map(([reason, count]) => `${DOWN_REASONS[reason as DownReason]} ×${count}`)
      return `👎 ${row.down}  👍 ${row.up}  ${row.question}${reasons.length > 0 ? `  (${reasons.join(', ')})` : ''}`
    })
    .join('\n')
}

/** A question case as `test/core/bundled-questions.ts` reads it (`QuestionCase`). */
export interface ExportedCase {
  question: string
  expect: 'answered' | 'no_answer'
  /** Why it was exported: the 👎 reasons given, for whoever completes the case. */
  note: string
}

/**
 * The questions with more 👎 than 👍, as question cases: "should not have answered" expects
 * `no_answer`; every other reason (or none) expects an answer, whose source and phrases the
 * operator adds. Paste the array into the question set, and the failure becomes a regression test.
 */
export function exportDownvoted(rows: readonly QuestionFeedback[]): ExportedCase[] {
  return rows
    .filter((row) => row.down > row.up)
    .map((row) => {
      const shouldNot = row.reasons['should-not-have-answered'] ?? 0
      const others = row.down - shouldNot
      const reasons = Object.entries(row.reasons).map(([reason, count]) => `${DOWN_REASONS[reason as DownReason]} ×${count}`)
      return {
        question: row.question,
        expect: shouldNot > 0 && shouldNot >= others ? 'no_answer' : 'answered',
        note: `${row.down} 👎${reasons.length > 0 ? `: ${reasons.join(', ')}` : ''}; answered ${row.statuses.join('/')}; quoted ${row.passageIds.slice(0, 4).join(', ') || 'nothing'}`,
      }
    })
}
