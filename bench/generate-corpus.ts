import type { ArticleInput, Passage } from '../src/index.js'
import { tokenize } from '../src/analyzer.js'

/**
 * Generated padding for the scale benchmark: articles whose words are drawn from the word
 * frequencies of a real corpus (unigram sampling with a seeded generator), so postings lengths,
 * vocabulary and document lengths follow the real ones. Passages and sentences are made directly
 * (a paragraph is a passage), with no NLP pass: at a million passages, wink-nlp alone would take
 * most of an hour.
 */
export interface GeneratedCorpus {
  articles: ArticleInput[]
  passages: Passage[]
}

/** mulberry32: a small, fast, seeded generator, so every run generates the same text. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A sampler of words with the frequencies they have in `texts`. */
export function createWordSampler(texts: Iterable<string>, random: () => number): () => string {
  const counts = new Map<string, number>()
  for (const text of texts) for (const token of tokenize(text)) counts.set(token.word, (counts.get(token.word) ?? 0) + 1)
  const words = [...counts.keys()]
  const cumulative = new Float64Array(words.length)
  let total = 0
  words.forEach((word, i) => {
    total += counts.get(word) ?? 0
    cumulative[i] = total
  })
  return () => {
    const target = random() * total
    let low = 0
    let high = words.length - 1
    while (low < high) {
      const mid = (low + high) >>> 1
      if ((cumulative[mid] as number) <= target) low = mid + 1
      else high = mid
    }
    return words[low] as string
  }
}

/** Generates articles of 8–12 passages, 3–7 sentences each, 8–30 words a sentence, until `passageCount`. */
export function generateCorpus(passageCount: number, sampleWord: () => string, random: () => number, idPrefix = 'gen'): GeneratedCorpus {
  const articles: ArticleInput[] = []
  const passages: Passage[] = []
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1))
  const sentence = () => {
    const words: string[] = []
    for (let i = between(8, 30); i > 0; i--) words.push(sampleWord())
    const first = words[0] ?? 'word'
    words[0] = first.charAt(0).toUpperCase() + first.slice(1)
    return `${words.join(' ')}.`
  }
  while (passages.length < passageCount) {
    const id = `${idPrefix}-${articles.length + 1}`
    const titleWords: string[] = []
    for (let i = between(6, 10); i > 0; i--) titleWords.push(sampleWord())
    const paragraphs: Array<Array<{ start: number; end: number }>> = []
    let text = ''
    for (let p = between(8, 12); p > 0 && passages.length + paragraphs.length < passageCount; p--) {
      if (text !== '') text += '\n\n'
      const spans: Array<{ start: number; end: number }> = []
      for (let s = between(3, 7); s > 0; s--) {
        if (spans.length > 0) text += ' '
        const line = sentence()
        spans.push({ start: text.length, end: text.length + line.length })
        text += line
      }
      paragraphs.push(spans)
    }
    const article: ArticleInput = { id, title: titleWords.join(' '), text }
    articles.push(article)
    paragraphs.forEach((spans, i) => {
      const start = spans[0]?.start ?? 0
      const end = spans[spans.length - 1]?.end ?? start
      passages.push({
        id: `${id}#${i + 1}`,
        sourceId: id,
        start,
        end,
        text: text.slice(start, end),
        sentences: spans.map((span) => ({ ...span, kind: 'text' as const, lead: false })),
        isLead: false,
      })
    })
  }
  return { articles, passages }
}
