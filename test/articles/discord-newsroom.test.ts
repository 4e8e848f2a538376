import { once } from 'node:events'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDiscordClient } from '../../adapters/discord/client.js'
import { createSilentLogger } from '../../adapters/logger.js'
import { noIdentifyWait, startFakeDiscord, type FakeDiscord } from '../fakes/discord.js'
import { startFakeWebServer, type FakeWebServer } from '../fakes/web-server.js'
import { startTestNewsroom, type TestNewsroom } from '../helpers/newsroom.js'
import type { Client } from 'discord.js'

const TOKEN = 'MTEx.GdUmKz.newsroom_test'
/** Manage Server is 1 << 5; the fake's members lack it unless a test grants it. */
const MANAGE_GUILD = 32n

describe('Discord /add, /subscribe and announcements', () => {
  let fake: FakeDiscord
  let web: FakeWebServer
  let room: TestNewsroom
  let client: Client

  beforeAll(async () => {
    web = await startFakeWebServer()
    fake = await startFakeDiscord()
    room = await startTestNewsroom(createSilentLogger())
    client = createDiscordClient(
      { token: TOKEN, appId: fake.appId, restApi: fake.restApi, sharding: { mode: 'auto' } },
      { getEngine: room.getEngine, logger: createSilentLogger(), newsroom: room.newsroom },
      { cooldownMs: 0, clientOptions: { ws: noIdentifyWait } },
    )
    const ready = once(client, 'clientReady')
    await client.login(TOKEN)
    await ready
  })
  afterAll(async () => {
    await client.destroy()
    await fake.close()
    await web.stop()
    await room.close()
  })

  /** A slash command from a member who may (or may not) manage the server. */
  function command(name: string, options: Record<string, string>, manager: boolean) {
    const interaction = fake.chatInput(name, options)
    const member = (interaction as unknown as { member: { permissions: string } }).member
    const permissions = BigInt(member.permissions)
    member.permissions = String(manager ? permissions | MANAGE_GUILD : permissions & ~MANAGE_GUILD)
    fake.dispatchInteraction(interaction)
    return interaction
  }

  it('refuses a member without Manage Server, privately', async () => {
    const interaction = command('add', { url: `${web.origin}/news/og-only` }, false)
    const [callback] = await fake.waitForResponses(interaction.id, 1)
    expect(callback?.body).toMatchObject({ type: 4, data: { content: 'Sorry, only the people who run this bot can add articles or change subscriptions here.', flags: 64, allowed_mentions: { parse: [] } } })
  })

  it('subscribes the channel, adds an article, and posts what it changes there, pinging nobody', { timeout: 60_000 }, async () => {
    const subscribe = command('subscribe', {}, true)
    const [, subscribed] = await fake.waitForResponses(subscribe.id, 2)
    expect(subscribed?.body).toMatchObject({ content: 'This channel will now get a message for every new article, saying what it changes. /unsubscribe stops them.' })

    const add = command('add', { url: `${web.origin}/news/og-only` }, true)
    const [deferred, added] = await fake.waitForResponses(add.id, 2, 40_000)
    expect(deferred?.callbackType).toBe(5)
    // The article joins the bundled corpus's one story, named in the corpus's own words.
    expect((added?.body as { content?: string }).content).toMatch(/^Added \*\*Markets shrug off Alaska summit as oil prices slip\*\* \(Harbour Daily\)\.\nIt joins the story “[^”*]+”\.$/)
    const channelId = fake.guilds[0]?.channelId ?? ''
    await fake.waitUntil(() => fake.channelMessages(channelId).length > 0, 'the announcement', 10_000)
    const [announcement] = fake.channelMessages(channelId)
    const body = announcement?.body as { content: string; allowed_mentions: unknown }
    expect(body.content).toMatch(/^📰 New article: \*\*Markets shrug off Alaska summit as oil prices slip\*\* \(Harbour Daily, Daniel Lee\)\nStory: [^\n*]+\n> /)
    expect(body.allowed_mentions).toEqual({ parse: [] })
  })

  it('says a link is refused, and why', async () => {
    const add = command('add', { url: 'http://169.254.169.254/latest/meta-data/' }, true)
    const [, refused] = await fake.waitForResponses(add.id, 2)
    expect(refused?.body).toMatchObject({ content: 'Not added: That link points to a private or loopback address, which is not allowed.' })
  })
})
