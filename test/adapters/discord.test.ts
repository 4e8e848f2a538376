import { once } from 'node:events'
import { pino } from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import type { Client } from 'discord.js'
import { UserFacingError, type Engine } from '../../src/index.js'
import { createDiscordClient, type DiscordClientOptions } from '../../adapters/discord/client.js'
import type { DiscordSettings } from '../../adapters/discord/config.js'
import { createFakeEngine, FAKE_SOURCES } from '../fakes/fake-engine.js'
import { CALLBACK, noIdentifyWait, startFakeDiscord, type FakeDiscord, type FakeDiscordOptions, type RecordedRequest } from '../fakes/discord.js'

const TOKEN = 'MTExMTExMTExMTExMTExMTEx.GdUmKz.fake_token-part_three'

interface Harness {
  fake: FakeDiscord
  client: Client
  logs: Record<string, unknown>[]
}

const open: Harness[] = []

afterEach(async () => {
  for (const harness of open.splice(0)) {
    await harness.client.destroy()
    await harness.fake.close()
  }
})

async function connect(
  options: {
    engine?: Engine
    client?: DiscordClientOptions
    fake?: FakeDiscordOptions
    sharding?: DiscordSettings['sharding']
    messageContent?: boolean
  } = {},
): Promise<Harness> {
  const fake = await startFakeDiscord(options.fake)
  const logs: Record<string, unknown>[] = []
  const logger = pino({ level: 'info' }, { write: (line: string) => logs.push(JSON.parse(line) as Record<string, unknown>) })
  const engine = options.engine ?? createFakeEngine()
  const settings: DiscordSettings = {
    token: TOKEN,
    appId: fake.appId,
    restApi: fake.restApi,
    sharding: options.sharding ?? { mode: 'auto' },
    ...(options.messageContent === undefined ? {} : { messageContent: options.messageContent }),
  }
  const client = createDiscordClient(settings, { getEngine: () => engine, logger }, {
    cooldownMs: 0,
    ...options.client,
    clientOptions: { ws: noIdentifyWait, ...options.client?.clientOptions },
  })
  const harness = { fake, client, logs }
  open.push(harness)
  const ready = once(client, 'clientReady')
  await client.login(TOKEN)
  await ready
  return harness
}

/** The parts of a recorded request body these tests read. */
interface SentBody {
  content?: string
  flags?: number
  embeds?: SentEmbed[]
  components?: { components: { label: string; custom_id: string }[] }[]
  allowed_mentions?: unknown
  message_reference?: { message_id: string }
  /** Interaction callbacks wrap the message in `data`. */
  data?: SentBody & { choices?: unknown }
}

interface SentEmbed {
  title?: string
  description?: string
  fields?: { name: string; value: string }[]
  footer?: { text: string }
}

function bodyOf(request: RecordedRequest | undefined): SentBody {
  return (request?.body ?? {}) as SentBody
}

function buttonsOf(request: RecordedRequest | undefined): { label: string; custom_id: string }[] {
  return bodyOf(request).components?.[0]?.components ?? []
}

const EPHEMERAL = 64

/** The embed of the answer that `request` sent. */
function embedOf(request: RecordedRequest | undefined): SentEmbed {
  return bodyOf(request).embeds?.[0] ?? {}
}

/** Every request that carries a message body must say that it pings nobody. */
function expectNoPings(requests: RecordedRequest[]): void {
  const withBodies = requests.filter((request) => {
    const body = bodyOf(request)
    const data = body.data ?? body
    return 'content' in data || 'embeds' in data
  })
  expect(withBodies.length).toBeGreaterThan(0)
  for (const request of withBodies) {
    const body = bodyOf(request)
    expect((body.data ?? body).allowed_mentions, `${request.method} ${request.path}`).toEqual({ parse: [] })
  }
}

describe('discord slash commands', () => {
  it('defers /ask, then edits the original reply with quotes, sources, a disagreement and buttons', async () => {
    const { fake } = await connect()
    const interaction = fake.chatInput('ask', { question: 'How long did the talks last?' })
    fake.dispatchInteraction(interaction)

    const [callback, edit] = await fake.waitForResponses(interaction.id, 2)

    expect(callback?.callbackType).toBe(CALLBACK.deferReply)
    expect(callback?.query.get('with_response')).toBe('false')
    expect(edit?.method).toBe('PATCH')
    expect(edit?.path).toMatch(/\/webhooks\/\d+\/token-\d+\/messages\/%40original$/)
    const embed = embedOf(edit)
    expect(embed.title).toBe('How long did the talks last?')
    expect(embed.description).toContain('> The **talks** **last**ed seven hours & ended without a ceasefire.')
    expect(embed.description).toContain('— [Talks end after seven hours & no deal](https://news.example/wire?story=1&ref=%22summit%22) · Wire Service')
    expect(embed.fields?.[0]?.name).toBe('Sources disagree: how long the talks lasted')
    expect(embed.fields?.[0]?.value).toContain('**3 hours**')
    expect(embed.footer?.text).toBe('Corpus: 3 articles · quotes are verbatim')
    const buttons = buttonsOf(edit)
    expect(buttons.map((button) => button.label)).toEqual(['Sources'])
    expectNoPings(fake.requestsFor(interaction.id))
  })

  it('quotes only the chosen source when /ask has a source option', async () => {
    const { fake } = await connect()
    const interaction = fake.chatInput('ask', { question: 'How long did the talks last?', source: 'gazette' })
    fake.dispatchInteraction(interaction)

    const [, edit] = await fake.waitForResponses(interaction.id, 2)

    expect(embedOf(edit).description).toContain('the **talks** ended early')
    expect(embedOf(edit).description).not.toContain('lasted seven hours')
  })

  it('answers no_answer with the core message and example questions', async () => {
    const { fake } = await connect()
    const interaction = fake.chatInput('ask', { question: 'Zebras?' })
    fake.dispatchInteraction(interaction)

    const [, edit] = await fake.waitForResponses(interaction.id, 2)

    expect(embedOf(edit).title).toBe('No answer in the articles')
    expect(embedOf(edit).description).toContain('Nothing in the articles answers “Zebras?”.')
    expect(embedOf(edit).description).toContain('• How long did the talks last?')
  })

  it('replaces the deferred reply with an ephemeral follow-up when the asker can fix the problem', async () => {
    const { fake } = await connect()
    const interaction = fake.chatInput('ask', { question: 'How long did the talks last?', source: 'nope' })
    fake.dispatchInteraction(interaction)

    const [callback, deletion, followUp] = await fake.waitForResponses(interaction.id, 3)

    expect(callback?.callbackType).toBe(CALLBACK.deferReply)
    expect(deletion?.method).toBe('DELETE')
    expect(followUp?.method).toBe('POST')
    expect(bodyOf(followUp).content).toBe('There is no source called “nope”. See /sources for the list.')
    expect(bodyOf(followUp).flags).toBe(EPHEMERAL)
    expectNoPings(fake.requestsFor(interaction.id))
  })

  it('lists takeaways with their support and contested points', async () => {
    const { fake } = await connect()
    const interaction = fake.chatInput('takeaways')
    fake.dispatchInteraction(interaction)

    const [callback, edit] = await fake.waitForResponses(interaction.id, 2)

    expect(callback?.callbackType).toBe(CALLBACK.deferReply)
    const embed = embedOf(edit)
    expect(embed.title).toBe('Key takeaways')
    expect(embed.description).toContain('**1.** The talks lasted seven hours & ended without a ceasefire.')
    expect(embed.description).toContain('· in 2 articles')
    expect(embed.description).toContain('⚠️ contested: how long the talks lasted')
    expect(embed.description).toContain('⚠️ contested: how long the talks lasted: 7 hours (Wire Service) / 3 hours & more (The Daily)')
    expectNoPings(fake.requestsFor(interaction.id))
  })

  it('names the source in the title of /takeaways source:…', async () => {
    const { fake } = await connect()
    const interaction = fake.chatInput('takeaways', { source: 'daily' })
    fake.dispatchInteraction(interaction)

    const [, edit] = await fake.waitForResponses(interaction.id, 2)

    expect(embedOf(edit).title).toBe('Key takeaways: Three hours at the \\<table>')
    expect(embedOf(edit).description).not.toContain('lasted seven hours')
  })

  it('lists each disagreement with every claim quoted and cited', async () => {
    const { fake } = await connect()
    const interaction = fake.chatInput('disagreements')
    fake.dispatchInteraction(interaction)

    const [, edit] = await fake.waitForResponses(interaction.id, 2)

    const embed = embedOf(edit)
    expect(embed.title).toBe('Sources disagree')
    expect(embed.fields?.[0]?.name).toBe('how long the talks lasted')
    expect(embed.fields?.[0]?.value).toContain('**7 hours**\n> The talks lasted seven hours & ended without a ceasefire.')
    expect(embed.fields?.[0]?.value).toContain('**3 hours** (per a \\<senior> aide)')
    expectNoPings(fake.requestsFor(interaction.id))
  })

  it('lists the sources, linking those with a URL', async () => {
    const { fake } = await connect()
    const interaction = fake.chatInput('sources')
    fake.dispatchInteraction(interaction)

    const [, edit] = await fake.waitForResponses(interaction.id, 2)

    const embed = embedOf(edit)
    expect(embed.title).toBe('Articles in the corpus (3)')
    expect(embed.description).toContain('• [Red carpet, "no ceasefire"](https://gazette.example/red-carpet) · Gazette')
    expect(embed.description).toContain('• **Three hours at the \\<table>** · The Daily · 2025-08-16 · 1 passage')
  })

  it('answers /help ephemerally with example questions', async () => {
    const { fake } = await connect()
    const interaction = fake.chatInput('help')
    fake.dispatchInteraction(interaction)

    const [callback, edit] = await fake.waitForResponses(interaction.id, 2)

    expect(callback?.callbackType).toBe(CALLBACK.deferReply)
    expect(bodyOf(callback).data?.flags).toBe(EPHEMERAL)
    expect(embedOf(edit).title).toBe('How to ask')
    expect(embedOf(edit).description).toContain('• Who said the \\<summit> was "constructive"?')
  })

  it('answers a slash command used in a DM with the bot', async () => {
    const { fake } = await connect()
    const interaction = fake.chatInput('ask', { question: 'Was there a ceasefire?' }, fake.user(5), { dm: true })
    fake.dispatchInteraction(interaction)

    const [callback, edit] = await fake.waitForResponses(interaction.id, 2)

    expect(callback?.callbackType).toBe(CALLBACK.deferReply)
    expect(embedOf(edit).description).toContain('**ceasefire**')
  })

  it('autocompletes the source option from the corpus', async () => {
    const { fake } = await connect()
    const interaction = fake.autocomplete('ask', 'source', 'ga')
    fake.dispatchInteraction(interaction)

    const [callback] = await fake.waitForResponses(interaction.id, 1)

    expect(callback?.callbackType).toBe(CALLBACK.autocomplete)
    expect(bodyOf(callback).data?.choices).toEqual([{ name: 'Red carpet, "no ceasefire" (Gazette)', value: 'gazette' }])
  })

  it('autocompletes the story option of /takeaways and lists the stories', async () => {
    const { fake } = await connect()
    const complete = fake.autocomplete('takeaways', 'story', 'harb')
    fake.dispatchInteraction(complete)
    const [choices] = await fake.waitForResponses(complete.id, 1)
    expect(bodyOf(choices).data?.choices).toEqual([{ name: 'Harbour, Talks (3 articles)', value: 'harbour-talks' }])

    const list = fake.chatInput('stories', {})
    fake.dispatchInteraction(list)
    const [, edit] = await fake.waitForResponses(list.id, 2)
    expect(embedOf(edit).title).toBe('Stories in the corpus (1)')
    expect(embedOf(edit).description).toContain('**Harbour, Talks** · `harbour-talks` · 3 articles')
  })

  it('echoes @everyone and role mentions in a question without pinging anyone', async () => {
    const { fake } = await connect()
    const interaction = fake.chatInput('ask', { question: '@everyone <@&123456789012345678> how long were the talks?' })
    fake.dispatchInteraction(interaction)

    const [, edit] = await fake.waitForResponses(interaction.id, 2)

    expect(embedOf(edit).title).toBe('@everyone \\<@&123456789012345678> how long were the talks?')
    expectNoPings(fake.requestsFor(interaction.id))
  })

  it('tells a user on cooldown to wait, privately, and still answers other users', async () => {
    const { fake } = await connect({ client: { cooldownMs: 60_000 } })
    const asker = fake.user(1)
    const first = fake.chatInput('ask', { question: 'Was there a ceasefire?' }, asker)
    const second = fake.chatInput('ask', { question: 'How long did the talks last?' }, asker)
    const other = fake.chatInput('ask', { question: 'How long did the talks last?' }, fake.user(2))
    fake.dispatchInteraction(first)
    await fake.waitForResponses(first.id, 2)
    fake.dispatchInteraction(second)
    fake.dispatchInteraction(other)

    const [refusal] = await fake.waitForResponses(second.id, 1)
    await fake.waitForResponses(other.id, 2)

    expect(refusal?.callbackType).toBe(CALLBACK.reply)
    expect(bodyOf(refusal).data?.content).toBe("You're asking faster than I can keep up. Please try again in 60 seconds.")
    expect(bodyOf(refusal).data?.flags).toBe(EPHEMERAL)
    expect(fake.requestsFor(second.id)).toHaveLength(1)
    expectNoPings(fake.requestsFor(second.id))
  })
})

describe('discord buttons', () => {
  it('shows the next page of quotes on "More quotes", with its own buttons', async () => {
    const { fake } = await connect({ client: { quotesPerPage: 1 } })
    const ask = fake.chatInput('ask', { question: 'How long did the talks last?' })
    fake.dispatchInteraction(ask)
    const [, firstPage] = await fake.waitForResponses(ask.id, 2)
    const firstButtons = buttonsOf(firstPage)
    expect(firstButtons.map((button) => button.label)).toEqual(['More quotes', 'Sources'])
    expect(embedOf(firstPage).description).toContain('seven hours')

    const click = fake.button(firstButtons[0]!.custom_id, fake.user(2))
    fake.dispatchInteraction(click)
    const [callback, secondPage] = await fake.waitForResponses(click.id, 2)

    expect(callback?.callbackType).toBe(CALLBACK.deferReply)
    expect(embedOf(secondPage).description).toContain('the **talks** ended early')
    expect(embedOf(secondPage).description).not.toContain('lasted seven hours')
    expect(embedOf(secondPage).footer?.text).toContain('from quote 2')
    const secondButtons = buttonsOf(secondPage)
    expect(secondButtons.map((button) => button.label)).toEqual(['Sources'])
    expectNoPings(fake.requestsFor(click.id))
  })

  it('lists the sources behind an answer ephemerally on "Sources"', async () => {
    const { fake } = await connect()
    const ask = fake.chatInput('ask', { question: 'How long did the talks last?' })
    fake.dispatchInteraction(ask)
    const [, answer] = await fake.waitForResponses(ask.id, 2)
    const sourcesButton = buttonsOf(answer).find((button) => button.label === 'Sources')

    const click = fake.button(sourcesButton!.custom_id)
    fake.dispatchInteraction(click)
    const [callback, edit] = await fake.waitForResponses(click.id, 2)

    expect(callback?.callbackType).toBe(CALLBACK.deferReply)
    expect(bodyOf(callback).data?.flags).toBe(EPHEMERAL)
    expect(embedOf(edit).title).toBe('Sources behind this answer')
    const lines = (embedOf(edit).description ?? '').split('\n')
    expect(lines).toEqual([
      `• [${FAKE_SOURCES.wire.title}](https://news.example/wire?story=1&ref=%22summit%22) · Wire Service · 2025-08-15`,
      `• [${FAKE_SOURCES.gazette.title}](https://gazette.example/red-carpet) · Gazette`,
    ])
    expectNoPings(fake.requestsFor(click.id))
  })

  it('asks to ask again when a button belongs to an answer it no longer remembers', async () => {
    const { fake } = await connect()
    const click = fake.button('more:1234567890123456789:4')
    fake.dispatchInteraction(click)

    const [reply] = await fake.waitForResponses(click.id, 1)

    expect(reply?.callbackType).toBe(CALLBACK.reply)
    expect(bodyOf(reply).data?.flags).toBe(EPHEMERAL)
    expect(bodyOf(reply).data?.content).toBe('I no longer remember that answer (I may have restarted). Please ask again with /ask.')
  })
})

describe('discord messages', () => {
  it('answers a mention in a channel with a reply in that channel', async () => {
    const { fake } = await connect()
    const guild = fake.guilds[0]!
    const message = fake.message(`<@${fake.botUser.id}> how long did the talks last?`, fake.user(), {}, { mentionsBot: true })
    fake.dispatchMessage(message)

    await fake.waitUntil(() => fake.channelMessages(guild.channelId).length === 1, 'a reply in the channel')

    const [reply] = fake.channelMessages(guild.channelId)
    expect(bodyOf(reply).message_reference?.message_id).toBe(message.id)
    expect(embedOf(reply).title).toBe('how long did the talks last?')
    expect(embedOf(reply).description).toContain('**talks**')
    expect(bodyOf(reply).allowed_mentions).toEqual({ parse: [] })
  })

  it('ignores channel messages that do not mention it, even @everyone', async () => {
    const { fake } = await connect()
    fake.dispatchMessage(fake.message('@everyone how long did the talks last?', fake.user(), {}, { mentionEveryone: true }))
    const mention = fake.message(`<@${fake.botUser.id}> was there a ceasefire?`, fake.user(), {}, { mentionsBot: true })
    fake.dispatchMessage(mention)

    await fake.waitUntil(() => fake.channelMessages().length === 1, 'the reply to the mention')

    expect(bodyOf(fake.channelMessages()[0]).message_reference?.message_id).toBe(mention.id)
  })

  it('answers a DM, which needs Partials.Channel, in the DM channel', async () => {
    const { fake } = await connect()
    const message = fake.message('Was there a ceasefire?', fake.user(7), { dm: true })
    fake.dispatchMessage(message)

    await fake.waitUntil(() => fake.channelMessages(message.channel_id).length === 1, 'a reply in the DM')

    const [reply] = fake.channelMessages(message.channel_id)
    expect(embedOf(reply).description).toContain('**ceasefire**')
    expect(bodyOf(reply).allowed_mentions).toEqual({ parse: [] })
  })

  it('echoes @everyone from a mention without pinging', async () => {
    const { fake } = await connect()
    const message = fake.message(`<@${fake.botUser.id}> @everyone zebras?`, fake.user(), {}, { mentionsBot: true, mentionEveryone: true })
    fake.dispatchMessage(message)

    await fake.waitUntil(() => fake.channelMessages().length === 1, 'the reply')

    const [reply] = fake.channelMessages()
    expect(embedOf(reply).description).toContain('Nothing in the articles answers “@everyone zebras?”.')
    expect(bodyOf(reply).allowed_mentions).toEqual({ parse: [] })
  })

  it('answers an empty mention with help', async () => {
    const { fake } = await connect()
    fake.dispatchMessage(fake.message(`<@${fake.botUser.id}>`, fake.user(), {}, { mentionsBot: true }))

    await fake.waitUntil(() => fake.channelMessages().length === 1, 'the help reply')

    expect(embedOf(fake.channelMessages()[0]).title).toBe('How to ask')
  })
})

describe('discord failures', () => {
  it('waits out a REST 429 and still delivers the answer once', async () => {
    const { fake } = await connect()
    fake.failNextRest({ status: 429, retryAfterSec: 0.05, match: ({ method }) => method === 'PATCH' })
    const interaction = fake.chatInput('ask', { question: 'Was there a ceasefire?' })
    fake.dispatchInteraction(interaction)

    const responses = await fake.waitForResponses(interaction.id, 2)

    expect(fake.requests.filter((request) => request.status === 429)).toHaveLength(1)
    expect(responses.map((request) => request.method)).toEqual(['POST', 'PATCH'])
    expect(embedOf(responses[1]).description).toContain('**ceasefire**')
  })

  it('retries a REST 500 and still delivers the answer once', async () => {
    const { fake } = await connect()
    fake.failNextRest({ status: 500, match: ({ method }) => method === 'PATCH' })
    const interaction = fake.chatInput('ask', { question: 'Was there a ceasefire?' })
    fake.dispatchInteraction(interaction)

    const responses = await fake.waitForResponses(interaction.id, 2)

    expect(fake.requests.filter((request) => request.status === 500)).toHaveLength(1)
    expect(responses.map((request) => request.method)).toEqual(['POST', 'PATCH'])
  })

  it('hides a core failure behind a reference, ephemerally, and answers the next interaction', async () => {
    let calls = 0
    const engine = createFakeEngine({
      ask: (question, options) => {
        calls++
        if (calls === 1) throw new Error('index not loaded')
        return createFakeEngine().ask(question, options)
      },
    })
    const { fake, logs } = await connect({ engine })
    const failing = fake.chatInput('ask', { question: 'Was there a ceasefire?' })
    fake.dispatchInteraction(failing)
    const [, , apology] = await fake.waitForResponses(failing.id, 3)

    expect(bodyOf(apology).content).toBe(`Sorry, something broke on my side (ref ${failing.id}).`)
    expect(bodyOf(apology).flags).toBe(EPHEMERAL)
    expect(logs.some((line) => line.msg === 'answering failed' && line.ref === failing.id)).toBe(true)

    const next = fake.chatInput('ask', { question: 'Was there a ceasefire?' })
    fake.dispatchInteraction(next)
    const [, answer] = await fake.waitForResponses(next.id, 2)
    expect(embedOf(answer).description).toContain('**ceasefire**')
  })

  it('logs a reply that cannot be sent, apologises, and keeps answering', async () => {
    const { fake, logs } = await connect({ client: { clientOptions: { rest: { retries: 0 } } } })
    // The edit fails for good: a 500 with no retries left.
    fake.failNextRest({ status: 500, match: ({ method }) => method === 'PATCH' })
    const failing = fake.chatInput('ask', { question: 'Was there a ceasefire?' })
    fake.dispatchInteraction(failing)
    const [, apology] = await fake.waitForResponses(failing.id, 2)

    expect(bodyOf(apology).content).toBe(`Sorry, something broke on my side (ref ${failing.id}).`)
    expect(bodyOf(apology).flags).toBe(EPHEMERAL)
    expect(logs.some((line) => line.msg === 'discord reply failed' && line.ref === failing.id)).toBe(true)

    const next = fake.chatInput('ask', { question: 'Was there a ceasefire?' })
    fake.dispatchInteraction(next)
    const [, answer] = await fake.waitForResponses(next.id, 2)
    expect(embedOf(answer).description).toContain('**ceasefire**')
  })

  it('survives a listener that throws, through its error handler', async () => {
    const { fake, client, logs } = await connect()
    client.on('interactionCreate', async () => {
      throw new Error('a plugin broke')
    })
    const first = fake.chatInput('ask', { question: 'Was there a ceasefire?' })
    fake.dispatchInteraction(first)
    await fake.waitForResponses(first.id, 2)
    await fake.waitUntil(() => logs.some((line) => line.msg === 'discord client error'), 'the error log')

    const next = fake.chatInput('ask', { question: 'How long did the talks last?' })
    fake.dispatchInteraction(next)
    await fake.waitForResponses(next.id, 2)
  })

  it('shows a refused question privately when the core throws UserFacingError', async () => {
    const engine = createFakeEngine({
      takeaways: () => {
        throw new UserFacingError('invalid-option', 'Takeaways need a topic of at least three letters.')
      },
    })
    const { fake } = await connect({ engine })
    const interaction = fake.chatInput('takeaways')
    fake.dispatchInteraction(interaction)

    const [, deletion, followUp] = await fake.waitForResponses(interaction.id, 3)

    expect(deletion?.method).toBe('DELETE')
    expect(bodyOf(followUp).content).toBe('Takeaways need a topic of at least three letters.')
    expect(bodyOf(followUp).flags).toBe(EPHEMERAL)
  })
})

describe('discord gateway', () => {
  it('resumes after close code 4000, answering every interaction exactly once', async () => {
    const { fake } = await connect()
    const before = fake.chatInput('ask', { question: 'Was there a ceasefire?' })
    fake.dispatchInteraction(before)
    await fake.waitForResponses(before.id, 2)

    // One event goes out just before the drop, one while the client is away.
    const racing = fake.chatInput('ask', { question: 'How long did the talks last?' }, fake.user(2))
    fake.dispatchInteraction(racing)
    fake.dropGateway(4000)
    const missed = fake.chatInput('ask', { question: 'How long did the talks last?' }, fake.user(3))
    fake.dispatchInteraction(missed)

    await fake.waitForResponses(missed.id, 2)
    await fake.waitForResponses(racing.id, 2)
    const after = fake.chatInput('ask', { question: 'Was there a ceasefire?' }, fake.user(4))
    fake.dispatchInteraction(after)
    await fake.waitForResponses(after.id, 2)

    expect(fake.packetsOf('identify')).toHaveLength(1)
    expect(fake.packetsOf('resume')).toHaveLength(1)
    for (const interaction of [before, racing, missed, after]) {
      expect(fake.requestsFor(interaction.id).map((request) => request.method), interaction.id).toEqual(['POST', 'PATCH'])
    }
  })

  it('runs two shards in one process when DISCORD_SHARDS=2, one guild on each', async () => {
    const { fake, client } = await connect({ fake: { guildCount: 2 }, sharding: { mode: 'fixed', shardIds: [0, 1], shardCount: 2 } })

    expect(fake.packetsOf('identify').map((packet) => (packet.d as { shard: number[] }).shard)).toEqual([[0, 2], [1, 2]])
    expect(client.guilds.cache.size).toBe(2)
    const onFirst = fake.chatInput('ask', { question: 'Was there a ceasefire?' }, fake.user(1), { guild: fake.guilds[0] })
    const onSecond = fake.chatInput('ask', { question: 'Was there a ceasefire?' }, fake.user(2), { guild: fake.guilds[1] })
    fake.dispatchInteraction(onFirst)
    fake.dispatchInteraction(onSecond)

    await fake.waitForResponses(onFirst.id, 2)
    await fake.waitForResponses(onSecond.id, 2)
  })

  it('follows the recommended shard count with DISCORD_SHARDS=auto', async () => {
    const { fake } = await connect({ fake: { guildCount: 2, recommendedShards: 2 } })

    expect(fake.packetsOf('identify').map((packet) => (packet.d as { shard: number[] }).shard).sort()).toEqual([[0, 2], [1, 2]])
  })

  it('asks for the Guilds, GuildMessages and DirectMessages intents only', async () => {
    const { fake } = await connect()

    // 1 << 0 | 1 << 9 | 1 << 12
    expect((fake.packetsOf('identify')[0]?.d as { intents: number }).intents).toBe(1 + 512 + 4096)
  })

  it('adds the privileged Message Content intent only when DISCORD_MESSAGE_CONTENT turns it on', async () => {
    const { fake } = await connect({ messageContent: true })

    // 1 << 0 | 1 << 9 | 1 << 12 | 1 << 15
    expect((fake.packetsOf('identify')[0]?.d as { intents: number }).intents).toBe(1 + 512 + 4096 + 32768)
  })
})
