import { buildEngineFromDir } from '../build-engine.js'
import { corpusDirFrom, EXIT, forEachStdinLine, parseCliArgs, runCli } from './args.js'

const USAGE = `Usage: npm run search -- [--json] [--limit N] [--corpus DIR] "query"
  Prints the ranked passages (id, source id, score, text), best first: the raw retrieval under ask.
  --json         one JSON object { results: [{ passageId, sourceId, score, text }] }; with no query
                 argument, reads one query per line from stdin and prints one object per line
  --limit N      most passages (default 10)
  --corpus DIR   another corpus folder (default: CORPUS_DIR, else the bundled corpus)`

runCli(async () => {
  const { values, positionals } = parseCliArgs({ json: { type: 'boolean' }, limit: { type: 'string' }, corpus: { type: 'string' } }, USAGE)
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return EXIT.ok
  }
  const limit = values.limit === undefined ? 10 : Number(values.limit)
  if (!Number.isInteger(limit) || limit < 1) {
    process.stderr.write(`--limit must be a whole number of at least 1, not "${values.limit}"\n`)
    return EXIT.failure
  }
  const { engine } = await buildEngineFromDir(corpusDirFrom(values.corpus))
  const print = (query: string) => {
    const results = engine.search(query, { limit })
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ results })}\n`)
      return
    }
    if (results.length === 0) process.stdout.write('No passage matches.\n')
    for (const result of results) process.stdout.write(`${result.passageId}  ${result.sourceId}  ${result.score.toFixed(3)}\n  ${result.text.replace(/\s+/g, ' ')}\n\n`)
  }
  if (positionals.length === 0) {
    if (!values.json && process.stdin.isTTY) {
      process.stderr.write(`${USAGE}\n`)
      return EXIT.failure
    }
    await forEachStdinLine(print)
    return EXIT.ok
  }
  print(positionals.join(' '))
  return EXIT.ok
})
