import { warmUpQuestions, type Engine } from '../src/index.js'

/** Questions a start asks itself when `WARM_UP_QUESTIONS` is unset: about 1–2 s of one core on the bundled corpus. */
export const DEFAULT_WARM_UP_ASKS = 2000

export interface WarmUpRunOptions {
  /** Questions asked in all, the made ones in turn. Defaults to `DEFAULT_WARM_UP_ASKS`. */
  asks?: number
}

export interface WarmUpResult {
  asks: number
  durationMs: number
  /** True when `stop` ended it early. */
  stopped: boolean
}

export interface WarmUpRun {
  /** Settles when every ask is done or the run is stopped; rejects only if an ask throws (a bug). */
  done: Promise<WarmUpResult>
  stop(): void
}

/**
 * Asks the engine's warm-up questions (`warmUpQuestions`) one per turn of the event loop, so a
 * question from a person waits for at most one of them, until `asks` are done. Making the questions
 * takes a turn of its own, after the caller's: it reads the corpus-wide disagreements, which on first
 * use asks the stories' claims some questions (about 0.1 s on the bundled corpus, at most 96
 * questions' worth on any corpus), a cost the first `/disagreements` would pay otherwise. Run once after a
 * start: until V8 has compiled the answering code, an answer now and then takes ten times the usual
 * (the bundled corpus: p99 about 5 ms over the first thousand questions, under 2 ms after). Asks
 * `getEngine()` each time, so an engine swapped in by a reload is the one warmed. The answers are
 * thrown away: they never reach a chat, the metrics or the feedback store.
 */
export function startWarmUp(getEngine: () => Engine, options: WarmUpRunOptions = {}): WarmUpRun {
  const asks = options.asks ?? DEFAULT_WARM_UP_ASKS
  let questions: string[] = []
  const startedAt = performance.now()
  let stopped = false
  const done = new Promise<WarmUpResult>((resolve, reject) => {
    const step = (asked: number) => {
      if (stopped || asked >= asks || questions.length === 0) {
        resolve({ asks: asked, durationMs: performance.now() - startedAt, stopped })
        return
      }
      try {
        getEngine().ask(questions[asked % questions.length] ?? '')
      } catch (error) {
        reject(new Error('a warm-up question failed', { cause: error }))
        return
      }
      setImmediate(step, asked + 1)
    }
    setImmediate(() => {
      if (stopped) {
        step(0)
        return
      }
      try {
        questions = warmUpQuestions(getEngine())
      } catch (error) {
        reject(new Error('making the warm-up questions failed', { cause: error }))
        return
      }
      setImmediate(step, 0)
    })
  })
  return { done, stop: () => (stopped = true) }
}
