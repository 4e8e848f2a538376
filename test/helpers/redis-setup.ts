import { spawnSync } from 'node:child_process'
import { hasRedisServer } from './redis-server.js'

/**
 * Vitest `globalSetup`: the shared-state tests start a real `redis-server`. When it is missing and
 * we run as root with apt-get (CI, a container), install Debian's package; otherwise fail with the
 * command to run, rather than skipping those tests silently.
 */
export default function setup(): void {
  if (hasRedisServer()) return
  const isRoot = process.getuid?.() === 0
  const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0
  if (isRoot && hasApt) {
    process.stderr.write('redis-server is missing: installing Debian’s package (apt-get install -y redis-server) for the tests\n')
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
    const install = spawnSync('apt-get', ['install', '-y', '-qq', 'redis-server'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
    if (update.status === 0 && install.status === 0 && hasRedisServer()) return
  }
  throw new Error('The tests need redis-server on the PATH: install it (Debian/Ubuntu: sudo apt-get install -y redis-server; macOS: brew install redis), then run the tests again.')
}
