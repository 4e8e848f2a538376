import { buildEngineFromDir } from '../build-engine.js'
import { corpusDirFrom, EXIT, helpOrStrayArgument, parseCliArgs, runCli } from './args.js'
import { ANSI_STYLE, PLAIN_STYLE, renderDisagreement } from './format-text.js'

const USAGE = `Usage: npm run disagreements -- [--json] [--story ID] [--corpus DIR]
  Lists every point on which the sources disagree, most sources involved first,
  each side a verbatim quote with its source. Sources only disagree within a story.
  --json         one JSON object: { "disagreements": [...] }
  --story ID     only this story's disagreements (ids from npm run stories)
  --corpus DIR   another corpus folder (default: CORPUS_DIR, else the bundled corpus)
Exit codes: 0 listed (even when there are none), 1 corpus or usage error.`

runCli(async () => {
  const { values, positionals } = parseCliArgs({ json: { type: 'boolean' }, story: { type: 'string' }, corpus: { type: 'string' } }, USAGE)
  const stop = helpOrStrayArgument(values.help, positionals, USAGE)
  if (stop !== undefined) return stop
  const { engine } = await buildEngineFromDir(corpusDirFrom(values.corpus))
  const disagreements = engine.disagreements(values.story === undefined ? {} : { storyId: values.story })
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ disagreements })}\n`)
    return EXIT.ok
  }
  const style = process.stdout.isTTY ? ANSI_STYLE : PLAIN_STYLE
  process.stdout.write(disagreements.length === 0 ? 'The sources do not contradict each other on anything I can check.\n' : `${disagreements.map((d) => renderDisagreement(d, style)).join('\n\n')}\n`)
  return EXIT.ok
})
