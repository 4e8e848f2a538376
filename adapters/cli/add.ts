import { z } from 'zod'
import { createArticleAdder } from '../articles/add-article.js'
import { articlesEnvSchema, toArticleSettings } from '../articles/config.js'
import { createPageFetcher } from '../articles/fetch-page.js'
import { corpusDirFrom, EXIT, parseCliArgs, runCli } from './args.js'

const USAGE = `Usage: npm run add -- URL [--corpus DIR]
  Fetches the article at URL and writes it into the corpus folder (default: CORPUS_DIR, else the
  bundled corpus). The same article added again is recognised; a changed one is updated in place.
  A running bot picks the file up on its next reload (SIGHUP, or CORPUS_WATCH=1).
  FETCH_ALLOW_HOSTS: comma-separated hosts allowed even when they are private or loopback.`

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
  const env = articlesEnvSchema.safeParse(process.env)
  if (!env.success) {
    process.stderr.write(`Configuration error:\n${z.prettifyError(env.error)}\n`)
    return EXIT.invalid
  }
  const settings = toArticleSettings(env.data)
  const add = createArticleAdder({ corpusDir: corpusDirFrom(values.corpus), fetchPage: createPageFetcher({ allowHosts: settings.allowHosts }) })
  const outcome = await add(positionals[0] ?? '')
  if (outcome.kind === 'refused') {
    process.stderr.write(`Not added: ${outcome.message}\n`)
    return EXIT.failure
  }
  const verb = { added: 'added', updated: 'updated', unchanged: 'already there, unchanged' }[outcome.kind]
  process.stdout.write(`${verb}: ${outcome.title}${outcome.outlet ? ` (${outcome.outlet})` : ''} → ${outcome.file}\n`)
  for (const note of outcome.notes) process.stdout.write(`note: ${note}\n`)
  return EXIT.ok
})
