/**
 * `npm run docker:smoke`: the Dockerfile's build and start steps without a Docker engine.
 *
 * It reads the Dockerfile and performs each instruction in a fresh temporary folder, one folder
 * per stage standing in for the image's file system: COPY from the build context (filtered by
 * .dockerignore) or from an earlier stage, RUN in the stage's WORKDIR with its ENV, then starts
 * the runtime stage's CMD with PORT set and tokens pointing at the fake Telegram and Discord
 * servers, runs its HEALTHCHECK command until it passes, checks /healthz and /metrics, asks one
 * question on each platform, sends SIGTERM and expects exit code 0 within 10 s. Run as root, it also
 * applies `--chown` and runs the app as the USER, so a write the image forbids fails here too.
 *
 * Paths in ENV values that start with "/" are moved into the stage folder. An instruction this
 * script does not know fails the smoke test rather than being skipped.
 *
 * Prints PASS or FAIL; exits 1 on failure, keeping the folder for a look.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { chmod, chown, cp, mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, posix, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startFakeDiscord } from './fakes/discord.js'
import { startFakeTelegramApi } from './fakes/telegram-api.js'
import { FAKE_TOKEN, fakeUser, textUpdate } from './fakes/telegram-updates.js'
import { freePort } from './helpers/app-process.js'
import { parseDockerfile, parseEnv, parseExecForm } from './helpers/dockerfile.js'

const CONTEXT = fileURLToPath(new URL('../', import.meta.url))
/** Users of the official node image. */
const IMAGE_USERS: Record<string, { uid: number; gid: number }> = { node: { uid: 1000, gid: 1000 }, root: { uid: 0, gid: 0 } }
const READY_TIMEOUT_MS = 90_000
const STOP_TIMEOUT_MS = 10_000

interface Stage {
  name: string
  root: string
  workdir: string
  env: Record<string, string>
  user: string
  cmd?: string[]
  healthcheck?: string[]
}

class SmokeFailure extends Error {
  override readonly name = 'SmokeFailure'
}

/** `--from=build --chown=node:node a b ./` → flags and words. */
function splitFlags(args: string): { flags: Record<string, string>; words: string[] } {
  const flags: Record<string, string> = {}
  const words: string[] = []
  for (const word of args.split(/\s+/).filter(Boolean)) {
    const flag = /^--([\w-]+)=(.*)$/.exec(word)
    if (flag && words.length === 0) flags[flag[1] ?? ''] = flag[2] ?? ''
    else words.push(word)
  }
  return { flags, words }
}

/** Docker's .dockerignore rules: the last pattern matching a path or one of its parents wins. */
function createIgnore(patterns: string[]): (path: string) => boolean {
  const rules = patterns.map((pattern) => {
    const negated = pattern.startsWith('!')
    const glob = posix.normalize((negated ? pattern.slice(1) : pattern).replace(/^\/+/, '')).replace(/\/+$/, '')
    const source = glob
      .split('')
      .map((char, index, chars) => {
        if (char === '*' && chars[index + 1] === '*') return '.*'
        if (char === '*' && chars[index - 1] === '*') return ''
        if (char === '*') return '[^/]*'
        if (char === '?') return '[^/]'
        return char.replace(/[.+^${}()|[\]\\]/g, '\\$&')
      })
      .join('')
    return { negated, regex: new RegExp(`^${source}$`) }
  })
  return (path) => {
    const parts = path.split('/')
    const candidates = parts.map((_, index) => parts.slice(0, index + 1).join('/'))
    let ignored = false
    for (const rule of rules) if (candidates.some((candidate) => rule.regex.test(candidate))) ignored = !rule.negated
    return ignored
  }
}

async function readIgnore(): Promise<(path: string) => boolean> {
  try {
    const text = await readFile(join(CONTEXT, '.dockerignore'), 'utf8')
    return createIgnore(text.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#')))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return () => false
    throw error
  }
}

function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; what: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'inherit', 'inherit'] })
    child.on('error', reject)
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new SmokeFailure(`${options.what} failed with ${signal ?? `exit code ${code}`}`))))
  })
}

const isRoot = process.getuid?.() === 0
const say = (line: string) => process.stdout.write(`docker-smoke: ${line}\n`)

/** The environment outside the image, without anything that configures the app. */
function hostEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(TELEGRAM_|DISCORD_|CORPUS_|LOG_LEVEL$|PORT$|SNAPSHOT_DIR$)/.test(name)))
}

async function build(workspace: string): Promise<Stage> {
  const instructions = parseDockerfile(await readFile(join(CONTEXT, 'Dockerfile'), 'utf8'))
  const ignored = await readIgnore()
  const stages = new Map<string, Stage>()
  let stage: Stage | undefined
  const inStage = (containerPath: string) => join(stage!.root, posix.resolve(stage!.workdir, containerPath))

  for (const { keyword, args, line } of instructions) {
    const where = `Dockerfile line ${line}: ${keyword}`
    if (keyword !== 'FROM' && stage === undefined) throw new SmokeFailure(`${where} comes before FROM`)
    switch (keyword) {
      case 'FROM': {
        const match = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args)
        if (!match) throw new SmokeFailure(`${where}: cannot parse "${args}"`)
        if (!/^node:20[.-]/.test(match[1] ?? '')) throw new SmokeFailure(`${where}: expected a Node 20 image, found ${match[1]}`)
        const name = match[2] ?? `stage-${stages.size}`
        stage = { name, root: join(workspace, name), workdir: '/', env: {}, user: 'root' }
        stages.set(name, stage)
        await mkdir(stage.root, { recursive: true })
        say(`stage ${name} (${match[1]})`)
        break
      }
      case 'WORKDIR':
        stage!.workdir = posix.resolve(stage!.workdir, args)
        await mkdir(inStage('.'), { recursive: true })
        break
      case 'ENV':
        for (const [name, value] of parseEnv(args)) stage!.env[name] = value
        break
      case 'COPY': {
        const { flags, words } = splitFlags(args)
        const dest = words.pop()
        if (dest === undefined || words.length === 0) throw new SmokeFailure(`${where}: needs a source and a destination`)
        const from = flags.from === undefined ? undefined : stages.get(flags.from)
        if (flags.from !== undefined && from === undefined) throw new SmokeFailure(`${where}: no stage called ${flags.from}`)
        const into = dest.endsWith('/') || words.length > 1
        for (const source of words) {
          const origin = from ? join(from.root, posix.resolve(from.workdir, source)) : join(CONTEXT, source)
          if (!from && ignored(posix.normalize(source))) throw new SmokeFailure(`${where}: ${source} is excluded by .dockerignore`)
          const target = into ? join(inStage(dest), posix.basename(source)) : inStage(dest)
          await mkdir(dirname(target), { recursive: true })
          await cp(origin, target, {
            recursive: true,
            filter: (path) => from !== undefined || !ignored(relative(CONTEXT, path).split('\\').join('/')),
          })
          if (flags.chown !== undefined && isRoot) await chownTree(target, flags.chown)
        }
        break
      }
      case 'RUN': {
        if (args.startsWith('[')) throw new SmokeFailure(`${where}: use the shell form`)
        say(`RUN ${args}`)
        await run('sh', ['-c', args], { cwd: inStage('.'), env: { ...hostEnv(), ...mapEnv(stage!) }, what: `${where} ${args}` })
        break
      }
      case 'USER':
        if (IMAGE_USERS[args] === undefined) throw new SmokeFailure(`${where}: unknown user ${args} (the node image has ${Object.keys(IMAGE_USERS).join(', ')})`)
        stage!.user = args
        break
      case 'HEALTHCHECK': {
        const match = /^((?:--\S+\s+)*)CMD\s+(.*)$/.exec(args)
        if (!match) throw new SmokeFailure(`${where}: expected HEALTHCHECK [options] CMD [...]`)
        stage!.healthcheck = parseExecForm(match[2] ?? '', 'HEALTHCHECK CMD')
        break
      }
      case 'CMD':
        stage!.cmd = parseExecForm(args, 'CMD')
        break
      case 'EXPOSE':
      case 'LABEL':
      case 'STOPSIGNAL':
        break
      default:
        throw new SmokeFailure(`${where}: this smoke test does not know the instruction; teach it in test/docker-smoke.ts`)
    }
  }
  if (stage?.cmd === undefined) throw new SmokeFailure('the last stage has no CMD')
  if (stage.healthcheck === undefined) throw new SmokeFailure('the last stage has no HEALTHCHECK')
  if (stage.user === 'root') throw new SmokeFailure('the last stage runs as root: add USER')
  return stage
}

/** ENV values that are absolute paths point into the stage's folder. */
function mapEnv(stage: Stage): Record<string, string> {
  return Object.fromEntries(Object.entries(stage.env).map(([name, value]) => [name, value.startsWith('/') ? join(stage.root, value) : value]))
}

async function chownTree(path: string, owner: string): Promise<void> {
  const user = IMAGE_USERS[owner.split(':')[0] ?? '']
  if (user === undefined) throw new SmokeFailure(`--chown=${owner}: unknown user`)
  await chown(path, user.uid, user.gid)
  if ((await stat(path)).isDirectory()) for (const entry of await readdir(path)) await chownTree(join(path, entry), owner)
}

/** Fake Telegram and Discord servers on 127.0.0.1, and the variables that point the app at them. */
async function startFakes() {
  const telegram = await startFakeTelegramApi()
  const discord = await startFakeDiscord()
  return {
    telegram,
    discord,
    env: {
      TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      DISCORD_TOKEN: 'MTExMTExMTExMTExMTExMTEx.GfakeX.fake-signature-for-smoke_only',
      DISCORD_APP_ID: discord.appId,
      DISCORD_REST_API: discord.restApi,
    },
    async stop() {
      await telegram.stop()
      await discord.close()
    },
  }
}

async function start(stage: Stage, fakes: Awaited<ReturnType<typeof startFakes>>): Promise<void> {
  const port = await freePort()
  // Tokens as an operator passes them with `docker run -e`, pointing at the fakes.
  const env = { ...hostEnv(), ...mapEnv(stage), ...fakes.env, PORT: String(port) }
  const cwd = join(stage.root, stage.workdir)
  const [command = 'node', ...args] = stage.cmd ?? []
  const user = isRoot ? IMAGE_USERS[stage.user] : undefined
  if (user) {
    // mkdtemp makes a private folder: open the path down to the image so its user can read it.
    for (let dir = stage.root; dir.startsWith(`${tmpdir()}${sep}`); dir = dirname(dir)) await chmod(dir, 0o755)
  }
  say(`CMD ${JSON.stringify(stage.cmd)} with PORT=${port}${user ? ` as ${stage.user} (uid ${user.uid})` : ' (not root: as the current user)'}`)
  let output = ''
  const app: ChildProcess = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], ...(user ? { uid: user.uid, gid: user.gid } : {}) })
  app.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  app.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => app.on('exit', (code, signal) => resolve({ code, signal })))
  let exitedEarly = false
  void exited.then(() => (exitedEarly = true))

  try {
    const deadline = performance.now() + READY_TIMEOUT_MS
    const [checkCommand = 'node', ...checkArgs] = stage.healthcheck ?? []
    for (;;) {
      if (exitedEarly) throw new SmokeFailure('the app exited before it was ready')
      const healthy = await run(checkCommand, checkArgs, { cwd, env, what: 'HEALTHCHECK' }).then(
        () => true,
        () => false,
      )
      if (healthy) break
      if (performance.now() > deadline) throw new SmokeFailure(`HEALTHCHECK (/readyz) did not pass within ${READY_TIMEOUT_MS / 1000} s`)
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
    say(`HEALTHCHECK passed: /readyz ${await (await fetch(`http://127.0.0.1:${port}/readyz`)).text()}`.trim())
    if (!output.includes('"msg":"index loaded from snapshot"')) throw new SmokeFailure('the container rebuilt the index instead of loading the snapshot made by the build stage')
    for (const path of ['/healthz', '/metrics']) {
      const response = await fetch(`http://127.0.0.1:${port}${path}`)
      if (!response.ok) throw new SmokeFailure(`${path} answered ${response.status}`)
    }
    await askBoth(fakes)

    const stopAt = performance.now()
    app.kill('SIGTERM')
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), STOP_TIMEOUT_MS).unref())
    const result = await Promise.race([exited, timeout])
    if (result === 'timeout') throw new SmokeFailure(`the app did not exit within ${STOP_TIMEOUT_MS / 1000} s of SIGTERM`)
    if (result.code !== 0) throw new SmokeFailure(`the app exited with ${result.signal ?? `code ${result.code}`} after SIGTERM`)
    say(`SIGTERM: exit code 0 after ${Math.round(performance.now() - stopAt)} ms`)
  } catch (error) {
    process.stdout.write(`--- app output ---\n${output.slice(-4000)}\n------------------\n`)
    throw error
  } finally {
    if (app.exitCode === null && app.signalCode === null) app.kill('SIGKILL')
  }
}

/** One question on each platform: the image's production dependencies really serve both. */
async function askBoth({ telegram, discord }: Awaited<ReturnType<typeof startFakes>>): Promise<void> {
  const question = 'How long did the negotiations last?'
  telegram.pushUpdate(textUpdate(question, { from: fakeUser(1) }))
  await telegram.waitFor(() => telegram.sentTexts().length > 0, 10_000)
  const interaction = discord.chatInput('ask', { question })
  discord.dispatchInteraction(interaction)
  await discord.waitForResponses(interaction.id, 2, 10_000)
  say('Telegram and Discord each answered a question')
}

async function main(): Promise<void> {
  const workspace = await mkdtemp(join(tmpdir(), 'docker-smoke-'))
  say(`building in ${workspace}`)
  const fakes = await startFakes()
  try {
    const runtime = await build(workspace)
    await start(runtime, fakes)
  } catch (error) {
    process.stdout.write(`FAIL docker-smoke: ${error instanceof Error ? error.message : String(error)}\n(the folder ${workspace} is kept for a look)\n`)
    process.exitCode = 1
    return
  } finally {
    await fakes.stop()
  }
  await rm(workspace, { recursive: true, force: true })
  process.stdout.write('PASS docker-smoke: the image builds, serves Telegram and Discord, turns ready and stops cleanly on SIGTERM\n')
}

await main()
