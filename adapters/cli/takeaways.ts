import { buildEngineFromDir } from '../build-engine.js'
import { corpusDirFrom, EXIT, parseCliArgs, runCli } from './args.js'
import { ANSI_STYLE, PLAIN_STYLE, renderTakeaways } from './format-text.js'

const USAGE = `Usage: npm run takeaways -- [--json] [--source ID] [--topic WORDS] [--limit N] [--corpus DIR]
  Prints the main points across the corpus, each a verbatim quote with its source and how many
  sources carry it, most-carried first; contested points are marked.
  --json          one JSON object { takeaways: [{ text, source, supportedBy, contested, disagreementTopic? }] }
  --source ID     only this article's points (support still counts the other sources)
  --topic WORDS   only points about these words ("sanctions")
  --limit N       most points (default 7)
  --corpus DIR    another corpus folder (default: CORPUS_DIR, else the bundled corpus)`

runCli(async () => {
  const { values, positionals } = parseCliArgs(
    { json: { type: 'boolean' }, source: { type: 'string' }, topic: { type: 'string' }, limit: { type: 'string' }, corpus: { type: 'string' } },
    USAGE,
  )
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return EXIT.ok
  }
  if (positionals.length > 0) {
    process.stderr.write(`takeaways takes no arguments, only flags; for a topic use --topic "${positionals.join(' ')}"\n\n${USAGE}\n`)
    return EXIT.failure
  }
  const limit = values.limit === undefined ? undefined : Number(values.limit)
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 20)) {
    process.stderr.write(`--limit must be a whole number from 1 to 20, not "${values.limit}"\n`)
    return EXIT.failure
  }
  const { engine } = await buildEngineFromDir(corpusDirFrom(values.corpus))
  const takeaways = engine.takeaways({
    ...(values.source === undefined ? {} : { sourceId: values.source }),
    ...(values.topic === undefined ? {} : { topic: values.topic }),
    ...(limit === undefined ? {} : { limit }),
  })
  if (values.json) {
    const json = takeaways.map(({ text, source, passageId, supportedBy, contested, disagreementTopic }) => ({
      text,
      source: source.id,
      supportedBy,
      contested,
      ...(disagreementTopic === undefined ? {} : { disagreementTopic }),
      passageId,
    }))
    process.stdout.write(`${JSON.stringify({ takeaways: json })}\n`)
    return EXIT.ok
  }
  if (takeaways.length === 0 && values.topic !== undefined) {
    process.stdout.write(`No takeaways about "${values.topic}". Try a broader word, or drop --topic.\n`)
    return EXIT.ok
  }
  const style = process.stdout.isTTY ? ANSI_STYLE : PLAIN_STYLE
  process.stdout.write(`${renderTakeaways(takeaways, engine.sources().length, style)}\n`)
  return EXIT.ok
})
