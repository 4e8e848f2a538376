import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArticleFile, type ArticleInput, type Disagreement, type DisagreementKind } from '../../src/index.js'

/** A disagreement a fixture corpus must show: its kind, a word of its topic, and values each side states. */
export interface ExpectedDisagreement {
  kind: DisagreementKind
  topic: string
  values: string[]
}

/** A question on a fixture corpus and the topic word of the disagreement it must surface, or null for none. */
export interface FixtureQuestion {
  question: string
  expect: string | null
}

export interface DisagreementFixture {
  name: string
  articles: ArticleInput[]
  expected: ExpectedDisagreement[]
  questions: FixtureQuestion[]
}

const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url))

/** The invented corpora with labelled disagreements: every fixture folder holding a `questions.json` with `expected`. */
export function loadDisagreementFixtures(): DisagreementFixture[] {
  const fixtures: DisagreementFixture[] = []
  for (const name of readdirSync(FIXTURES_DIR).sort()) {
    const dir = join(FIXTURES_DIR, name)
    const labelsFile = join(dir, 'questions.json')
    if (!existsSync(labelsFile)) continue
    const labels = JSON.parse(readFileSync(labelsFile, 'utf8')) as { expected?: ExpectedDisagreement[]; questions?: FixtureQuestion[] }
    // Other fixture folders (for takeaways, for answers) carry no disagreement labels.
    if (!labels.expected) continue
    const articles = readdirSync(dir)
      .filter((file) => file.endsWith('.md'))
      .sort()
      .map((file) => parseArticleFile(join(dir, file), readFileSync(join(dir, file), 'utf8')))
    fixtures.push({ name, articles, expected: labels.expected, questions: labels.questions ?? [] })
  }
  return fixtures
}

/** True when `found` is the expected disagreement: same kind, the topic word, and every expected value among its claims. */
export function matchesExpected(found: Disagreement, expected: ExpectedDisagreement): boolean {
  const values = new Set(found.claims.map((claim) => claim.value))
  return found.kind === expected.kind && found.topic.toLowerCase().includes(expected.topic.toLowerCase()) && expected.values.every((value) => values.has(value))
}
