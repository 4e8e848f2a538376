import { INDEX_STOP_WORDS, QUESTION_STOP_WORDS, stem, tokenize } from './analyzer.js'
import type { Source, Story } from './types.js'

/** Accents left by NFKD (global: for `replace` only). */
const COMBINING_MARKS = /\p{M}/gu

/** Made once: the build's TypeScript loader turns a `\p{…}` literal into `new RegExp(…)` wherever it stands, so one inside a function made a regex per call. */
const HAS_LETTER = /\p{L}/u
const HAS_DIGIT = /\p{N}/u

/** How articles are grouped into stories. */
export interface StoryOptions {
  /**
   * Least cosine between two articles' name-and-title vectors for them to be one story. Measured
   * (`bench/real-corpus.ts`, fixtures) at 0.15 / 0.2 / 0.25 / 0.3: the mixed fixture corpus is split
   * right at all four; 200 recombined articles of 37 invented stories give 35 / 37 / 37 / 38 stories;
   * SciFact's 5,183 unrelated abstracts give a largest group of 751 / 193 / 79 / 76; five one-line
   * reports of one bridge opening, one naming another mayor, stay one story up to 0.25 and split at 0.3.
   * Defaults to `0.25`.
   */
  threshold?: number
  /** Weight of a title word that is not a name, against 1 for a name: titles share common words ("talks"). Defaults to `0.5`. */
  titleWeight?: number
  /**
   * A term in more articles than this share of the corpus (and more than `minCommonArticles`) finds
   * no candidates: every article naming "Monday" is not a pair to compare. Defaults to `0.02`.
   */
  commonShare?: number
  /** Floor of the article count above which a term is too common to find candidates. Defaults to `200`. */
  minCommonArticles?: number
  /** Most words in a label. Defaults to `3`. */
  labelTerms?: number
}

export const DEFAULT_STORY_OPTIONS: Required<StoryOptions> = { threshold: 0.25, titleWeight: 0.5, commonShare: 0.02, minCommonArticles: 200, labelTerms: 3 }

/** An article as stories read it. */
export interface StoryArticle {
  source: Source
  text: string
}

/**
 * Days and months are capitalised but name no event: every story has a Friday. A general English
 * list, as the analyzer's stop words are.
 */
const CALENDAR_WORDS: ReadonlySet<string> = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'.split(' '),
)

/**
 * Whether the word at `start` of `text` opens a sentence or a quotation, where capitals say nothing
 * about names: it starts the text, or the three characters before it end with an opening mark
 * (`.!?:;"“”—–` or a line break) and any white space. Read by character codes, backwards from the
 * word: finding names asks it of every token of the corpus.
 */
export function opensSentence(text: string, start: number): boolean {
  const from = Math.max(0, start - 3)
  if (from === start) return true
  for (let i = start - 1; i >= from; i--) {
    const code = text.charCodeAt(i)
    if (isOpeningMark(code)) return true
    if (!isWhiteSpace(code)) return false
  }
  return false
}

function isOpeningMark(code: number): boolean {
  return code === 0x2e || code === 0x21 || code === 0x3f || code === 0x3a || code === 0x3b || code === 0x22 || code === 0x201c || code === 0x201d || code === 0x2014 || code === 0x2013 || code === 0x0a
}

/** The characters of a regular expression's `\s`. */
function isWhiteSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d)
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
}

/** Least share of a word's mid-sentence occurrences written capitalised for it to be a name. */
const NAME_SHARE = 0.6

/**
 * Groups articles into stories: an event and its coverage. Each article becomes a vector of the
 * names it uses (words the corpus writes capitalised mid-sentence) and its title's words, weighted
 * by how rare they are in the corpus (smoothed IDF); articles whose vectors reach `threshold`
 * cosine (`threshold`) join one story (union-find, so a story is the articles linked through such pairs).
 * Candidate pairs come from an inverted index over the terms that are not common, so the cost grows
 * with the pairs that share a rare term, never with all pairs. Stories are ordered largest first,
 * then by their first article's place in the corpus; ids are slugs of their labels.
 */
export function buildStories(articles: StoryArticle[], options: StoryOptions = {}): Story[] {
  const settings = { ...DEFAULT_STORY_OPTIONS, ...options }
  const n = articles.length
  const names = findNames(articles)
  const surfaces = new Map<string, Map<string, number>>()
  const stems = new Map<string, string>()
  // Stemming is the costly step and names repeat: each word is stemmed once.
  const stemOf = (word: string) => {
    let found = stems.get(word)
    if (found === undefined) stems.set(word, (found = stem(word)))
    return found
  }
  const runsOf: Array<Map<string, Map<string, number>>> = []
  const termsOf = articles.map(({ source, text }) => {
    const runs = new Map<string, Map<string, number>>()
    runsOf.push(runs)
    return articleTerms(source.title, text, names, settings.titleWeight, surfaces, stemOf, runs)
  })
  const df = new Map<string, number>()
  for (const terms of termsOf) for (const term of terms.keys()) df.set(term, (df.get(term) ?? 0) + 1)
  const idfOf = (term: string) => Math.log(1 + n / (df.get(term) ?? 1))
  // A term of one article links it to nothing, and would only dilute the terms it shares.
  const vectors = termsOf.map((terms) => normalise(terms, idfOf, (term) => (df.get(term) ?? 0) > 1))

  const commonAbove = Math.max(settings.minCommonArticles, Math.ceil(settings.commonShare * n))
  const postings = new Map<string, Array<[article: number, weight: number]>>()
  vectors.forEach((vector, i) => {
    for (const [term, weight] of vector) {
      if ((df.get(term) ?? 0) > commonAbove) continue
      let list = postings.get(term)
      if (!list) postings.set(term, (list = []))
      list.push([i, weight])
    }
  })
  // Pairs at or above the threshold, found through the postings of their shared rare terms.
  const edges: Array<[i: number, j: number, similarity: number]> = []
  const dots = new Float64Array(n)
  const touched: number[] = []
  vectors.forEach((vector, i) => {
    for (const [term, weight] of vector) {
      for (const [j, other] of postings.get(term) ?? []) {
        if (j <= i) continue
        if (dots[j] === 0) touched.push(j)
        dots[j] = (dots[j] ?? 0) + weight * other
      }
    }
    for (const j of touched) {
      if ((dots[j] ?? 0) >= settings.threshold) edges.push([i, j, dots[j] ?? 0])
      dots[j] = 0
    }
    touched.length = 0
  })
  const find = joinByCentroid(vectors, edges, settings.threshold)

  const members = new Map<number, number[]>()
  for (let i = 0; i < n; i++) {
    const root = find(i)
    const list = members.get(root)
    if (list) list.push(i)
    else members.set(root, [i])
  }
  const groups = [...members.values()].sort((a, b) => b.length - a.length || (a[0] ?? 0) - (b[0] ?? 0))
  const usedIds = new Set<string>()
  const nextNumber = new Map<string, number>()
  return groups.map((group) => {
    const terms = labelTermsOf(group, termsOf, surfaces, idfOf)
    const label = labelOf(group, articles, terms, names, surfaces, runsOf, settings.labelTerms)
    // Ids keep the terms' own words, so a story's id does not change with how its names are written out.
    const id = uniqueId(slugOf(terms.length > 0 && names.size > 0 ? terms.slice(0, settings.labelTerms).map((term) => mostCommonForm(surfaces.get(term))).join(' ') : label), usedIds, nextNumber)
    const published = dateRange(group.map((i) => articles[i]?.source.published))
    return { id, label, sources: group.map((i) => articles[i]?.source.id ?? ''), ...(published ? { published } : {}) }
  })
}

/**
 * Joins articles along `edges`, strongest first, as long as the two groups' centroids (sums of
 * their articles' vectors) still reach `threshold` cosine. Joining on every strong pair alone
 * (single linkage) chains: A shares a name with B, B another with C, and on SciFact's abstracts one
 * group took 4,281 of 5,183. A group's centroid spreads as unrelated articles join it, so a chain
 * stops where the articles stop sharing an event. Returns the group representative of each article.
 */
function joinByCentroid(vectors: Array<Map<string, number>>, edges: Array<[number, number, number]>, threshold: number): (i: number) => number {
  const parent = Int32Array.from({ length: vectors.length }, (_, i) => i)
  const find = (i: number): number => {
    while (parent[i] !== i) {
      const up = parent[parent[i] as number] as number
      parent[i] = up
      i = up
    }
    return i
  }
  const centroids = new Map<number, { sum: Map<string, number>; norm2: number }>()
  const centroidOf = (root: number) => {
    let centroid = centroids.get(root)
    if (!centroid) {
      const sum = new Map(vectors[root])
      let norm2 = 0
      for (const value of sum.values()) norm2 += value * value
      centroids.set(root, (centroid = { sum, norm2 }))
    }
    return centroid
  }
  edges.sort((a, b) => b[2] - a[2] || a[0] - b[0] || a[1] - b[1])
  for (const [i, j] of edges) {
    const [a, b] = [find(i), find(j)]
    if (a === b) continue
    const [left, right] = [centroidOf(a), centroidOf(b)]
    const [small, large] = left.sum.size <= right.sum.size ? [left, right] : [right, left]
    let dot = 0
    for (const [term, value] of small.sum) dot += value * (large.sum.get(term) ?? 0)
    if (dot / Math.sqrt(left.norm2 * right.norm2) < threshold) continue
    for (const [term, value] of small.sum) {
      const old = large.sum.get(term) ?? 0
      large.sum.set(term, old + value)
      large.norm2 += (old + value) ** 2 - old * old
    }
    const [keep, drop] = large === left ? [a, b] : [b, a]
    parent[drop] = keep
    centroids.delete(drop)
  }
  return find
}

/** The story of each source id, for grouping claims or passages by story. */
export function storyOfSource(stories: readonly Story[]): Map<string, string> {
  const storyOf = new Map<string, string>()
  for (const story of stories) for (const sourceId of story.sources) storyOf.set(sourceId, story.id)
  return storyOf
}

/** Lower-cased words the corpus writes capitalised in most of their mid-sentence occurrences. */
function findNames(articles: StoryArticle[]): Set<string> {
  const counts = new Map<string, { capitalised: number; total: number }>()
  for (const { text } of articles) {
    for (const token of tokenize(text)) {
      const first = text.charAt(token.start)
      if (!HAS_LETTER.test(first) || opensSentence(text, token.start)) continue
      let count = counts.get(token.word)
      if (!count) counts.set(token.word, (count = { capitalised: 0, total: 0 }))
      count.total++
      if (first !== first.toLowerCase()) count.capitalised++
    }
  }
  const names = new Set<string>()
  for (const [word, { capitalised, total }] of counts) {
    if (capitalised / total < NAME_SHARE || CALENDAR_WORDS.has(word) || QUESTION_STOP_WORDS.has(word) || INDEX_STOP_WORDS.has(word)) continue
    names.add(word)
  }
  return names
}

/**
 * An article's terms with their raw weights: names by count, title words once. Records each name's
 * surface forms, and in `runs` the whole names each name term is written in ("Brannock General
 * Hospital" for "brannock" and for "general"): runs of name words with a single space between them.
 */
function articleTerms(
  title: string,
  text: string,
  names: ReadonlySet<string>,
  titleWeight: number,
  surfaces: Map<string, Map<string, number>>,
  stemOf: (word: string) => string,
  runs: Map<string, Map<string, number>>,
): Map<string, number> {
  const counts = new Map<string, number>()
  let run: { start: number; end: number; terms: string[] } | undefined
  const closeRun = () => {
    if (!run) return
    const surface = text.slice(run.start, run.end)
    for (const term of run.terms) {
      let forms = runs.get(term)
      if (!forms) runs.set(term, (forms = new Map()))
      forms.set(surface, (forms.get(surface) ?? 0) + 1)
    }
    run = undefined
  }
  for (const token of tokenize(text)) {
    if (!names.has(token.word)) {
      closeRun()
      continue
    }
    const term = stemOf(token.word)
    counts.set(term, (counts.get(term) ?? 0) + 1)
    let forms = surfaces.get(term)
    if (!forms) surfaces.set(term, (forms = new Map()))
    const surface = text.slice(token.start, token.end)
    forms.set(surface, (forms.get(surface) ?? 0) + 1)
    if (run && /^ $/.test(text.slice(run.end, token.start))) {
      run.end = token.end
      run.terms.push(term)
    } else {
      closeRun()
      run = { start: token.start, end: token.end, terms: [term] }
    }
  }
  closeRun()
  const terms = new Map<string, number>()
  for (const [term, count] of counts) terms.set(term, 1 + Math.log(count))
  for (const token of tokenize(title)) {
    if (token.word.length < 3 || HAS_DIGIT.test(token.word) || QUESTION_STOP_WORDS.has(token.word) || INDEX_STOP_WORDS.has(token.word) || CALENDAR_WORDS.has(token.word)) continue
    const term = stemOf(token.word)
    const weight = names.has(token.word) ? 1 : titleWeight
    terms.set(term, Math.max(terms.get(term) ?? 0, weight))
  }
  return terms
}

function normalise(terms: Map<string, number>, idfOf: (term: string) => number, keep: (term: string) => boolean): Map<string, number> {
  const vector = new Map<string, number>()
  let norm = 0
  for (const [term, weight] of terms) {
    if (!keep(term)) continue
    const value = weight * idfOf(term)
    vector.set(term, value)
    norm += value * value
  }
  norm = Math.sqrt(norm)
  if (norm > 0) for (const [term, value] of vector) vector.set(term, value / norm)
  return vector
}

/**
 * The name terms of a story, best label first: shared by most of its articles, then the most used,
 * then the rarer in the corpus (the event's own names).
 */
function labelTermsOf(group: number[], termsOf: Array<Map<string, number>>, surfaces: Map<string, Map<string, number>>, idfOf: (term: string) => number): string[] {
  const articleCount = new Map<string, number>()
  const weightSum = new Map<string, number>()
  for (const i of group) {
    for (const [term, weight] of termsOf[i] ?? []) {
      if (!surfaces.has(term)) continue
      articleCount.set(term, (articleCount.get(term) ?? 0) + 1)
      weightSum.set(term, (weightSum.get(term) ?? 0) + weight)
    }
  }
  const needed = group.length > 1 ? 2 : 1
  return [...articleCount]
    .filter(([, count]) => count >= needed)
    .sort((a, b) => b[1] - a[1] || (weightSum.get(b[0]) ?? 0) - (weightSum.get(a[0]) ?? 0) || idfOf(b[0]) - idfOf(a[0]) || a[0].localeCompare(b[0]))
    .map(([term]) => term)
}

/**
 * A story's label in the corpus's own words: its best name terms (`labelTermsOf`), each as the whole
 * name its articles write it in most ("Brannock General Hospital, Dalia Perrin, Tomas Vell"; "Ellison"
 * where the articles mostly write the surname alone), a name already in the label not repeated. A
 * story without shared names is labelled with its first title.
 */
function labelOf(
  group: number[],
  articles: StoryArticle[],
  terms: string[],
  names: ReadonlySet<string>,
  surfaces: Map<string, Map<string, number>>,
  runsOf: Array<Map<string, Map<string, number>>>,
  labelTerms: number,
): string {
  if (terms.length === 0 || names.size === 0) return articles[group[0] ?? 0]?.source.title ?? ''
  const phrases: string[] = []
  const covered = new Set<string>()
  for (const term of terms) {
    if (phrases.length === labelTerms) break
    if (covered.has(term)) continue
    const runs = new Map<string, { count: number; terms: string[] }>()
    for (const i of group) {
      for (const [surface, count] of runsOf[i]?.get(term) ?? []) {
        const entry = runs.get(surface)
        if (entry) entry.count += count
        else runs.set(surface, { count, terms: [] })
      }
    }
    // The most written whole name, the longer of two as common; its terms are then said.
    let best: string | undefined
    let bestCount = 0
    for (const [surface, { count }] of runs) {
      if (count > bestCount || (count === bestCount && best !== undefined && surface.length > best.length)) {
        best = surface
        bestCount = count
      }
    }
    const phrase = best ?? mostCommonForm(surfaces.get(term))
    for (const i of group) for (const [other, forms] of runsOf[i] ?? []) if (forms.has(phrase)) covered.add(other)
    covered.add(term)
    phrases.push(phrase)
  }
  return phrases.join(', ')
}

function mostCommonForm(forms: Map<string, number> | undefined): string {
  let best = ''
  let bestCount = -1
  for (const [form, count] of forms ?? []) {
    if (count > bestCount) {
      best = form
      bestCount = count
    }
  }
  return best
}

/** Most words of a label kept in a story id. */
const ID_WORDS = 6

function slugOf(label: string): string {
  const words = tokenize(label).map((token) => token.word.normalize('NFKD').replace(COMBINING_MARKS, '').replace(/[^a-z0-9]/g, '')).filter((word) => word !== '')
  return words.slice(0, ID_WORDS).join('-') || 'story'
}

/**
 * `slug`, or `slug-2`, `slug-3`… the first not yet in `used`. The number tried last per slug is kept
 * in `next`: a corpus of thousands of one-article stories can give one slug hundreds of times, and
 * trying every number from 2 again each time would take the square of that.
 */
function uniqueId(slug: string, used: Set<string>, next: Map<string, number>): string {
  let id = slug
  let k = next.get(slug) ?? 2
  if (k > 2) id = `${slug}-${k}`
  for (; used.has(id); k++) id = `${slug}-${k}`
  next.set(slug, k)
  used.add(id)
  return id
}

/** Earliest and latest of the dates given, as the articles write them; undefined when none parses. */
function dateRange(dates: Array<string | undefined>): { from: string; to: string } | undefined {
  let from: { text: string; time: number } | undefined
  let to: { text: string; time: number } | undefined
  for (const text of dates) {
    if (text === undefined) continue
    const time = Date.parse(text)
    if (Number.isNaN(time)) continue
    if (!from || time < from.time) from = { text, time }
    if (!to || time > to.time) to = { text, time }
  }
  return from && to ? { from: from.text, to: to.text } : undefined
}
