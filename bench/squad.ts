import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import type { Answer, ArticleInput, Engine } from '../src/index.js'

/** SQuAD v1.1 dev as shipped next to the project (see its SOURCE.md). Override with `SQUAD_DIR`. */
export const SQUAD_DIR = process.env.SQUAD_DIR ?? fileURLToPath(new URL('../../shared/datasets/squad-dev/', import.meta.url))

/** Paragraphs of a SQuAD article are joined with this, so each paragraph's offset is known. */
const PARAGRAPH_BREAK = '\n\n'

/** One SQuAD question: its article, its paragraph and every gold answer text. */
export interface SquadQuestion {
  id: string
  question: string
  articleId: string
  paragraph: number
  answers: string[]
}

/** SQuAD dev read into the bot's shapes: each Wikipedia article an article, paragraphs separated by blank lines. */
export interface Squad {
  /** Sorted by title. */
  articles: ArticleInput[]
  questions: SquadQuestion[]
  /** Per article id: the start offset of each paragraph in its text. */
  paragraphStarts: Map<string, number[]>
}

/** Reads the dev set. */
export async function loadSquad(dir = SQUAD_DIR): Promise<Squad> {
  const raw = JSON.parse(gunzipSync(await readFile(join(dir, 'squad-dev-v1.1.json.gz'))).toString('utf8')) as {
    data: Array<{ title: string; paragraphs: Array<{ context: string; qas: Array<{ id: string; question: string; answers: Array<{ text: string }> }> }> }>
  }
  const articles: ArticleInput[] = []
  const questions: SquadQuestion[] = []
  const paragraphStarts = new Map<string, number[]>()
  for (const article of [...raw.data].sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0))) {
    const id = article.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
    const starts: number[] = []
    let offset = 0
    article.paragraphs.forEach((paragraph, p) => {
      starts.push(offset)
      offset += paragraph.context.length + PARAGRAPH_BREAK.length
      for (const qa of paragraph.qas) {
        questions.push({ id: qa.id, question: qa.question, articleId: id, paragraph: p, answers: [...new Set(qa.answers.map((answer) => answer.text))] })
      }
    })
    paragraphStarts.set(id, starts)
    articles.push({ id, title: article.title.replace(/_/g, ' '), text: article.paragraphs.map((paragraph) => paragraph.context).join(PARAGRAPH_BREAK) })
  }
  return { articles, questions, paragraphStarts }
}

/** Where a question's answer went wrong, as NOTES.md counts it. */
export type SquadOutcome = 'first' | 'other-quote' | 'declined' | 'wrong-article' | 'wrong-paragraph' | 'neighbour-sentence' | 'right-paragraph'

/** Shares of one question set. */
export interface SquadScores {
  questions: number
  /** The first quote holds a gold answer. */
  first: number
  /** Any quote holds a gold answer. */
  any: number
  declined: number
  /** Misses by kind, as shares of all questions (first-quote misses only). */
  misses: Record<Exclude<SquadOutcome, 'first' | 'other-quote'>, number>
}

/** True when `text` holds one of the gold answers. */
export function holdsAnswer(text: string, answers: readonly string[]): boolean {
  const lower = text.toLowerCase()
  return answers.some((answer) => lower.includes(answer.toLowerCase()))
}

/** Classifies one answer against its gold paragraph. */
export function classify(squad: Squad, articlesById: Map<string, ArticleInput>, question: SquadQuestion, answer: Answer): SquadOutcome {
  if (answer.status !== 'answered' || answer.quotes.length === 0) return 'declined'
  const [first] = answer.quotes
  if (first && holdsAnswer(first.text, question.answers)) return 'first'
  if (answer.quotes.some((quote) => holdsAnswer(quote.text, question.answers))) return 'other-quote'
  if (!first || first.source.id !== question.articleId) return 'wrong-article'
  const text = articlesById.get(question.articleId)?.text ?? ''
  const starts = squad.paragraphStarts.get(question.articleId) ?? []
  const at = text.indexOf(first.text)
  let paragraph = 0
  while (paragraph + 1 < starts.length && (starts[paragraph + 1] ?? Infinity) <= at) paragraph++
  if (paragraph !== question.paragraph) return 'wrong-paragraph'
  // The answer just before or after the quote, within a sentence's reach.
  const before = text.slice(Math.max(starts[paragraph] ?? 0, at - 250), at)
  const after = text.slice(at + first.text.length, at + first.text.length + 250)
  return holdsAnswer(before, question.answers) || holdsAnswer(after, question.answers) ? 'neighbour-sentence' : 'right-paragraph'
}

/** Scores the engine on `questions`. */
export function scoreSquad(squad: Squad, engine: Engine, questions: readonly SquadQuestion[]): SquadScores {
  const articlesById = new Map(squad.articles.map((article) => [article.id, article]))
  const counts: Record<SquadOutcome, number> = { first: 0, 'other-quote': 0, declined: 0, 'wrong-article': 0, 'wrong-paragraph': 0, 'neighbour-sentence': 0, 'right-paragraph': 0 }
  for (const question of questions) counts[classify(squad, articlesById, question, engine.ask(question.question))]++
  const n = Math.max(1, questions.length)
  return {
    questions: questions.length,
    first: counts.first / n,
    any: (counts.first + counts['other-quote']) / n,
    declined: counts.declined / n,
    misses: {
      declined: counts.declined / n,
      'wrong-article': counts['wrong-article'] / n,
      'wrong-paragraph': counts['wrong-paragraph'] / n,
      'neighbour-sentence': counts['neighbour-sentence'] / n,
      'right-paragraph': counts['right-paragraph'] / n,
    },
  }
}

/** Declines on a half corpus: questions about the held-in articles and about the held-out ones. */
export interface AbstentionScores {
  ownQuestions: number
  ownDeclined: number
  otherQuestions: number
  otherDeclined: number
}

/** Asks every question of `questions` of an engine built over `heldIn` articles only. */
export function scoreAbstention(engine: Engine, heldIn: ReadonlySet<string>, questions: readonly SquadQuestion[]): AbstentionScores {
  let own = 0
  let ownDeclined = 0
  let other = 0
  let otherDeclined = 0
  for (const question of questions) {
    const declined = engine.ask(question.question).status !== 'answered'
    if (heldIn.has(question.articleId)) {
      own++
      if (declined) ownDeclined++
    } else {
      other++
      if (declined) otherDeclined++
    }
  }
  return { ownQuestions: own, ownDeclined: own ? ownDeclined / own : 0, otherQuestions: other, otherDeclined: other ? otherDeclined / other : 0 }
}
