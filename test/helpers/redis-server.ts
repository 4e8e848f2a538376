import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { freePort } from './app-process.js'

/**
 * A real `redis-server` (Debian's package) on a free port of 127.0.0.1, with persistence off, for
 * tests. `stop()` then `start()` brings it back empty on the same port, as after a crash.
 */
export interface TestRedis {
  port: number
  /** `redis://127.0.0.1:<port>` */
  url: string
  /** Starts it again on the same port (after `stop`), empty. */
  start(): Promise<void>
  /** Kills it and waits for the exit. */
  stop(): Promise<void>
}

/** Whether `redis-server` can be started on this machine. */
export function hasRedisServer(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0
}

/** How {@link startTestRedis} runs the server. */
export interface TestRedisOptions {
  /**
   * The server's command line (a compose file's `command`), to which the port, the bind address and
   * `dir` are appended. Defaults to persistence off (`--save '' --appendonly no`).
   */
  command?: readonly string[]
  /** Working folder for its files (a compose volume's stand-in). Defaults to the server's own default. */
  dir?: string
}

/** Starts a fresh `redis-server`; the `globalSetup` in `redis-setup.ts` has made sure it is installed. */
export async function startTestRedis(options: TestRedisOptions = {}): Promise<TestRedis> {
  const port = await freePort()
  const [command, ...args] = options.command ?? ['redis-server', '--save', '', '--appendonly', 'no']
  let child: ChildProcess | undefined

  const start = async () => {
    const where = ['--port', String(port), '--bind', '127.0.0.1', '--loglevel', 'warning', ...(options.dir === undefined ? [] : ['--dir', options.dir])]
    const process = spawn(command!, [...args, ...where], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child = process
    let output = ''
    process.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    process.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    // Ready once it accepts a connection.
    const deadline = performance.now() + 10_000
    for (;;) {
      if (process.exitCode !== null) throw new Error(`redis-server exited at start (code ${process.exitCode}):\n${output}`)
      if (await accepts(port)) return
      if (performance.now() > deadline) throw new Error(`redis-server did not accept connections on ${port} within 10 s:\n${output}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }

  await start()
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    start,
    async stop() {
      const running = child
      child = undefined
      if (running === undefined || running.exitCode !== null) return
      await new Promise<void>((resolve) => {
        running.once('exit', () => resolve())
        running.kill('SIGKILL')
      })
    },
  }
}

async function accepts(port: number): Promise<boolean> {
  const { connect } = await import('node:net')
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.write('PING\r\n')
      socket.once('data', (data) => {
        socket.destroy()
        resolve(data.toString().startsWith('+PONG'))
      })
    })
    socket.once('error', () => resolve(false))
  })
}
