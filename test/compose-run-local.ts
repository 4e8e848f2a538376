/**
 * `npm run compose:run-local`: starts `compose.yaml`'s topology for real, without a Docker engine,
 * as local processes on 127.0.0.1, and drives it through the fake Telegram Bot API and the fake
 * Discord gateway.
 *
 * The file is read as Compose reads it (`compose config`, with an operator's `.env` pointing the
 * tokens and API roots at the fakes). Each service runs what its container would:
 * - `redis`: the service's own `command`, with its data volume in a temporary folder;
 * - `telegram-1`, `telegram-2`, `discord`: the image's CMD (`node --max-semi-space-size=32 --import tsx adapters/main.ts`) with
 *   the image's ENV, then the `env_file`, then the service's `environment`, as Compose layers them;
 * - `proxy`: Debian's nginx with `deploy/nginx.conf` as its `conf.d/default.conf`, under a main
 *   file standing in for the nginx image's, unprivileged, with its prefix, pid, logs and temporary
 *   files in a temporary folder.
 * Only what must differ outside containers changes, and each change is printed: a service host name
 * becomes 127.0.0.1, each port a service listens on (`PORT`, `TELEGRAM_WEBHOOK_PORT`, Redis's 6379,
 * nginx's `listen`) becomes a free port, image paths under the WORKDIR point into this checkout, and
 * each named volume is a temporary folder shared by the services that mount it.
 *
 * Then: questions posted to nginx's port are answered exactly once; every third answer's "More
 * quotes" press goes through nginx too and is served by whichever replica nginx picks; one replica
 * is SIGKILLed half-way, and every update, redelivered as Telegram does, is still answered, once; an
 * interaction in each guild is answered by the sharding manager's processes.
 *
 * Prints PASS, FAIL (exit 1) or SKIP (exit 0, when nginx or Compose is not installed: `apt-get
 * install nginx docker-compose` on Debian; `.ci/run` installs both and passes `--require`, which
 * makes a missing one a FAIL).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { chown, readFile, rm, writeFile } from 'node:fs/promises'
import { connect } from 'node:net'
import { loadavg } from 'node:os'
import { join, posix, relative } from 'node:path'
import { BOT_NODE_FLAGS } from '../adapters/node-flags.js'
import { startFakeDiscord, type FakeDiscord } from './fakes/discord.js'
import { startFakeTelegramApi, type FakeTelegramApi } from './fakes/telegram-api.js'
import { FAKE_TOKEN } from './fakes/telegram-updates.js'
import { freePort, getHealth, makeTempDir, startApp, stopAllApps, waitUntilReady, type AppProcess } from './helpers/app-process.js'
import { findCompose, resolveCompose, ROOT, type ComposeService } from './helpers/compose.js'
import { parseDockerfile, runtimeStage } from './helpers/dockerfile.js'
import { startTestRedis, type TestRedis } from './helpers/redis-server.js'
import { driveLoad, outcomeOf, repliesByMessage, WEBHOOK_SECRET, WEBHOOK_URL, type Replica } from './helpers/replicas.js'

const DISCORD_TOKEN = 'MTExMTExMTExMTExMTExMTEx.GfakeX.fake-signature-for-tests_only'
/** What `startApp` runs, with absolute paths: the image's CMD must be this. */
const APP_CMD = ['node', ...BOT_NODE_FLAGS, '--import', 'tsx', 'adapters/main.ts']
const QUESTIONS = ['How long did the talks last?', 'Did the summit end with an agreement?', 'Who accompanied Trump?', 'What did Putin say?']
/** Five bot processes start at once (two replicas, the manager and its two shard processes) on a shared machine. */
const READY_TIMEOUT_MS = 240_000

class RunFailure extends Error {
  override readonly name = 'RunFailure'
}

const say = (line: string) => process.stdout.write(`compose:run-local: ${line}\n`)

/** The nginx binary: on the PATH, or where Debian puts it (/usr/sbin is not on every user's PATH). */
function findNginx(): string | undefined {
  return ['nginx', '/usr/sbin/nginx'].find((candidate) => spawnSync(candidate, ['-v'], { stdio: 'ignore' }).status === 0)
}

/** Where the containers' addresses and paths land on this machine. */
class LocalMap {
  /** `service:port` inside the compose network → port on 127.0.0.1. */
  readonly ports = new Map<string, number>()
  readonly changes: string[] = []

  constructor(private readonly services: ReadonlySet<string>) {}

  async port(service: string, port: string): Promise<number> {
    const key = `${service}:${port}`
    let local = this.ports.get(key)
    if (local === undefined) {
      local = await freePort()
      this.ports.set(key, local)
      this.changes.push(`${key} → 127.0.0.1:${local}`)
    }
    return local
  }

  /** `redis://redis:6379` → `redis://127.0.0.1:<its port>`; a service address with no local port is an error. */
  address(text: string, where: string): string {
    return text.replace(/\/\/([a-z0-9][\w.-]*):(\d+)/gi, (whole, host: string, port: string) => {
      if (!this.services.has(host)) return whole
      const local = this.ports.get(`${host}:${port}`)
      if (local === undefined) throw new RunFailure(`${where} reaches ${host}:${port}, but no service of compose.yaml listens there`)
      return `//127.0.0.1:${local}`
    })
  }
}

/** The target folder → local folder of each volume `service` mounts (named volumes shared, bind mounts from the checkout). */
async function volumesOf(service: ComposeService, volumeDirs: Map<string, string>, projectDir: string): Promise<Map<string, string>> {
  const mounts = new Map<string, string>()
  for (const volume of service.volumes ?? []) {
    const [source, target] = typeof volume === 'string' ? volume.split(':') : [volume.source, volume.target]
    if (source === undefined || target === undefined) continue
    if (source.startsWith('/')) {
      mounts.set(target, join(ROOT, relative(projectDir, source)))
      continue
    }
    let dir = volumeDirs.get(source)
    if (dir === undefined) {
      dir = await makeTempDir(`compose-volume-${source}-`)
      volumeDirs.set(source, dir)
    }
    mounts.set(target, dir)
  }
  return mounts
}

/** An image path under one of `mounts`' targets, or under the WORKDIR (this checkout), made local. */
function localPath(value: string, mounts: Map<string, string>, workdir: string): string {
  if (!value.startsWith('/')) return value
  for (const [target, dir] of mounts) if (value === target || value.startsWith(`${target}/`)) return join(dir, value.slice(target.length))
  if (value === workdir || value.startsWith(`${workdir}/`)) return join(ROOT, posix.relative(workdir, value))
  return value
}

/** A started nginx: its address, its access log (which upstream served which update) and its stop. */
interface Nginx {
  url: string
  /** The update id of each request and the replica address that answered it (the last one tried). */
  servedBy(): Promise<Map<number, string>>
  stop(): Promise<void>
}

/**
 * Runs Debian's nginx with `site` as the image's `conf.d/default.conf`, under a main file like the
 * image's `/etc/nginx/nginx.conf` but unprivileged: prefix, pid, logs and temporary files in `dir`.
 * The access log records each request's upstream and body, to see the round robin at work.
 */
async function startNginx(nginx: string, site: string, port: number): Promise<Nginx> {
  const dir = await makeTempDir('compose-nginx-')
  // Run as root (CI), nginx itself runs as `nobody` (Debian's 65534), owning its folder: no process of it is privileged.
  const user = process.getuid?.() === 0 ? { uid: 65_534, gid: 65_534 } : {}
  await writeFile(join(dir, 'default.conf'), site)
  await writeFile(
    join(dir, 'nginx.conf'),
    `# Stands in for the nginx image's /etc/nginx/nginx.conf, with every path in ${dir}.
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 512; }
http {
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  log_format upstreams escape=json '{"upstream":"$upstream_addr","status":"$status","body":"$request_body"}';
  access_log ${dir}/access.log upstreams;
  include ${dir}/default.conf;
}
`,
  )
  if (user.uid !== undefined) await chown(dir, user.uid, user.gid)
  const args = ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')]
  const test = spawnSync(nginx, [...args, '-t'], { encoding: 'utf8', ...user })
  if (test.status !== 0) throw new RunFailure(`nginx -t refused the configuration:\n${test.stderr}\n--- default.conf:\n${site}`)
  const child: ChildProcess = spawn(nginx, args, { stdio: ['ignore', 'ignore', 'pipe'], ...user })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const deadline = performance.now() + 10_000
  while (!(await accepts(port))) {
    if (child.exitCode !== null || performance.now() > deadline) {
      throw new RunFailure(`nginx did not listen on ${port}: ${stderr}${await readFile(join(dir, 'error.log'), 'utf8').catch(() => '')}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return {
    url: `http://127.0.0.1:${port}`,
    async servedBy() {
      const served = new Map<number, string>()
      for (const line of (await readFile(join(dir, 'access.log'), 'utf8')).split('\n')) {
        if (line === '') continue
        const entry = JSON.parse(line) as { upstream: string; status: string; body: string }
        if (entry.status !== '200') continue
        served.set((JSON.parse(entry.body) as { update_id: number }).update_id, entry.upstream.split(', ').at(-1)!)
      }
      return served
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        // TERM: nginx's fast shutdown, master and workers.
        child.kill('SIGTERM')
      }),
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

/** The operator's `.env`, pointing the tokens and API roots at the fakes (variables from `.env.example`). */
function operatorEnv(api: FakeTelegramApi, discord: FakeDiscord): string {
  return Object.entries({
    TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
    TELEGRAM_WEBHOOK_URL: WEBHOOK_URL,
    TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
    TELEGRAM_API_ROOT: api.apiRoot,
    DISCORD_TOKEN,
    DISCORD_APP_ID: discord.appId,
    DISCORD_REST_API: discord.restApi,
  })
    .map(([name, value]) => `${name}=${value}`)
    .join('\n')
}

/** The started services; filled as they start, so a failure half-way still stops those started. */
interface Topology {
  redis?: TestRedis
  bots: Map<string, { app: AppProcess; env: Record<string, string> }>
  nginx?: Nginx
}

/** Starts every service in `depends_on` order into `topology`: Redis, then the bots at once, then nginx. */
async function startTopology(services: Record<string, ComposeService>, projectDir: string, nginxBinary: string, map: LocalMap, topology: Topology): Promise<void> {
  const expected = ['redis', 'telegram-1', 'telegram-2', 'discord', 'proxy']
  if (Object.keys(services).sort().join() !== [...expected].sort().join()) {
    throw new RunFailure(`compose.yaml's services are ${Object.keys(services).join(', ')}; this script starts ${expected.join(', ')}: teach it the new ones`)
  }
  const image = runtimeStage(parseDockerfile(await readFile(join(ROOT, 'Dockerfile'), 'utf8')))
  if (image.cmd.join(' ') !== APP_CMD.join(' ')) throw new RunFailure(`the image's CMD is ${JSON.stringify(image.cmd)}; this script runs ${JSON.stringify(APP_CMD)}: teach it the new one`)
  // One after the other: services mounting the same named volume must get the same folder.
  const volumeDirs = new Map<string, string>()
  const mounts = new Map<string, Map<string, string>>()
  for (const [name, service] of Object.entries(services)) mounts.set(name, await volumesOf(service, volumeDirs, projectDir))

  const redisService = services.redis!
  // The redis image's WORKDIR is /data, where its append-only file goes.
  const redis = await startTestRedis({ command: redisService.command, dir: mounts.get('redis')!.get('/data') })
  topology.redis = redis
  map.ports.set('redis:6379', redis.port)
  map.changes.push(`redis:6379 → 127.0.0.1:${redis.port} (the command as compose gives it, plus --port, --bind 127.0.0.1, --dir <the redis-data volume>)`)

  // Docker fills an empty named volume with the image's files at its mount point: the snapshot
  // volume starts with the snapshot the Dockerfile's build step wrote. The same step makes it here.
  const snapshotDir = image.env.SNAPSHOT_DIR === undefined ? undefined : mounts.get('telegram-1')!.get(image.env.SNAPSHOT_DIR)
  if (snapshotDir !== undefined) {
    const build = await startApp({ PORT: '0', LOG_LEVEL: 'error', CORPUS_DIR: join(ROOT, 'corpus'), SNAPSHOT_DIR: snapshotDir })
    const { code } = await build.exited
    if (code !== 0) throw new RunFailure(`the image's build step (the app with no token and no input) exited with ${code}:\n${build.stderr().slice(-2000)}`)
    map.changes.push(`the snapshots volume seeded as the image's ${image.env.SNAPSHOT_DIR} is (the Dockerfile's build step)`)
  }

  const { bots } = topology
  const envs = new Map<string, Record<string, string>>()
  await Promise.all(
    ['telegram-1', 'telegram-2', 'discord'].map(async (name) => {
      const service = services[name]!
      if (service.build === undefined) throw new RunFailure(`${name} is not built from the Dockerfile`)
      const env: Record<string, string> = {}
      for (const [variable, value] of Object.entries({ ...image.env, ...service.environment })) {
        if (value === null) continue
        if (/(^|_)PORT$/.test(variable)) env[variable] = String(await map.port(name, value))
        else env[variable] = localPath(map.address(value, `${name}'s ${variable}`), mounts.get(name)!, image.workdir)
      }
      envs.set(name, env)
    }),
  )
  say(`starting ${[...envs.keys()].join(', ')}; waiting for each /readyz (load average ${loadavg()[0]!.toFixed(1)})`)
  await Promise.all(
    [...envs].map(async ([name, env]) => {
      // As Docker's restart policy does, a process that exits is started again (at most twice here).
      for (let restarts = 0; ; restarts++) {
        const app = await startApp(env)
        bots.set(name, { app, env })
        try {
          await waitUntilReady(app, Number(env.PORT), READY_TIMEOUT_MS)
          return
        } catch (error) {
          const exited = app.child.exitCode !== null || app.child.signalCode !== null
          if (!exited || restarts === 2 || !['always', 'unless-stopped', 'on-failure'].includes(services[name]!.restart ?? 'no')) throw error
          const reason = app.stderr().trim().split('\n').at(-1)
          map.changes.push(`${name} restarted by its restart policy (${services[name]!.restart}) after it exited: ${reason}`)
          say(`${name} exited before it was ready (${reason}): restarting it, as its restart policy says`)
        }
      }
    }),
  )

  const proxy = services.proxy!
  const siteFile = mounts.get('proxy')!.get('/etc/nginx/conf.d/default.conf')
  if (siteFile === undefined) throw new RunFailure('the proxy mounts no /etc/nginx/conf.d/default.conf')
  let site = await readFile(siteFile, 'utf8')
  for (const [, host, port] of site.matchAll(/^\s*server\s+([\w.-]+):(\d+)/gm)) {
    const local = map.ports.get(`${host}:${port}`)
    if (local === undefined) throw new RunFailure(`${relative(ROOT, siteFile)} sends to ${host}:${port}, where no service listens`)
    site = site.replace(`${host}:${port}`, `127.0.0.1:${local}`)
  }
  const published = (proxy.ports ?? []).map((entry) => String(typeof entry === 'string' ? entry.split(':').at(-1) : entry.target))
  let listenPort: number | undefined
  for (const [whole, port] of site.matchAll(/listen\s+(\d+)\s*;/g)) {
    if (!published.includes(port!)) throw new RunFailure(`nginx listens on ${port}, which the proxy service does not publish (${published.join(', ') || 'none'})`)
    listenPort = await map.port('proxy', port!)
    site = site.replace(whole, `listen 127.0.0.1:${listenPort};`)
  }
  if (listenPort === undefined) throw new RunFailure(`${relative(ROOT, siteFile)} has no listen directive with a port`)
  topology.nginx = await startNginx(nginxBinary, site, listenPort)
  say(`nginx running ${relative(ROOT, siteFile)} on ${topology.nginx.url}`)
}

/** Questions and presses through nginx, one replica killed half-way; throws on any lost or doubled answer. */
async function driveTelegram(api: FakeTelegramApi, topology: Topology, nginx: Nginx): Promise<string> {
  const replicas: Replica[] = ['telegram-1', 'telegram-2'].map((name) => {
    const { app, env } = topology.bots.get(name)!
    return { app, port: Number(env.PORT), webhookPort: Number(env.TELEGRAM_WEBHOOK_PORT) }
  })
  const users = 20
  const asks = Array.from({ length: users * 4 }, (_, i) => ({ user: 50_000 + (i % users), question: QUESTIONS[i % QUESTIONS.length]! }))
  const run = await driveLoad(api, { url: nginx.url, servedBy: new Map() }, replicas, asks, {
    concurrency: 8,
    pressEvery: 3,
    pressThroughProxy: true,
    kill: { replica: replicas[1]!, atIndex: asks.length / 2 },
  })
  const outcome = outcomeOf(api, run)
  const servedBy = await nginx.servedBy()
  const replicaOf = (updateId: number) => servedBy.get(updateId)
  const questionsPerReplica = replicas.map((replica) => run.updates.filter((update) => replicaOf(update.update_id) === `127.0.0.1:${replica.webhookPort}`).length)
  // The question each pressed answer replied to.
  const replies = repliesByMessage(api)
  const questionOf = new Map(run.updates.flatMap((update) => (replies.to(update.message!) ?? []).map((answer) => [`${answer.chat.id}:${answer.message_id}`, update.update_id] as const)))
  const pressesElsewhere = run.presses.filter(({ update, answer }) => {
    const question = questionOf.get(`${answer.chat.id}:${answer.message_id}`)
    const pressedOn = replicaOf(update.update_id)
    return question !== undefined && pressedOn !== undefined && pressedOn !== replicaOf(question)
  }).length

  const problems: string[] = []
  if (outcome.unanswered.length > 0) problems.push(`${outcome.unanswered.length} questions never answered`)
  if (outcome.answeredTooOften.length > 0) problems.push(`${outcome.answeredTooOften.length} questions answered more than once without being delivered again`)
  // Replicas answer inside the webhook's response (adapters/telegram/webhook-reply.ts): a copy delivered again was never answered.
  if (outcome.answeredTwiceAfterRedelivery.length > 0) problems.push(`${outcome.answeredTwiceAfterRedelivery.length} questions delivered again were answered twice`)
  if (outcome.pressesServedTwice > 0) problems.push(`${outcome.pressesServedTwice} presses delivered again were served twice`)
  if (outcome.presses < 5) problems.push(`only ${outcome.presses} presses were made`)
  if (outcome.pressesServed !== outcome.presses) problems.push(`${outcome.presses - outcome.pressesServed} of ${outcome.presses} presses got no page`)
  if (outcome.pressNotices.size > 0) problems.push(`presses told: ${[...new Set(outcome.pressNotices.values())].join(' | ')}`)
  if (questionsPerReplica.some((count) => count === 0)) problems.push(`nginx did not spread the questions: ${questionsPerReplica.join(' and ')}`)
  if (pressesElsewhere === 0) problems.push('no press was served by a replica other than the one that answered its question')
  if (problems.length > 0) throw new RunFailure(`Telegram through nginx:\n- ${problems.join('\n- ')}`)
  return (
    `Telegram through nginx: ${outcome.questions} questions from ${users} people, ${outcome.answeredOnce} answered exactly once, ` +
    `none unanswered; replicas answered ${questionsPerReplica.join(' and ')}; telegram-2 SIGKILLed half-way, ${run.deliveredAgain.size} updates delivered again, ` +
    `none of them answered twice; ` +
    `${outcome.presses} presses all served once, ${pressesElsewhere} of them on the other replica than their answer's, none told "ask again"`
  )
}

/** An interaction in each guild, answered by the manager's shard processes; and /healthz lists them. */
async function driveDiscord(discord: FakeDiscord, topology: Topology): Promise<string> {
  const answers = await Promise.all(
    discord.guilds.map(async (guild, index) => {
      const interaction = discord.chatInput('ask', { question: 'How long did the negotiations last?' }, discord.user(60 + index), { guild })
      discord.dispatchInteraction(interaction)
      const [, edit] = await discord.waitForResponses(interaction.id, 2, 30_000)
      return JSON.stringify(edit?.body ?? '')
    }),
  )
  const unanswered = answers.filter((answer) => !answer.includes('hours')).length
  if (unanswered > 0) throw new RunFailure(`Discord: ${unanswered} of ${answers.length} guilds got no answer with the talks' hours: ${answers.join(' | ').slice(0, 500)}`)
  const { env } = topology.bots.get('discord')!
  const health = JSON.parse((await getHealth(Number(env.PORT), '/healthz')).body || '{}') as { processes?: { shardIds: number[]; alive: boolean }[] }
  const processes = health.processes ?? []
  if (processes.length !== Number(env.DISCORD_SHARD_PROCESSES) || !processes.every((child) => child.alive)) {
    throw new RunFailure(`Discord: /healthz lists ${JSON.stringify(processes)}, not ${env.DISCORD_SHARD_PROCESSES} live shard processes`)
  }
  return `Discord (DISCORD_SHARDS=${env.DISCORD_SHARDS}, ${processes.length} processes with shards ${processes.map((child) => `[${child.shardIds.join(',')}]`).join(' ')}): ${answers.length} of ${answers.length} guilds answered`
}

async function main(): Promise<void> {
  const nginxBinary = findNginx()
  const compose = findCompose()
  if (nginxBinary === undefined || compose === undefined) {
    const missing = `${nginxBinary === undefined ? 'nginx' : 'docker-compose'} is not installed (Debian: apt-get install -y nginx docker-compose; .ci/run installs both)`
    // CI passes --require: there the run must happen, not be skipped.
    say(process.argv.includes('--require') ? `FAIL: ${missing}` : `SKIP: ${missing}`)
    if (process.argv.includes('--require')) process.exitCode = 1
    return
  }
  const startedAt = performance.now()
  const api = await startFakeTelegramApi()
  // Two guilds; the fake recommends one shard, as Discord does for a new bot.
  const discord = await startFakeDiscord({ guildCount: 2 })
  const topology: Topology = { bots: new Map() }
  let projectDir: string | undefined
  try {
    const resolved = await resolveCompose(compose, operatorEnv(api, discord))
    if (!resolved.ok) throw new RunFailure(resolved.message)
    projectDir = resolved.dir
    const map = new LocalMap(new Set(Object.keys(resolved.services)))
    await startTopology(resolved.services, resolved.dir, nginxBinary, map, topology)
    say(`outside containers: ${map.changes.join('; ')}; image paths under /app → this checkout, named volumes → temporary folders`)
    const lines = [await driveDiscord(discord, topology), await driveTelegram(api, topology, topology.nginx!)]
    for (const line of lines) say(line)
    say(`PASS in ${Math.round((performance.now() - startedAt) / 1000)} s (load average ${loadavg()[0]!.toFixed(1)})`)
  } catch (error) {
    say(`FAIL: ${error instanceof Error ? error.message : String(error)}`)
    for (const [name, { app }] of topology.bots) say(`--- ${name}, last output:\n${app.stdout().slice(-1500)}${app.stderr().slice(-1500)}`)
    process.exitCode = 1
  } finally {
    await topology.nginx?.stop()
    await stopAllApps()
    await topology.redis?.stop()
    await api.stop()
    await discord.close()
    if (projectDir !== undefined) await rm(projectDir, { recursive: true, force: true })
  }
}

await main()
