import { spawnSync } from 'node:child_process'
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

/**
 * `compose.yaml` as Compose itself reads it, without a Docker engine: Debian's `docker-compose`
 * package (or the `docker compose` plugin when there is one) runs its `config`, which merges the
 * YAML anchors, the `env_file` and each service's `environment`, and fails on an unknown key, a
 * wrong type or a `depends_on` naming no service. Shared by `npm run compose:check` and
 * `npm run compose:run-local`.
 */

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** One service of the resolved file, as far as the scripts read it. */
export interface ComposeService {
  image?: string
  build?: { context: string }
  command?: string[]
  environment?: Record<string, string | null>
  volumes?: Array<string | { source?: string; target?: string }>
  ports?: Array<string | { published?: number | string; target?: number | string }>
  depends_on?: string[] | Record<string, unknown>
  restart?: string
}

/** The Compose command found here, or undefined. */
export function findCompose(): string[] | undefined {
  for (const command of [['docker', 'compose'], ['docker-compose']]) {
    const probe = spawnSync(command[0]!, [...command.slice(1), 'version'], { encoding: 'utf8' })
    if (probe.status === 0) return command
  }
  return undefined
}

/** What `config` made of the file: the services, or Compose's own complaint. */
export type ResolvedCompose = { ok: true; dir: string; services: Record<string, ComposeService> } | { ok: false; message: string }

/**
 * Resolves the project's `compose.yaml` with `compose config`, on a copy in a temporary folder
 * beside a `.env` holding `envFile` (the operator's file is never read). `dir` stands for the
 * project folder in relative paths of the result (bind mounts, build context); remove it when done.
 */
export async function resolveCompose(compose: readonly string[], envFile = ''): Promise<ResolvedCompose> {
  const dir = await mkdtemp(join(tmpdir(), 'compose-'))
  await cp(join(ROOT, 'compose.yaml'), join(dir, 'compose.yaml'))
  await writeFile(join(dir, '.env'), envFile)
  const run = spawnSync(compose[0]!, [...compose.slice(1), '--project-directory', dir, '-f', join(dir, 'compose.yaml'), 'config'], { encoding: 'utf8' })
  if (run.status !== 0) {
    await rm(dir, { recursive: true, force: true })
    return { ok: false, message: `${compose.join(' ')} config\n${run.stderr || run.stdout}` }
  }
  return { ok: true, dir, services: (parse(run.stdout) as { services: Record<string, ComposeService> }).services }
}
