import { once } from 'node:events'
import { describe, expect, it } from 'vitest'
import { createDiscordClient } from '../../adapters/discord/client.js'
import { citeSource, corpusFooter, formatAnswer } from '../../adapters/discord/format.js'
import { loadCorpusDir } from '../../adapters/load-corpus.js'
import { createSilentLogger } from '../../adapters/logger.js'
import { createEngine } from '../../src/index.js'
import { noIdentifyWait, startFakeDiscord } from '../fakes/discord.js'

/** Three short articles about one bridge reopening; tiny enough to know what answers. */
const FIXTURE_CORPUS = 'test/fixtures/harbor-bridge'

describe('discord with the real engine', () => {
  it('answers /ask, /takeaways and /sources end to end with cited verbatim quotes', async () => {
    const engine = createEngine(await loadCorpusDir(FIXTURE_CORPUS))
    const fake = await startFakeDiscord()
    const client = createDiscordClient(
      { token: 'MTEx.GdUmKz.real_engine_test', appId: fake.appId, restApi: fake.restApi, sharding: { mode: 'auto' } },
      { getEngine: () => engine, logger: createSilentLogger() },
      { cooldownMs: 0, clientOptions: { ws: noIdentifyWait } },
    )
    try {
      const ready = once(client, 'clientReady')
      await client.login('MTEx.GdUmKz.real_engine_test')
      await ready
      const question = 'When did the Harbor Bridge reopen?'
      const expected = engine.ask(question, { limit: 4 })
      const ask = fake.chatInput('ask', { question })
      const takeaways = fake.chatInput('takeaways')
      const sources = fake.chatInput('sources')
      for (const interaction of [ask, takeaways, sources]) fake.dispatchInteraction(interaction)

      const [, answer] = await fake.waitForResponses(ask.id, 2)
      const [, takeawaysEdit] = await fake.waitForResponses(takeaways.id, 2)
      const [, sourcesEdit] = await fake.waitForResponses(sources.id, 2)

      const embed = (answer?.body as { embeds: { description: string; footer: { text: string } }[] }).embeds[0]
      expect(expected.status).toBe('answered')
      expect(embed?.description.startsWith('> ')).toBe(true)
      expect(embed?.description).toContain(`— ${citeSource(expected.quotes[0]!.source)}`)
      const footer = corpusFooter({ articles: engine.sources().length })
      expect(embed?.footer.text).toBe(footer)
      expect(embed?.description).toBe(formatAnswer(expected, { offset: 0, contextId: ask.id, footer }).reply.embeds[0]?.description)
      expect(takeawaysEdit?.method).toBe('PATCH')
      expect(sourcesEdit?.method).toBe('PATCH')
    } finally {
      await client.destroy()
      await fake.close()
    }
  })
})
