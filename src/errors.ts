/** Codes of problems the asker can fix. */
export type UserFacingErrorCode = 'unknown-source' | 'unknown-story' | 'invalid-option'

/**
 * A problem the asker can fix, with a message written for chat. Adapters show `message` as it is;
 * anything else that throws is a bug or an outage and is logged with a reference instead.
 */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError'
  readonly code: UserFacingErrorCode

  constructor(code: UserFacingErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
  }
}

/** A corpus file that cannot be used, named with the field that is wrong. */
export class CorpusError extends Error {
  override readonly name = 'CorpusError'
  readonly file: string

  constructor(file: string, message: string, options?: { cause?: unknown }) {
    super(`${file}: ${message}`, options)
    this.file = file
  }
}
