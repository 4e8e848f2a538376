import { fileURLToPath } from 'node:url'
import { loadCorpusDir } from '../adapters/load-corpus.js'
import { createEngine, type Answer, type AnswerOptions, type Engine } from '../src/index.js'
import { PARAPHRASE_QUESTIONS, type ParaphraseCase } from '../test/core/paraphrase-questions.js'
import { table } from './stats.js'

/** Issue 14's targets on the paraphrase set: in-scope answered with the right quote, out-of-scope declined. */
export const PARAPHRASE_TARGETS = { right: 0.85, declinedInScope: 0, declinedOutOfScope: 0.95 } as const

/** The halves of the paraphrase set, in report order (see `ParaphraseCase.half`). */
export const PARAPHRASE_HALVES = ['tune', 'held-out', 'fresh', 'newest', 'round6', 'round7', 'round8', 'round9', 'round10', 'round12', 'round16'] as const

/** How each half is named in the report: the old held-out half has been tuned on since round 3. */
const HALF_LABELS: Record<(typeof PARAPHRASE_HALVES)[number], string> = {
  tune: 'old tuning (ferry, election)',
  'held-out': 'old held-out, tuned on in round 3 (flood, recall, theft)',
  fresh: 'round-4 held-out (cable car, data breach)',
  newest: 'round-5 held-out (wildfire + derailment in one corpus)',
  round6: 'round-6 set, tuned on after its first run (landing + outbreak + sinkhole in one corpus)',
  round7: 'round-7 held-out (leopard escape + rocket explosion in one corpus)',
  round8: 'round-8 held-out (avalanche + power cut in one corpus)',
  round9: 'round-9 held-out (whale stranding + boil-water notice in one corpus)',
  round10: 'round-10 held-out (crane collapse + bank outage in one corpus)',
  round12: 'round-12 held-out (bakery gas explosion + Bronze Age canoe in one corpus)',
  round16: 'round-16 held-out (balloon crash + festival storm in one corpus)',
}

/** One half of the paraphrase set. */
export interface ParaphraseScores {
  half: (typeof PARAPHRASE_HALVES)[number]
  inScope: number
  /** In-scope questions answered with a quote that holds their phrase. */
  right: number
  /** In-scope questions declined: "not in my sources" when the articles say it in other words. */
  declined: number
  outOfScope: number
  outOfScopeDeclined: number
  /** The questions that went wrong: in-scope ones declined or quoted wrong, out-of-scope ones answered. */
  misses: Array<{ question: string; outcome: 'declined' | 'wrong quote' | 'answered out of scope'; quote?: string }>
}

/** True when `answer` quotes `testCase`'s phrase (case-insensitive). */
export function quotesPhrase(answer: Answer | undefined, testCase: ParaphraseCase): boolean {
  return answer?.status === 'answered' && answer.quotes.some((quote) => quote.text.toLowerCase().includes((testCase.phrase ?? '').toLowerCase()))
}

/** Asks `test/core/paraphrase-questions.ts` of its invented corpora through `engine.ask`, by half. */
export async function runParaphrase(synsets: string[][], answer: AnswerOptions = {}): Promise<ParaphraseScores[]> {
  const engines = new Map<string, Engine>()
  for (const corpus of new Set(PARAPHRASE_QUESTIONS.map((testCase) => testCase.corpus))) {
    engines.set(corpus, createEngine(await loadCorpusDir(fileURLToPath(new URL(`../test/fixtures/${corpus}/`, import.meta.url))), { synsets, answer }))
  }
  return PARAPHRASE_HALVES.map((half) => {
    const cases = PARAPHRASE_QUESTIONS.filter((testCase) => (testCase.half ?? 'tune') === half)
    const ask = (testCase: ParaphraseCase) => engines.get(testCase.corpus)?.ask(testCase.question)
    const scores: ParaphraseScores = { half, inScope: 0, right: 0, declined: 0, outOfScope: 0, outOfScopeDeclined: 0, misses: [] }
    for (const testCase of cases) {
      const answer = ask(testCase)
      const answered = answer?.status === 'answered'
      const quote = answer?.quotes[0]?.text
      if (testCase.phrase === undefined) {
        scores.outOfScope++
        if (!answered) scores.outOfScopeDeclined++
        else scores.misses.push({ question: testCase.question, outcome: 'answered out of scope', ...(quote ? { quote } : {}) })
      } else {
        scores.inScope++
        if (!answered) {
          scores.declined++
          scores.misses.push({ question: testCase.question, outcome: 'declined' })
        } else if (quotesPhrase(answer, testCase)) scores.right++
        else scores.misses.push({ question: testCase.question, outcome: 'wrong quote', ...(quote ? { quote } : {}) })
      }
    }
    return scores
  })
}

/** The paraphrase report as a table; with `misses`, each question that went wrong below it. */
export function renderParaphrase(scores: ParaphraseScores[], misses = false): string {
  const pct = (part: number, whole: number) => `${part}/${whole} (${((part / Math.max(1, whole)) * 100).toFixed(0)}%)`
  return [
    'Paraphrase set (test/core/paraphrase-questions.ts over test/fixtures/paraphrase-*): questions worded away from invented articles',
    '',
    table(
      ['half', 'in-scope right quote', 'in-scope declined', 'out-of-scope declined'],
      scores.map((s) => [HALF_LABELS[s.half], pct(s.right, s.inScope), pct(s.declined, s.inScope), pct(s.outOfScopeDeclined, s.outOfScope)]),
    ),
    `targets: in-scope right ≥ ${PARAPHRASE_TARGETS.right * 100}%, none declined; out-of-scope declined ≥ ${PARAPHRASE_TARGETS.declinedOutOfScope * 100}%`,
    ...(misses ? scores.flatMap((s) => s.misses.map((miss) => `  [${s.half}] ${miss.outcome}: ${miss.question}${miss.quote ? `  →  ${miss.quote.slice(0, 110)}` : ''}`)) : []),
  ].join('\n')
}
