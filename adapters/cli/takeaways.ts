import { buildEngineFromDir } from '../build-engine.js'
import { corpusDirFrom, EXIT, parseCliArgs, runCli } from './args.js'
import type { Takeaway } from '../../src/index.js'
import { ANSI_STYLE, PLAIN_STYLE, renderTakeaways } from './format-text.js'

const USAGE = `Usage: npm run takeaways -- [--json] [--story ID] [--source ID] [--topic WORDS] [--limit N] [--corpus DIR]
  Prints the main points across the corpus, each a verbatim quote with its source and how many
  sources carry it, most-carried first; contested points are marked. A corpus of several stories
  lists each story's points under its label, largest story first.
  --json          one JSON object { takeaways: [{ text, source, supportedBy, contested, disagreementTopic?, passageId,
                  sides?: [{ value, sources }] }] } (sides: each value of a contested point, its own first);
                  with several stories and no --story, also stories: [{ id, label, takeaways: [...] }]
  --story ID      only this story's points (ids from npm run stories)
  --source ID     only this article's points (support still counts the other sources)
  --topic WORDS   only points about these words ("sanctions")
  --limit N       most points (default 7)
  --corpus DIR    another corpus folder (default: CORPUS_DIR, else the bundled corpus)`

runCli(async () => {
  const { values, positionals } = parseCliArgs(
    { json: { type: 'boolean' }, story: { type: 'string' }, source: { type: 'string' }, topic: { type: 'string' }, limit: { type: 'string' }, corpus: { type: 'string' } },
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
  const options = {
    ...(values.source === undefined ? {} : { sourceId: values.source }),
    ...(values.topic === undefined ? {} : { topic: values.topic }),
    ...(limit === undefined ? {} : { limit }),
  }
  const stories = engine.stories()
  // Several stories and none chosen: each story's points under its label, so events never mix.
  const grouped = values.story === undefined && stories.length > 1
  const takeaways = engine.takeaways({ ...options, ...(values.story === undefined ? {} : { storyId: values.story }) })
  const perStory = grouped ? stories.map((story) => ({ story, takeaways: engine.takeaways({ ...options, storyId: story.id }) })).filter((group) => group.takeaways.length > 0) : []
  if (values.json) {
    const toJson = (list: Takeaway[]) =>
      list.map(({ text, source, passageId, supportedBy, contested, disagreementTopic, sides }) => ({
        text,
        source: source.id,
        supportedBy,
        contested,
        ...(disagreementTopic === undefined ? {} : { disagreementTopic }),
        passageId,
        ...(sides === undefined ? {} : { sides: sides.map((side) => ({ value: side.value, sources: side.sources.map((known) => known.id) })) }),
      }))
    const storiesJson = perStory.map(({ story, takeaways: list }) => ({ id: story.id, label: story.label, takeaways: toJson(list) }))
    process.stdout.write(`${JSON.stringify({ takeaways: toJson(takeaways), ...(grouped ? { stories: storiesJson } : {}) })}\n`)
    return EXIT.ok
  }
  if (takeaways.length === 0 && values.topic !== undefined) {
    process.stdout.write(`No takeaways about "${values.topic}". Try a broader word, or drop --topic.\n`)
    return EXIT.ok
  }
  const style = process.stdout.isTTY ? ANSI_STYLE : PLAIN_STYLE
  if (grouped) {
    const text = perStory.map(({ story, takeaways: list }) => `${style.bold(story.label)} (story ${story.id})\n${renderTakeaways(list, story.sources.length, style)}`)
    process.stdout.write(`${text.join('\n\n')}\n`)
    return EXIT.ok
  }
  const total = values.story === undefined ? engine.sources().length : (stories.find((story) => story.id === values.story)?.sources.length ?? 0)
  process.stdout.write(`${renderTakeaways(takeaways, total, style)}\n`)
  return EXIT.ok
})
