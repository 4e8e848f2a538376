import { tokenizeToWords } from '../analyzer.js'
import { splitSentences } from '../nlp.js'
import type { SentenceReadings } from '../reading.js'
import { allPassages, articleText, passageAt, storedFeatures, type CorpusIndex } from '../search.js'
import type { Passage, Sentence } from '../types.js'
import type { TakeawayBuildOptions } from './options.js'
import { isQuotable } from './quotable.js'
import { phrasesOfTerms } from './same-point.js'
import type { Unit } from './types.js'
import { createWordTerms, vectorOfTerms, type WordTerms } from './vectors.js'

/** Made once: the build's TypeScript loader turns a `\p{…}` literal into `new RegExp(…)` wherever it stands, so one inside a function made a regex per call. */
const HAS_DIGIT = /\p{N}/u

const LIST_MARK = /^\s*(?:[-*•‣◦]|\d{1,2}[.)])\s+/u

/** "Label: " before a list item's sentence, as in "Energy Dynamics: Ongoing disagreements…". */
const LIST_LABEL = /^[^.!?:;]{2,60}:\s+(?=["“‘']?\p{Lu})/u

/**
 * The corpus's sentences with their vectors; list items are read as the sentences after their mark
 * and label. `terms` is the build's memo of words, shared by every story.
 */
export function collectUnits(
  index: CorpusIndex,
  names: ReadonlySet<string>,
  settings: Required<TakeawayBuildOptions>,
  sourceIds?: readonly string[],
  readings?: SentenceReadings,
  terms: WordTerms = createWordTerms(index, names),
): Unit[] {
  const units: Unit[] = []
  const bySource = new Map<string, Passage[]>()
  if (sourceIds === undefined) {
    for (const passage of allPassages(index)) {
      const passages = bySource.get(passage.sourceId)
      if (passages) passages.push(passage)
      else bySource.set(passage.sourceId, [passage])
    }
  } else {
    // One story's sources: read only their passages, so building every story stays one pass over the corpus.
    const { bySourceOrdinal, sourceStart } = index.table
    for (const sourceId of sourceIds) {
      const s = index.sourceNumber.get(sourceId)
      if (s === undefined) continue
      const passages: Passage[] = []
      for (let k = sourceStart[s] ?? 0; k < (sourceStart[s + 1] ?? 0); k++) passages.push(passageAt(index, bySourceOrdinal[k] ?? 0))
      bySource.set(sourceId, passages)
    }
  }
  for (const [sourceId, passages] of bySource) {
    const article = articleText(index, sourceId)
    const spans: Array<{ passage: Passage; start: number; end: number; kind: Sentence['kind']; features: number }> = []
    for (const passage of passages) {
      const features = storedFeatures(index, passage.id)
      passage.sentences.forEach((sentence, i) => {
        if (sentence.kind === 'table') return
        if (sentence.kind !== 'list') {
          spans.push({ passage, start: sentence.start, end: sentence.end, kind: sentence.kind, features: features[i] ?? 0 })
          return
        }
        const line = article.slice(sentence.start, sentence.end)
        const mark = LIST_MARK.exec(line)?.[0].length ?? 0
        const label = LIST_LABEL.exec(line.slice(mark))?.[0].length ?? 0
        const bodyStart = sentence.start + mark + label
        for (const span of splitSentences(article.slice(bodyStart, sentence.end), bodyStart)) {
          // A bare fragment ("Hydraulic disc brakes") supports points but is never quoted.
          spans.push({ passage, start: span.start, end: span.end, kind: 'list', features: 0 })
        }
      })
    }
    spans.forEach((span, i) => {
      const text = article.slice(span.start, span.end)
      // Tokenised once, to words only, for its vector, numbers and phrases, and each word read once for both.
      const words = tokenizeToWords(text)
      const wordTerms = words.map((word) => terms(word))
      const vector = vectorOfTerms(wordTerms)
      if (vector.size === 0) return
      const reading = span.kind === 'list' ? undefined : readings?.(sourceId, span.start)
      const quotable = span.kind !== 'heading' && isQuotable(text, settings, reading?.imperative, words.length)
      units.push({
        sourceId,
        passageId: span.passage.id,
        start: span.start,
        end: span.end,
        text,
        quotable,
        isList: span.kind === 'list',
        features: span.features,
        position: spans.length > 1 ? i / (spans.length - 1) : 0,
        vector,
        numbers: numbersOf(words),
        ...(quotable ? { phrases: phrasesOfTerms(words, wordTerms) } : {}),
        ...(reading ? { reading } : {}),
      })
    })
  }
  return units
}

const NUMBER_WORDS = new Set(
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion dozen half'.split(' '),
)

function numbersOf(words: readonly string[]): Set<string> {
  const numbers = new Set<string>()
  for (const word of words) {
    if (HAS_DIGIT.test(word)) numbers.add(word.replace(/,/g, ''))
    else if (NUMBER_WORDS.has(word)) numbers.add(word)
  }
  return numbers
}
