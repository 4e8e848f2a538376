import { pino, type Logger, type LoggerOptions } from 'pino'

export type { Logger }

export interface LoggerSettings {
  /** pino level. Defaults to `info`. */
  level?: string
  /** Pretty, coloured lines for a person at a terminal; JSON otherwise. Defaults to JSON. */
  pretty?: boolean
  /** File descriptor to write to: 1 for stdout, 2 for stderr (the CLI keeps stdout for JSON). Defaults to 1. */
  fd?: 1 | 2
}

/** Keys that may hold a secret: pino writes `[redacted]` in their place. */
const REDACT_PATHS = ['token', '*.token', 'config.token', 'headers.authorization', '*.headers.authorization']

/** Creates the process logger. Only the composition root and the CLI entry points call this. */
export function createLogger(settings: LoggerSettings = {}): Logger {
  const { level = 'info', pretty = false, fd = 1 } = settings
  const options: LoggerOptions = { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } }
  if (pretty) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { destination: fd, colorize: true } } })
  }
  return pino(options, pino.destination({ fd, sync: true }))
}

/** A logger that writes nothing, for tests. */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' })
}
