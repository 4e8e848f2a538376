import { resolve } from 'node:path'
import { DEFAULT_FEEDBACK_DIR, createFileFeedbackStore } from '../feedback/store.js'
import { exportDownvoted, renderFeedback, summarizeFeedback } from '../feedback/report.js'
import { EXIT, parseCliArgs, runCli } from './args.js'

const USAGE = `Usage: npm run feedback -- [--json] [--since DATE] [--export] [--dir DIR]
  Reports the 👍/👎 votes per question, worst first, with the reasons given for 👎.
  --json        one JSON array of {question, up, down, reasons, statuses, passageIds, lastAt}
  --since DATE  only votes from DATE on (ISO 8601, e.g. 2026-12-01 or 2026-12-01T18:00Z)
  --export      print the questions with more 👎 than 👍 as a JSON array of question cases
                ({question, expect, note}), the form test/core/bundled-questions.ts reads
  --dir DIR     the feedback folder (default: FEEDBACK_DIR, else .feedback/ in the project)
Exit codes: 0 done, 1 usage error or unreadable votes.`

runCli(async () => {
  const { values } = parseCliArgs({ json: { type: 'boolean' }, since: { type: 'string' }, export: { type: 'boolean' }, dir: { type: 'string' } }, USAGE)
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return EXIT.ok
  }
  const since = values.since === undefined ? undefined : new Date(values.since)
  if (since && Number.isNaN(since.getTime())) {
    process.stderr.write(`--since must be a date such as 2026-12-01, not "${values.since}"\n\n${USAGE}\n`)
    return EXIT.failure
  }
  const dir = resolve(values.dir ?? (process.env.FEEDBACK_DIR || DEFAULT_FEEDBACK_DIR))
  const rows = summarizeFeedback(await createFileFeedbackStore(dir).all(), since)
  if (values.export) process.stdout.write(`${JSON.stringify(exportDownvoted(rows), null, 2)}\n`)
  else process.stdout.write(values.json ? `${JSON.stringify(rows)}\n` : `${renderFeedback(rows)}\n`)
  return EXIT.ok
})
