import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const SRC = fileURLToPath(new URL('../../src/', import.meta.url))
const FORBIDDEN = [/from ['"]discord\.js['"]/, /from ['"]grammy['"]/, /from ['"]@grammyjs\//, /from ['"]pino['"]/, /from ['"](node:)?fs(\/promises)?['"]/, /process\.env/, /from ['"]\.\.\/adapters/]

describe('the core (src/)', () => {
  it('imports no chat library, logger, file system or environment', async () => {
    // Recursive: the claim kinds live in src/claims/.
    const files = (await readdir(SRC, { recursive: true })).filter((name) => name.endsWith('.ts'))
    expect(files.length).toBeGreaterThan(5)
    const offences: string[] = []
    for (const file of files) {
      const text = await readFile(join(SRC, file), 'utf8')
      for (const pattern of FORBIDDEN) if (pattern.test(text)) offences.push(`${file}: ${pattern}`)
    }
    expect(offences).toEqual([])
  })
})

describe('the code', () => {
  it('knows nothing of the bundled corpus: no names or places from its articles', async () => {
    const words = /\b(trump|putin|alaska|ukrain\w*|zelensk\w*|biden|kremlin|anchorage|moscow|kyiv|rubio|witkoff)\b/i
    const offences: string[] = []
    for (const folder of ['../../src/', '../../adapters/']) {
      const root = fileURLToPath(new URL(folder, import.meta.url))
      for (const entry of await readdir(root, { recursive: true })) {
        if (!entry.endsWith('.ts')) continue
        const text = await readFile(join(root, entry), 'utf8')
        const match = words.exec(text)
        if (match) offences.push(`${folder}${entry}: ${match[0]}`)
      }
    }
    expect(offences).toEqual([])
  })
})
