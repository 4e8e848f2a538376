/**
 * `npm run compose:check`: validates `compose.yaml` without a Docker engine.
 *
 * Runs Compose's own `config` (Debian's `docker-compose` package, or the `docker compose` plugin
 * when there is one): it reads the file as `docker compose up` would and fails on an unknown key, a
 * wrong type or a `depends_on` naming no service, and needs no daemon and no network. The file reads
 * the operator's `.env`, so it runs on a copy beside an empty one. Then it checks what Compose
 * cannot know: every server of `deploy/nginx.conf`'s upstream is a service of the file listening on
 * that port (`TELEGRAM_WEBHOOK_PORT`), and the snapshot volume sits where the image keeps its snapshot.
 *
 * Prints PASS, FAIL (exit 1) or SKIP (exit 0, when neither Compose is installed: `apt-get install
 * docker-compose` on Debian).
 */
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { findCompose, resolveCompose, ROOT, type ComposeService } from './helpers/compose.js'

/** What is wrong with the resolved file, beyond what Compose checks itself. */
async function problemsOf(services: Record<string, ComposeService>): Promise<string[]> {
  const problems: string[] = []
  const nginx = await readFile(join(ROOT, 'deploy', 'nginx.conf'), 'utf8')
  for (const [, host, port] of nginx.matchAll(/^\s*server\s+([\w.-]+):(\d+)/gm)) {
    const service = services[host!]
    if (!service) problems.push(`deploy/nginx.conf sends webhooks to ${host}, which compose.yaml does not define`)
    else if (service.environment?.TELEGRAM_WEBHOOK_PORT !== port) problems.push(`deploy/nginx.conf sends webhooks to ${host}:${port}, but its TELEGRAM_WEBHOOK_PORT is ${service.environment?.TELEGRAM_WEBHOOK_PORT ?? 'unset'}`)
  }
  const dockerfile = await readFile(join(ROOT, 'Dockerfile'), 'utf8')
  const snapshotDir = /SNAPSHOT_DIR=(\S+)/.exec(dockerfile)?.[1]
  for (const [name, service] of Object.entries(services)) {
    if (name === 'redis' || name === 'proxy') continue
    const targets = (service.volumes ?? []).map((volume) => (typeof volume === 'string' ? volume.split(':')[1] : volume.target))
    if (snapshotDir && !targets.includes(snapshotDir)) problems.push(`${name} does not share the snapshot folder ${snapshotDir} (the image's SNAPSHOT_DIR)`)
  }
  return problems
}

const compose = findCompose()
if (!compose) {
  console.log('SKIP: neither `docker compose` nor `docker-compose` is installed (Debian: apt-get install docker-compose)')
  process.exit(0)
}
const resolved = await resolveCompose(compose)
if (!resolved.ok) {
  console.log(`FAIL: ${resolved.message}`)
  process.exitCode = 1
} else {
  try {
    const problems = await problemsOf(resolved.services)
    console.log(problems.length === 0 ? `PASS: ${compose.join(' ')} config, nginx upstreams and the snapshot volume` : `FAIL:\n${problems.map((problem) => `- ${problem}`).join('\n')}`)
    if (problems.length > 0) process.exitCode = 1
  } finally {
    await rm(resolved.dir, { recursive: true, force: true })
  }
}
