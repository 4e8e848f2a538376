import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { seededRandom } from './generate-corpus.js'
import { loadSciFact } from './scifact.js'

/** The seed articles next to the project: real news prose, one `.txt` per article. */
export const SEEDS_DIR = process.env.SEEDS_DIR ?? fileURLToPath(new URL('../../shared/seeds/', import.meta.url))

/** Sentences of real text: SciFact's abstracts and the seed articles, split at sentence ends. */
export async function loadRealSentences(): Promise<string[]> {
  const { articles } = await loadSciFact()
  const texts = articles.map((article) => article.text)
  for (const name of (await readdir(SEEDS_DIR)).filter((entry) => entry.endsWith('.txt')).sort()) {
    texts.push((await readFile(join(SEEDS_DIR, name), 'utf8')).split('\n').slice(1).join('\n'))
  }
  const sentences: string[] = []
  for (const text of texts) {
    for (const sentence of text.split(/(?<=[.!?])\s+(?=[A-Z“"])/u)) {
      const trimmed = sentence.trim()
      if (trimmed.length >= 40 && trimmed.length <= 400) sentences.push(trimmed)
    }
  }
  return sentences
}

const SYLLABLES = 'ka ve lo ra mi to sun dar el an bri wa ter kes sel or ban vir ta hol mar en ost lin qua dor fen gal ro'.split(' ')
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

/**
 * Writes `files` articles of real sentences into `dir` as Markdown with front matter, grouped into
 * invented stories of 3–8 articles. Each story has its own invented people, place, date and
 * figures; its articles share some sentences (retold coverage) and each adds its own, and each
 * states the story's duration, sometimes differently, so disagreements exist at every size.
 * Deterministic for a given `seed`. Returns the number of stories.
 */
export async function writeRealCorpus(dir: string, files: number, sentences: readonly string[], seed = 7): Promise<{ stories: number }> {
  await mkdir(dir, { recursive: true })
  const random = seededRandom(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const name = (parts: number) => {
    const word = Array.from({ length: parts }, () => pick(SYLLABLES)).join('')
    return word.charAt(0).toUpperCase() + word.slice(1)
  }
  let written = 0
  let stories = 0
  while (written < files) {
    stories++
    const size = Math.min(files - written, 3 + Math.floor(random() * 6))
    const place = name(3)
    const people = [`${name(2)} ${name(3)}`, `${name(2)} ${name(2)}`]
    const organisation = `${name(2)} ${pick(['Council', 'Institute', 'Union', 'Authority', 'Group'])}`
    const day = 1 + Math.floor(random() * 27)
    const month = Math.floor(random() * 12)
    const year = 2020 + Math.floor(random() * 10)
    const hours = 2 + Math.floor(random() * 12)
    const shared = Array.from({ length: 6 }, () => pick(sentences))
    for (let a = 0; a < size; a++) {
      const id = `s${stories}-a${a}`
      const stated = random() < 0.2 ? hours + 1 + Math.floor(random() * 3) : hours
      const body = [
        `${people[0]} of the ${organisation} met officials in ${place} on ${pick(WEEKDAYS)}, ${MONTHS[month]} ${day}, for ${stated} hours.`,
        ...shared.filter(() => random() < 0.6),
        `${people[1]} said in ${place} that the findings would be reviewed by the ${organisation}.`,
        ...Array.from({ length: 3 + Math.floor(random() * 6) }, () => pick(sentences)),
      ]
      const paragraphs: string[] = []
      for (let i = 0; i < body.length; i += 3) paragraphs.push(body.slice(i, i + 3).join(' '))
      const published = `${year}-${String(month + 1).padStart(2, '0')}-${String(Math.min(28, day + Math.floor(random() * 3))).padStart(2, '0')}`
      const title = `${place}: ${people[0]} and the ${organisation}`
      await writeFile(join(dir, `${id}.md`), `---\nid: ${id}\ntitle: "${title}"\npublished: ${published}\n---\n\n${paragraphs.join('\n\n')}\n`)
      written++
    }
  }
  return { stories }
}
