import { buildEngineFromDir } from '../build-engine.js'
import { corpusDirFrom, EXIT, parseCliArgs, runCli } from './args.js'
import { renderSources } from './format-text.js'

const USAGE = `Usage: npm run sources -- [--json] [--corpus DIR]
  Lists the corpus: each article's metadata and passage count.`

runCli(async () => {
  const { values } = parseCliArgs({ json: { type: 'boolean' }, corpus: { type: 'string' } }, USAGE)
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return EXIT.ok
  }
  const { engine } = await buildEngineFromDir(corpusDirFrom(values.corpus))
  const sources = engine.sources()
  process.stdout.write(
    values.json
      ? `${JSON.stringify({ sources: sources.map(({ source, passages, characters }) => ({ ...source, passages, characters })) })}\n`
      : `${renderSources(sources)}\n`,
  )
  return EXIT.ok
})
