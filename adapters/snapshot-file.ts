import { once } from 'node:events'
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs'
import { open, rename, rm, writeFile } from 'node:fs/promises'
import { createInterface } from 'node:readline'

/**
 * A snapshot on disk: its typed arrays as raw bytes, then the rest as JSON lines.
 *
 * Layout: `MAGIC` (8 bytes), the byte offset of the JSON lines (8 bytes, little-endian), each
 * typed array's bytes at an offset that is a multiple of 8, then the JSON lines. In the JSON a
 * typed array stands as `{"$blob": n}`, and the skeleton line lists the blobs' types, offsets and
 * lengths. A start reads the arrays straight into memory, with no parsing: at a million passages
 * that is nearly all of the snapshot. One `JSON.stringify` of the rest of a large corpus's snapshot
 * could still pass V8's string limit (about 512 MB), so long arrays are written in chunks of about
 * `CHUNK_CHARS` each and long strings in pieces; the last line is the skeleton, with
 * `{"$chunks": n}` / `{"$pieces": n}` where they go.
 */
const CHUNK_CHARS = 8 << 20
const LONG_ARRAY = 10_000
const MAGIC = 'SQBSNAP1'
const HEADER_BYTES = 16

const TYPED_ARRAYS = { Uint8Array, Uint16Array, Uint32Array, Int32Array, Float32Array, Float64Array } as const
type TypedArrayName = keyof typeof TYPED_ARRAYS
type TypedArray = InstanceType<(typeof TYPED_ARRAYS)[TypedArrayName]>

interface Blob {
  type: TypedArrayName
  offset: number
  byteLength: number
}

/** Thrown by `readSnapshotFile` for a file that is not a snapshot of this format (an older one, or another file). */
export class SnapshotFormatError extends Error {
  override name = 'SnapshotFormatError'
}

/** Every typed array in `value` (plain data), in the order a snapshot file stores them. */
export function typedArraysIn(value: unknown): TypedArray[] {
  const found: TypedArray[] = []
  extractTypedArrays(value, found)
  return found
}

/** `value` with its typed arrays replaced by `{ $blob: n }`, the arrays listed in `found`. */
function extractTypedArrays(value: unknown, found: TypedArray[]): unknown {
  if (value === null || typeof value !== 'object') return value
  if (ArrayBuffer.isView(value)) {
    const name = value.constructor.name
    if (!(name in TYPED_ARRAYS)) throw new TypeError(`writeSnapshotFile: cannot store a ${name}`)
    found.push(value as TypedArray)
    return { $blob: found.length - 1 }
  }
  if (Array.isArray(value)) {
    // Rows of scalars (most of a vocabulary) hold no typed array: keep them as they are.
    return value.some((element) => element !== null && typeof element === 'object') ? value.map((element) => extractTypedArrays(element, found)) : value
  }
  const out: Record<string, unknown> = {}
  for (const [key, element] of Object.entries(value)) out[key] = extractTypedArrays(element, found)
  return out
}

/** Writes `arrays` after the header, each at a multiple of 8 bytes; resolves to their places and the end. */
async function writeBlobs(out: WriteStream, arrays: TypedArray[]): Promise<{ blobs: Blob[]; end: number }> {
  const blobs: Blob[] = []
  let at = 0
  const write = async (bytes: Uint8Array) => {
    at += bytes.byteLength
    if (!out.write(bytes)) await once(out, 'drain')
  }
  await write(new Uint8Array(HEADER_BYTES))
  for (const array of arrays) {
    if (at % 8 !== 0) await write(new Uint8Array(8 - (at % 8)))
    blobs.push({ type: array.constructor.name as TypedArrayName, offset: at, byteLength: array.byteLength })
    // A copy: the stream may hold the bytes until later, and the caller's array may change.
    await write(new Uint8Array(array.buffer, array.byteOffset, array.byteLength).slice())
  }
  return { blobs, end: at }
}

/** Writes `value` (JSON-able) to `file` atomically: a reader never sees half a file. Resolves to the bytes written. */
export async function writeSnapshotFile(file: string, value: unknown): Promise<number> {
  const partial = `${file}.${process.pid}.tmp`
  // Fail here, not inside the stream: a stream that cannot open reports it by an event that an
  // awaited 'drain' or 'finish' would never see, and the write would hang.
  await writeFile(partial, '')
  const out = createWriteStream(partial)
  const arrays: TypedArray[] = []
  const skeletonValue = extractTypedArrays(value, arrays)
  let bytes = 0
  let jsonStart = 0
  let blobs: Blob[] = []
  let next = 0
  const write = async (line: string) => {
    bytes += Buffer.byteLength(line) + 1
    if (!out.write(`${line}\n`)) await once(out, 'drain')
  }
  const split = async (item: unknown): Promise<unknown> => {
    if (typeof item === 'string' && item.length > CHUNK_CHARS) {
      const id = next++
      for (let at = 0; at < item.length; at += CHUNK_CHARS) await write(JSON.stringify({ piece: id, text: item.slice(at, at + CHUNK_CHARS) }))
      return { $pieces: id }
    }
    if (Array.isArray(item) && item.length > LONG_ARRAY) {
      const id = next++
      let parts: string[] = []
      let size = 0
      for (const element of item) {
        // Rows of numbers and short strings, the bulk of a snapshot, need no splitting.
        const plain = typeof element !== 'object' || element === null ? typeof element !== 'string' || element.length <= CHUNK_CHARS : Array.isArray(element) && element.every(isShortScalar)
        const json = JSON.stringify(plain ? element : await split(element)) ?? 'null'
        parts.push(json)
        size += json.length
        if (size >= CHUNK_CHARS) {
          await write(`{"chunk":${id},"items":[${parts.join(',')}]}`)
          parts = []
          size = 0
        }
      }
      if (parts.length > 0) await write(`{"chunk":${id},"items":[${parts.join(',')}]}`)
      return { $chunks: id }
    }
    if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
      const out: Record<string, unknown> = {}
      for (const [key, element] of Object.entries(item)) out[key] = await split(element)
      return out
    }
    if (Array.isArray(item)) {
      const out: unknown[] = []
      for (const element of item) out.push(await split(element))
      return out
    }
    return item
  }
  try {
    ;({ blobs, end: jsonStart } = await writeBlobs(out, arrays))
    bytes = jsonStart
    await write(JSON.stringify({ skeleton: await split(skeletonValue), blobs }))
    out.end()
    await once(out, 'finish')
    const handle = await open(partial, 'r+')
    try {
      const header = Buffer.alloc(HEADER_BYTES)
      header.write(MAGIC, 0, 'latin1')
      header.writeBigUInt64LE(BigInt(jsonStart), 8)
      await handle.write(header, 0, HEADER_BYTES, 0)
    } finally {
      await handle.close()
    }
    await rename(partial, file)
  } catch (error) {
    out.destroy()
    await rm(partial, { force: true })
    throw error
  }
  return bytes
}

function isShortScalar(item: unknown): boolean {
  return item === null || typeof item === 'number' || typeof item === 'boolean' || (typeof item === 'string' && item.length <= CHUNK_CHARS)
}

/** Reads a file written by `writeSnapshotFile` back into the value. */
export async function readSnapshotFile(file: string): Promise<unknown> {
  const handle = await open(file, 'r')
  try {
    const header = Buffer.alloc(HEADER_BYTES)
    const { bytesRead } = await handle.read(header, 0, HEADER_BYTES, 0)
    if (bytesRead < HEADER_BYTES || header.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new SnapshotFormatError(`${file} is not an index snapshot of this version`)
    const jsonStart = Number(header.readBigUInt64LE(8))
    const { size } = await handle.stat()
    if (jsonStart < HEADER_BYTES || jsonStart > size) throw new SnapshotFormatError(`${file}: the header points past the end of the file (cut short?)`)
    const { skeleton, blobs } = await readJsonLines(file, jsonStart)
    let arrays: TypedArray[]
    if (jsonStart - HEADER_BYTES <= MAX_REGION_BYTES) {
      // All the blobs in one read, each array a view into it: one allocation and one system call
      // rather than one of each per array. Blob offsets are multiples of 8, as views need.
      const region = new Uint8Array(jsonStart - HEADER_BYTES)
      await readFully(handle, region, HEADER_BYTES)
      arrays = blobs.map((blob) => viewOf(region.buffer, blob.offset - HEADER_BYTES, blob))
    } else {
      arrays = []
      for (const blob of blobs) {
        const bytes = new Uint8Array(blob.byteLength)
        await readFully(handle, bytes, blob.offset)
        arrays.push(viewOf(bytes.buffer, 0, blob))
      }
    }
    return restoreTypedArrays(skeleton, arrays)
  } finally {
    await handle.close()
  }
}

/** Blobs read in one piece up to this size; a larger snapshot reads each blob on its own. */
const MAX_REGION_BYTES = 2 ** 31 - 1

/** Fills `bytes` from the file at `position`, in reads of at most 1 GB (a single read is capped at 2 GB). */
async function readFully(handle: Awaited<ReturnType<typeof open>>, bytes: Uint8Array, position: number): Promise<void> {
  for (let done = 0; done < bytes.byteLength; ) {
    const { bytesRead } = await handle.read(bytes, done, Math.min(1 << 30, bytes.byteLength - done), position + done)
    if (bytesRead === 0) throw new SnapshotFormatError('the snapshot ends inside a blob (cut short?)')
    done += bytesRead
  }
}

/** The typed array `blob` describes, over `buffer` from `byteOffset`. */
function viewOf(buffer: ArrayBuffer, byteOffset: number, blob: Blob): TypedArray {
  const Type = TYPED_ARRAYS[blob.type] as unknown as { new (buffer: ArrayBuffer, byteOffset: number, length: number): TypedArray; BYTES_PER_ELEMENT: number } | undefined
  if (!Type || blob.byteLength % Type.BYTES_PER_ELEMENT !== 0 || byteOffset % 8 !== 0 || byteOffset < 0 || byteOffset + blob.byteLength > buffer.byteLength) {
    throw new SnapshotFormatError(`a blob of type ${String(blob.type)} and ${blob.byteLength} bytes at ${blob.offset}`)
  }
  return new Type(buffer, byteOffset, blob.byteLength / Type.BYTES_PER_ELEMENT)
}

/** `value` with each `{ $blob: n }` replaced by `arrays[n]`. */
function restoreTypedArrays(value: unknown, arrays: TypedArray[]): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const element: unknown = value[i]
      if (element !== null && typeof element === 'object') value[i] = restoreTypedArrays(element, arrays)
    }
    return value
  }
  const record = value as Record<string, unknown>
  if (typeof record.$blob === 'number' && Object.keys(record).length === 1) {
    const array = arrays[record.$blob]
    if (!array) throw new SnapshotFormatError(`the snapshot names blob ${record.$blob}, which it does not have`)
    return array
  }
  for (const key of Object.keys(record)) record[key] = restoreTypedArrays(record[key], arrays)
  return record
}

/** The JSON lines from byte `start` on, joined back into the skeleton's value. */
async function readJsonLines(file: string, start: number): Promise<{ skeleton: unknown; blobs: Blob[] }> {
  const chunks = new Map<number, unknown[]>()
  const pieces = new Map<number, string[]>()
  let skeleton: unknown
  let blobs: Blob[] = []
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20, start }), crlfDelay: Infinity })
  for await (const line of lines) {
    if (line === '') continue
    const record = JSON.parse(line) as { chunk?: number; items?: unknown[]; piece?: number; text?: string; skeleton?: unknown; blobs?: Blob[] }
    if (record.chunk !== undefined) {
      const list = chunks.get(record.chunk)
      if (list) for (const item of record.items ?? []) list.push(item)
      else chunks.set(record.chunk, record.items ?? [])
    } else if (record.piece !== undefined) {
      const list = pieces.get(record.piece) ?? []
      list.push(record.text ?? '')
      pieces.set(record.piece, list)
    } else if ('skeleton' in record) {
      skeleton = record.skeleton
      blobs = record.blobs ?? []
    }
  }
  if (skeleton === undefined) throw new SnapshotFormatError(`${file}: the snapshot has no skeleton line (cut short?)`)
  const join = (item: unknown): unknown => {
    if (item === null || typeof item !== 'object') return item
    if (Array.isArray(item)) {
      for (let i = 0; i < item.length; i++) {
        const element: unknown = item[i]
        if (element !== null && typeof element === 'object') item[i] = join(element)
      }
      return item
    }
    const record = item as Record<string, unknown>
    if (typeof record.$chunks === 'number' && Object.keys(record).length === 1) return join(chunks.get(record.$chunks) ?? [])
    if (typeof record.$pieces === 'number' && Object.keys(record).length === 1) return (pieces.get(record.$pieces) ?? []).join('')
    for (const key of Object.keys(record)) record[key] = join(record[key])
    return record
  }
  return { skeleton: join(skeleton), blobs }
}
