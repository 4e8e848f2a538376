import { once } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Client } from 'discord.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDiscordClient } from '../../adapters/discord/client.js'
import { CONTEXT_TTL_MS, createMemoryContextStore } from '../../adapters/conversation/context-store.js'
import { summarizeFeedback } from '../../adapters/feedback/report.js'
import { createFileFeedbackStore } from '../../adapters/feedback/store.js'
import { createFeedback, VOTE_TEXTS } from '../../adapters/feedback/votes.js'
import { loadCorpusDir } from '../../adapters/load-corpus.js'
import { createCaptureLogger, ERROR_LEVEL, type LogRecord } from '../fakes/capture-logger.js'
import { createEngine, type Engine } from '../../src/index.js'
import { noIdentifyWait, startFakeDiscord, type RecordedRequest } from '../fakes/discord.js'
import { fixtureDir, sharedSynsets } from '../helpers/engine.js'

type Fake = Awaited<ReturnType<typeof startFakeDiscord>>
interface SentBody {
  content?: string
  embeds?: Array<{ title?: string; description?: string }>
  components?: Array<{ components: Array<{ label?: string; custom_id?: string }> }>
  flags?: number
  auto_archive_duration?: number
}

/** End to end: the real engine, the real discord.js client on the fake gateway and REST, votes on disk. */
describe('Discord conversations and feedback', () => {
  let fake: Fake
  let client: Client
  let engine: Engine
  let dir: string
  let records: LogRecord[]
  /** Added to the conversation store's clock: a test moves past the context window. */
  let clockOffsetMs = 0

  beforeAll(async () => {
    const captured = createCaptureLogger()
    records = captured.records
    engine = createEngine(await loadCorpusDir(fixtureDir('plant-fire')), { synsets: await sharedSynsets() })
    dir = await mkdtemp(join(tmpdir(), 'discord-votes-'))
    fake = await startFakeDiscord()
    client = createDiscordClient(
      { token: 'MTEx.GdUmKz.conversation_test', appId: fake.appId, restApi: fake.restApi, sharding: { mode: 'auto' } },
      { getEngine: () => engine, logger: captured.logger },
      {
        cooldownMs: 0,
        clientOptions: { ws: noIdentifyWait, rest: { retries: 0 } },
        conversations: createMemoryContextStore({ now: () => Date.now() + clockOffsetMs }),
        feedback: createFeedback({ store: createFileFeedbackStore(dir), salt: 'discord-test-salt-0123' }),
      },
    )
    const ready = once(client, 'clientReady')
    await client.login('MTEx.GdUmKz.conversation_test')
    await ready
  })
  afterAll(async () => {
    await client.destroy()
    await fake.close()
    await rm(dir, { recursive: true, force: true })
  })

  const textOf = (body: unknown) => JSON.stringify(body).replace(/\*\*/g, '')
  const buttonId = (body: unknown, label: string) =>
    (body as SentBody).components?.flatMap((row) => row.components).find((button) => button.label === label)?.custom_id ?? ''

  /** `/ask question` (with more options); resolves with the answer message's body and its id as sent back. */
  async function ask(question: string, { thread = false } = {}): Promise<{ body: SentBody; messageId: string; interactionId: string }> {
    const interaction = fake.chatInput('ask', { question })
    // The fake types every option as a string; `thread` is a boolean option (type 5).
    if (thread) interaction.data.options.push({ name: 'thread', type: 5, value: true as unknown as string })
    fake.dispatchInteraction(interaction)
    const [, edit] = await fake.waitForResponses(interaction.id, 2)
    return { body: edit?.body as SentBody, messageId: await messageIdOf(edit!), interactionId: interaction.id }
  }

  async function messageIdOf(request: RecordedRequest): Promise<string> {
    // The fake answers with a message whose id it made; the client cached it, so look it up by content.
    const channel = client.channels.cache.get(fake.guilds[0]!.channelId)
    await new Promise((resolve) => setTimeout(resolve, 20))
    const messages = channel && 'messages' in channel ? [...channel.messages.cache.values()] : []
    const body = request.body as SentBody
    return messages.reverse().find((message) => message.embeds[0]?.title === body.embeds?.[0]?.title)?.id ?? ''
  }

  /** Presses `customId` as user `n`; resolves with the ephemeral reply's text. */
  async function press(customId: string, n: number): Promise<SentBody> {
    const interaction = fake.button(customId, fake.user(n))
    fake.dispatchInteraction(interaction)
    const [reply] = await fake.waitForResponses(interaction.id, 1)
    return (reply?.body as { data: SentBody }).data
  }

  /**
   * A message in `channelId` as a reply to `repliedId` (by the bot, when `toBot`), mentioning the bot
   * as a reply ping does (or, replying to someone else, as `@bot` in the text would).
   */
  async function replyTo(content: string, repliedId: string, { channelId = fake.guilds[0]!.channelId, toBot = true } = {}): Promise<SentBody> {
    const before = fake.channelMessages(channelId).length
    const message = {
      ...fake.message(content, fake.user(1), {}, { mentionsBot: true }),
      channel_id: channelId,
      type: 19,
      message_reference: { message_id: repliedId, channel_id: channelId, guild_id: fake.guilds[0]!.id },
      referenced_message: { ...fake.message('an earlier message', fake.user(2)), id: repliedId, channel_id: channelId, author: toBot ? { id: fake.appId, username: 'quotes-bot', global_name: null, discriminator: '0', avatar: null, bot: true } : fake.user(2) },
    }
    fake.dispatchMessage(message)
    await fake.waitUntil(() => fake.channelMessages(channelId).length > before, 'a reply')
    return fake.channelMessages(channelId).at(-1)?.body as SentBody
  }

  it('reads a reply to an answer as its follow-up', async () => {
    const { messageId } = await ask('Who is the fire chief?')
    expect(messageId).not.toBe('')
    const followUp = await replyTo('what did she say?', messageId)
    expect(textOf(followUp)).toContain('Fire Chief Nadia Kerr said 12 workers were injured')
  })

  it('answers a reply to an answer it does not hold (deleted, or from before a restart) on its own', async () => {
    const alone = await replyTo('what did she say?', '999999999999999999')
    expect(textOf(alone)).not.toContain('Fire Chief Nadia Kerr said')
  })

  it('answers a reply to a message that is not the bot’s, or to an answer older than the context window, on its own', async () => {
    const { messageId } = await ask('Who is the fire chief?')
    // The same message id, but written by someone else: not one of the bot's answers.
    const toUser = await replyTo('what did she say?', messageId, { toBot: false })
    expect(textOf(toUser)).not.toContain('Fire Chief Nadia Kerr said')
    // Within the window a reply to the answer follows it up: the reply above was read alone.
    expect(textOf(await replyTo('what did she say?', messageId))).toContain('Fire Chief Nadia Kerr said 12 workers were injured')
    clockOffsetMs = CONTEXT_TTL_MS + 1_000
    try {
      const tooOld = await replyTo('what did she say?', messageId)
      // The same answer as read alone, but for the ids of its own buttons and message.
      expect(tooOld.embeds).toEqual(toUser.embeds)
    } finally {
      clockOffsetMs = 0
    }
  })

  it('opens a thread archived after an hour, where a message follows up the answer', async () => {
    const { messageId } = await ask('Who is the fire chief?', { thread: true })
    await fake.waitUntil(() => fake.requests.some((request) => request.path.endsWith(`/messages/${messageId}/threads`)), 'a thread')
    const created = fake.requests.find((request) => request.path.endsWith(`/messages/${messageId}/threads`))
    expect((created?.body as SentBody).auto_archive_duration).toBe(60)
    // The fake gives the thread the message's id, as Discord does.
    const threadId = messageId
    const before = fake.channelMessages(threadId).length
    const inThread = { ...fake.message('what did she say?', fake.user(1), {}, { mentionsBot: true }), channel_id: threadId }
    fake.dispatchMessage(inThread)
    await fake.waitUntil(() => fake.channelMessages(threadId).length > before, 'an answer in the thread')
    expect(textOf(fake.channelMessages(threadId).at(-1)?.body)).toContain('Fire Chief Nadia Kerr said 12 workers were injured')

    // Without a mention: answered when Discord gives the text (with the Message Content intent); a
    // message whose text Discord withholds (without it) is left alone rather than answered empty.
    const withheld = fake.channelMessages(threadId).length
    const empty = { ...fake.message('', fake.user(2)), channel_id: threadId }
    const unmentioned = { ...fake.message('and when did residents return home?', fake.user(2)), channel_id: threadId }
    fake.dispatchMessage(empty)
    fake.dispatchMessage(unmentioned)
    await fake.waitUntil(() => fake.channelMessages(threadId).length > withheld, 'an answer to the message without a mention')
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(fake.channelMessages(threadId).length).toBe(withheld + 1)
    expect(textOf(fake.channelMessages(threadId).at(-1)?.body)).toContain('Wednesday')

    // A thread the bot can no longer post in: the failure is logged, and the bot goes on answering.
    // Discord answers a post there 403 Missing Access (the thread was locked, or the bot's role lost it).
    fake.failNextRest({ status: 403, match: ({ path }) => path.includes(`/channels/${threadId}/`) })
    fake.failNextRest({ status: 403, match: ({ path }) => path.includes(`/channels/${threadId}/`) })
    const unpostable = { ...fake.message('and when did residents return?', fake.user(1), {}, { mentionsBot: true }), channel_id: threadId }
    fake.dispatchMessage(unpostable)
    await fake.waitUntil(() => records.some((record) => record.level === ERROR_LEVEL && record.msg === 'discord reply failed'), 'the failure logged')
    const { body } = await ask('How long did the fire burn?')
    expect(textOf(body)).toContain('hours')
  })

  it('answers /ask with a thread in a channel where the bot may not open one, logs it and tells the asker privately', async () => {
    const warned = records.length
    fake.failNextRest({ status: 403, match: ({ method, path }) => method === 'POST' && path.endsWith('/threads') })
    const interaction = fake.chatInput('ask', { question: 'How long did the fire burn?' })
    interaction.data.options.push({ name: 'thread', type: 5, value: true as unknown as string })
    fake.dispatchInteraction(interaction)
    // The deferral, the answer, and a private note that no thread was opened.
    const [, answer, note] = await fake.waitForResponses(interaction.id, 3)
    expect(textOf(answer?.body)).toContain('hours')
    expect((note?.body as SentBody).content).toContain('could not open a thread')
    expect((note?.body as SentBody).flags).toBe(64)
    expect(records.slice(warned).some((record) => record.msg === 'could not open a thread on the answer')).toBe(true)
    // The answer still takes a reply as its follow-up.
    const { messageId } = await ask('Who is the fire chief?')
    expect(textOf(await replyTo('what did she say?', messageId))).toContain('Fire Chief Nadia Kerr said 12 workers were injured')
  })

  it('puts 👍 and 👎 under an answer, answers each press privately, one vote per person, the last one', async () => {
    const { body } = await ask('How long did the fire burn?')
    const up = buttonId(body, '👍')
    const down = buttonId(body, '👎')
    expect(up).toMatch(/^vote:[\w-]{16}:up$/)
    expect((await press(up, 1)).content).toBe(VOTE_TEXTS.up)
    expect((await press(up, 2)).content).toBe(VOTE_TEXTS.up)
    const firstDown = await press(down, 3)
    expect(firstDown.content).toBe(VOTE_TEXTS.down)
    expect(firstDown.flags).toBe(64)
    expect((await press(buttonId(firstDown, 'wrong quote'), 3)).content).toBe(VOTE_TEXTS.reason)
    expect((await press(down, 1)).content).toBe(VOTE_TEXTS.changed)
    const row = summarizeFeedback(await createFileFeedbackStore(dir).all()).find((r) => r.question === 'How long did the fire burn?')
    expect(row).toMatchObject({ up: 1, down: 2, reasons: { 'wrong-quote': 1 } })
  })

  it('answers a stale or forged vote button with a clear message', async () => {
    expect((await press('vote:AAAAAAAAAAAAAAAA:up', 1)).content).toBe(VOTE_TEXTS.stale)
    expect((await press('why:AAAAAAAAAAAAAAAA:not-a-reason', 1)).content).toBe(VOTE_TEXTS.refused)
  })

  it('refuses a press of a real answer’s button sent from another chat, and records nothing for it', async () => {
    const { body } = await ask('When did residents return home?')
    const interaction = fake.button(buttonId(body, '👎'), fake.user(7), { dm: true })
    fake.dispatchInteraction(interaction)
    const [reply] = await fake.waitForResponses(interaction.id, 1)
    expect((reply?.body as { data: SentBody }).data.content).toBe(VOTE_TEXTS.refused)
    const row = summarizeFeedback(await createFileFeedbackStore(dir).all()).find((r) => r.question === 'When did residents return home?')
    expect(row).toBeUndefined()
  })
})
