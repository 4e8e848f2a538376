import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { BUNDLED_CORPUS_DIR } from '../adapters/build-engine.js'
import { loadCorpusDir } from '../adapters/load-corpus.js'
import { loadWordNetSynsets } from '../adapters/wordnet.js'
import { createEngine } from '../src/index.js'
import type { Disagreement } from '../src/types.js'

/**
 * `npm run bench:wide`: how many of the disagreements `ask` notes on the invented fixture corpora
 * the corpus-wide list (`engine.disagreements()`, which `/takeaways` marks contested) also lists.
 * Every fixture corpus of `test/fixtures` is asked its own JSON questions; an asked disagreement is
 * listed when a listed one has at least two of its values (lower-cased, spaces squeezed) from a
 * shared source. Also counts listed disagreements no asked question finds (to watch false alarms),
 * and the time of the first `disagreements()` call, median of 3 builds, on the bundled corpus and on
 * the largest multi-story fixture.
 */

const FIXTURES_DIR = fileURLToPath(new URL('../test/fixtures/', import.meta.url))

/** Every string under a `question` key, or in a string array under `agreements`, of a JSON value. */
function questionsIn(value: unknown, into: string[]): void {
  if (Array.isArray(value)) for (const item of value) questionsIn(item, into)
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'question' && typeof item === 'string') into.push(item)
      else if (key === 'agreements' && Array.isArray(item)) {
        for (const one of item) {
          if (typeof one === 'string') into.push(one)
          else questionsIn(one, into)
        }
      }
      else questionsIn(item, into)
    }
  }
}

/** A value as compared: lower-cased, spaces squeezed. */
function normaliseValue(value: string): string {
  return value.toLowerCase().replace(/\s+/g, ' ').trim()
}

/** True when `listed` holds two of `asked`'s values from a source they share. */
function coversDisagreement(listed: Disagreement, asked: Disagreement): boolean {
  const values = new Set(listed.claims.map((claim) => normaliseValue(claim.value)))
  const sources = new Set(listed.claims.map((claim) => claim.source.id))
  const shared = new Set(asked.claims.map((claim) => normaliseValue(claim.value)).filter((value) => values.has(value)))
  return shared.size >= 2 && asked.claims.some((claim) => sources.has(claim.source.id))
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

async function main(argv: string[]): Promise<void> {
  const verbose = argv.includes('--misses')
  const synsets = await loadWordNetSynsets()
  const fixtures = readdirSync(FIXTURES_DIR).filter((name) => readdirSync(join(FIXTURES_DIR, name)).some((file) => file.endsWith('.md'))).sort()
  let asked = 0
  let listed = 0
  let listedTotal = 0
  let unasked = 0
  for (const name of fixtures) {
    const questions: string[] = []
    for (const file of readdirSync(join(FIXTURES_DIR, name)).filter((entry) => entry.endsWith('.json')).sort()) questionsIn(JSON.parse(readFileSync(join(FIXTURES_DIR, name, file), 'utf8')), questions)
    const engine = createEngine(await loadCorpusDir(join(FIXTURES_DIR, name)), { synsets })
    const list = engine.disagreements()
    const found: Disagreement[] = []
    for (const question of new Set(questions)) {
      for (const disagreement of engine.ask(question).disagreements) {
        if (found.some((other) => coversDisagreement(other, disagreement))) continue
        found.push(disagreement)
        asked++
        if (list.some((one) => coversDisagreement(one, disagreement))) listed++
        else if (verbose) process.stdout.write(`MISS ${name}: ${question} → ${disagreement.topic}: ${disagreement.claims.map((claim) => claim.value).join(' | ')}\n`)
      }
    }
    listedTotal += list.length
    for (const one of list) {
      if (!found.some((disagreement) => coversDisagreement(one, disagreement))) {
        unasked++
        if (verbose) process.stdout.write(`UNASKED ${name}: ${one.topic}: ${one.claims.map((claim) => claim.value).join(' | ')}\n`)
      }
    }
  }
  process.stdout.write(`asked disagreements listed: ${listed}/${asked}; listed found by no question: ${unasked}/${listedTotal} (${fixtures.length} fixture corpora)\n`)
  const largest = fixtures.map((name) => ({ name, files: readdirSync(join(FIXTURES_DIR, name)).filter((file) => file.endsWith('.md')).length })).sort((a, b) => b.files - a.files)[0]!.name
  for (const [name, dir] of [['bundled', BUNDLED_CORPUS_DIR], [largest, join(FIXTURES_DIR, largest)]] as const) {
    const documents = await loadCorpusDir(dir)
    const times: number[] = []
    for (let run = 0; run < 3; run++) {
      const engine = createEngine(documents, { synsets })
      const startedAt = performance.now()
      engine.disagreements()
      times.push(performance.now() - startedAt)
    }
    process.stdout.write(`first disagreements() on ${name}: median ${median(times).toFixed(0)} ms\n`)
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exit(1)
  })
}
