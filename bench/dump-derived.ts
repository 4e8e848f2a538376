import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { BUNDLED_CORPUS_DIR, buildEngineFromDir } from '../adapters/build-engine.js'
import { writeSnapshotFile } from '../adapters/snapshot-file.js'
import { loadWordNetSynsets } from '../adapters/wordnet.js'
import { engineToSnapshot } from '../src/index.js'

/**
 * `tsx bench/dump-derived.ts OUT [--corpus DIR]...`: what a build derives from a corpus, one JSON line
 * per corpus, to check that a change meant for build speed derives exactly the same: the stories,
 * every takeaway (corpus-wide and per story), the disagreements (corpus-wide and per story), the
 * example questions and a hash of the snapshot's bytes (which holds every takeaway candidate with
 * its score and restatements). Built through `buildEngineFromDir`, the path `npm start` takes, with
 * its default threads, over the bundled corpus, every `test/fixtures` corpus and each `--corpus`
 * folder. `bench/golden-ask.ts` covers the answers.
 */

const FIXTURES_DIR = fileURLToPath(new URL('../test/fixtures/', import.meta.url))

/** More takeaways than any corpus has: every one is listed. */
const ALL = 1_000_000

async function main(argv: string[]): Promise<void> {
  const out = argv[0]
  if (!out) throw new Error('usage: tsx bench/dump-derived.ts OUT [--corpus DIR]...')
  const extra = argv.flatMap((arg, i) => (argv[i - 1] === '--corpus' ? [arg] : []))
  const synsets = await loadWordNetSynsets()
  const fixtures = readdirSync(FIXTURES_DIR).filter((name) => readdirSync(join(FIXTURES_DIR, name)).some((file) => file.endsWith('.md'))).sort()
  const corpora: Array<[string, string]> = [['bundled', BUNDLED_CORPUS_DIR], ...fixtures.map((name): [string, string] => [name, join(FIXTURES_DIR, name)]), ...extra.map((dir): [string, string] => [dir, dir])]
  const scratch = mkdtempSync(join(tmpdir(), 'dump-derived-'))
  const lines: string[] = []
  try {
    for (const [name, dir] of corpora) {
      const startedAt = performance.now()
      const { engine } = await buildEngineFromDir(dir, { synsets }, { dir: false })
      const stories = engine.stories()
      const file = join(scratch, 'engine.snap')
      await writeSnapshotFile(file, engineToSnapshot(engine))
      lines.push(
        JSON.stringify({
          corpus: name,
          stories,
          takeaways: engine.takeaways({ limit: ALL }),
          storyTakeaways: stories.map((story) => engine.takeaways({ storyId: story.id, limit: ALL })),
          disagreements: engine.disagreements(),
          storyDisagreements: stories.map((story) => engine.disagreements({ storyId: story.id })),
          examples: engine.exampleQuestions(),
          snapshotSha256: createHash('sha256').update(readFileSync(file)).digest('hex'),
        }),
      )
      process.stdout.write(`${name}: ${((performance.now() - startedAt) / 1000).toFixed(1)} s\n`)
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
  writeFileSync(out, `${lines.join('\n')}\n`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exit(1)
  })
}
