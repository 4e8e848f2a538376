import type { Passage, Sentence, SentenceKind } from './types.js'

/**
 * Passages, sentences and article texts in columns of typed arrays. A million passages as objects
 * (a `Passage` with its id, text and an object per sentence) took 620 MB of heap here and a
 * million JSON rows to snapshot; as columns they take 70 MB and a snapshot stores them as they
 * are. Article texts are kept as UTF-8: news text with one curly quote makes V8 store the whole
 * string at two bytes a character. A `Passage` object is made when a caller asks for one.
 */
export interface PassageTable {
  /** Per passage: its source's number. */
  source: Uint32Array
  /** Per passage: the `n` of its id `${sourceId}#${n}`. */
  ordinal: Uint32Array
  /** Per passage: 1 when it is the article's lead (`Passage.isLead`). */
  lead: Uint8Array
  /** The sentences of passage `p` are `[firstSentence[p], firstSentence[p + 1])`. */
  firstSentence: Uint32Array
  sentenceStart: Uint32Array
  sentenceEnd: Uint32Array
  /** Per sentence: the number of its kind in `SENTENCE_KINDS`, plus `LEAD_BIT` for a lead line. */
  sentenceKind: Uint8Array
  /** Per sentence: `FEATURE` bits (see search.ts). */
  sentenceFeatures: Uint16Array
  /** Passage numbers ordered by source, then ordinal: finds a passage by its id. */
  bySourceOrdinal: Uint32Array
  /** The passages of source `s` are `bySourceOrdinal[sourceStart[s] .. sourceStart[s + 1])`. */
  sourceStart: Uint32Array
}

/** Article texts as one UTF-8 buffer. */
export interface TextStore {
  bytes: Uint8Array
  /** Article `i` is `bytes[byteStart[i] .. byteStart[i + 1])`. */
  byteStart: Float64Array
  /** Per article: its length in UTF-16 units, as `string.length`. */
  length: Uint32Array
}

export const SENTENCE_KINDS: readonly SentenceKind[] = ['text', 'heading', 'list', 'table']
const LEAD_BIT = 4

/** Thrown for passages whose ids do not follow `${sourceId}#${n}`, which the table relies on. */
export class PassageIdError extends Error {
  override name = 'PassageIdError'
}

/**
 * The table of `passages`, whose sources are numbered by `sourceNumber`. `features` gives each
 * passage's sentence features (`FEATURE` bits, which fit 16 bits).
 */
export function buildPassageTable(passages: readonly Passage[], sourceNumber: ReadonlyMap<string, number>, features: ReadonlyArray<readonly number[]>): PassageTable {
  const count = passages.length
  const sentenceCount = passages.reduce((sum, passage) => sum + passage.sentences.length, 0)
  const table: PassageTable = {
    source: new Uint32Array(count),
    ordinal: new Uint32Array(count),
    lead: new Uint8Array(count),
    firstSentence: new Uint32Array(count + 1),
    sentenceStart: new Uint32Array(sentenceCount),
    sentenceEnd: new Uint32Array(sentenceCount),
    sentenceKind: new Uint8Array(sentenceCount),
    sentenceFeatures: new Uint16Array(sentenceCount),
    bySourceOrdinal: new Uint32Array(count),
    sourceStart: new Uint32Array(sourceNumber.size + 1),
  }
  let at = 0
  passages.forEach((passage, p) => {
    const source = sourceNumber.get(passage.sourceId)
    const { sourceId, ordinal } = parsePassageId(passage.id) ?? {}
    if (source === undefined || sourceId !== passage.sourceId || ordinal === undefined) {
      throw new PassageIdError(`passage "${passage.id}": ids must be "${passage.sourceId}#<number>" of a known source`)
    }
    table.source[p] = source
    table.ordinal[p] = ordinal
    table.lead[p] = passage.isLead ? 1 : 0
    table.firstSentence[p] = at
    const bits = features[p] ?? []
    passage.sentences.forEach((sentence, i) => {
      table.sentenceStart[at] = sentence.start
      table.sentenceEnd[at] = sentence.end
      table.sentenceKind[at] = SENTENCE_KINDS.indexOf(sentence.kind) + (sentence.lead ? LEAD_BIT : 0)
      table.sentenceFeatures[at] = bits[i] ?? 0
      at++
    })
  })
  table.firstSentence[count] = at
  const order = [...table.bySourceOrdinal.keys()].sort((a, b) => (table.source[a] as number) - (table.source[b] as number) || (table.ordinal[a] as number) - (table.ordinal[b] as number))
  table.bySourceOrdinal.set(order)
  for (let p = 0; p < count; p++) {
    const next = (table.source[p] as number) + 1
    table.sourceStart[next] = (table.sourceStart[next] as number) + 1
  }
  for (let s = 0; s < sourceNumber.size; s++) table.sourceStart[s + 1] = (table.sourceStart[s + 1] as number) + (table.sourceStart[s] as number)
  return table
}

/** The source id and ordinal of a passage id `${sourceId}#${ordinal}`, or `undefined` for another shape. */
export function parsePassageId(id: string): { sourceId: string; ordinal: number } | undefined {
  const hash = id.lastIndexOf('#')
  const ordinal = Number(id.slice(hash + 1))
  return hash < 0 || !Number.isInteger(ordinal) || ordinal < 0 ? undefined : { sourceId: id.slice(0, hash), ordinal }
}

/** The number of passage `sourceNumber`'s `#ordinal`, or -1. */
export function findPassage(table: PassageTable, sourceNumber: number, ordinal: number): number {
  let low = table.sourceStart[sourceNumber] ?? 0
  let high = table.sourceStart[sourceNumber + 1] ?? 0
  while (low < high) {
    const mid = (low + high) >>> 1
    if ((table.ordinal[table.bySourceOrdinal[mid] as number] as number) < ordinal) low = mid + 1
    else high = mid
  }
  const found = table.bySourceOrdinal[low]
  return low < (table.sourceStart[sourceNumber + 1] ?? 0) && found !== undefined && table.ordinal[found] === ordinal ? found : -1
}

/** The sentences of passage `p`. */
export function sentencesOfPassage(table: PassageTable, p: number): Sentence[] {
  const sentences: Sentence[] = []
  const end = table.firstSentence[p + 1] as number
  for (let s = table.firstSentence[p] as number; s < end; s++) {
    const kind = table.sentenceKind[s] as number
    sentences.push({ start: table.sentenceStart[s] as number, end: table.sentenceEnd[s] as number, kind: SENTENCE_KINDS[kind & 3] ?? 'text', lead: (kind & LEAD_BIT) !== 0 })
  }
  return sentences
}

/** `FEATURE` bits of passage `p`'s sentences, a view into the table. */
export function featuresOfPassage(table: PassageTable, p: number): Uint16Array {
  return table.sentenceFeatures.subarray(table.firstSentence[p], table.firstSentence[p + 1])
}

/** The texts as one UTF-8 store. */
export function buildTextStore(texts: readonly string[]): TextStore {
  const encoder = new TextEncoder()
  const byteStart = new Float64Array(texts.length + 1)
  const length = new Uint32Array(texts.length)
  // A UTF-16 unit takes at most 3 bytes of UTF-8.
  let bytes = new Uint8Array(Math.max(16, texts.reduce((sum, text) => sum + text.length, 0)))
  let at = 0
  texts.forEach((text, i) => {
    if (bytes.length - at < text.length * 3) {
      const grown = new Uint8Array(Math.max(bytes.length * 2, at + text.length * 3))
      grown.set(bytes.subarray(0, at))
      bytes = grown
    }
    at += encoder.encodeInto(text, bytes.subarray(at)).written
    byteStart[i + 1] = at
    length[i] = text.length
  })
  return { bytes: bytes.slice(0, at), byteStart, length }
}

/** Most decoded texts `createTextReader` keeps: an answer quotes from a few articles. */
const DECODED_TEXTS = 256

/** Reads article `i`'s text from `store`, keeping the last few decoded. */
export function createTextReader(store: TextStore): (i: number) => string {
  const decoder = new TextDecoder()
  const decoded = new Map<number, string>()
  return (i) => {
    let text = decoded.get(i)
    if (text === undefined) {
      const start = store.byteStart[i]
      const end = store.byteStart[i + 1]
      if (start === undefined || end === undefined) return ''
      text = decoder.decode(store.bytes.subarray(start, end))
      if (decoded.size >= DECODED_TEXTS) decoded.delete(decoded.keys().next().value as number)
      decoded.set(i, text)
    } else {
      // Most recently used last, so the oldest is the one dropped.
      decoded.delete(i)
      decoded.set(i, text)
    }
    return text
  }
}
