import { readFile } from 'node:fs/promises'
import { gunzipSync } from 'node:zlib'
import { parseArgs } from 'node:util'
import { createEngine, type ArticleInput } from '../src/index.js'
import { readArticle } from '../src/reading.js'
import { buildCorpusIndex } from '../src/search.js'
import { analyzeQuestion } from '../src/question.js'
import { sentenceText } from '../src/passages.js'
import { askedKindOf, DEFAULT_COMPARE_ANSWERS_OPTIONS, sourceReadings } from '../src/claims/answers.js'

/**
 * RAMDocs (Wang et al., 2025): each question's documents become a corpus; the question is asked and
 * the answer's disagreements counted. Recall: flagged where the documents' answers differ. False
 * alarms: flagged where they all agree. Baseline: flag when the first numbers of the documents differ.
 */
const DATASET = new URL('../../shared/datasets/ramdocs/RAMDocs_test.jsonl', import.meta.url)

interface RamDocsRow {
  question: string
  documents: Array<{ text: string; type: 'correct' | 'misinfo' | 'noise'; answer: string }>
}

interface Counts {
  differ: number
  agree: number
  flaggedDiffer: number
  flaggedAgree: number
}

const { values } = parseArgs({ options: { json: { type: 'boolean' }, limit: { type: 'string' }, verbose: { type: 'boolean' }, misses: { type: 'string' }, conflicts: { type: 'boolean' }, defining: { type: 'string' } } })
/** `--defining copula,bracket`: the frames that define a subject (`CompareAnswersOptions.definingFrames`), to measure the option both ways. */
const compare = values.defining === undefined ? {} : { definingFrames: values.defining.split(',').filter((frame) => frame !== '') as Array<'copula' | 'object' | 'apposition' | 'as' | 'bracket'> }

/**
 * `--misses other` (or `date`, `person`, `number`, `place`, `all`): for each missed conflict of that
 * answer type, the question, the asked kind, the answer's status and quote count, and per document its
 * gold answer, best answering sentence and the value read in it, so that misses can be classed by cause.
 */
function printMiss(row: RamDocsRow, articles: ArticleInput[], answer: ReturnType<ReturnType<typeof createEngine>['ask']>, type: string): void {
  const passages = articles.flatMap((article) => readArticle(article).passages)
  const index = buildCorpusIndex(articles, passages)
  const analyzed = analyzeQuestion(index, row.question)
  const kind = askedKindOf(row.question)
  const readings = kind ? sourceReadings(index, analyzed, passages.map((passage) => passage.id), kind, { ...DEFAULT_COMPARE_ANSWERS_OPTIONS, ...compare }) : []
  const lines = [`MISS [${type}] ${row.question}  (asked kind: ${kind ?? 'none'}; answer: ${answer.status}, ${answer.quotes.length} quote(s) from ${new Set(answer.quotes.map((quote) => quote.source.id)).size} source(s))`]
  for (const [i, doc] of row.documents.entries()) {
    const reading = readings.find((candidate) => candidate.sourceId === `doc-${i + 1}`)
    const best = reading?.answer ?? [...(reading?.sentences ?? [])].sort((a, b) => b.score - a.score)[0]
    const sentence = best ? sentenceText(best.passage, best.sentence).replace(/\s+/g, ' ').slice(0, 220) : '(no answering sentence)'
    const value = reading?.answer ? `value "${reading.answer.value.display}" share ${reading.answer.score.toFixed(2)}` : 'no value'
    lines.push(`  doc-${i + 1} [${doc.type}] gold "${doc.answer}" | ${value} | ${sentence}`)
  }
  process.stderr.write(`${lines.join('\n')}\n`)
}

/** The answer type of a row, from its gold answer's form and its question's: so the weak kinds are visible. */
type AnswerType = 'number' | 'date' | 'person' | 'place' | 'other'
const MONTH = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/
function answerTypeOf(row: RamDocsRow): AnswerType {
  const answer = row.documents.find((doc) => doc.type !== 'noise')?.answer ?? ''
  const question = row.question.toLowerCase()
  if (/^\s*when\b|\bwhat year\b/.test(question) || MONTH.test(answer) || /^\d{4}$/.test(answer.trim())) return 'date'
  if (/\d/.test(answer)) return 'number'
  if (/^\s*who\b/.test(question)) return 'person'
  if (/^\s*where\b|\bin which (?:city|state|country|town)\b/.test(question)) return 'place'
  return 'other'
}
const byType = new Map<AnswerType, Counts>()
const rows = (await readFile(DATASET, 'utf8'))
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as RamDocsRow)
  .slice(0, values.limit ? Number(values.limit) : undefined)

const FIRST_NUMBER = /\d+(?:[.,]\d+)*/
const detector: Counts = { differ: 0, agree: 0, flaggedDiffer: 0, flaggedAgree: 0 }
const baseline: Counts = { differ: 0, agree: 0, flaggedDiffer: 0, flaggedAgree: 0 }
const startedAt = performance.now()
for (const row of rows) {
  // Noise documents carry no answer; the label is whether the answering documents differ.
  const answers = new Set(row.documents.filter((doc) => doc.type !== 'noise').map((doc) => doc.answer.trim().toLowerCase()))
  const differ = answers.size > 1
  const articles = row.documents.map((doc, i) => ({ id: `doc-${i + 1}`, title: `Document ${i + 1}`, text: doc.text }))
  const answer = createEngine(articles, { compare }).ask(row.question)
  const found = answer.disagreements
  const flagged = found.length > 0
  const type = answerTypeOf(row)
  if (values.misses && differ && !flagged && (values.misses === 'all' || values.misses === type)) printMiss(row, articles, answer, type)
  const typed = byType.get(type) ?? { differ: 0, agree: 0, flaggedDiffer: 0, flaggedAgree: 0 }
  byType.set(type, typed)
  if (values.verbose && flagged !== differ) {
    process.stderr.write(`${differ ? 'MISS' : 'FALSE'} [${type}] ${row.question} | ${row.documents.map((doc) => doc.answer).join(' / ')} | ${found.map((d) => d.claims.map((c) => c.value).join(' vs ')).join('; ')}\n`)
  }
  const firstNumbers = new Set(row.documents.map((doc) => FIRST_NUMBER.exec(doc.text)?.[0]?.replace(/,/g, '')).filter((n): n is string => n !== undefined))
  const baselineFlagged = firstNumbers.size > 1
  for (const [counts, flag] of [[detector, flagged], [baseline, baselineFlagged], [typed, flagged]] as const) {
    if (differ) {
      counts.differ++
      if (flag) counts.flaggedDiffer++
    } else {
      counts.agree++
      if (flag) counts.flaggedAgree++
    }
  }
}
const elapsedMs = performance.now() - startedAt

const summary = (counts: Counts) => {
  const flagged = counts.flaggedDiffer + counts.flaggedAgree
  return {
    recall: counts.differ === 0 ? 0 : counts.flaggedDiffer / counts.differ,
    falseAlarmRate: counts.agree === 0 ? 0 : counts.flaggedAgree / counts.agree,
    precision: flagged === 0 ? 1 : counts.flaggedDiffer / flagged,
    ...counts,
  }
}
const types = Object.fromEntries([...byType].sort((a, b) => b[1].differ + b[1].agree - (a[1].differ + a[1].agree)).map(([type, counts]) => [type, summary(counts)]))
const result = { questions: rows.length, elapsedMs: Math.round(elapsedMs), detector: summary(detector), baseline: summary(baseline), byAnswerType: types }

if (values.json) {
  process.stdout.write(`${JSON.stringify(result)}\n`)
} else {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7)
  const line = (name: string, s: ReturnType<typeof summary>) =>
    `${name.padEnd(26)}${pct(s.recall)}  (${s.flaggedDiffer}/${s.differ})${pct(s.falseAlarmRate)}  (${s.flaggedAgree}/${s.agree})${pct(s.precision)}`
  process.stdout.write(
    [
      `RAMDocs: ${rows.length} questions, ${detector.differ} where the documents' answers differ, ${detector.agree} where they agree (${Math.round(elapsedMs)} ms)`,
      `${''.padEnd(26)} recall            false alarms      precision`,
      line('disagreement detector', result.detector),
      line('baseline: first numbers', result.baseline),
      'detector by answer type:',
      ...Object.entries(types).map(([type, counts]) => line(`  ${type}`, counts)),
    ].join('\n') + '\n',
  )
}

/**
 * Google's CONFLICTS subset (Cattan et al., 2025; `rag-conflicts`): each question's search results
 * as a corpus, dated where the page gives a date. Not tuned on: run once with `--conflicts`.
 */
if (values.conflicts) {
  const DIR = new URL('../../shared/datasets/rag-conflicts/', import.meta.url)
  interface Task { id: string; question: string; conflict_type: string; document_ids: string[] }
  interface Doc { doc_id: string; title?: string; url?: string; date?: string | null; content: string }
  const tasks = (await readFile(new URL('tasks.jsonl', DIR), 'utf8')).split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Task)
  const docs = new Map<string, Doc>()
  for (const line of gunzipSync(await readFile(new URL('corpus.jsonl.gz', DIR))).toString('utf8').split('\n')) {
    if (line.trim() === '') continue
    const doc = JSON.parse(line) as Doc
    docs.set(doc.doc_id, doc)
  }
  const counts = { differ: 0, agree: 0, flaggedDiffer: 0, flaggedAgree: 0, newerMarked: 0 }
  for (const task of tasks) {
    const articles = task.document_ids.flatMap((id) => {
      const doc = docs.get(id)
      if (!doc || doc.content.trim() === '') return []
      const at = Date.parse(doc.date ?? '')
      return [{ id, title: doc.title?.trim() || id, text: doc.content, ...(Number.isFinite(at) ? { published: new Date(at).toISOString().slice(0, 10) } : {}) }]
    })
    if (articles.length === 0) continue
    const found = createEngine(articles, { compare }).ask(task.question).disagreements
    const conflict = task.conflict_type !== 'no_conflict'
    if (conflict) {
      counts.differ++
      if (found.length > 0) counts.flaggedDiffer++
      if (found.some((disagreement) => disagreement.claims.some((claim) => claim.newer))) counts.newerMarked++
    } else {
      counts.agree++
      if (found.length > 0) counts.flaggedAgree++
    }
    if (values.verbose && found.length > 0) process.stderr.write(`${conflict ? 'HIT ' : 'FALSE'} ${task.question} | ${found.map((d) => d.claims.map((c) => c.value).join(' vs ')).join('; ')}\n`)
  }
  const wilson = (k: number, n: number, z = 1.96) => {
    if (n === 0) return [0, 0]
    const p = k / n
    const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n)
    const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))
    return [centre - half, centre + half]
  }
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`
  const [rLow, rHigh] = wilson(counts.flaggedDiffer, counts.differ)
  const [fLow, fHigh] = wilson(counts.flaggedAgree, counts.agree)
  const conflicts = { ...counts, recall: counts.flaggedDiffer / counts.differ, recallWilson95: [rLow, rHigh], falseAlarmRate: counts.flaggedAgree / counts.agree, falseAlarmWilson95: [fLow, fHigh] }
  if (values.json) process.stdout.write(`${JSON.stringify({ conflicts })}\n`)
  else {
    process.stdout.write(
      [
        `CONFLICTS (Google, 150 questions: ${counts.differ} conflicting, ${counts.agree} not), run once, not tuned on:`,
        `  recall       ${pct(conflicts.recall)} (${counts.flaggedDiffer}/${counts.differ}), 95% Wilson ${pct(rLow ?? 0)}–${pct(rHigh ?? 0)}; newer source named in ${counts.newerMarked}`,
        `  false alarms ${pct(conflicts.falseAlarmRate)} (${counts.flaggedAgree}/${counts.agree}), 95% Wilson ${pct(fLow ?? 0)}–${pct(fHigh ?? 0)}`,
      ].join('\n') + '\n',
    )
  }
}
