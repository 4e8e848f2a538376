import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Api } from 'grammy'
import type { Chat } from 'grammy/types'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAnnouncer } from '../../adapters/articles/announce.js'
import { createMemorySubscriptionStore } from '../../adapters/articles/subscriptions.js'
import { createSilentLogger } from '../../adapters/logger.js'
import { createTelegramAnnouncementSender } from '../../adapters/telegram/newsroom-commands.js'
import { startTelegram, type RunningTelegram } from '../../adapters/telegram/start.js'
import { createCaptureLogger } from '../fakes/capture-logger.js'
import { startFakeTelegramApi, type ApiCall, type FakeTelegramApi } from '../fakes/telegram-api.js'
import { FAKE_GROUP, FAKE_TOKEN, fakeUser, textUpdate } from '../fakes/telegram-updates.js'
import { startFakeWebServer, type FakeWebServer } from '../fakes/web-server.js'
import { startTestNewsroom, type TestNewsroom } from '../helpers/newsroom.js'

const ADMIN = fakeUser(77)
const STRANGER = fakeUser(78)

describe('Telegram /add, /subscribe and announcements', () => {
  let api: FakeTelegramApi
  let web: FakeWebServer
  let room: TestNewsroom
  let adapter: RunningTelegram

  beforeAll(async () => {
    web = await startFakeWebServer()
    api = await startFakeTelegramApi()
    room = await startTestNewsroom(createSilentLogger(), { telegramAdminIds: [ADMIN.id] })
    adapter = await startTelegram({ token: FAKE_TOKEN, apiRoot: api.apiRoot }, { getEngine: room.getEngine, logger: createSilentLogger(), newsroom: room.newsroom })
  })
  afterAll(async () => {
    await adapter.stop()
    await api.stop()
    await web.stop()
    await room.close()
  })

  /** Sends `text` and resolves with the next message the bot sends to `chatId`. */
  async function send(text: string, from = ADMIN, chat: Chat = { id: from.id, type: 'private', first_name: from.first_name }, timeoutMs = 5000): Promise<string> {
    const before = api.callsTo('sendMessage').length
    api.pushUpdate(textUpdate(text, { from, chat }))
    await api.waitFor(() => api.callsTo('sendMessage').slice(before).some((call) => call.payload.chat_id === chat.id && call.respondedAt !== undefined), timeoutMs)
    return String(api.callsTo('sendMessage').slice(before).find((call) => call.payload.chat_id === chat.id)?.payload.text)
  }

  it('refuses /add and /subscribe politely to someone not in TELEGRAM_ADMIN_IDS', async () => {
    expect(await send(`/add ${web.origin}/news/og-only`, STRANGER)).toBe('Sorry, only the people who run this bot can add articles or change subscriptions here.')
    expect(await send('/subscribe', STRANGER)).toBe('Sorry, only the people who run this bot can add articles or change subscriptions here.')
  })

  it('subscribes a group, adds an article, and the group hears what it changes while the bot keeps answering', { timeout: 60_000 }, async () => {
    expect(await send('/subscribe', ADMIN, FAKE_GROUP)).toBe('This channel will now get a message for every new article, saying what it changes. /unsubscribe stops them.')
    expect(JSON.parse(await readFile(join(room.stateDir, 'subscriptions.json'), 'utf8'))).toEqual([{ platform: 'telegram', channelId: String(FAKE_GROUP.id) }])

    const startedAt = performance.now()
    const sentBefore = api.callsTo('sendMessage').length
    api.pushUpdate(textUpdate(`/add ${web.origin}/news/jsonld-article`, { from: ADMIN }))
    // A question in the same chat while the article is fetched and the index rebuilt.
    const answer = await send('How long did the talks last?', ADMIN, undefined, 10_000)
    const answeredMs = performance.now() - startedAt
    expect(answer).toContain('<blockquote>')
    const isAnnouncement = (call: ApiCall) => call.payload.chat_id === FAKE_GROUP.id && call.respondedAt !== undefined
    await api.waitFor(() => api.callsTo('sendMessage').slice(sentBefore).some(isAnnouncement), 40_000)
    const announcedMs = performance.now() - startedAt
    await api.waitFor(() => api.callsTo('sendMessage').slice(sentBefore).some((call) => String(call.payload.text).startsWith('Added')), 5_000)
    const sent = api.callsTo('sendMessage').slice(sentBefore)
    const reply = sent.find((call) => call.payload.chat_id === ADMIN.id && String(call.payload.text).startsWith('Added'))
    // The article joins the bundled corpus's one story, named in the corpus's own words.
    expect(reply?.payload.text).toMatch(/^Added <b>Zelenskyy to meet Trump after Alaska talks<\/b> \(The Northern Ledger\)\.\nIt joins the story “[^”<]+”\.$/)
    const announcement = String(sent.find((call) => call.payload.chat_id === FAKE_GROUP.id)?.payload.text)
    expect(announcement).toMatch(/^📰 New article: <b>Zelenskyy to meet Trump after Alaska talks<\/b> \(The Northern Ledger, Marta Kowalska\)\nStory: [^\n<]+\n<blockquote>[^<]+<\/blockquote>/)
    // "five hours" is a new side of how long the talks lasted.
    expect(announcement).toContain('On how long the talks lasted, it says 5 hours, a value no other source gives.')
    console.log(`telegram: question answered ${Math.round(answeredMs)} ms after /add; announcement ${Math.round(announcedMs)} ms after /add; reload ${room.reloadsMs.join(', ')} ms`)
    expect(answeredMs).toBeLessThan(announcedMs)
  })

  it('says an article is already there, and why a link is refused', async () => {
    expect(await send(`/add ${web.origin}/news/jsonld-article`, ADMIN, undefined, 10_000)).toBe('Already there: <b>Zelenskyy to meet Trump after Alaska talks</b> (The Northern Ledger).')
    expect(await send(`/add ${web.origin}/report.pdf`)).toBe('Not added: That page is not HTML (its content type is application/pdf).')
    expect(await send('/add')).toBe('Send the article’s link after the command, for example: /add https://example.com/news/story')
  })

  it('announces an updated article with the text its new version adds and what that changes', { timeout: 60_000 }, async () => {
    const page = await readFile(new URL('../fixtures/pages/jsonld-article.html', import.meta.url), 'utf8')
    // "five" becomes "nine": the same length, so only the text tells the versions apart.
    web.route('/news/jsonld-article', { body: page.replace('After five hours of negotiations', 'After nine hours of negotiations') })
    const sentBefore = api.callsTo('sendMessage').length
    try {
      expect(await send(`/add ${web.origin}/news/jsonld-article`, ADMIN, undefined, 30_000)).toMatch(/^Updated <b>Zelenskyy to meet Trump after Alaska talks<\/b> \(The Northern Ledger\): the page had changed/)
    } finally {
      web.route('/news/jsonld-article', { body: page })
    }
    const isAnnouncement = (call: ApiCall) => call.payload.chat_id === FAKE_GROUP.id && call.respondedAt !== undefined
    await api.waitFor(() => api.callsTo('sendMessage').slice(sentBefore).some(isAnnouncement), 20_000)
    const announcement = String(api.callsTo('sendMessage').slice(sentBefore).find(isAnnouncement)?.payload.text)
    console.log(`telegram: update announcement:\n${announcement}`)
    expect(announcement).toMatch(/^📰 Updated article: <b>Zelenskyy to meet Trump after Alaska talks<\/b> \(The Northern Ledger, Marta Kowalska\)\nStory: [^\n<]+\nNew in this version:\n<blockquote>[^<]*nine hours[^<]*<\/blockquote>/)
    // It now gives a length no source gives, where it said five hours before.
    // (The topic's wording is the disagreement's own: "the talks" or "the negotiations".)
    expect(announcement).toMatch(/\nOn how long the \w+ lasted, it says 9 hours, a value no other source gives\.\n/)
    expect(announcement).not.toContain('5 hours')
  })

  it('shows /add, /subscribe and /unsubscribe in the menu of admins only: their private chat, and a group once they used one there', () => {
    const menus = api.callsTo('setMyCommands').map((call) => ({ scope: call.payload.scope as Record<string, unknown> | undefined, commands: (call.payload.commands as Array<{ command: string }>).map((entry) => entry.command) }))
    const everyone = menus.find((menu) => menu.scope === undefined)
    expect(everyone?.commands).toContain('stories')
    expect(everyone?.commands).not.toContain('add')
    const newsroom = ['add', 'subscribe', 'unsubscribe']
    expect(menus.find((menu) => menu.scope?.type === 'chat' && menu.scope.chat_id === ADMIN.id)?.commands).toEqual([...(everyone?.commands ?? []), ...newsroom])
    expect(menus.find((menu) => menu.scope?.type === 'chat_member')).toMatchObject({ scope: { chat_id: FAKE_GROUP.id, user_id: ADMIN.id }, commands: expect.arrayContaining(newsroom) })
    expect(menus.some((menu) => menu.scope !== undefined && menu.scope.chat_id === STRANGER.id)).toBe(false)
  })

  it('answers /unsubscribe, twice', async () => {
    expect(await send('/unsubscribe', ADMIN, FAKE_GROUP)).toBe('This channel will no longer get messages about new articles.')
    expect(await send('/unsubscribe', ADMIN, FAKE_GROUP)).toBe('This channel was not subscribed.')
  })

  it('unsubscribes a chat that removed the bot, with a log line, and keeps the others', async () => {
    const { logger, records } = createCaptureLogger()
    const subscriptions = createMemorySubscriptionStore([
      { platform: 'telegram', channelId: String(FAKE_GROUP.id) },
      { platform: 'telegram', channelId: String(ADMIN.id) },
    ])
    const announcer = createAnnouncer({ subscriptions, logger, minGapMs: 0 })
    announcer.setSender('telegram', createTelegramAnnouncementSender(new Api(FAKE_TOKEN, { apiRoot: api.apiRoot })))
    api.failNext('sendMessage', { error_code: 403, description: 'Forbidden: bot was kicked from the supergroup chat' })
    const source = { id: 'x', title: 'A <b>title</b> with @everyone' }
    await announcer.announce({ source, opened: [], joined: [], settled: [], takeaways: [] })
    expect(await subscriptions.list()).toEqual([{ platform: 'telegram', channelId: String(ADMIN.id) }])
    expect(records.find((record) => record.msg === 'channel is gone or forbids the bot: unsubscribed')).toMatchObject({ platform: 'telegram', channelId: String(FAKE_GROUP.id) })
    expect(api.sentTexts().at(-1)).toBe('📰 New article: <b>A &lt;b&gt;title&lt;/b&gt; with @everyone</b>\nIt opens, joins or settles no disagreement between sources.')
  })
})
