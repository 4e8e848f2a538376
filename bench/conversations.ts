import { isDeepStrictEqual } from 'node:util'
import { pathToFileURL } from 'node:url'
import { BUNDLED_CORPUS_DIR } from '../adapters/build-engine.js'
import { answerConversation } from '../adapters/conversation/answer-conversation.js'
import { loadCorpusDir } from '../adapters/load-corpus.js'
import { loadWordNetSynsets } from '../adapters/wordnet.js'
import { createEngine, type Answer, type Engine } from '../src/index.js'
import { CONVERSATIONS, FORMER_HELD_OUT_CONVERSATIONS, type ConversationCase, type ConversationTurnCase } from '../test/core/conversation-set.js'
import { HELD_OUT_CONVERSATIONS } from '../test/core/conversation-held-out.js'
import { UNSEEN_CONVERSATIONS } from '../test/core/conversation-unseen.js'
import { FLIGHT_TRIAL_CONVERSATIONS } from '../test/core/conversation-flight-trial.js'
import { ZOO_SHIP_CONVERSATIONS } from '../test/core/conversation-zoo-ship.js'
import { BLACKOUT_CHESS_CONVERSATIONS } from '../test/core/conversation-blackout-chess.js'
import { ERUPTION_WHALES_CONVERSATIONS } from '../test/core/conversation-eruption-whales.js'
import { SPILL_CAVE_CONVERSATIONS } from '../test/core/conversation-spill-cave.js'
import { EXAM_TURBINE_CONVERSATIONS } from '../test/core/conversation-exam-turbine.js'
import { HOSPITAL_STADIUM_CONVERSATIONS } from '../test/core/conversation-hospital-stadium.js'

/** How one kind of turn fared, with context (in its conversation) and without (asked alone). */
export interface TurnTally {
  turns: number
  rightWithContext: number
  rightWithoutContext: number
}

/** The follow-up set's figures. */
export interface ConversationReport {
  conversations: number
  followUp: TurnTally
  standAlone: TurnTally & { sameAsWithoutContext: number }
  /** Each turn that went wrong with context, for reading. */
  misses: Array<{ corpus: string; question: string; kind: ConversationTurnCase['kind']; got: string }>
}

/** Right when the status is the expected one and, for an answer, one of the first two quotes holds an expected phrase. */
export function isRight(answer: Answer, turn: ConversationTurnCase): boolean {
  if (answer.status !== turn.expect) return false
  if (turn.expect === 'no_answer' || !turn.phrases || turn.phrases.length === 0) return true
  return answer.quotes.slice(0, 2).some((quote) => turn.phrases!.some((phrase) => quote.text.toLowerCase().includes(phrase.toLowerCase())))
}

/** Runs every conversation of the set; `engineFor` gives the engine of a corpus name. */
export async function runConversations(engineFor: (corpus: string) => Promise<Engine>, cases: ConversationCase[] = CONVERSATIONS): Promise<ConversationReport> {
  const report: ConversationReport = {
    conversations: cases.length,
    followUp: { turns: 0, rightWithContext: 0, rightWithoutContext: 0 },
    standAlone: { turns: 0, rightWithContext: 0, rightWithoutContext: 0, sameAsWithoutContext: 0 },
    misses: [],
  }
  for (const conversation of cases) {
    const engine = await engineFor(conversation.corpus)
    const answers = answerConversation(engine, conversation.turns.map((turn) => turn.question))
    conversation.turns.forEach((turn, i) => {
      const withContext = answers[i] as Answer
      const alone = engine.ask(turn.question)
      const tally = turn.kind === 'follow-up' ? report.followUp : report.standAlone
      tally.turns++
      if (isRight(withContext, turn)) tally.rightWithContext++
      else report.misses.push({ corpus: conversation.corpus, question: turn.question, kind: turn.kind, got: withContext.quotes[0]?.text.slice(0, 100) ?? withContext.status })
      if (isRight(alone, turn)) tally.rightWithoutContext++
      if (turn.kind === 'stand-alone' && isDeepStrictEqual(withContext, alone)) report.standAlone.sameAsWithoutContext++
    })
  }
  return report
}

/** Engines over the bundled corpus and the fixture folders, built once each, with WordNet as in production. */
export function createEngineCache(fixturesDir: string): (corpus: string) => Promise<Engine> {
  const engines = new Map<string, Promise<Engine>>()
  let synsets: Promise<string[][]> | undefined
  return (corpus) => {
    let engine = engines.get(corpus)
    if (!engine) {
      synsets ??= loadWordNetSynsets()
      const dir = corpus === 'bundled' ? BUNDLED_CORPUS_DIR : `${fixturesDir}/${corpus}`
      engine = Promise.all([loadCorpusDir(dir), synsets]).then(([articles, loaded]) => createEngine(articles, { synsets: loaded }))
      engines.set(corpus, engine)
    }
    return engine
  }
}

/** The report as a few lines for a terminal or the README. */
export function renderConversations(report: ConversationReport): string {
  const share = (n: number, of: number) => `${n}/${of} (${of === 0 ? 0 : Math.round((100 * n) / of)}%)`
  return [
    `${report.conversations} conversations, ${report.followUp.turns + report.standAlone.turns} turns`,
    `follow-up turns right: with context ${share(report.followUp.rightWithContext, report.followUp.turns)}, without ${share(report.followUp.rightWithoutContext, report.followUp.turns)}`,
    `stand-alone turns right: with context ${share(report.standAlone.rightWithContext, report.standAlone.turns)}, without ${share(report.standAlone.rightWithoutContext, report.standAlone.turns)}; same answer as without context ${share(report.standAlone.sameAsWithoutContext, report.standAlone.turns)}`,
    ...report.misses.map((miss) => `  missed (${miss.kind}, ${miss.corpus}): ${miss.question} → ${miss.got}`),
  ].join('\n')
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const engineFor = createEngineCache(new URL('../test/fixtures', import.meta.url).pathname)
  // Each set apart: only the held-out one says how unseen conversations fare.
  const tuned = await runConversations(engineFor, CONVERSATIONS)
  const formerHeldOut = await runConversations(engineFor, FORMER_HELD_OUT_CONVERSATIONS)
  const heldOut = await runConversations(engineFor, HELD_OUT_CONVERSATIONS)
  const unseen = await runConversations(engineFor, UNSEEN_CONVERSATIONS)
  const flightTrial = await runConversations(engineFor, FLIGHT_TRIAL_CONVERSATIONS)
  const zooShip = await runConversations(engineFor, ZOO_SHIP_CONVERSATIONS)
  const blackoutChess = await runConversations(engineFor, BLACKOUT_CHESS_CONVERSATIONS)
  const eruptionWhales = await runConversations(engineFor, ERUPTION_WHALES_CONVERSATIONS)
  const spillCave = await runConversations(engineFor, SPILL_CAVE_CONVERSATIONS)
  const examTurbine = await runConversations(engineFor, EXAM_TURBINE_CONVERSATIONS)
  const hospitalStadium = await runConversations(engineFor, HOSPITAL_STADIUM_CONVERSATIONS)
  process.stdout.write(
    process.argv.includes('--json')
      ? `${JSON.stringify({ tuned, formerHeldOut, heldOut, unseen, flightTrial, zooShip, blackoutChess, eruptionWhales, spillCave, examTurbine, hospitalStadium })}\n`
      : [
          `tuned set (the weights were chosen on it):\n${renderConversations(tuned)}`,
          `former held-out part (tuning material since its misses were studied):\n${renderConversations(formerHeldOut)}`,
          `round-4 held-out set (tuning material since its misses were studied):\n${renderConversations(heldOut)}`,
          `round-5 unseen set (tuning material since its misses were studied):\n${renderConversations(unseen)}`,
          `round-6 flight-and-trial set (two events in one corpus; run once before any round-6 change, then studied):\n${renderConversations(flightTrial)}`,
          `round-7 zoo-and-ship set (two events in one corpus; run once before any round-7 change, then studied):\n${renderConversations(zooShip)}`,
          `round-8 blackout-and-chess set (two events in one corpus; run once before any round-8 change, then studied):\n${renderConversations(blackoutChess)}`,
          `round-9 eruption-and-whales set (two events in one corpus; run once before any round-9 change, then studied):\n${renderConversations(eruptionWhales)}`,
          `round-10 spill-and-cave set (two events in one corpus; run once before any round-10 change, then studied):\n${renderConversations(spillCave)}`,
          `round-11 exam-and-turbine set (two events in one corpus; run once before any round-11 change, then studied):\n${renderConversations(examTurbine)}`,
          `round-12 hospital-and-stadium set (two events in one corpus; run once before any round-12 change, held out):\n${renderConversations(hospitalStadium)}`,
        ].join('\n\n') + '\n',
  )
}
