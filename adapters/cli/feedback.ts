import { resolve } from 'node:path'
import { z } from 'zod'
import { DEFAULT_FEEDBACK_DIR, createFileFeedbackStore, type FeedbackRecord } from '../feedback/store.js'
import { exportDownvoted, renderFeedback, summarizeFeedback } from '../feedback/report.js'
import { storeEnvShape, toStoreSettings } from '../store/config.js'
import { EXIT, parseCliArgs, runCli } from './args.js'

const USAGE = `Usage: npm run feedback -- [--json] [--since DATE] [--export] [--dir DIR]
  Reports the 👍/👎 votes per question, worst first, with the reasons given for 👎.
  Votes are read from Redis when REDIS_URL is set (keys under REDIS_PREFIX), as the bot keeps them
  there; otherwise, and always with --dir, from the feedback folder's votes.jsonl.
  --json        one JSON array of {question, up, down, reasons, statuses, passageIds, lastAt}
  --since DATE  only votes from DATE on (ISO 8601, e.g. 2026-12-01 or 2026-12-01T18:00Z)
  --export      print the questions with more 👎 than 👍 as a JSON array of question cases
                ({question, expect, note, ...}), the form test/core/feedback-questions.test.ts reads:
                save it as test/questions/<name>.json and the failure is a regression test
  --dir DIR     the feedback folder (default: FEEDBACK_DIR, else .feedback/ in the project)
Exit codes: 0 done, 1 usage error or unreadable votes.`

/** The votes where the bot keeps them: Redis with `REDIS_URL` (unless `--dir`), else the folder; or why they cannot be read. */
async function readVotes(dirFlag: string | undefined): Promise<{ records: FeedbackRecord[] } | { problem: string }> {
  const env = z.object(storeEnvShape).safeParse(process.env)
  if (!env.success) return { problem: z.prettifyError(env.error) }
  const redis = dirFlag === undefined ? toStoreSettings(env.data) : undefined
  if (!redis) return { records: await createFileFeedbackStore(resolve(dirFlag ?? (process.env.FEEDBACK_DIR || DEFAULT_FEEDBACK_DIR))).all() }
  const { createRedisFeedbackStore } = await import('../feedback/redis-store.js')
  let store: Awaited<ReturnType<typeof createRedisFeedbackStore>>
  try {
    store = await createRedisFeedbackStore({ ...redis, requireConnection: true })
  } catch (error) {
    return { problem: `${error instanceof Error ? error.message : String(error)} (or pass --dir to read a votes folder)` }
  }
  try {
    return { records: await store.all() }
  } finally {
    await store.close()
  }
}

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
  const votes = await readVotes(values.dir)
  if ('problem' in votes) {
    process.stderr.write(`${votes.problem}\n`)
    return EXIT.failure
  }
  const rows = summarizeFeedback(votes.records, since)
  if (values.export) process.stdout.write(`${JSON.stringify(exportDownvoted(rows), null, 2)}\n`)
  else process.stdout.write(values.json ? `${JSON.stringify(rows)}\n` : `${renderFeedback(rows)}\n`)
  return EXIT.ok
})
