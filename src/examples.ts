import { INDEX_STOP_WORDS, QUESTION_STOP_WORDS, tokenize } from './analyzer.js'
import { sentenceText } from './passages.js'
import { allPassages, type CorpusIndex } from './search.js'
import type { Answer } from './types.js'
import { HAS_DIGIT } from './letter-patterns.js'


export interface ExampleOptions {
  /** How many example questions to offer. Defaults to 3. */
  count?: number
  /** Only these articles' words make questions (one story's, say). Defaults to every article. */
  sourceIds?: ReadonlySet<string>
}

/** What the corpus does with one word: the sources using it, how often, and how it is written mid-sentence. */
interface WordStats {
  sources: Set<string>
  count: number
  /** Mid-sentence occurrences written in lower case. */
  lower: number
  /** Mid-sentence occurrences written otherwise, the last of them in `capitalForm`. */
  capital: number
  capitalForm: string
}

/** The order of `String.prototype.localeCompare` without arguments: the default locale's collation. */
const WORD_ORDER = new Intl.Collator()

/**
 * Example questions for help texts and `no_answer` replies, made from the words most sources share
 * and kept only if the engine really answers them: a suggestion that leads nowhere is worse than none.
 */
export function suggestQuestions(index: CorpusIndex, ask: (question: string) => Answer, options: ExampleOptions = {}): string[] {
  const count = options.count ?? 3
  const { sourceIds } = options
  // One entry per word, made at its first occurrence: a build reads every token of the corpus here,
  // so each token costs one lookup. `null` marks a word that never makes a question.
  const stats = new Map<string, WordStats | null>()
  for (const passage of allPassages(index)) {
    if (sourceIds && !sourceIds.has(passage.sourceId)) continue
    for (const sentence of passage.sentences) {
      if (sentence.kind !== 'text') continue
      const text = sentenceText(passage, sentence)
      for (const token of tokenize(text)) {
        const word = token.word
        let entry = stats.get(word)
        if (entry === undefined) {
          entry = word.length < 4 || HAS_DIGIT.test(word) || INDEX_STOP_WORDS.has(word) || QUESTION_STOP_WORDS.has(word) ? null : { sources: new Set(), count: 0, lower: 0, capital: 0, capitalForm: '' }
          stats.set(word, entry)
        }
        if (entry === null) continue
        entry.sources.add(passage.sourceId)
        entry.count++
        // A word mostly written in lower case is a common noun ("the summit"); one mostly capitalised
        // mid-sentence is a name ("Harbor"). The first word of a sentence says nothing either way.
        if (token.start > 0) {
          const surface = text.slice(token.start, token.end)
          if (surface === word) entry.lower++
          else {
            entry.capital++
            entry.capitalForm = surface
          }
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
  const ranked: Array<{ word: string; entry: WordStats; score: number }> = []
  for (const [word, entry] of stats) {
    if (entry === null || (total >= 2 && entry.sources.size < 2)) continue
    ranked.push({ word, entry, score: entry.sources.size * Math.log(1 + entry.count) * (1 + (headlines.get(word) ?? 0)) })
  }
  // `localeCompare`'s order, through one collator rather than one per comparison.
  ranked.sort((a, b) => b.score - a.score || WORD_ORDER.compare(a.word, b.word))
  const questions: string[] = []
  for (const { word, entry } of ranked.slice(0, 30)) {
    const subject = entry.capital > entry.lower ? entry.capitalForm : `the ${word}`
    const question = `What do the sources say about ${subject}?`
    if (ask(question).status === 'answered') questions.push(question)
    if (questions.length >= count) break
  }
  return questions
}
