import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import type { Engine } from '../../src/index.js'

/** Where `npm run feedback -- --export` output goes to become regression tests: one JSON array of cases a file. */
export const EXPORTED_QUESTIONS_DIR = fileURLToPath(new URL('../questions/', import.meta.url))

/** A question case, as the question sets write it (`QuestionCase`) and as `npm run feedback -- --export` prints it. */
export const questionCaseSchema = z.object({
  question: z.string().min(1),
  source: z.string().optional(),
  phrases: z.array(z.string()).optional(),
  expect: z.enum(['answered', 'no_answer']),
  /** The first quote must not come from these passages (a 👎 "wrong quote"). */
  wrongPassages: z.array(z.string()).optional(),
  /** The answer must say where sources disagree (a 👎 "missed a disagreement"). */
  disagreement: z.literal(true).optional(),
  note: z.string().optional(),
})

/** `QuestionCase` of `bundled-questions.ts`, with the checks a 👎 can ask for. */
export type CheckedQuestionCase = z.infer<typeof questionCaseSchema>

/** Whether `engine` answers `testCase` as it expects: status, then source, phrases, lead passage and disagreement when given. */
export function passesQuestionCase(engine: Engine, testCase: CheckedQuestionCase): boolean {
  const answer = engine.ask(testCase.question)
  if (answer.status !== testCase.expect) return false
  if (testCase.expect === 'no_answer') return true
  const sourced = !testCase.source || answer.quotes.some((quote) => quote.source.id === testCase.source || quote.alsoIn.some((source) => source.id === testCase.source))
  const phrased = !testCase.phrases || answer.quotes.some((quote) => testCase.phrases!.some((phrase) => quote.text.toLowerCase().includes(phrase.toLowerCase())))
  const lead = answer.quotes[0]?.passageId
  const newLead = !testCase.wrongPassages || (lead !== undefined && !testCase.wrongPassages.includes(lead))
  const disagrees = !testCase.disagreement || answer.disagreements.length > 0
  return sourced && phrased && newLead && disagrees
}

/** Every case of every `*.json` file in `dir` (each a JSON array of cases), checked; a file that is not one names itself. */
export async function readQuestionCases(dir: string): Promise<Array<{ file: string; cases: CheckedQuestionCase[] }>> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort()
  return Promise.all(
    files.map(async (file) => {
      const parsed = z.array(questionCaseSchema).safeParse(JSON.parse(await readFile(join(dir, file), 'utf8')))
      if (!parsed.success) throw new Error(`${file} is not a JSON array of question cases:\n${z.prettifyError(parsed.error)}`)
      return { file, cases: parsed.data }
    }),
  )
}
