/**
 * The floor: the least a BM25 search can cost in JavaScript on this machine. One field, postings in
 * `Uint32Array`/`Float32Array` (document, precomputed term-frequency part), term-at-a-time scoring
 * into a `Float32Array` and a top-k min-heap. No fuzzy matching, no filters, no snapshot: only
 * what a bare BM25 search must do.
 */
export interface FloorIndex {
  search(terms: readonly string[], k: number): Array<{ doc: number; score: number }>
}

/** Builds the floor index over already analysed documents (k1 0.9, b 0.4). */
export function buildFloorIndex(documents: ReadonlyArray<readonly string[]>, k1 = 0.9, b = 0.4): FloorIndex {
  const ids = new Map<string, number>()
  const lists: number[][] = []
  const freqs: number[][] = []
  const lengths = new Float32Array(documents.length)
  let total = 0
  documents.forEach((terms, doc) => {
    lengths[doc] = terms.length
    total += terms.length
    const local = new Map<number, number>()
    for (const term of terms) {
      let id = ids.get(term)
      if (id === undefined) {
        ids.set(term, (id = lists.length))
        lists.push([])
        freqs.push([])
      }
      local.set(id, (local.get(id) ?? 0) + 1)
    }
    for (const [id, freq] of local) {
      lists[id]?.push(doc)
      freqs[id]?.push(freq)
    }
  })
  const avg = total / Math.max(1, documents.length)
  const postings = lists.map((list, id) => {
    const docs = Uint32Array.from(list)
    const weights = new Float32Array(list.length)
    const f = freqs[id] ?? []
    for (let i = 0; i < list.length; i++) {
      const tf = f[i] ?? 0
      weights[i] = (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * (lengths[list[i] ?? 0] ?? 0)) / avg))
    }
    return { docs, weights }
  })
  lists.length = 0
  freqs.length = 0
  const scores = new Float32Array(documents.length)
  const touched = new Uint32Array(documents.length)
  const n = documents.length
  return {
    search(terms, k) {
      let count = 0
      for (const term of new Set(terms)) {
        const id = ids.get(term)
        if (id === undefined) continue
        const { docs, weights } = postings[id] as { docs: Uint32Array; weights: Float32Array }
        const idf = Math.log(1 + (n - docs.length + 0.5) / (docs.length + 0.5))
        for (let i = 0; i < docs.length; i++) {
          const doc = docs[i] as number
          if (scores[doc] === 0) touched[count++] = doc
          scores[doc] = (scores[doc] as number) + idf * (weights[i] as number)
        }
      }
      const heapDocs = new Uint32Array(k)
      const heapScores = new Float32Array(k)
      let size = 0
      for (let i = 0; i < count; i++) {
        const doc = touched[i] as number
        const score = scores[doc] as number
        scores[doc] = 0
        if (size < k) {
          let at = size++
          while (at > 0 && (heapScores[(at - 1) >> 1] as number) > score) {
            heapScores[at] = heapScores[(at - 1) >> 1] as number
            heapDocs[at] = heapDocs[(at - 1) >> 1] as number
            at = (at - 1) >> 1
          }
          heapScores[at] = score
          heapDocs[at] = doc
        } else if (score > (heapScores[0] as number)) {
          let at = 0
          for (;;) {
            let child = 2 * at + 1
            if (child >= size) break
            if (child + 1 < size && (heapScores[child + 1] as number) < (heapScores[child] as number)) child++
            if ((heapScores[child] as number) >= score) break
            heapScores[at] = heapScores[child] as number
            heapDocs[at] = heapDocs[child] as number
            at = child
          }
          heapScores[at] = score
          heapDocs[at] = doc
        }
      }
      const out: Array<{ doc: number; score: number }> = []
      for (let i = 0; i < size; i++) out.push({ doc: heapDocs[i] as number, score: heapScores[i] as number })
      return out.sort((x, y) => y.score - x.score)
    },
  }
}
