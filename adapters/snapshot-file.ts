import { once } from 'node:events'
import { createReadStream, createWriteStream } from 'node:fs'
import { rename, rm, writeFile } from 'node:fs/promises'
import { createInterface } from 'node:readline'

/**
 * A snapshot on disk as JSON lines. One `JSON.stringify` of a large corpus's snapshot would pass
 * V8's string limit (about 512 MB), so long arrays are written in chunks of about
 * `CHUNK_CHARS` each and long strings (typed arrays in base64) in pieces; the last line is the
 * skeleton, with `{"$chunks": n}` / `{"$pieces": n}` where they go. Small snapshots are one
 * skeleton line of plain JSON.
 */
const CHUNK_CHARS = 8 << 20
const LONG_ARRAY = 10_000

/** Writes `value` (JSON-able) to `file` atomically: a reader never sees half a file. Resolves to the bytes written. */
export async function writeSnapshotFile(file: string, value: unknown): Promise<number> {
  const partial = `${file}.${process.pid}.tmp`
  // Fail here, not inside the stream: a stream that cannot open reports it by an event that an
  // awaited 'drain' or 'finish' would never see, and the write would hang.
  await writeFile(partial, '')
  const out = createWriteStream(partial)
  let bytes = 0
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
    await write(JSON.stringify({ skeleton: await split(value) }))
    out.end()
    await once(out, 'finish')
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
  const chunks = new Map<number, unknown[]>()
  const pieces = new Map<number, string[]>()
  let skeleton: unknown
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }), crlfDelay: Infinity })
  for await (const line of lines) {
    if (line === '') continue
    const record = JSON.parse(line) as { chunk?: number; items?: unknown[]; piece?: number; text?: string; skeleton?: unknown }
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
    }
  }
  if (skeleton === undefined) throw new Error(`${file}: the snapshot has no skeleton line (cut short?)`)
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
  return join(skeleton)
}
