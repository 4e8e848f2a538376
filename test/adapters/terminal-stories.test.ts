import { PassThrough, Readable } from 'node:stream'
import { beforeAll, describe, expect, it } from 'vitest'
import { startTerminalChat } from '../../adapters/terminal/chat.js'
import type { Engine } from '../../src/index.js'
import { createCaptureLogger } from '../fakes/capture-logger.js'
import { fixtureDir, loadCheckedEngine } from '../helpers/engine.js'

/** Types `lines` into the terminal chat over `engine` and returns everything it printed. */
async function chat(engine: Engine, lines: string[]): Promise<string> {
  const output = new PassThrough()
  let printed = ''
  output.on('data', (chunk: Buffer) => (printed += chunk.toString()))
  const { logger } = createCaptureLogger()
  const session = startTerminalChat({ getEngine: () => engine, logger }, { input: Readable.from([lines.join('\n') + '\n']), output, interactive: false })
  await session.closed
  return printed
}

describe('terminal chat over a corpus of several stories', () => {
  let engine: Engine

  beforeAll(async () => {
    ;({ engine } = await loadCheckedEngine(fixtureDir('stories-mixed')))
  })

  it('lists the stories with /stories', async () => {
    const printed = await chat(engine, ['/stories'])
    for (const story of engine.stories()) expect(printed).toContain(`id: ${story.id}`)
  })

  it('shows each story’s takeaways under its label, and one story’s when named', async () => {
    const [first, second] = engine.stories()
    const all = await chat(engine, ['/takeaways'])
    expect(all).toContain(`${first?.label} (story ${first?.id})`)
    expect(all).toContain(`${second?.label} (story ${second?.id})`)
    const one = await chat(engine, [`/takeaways ${second?.id}`])
    expect(one).not.toContain(first?.label)
    expect(one).toMatch(/reported by \d of 4 sources/)
  })
})
