/**
 * The core's public surface. Adapters import from here only.
 */
export type * from './types.js'
export { UserFacingError, CorpusError, type UserFacingErrorCode } from './errors.js'
