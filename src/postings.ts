import SearchableMap from 'minisearch/SearchableMap'

/**
 * BM25 over compact postings: one inverted list per term, stored in typed arrays (compressed sparse
 * rows), with each posting's BM25 term-frequency part precomputed at build time. Scoring a query is
 * then a multiply-add per posting into a reused accumulator, and only the best `limit` documents
 * are kept (a min-heap). minisearch's own index holds a `Map` per term and field and sorts every
 * matching document: at 100,000 passages that is 250 MB and 60 ms a query, against 40 MB and well
 * under a millisecond here. minisearch's radix tree (`SearchableMap`) still holds the vocabulary,
 * so prefix and fuzzy expansion work as in minisearch.
 */
export interface BM25Options {
  /** Term-frequency saturation. Defaults to `0.9` (Anserini's BM25 baseline). */
  k?: number
  /** Length normalisation: 0 ignores document length, 1 normalises fully. Defaults to `0.4`. */
  b?: number
  /** BM25+ lower bound added to every matching term's frequency part. Defaults to `0`. */
  d?: number
  /** Weight of a title match against a body match. Defaults to `1`. */
  titleBoost?: number
  /**
   * `merged`: one field, a title word counting as `titleBoost` body words (BM25F). `separate`: a
   * BM25 score per field, with its own document frequencies and lengths, summed with the title's
   * weighted by `titleBoost` (minisearch's and Elasticsearch's multi-field way). Defaults to `merged`.
   */
  fields?: 'merged' | 'separate'
  /**
   * Document frequencies for IDF, in `merged` mode: of the whole document (`all`), or of the text
   * alone (`text`), so that a title shared by every passage of a long article does not make its
   * words look common. Defaults to `all`.
   */
  idfFrom?: 'all' | 'text'
  /** Document length as its number of terms (`tokens`, textbook BM25) or of distinct terms (`distinct`, minisearch's). Defaults to `tokens`. */
  length?: 'tokens' | 'distinct'
  /**
   * How far a title's weight in a document is spread over the documents that share it
   * (`DocumentTerms.titleShare`): divided by `titleShare ** titleSpread`. Defaults to `0` (not spread).
   */
  titleSpread?: number
}

export const DEFAULT_BM25_OPTIONS: Required<BM25Options> = { k: 0.9, b: 0.4, d: 0, titleBoost: 1, fields: 'merged', idfFrom: 'all', length: 'tokens', titleSpread: 0 }

/** The analysed terms of one document, by field; duplicates count as term frequency. */
export interface DocumentTerms {
  title: readonly string[]
  /** The text's terms, each as often as it occurs, or each once when `textCounts` is given. */
  text: readonly string[]
  /** How often each of `text` occurs, for a caller that has tallied them already (`PassageTerms`). Defaults to once each. */
  textCounts?: readonly number[]
  /** How many documents share this title (the passages of one article). Defaults to `1`. */
  titleShare?: number
}

/** One field's inverted lists. Plain typed arrays, so a snapshot stores them as they are. */
export interface FieldPostings {
  /** Weight of this field's score. */
  boost: number
  /** Postings of term `t` are at `[offsets[t], offsets[t + 1])` in `docs` and `impacts`. */
  offsets: Uint32Array
  /** Document numbers, ascending within each term. */
  docs: Uint32Array
  /** BM25's term-frequency part `tf·(k+1) / (tf + k·(1 − b + b·len/avgLen))`, scaled to `0..65535` of `k+1`. */
  impacts: Uint16Array
  /** Largest impact of each term, for skipping terms that cannot change the top results. */
  maxImpacts: Uint16Array
  /** Document frequency for IDF when it is not the list's length (`idfFrom: 'text'`); 0 falls back to the length. */
  docFreqs?: Uint32Array
}

/** The inverted index: per field, one list per term. */
export interface Postings {
  options: Required<BM25Options>
  docCount: number
  /** Terms by id, shared by the fields. */
  termList: string[]
  /** Term → id, in minisearch's radix tree (prefix and fuzzy lookups). */
  termIds: SearchableMap<number>
  fields: FieldPostings[]
}

const IMPACT_SCALE = 65535

/** Grows a typed array by doubling. */
function grow<T extends Uint32Array | Float32Array>(array: T, needed: number): T {
  if (needed <= array.length) return array
  let size = array.length
  while (size < needed) size *= 2
  const bigger = new (array.constructor as new (length: number) => T)(size)
  bigger.set(array)
  return bigger
}

/** Collects one field document by document (term id, frequency), then turns it term-major. */
class FieldBuilder {
  private terms = new Uint32Array(1 << 12)
  private freqs = new Float32Array(1 << 12)
  private pairs = 0
  private readonly starts: Uint32Array
  private readonly lengths: Float32Array
  private readonly scales: Float32Array
  private totalLength = 0

  constructor(
    private readonly count: number,
    private readonly boost: number,
  ) {
    this.starts = new Uint32Array(count + 1)
    this.lengths = new Float32Array(count)
    this.scales = new Float32Array(count)
  }

  /** `scale` multiplies this document's impacts in this field. */
  add(doc: number, local: Map<number, number>, length: number, scale = 1): void {
    this.starts[doc] = this.pairs
    this.lengths[doc] = length
    this.scales[doc] = scale
    this.totalLength += length
    this.terms = grow(this.terms, this.pairs + local.size)
    this.freqs = grow(this.freqs, this.pairs + local.size)
    for (const [id, freq] of local) {
      this.terms[this.pairs] = id
      this.freqs[this.pairs] = freq
      this.pairs++
    }
    this.starts[doc + 1] = this.pairs
  }

  finish(termCount: number, k: number, b: number): FieldPostings {
    const { terms, freqs, starts, lengths, scales, pairs, count } = this
    const offsets = new Uint32Array(termCount + 1)
    for (let i = 0; i < pairs; i++) offsets[(terms[i] as number) + 1]!++
    for (let t = 0; t < termCount; t++) offsets[t + 1]! += offsets[t]!
    const cursor = offsets.slice(0, termCount)
    const docs = new Uint32Array(pairs)
    const impacts = new Uint16Array(pairs)
    const maxImpacts = new Uint16Array(termCount)
    const avgLength = count > 0 && this.totalLength > 0 ? this.totalLength / count : 1
    for (let doc = 0; doc < count; doc++) {
      const norm = k * (1 - b + (b * (lengths[doc] as number)) / avgLength)
      const scale = scales[doc] as number
      for (let i = starts[doc] as number; i < (starts[doc + 1] as number); i++) {
        const term = terms[i] as number
        const freq = freqs[i] as number
        const at = cursor[term]!++
        docs[at] = doc
        // At least 1: a posting must never score as absent.
        const impact = Math.max(1, Math.round(((scale * freq * (k + 1)) / (freq + norm) / (k + 1)) * IMPACT_SCALE))
        impacts[at] = impact
        if (impact > (maxImpacts[term] as number)) maxImpacts[term] = impact
      }
    }
    this.terms = new Uint32Array(0)
    this.freqs = new Float32Array(0)
    return { boost: this.boost, offsets, docs, impacts, maxImpacts }
  }
}

/**
 * Builds postings over `count` documents, reading each once through `termsOf(doc)`. Memory is
 * about 6 bytes a posting, plus twice that briefly while building.
 */
export function buildPostings(count: number, termsOf: (doc: number) => DocumentTerms, options: BM25Options = {}): Postings {
  const settings = { ...DEFAULT_BM25_OPTIONS, ...options }
  const termIds = new Map<string, number>()
  const termList: string[] = []
  const idOf = (term: string) => {
    let id = termIds.get(term)
    if (id === undefined) {
      id = termList.length
      termIds.set(term, id)
      termList.push(term)
    }
    return id
  }
  const separate = settings.fields === 'separate'
  const builders = separate ? [new FieldBuilder(count, 1), new FieldBuilder(count, settings.titleBoost)] : [new FieldBuilder(count, 1)]
  const local = new Map<number, number>()
  const tally = (terms: readonly string[], weight: number, counts?: readonly number[]) => {
    terms.forEach((term, i) => {
      const id = idOf(term)
      local.set(id, (local.get(id) ?? 0) + weight * (counts?.[i] ?? 1))
    })
  }
  const textDocFreqs = !separate && settings.idfFrom === 'text' ? new Map<number, number>() : undefined
  const lengthOf = (terms: readonly string[], counts?: readonly number[]) =>
    settings.length === 'distinct' ? new Set(terms).size : counts ? counts.reduce((sum, n) => sum + n, 0) : terms.length
  for (let doc = 0; doc < count; doc++) {
    const { title, text, textCounts, titleShare = 1 } = termsOf(doc)
    // One article's title repeated over its many passages would lift them all: spread its evidence.
    const spread = settings.titleSpread > 0 && titleShare > 1 ? titleShare ** -settings.titleSpread : 1
    local.clear()
    tally(text, 1, textCounts)
    if (separate) {
      builders[0]?.add(doc, local, lengthOf(text, textCounts))
      local.clear()
      tally(title, 1)
      builders[1]?.add(doc, local, lengthOf(title), spread)
    } else {
      if (textDocFreqs) for (const id of local.keys()) textDocFreqs.set(id, (textDocFreqs.get(id) ?? 0) + 1)
      tally(title, settings.titleBoost * spread)
      builders[0]?.add(doc, local, lengthOf(text, textCounts) + lengthOf(title) * settings.titleBoost * spread)
    }
  }
  const fields = builders.map((builder) => builder.finish(termList.length, settings.k, settings.b))
  if (textDocFreqs && fields[0]) {
    const docFreqs = new Uint32Array(termList.length)
    for (const [id, df] of textDocFreqs) docFreqs[id] = df
    fields[0].docFreqs = docFreqs
  }
  return { options: settings, docCount: count, termList, termIds: radixTreeOf(termList), fields }
}

/** minisearch's radix tree over the terms, each mapped to its id. */
export function radixTreeOf(termList: readonly string[]): SearchableMap<number> {
  const tree = new SearchableMap<number>()
  termList.forEach((term, id) => tree.set(term, id))
  return tree
}

/** Inverse document frequency in BM25's form, never negative. */
export function bm25Idf(docCount: number, docFreq: number): number {
  return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5))
}

/** A query term (already analysed) and its weight. */
export interface QueryTerm {
  term: string
  weight: number
}

/** Restricts results to documents whose `groups[doc]` is `group` (for example, one source). */
export interface DocumentFilter {
  groups: Uint32Array
  group: number
}

/** One scored document. */
export interface ScoredDocument {
  doc: number
  score: number
}

interface Scratch {
  scores: Float64Array
  touched: Uint32Array
}

const scratchOf = new WeakMap<Postings, Scratch>()

/**
 * The `limit` best documents for `query`, best first (ties: lower document number first). Exact
 * BM25: terms are read in order of their largest possible contribution, and once the documents
 * already seen hold a top `limit` that the remaining terms cannot overturn for an unseen document,
 * the remaining terms are looked up only for the candidates still in reach (MaxScore).
 */
export function searchPostings(postings: Postings, query: readonly QueryTerm[], limit: number, filter?: DocumentFilter): ScoredDocument[] {
  const { k, d } = postings.options
  const unit = (k + 1) / IMPACT_SCALE
  const weights = new Map<number, number>()
  for (const { term, weight } of query) {
    const id = postings.termIds.get(term)
    if (id === undefined || !(weight > 0)) continue
    weights.set(id, Math.max(weights.get(id) ?? 0, weight))
  }
  if (weights.size === 0 || limit < 1) return []
  // One list per query term and field; each field's lists carry that field's IDF and weight.
  const terms: Array<{ field: FieldPostings; start: number; end: number; factor: number; floor: number; upper: number }> = []
  for (const field of postings.fields) {
    for (const [id, weight] of weights) {
      const start = field.offsets[id] as number
      const end = field.offsets[id + 1] as number
      if (end === start) continue
      const factor = weight * field.boost * bm25Idf(postings.docCount, field.docFreqs?.[id] || end - start)
      terms.push({ field, start, end, factor, floor: factor * d, upper: factor * (d + (field.maxImpacts[id] as number) * unit) })
    }
  }
  if (terms.length === 0) return []
  terms.sort((x, y) => y.upper - x.upper || x.end - x.start - (y.end - y.start))

  let scratch = scratchOf.get(postings)
  if (!scratch) scratchOf.set(postings, (scratch = { scores: new Float64Array(postings.docCount), touched: new Uint32Array(postings.docCount) }))
  const { scores, touched } = scratch
  let touchedCount = 0
  let remaining = terms.reduce((sum, term) => sum + term.upper, 0)
  let candidates: Uint32Array | undefined
  let candidateCount = 0
  try {
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t] as (typeof terms)[number]
      remaining -= term.upper
      const scale = term.factor * unit
      const { docs, impacts } = term.field
      if (!candidates) {
        for (let i = term.start; i < term.end; i++) {
          const doc = docs[i] as number
          if (filter && filter.groups[doc] !== filter.group) continue
          if (scores[doc] === 0) touched[touchedCount++] = doc
          scores[doc] = (scores[doc] as number) + term.floor + (impacts[i] as number) * scale
        }
        // Checking costs a pass over the documents seen: worth it only before a long list.
        const next = terms[t + 1]
        if (next && touchedCount >= limit && next.end - next.start > touchedCount) {
          const threshold = kthLargest(scores, touched, touchedCount, limit)
          if (threshold > remaining) {
            candidates = new Uint32Array(touchedCount)
            for (let i = 0; i < touchedCount; i++) {
              const doc = touched[i] as number
              if ((scores[doc] as number) + remaining >= threshold) candidates[candidateCount++] = doc
            }
            candidates.subarray(0, candidateCount).sort()
          }
        }
      } else {
        // Candidates are ascending, so each lookup resumes where the last one stopped.
        let from = term.start
        for (let c = 0; c < candidateCount; c++) {
          const doc = candidates[c] as number
          from = lowerBound(docs, doc, from, term.end)
          if (from >= term.end) break
          if (docs[from] === doc) scores[doc] = (scores[doc] as number) + term.floor + (impacts[from] as number) * scale
        }
      }
    }
    return topK(scores, candidates ?? touched, candidates ? candidateCount : touchedCount, limit)
  } finally {
    for (let i = 0; i < touchedCount; i++) scores[touched[i] as number] = 0
  }
}

/** First index in `[from, to)` whose doc is at least `doc` (galloping, then binary search). */
function lowerBound(docs: Uint32Array, doc: number, from: number, to: number): number {
  let step = 1
  let low = from
  let high = from
  while (high < to && (docs[high] as number) < doc) {
    low = high + 1
    high += step
    step *= 2
  }
  if (high > to) high = to
  while (low < high) {
    const mid = (low + high) >>> 1
    if ((docs[mid] as number) < doc) low = mid + 1
    else high = mid
  }
  return low
}

/** The `k`-th largest score among `docs[0..count)`. */
function kthLargest(scores: Float64Array, docs: Uint32Array, count: number, k: number): number {
  const heap = new Float64Array(k)
  let size = 0
  for (let i = 0; i < count; i++) {
    const score = scores[docs[i] as number] as number
    if (size < k) {
      let at = size++
      while (at > 0) {
        const parent = (at - 1) >> 1
        if ((heap[parent] as number) <= score) break
        heap[at] = heap[parent] as number
        at = parent
      }
      heap[at] = score
    } else if (score > (heap[0] as number)) {
      siftDown(heap, size, score)
    }
  }
  return heap[0] as number
}

function siftDown(heap: Float64Array, size: number, value: number): void {
  let at = 0
  for (;;) {
    let child = 2 * at + 1
    if (child >= size) break
    if (child + 1 < size && (heap[child + 1] as number) < (heap[child] as number)) child++
    if ((heap[child] as number) >= value) break
    heap[at] = heap[child] as number
    at = child
  }
  heap[at] = value
}

/** The best `limit` of `docs[0..count)`, best first; equal scores in document order. */
function topK(scores: Float64Array, docs: Uint32Array, count: number, limit: number): ScoredDocument[] {
  // A min-heap on (score, then higher doc number = worse), so the root is the one to evict.
  const heap: ScoredDocument[] = []
  const worse = (x: ScoredDocument, y: ScoredDocument) => x.score < y.score || (x.score === y.score && x.doc > y.doc)
  for (let i = 0; i < count; i++) {
    const doc = docs[i] as number
    const score = scores[doc] as number
    if (heap.length < limit) {
      const entry = { doc, score }
      heap.push(entry)
      let at = heap.length - 1
      while (at > 0) {
        const parent = (at - 1) >> 1
        if (!worse(entry, heap[parent] as ScoredDocument)) break
        heap[at] = heap[parent] as ScoredDocument
        at = parent
      }
      heap[at] = entry
    } else {
      // Most documents lose to the root: compare before allocating an entry for them.
      const root = heap[0] as ScoredDocument
      if (!(root.score < score || (root.score === score && root.doc > doc))) continue
      const entry = { doc, score }
      let at = 0
      for (;;) {
        let child = 2 * at + 1
        if (child >= heap.length) break
        if (child + 1 < heap.length && worse(heap[child + 1] as ScoredDocument, heap[child] as ScoredDocument)) child++
        if (!worse(heap[child] as ScoredDocument, entry)) break
        heap[at] = heap[child] as ScoredDocument
        at = child
      }
      heap[at] = entry
    }
  }
  return heap.sort((x, y) => y.score - x.score || x.doc - y.doc)
}
