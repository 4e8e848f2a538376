import type { Entities, ItemEntity, Tokens } from 'wink-nlp'
import { firstWord, QUESTION_STOP_WORDS } from './analyzer.js'
import { passageTerms, type PassageTerms } from './index-terms.js'
import { getNlp, splitSentences } from './nlp.js'
import { sentenceText, splitPassages, type PassageOptions } from './passages.js'
import type { ArticleInput, Passage } from './types.js'

/** Made once: the build's TypeScript loader turns a `\p{…}` literal into `new RegExp(…)` wherever it stands, so one inside a function made a regex per call. */
const STARTS_UPPER = /^\p{Lu}/u

/**
 * The one reading of each sentence with the NLP library. wink-nlp is the costliest step of a build
 * (about 0.1 ms a sentence), so every stage that needs what it finds (the index's answer-type bits,
 * claims, takeaways) takes it from here instead of reading the sentence again. An article is read on
 * its own (`readArticle`) into plain data, so a build can read articles on several threads and merge.
 */

/** Bit flags for what a sentence contains, used to match a question's expected answer type. */
export const FEATURE = {
  duration: 1,
  date: 2,
  count: 4,
  money: 8,
  percent: 16,
  time: 32,
  properNoun: 64,
  ordinal: 128,
  /** A name after "in", "at", "near", "outside" or "inside": a place, as far as a tagger without places can tell. */
  place: 256,
} as const

export type FeatureName = keyof typeof FEATURE

const ENTITY_FEATURES: Record<string, number> = {
  DURATION: FEATURE.duration,
  DATE: FEATURE.date,
  CARDINAL: FEATURE.count,
  MONEY: FEATURE.money,
  PERCENT: FEATURE.percent,
  TIME: FEATURE.time,
  ORDINAL: FEATURE.ordinal,
}

/** What wink-nlp finds in one sentence: plain data, so it crosses threads and is read by every stage. */
export interface SentenceReading {
  /** The tokens as written, in order. */
  tokens: string[]
  /** Universal part-of-speech tag of each token. */
  tags: string[]
  /** Whether each token is in the scope of a negation ("no concrete ceasefire"). */
  negated: boolean[]
  /** Entities, as token ranges `[first, last]` with their type (DURATION, DATE, CARDINAL…). */
  entities: Array<{ type: string; first: number; last: number }>
  /** `FEATURE` bits of the sentence. */
  features: number
  /**
   * Whether the sentence opens with a verb in its base form, a call to action (see `isImperative`);
   * found by `readArticle` for prose sentences only, absent otherwise.
   */
  imperative?: boolean
}

/** An article split into passages, each passage's sentences read once (`readings[p][s]`). */
export interface ArticleReading {
  passages: Passage[]
  readings: SentenceReading[][]
  /** Each passage's words and stems as the index tallies them (`passageTerms`); absent from readings made before they existed. */
  terms?: PassageTerms[]
}

/** Finds a sentence's reading by its source and start offset; `undefined` when it was not read (a list item's inner sentence). */
export type SentenceReadings = (sourceId: string, start: number) => SentenceReading | undefined

/** Words before a name that make it a place: "in Lisbon", "at Harbour Hall". */
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'outside', 'inside'])

/** Reads one sentence's text with wink-nlp: tokens, tags, negation, entities, answer-type bits. */
export function readSentenceText(text: string): SentenceReading {
  const doc = getNlp().readDoc(text)
  return readingOf(text, doc.tokens(), doc.entities(), 0)
}

/** A sentence's first two words as `isImperative` weighs them: as written, with their tags and lemmas. */
interface Opening {
  words: string[]
  tags: string[]
  lemmas: string[]
}

/** Opening quotes that `isImperative` looks past. */
const OPENING_QUOTE = /^["“‘']/

/**
 * The first two words of a sentence wink-nlp has read (`tokens`, tagged `tags`), past any whitespace
 * and one opening quote, with their lemmas: what `isImperative` needs, without reading it again.
 */
function openingOf(text: string, sentenceTokens: Tokens, tokens: readonly string[], tags: readonly string[]): Opening {
  const its = getNlp().its
  let k = 0
  while (k < tags.length && tags[k] === 'SPACE') k++
  if (OPENING_QUOTE.test(text) && tokens[k] === text.charAt(0)) k++
  const opening: Opening = { words: [], tags: [], lemmas: [] }
  for (; k < tokens.length && opening.words.length < 2; k++) {
    opening.words.push(tokens[k] ?? '')
    opening.tags.push(tags[k] ?? '')
    // wink types `its.lemma` with a signature its `out` overloads do not accept, though it works as an ItsFunction.
    const lemma = String(sentenceTokens.itemAt(k).out(its.lemma as unknown as typeof its.pos))
    // `isImperative` reads the first word lower-cased ("Consider" as "consider").
    opening.lemmas.push(opening.words.length === 1 ? lemma.toLowerCase() : lemma)
  }
  return opening
}

/**
 * The reading of one sentence of a document wink-nlp has read: its tokens and entities, whose token
 * numbers in the document start at `firstToken`; for `prose`, whether it is a call to action
 * (`isImperative`), from the same reading.
 */
function readingOf(text: string, sentenceTokens: Tokens, sentenceEntities: Entities, firstToken: number, prose = false): SentenceReading {
  const its = getNlp().its
  const tokens = sentenceTokens.out() as string[]
  const tags = sentenceTokens.out(its.pos) as string[]
  const negated = sentenceTokens.out(its.negationFlag) as unknown as boolean[]
  const entities: SentenceReading['entities'] = []
  let features = 0
  let cursor = 0
  sentenceEntities.each((entity: ItemEntity) => {
    const type = entity.out(its.type)
    const [first, last] = entity.out(its.span) as unknown as [number, number]
    entities.push({ type, first: first - firstToken, last: last - firstToken })
    // An entity counts as a feature only where its text is found, in order.
    const value = entity.out()
    const at = text.indexOf(value, cursor)
    if (at < 0) return
    features |= ENTITY_FEATURES[type] ?? 0
    cursor = at + value.length
  })
  // The first word of a sentence is capitalised anyway, so it does not count.
  if (tags.slice(1).some((tag) => tag === 'PROPN')) features |= FEATURE.properNoun
  for (let i = 1; i < tokens.length; i++) {
    if (tags[i] === 'PROPN' && PLACE_PREPOSITIONS.has((tokens[i - 1] ?? '').toLowerCase()) && STARTS_UPPER.test(tokens[i] ?? '')) features |= FEATURE.place
  }
  const reading: SentenceReading = { tokens, tags, negated, entities, features }
  // Only prose can be quoted as a takeaway, the one use of this flag.
  if (prose) reading.imperative = isImperative(text, () => openingOf(text, sentenceTokens, tokens, tags))
  return reading
}

/**
 * Splits an article into passages and reads each of their sentences once. Pure and independent of
 * every other article: the unit of work a build spreads across threads.
 */
export function readArticle(article: Pick<ArticleInput, 'id' | 'text'>, options: PassageOptions = {}): ArticleReading {
  // A paragraph is read once: the reading that finds its sentences also reads each of them.
  const readAt = new Map<number, SentenceReading>()
  const passages = splitPassages(article.id, article.text, options, (text, base) => readParagraph(text, base, readAt))
  const readings = passages.map((passage) =>
    passage.sentences.map((sentence) => {
      // Headings, list items and table rows are lines, not split into sentences: read alone.
      const reading = readAt.get(sentence.start)
      if (reading && sentence.kind === 'text') return reading
      const text = sentenceText(passage, sentence)
      const alone = reading ?? readSentenceText(text)
      // Only prose can be quoted as a takeaway, the one use of this flag.
      if (sentence.kind === 'text') alone.imperative = isImperative(text)
      else delete alone.imperative
      return alone
    }),
  )
  return { passages, readings, terms: passages.map((passage) => passageTerms(passage)) }
}

/**
 * Splits a paragraph into sentences with `splitSentences`, and puts each sentence's reading, taken
 * from the same reading of the paragraph, in `readAt` by its start in the article.
 */
function readParagraph(text: string, base: number, readAt: Map<number, SentenceReading>): Array<{ start: number; end: number }> {
  return splitSentences(text, base, (sentence, sentenceText, start) => {
    const [firstToken] = sentence.out(getNlp().its.span) as unknown as [number, number]
    // A sentence of a paragraph is prose unless the passage split makes it a line (then its flag is dropped).
    readAt.set(start, readingOf(sentenceText, sentence.tokens(), sentence.entities(), firstToken, true))
  })
}

/** The sentences read in `read`, by source id, then by start offset. */
export function readingsBySource(read: readonly ArticleReading[]): Map<string, Map<number, SentenceReading>> {
  const bySource = new Map<string, Map<number, SentenceReading>>()
  for (const article of read) {
    article.passages.forEach((passage, p) => {
      let starts = bySource.get(passage.sourceId)
      if (!starts) bySource.set(passage.sourceId, (starts = new Map()))
      passage.sentences.forEach((sentence, s) => {
        const reading = article.readings[p]?.[s]
        if (reading) starts.set(sentence.start, reading)
      })
    })
  }
  return bySource
}

/** The lookup of the sentences read in `read`, by source id and start offset. */
export function sentenceReadings(read: readonly ArticleReading[]): SentenceReadings {
  const bySource = readingsBySource(read)
  return (sourceId, start) => bySource.get(sourceId)?.get(start)
}

/** Verbs that open calls to action; sentence-initial words defeat the part-of-speech tagger, so these are listed. */
const ACTION_VERBS = new Set(
  (
    'advocate ask avoid be book buy call check choose click consider contact demand discover do don donate download email encourage ' +
    'engage ensure explore find follow foster get give help hold join keep learn let listen look make order pledge read register ' +
    'remember reserve see share shop sign stand start stay subscribe support take tell try urge visit vote watch write'
  ).split(' '),
)

/**
 * Words of a sentence's opening that `isImperative` reads. It needs the tags of the first two, and the
 * tagger's rules look only a little way ahead: over the 22,162 sentences it reads in SciFact, the
 * bundled corpus and every fixture, the first three words gave the same two tags and lemmas as the
 * whole sentence in every one (the first two did not, in 151). Six keep a margin; reading less than
 * the whole sentence takes 70% off the text it reads (on SciFact it read two fifths of the corpus again).
 */
const IMPERATIVE_WORDS = 6

/**
 * The first `words` words of `text`, up to the end of the last of them. It cuts only at a space, tab
 * or line break, each of which wink-nlp's tokeniser splits at, so every word it reads is one it read
 * whole in the sentence before: reading the opening teaches it no word that reading the whole would not.
 */
function opening(text: string, words: number): string {
  let count = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const space = code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d
    if (space && inWord && ++count === words) return text.slice(0, i)
    inWord = !space
  }
  return text
}

/**
 * Whether a sentence opens with a verb in its base form: "Consider supporting…", "Demand transparency…".
 * A subject-first sentence whose first word is inflected ("Sources say") or followed by an inflected verb
 * ("Support grew") is declarative. `opening` gives its first two words as a reading of the whole
 * sentence found them (`readArticle`'s); without it, the sentence's opening is read here.
 */
export function isImperative(text: string, opening?: () => Opening): boolean {
  const body = text.replace(OPENING_QUOTE, '')
  const opener = firstWord(body)
  // Tagging is the costly step: skip openers that cannot be a verb's base form ("The", "After", "Officials").
  if (!ACTION_VERBS.has(opener) && (QUESTION_STOP_WORDS.has(opener) || /(?:[^s]s|ed|ing|ly)$/.test(opener))) return false
  const { words, tags, lemmas } = opening?.() ?? readOpening(body)
  const first = words[0]?.toLowerCase() ?? ''
  if (lemmas[0] !== first || /(?:ing|ed)$/.test(first)) return false
  const second = words[1]?.toLowerCase() ?? ''
  const secondIsFiniteVerb = (tags[1] === 'VERB' || tags[1] === 'AUX') && lemmas[1] !== second && !second.endsWith('ing')
  if (secondIsFiniteVerb) return false
  return tags[0] === 'VERB' || tags[0] === 'AUX' || ACTION_VERBS.has(first)
}

/** The first two words of `body` (a sentence past its opening quote) read on their own. */
function readOpening(body: string): Opening {
  const nlp = getNlp()
  // Lower-cased, the first word is tagged as a verb rather than as a name. Only the first two words'
  // tags count, so only the sentence's opening is read (see `IMPERATIVE_WORDS`).
  const doc = nlp.readDoc(body.charAt(0).toLowerCase() + opening(body, IMPERATIVE_WORDS).slice(1))
  const words = doc.tokens().out()
  const tags = doc.tokens().out(nlp.its.pos) as string[]
  // wink types `its.lemma` with a signature its `out` overloads do not accept, though it works as an ItsFunction.
  const lemmas = doc.tokens().out(nlp.its.lemma as unknown as typeof nlp.its.pos) as string[]
  return { words: words.slice(0, 2), tags: tags.slice(0, 2), lemmas: lemmas.slice(0, 2) }
}
