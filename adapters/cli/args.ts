import { parseArgs, type ParseArgsConfig } from 'node:util'
import { BUNDLED_CORPUS_DIR } from '../build-engine.js'

/** Exit codes of the CLI commands: part of the contract other tools rely on. */
export const EXIT = { ok: 0, failure: 1, invalid: 2 } as const

/** Parses CLI flags; prints usage and exits 1 on an unknown flag rather than throwing a stack trace. */
export function parseCliArgs<T extends NonNullable<ParseArgsConfig['options']>>(options: T, usage: string) {
  try {
    return parseArgs({ options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true })
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${usage}\n`)
    process.exit(EXIT.failure)
  }
}

/**
 * For a command that takes no question: prints the usage for `--help` (exit 0), refuses a stray
 * argument with the usage (exit 1), and returns undefined when the command should go on.
 */
export function helpOrStrayArgument(help: boolean | undefined, positionals: string[], usage: string): number | undefined {
  if (help) {
    process.stdout.write(`${usage}\n`)
    return EXIT.ok
  }
  if (positionals.length > 0) {
    process.stderr.write(`unexpected argument: ${positionals.join(' ')}\n\n${usage}\n`)
    return EXIT.failure
  }
  return undefined
}

/** The corpus folder: `--corpus DIR`, else `CORPUS_DIR`, else the bundled corpus. */
export function corpusDirFrom(flag: string | undefined): string {
  return flag ?? process.env.CORPUS_DIR ?? BUNDLED_CORPUS_DIR
}

/** Calls `onLine` for each line of standard input, in order, and resolves at its end. */
export async function forEachStdinLine(onLine: (line: string) => void): Promise<void> {
  const { createInterface } = await import('node:readline')
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity })
  for await (const line of lines) onLine(line)
}

/**
 * Runs a CLI command: a problem the user can fix (a bad corpus file, an unknown source) is printed
 * as one line on stderr with exit code 1; anything else is a bug and shows its stack.
 */
export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      if (error instanceof Error && (error.name === 'CorpusError' || error.name === 'UserFacingError')) {
        process.stderr.write(`error: ${error.message}\n`)
      } else {
        process.stderr.write(`unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
      }
      process.exitCode = EXIT.failure
    },
  )
}
