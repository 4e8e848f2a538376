import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { BUNDLED_CORPUS_DIR } from '../adapters/build-engine.js'
import { loadCorpusDir } from '../adapters/load-corpus.js'
import { loadWordNetSynsets } from '../adapters/wordnet.js'
import { createEngine, type Engine } from '../src/index.js'
import { BUNDLED_QUESTIONS } from '../test/core/bundled-questions.js'
import { FLIGHT_TRIAL_CONVERSATIONS } from '../test/core/conversation-flight-trial.js'
import { HELD_OUT_CONVERSATIONS } from '../test/core/conversation-held-out.js'
import { CONVERSATIONS, FORMER_HELD_OUT_CONVERSATIONS } from '../test/core/conversation-set.js'
import { UNSEEN_CONVERSATIONS } from '../test/core/conversation-unseen.js'
import { ZOO_SHIP_CONVERSATIONS } from '../test/core/conversation-zoo-ship.js'
import { PARAPHRASE_QUESTIONS } from '../test/core/paraphrase-questions.js'
import { loadSquad, SQUAD_DIR } from './squad.js'

/**
 * `tsx bench/golden-ask.ts OUT [--squad N]`: a golden file of `engine.ask` JSON, to check that a
 * change meant for speed answers every question exactly as before. Run it on two checkouts and
 * compare the files (their last line is a hash of the rest). Every corpus of `test/fixtures` and the
 * bundled corpus are asked every question of the test sets (bundled, paraphrase, conversation turns
 * read alone, the fixtures' own JSON question lists) plus a few malformed ones, in the same order;
 * the bundled questions also with `offset: 1` (the read-on); then every `N`th SQuAD dev question
 * (default 10, about 1,057) over the 48 SQuAD articles.
 */

const FIXTURES_DIR = fileURLToPath(new URL('../test/fixtures/', import.meta.url))

/** Inputs the bad-input sections of the issues name: each must give the same answer as before. */
const ODD_QUESTIONS = [
  'the of and a to',
  'Kestrel',
  '¿Cuánto duró la reunión?',
  'Сколько длились переговоры?',
  Array.from({ length: 200 }, () => 'talks').join(' '),
  'How long did the talks last? 🤝🔥 <b>bold</b> @everyone',
  '',
]

/** Every string under a `question` key in a JSON value. */
function questionsIn(value: unknown, into: string[]): void {
  if (Array.isArray(value)) for (const item of value) questionsIn(item, into)
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'question' && typeof item === 'string') into.push(item)
      else questionsIn(item, into)
    }
  }
}

function allQuestions(fixtures: string[]): string[] {
  const questions: string[] = [...BUNDLED_QUESTIONS.map((testCase) => testCase.question), ...PARAPHRASE_QUESTIONS.map((testCase) => testCase.question)]
  for (const set of [CONVERSATIONS, FORMER_HELD_OUT_CONVERSATIONS, HELD_OUT_CONVERSATIONS, UNSEEN_CONVERSATIONS, ZOO_SHIP_CONVERSATIONS, FLIGHT_TRIAL_CONVERSATIONS]) {
    for (const conversation of set) for (const turn of conversation.turns) questions.push(turn.question)
  }
  for (const name of fixtures) {
    for (const file of readdirSync(join(FIXTURES_DIR, name)).filter((entry) => entry.endsWith('.json')).sort()) {
      questionsIn(JSON.parse(readFileSync(join(FIXTURES_DIR, name, file), 'utf8')), questions)
    }
  }
  return [...new Set([...questions, ...ODD_QUESTIONS])]
}

function line(corpus: string, question: string, engine: Engine, offset?: number): string {
  let answer: unknown
  try {
    answer = engine.ask(question, offset === undefined ? {} : { offset })
  } catch (error) {
    answer = { threw: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }
  }
  return JSON.stringify({ corpus, question, offset, answer })
}

async function main(argv: string[]): Promise<void> {
  const out = argv[0]
  if (!out) throw new Error('usage: tsx bench/golden-ask.ts OUT [--squad N]')
  const squadAt = argv.indexOf('--squad')
  const squadEvery = squadAt >= 0 ? Number(argv[squadAt + 1]) : 10
  const synsets = await loadWordNetSynsets()
  const fixtures = readdirSync(FIXTURES_DIR).filter((name) => readdirSync(join(FIXTURES_DIR, name)).some((file) => file.endsWith('.md'))).sort()
  const questions = allQuestions(fixtures)
  const lines: string[] = []
  const startedAt = performance.now()
  const corpora: Array<[string, string]> = [['bundled', BUNDLED_CORPUS_DIR], ...fixtures.map((name): [string, string] => [name, join(FIXTURES_DIR, name)])]
  for (const [name, dir] of corpora) {
    const engine = createEngine(await loadCorpusDir(dir), { synsets })
    for (const question of questions) lines.push(line(name, question, engine))
    if (name === 'bundled') for (const testCase of BUNDLED_QUESTIONS) lines.push(line(name, testCase.question, engine, 1))
  }
  const fixturesMs = performance.now() - startedAt
  if (squadEvery > 0 && existsSync(SQUAD_DIR)) {
    const squad = await loadSquad()
    const engine = createEngine(squad.articles, { synsets })
    squad.questions.forEach((question, i) => {
      if (i % squadEvery === 0) lines.push(line('squad', question.question, engine))
    })
  }
  const hash = createHash('sha256').update(lines.join('\n')).digest('hex')
  writeFileSync(out, `${lines.join('\n')}\n${hash}\n`)
  process.stdout.write(`${lines.length} answers (${corpora.length} corpora × ${questions.length} questions, fixtures ${(fixturesMs / 1000).toFixed(1)} s), sha256 ${hash}\n`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exit(1)
  })
}
