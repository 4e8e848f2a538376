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
export const SNAPSHOT_VERSION = 6

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
  /** Disagreements, takeaways and the like, in `packParts`'s form; `null` when they must be rebuilt at load. */
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

/**
 * Values as UTF-8 JSON (in `encodeValue`'s form) back to back, each decoded only when it is used.
 * A long array is cut into chunks of about `PACK_CHUNK_CHARS` each, so no JSON string comes near
 * V8's string limit (about 512 MB) however large the corpus.
 */
export interface PackedValues {
  /** The chunks' JSON, back to back. Each chunk is a JSON array of encoded elements. */
  bytes: Uint8Array
  /** Chunk `c` is `bytes[chunkStart[c] .. chunkStart[c + 1])`. */
  chunkStart: Float64Array
  /** Value `v` is the chunks `[firstChunk[v], firstChunk[v + 1])`. */
  firstChunk: Uint32Array
  /** 1 when value `v` is an array (its chunks' elements joined); 0 when it is the one element of its one chunk. */
  isArray: Uint8Array
}

const PACK_CHUNK_CHARS = 8 << 20

/**
 * The chunks each object was packed into, while the object lives. A build thread hands the stories
 * an unchanged article set leaves alone from one build to the next as the same objects (see
 * `src/rebuild.ts`): their snapshot part is packed once, not on every reload. Derived data is not
 * changed once built, so an object's chunks stay right.
 */
const packedChunksOf = new WeakMap<object, { chunks: Uint8Array[]; isArray: boolean }>()

/** Packs `values`, each on its own, so that each can be decoded without the others. */
export function packValues(values: readonly unknown[]): PackedValues {
  return finishSteps(packValuesInSteps(values))
}

/** `packValues` in steps: yields after each value it packs, so that a caller can let other work run between them. */
function* packValuesInSteps(values: readonly unknown[]): Generator<void, PackedValues, void> {
  const chunks: Uint8Array[] = []
  const firstChunk = new Uint32Array(values.length + 1)
  const isArray = new Uint8Array(values.length)
  for (let v = 0; v < values.length; v++) {
    const value = values[v]
    firstChunk[v] = chunks.length
    const memo = typeof value === 'object' && value !== null
    let packed = memo ? packedChunksOf.get(value) : undefined
    if (!packed) {
      packed = packValue(value)
      if (memo) packedChunksOf.set(value, packed)
      yield
    }
    chunks.push(...packed.chunks)
    isArray[v] = packed.isArray ? 1 : 0
  }
  firstChunk[values.length] = chunks.length
  const chunkStart = new Float64Array(chunks.length + 1)
  chunks.forEach((chunk, c) => (chunkStart[c + 1] = (chunkStart[c] ?? 0) + chunk.byteLength))
  const bytes = new Uint8Array(chunkStart[chunks.length] ?? 0)
  chunks.forEach((chunk, c) => bytes.set(chunk, chunkStart[c]))
  return { bytes, chunkStart, firstChunk, isArray }
}

/** Runs work written as steps (a generator that yields between them) to its end, at once, and returns its result. */
export function finishSteps<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

/** One value of `packValues` as its chunks: an array cut into chunks of its elements, anything else one chunk of one element. */
function packValue(value: unknown): { chunks: Uint8Array[]; isArray: boolean } {
  const encoder = new TextEncoder()
  const chunks: Uint8Array[] = []
  const encoded = encodeValue(value)
  if (!Array.isArray(encoded)) return { chunks: [encoder.encode(JSON.stringify([encoded]))], isArray: false }
  let parts: string[] = []
  let size = 0
  const flush = () => {
    chunks.push(encoder.encode(`[${parts.join(',')}]`))
    parts = []
    size = 0
  }
  for (const element of encoded) {
    const json = JSON.stringify(element)
    parts.push(json)
    size += json.length
    if (size >= PACK_CHUNK_CHARS) flush()
  }
  if (parts.length > 0 || encoded.length === 0) flush()
  return { chunks, isArray: true }
}

/** Value `v` of `packed`, decoded. */
export function unpackValue(packed: PackedValues, v: number): unknown {
  const decoder = new TextDecoder()
  const elements: unknown[] = []
  for (let c = packed.firstChunk[v] ?? 0; c < (packed.firstChunk[v + 1] ?? 0); c++) {
    const chunk = JSON.parse(decoder.decode(packed.bytes.subarray(packed.chunkStart[c], packed.chunkStart[c + 1]))) as unknown[]
    for (const element of chunk) elements.push(element)
  }
  return decodeValue(packed.isArray[v] === 1 ? elements : elements[0])
}

/** A part of a packed value: an object whose fields are parts, a map whose entries are packed apiece, or a packed value. */
type PackedPart =
  | { $part: 'object'; fields: Record<string, PackedPart> }
  | { $part: 'map'; keys: unknown[]; values: PackedValues }
  | { $part: 'value'; values: PackedValues }
  | { $part: 'plain'; value: number | string | boolean | null }

/**
 * `value` packed so that a start decodes only what it uses, when it uses it: plain objects and maps
 * down to `depth` levels are split into their fields and entries, each packed on its own (shared
 * references between parts become copies), and `unpackParts` makes them back into an object whose
 * fields decode on first read and a map whose entries decode on first `get`. The engine's derived
 * data (a story's takeaways, the claims) is most of a snapshot, and a start needs little of it.
 */
export function packParts(value: unknown, depth: number): unknown {
  return finishSteps(packPartsInSteps(value, depth))
}

/**
 * `packParts` in steps: yields after each value it packs (a story's takeaways, the claims), so that a
 * caller serving questions meanwhile can answer them between steps. The result is `packParts`'s.
 */
export function* packPartsInSteps(value: unknown, depth: number): Generator<void, unknown, void> {
  if (value === null || typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return { $part: 'plain', value }
  if (depth > 0 && value instanceof Map) return { $part: 'map', keys: [...value.keys()].map((key) => encodeValue(key)), values: yield* packValuesInSteps([...value.values()]) }
  if (depth > 0 && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const fields: Record<string, unknown> = {}
    for (const [key, field] of Object.entries(value)) if (field !== undefined) fields[key] = yield* packPartsInSteps(field, depth - 1)
    return { $part: 'object', fields }
  }
  return { $part: 'value', values: yield* packValuesInSteps([value]) }
}

/** The value `packParts` packed, its parts decoded on first use. */
export function unpackParts(packed: unknown): unknown {
  const part = packed as PackedPart
  switch (part.$part) {
    case 'plain':
      return part.value
    case 'value':
      return unpackValue(part.values, 0)
    case 'map':
      return new PackedMap(part.keys.map((key) => decodeValue(key)), part.values)
    case 'object': {
      const out: Record<string, unknown> = {}
      for (const [key, field] of Object.entries(part.fields)) {
        if (field.$part === 'plain' || field.$part === 'map') out[key] = unpackParts(field)
        else defineLazily(out, key, () => unpackParts(field))
      }
      return out
    }
    default:
      throw new Error(`unpackParts: not a packed part (${String((part as { $part?: unknown }).$part)})`)
  }
}

/** Gives `target[key]` the value `make` returns, made on its first read. */
export function defineLazily(target: object, key: string, make: () => unknown): void {
  Object.defineProperty(target, key, {
    configurable: true,
    enumerable: true,
    get() {
      const value = make()
      Object.defineProperty(target, key, { configurable: true, enumerable: true, writable: true, value })
      return value
    },
  })
}

/** A `Map` whose entries are decoded from a `PackedValues` on first use: `get` decodes one, iterating decodes all. */
class PackedMap<K, V> extends Map<K, V> {
  readonly #position: Map<K, number>
  readonly #packed: PackedValues

  constructor(keys: K[], packed: PackedValues) {
    super()
    this.#position = new Map(keys.map((key, i) => [key, i]))
    this.#packed = packed
  }

  override get(key: K): V | undefined {
    if (!super.has(key)) {
      const at = this.#position.get(key)
      if (at === undefined) return undefined
      super.set(key, unpackValue(this.#packed, at) as V)
    }
    return super.get(key)
  }

  override has(key: K): boolean {
    return this.#position.has(key) || super.has(key)
  }

  override get size(): number {
    this.#decodeAll()
    return super.size
  }

  override entries(): MapIterator<[K, V]> {
    this.#decodeAll()
    return super.entries()
  }

  override keys(): MapIterator<K> {
    this.#decodeAll()
    return super.keys()
  }

  override values(): MapIterator<V> {
    this.#decodeAll()
    return super.values()
  }

  override forEach(callback: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    this.#decodeAll()
    super.forEach(callback, thisArg)
  }

  override [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries()
  }

  /** Decodes every entry not yet decoded, in the packed order, so iteration keeps the original order. */
  #decodeAll(): void {
    if (this.#position.size === 0) return
    const decoded = new Map<K, V>()
    for (const [key, at] of this.#position) decoded.set(key, super.has(key) ? (super.get(key) as V) : (unpackValue(this.#packed, at) as V))
    this.#position.clear()
    super.clear()
    for (const [key, value] of decoded) super.set(key, value)
  }
}
