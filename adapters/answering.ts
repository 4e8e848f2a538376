import { UserFacingError, type Answer, type AskOptions, type Engine } from '../src/index.js'
import type { Newsroom } from './articles/newsroom.js'
import type { Logger } from './logger.js'

/** Which front end a question came through; a label in logs and metrics. */
export type AdapterName = 'terminal' | 'cli' | 'telegram' | 'discord'

/** Counts questions for `/metrics`. The composition root passes a prom-client backed one. */
export interface QuestionMetrics {
  recordQuestion(adapter: AdapterName, status: string, latencyMs: number): void
}

/**
 * What every adapter receives from the composition root. `getEngine` is a getter, not the engine,
 * so a corpus reload can swap the index while adapters keep running: a question in flight keeps
 * the engine it started with.
 */
export interface AdapterDeps {
  getEngine(): Engine
  logger: Logger
  metrics?: QuestionMetrics
  /** Adding articles from chat and announcing them; the chat adapters register /add, /subscribe and /unsubscribe when present. */
  newsroom?: Newsroom
}

/** What an adapter renders: the core's answer, or a line for the asker when it could not be had. */
export type Outcome =
  | { kind: 'answer'; answer: Answer }
  | { kind: 'user-error'; message: string }
  | { kind: 'failure'; message: string; ref: string }

/** The line the asker sees when something broke on our side. */
export function apologyFor(ref: string): string {
  return `Sorry, something broke on my side (ref ${ref}).`
}

/**
 * Runs one question through the core with the logging, metrics and error handling every adapter
 * shares. Never throws: a bug becomes a `failure` carrying the platform's event id as reference.
 */
export function answerQuestion(
  deps: AdapterDeps,
  request: { adapter: AdapterName; question: string; ref: string; options?: AskOptions },
): Outcome {
  const { adapter, question, ref, options } = request
  const startedAt = performance.now()
  try {
    const answer = deps.getEngine().ask(question, options)
    const latencyMs = performance.now() - startedAt
    deps.metrics?.recordQuestion(adapter, answer.status, latencyMs)
    deps.logger.info(
      { adapter, ref, status: answer.status, quotes: answer.quotes.length, disagreements: answer.disagreements.length, latencyMs: round(latencyMs) },
      'question answered',
    )
    return { kind: 'answer', answer }
  } catch (error) {
    const latencyMs = performance.now() - startedAt
    if (error instanceof UserFacingError) {
      deps.metrics?.recordQuestion(adapter, 'user_error', latencyMs)
      deps.logger.info({ adapter, ref, code: error.code, latencyMs: round(latencyMs) }, 'question refused')
      return { kind: 'user-error', message: error.message }
    }
    deps.metrics?.recordQuestion(adapter, 'error', latencyMs)
    deps.logger.error({ err: error, adapter, ref }, 'answering failed')
    return { kind: 'failure', message: apologyFor(ref), ref }
  }
}

/**
 * Runs any other core call (takeaways, disagreements, sources) with the same error handling.
 * `run` receives the current engine.
 */
export function callCore<T>(
  deps: AdapterDeps,
  request: { adapter: AdapterName; ref: string; what: string },
  run: (engine: Engine) => T,
): { kind: 'ok'; value: T } | { kind: 'user-error'; message: string } | { kind: 'failure'; message: string; ref: string } {
  try {
    return { kind: 'ok', value: run(deps.getEngine()) }
  } catch (error) {
    if (error instanceof UserFacingError) return { kind: 'user-error', message: error.message }
    deps.logger.error({ err: error, adapter: request.adapter, ref: request.ref, what: request.what }, 'core call failed')
    return { kind: 'failure', message: apologyFor(request.ref), ref: request.ref }
  }
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000
}
