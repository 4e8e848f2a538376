import { loadWordNetSynsets } from '../adapters/wordnet.js'
import { answerQuestion, type AnswerOptions } from '../src/answer/index.js'
import { readArticle } from '../src/reading.js'
import { articleText, buildCorpusIndex } from '../src/search.js'
import { buildStories } from '../src/stories.js'
import type { Engine } from '../src/types.js'
import { loadSquad, scoreSquad } from './squad.js'

/**
 * Scores answer-option variants on SQuAD dev without rebuilding the index for each: one build over
 * all 48 articles, then each variant (a JSON object of `AnswerOptions` per argument, `{}` for the
 * defaults) asked the questions of the tuning half (the 24 titles that sort first), or with
 * `--held-out` the other half. `--articles N` keeps the first N articles of that half, for a quick look.
 * Asks through `answerQuestion` with the corpus's stories, without the engine's disagreement fallback
 * for declined questions.
 */
async function main(argv: string[]): Promise<void> {
  const heldOut = argv.includes('--held-out')
  const at = argv.indexOf('--articles')
  const articleLimit = at >= 0 ? Number(argv[at + 1]) : Infinity
  const variants = argv.filter((arg, i) => arg.startsWith('{') && argv[i - 1] !== '--articles').map((arg) => JSON.parse(arg) as AnswerOptions)
  const squad = await loadSquad()
  const synsets = await loadWordNetSynsets()
  const read = squad.articles.map((article) => readArticle(article))
  const index = buildCorpusIndex(
    squad.articles,
    read.flatMap((article) => article.passages),
    undefined,
    synsets,
    read.flatMap((article) => article.readings.map((sentences) => sentences.map((reading) => reading.features))),
    read.flatMap((article) => article.terms ?? []),
  )
  const stories = buildStories(index.sources.map((source) => ({ source, text: articleText(index, source.id) })))
  const corpus = { loneSources: new Set(stories.filter((story) => story.sources.length === 1).flatMap((story) => story.sources)) }
  process.stdout.write(`${stories.length} stories, ${corpus.loneSources.size} articles alone in theirs\n`)
  const half = heldOut ? squad.articles.slice(24) : squad.articles.slice(0, 24)
  const kept = new Set(half.slice(0, articleLimit).map((article) => article.id))
  const questions = squad.questions.filter((question) => kept.has(question.articleId))
  for (const variant of variants.length > 0 ? variants : [{}]) {
    let quotes = 0
    let chars = 0
    const engine = {
      ask: (question: string) => {
        const { answer } = answerQuestion(index, question, {}, variant, corpus)
        quotes += answer.quotes.length
        for (const quote of answer.quotes) chars += quote.text.length
        return answer
      },
    } as unknown as Engine
    const s = scoreSquad(squad, engine, questions)
    const pct = (value: number) => (value * 100).toFixed(2)
    const m = s.misses
    process.stdout.write(
      `${JSON.stringify(variant)}\tn ${s.questions}\tfirst ${pct(s.first)}\tany ${pct(s.any)}\tdeclined ${pct(m.declined)} art ${pct(m['wrong-article'])} par ${pct(m['wrong-paragraph'])} nb ${pct(m['neighbour-sentence'])} sent ${pct(m['right-paragraph'])}\tquotes ${(quotes / Math.max(1, s.questions)).toFixed(2)}, ${Math.round(chars / Math.max(1, quotes))} chars\n`,
    )
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 1
})
