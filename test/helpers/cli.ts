import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx')

/** What a CLI process printed, and its exit code. */
export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * Runs `adapters/cli/<script>` as a separate process, as a user or another tool would: `input` on
 * stdin (closed at once when none), `env` laid over this process's environment, where a variable
 * set to `undefined` is left out.
 */
export function runCli(script: string, args: readonly string[], options: { input?: string | undefined; env?: Record<string, string | undefined> } = {}): Promise<CliRun> {
  const env = Object.fromEntries(Object.entries({ ...process.env, ...options.env }).filter((entry): entry is [string, string] => entry[1] !== undefined))
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [join(ROOT, 'adapters', 'cli', script), ...args], { cwd: ROOT, env })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(options.input ?? '')
  })
}
