import { fileURLToPath } from 'node:url'
import { loadCorpusDir } from '../adapters/load-corpus.js'
import { createEngine, type Engine } from '../src/index.js'
import { PARAPHRASE_QUESTIONS, type ParaphraseCase } from '../test/core/paraphrase-questions.js'
import { table } from './stats.js'

/** Issue 14's targets on the paraphrase set: in-scope answered with the right quote, out-of-scope declined. */
export const PARAPHRASE_TARGETS = { right: 0.85, declinedInScope: 0, declinedOutOfScope: 0.95 } as const

/** One half of the paraphrase set (`tune` or `held-out`). */
export interface ParaphraseScores {
  half: 'tune' | 'held-out'
  inScope: number
  /** In-scope questions answered with a quote that holds their phrase. */
  right: number
  /** In-scope questions declined: "not in my sources" when the articles say it in other words. */
  declined: number
  outOfScope: number
  outOfScopeDeclined: number
}

/** Asks `test/core/paraphrase-questions.ts` of its invented corpora through `engine.ask`, by half. */
export async function runParaphrase(synsets: string[][]): Promise<ParaphraseScores[]> {
  const engines = new Map<string, Engine>()
  for (const corpus of new Set(PARAPHRASE_QUESTIONS.map((testCase) => testCase.corpus))) {
    engines.set(corpus, createEngine(await loadCorpusDir(fileURLToPath(new URL(`../test/fixtures/${corpus}/`, import.meta.url))), { synsets }))
  }
  return (['tune', 'held-out'] as const).map((half) => {
    const cases = PARAPHRASE_QUESTIONS.filter((testCase) => (testCase.half ?? 'tune') === half)
    const ask = (testCase: ParaphraseCase) => engines.get(testCase.corpus)?.ask(testCase.question)
    const inScope = cases.filter((testCase) => testCase.phrase !== undefined)
    const outOfScope = cases.filter((testCase) => testCase.phrase === undefined)
    let right = 0
    let declined = 0
    for (const testCase of inScope) {
      const answer = ask(testCase)
      if (answer?.status !== 'answered') declined++
      else if (answer.quotes.some((quote) => quote.text.toLowerCase().includes((testCase.phrase ?? '').toLowerCase()))) right++
    }
    const outOfScopeDeclined = outOfScope.filter((testCase) => ask(testCase)?.status !== 'answered').length
    return { half, inScope: inScope.length, right, declined, outOfScope: outOfScope.length, outOfScopeDeclined }
  })
}

/** The paraphrase report as a table. */
export function renderParaphrase(scores: ParaphraseScores[]): string {
  const pct = (part: number, whole: number) => `${part}/${whole} (${((part / Math.max(1, whole)) * 100).toFixed(0)}%)`
  return [
    'Paraphrase set (test/core/paraphrase-questions.ts over test/fixtures/paraphrase-*): questions worded away from invented articles',
    '',
    table(
      ['half', 'in-scope right quote', 'in-scope declined', 'out-of-scope declined'],
      scores.map((s) => [s.half, pct(s.right, s.inScope), pct(s.declined, s.inScope), pct(s.outOfScopeDeclined, s.outOfScope)]),
    ),
    `targets: in-scope right ≥ ${PARAPHRASE_TARGETS.right * 100}%, none declined; out-of-scope declined ≥ ${PARAPHRASE_TARGETS.declinedOutOfScope * 100}%`,
  ].join('\n')
}
