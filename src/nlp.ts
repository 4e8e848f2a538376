import winkNLP, { type ItemEntity, type ItemSentence, type WinkMethods } from 'wink-nlp'
import { fastCoreModel } from './nlp-model.js'

/**
 * wink-nlp with its English lite model: sentence boundaries that survive "U.S." and "Gen.",
 * and entity types (DURATION, DATE, CARDINAL, MONEY, PERCENT…) for answer typing and claims.
 * Loading the model takes about 85 ms (`fastCoreModel`), so it is created on first use and shared.
 */
let shared: WinkMethods | undefined

/**
 * wink-nlp's annotations this code reads: every one but sentiment, which nothing here reads. wink's
 * sentiment pass only writes sentence and document scores, so leaving it out changes no token, tag,
 * lemma, negation or entity, and saves a fifth to a third of reading a paragraph (5% of a question).
 */
const PIPE = ['sbd', 'negation', 'pos', 'ner', 'cer']

/** The shared wink-nlp instance. */
export function getNlp(): WinkMethods {
  shared ??= winkNLP(fastCoreModel, PIPE)
  return shared
}

/** An entity wink-nlp found, with offsets into the text it was given. */
export interface Entity {
  type: string
  value: string
  start: number
  end: number
}

/**
 * Splits `text` into sentences and returns their offsets, shifted by `base`.
 * Whitespace between sentences belongs to no sentence. `onSentence` is shown each sentence wink-nlp
 * read, with its text and start offset, for a caller that keeps more of the reading than the offsets.
 */
export function splitSentences(
  text: string,
  base = 0,
  onSentence?: (sentence: ItemSentence, sentenceText: string, start: number) => void,
): Array<{ start: number; end: number }> {
  const nlp = getNlp()
  const doc = nlp.readDoc(text)
  const spans: Array<{ start: number; end: number }> = []
  let cursor = 0
  doc.sentences().each((sentence: ItemSentence) => {
    const out = sentence.out()
    const at = text.indexOf(out, cursor)
    if (at < 0) return
    spans.push({ start: base + at, end: base + at + out.length })
    cursor = at + out.length
    onSentence?.(sentence, out, base + at)
  })
  if (spans.length === 0 && text.trim() !== '') {
    const start = text.length - text.trimStart().length
    spans.push({ start: base + start, end: base + text.trimEnd().length })
  }
  return spans
}

/** Entities wink-nlp finds in `text`, with offsets into it. */
export function findEntities(text: string): Entity[] {
  const nlp = getNlp()
  const doc = nlp.readDoc(text)
  const entities: Entity[] = []
  let cursor = 0
  doc.entities().each((entity: ItemEntity) => {
    const value = entity.out()
    const type = entity.out(nlp.its.type)
    const at = text.indexOf(value, cursor)
    if (at < 0) return
    entities.push({ type, value, start: at, end: at + value.length })
    cursor = at + value.length
  })
  return entities
}

/** The words of a text as wink-nlp reads them, with their tags, lemmas and negation flags, token by token. */
export interface TokenReading {
  values: string[]
  tags: string[]
  /** wink-nlp's lemmas, as it writes them (not lower-cased). */
  lemmas: string[]
  negations: boolean[]
}

/** The last text `readTokens` read, and its reading. */
let lastRead: { text: string; reading: TokenReading } | undefined

/**
 * wink-nlp's reading of `text`, token by token. An answer reads its question this way three times
 * (its parts of speech, the asked kind's noun, the asked act's verbs): the last text read is kept, so
 * the question is read once per ask. One text only, so nothing is kept from one question to the next
 * but the last, and what is returned is shared: read it, never change it.
 */
export function readTokens(text: string): TokenReading {
  if (lastRead?.text === text) return lastRead.reading
  const nlp = getNlp()
  const its = nlp.its
  const tokens = nlp.readDoc(text).tokens()
  const reading: TokenReading = {
    values: tokens.out(its.value) as string[],
    tags: tokens.out(its.pos) as string[],
    // wink types `its.lemma` with a signature its `out` overloads do not accept, though it works as an ItsFunction.
    lemmas: tokens.out(its.lemma as unknown as typeof its.pos) as string[],
    negations: tokens.out(its.negationFlag) as unknown as boolean[],
  }
  lastRead = { text, reading }
  return reading
}
