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
  /** The passage each answer voted 👎 led with (its first quote), without repeats. */
  downLeadPassageIds: string[]
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
      row = { question: record.question, up: 0, down: 0, reasons: {}, statuses: [], passageIds: [], downLeadPassageIds: [], lastAt: record.at }
      byQuestion.set(key, row)
    }
    if (record.vote === 'up') row.up++
    else row.down++
    if (record.vote === 'down' && record.reason) row.reasons[record.reason] = (row.reasons[record.reason] ?? 0) + 1
    if (!row.statuses.includes(record.status)) row.statuses.push(record.status)
    for (const id of record.passageIds) if (!row.passageIds.includes(id)) row.passageIds.push(id)
    const lead = record.passageIds[0]
    if (record.vote === 'down' && lead !== undefined && !row.downLeadPassageIds.includes(lead)) row.downLeadPassageIds.push(lead)
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

/**
 * A question case as the question-set tests read it (`QuestionCase` of `test/core/bundled-questions.ts`,
 * with two checks a 👎 can ask for; `test/core/question-case.ts` checks both).
 */
export interface ExportedCase {
  question: string
  expect: 'answered' | 'no_answer'
  /** The passages the 👎 answers led with: the first quote must come from another one ("wrong quote", or no reason given). */
  wrongPassages?: string[]
  /** The answer must say where sources disagree ("missed a disagreement"). */
  disagreement?: true
  /** Why it was exported: the 👎 reasons given, for whoever reads or completes the case. */
  note: string
}

/**
 * The questions with more 👎 than 👍, as question cases that fail on the answer voted down, so each
 * is a regression test as it stands: "should not have answered" expects `no_answer`; a declined
 * question expects an answer; an answer "missing a disagreement" must show one; an answer with a
 * "wrong quote" (or no reason) must lead with another passage. Save the array as a file of
 * `test/questions/`, and the failure is a regression test; add `source` or `phrases` to say more.
 */
export function exportDownvoted(rows: readonly QuestionFeedback[]): ExportedCase[] {
  return rows
    .filter((row) => row.down > row.up)
    .map((row) => {
      const count = (reason: DownReason) => row.reasons[reason] ?? 0
      const shouldNot = count('should-not-have-answered')
      const reasons = Object.entries(row.reasons).map(([reason, n]) => `${DOWN_REASONS[reason as DownReason]} ×${n}`)
      const note = `${row.down} 👎${reasons.length > 0 ? `: ${reasons.join(', ')}` : ''}; answered ${row.statuses.join('/')}; quoted ${row.passageIds.slice(0, 4).join(', ') || 'nothing'}`
      if (shouldNot > 0 && shouldNot >= row.down - shouldNot) return { question: row.question, expect: 'no_answer', note }
      // "Wrong quote", and a 👎 that names no reason: the answer was there, the quote was not it.
      const wrongQuote = row.down - shouldNot - count('missed-disagreement') - count('should-have-answered') > 0
      return {
        question: row.question,
        expect: 'answered',
        ...(wrongQuote && row.downLeadPassageIds.length > 0 ? { wrongPassages: row.downLeadPassageIds } : {}),
        ...(count('missed-disagreement') > 0 ? { disagreement: true as const } : {}),
        note,
      }
    })
}
