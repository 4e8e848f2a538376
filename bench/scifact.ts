import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import type { ArticleInput } from '../src/index.js'

/** BEIR SciFact as shipped next to the project (see its SOURCE.md). Override with `SCIFACT_DIR`. */
export const SCIFACT_DIR = process.env.SCIFACT_DIR ?? fileURLToPath(new URL('../../shared/datasets/scifact/', import.meta.url))

/** SciFact read into the bot's shapes: each abstract an article, each claim a query. */
export interface SciFact {
  articles: ArticleInput[]
  queries: Map<string, string>
  /** Relevance judgments by query id: relevant document ids. */
  test: Map<string, Set<string>>
  train: Map<string, Set<string>>
}

/** Reads the corpus, the queries and both sets of judgments. */
export async function loadSciFact(dir = SCIFACT_DIR): Promise<SciFact> {
  const corpus = gunzipSync(await readFile(join(dir, 'corpus.jsonl.gz'))).toString('utf8')
  const articles: ArticleInput[] = []
  for (const line of corpus.split('\n')) {
    if (line.trim() === '') continue
    const doc = JSON.parse(line) as { _id: string; title: string; text: string }
    // An abstract with no text still has its title: index the title as the text too, as BEIR does.
    articles.push({ id: doc._id, title: doc.title, text: doc.text.trim() === '' ? doc.title : doc.text })
  }
  const queries = new Map<string, string>()
  for (const line of (await readFile(join(dir, 'queries.jsonl'), 'utf8')).split('\n')) {
    if (line.trim() === '') continue
    const query = JSON.parse(line) as { _id: string; text: string }
    queries.set(query._id, query.text)
  }
  return { articles, queries, test: await readQrels(join(dir, 'qrels/test.tsv')), train: await readQrels(join(dir, 'qrels/train.tsv')) }
}

async function readQrels(file: string): Promise<Map<string, Set<string>>> {
  const qrels = new Map<string, Set<string>>()
  for (const line of (await readFile(file, 'utf8')).split('\n').slice(1)) {
    const [queryId, docId, score] = line.trim().split('\t')
    if (!queryId || !docId || Number(score) <= 0) continue
    let relevant = qrels.get(queryId)
    if (!relevant) qrels.set(queryId, (relevant = new Set()))
    relevant.add(docId)
  }
  return qrels
}

/** nDCG@k with binary relevance. */
export function ndcgAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  let dcg = 0
  ranked.slice(0, k).forEach((id, i) => {
    if (relevant.has(id)) dcg += 1 / Math.log2(i + 2)
  })
  let ideal = 0
  for (let i = 0; i < Math.min(k, relevant.size); i++) ideal += 1 / Math.log2(i + 2)
  return ideal === 0 ? 0 : dcg / ideal
}

/** Share of the relevant documents found in the top `k`. */
export function recallAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (relevant.size === 0) return 0
  let found = 0
  for (const id of ranked.slice(0, k)) if (relevant.has(id)) found++
  return found / relevant.size
}
