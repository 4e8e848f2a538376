import { createHash, randomBytes } from 'node:crypto'
import { mkdir, open, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AnswerStatus } from '../../src/index.js'

/** Where votes are kept when `FEEDBACK_DIR` is unset: `.feedback/` beside the snapshot cache `.cache/`. */
export const DEFAULT_FEEDBACK_DIR = fileURLToPath(new URL('../../.feedback/', import.meta.url))
/** The votes file in the feedback folder: one JSON object a line, only ever appended to. */
export const VOTES_FILE = 'votes.jsonl'
/** The generated salt, when `FEEDBACK_SALT` is unset: written once, read at every start after. */
export const SALT_FILE = 'salt'

/** 👍 or 👎. */
export type Vote = 'up' | 'down'

/** What a 👎 can say was wrong; the labels are the button texts. */
export const DOWN_REASONS = {
  'wrong-quote': 'wrong quote',
  'missed-disagreement': 'missed a disagreement',
  'should-have-answered': 'should have answered',
  'should-not-have-answered': 'should not have answered',
} as const

export type DownReason = keyof typeof DOWN_REASONS

export const isDownReason = (value: string): value is DownReason => Object.hasOwn(DOWN_REASONS, value)

/** Where a vote came from. */
export type FeedbackPlatform = 'telegram' | 'discord'

/** One press, as stored. Never the voter's name or id: `voter` is a salted hash, to count one vote per person. */
export interface FeedbackRecord {
  /** ISO time of the press. */
  at: string
  platform: FeedbackPlatform
  /** The answer voted on: the id its buttons carry. */
  answerId: string
  voter: string
  vote: Vote
  reason?: DownReason
  question: string
  status: AnswerStatus
  /** The passages the answer quoted, best first. */
  passageIds: string[]
}

/** What a store says of a vote it has written: the voter's vote on that answer before it, if any. */
export interface RecordedVote {
  previous: Vote | undefined
}

/**
 * Where votes go. `record` resolves once the vote is on disk (or in Redis): acknowledge a press
 * only after it. It resolves with the voter's previous vote on the same answer, so the press can
 * be told "first" or "changed". `all` lists the records; a later record of the same voter and
 * answer replaces an earlier one (see `latestVotes`).
 */
export interface FeedbackStore {
  record(vote: FeedbackRecord): Promise<RecordedVote>
  all(): Promise<FeedbackRecord[]>
}

/** The key of "one vote per person per answer": platform, answer and hashed voter. */
export const voteKey = (record: Pick<FeedbackRecord, 'platform' | 'answerId' | 'voter'>) => `${record.platform}:${record.answerId}:${record.voter}`

/**
 * Votes in `dir/votes.jsonl`, appended one line at a time and fsynced before `record` resolves, so a
 * crash after the acknowledgement never loses the vote. Writes are queued: lines never interleave.
 * A line that cannot be parsed (a crash mid-write) is skipped when reading, and counted in `skipped`.
 */
export function createFileFeedbackStore(dir: string): FeedbackStore & { skipped(): number } {
  const file = join(dir, VOTES_FILE)
  let queue: Promise<unknown> = Promise.resolve()
  let skipped = 0
  /** Each voter's last vote per answer, read from the file at the first write, then kept up to date. */
  let cast: Map<string, Vote> | undefined

  const read = async (): Promise<FeedbackRecord[]> => {
    let text = ''
    try {
      text = await readFile(file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw new Error(`Cannot read the votes in ${file}`, { cause: error })
    }
    skipped = 0
    const records: FeedbackRecord[] = []
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue
      try {
        records.push(JSON.parse(line) as FeedbackRecord)
      } catch {
        // A line cut short by a crash during its write: the vote was never acknowledged.
        skipped++
      }
    }
    return records
  }

  return {
    record(vote) {
      const write = queue.then(async (): Promise<RecordedVote> => {
        cast ??= new Map((await read()).map((record) => [voteKey(record), record.vote]))
        await mkdir(dir, { recursive: true })
        const handle = await open(file, 'a', 0o600)
        try {
          await handle.appendFile(`${JSON.stringify(vote)}\n`)
          await handle.sync()
        } finally {
          await handle.close()
        }
        const previous = cast.get(voteKey(vote))
        cast.set(voteKey(vote), vote.vote)
        return { previous }
      })
      // One failed write must not block every later one: the caller sees its own failure.
      queue = write.catch(() => undefined)
      return write
    },
    async all() {
      await queue
      return read()
    },
    skipped: () => skipped,
  }
}

/** The vote that counts for each voter and answer: the last one written. */
export function latestVotes(records: readonly FeedbackRecord[]): FeedbackRecord[] {
  const latest = new Map<string, FeedbackRecord>()
  for (const record of records) {
    const key = voteKey(record)
    // Re-inserting keeps the order of each voter's last press.
    latest.delete(key)
    latest.set(key, record)
  }
  return [...latest.values()]
}

/**
 * The salt for hashing voters: `configured` (`FEEDBACK_SALT`) when given, else the one stored in
 * `dir/salt`, created with 32 random bytes the first time (never overwritten: `wx` fails if another
 * process wrote it first, and then that one is read).
 */
export async function loadSalt(dir: string, configured?: string): Promise<string> {
  if (configured !== undefined && configured !== '') return configured
  const file = join(dir, SALT_FILE)
  await mkdir(dir, { recursive: true })
  try {
    return (await readFile(file, 'utf8')).trim()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`Cannot read the feedback salt in ${file}`, { cause: error })
  }
  const salt = randomBytes(32).toString('hex')
  try {
    const handle = await open(file, 'wx', 0o600)
    try {
      await handle.writeFile(`${salt}\n`)
      await handle.sync()
    } finally {
      await handle.close()
    }
    return salt
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return (await readFile(file, 'utf8')).trim()
    throw new Error(`Cannot write the feedback salt to ${file}`, { cause: error })
  }
}

/** A voter's id as stored: SHA-256 of the salt, the platform and the user id, 32 hex characters. */
export function hashVoter(salt: string, platform: FeedbackPlatform, userId: string | number): string {
  return createHash('sha256').update(`${salt}\u0000${platform}\u0000${userId}`).digest('hex').slice(0, 32)
}
