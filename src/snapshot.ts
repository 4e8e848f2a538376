import { radixTreeOf, type Postings } from './postings.js'
import type { CorpusIndexParts } from './search.js'
import type { Passage, SentenceKind, Source } from './types.js'

/**
 * Index snapshots: everything the engine computes from a corpus (passages, sentence features,
 * postings, vocabulary, synonyms, disagreements, takeaways) as one JSON-able object, so a start
 * reads it back instead of reading WordNet and running wink-nlp over every sentence again.
 * Pure: the caller reads and writes the file.
 */

/** Bump when the snapshot's shape or the meaning of anything in it changes. */
export const SNAPSHOT_VERSION = 2

const SNAPSHOT_FORMAT = 'summit-quotes-bot/engine-snapshot'

/** A snapshot of the corpus index: plain JSON values only (typed arrays as base64). */
export interface IndexSnapshot {
  options: CorpusIndexParts['options']
  sources: Source[]
  texts: string[]
  /** Per passage: `[id, source number, isLead (0/1), ...sentences as start, end, kind number, lead (0/1)]`. */
  passages: Array<Array<string | number>>
  sentenceFeatures: number[][]
  docFreq: Array<[string, number]>
  vocabulary: Array<[string, number]>
  related: Array<[string, string[]]>
  nearMisses: string[]
  postings: {
    options: Postings['options']
    docCount: number
    termList: string[]
    /** Per field: boost and the typed arrays in base64. */
    fields: Array<{ boost: number; offsets: string; docs: string; impacts: string; maxImpacts: string; docFreqs?: string }>
  }
}

/** A whole engine's snapshot: the index and what the engine derived from it. */
export interface EngineSnapshot {
  format: typeof SNAPSHOT_FORMAT
  version: number
  index: IndexSnapshot
  /** The engine's answer and takeaway options, which what it derives at load depends on. */
  engineOptions: unknown
  /** Disagreements, takeaways and the like, in `encodeValue`'s form; `null` when they must be rebuilt at load. */
  derived: unknown
}

const KINDS: SentenceKind[] = ['text', 'heading', 'list', 'table']

/** The index's parts as a JSON-able object. */
export function snapshotIndex(parts: CorpusIndexParts): IndexSnapshot {
  const sourceNumber = new Map(parts.sources.map((source, i) => [source.id, i]))
  return {
    options: parts.options,
    sources: parts.sources,
    texts: parts.texts,
    // Passage text is a slice of its article, so only offsets are stored.
    passages: parts.passages.map((passage) => [
      passage.id,
      sourceNumber.get(passage.sourceId) ?? 0,
      passage.isLead ? 1 : 0,
      ...passage.sentences.flatMap((sentence) => [sentence.start, sentence.end, KINDS.indexOf(sentence.kind), sentence.lead ? 1 : 0]),
    ]),
    sentenceFeatures: parts.sentenceFeatures,
    docFreq: [...parts.docFreq],
    vocabulary: [...parts.vocabulary],
    related: [...parts.related],
    nearMisses: [...parts.nearMisses],
    postings: {
      options: parts.postings.options,
      docCount: parts.postings.docCount,
      termList: parts.postings.termList,
      fields: parts.postings.fields.map((field) => ({
        boost: field.boost,
        offsets: toBase64(field.offsets),
        docs: toBase64(field.docs),
        impacts: toBase64(field.impacts),
        maxImpacts: toBase64(field.maxImpacts),
        ...(field.docFreqs ? { docFreqs: toBase64(field.docFreqs) } : {}),
      })),
    },
  }
}

/** The index's parts back from `snapshotIndex`'s output. */
export function indexPartsFromSnapshot(snapshot: IndexSnapshot): CorpusIndexParts {
  const { sources, texts } = snapshot
  const passages = snapshot.passages.map((row): Passage => {
    const source = sources[row[1] as number] as Source
    const text = texts[row[1] as number] ?? ''
    const sentences: Passage['sentences'] = []
    for (let i = 3; i + 3 < row.length; i += 4) {
      sentences.push({ start: row[i] as number, end: row[i + 1] as number, kind: KINDS[row[i + 2] as number] ?? 'text', lead: row[i + 3] === 1 })
    }
    const start = sentences[0]?.start ?? 0
    const end = sentences[sentences.length - 1]?.end ?? start
    return { id: row[0] as string, sourceId: source.id, start, end, text: text.slice(start, end), sentences, isLead: row[2] === 1 }
  })
  const { postings } = snapshot
  return {
    options: snapshot.options,
    sources,
    texts,
    passages,
    sentenceFeatures: snapshot.sentenceFeatures,
    docFreq: new Map(snapshot.docFreq),
    vocabulary: new Map(snapshot.vocabulary),
    related: new Map(snapshot.related),
    nearMisses: new Set(snapshot.nearMisses),
    postings: {
      options: postings.options,
      docCount: postings.docCount,
      termList: postings.termList,
      termIds: radixTreeOf(postings.termList),
      fields: postings.fields.map((field) => ({
        boost: field.boost,
        offsets: fromBase64(field.offsets, Uint32Array),
        docs: fromBase64(field.docs, Uint32Array),
        impacts: fromBase64(field.impacts, Uint16Array),
        maxImpacts: fromBase64(field.maxImpacts, Uint16Array),
        ...(field.docFreqs ? { docFreqs: fromBase64(field.docFreqs, Uint32Array) } : {}),
      })),
    },
  }
}

/** Wraps the parts of an engine snapshot with its format marker and version. */
export function createEngineSnapshot(index: IndexSnapshot, engineOptions: unknown, derived: unknown): EngineSnapshot {
  return { format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, index, engineOptions, derived }
}

/** True when `value` looks like a snapshot this code can read (right format and version). */
export function isEngineSnapshot(value: unknown): value is EngineSnapshot {
  if (typeof value !== 'object' || value === null) return false
  const candidate = value as Partial<EngineSnapshot>
  return candidate.format === SNAPSHOT_FORMAT && candidate.version === SNAPSHOT_VERSION && typeof candidate.index === 'object'
}

type TypedArray = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array | Float64Array

function toBase64(array: TypedArray): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64')
}

function fromBase64<T extends TypedArray>(text: string, Type: { new (buffer: ArrayBuffer): T; BYTES_PER_ELEMENT: number }): T {
  const bytes = Buffer.from(text, 'base64')
  // Copy into a buffer of its own: a pooled Buffer's offset may not suit wider elements.
  const copy = new ArrayBuffer(bytes.byteLength)
  new Uint8Array(copy).set(bytes)
  return new Type(copy)
}

/** Thrown by `encodeValue` for a value JSON cannot carry (a function, a class instance). */
export class NotSerializableError extends Error {
  override name = 'NotSerializableError'
}

const TYPED_ARRAYS = { Uint8Array, Uint16Array, Uint32Array, Int32Array, Float32Array, Float64Array } as const
type TypedArrayName = keyof typeof TYPED_ARRAYS

/**
 * Encodes plain data with `Map`, `Set`, typed arrays, `undefined`, non-finite numbers and shared
 * or circular references into JSON-able values; `decodeValue` restores it, shared references
 * included. Objects whose keys start with `$` are escaped. Throws `NotSerializableError` for
 * functions and class instances, so the caller can rebuild such data instead.
 */
export function encodeValue(value: unknown): unknown {
  const ids = new Map<object, number>()
  const encode = (item: unknown, path: string): unknown => {
    if (item === undefined) return { $t: 'undefined' }
    if (item === null || typeof item === 'string' || typeof item === 'boolean') return item
    if (typeof item === 'number') return Number.isFinite(item) ? item : { $t: 'number', v: String(item) }
    if (typeof item !== 'object') throw new NotSerializableError(`encodeValue: a ${typeof item} at ${path} cannot be stored`)
    const seen = ids.get(item)
    if (seen !== undefined) return { $ref: seen }
    ids.set(item, ids.size)
    if (Array.isArray(item)) return item.map((element, i) => encode(element, `${path}[${i}]`))
    if (item instanceof Map) return { $t: 'Map', v: [...item].map(([key, element], i) => [encode(key, `${path}.key${i}`), encode(element, `${path}.get(${i})`)]) }
    if (item instanceof Set) return { $t: 'Set', v: [...item].map((element, i) => encode(element, `${path}.item${i}`)) }
    if (ArrayBuffer.isView(item)) {
      const name = item.constructor.name
      if (!(name in TYPED_ARRAYS)) throw new NotSerializableError(`encodeValue: a ${name} at ${path} cannot be stored`)
      return { $t: name, v: toBase64(item as TypedArray) }
    }
    const prototype = Object.getPrototypeOf(item) as unknown
    if (prototype !== Object.prototype && prototype !== null) {
      throw new NotSerializableError(`encodeValue: a ${(item as object).constructor?.name ?? 'class instance'} at ${path} cannot be stored`)
    }
    const out: Record<string, unknown> = {}
    for (const [key, element] of Object.entries(item)) {
      if (element === undefined) continue
      out[key.startsWith('$') ? `$${key}` : key] = encode(element, `${path}.${key}`)
    }
    return out
  }
  return encode(value, 'value')
}

/** Restores a value encoded by `encodeValue`. */
export function decodeValue(encoded: unknown): unknown {
  const byId: unknown[] = []
  const decode = (item: unknown): unknown => {
    if (item === null || typeof item !== 'object') return item
    if (Array.isArray(item)) {
      const out: unknown[] = []
      byId.push(out)
      for (const element of item) out.push(decode(element))
      return out
    }
    const record = item as Record<string, unknown>
    if (typeof record.$ref === 'number') return byId[record.$ref]
    switch (record.$t) {
      case 'undefined':
        return undefined
      case 'number':
        return Number(record.v)
      case 'Map': {
        const map = new Map<unknown, unknown>()
        byId.push(map)
        for (const [key, element] of record.v as Array<[unknown, unknown]>) {
          const decodedKey = decode(key)
          map.set(decodedKey, decode(element))
        }
        return map
      }
      case 'Set': {
        const set = new Set<unknown>()
        byId.push(set)
        for (const element of record.v as unknown[]) set.add(decode(element))
        return set
      }
      case undefined:
        break
      default: {
        const Type = TYPED_ARRAYS[record.$t as TypedArrayName] as { new (buffer: ArrayBuffer): TypedArray; BYTES_PER_ELEMENT: number } | undefined
        if (!Type) throw new Error(`decodeValue: unknown tag "${String(record.$t)}"`)
        const array = fromBase64(record.v as string, Type)
        byId.push(array)
        return array
      }
    }
    const out: Record<string, unknown> = {}
    byId.push(out)
    for (const [key, element] of Object.entries(record)) out[key.startsWith('$$') ? key.slice(1) : key] = decode(element)
    return out
  }
  return decode(encoded)
}
