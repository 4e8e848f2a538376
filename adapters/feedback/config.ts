import { resolve } from 'node:path'
import { z } from 'zod'
import { DEFAULT_FEEDBACK_DIR } from './store.js'

/** Where votes are kept and how voters are hashed. */
export interface FeedbackSettings {
  /** Absolute folder of `votes.jsonl` (and of the generated salt). Defaults to `.feedback/` in the project. */
  dir: string
  /** Salt of the voter hash; when unset, one is generated once and kept in `dir/salt`. */
  salt?: string
}

// An empty variable means "not set", as in the other fragments.
const optionalText = z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), z.string().optional())

/** The feedback variables, as zod fields for `appEnvSchema`. */
export const feedbackEnvShape = {
  /** Folder of the votes file; keep it on a volume so votes survive a new container. Defaults to `.feedback/`. */
  FEEDBACK_DIR: optionalText,
  /** Salt of the voter hash, at least 16 characters; defaults to one generated and stored in the folder. */
  FEEDBACK_SALT: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.string().min(16, 'FEEDBACK_SALT must be at least 16 characters (or unset, to generate one)').optional(),
  ),
}

/** The settings from the parsed variables. */
export function toFeedbackSettings(parsed: { FEEDBACK_DIR?: string | undefined; FEEDBACK_SALT?: string | undefined }): FeedbackSettings {
  return { dir: parsed.FEEDBACK_DIR === undefined ? DEFAULT_FEEDBACK_DIR : resolve(parsed.FEEDBACK_DIR), ...(parsed.FEEDBACK_SALT === undefined ? {} : { salt: parsed.FEEDBACK_SALT }) }
}
