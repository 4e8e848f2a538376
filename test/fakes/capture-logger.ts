import { pino, type Logger } from 'pino'

/** One log line as pino wrote it. */
export interface LogRecord {
  level: number
  msg: string
  ref?: string
  err?: { type?: string; message?: string }
  [key: string]: unknown
}

/** A real pino logger that keeps its lines in memory, so tests can check what was logged. */
export function createCaptureLogger(): { logger: Logger; records: LogRecord[] } {
  const records: LogRecord[] = []
  const logger = pino({ level: 'debug' }, { write: (line: string) => void records.push(JSON.parse(line) as LogRecord) })
  return { logger, records }
}

/** pino's number for `error`. */
export const ERROR_LEVEL = 50
