import type { Answer, ConversationTurn, Engine } from '../../src/index.js'
import { withTurn } from './context-store.js'

/**
 * Answers one line of `ask --json --conversation`: a JSON array of question strings, each read in
 * the context of the turns before it (the last `CONTEXT_TURNS`). Returns the JSON array of answers,
 * or an `invalid` object naming what was wrong with the line: one bad line never stops the batch.
 */
export function answerConversationLine(engine: Engine, line: string, sourceId?: string): string {
  let turns: unknown
  try {
    turns = JSON.parse(line)
  } catch (error) {
    return JSON.stringify({ status: 'invalid', message: `Not JSON: ${error instanceof Error ? error.message : String(error)}` })
  }
  if (!Array.isArray(turns) || !turns.every((turn) => typeof turn === 'string')) {
    return JSON.stringify({ status: 'invalid', message: 'A conversation is a JSON array of question strings.' })
  }
  return JSON.stringify(answerConversation(engine, turns, sourceId))
}

/**
 * Answers each question in order, each with the turns before it as context, kept as the chat apps
 * keep them (`withTurn`): an invalid turn is skipped, a declined one ends the conversation.
 */
export function answerConversation(engine: Engine, questions: string[], sourceId?: string): Answer[] {
  let context: ConversationTurn[] = []
  return questions.map((question) => {
    const answer = engine.ask(question, { ...(sourceId ? { sourceId } : {}), context })
    context = withTurn(context, answer)
    return answer
  })
}
