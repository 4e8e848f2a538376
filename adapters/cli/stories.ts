import { buildEngineFromDir } from '../build-engine.js'
import { corpusDirFrom, EXIT, helpOrStrayArgument, parseCliArgs, runCli } from './args.js'
import { renderStories } from './format-text.js'

const USAGE = `Usage: npm run stories -- [--json] [--corpus DIR]
  Lists the stories (events and their coverage) the corpus holds, largest first: each with its id
  (for --story in takeaways and disagreements), its label and its sources.
  --json         one JSON object { "stories": [{ id, label, sources: [ids], published?: { from, to } }] }
  --corpus DIR   another corpus folder (default: CORPUS_DIR, else the bundled corpus)
Exit codes: 0 listed, 1 corpus or usage error.`

runCli(async () => {
  const { values, positionals } = parseCliArgs({ json: { type: 'boolean' }, corpus: { type: 'string' } }, USAGE)
  const stop = helpOrStrayArgument(values.help, positionals, USAGE)
  if (stop !== undefined) return stop
  const { engine } = await buildEngineFromDir(corpusDirFrom(values.corpus))
  const stories = engine.stories()
  if (values.json) {
    const json = stories.map(({ id, label, sources, published }) => ({ id, label, sources, ...(published ? { published } : {}) }))
    process.stdout.write(`${JSON.stringify({ stories: json })}\n`)
    return EXIT.ok
  }
  process.stdout.write(`${renderStories(stories)}\n`)
  return EXIT.ok
})
