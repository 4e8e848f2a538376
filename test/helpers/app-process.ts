import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { BOT_NODE_FLAGS } from '../../adapters/node-flags.js'

/**
 * Starts `adapters/main.ts` as a separate process, as `npm start` does, and watches what it
 * writes. Every process started here is tracked, so `stopAllApps()` in `afterEach`/`afterAll`
 * kills it even when a test failed half-way.
 */

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const MAIN = join(ROOT, 'adapters', 'main.ts')
// tsx's ESM loader by absolute URL, so the child can run from any working directory.
const TSX_LOADER = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href

/** Variables the app reads; removed from the inherited environment so the caller's shell cannot leak in. */
const APP_VARIABLE = /^(TELEGRAM_|DISCORD_|REDIS_|CORPUS_DIR$|CORPUS_WATCH$|LOG_LEVEL$|PORT$|WARM_UP_QUESTIONS$)/

/** One pino line. */
export interface LogLine {
  level: number
  msg: string
  [key: string]: unknown
}

/** A started app process and what it has written so far. */
export interface AppProcess {
  child: ChildProcess
  stdout(): string
  stderr(): string
  /** The JSON log lines written so far (stdout with a token set, stderr in terminal-chat mode). */
  logs(): LogLine[]
  /** Resolves once `predicate` holds, checked whenever the process writes; rejects after `timeoutMs` (default 15 s). */
  waitFor(predicate: () => boolean, what: string, timeoutMs?: number): Promise<void>
  /** Resolves with the first log line whose `msg` starts with `msg` and that `match` accepts. */
  waitForLog(msg: string, match?: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>
  /** Resolves when the process exits, with how long after `startApp` it took. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; afterMs: number }>
}

/** How `startApp` runs the process. */
export interface StartAppOptions {
  /** `pipe` to type into the terminal chat; `ignore` for a closed stdin. Defaults to `ignore`. */
  stdin?: 'pipe' | 'ignore'
  /** Working directory, where a `.env` would be read. Defaults to an empty temporary folder. */
  cwd?: string
}

const running = new Set<ChildProcess>()
const tempDirs = new Set<string>()

/** Starts the composition root with `env` over a clean environment. */
export async function startApp(env: Record<string, string>, options: StartAppOptions = {}): Promise<AppProcess> {
  const cwd = options.cwd ?? (await makeTempDir('app-cwd-'))
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !APP_VARIABLE.test(name)))
  const startedAt = performance.now()
  const child = spawn(process.execPath, [...BOT_NODE_FLAGS, '--import', TSX_LOADER, MAIN], {
    cwd,
    // No warm-up unless a test asks for one: dozens of apps each asking 2,000 questions would slow the suite.
    env: { ...inherited, FORCE_COLOR: '0', WARM_UP_QUESTIONS: '0', ...env },
    stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'],
  })
  running.add(child)
  let stdout = ''
  let stderr = ''
  const listeners = new Set<() => void>()
  const notify = () => {
    for (const listener of [...listeners]) listener()
  }
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
    notify()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
    notify()
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; afterMs: number }>((resolve) => {
    child.on('exit', (code, signal) => {
      running.delete(child)
      resolve({ code, signal, afterMs: performance.now() - startedAt })
      notify()
    })
  })

  const logs = () =>
    `${stdout}\n${stderr}`
      .split('\n')
      .filter((line) => line.startsWith('{"level"'))
      .map((line) => JSON.parse(line) as LogLine)

  const waitFor = (predicate: () => boolean, what: string, timeoutMs = 15_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!predicate()) return
        listeners.delete(check)
        clearTimeout(timer)
        resolve()
      }
      const timer = setTimeout(() => {
        listeners.delete(check)
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n--- stdout:\n${stdout.slice(-3000)}\n--- stderr:\n${stderr.slice(-3000)}`))
      }, timeoutMs)
      listeners.add(check)
      check()
    })

  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    logs,
    waitFor,
    async waitForLog(msg, match = () => true, timeoutMs) {
      const find = () => logs().find((line) => line.msg.startsWith(msg) && match(line))
      await waitFor(() => find() !== undefined, `log "${msg}"`, timeoutMs)
      return find() as LogLine
    },
    exited,
  }
}

/** Kills every app process still running and removes the temporary folders. */
export async function stopAllApps(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve())
          child.kill('SIGKILL')
        }),
    ),
  )
  await Promise.all([...tempDirs].map((dir) => rm(dir, { recursive: true, force: true })))
  tempDirs.clear()
}

/** A temporary folder removed by `stopAllApps`. */
export async function makeTempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  tempDirs.add(dir)
  return dir
}

/** A port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/** GETs `path` on the health server; `status` 0 when nothing listens yet. */
export async function getHealth(port: number, path: string): Promise<{ status: number; body: string }> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(2_000) })
    return { status: response.status, body: await response.text() }
  } catch {
    // Connection refused while the server is not listening yet: the caller polls again.
    return { status: 0, body: '' }
  }
}

/** Polls `/readyz` until it answers 200; rejects after `timeoutMs` (default 20 s), or when the app exits. */
export async function waitUntilReady(app: AppProcess, port: number, timeoutMs = 20_000): Promise<void> {
  let exited = false
  void app.exited.then(() => (exited = true))
  const deadline = performance.now() + timeoutMs
  for (;;) {
    if ((await getHealth(port, '/readyz')).status === 200) return
    if (exited || performance.now() > deadline) {
      throw new Error(`/readyz never turned 200 (exited: ${exited})\n--- stdout:\n${app.stdout().slice(-3000)}\n--- stderr:\n${app.stderr().slice(-3000)}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
