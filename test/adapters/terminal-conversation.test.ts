import { PassThrough } from 'node:stream'
import { beforeAll, describe, expect, it } from 'vitest'
import { startTerminalChat } from '../../adapters/terminal/chat.js'
import { createConversationWindow, createMemoryContextStore, CONTEXT_TTL_MS, CONTEXT_TURNS, withTurn } from '../../adapters/conversation/context-store.js'
import type { Engine } from '../../src/index.js'
import { createCaptureLogger } from '../fakes/capture-logger.js'
import { fixtureDir, loadCheckedEngine } from '../helpers/engine.js'

/** Types `lines` into a terminal chat over `engine` and resolves with everything it printed. */
async function chat(engine: Engine, lines: string[]): Promise<string> {
  const input = new PassThrough()
  const output = new PassThrough()
  let printed = ''
  output.on('data', (chunk: Buffer) => (printed += chunk.toString()))
  const running = startTerminalChat({ getEngine: () => engine, logger: createCaptureLogger().logger }, { input, output, interactive: false })
  input.end(lines.map((line) => `${line}\n`).join(''))
  await running.closed
  return printed
}

describe('the terminal chat in a conversation', () => {
  let engine: Engine
  // Building the engine takes several seconds on a loaded machine.
  beforeAll(async () => {
    ;({ engine } = await loadCheckedEngine(fixtureDir('plant-fire')))
  }, 120_000)

  it('reads the next line as a follow-up and says which words it borrowed', async () => {
    const printed = await chat(engine, ['Who is the fire chief?', 'what did she say?'])
    const [, second = ''] = printed.split('(following up: ')
    // "she" is the chief the first answer named.
    expect(second).toMatch(/^[^)]*kerr/)
    expect(second).toContain('Fire Chief Nadia Kerr said 12 workers were injured')
  })

  it('echoes each piped question before its answer, without control characters, so a transcript shows whose answer is whose', async () => {
    const printed = await chat(engine, ['Who is the fire chief?', '', 'When did the fire \u001b[31mstart?'])
    const echoes = printed.split('\n').filter((line) => line.startsWith('> '))
    expect(echoes).toEqual(['> Who is the fire chief?', '> When did the fire [31mstart?'])
    expect(printed.indexOf('> When did the fire')).toBeGreaterThan(printed.indexOf('Fire Chief Nadia Kerr'))
  })

  it('starts over after /new: the next question stands alone', async () => {
    const printed = await chat(engine, ['Who is the fire chief?', '/new', 'what did she say?'])
    expect(printed).toContain('New conversation')
    expect(printed).not.toContain('(following up:')
  })

  it('lends nothing from a declined question: the next line stands on its own', async () => {
    const printed = await chat(engine, ['Who is the fire chief?', 'What is the capital of France?', 'hi', 'what did she say?'])
    expect(printed).toMatch(/isn't in my sources/)
    // Neither the declined question's words nor the chief's name from before it.
    expect(printed).not.toContain('(following up:')
  })

  it('ends the conversation after a command that shows something else, and keeps it across /help', async () => {
    for (const command of ['/takeaways', '/stories', '/sources', '/disagreements']) {
      const printed = await chat(engine, ['Who is the fire chief?', command, 'what did she say?'])
      expect(printed, command).not.toContain('(following up:')
    }
    const afterHelp = await chat(engine, ['Who is the fire chief?', '/help', 'what did she say?'])
    expect(afterHelp).toMatch(/\(following up: [^)]*kerr/)
  })
})

describe('the context stores', () => {
  it('forget a conversation after its time to live and keep the last turns only', async () => {
    let now = 0
    const store = createMemoryContextStore({ now: () => now })
    const answer = { status: 'answered' as const, question: 'q', quotes: [], disagreements: [], hasMore: false }
    let turns = withTurn(undefined, answer)
    for (let i = 0; i < 10; i++) turns = withTurn(turns, { ...answer, question: `q${i}` })
    expect(turns).toHaveLength(CONTEXT_TURNS)
    expect(turns.at(-1)?.question).toBe('q9')
    await store.set('telegram:1:2', turns, CONTEXT_TTL_MS)
    now = CONTEXT_TTL_MS - 1
    expect(await store.get('telegram:1:2')).toEqual(turns)
    now = CONTEXT_TTL_MS
    expect(await store.get('telegram:1:2')).toBeUndefined()
  })

  it('keep no turn for an invalid question and end the conversation at a declined one', () => {
    const answer = { status: 'answered' as const, question: 'Who is the fire chief?', quotes: [], disagreements: [], hasMore: false }
    const turns = withTurn(undefined, answer)
    expect(withTurn(turns, { ...answer, status: 'invalid', question: '' })).toEqual(turns)
    expect(withTurn(turns, { ...answer, status: 'no_answer', question: 'What is the capital of France?' })).toEqual([])
  })

  it('the terminal window forgets after 30 minutes of silence', () => {
    let now = 0
    const window = createConversationWindow(() => now)
    window.add({ status: 'answered', question: 'q', quotes: [], disagreements: [], hasMore: false })
    expect(window.turns()).toHaveLength(1)
    now = CONTEXT_TTL_MS + 1
    expect(window.turns()).toEqual([])
  })
})
