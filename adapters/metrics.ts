import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'
import type { SourceSummary } from '../src/index.js'
import type { QuestionMetrics } from './answering.js'

/** Options for `createMetrics`. */
export interface MetricsOptions {
  /** Prefix of every metric name. Defaults to `quotes_bot_`. */
  prefix?: string
  /** Also export Node's process metrics (CPU, memory, event-loop lag). Defaults to `true`. */
  processMetrics?: boolean
}

const DEFAULT_METRICS_OPTIONS: Required<MetricsOptions> = { prefix: 'quotes_bot_', processMetrics: true }

/**
 * Answer latency buckets in seconds. The core answers in milliseconds on a small corpus and in
 * tens of milliseconds on 100,000 passages, so the buckets are fine at the low end.
 */
const LATENCY_BUCKETS_S = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

/** The metrics of one process, served at `/metrics`. */
export interface AppMetrics {
  /** What `/metrics` serializes. */
  registry: Registry
  /** Passed to the adapters in `AdapterDeps.metrics`. */
  questions: QuestionMetrics
  /** Sets the corpus size gauges; called after every (re)build of the index. */
  setCorpus(sources: SourceSummary[]): void
  /** Counts a corpus reload by its result. */
  recordReload(result: 'reloaded' | 'failed'): void
}

/**
 * Creates a registry of its own (not prom-client's global one, so tests and several instances do
 * not collide) with the question counter, the answer latency histogram and the corpus gauges.
 */
export function createMetrics(options: MetricsOptions = {}): AppMetrics {
  const { prefix, processMetrics } = { ...DEFAULT_METRICS_OPTIONS, ...options }
  const registry = new Registry()
  if (processMetrics) collectDefaultMetrics({ register: registry, prefix })

  const questions = new Counter({
    name: `${prefix}questions_total`,
    help: 'Questions asked, by adapter and answer status (answered, no_answer, invalid, user_error, error)',
    labelNames: ['adapter', 'status'] as const,
    registers: [registry],
  })
  const latency = new Histogram({
    name: `${prefix}answer_duration_seconds`,
    help: 'Time the core took to answer a question, by adapter',
    labelNames: ['adapter'] as const,
    buckets: LATENCY_BUCKETS_S,
    registers: [registry],
  })
  const articles = new Gauge({ name: `${prefix}corpus_articles`, help: 'Articles in the index in service', registers: [registry] })
  const passages = new Gauge({ name: `${prefix}corpus_passages`, help: 'Passages in the index in service', registers: [registry] })
  const characters = new Gauge({ name: `${prefix}corpus_characters`, help: 'Characters of article text in the index in service', registers: [registry] })
  const reloads = new Counter({
    name: `${prefix}corpus_reloads_total`,
    help: 'Corpus reloads, by result; a failed one leaves the previous index in service',
    labelNames: ['result'] as const,
    registers: [registry],
  })

  return {
    registry,
    questions: {
      recordQuestion(adapter, status, latencyMs) {
        questions.inc({ adapter, status })
        latency.observe({ adapter }, latencyMs / 1000)
      },
    },
    setCorpus(sources) {
      articles.set(sources.length)
      passages.set(sources.reduce((sum, summary) => sum + summary.passages, 0))
      characters.set(sources.reduce((sum, summary) => sum + summary.characters, 0))
    },
    recordReload(result) {
      reloads.inc({ result })
    },
  }
}
