import type { PassageTable, TextStore } from './passage-table.js'
import { radixTreeOf, type Postings } from './postings.js'
import type { CorpusIndexParts } from './search.js'
import type { Source } from './types.js'

/**
 * Index snapshots: everything the engine computes from a corpus (passages, sentence features,
 * postings, vocabulary, synonyms, disagreements, takeaways) as one object of plain data and typed arrays, so a start
 * reads it back instead of reading WordNet and running wink-nlp over every sentence again.
 * Pure: the caller reads and writes the file.
 */

/** Bump when the snapshot's shape or the meaning of anything in it changes. */
export const SNAPSHOT_VERSION = 5

const SNAPSHOT_FORMAT = 'summit-quotes-bot/engine-snapshot'

/**
 * A snapshot of the corpus index: plain data and typed arrays. The bulk of a large corpus (texts,
 * passages, postings) is typed arrays, which a file can hold as raw bytes and a start can read
 * without parsing; `encodeValue` turns the whole into JSON-able values where that is wanted.
 */
export interface IndexSnapshot {
  options: CorpusIndexParts['options']
  sources: Source[]
  texts: TextStore
  table: PassageTable
  docFreq: Array<[string, number]>
  vocabulary: Array<[string, number]>
  related: Array<[string, string[]]>
  nearMisses: string[]
  postings: Omit<Postings, 'termIds'>
}

/** An engine's snapshot: the index and what the engine derived from it. */
export interface EngineSnapshot {
  format: typeof SNAPSHOT_FORMAT
  version: number
  index: IndexSnapshot
  /** The engine's answer and takeaway options, which what it derives at load depends on. */
  engineOptions: unknown
  /** Disagreements, takeaways and the like, in `encodeValue`'s form; `null` when they must be rebuilt at load. */
  derived: unknown
}

/** The index's parts as a snapshot. */
export function snapshotIndex(parts: CorpusIndexParts): IndexSnapshot {
  const { termIds: _termIds, ...postings } = parts.postings
  return {
    options: parts.options,
    sources: parts.sources,
    texts: parts.texts,
    table: parts.table,
    docFreq: [...parts.docFreq],
    vocabulary: [...parts.vocabulary],
    related: [...parts.related],
    nearMisses: [...parts.nearMisses],
    postings,
  }
}

/** The index's parts back from `snapshotIndex`'s output. */
export function indexPartsFromSnapshot(snapshot: IndexSnapshot): CorpusIndexParts {
  return {
    options: snapshot.options,
    sources: snapshot.sources,
    texts: snapshot.texts,
    table: snapshot.table,
    docFreq: new Map(snapshot.docFreq),
    vocabulary: new Map(snapshot.vocabulary),
    related: new Map(snapshot.related),
    nearMisses: new Set(snapshot.nearMisses),
    postings: { ...snapshot.postings, termIds: radixTreeOf(snapshot.postings.termList) },
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
