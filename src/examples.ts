import { INDEX_STOP_WORDS, QUESTION_STOP_WORDS, tokenize } from './analyzer.js'
import { allPassages, type CorpusIndex } from './search.js'
import type { Answer } from './types.js'

export interface ExampleOptions {
  /** How many example questions to offer. Defaults to 3. */
  count?: number
  /** Only these articles' words make questions (one story's, say). Defaults to every article. */
  sourceIds?: ReadonlySet<string>
}

/**
 * Example questions for help texts and `no_answer` replies, made from the words most sources share
 * and kept only if the engine really answers them: a suggestion that leads nowhere is worse than none.
 */
export function suggestQuestions(index: CorpusIndex, ask: (question: string) => Answer, options: ExampleOptions = {}): string[] {
  const count = options.count ?? 3
  const { sourceIds } = options
  const sourcesOf = new Map<string, Set<string>>()
  const countOf = new Map<string, number>()
  const casingOf = new Map<string, { lower: number; capital: number; capitalForm: string }>()
  for (const passage of allPassages(index)) {
    if (sourceIds && !sourceIds.has(passage.sourceId)) continue
    for (const sentence of passage.sentences) {
      if (sentence.kind !== 'text') continue
      const text = passage.text.slice(sentence.start - passage.start, sentence.end - passage.start)
      for (const token of tokenize(text)) {
        const word = token.word
        if (word.length < 4 || /\p{N}/u.test(word) || INDEX_STOP_WORDS.has(word) || QUESTION_STOP_WORDS.has(word)) continue
        let sources = sourcesOf.get(word)
        if (!sources) sourcesOf.set(word, (sources = new Set()))
        sources.add(passage.sourceId)
        countOf.set(word, (countOf.get(word) ?? 0) + 1)
        const surface = text.slice(token.start, token.end)
        // A word mostly written in lower case is a common noun ("the summit"); one mostly capitalised
        // mid-sentence is a name ("Harbor"). The first word of a sentence says nothing either way.
        if (token.start > 0) {
          const casing = casingOf.get(word) ?? { lower: 0, capital: 0, capitalForm: surface }
          if (surface === word) casing.lower++
          else {
            casing.capital++
            casing.capitalForm = surface
          }
          casingOf.set(word, casing)
        }
      }
    }
  }
  const total = sourceIds?.size ?? index.sources.length
  // A headline names what its article is about: a word several headlines use is a topic ("climbers",
  // "budget"), where one the texts merely repeat may be filler ("hours", "first").
  const headlines = new Map<string, number>()
  for (const source of index.sources) {
    if (sourceIds && !sourceIds.has(source.id)) continue
    for (const word of new Set(tokenize(source.title).map((token) => token.word))) headlines.set(word, (headlines.get(word) ?? 0) + 1)
  }
  // Words most sources use, but not in every sentence: the topics of the corpus, not its filler.
  const ranked = [...sourcesOf]
    .filter(([, sources]) => total < 2 || sources.size >= 2)
    .map(([word, sources]) => ({ word, score: sources.size * Math.log(1 + (countOf.get(word) ?? 0)) * (1 + (headlines.get(word) ?? 0)) }))
    .sort((a, b) => b.score - a.score || a.word.localeCompare(b.word))
  const questions: string[] = []
  for (const { word } of ranked.slice(0, 30)) {
    const casing = casingOf.get(word)
    const subject = casing && casing.capital > casing.lower ? casing.capitalForm : `the ${word}`
    const question = `What do the sources say about ${subject}?`
    if (ask(question).status === 'answered') questions.push(question)
    if (questions.length >= count) break
  }
  return questions
}
