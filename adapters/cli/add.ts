import { z } from 'zod'
import { createArticleAdder } from '../articles/add-article.js'
import { articlesEnvShape, toArticleSettings } from '../articles/config.js'
import { createPageFetcher } from '../articles/fetch-page.js'
import { createStoreLocks, type Locks } from '../articles/locks.js'
import { createLogger } from '../logger.js'
import { storeEnvShape, toStoreSettings } from '../store/config.js'
import type { KeyValueStore } from '../store/store.js'
import { corpusDirFrom, EXIT, parseCliArgs, runCli } from './args.js'

const envSchema = z.object({ ...articlesEnvShape, ...storeEnvShape })

const USAGE = `Usage: npm run add -- URL [--corpus DIR]
  Fetches the article at URL and writes it into the corpus folder (default: CORPUS_DIR, else the
  bundled corpus). The same article added again is recognised; a changed one is updated in place.
  A running bot picks the file up on its next reload (SIGHUP, or CORPUS_WATCH=1).
  FETCH_ALLOW_HOSTS: comma-separated hosts allowed even when they are private or loopback.
  REDIS_URL: when set, writers of the corpus (this command, bots, replicas) take turns through a
  lock in Redis; otherwise through a lock file in the corpus folder.`

runCli(async () => {
  const { values, positionals } = parseCliArgs({ corpus: { type: 'string' } }, USAGE)
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return EXIT.ok
  }
  if (positionals.length !== 1) {
    process.stderr.write(`${USAGE}\n`)
    return EXIT.invalid
  }
  const env = envSchema.safeParse(process.env)
  if (!env.success) {
    process.stderr.write(`Configuration error:\n${z.prettifyError(env.error)}\n`)
    return EXIT.invalid
  }
  const settings = toArticleSettings(env.data)
  const storeSettings = toStoreSettings(env.data)
  let store: KeyValueStore | undefined
  let locks: Locks | undefined
  if (storeSettings) {
    const { createRedisStore } = await import('../store/redis.js')
    store = await createRedisStore({ ...storeSettings, logger: createLogger({ level: 'warn', fd: 2 }) })
    // Unreachable, the Redis lock would only be this process's own: the lock file still orders writers on this machine.
    if (store.health() === 'ok') locks = createStoreLocks(store)
    else process.stderr.write('warning: Redis at REDIS_URL is unreachable: taking turns with other writers through the lock file in the corpus folder instead\n')
  }
  const add = createArticleAdder({ corpusDir: corpusDirFrom(values.corpus), fetchPage: createPageFetcher({ allowHosts: settings.allowHosts }), ...(locks ? { locks } : {}) })
  const outcome = await add(positionals[0] ?? '').finally(() => store?.close())
  if (outcome.kind === 'refused') {
    process.stderr.write(`Not added: ${outcome.message}\n`)
    return EXIT.failure
  }
  const verb = { added: 'added', updated: 'updated', unchanged: 'already there, unchanged' }[outcome.kind]
  process.stdout.write(`${verb}: ${outcome.title}${outcome.outlet ? ` (${outcome.outlet})` : ''} → ${outcome.file}\n`)
  for (const note of outcome.notes) process.stdout.write(`note: ${note}\n`)
  return EXIT.ok
})
