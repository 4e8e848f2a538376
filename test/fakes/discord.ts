import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocket, WebSocketServer } from 'ws'

/**
 * A fake Discord on 127.0.0.1, for the real discord.js `Client`: one node:http server for REST
 * (point `rest.api` at `restApi`) and a `ws` gateway whose address `GET /api/v10/gateway/bot`
 * hands out. It records every REST request and every gateway packet the client sends, builds
 * INTERACTION_CREATE and MESSAGE_CREATE payloads with every field discord.js reads, keeps each
 * session's events so a RESUME replays what the client missed, and can fail the next REST call
 * (429 or 500) or drop the gateway (close code 4000).
 */

// Gateway opcodes (https://discord.com/developers/docs/topics/opcodes-and-status-codes).
const OP = { dispatch: 0, heartbeat: 1, identify: 2, resume: 6, invalidSession: 9, hello: 10, heartbeatAck: 11 } as const

// Interaction callback types, as recorded in `callbackType`.
export const CALLBACK = { reply: 4, deferReply: 5, deferUpdate: 6, update: 7, autocomplete: 8 } as const

/** A user as Discord sends it. */
export interface FakeUser {
  id: string
  username: string
  global_name: string | null
  discriminator: string
  avatar: string | null
  bot?: boolean
}

/** A guild of the fake, with one text channel. */
export interface FakeGuild {
  id: string
  channelId: string
}

/** One REST request the client made, with what the fake answered. */
export interface RecordedRequest {
  method: string
  /** The path as sent, e.g. `/api/v10/webhooks/1/t/messages/%40original` (discord.js encodes `@`). */
  path: string
  query: URLSearchParams
  body: unknown
  /** The status the fake answered with. */
  status: number
  /** For interaction callbacks: the callback `type` (see {@link CALLBACK}). */
  callbackType?: number
  /** The interaction this request answers, for callbacks and webhook edits and follow-ups. */
  interactionId?: string
  at: number
}

/** A gateway packet the client sent. */
export interface RecordedPacket {
  shardId: number | undefined
  op: number
  d: unknown
  /** When it arrived, in `performance.now()` milliseconds. */
  atMs: number
}

/** A REST failure to serve instead of the next matching request. */
export interface RestFailure {
  /** 403 answers as Discord does to a channel shut to the bot: `Missing Access` (code 50001). */
  status: 403 | 429 | 500
  /** Seconds in `retry-after` for a 429. Defaults to `0.05`. */
  retryAfterSec?: number
  /** Only fail a request this accepts. Defaults to any request. */
  match?: (request: { method: string; path: string }) => boolean
}

export interface FakeDiscordOptions {
  /** Shards `/gateway/bot` recommends. Defaults to `1`. */
  recommendedShards?: number
  /** Guilds the bot is in; each id decides its shard. Defaults to one guild. */
  guildCount?: number
  /** Heartbeat interval in HELLO. Defaults to `41250`, Discord's usual. */
  heartbeatIntervalMs?: number
  /** `session_start_limit.max_concurrency` in `/gateway/bot`: IDENTIFY buckets per 5 s. Defaults to `1`, as for most bots. */
  maxConcurrency?: number
}

/** Discord's epoch, for snowflakes. */
const DISCORD_EPOCH = 1_420_070_400_000n

interface Session {
  id: string
  shardId: number
  shardCount: number
  seq: number
  /** Every dispatch of the session, for replay on RESUME. */
  events: { s: number; t: string; d: unknown }[]
  socket: WebSocket | undefined
}

/** Builds ids that look like Discord's: a timestamp above bit 22, a counter below. */
function createSnowflakes(): () => string {
  let counter = 0n
  return () => {
    counter = (counter + 1n) % 4096n
    return String(((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | counter)
  }
}

/** Starts the fake on two free ports of 127.0.0.1. Call `close()` when done. */
export async function startFakeDiscord(options: FakeDiscordOptions = {}) {
  const { recommendedShards = 1, guildCount = 1, heartbeatIntervalMs = 41_250, maxConcurrency = 1 } = options
  const snowflake = createSnowflakes()
  const appId = '111111111111111111'
  const botUser: FakeUser = { id: appId, username: 'quotes-bot', global_name: null, discriminator: '0', avatar: null, bot: true }
  // Guild ids chosen so that guild i lands on shard i % shardCount: the shard is (id >> 22) % count.
  const guilds: FakeGuild[] = Array.from({ length: guildCount }, (_, index) => ({
    id: String(((1_000_000_000n + BigInt(index)) << 22n) | 1n),
    channelId: String(((1_000_000_000n + BigInt(index)) << 22n) | 2n),
  }))

  const requests: RecordedRequest[] = []
  const packets: RecordedPacket[] = []
  const failures: RestFailure[] = []
  const sessions = new Map<string, Session>()
  const interactionChannels = new Map<string, string>()
  const waiters = new Set<() => void>()
  const notify = () => {
    for (const waiter of waiters) waiter()
  }

  const http: Server = createServer((req, res) => {
    void handleRest(req, res)
  })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const restPort = (http.address() as AddressInfo).port
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  await new Promise<void>((resolve) => wss.once('listening', resolve))
  const gatewayUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`

  async function readBody(req: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const text = Buffer.concat(chunks).toString('utf8')
    if (text === '') return undefined
    return (req.headers['content-type'] ?? '').includes('application/json') ? JSON.parse(text) : text
  }

  function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json', ...headers })
    res.end(JSON.stringify(body))
  }

  async function handleRest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const method = req.method ?? 'GET'
    const path = url.pathname
    const body = await readBody(req)
    const record: RecordedRequest = { method, path, query: url.searchParams, body, status: 0, at: performance.now() }

    const failureIndex = failures.findIndex((failure) => failure.match === undefined || failure.match({ method, path }))
    const failure = failureIndex === -1 ? undefined : failures.splice(failureIndex, 1)[0]
    if (failure !== undefined) {
      record.status = failure.status
      requests.push(record)
      notify()
      if (failure.status === 429) {
        const retryAfter = failure.retryAfterSec ?? 0.05
        json(res, 429, { message: 'You are being rate limited.', retry_after: retryAfter, global: false }, {
          'retry-after': String(retryAfter),
          'x-ratelimit-scope': 'user',
        })
      } else if (failure.status === 403) {
        json(res, 403, { message: 'Missing Access', code: 50001 })
      } else {
        json(res, 500, { message: '500: Internal Server Error', code: 0 })
      }
      return
    }

    const route = decodeURIComponent(path).replace(/^\/api\/v\d+/, '')
    let match: RegExpExecArray | null
    const answer = (status: number, payload?: unknown) => {
      record.status = status
      requests.push(record)
      notify()
      if (payload === undefined) {
        // Interaction callbacks and deletes answer 204 with no content type, as Discord does.
        res.writeHead(status)
        res.end()
      } else json(res, status, payload)
    }

    if (method === 'GET' && route === '/gateway/bot') {
      answer(200, {
        url: gatewayUrl,
        shards: recommendedShards,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: maxConcurrency },
      })
    } else if (method === 'POST' && (match = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(route))) {
      record.interactionId = match[1]
      record.callbackType = (body as { type?: number } | undefined)?.type
      answer(204)
    } else if ((match = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/.exec(route))) {
      record.interactionId = interactionOfToken(match[2])
      if (method === 'DELETE') answer(204)
      else answer(200, messageFrom(body, channelOfToken(match[2]), { webhook: true }))
    } else if (method === 'POST' && (match = /^\/webhooks\/(\d+)\/([^/]+)$/.exec(route))) {
      record.interactionId = interactionOfToken(match[2])
      answer(200, messageFrom(body, channelOfToken(match[2]), { webhook: true }))
    } else if (method === 'POST' && (match = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(route))) {
      // A thread on a message: its id is the message's, as on Discord.
      const options = (body ?? {}) as { name?: string; auto_archive_duration?: number }
      const guild = guilds.find((candidate) => candidate.channelId === match![1])
      answer(201, {
        id: match[2],
        type: 11,
        guild_id: guild?.id,
        parent_id: match[1],
        owner_id: appId,
        name: options.name ?? '',
        last_message_id: null,
        message_count: 0,
        member_count: 1,
        rate_limit_per_user: 0,
        flags: 0,
        thread_metadata: { archived: false, auto_archive_duration: options.auto_archive_duration ?? 1440, archive_timestamp: new Date().toISOString(), locked: false },
      })
    } else if (method === 'POST' && (match = /^\/channels\/(\d+)\/messages$/.exec(route))) {
      answer(200, messageFrom(body, match[1] ?? '0', { webhook: false }))
    } else if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(route)) {
      const commands = Array.isArray(body) ? (body as Record<string, unknown>[]) : []
      answer(
        200,
        commands.map((command) => ({ id: snowflake(), application_id: appId, version: snowflake(), type: 1, ...command })),
      )
    } else {
      answer(404, { message: `Unknown route ${method} ${route}`, code: 0 })
    }
  }

  function interactionOfToken(token: string | undefined): string | undefined {
    return token?.startsWith('token-') === true ? token.slice('token-'.length) : undefined
  }

  function channelOfToken(token: string | undefined): string {
    return interactionChannels.get(interactionOfToken(token) ?? '') ?? guilds[0]?.channelId ?? '0'
  }

  function messageFrom(body: unknown, channelId: string, { webhook }: { webhook: boolean }) {
    const payload = (body ?? {}) as Record<string, unknown>
    return {
      id: snowflake(),
      channel_id: channelId,
      author: botUser,
      content: payload.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: payload.embeds ?? [],
      components: payload.components ?? [],
      pinned: false,
      type: payload.message_reference === undefined ? 0 : 19,
      flags: payload.flags ?? 0,
      ...(webhook ? { webhook_id: appId, application_id: appId } : {}),
      ...(payload.message_reference === undefined ? {} : { message_reference: payload.message_reference }),
    }
  }

  // ---- gateway ----

  function guildsOfShard(shardId: number, shardCount: number): FakeGuild[] {
    return guilds.filter((guild) => Number((BigInt(guild.id) >> 22n) % BigInt(shardCount)) === shardId)
  }

  function send(socket: WebSocket, packet: object): void {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(packet))
  }

  function dispatchTo(session: Session, t: string, d: unknown): number {
    const s = ++session.seq
    session.events.push({ s, t, d })
    if (session.socket !== undefined) send(session.socket, { op: OP.dispatch, t, s, d })
    return s
  }

  wss.on('connection', (socket) => {
    let session: Session | undefined
    send(socket, { op: OP.hello, d: { heartbeat_interval: heartbeatIntervalMs } })
    socket.on('message', (raw) => {
      const packet = JSON.parse(String(raw)) as { op: number; d: Record<string, unknown> | number | null }
      packets.push({ shardId: session?.shardId, op: packet.op, d: packet.d, atMs: performance.now() })
      notify()
      if (packet.op === OP.heartbeat) {
        send(socket, { op: OP.heartbeatAck })
      } else if (packet.op === OP.identify) {
        const d = packet.d as { shard?: [number, number] }
        const [shardId, shardCount] = d.shard ?? [0, 1]
        session = { id: randomUUID(), shardId, shardCount, seq: 0, events: [], socket }
        sessions.set(session.id, session)
        packets[packets.length - 1]!.shardId = shardId
        const own = guildsOfShard(shardId, shardCount)
        dispatchTo(session, 'READY', {
          v: 10,
          user: botUser,
          guilds: own.map((guild) => ({ id: guild.id, unavailable: true })),
          session_id: session.id,
          resume_gateway_url: gatewayUrl,
          shard: [shardId, shardCount],
          application: { id: appId, flags: 0 },
        })
        for (const guild of own) dispatchTo(session, 'GUILD_CREATE', guildCreatePayload(guild))
      } else if (packet.op === OP.resume) {
        const d = packet.d as { session_id: string; seq: number }
        const resumed = sessions.get(d.session_id)
        if (resumed === undefined) {
          send(socket, { op: OP.invalidSession, d: false })
          return
        }
        session = resumed
        packets[packets.length - 1]!.shardId = resumed.shardId
        resumed.socket = socket
        for (const event of resumed.events.filter((event) => event.s > d.seq)) send(socket, { op: OP.dispatch, ...event })
        dispatchTo(resumed, 'RESUMED', {})
      }
    })
    socket.on('close', () => {
      if (session !== undefined && session.socket === socket) session.socket = undefined
    })
  })

  function guildCreatePayload(guild: FakeGuild) {
    return {
      id: guild.id,
      name: `Guild ${guild.id.slice(-4)}`,
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: '222222222222222222',
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [
        { id: guild.id, name: '@everyone', permissions: '1024', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
      ],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      public_updates_channel_id: null,
      safety_alerts_channel_id: null,
      premium_tier: 0,
      premium_progress_bar_enabled: false,
      preferred_locale: 'en-US',
      nsfw_level: 0,
      joined_at: new Date(0).toISOString(),
      large: false,
      unavailable: false,
      member_count: 2,
      members: [],
      channels: [
        {
          id: guild.channelId,
          type: 0,
          guild_id: guild.id,
          name: 'general',
          position: 0,
          permission_overwrites: [],
          topic: null,
          nsfw: false,
          last_message_id: null,
          rate_limit_per_user: 0,
          parent_id: null,
        },
      ],
      threads: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      lazy: true,
    }
  }

  /** The live session of a shard (the newest one). */
  function sessionOf(shardId: number): Session {
    const session = [...sessions.values()].filter((candidate) => candidate.shardId === shardId).at(-1)
    if (session === undefined) throw new Error(`fake discord: shard ${shardId} has not identified`)
    return session
  }

  function shardOfGuild(guildId: string | undefined): number {
    const count = [...sessions.values()][0]?.shardCount ?? 1
    return guildId === undefined ? 0 : Number((BigInt(guildId) >> 22n) % BigInt(count))
  }

  /** Requests answering one interaction (callbacks, edits, deletes, follow-ups), in order; failed attempts left out. */
  function requestsFor(interactionId: string): RecordedRequest[] {
    return requests.filter((request) => request.interactionId === interactionId && request.status < 400)
  }

  // ---- payload builders ----

  /** A user who is not the bot; `n` makes distinct users. */
  function user(n = 1): FakeUser {
    return { id: String(300_000_000_000_000_000n + BigInt(n)), username: `user${n}`, global_name: `User ${n}`, discriminator: '0', avatar: null }
  }

  function member(of: FakeUser) {
    return {
      user: of,
      roles: [],
      joined_at: new Date(0).toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      nick: null,
      avatar: null,
      premium_since: null,
      communication_disabled_until: null,
      permissions: '2248473465835073',
    }
  }

  /** Where an interaction or message happens: a guild channel (default) or a DM with `user`. */
  type Place = { dm?: false; guild?: FakeGuild } | { dm: true }

  function interactionBase(type: number, from: FakeUser, place: Place) {
    const id = snowflake()
    const token = `token-${id}`
    const inDm = place.dm === true
    const guild = place.dm === true ? undefined : (place.guild ?? guilds[0])
    const channelId = inDm ? String(400_000_000_000_000_000n + BigInt(from.id.slice(-6))) : (guild?.channelId ?? '0')
    interactionChannels.set(id, channelId)
    return {
      id,
      application_id: appId,
      type,
      token,
      version: 1,
      locale: 'en-US',
      app_permissions: '2248473465835073',
      entitlements: [],
      authorizing_integration_owners: inDm ? { '1': from.id } : { '0': guild?.id },
      context: inDm ? 1 : 0,
      attachment_size_limit: 10_485_760,
      channel_id: channelId,
      ...(inDm
        ? { user: from, channel: { id: channelId, type: 1, recipients: [from], last_message_id: null, flags: 0 } }
        : {
            guild_id: guild?.id,
            guild_locale: 'en-US',
            member: member(from),
            channel: { id: channelId, type: 0, guild_id: guild?.id, name: 'general', position: 0, permission_overwrites: [], nsfw: false, parent_id: null, flags: 0, permissions: '2248473465835073' },
          }),
    }
  }

  /** A slash command. `options` maps option names to string values. */
  function chatInput(name: string, options: Record<string, string> = {}, from: FakeUser = user(), place: Place = {}) {
    return {
      ...interactionBase(2, from, place),
      data: {
        id: '500000000000000001',
        name,
        type: 1,
        options: Object.entries(options).map(([optionName, value]) => ({ name: optionName, type: 3, value })),
      },
    }
  }

  /** Autocomplete of `focused` while the user types `typed`. */
  function autocomplete(name: string, focused: string, typed: string, from: FakeUser = user(), place: Place = {}) {
    return {
      ...interactionBase(4, from, place),
      data: { id: '500000000000000001', name, type: 1, options: [{ name: focused, type: 3, value: typed, focused: true }] },
    }
  }

  /** A click on the button `customId` under a message the bot sent. */
  function button(customId: string, from: FakeUser = user(), place: Place = {}) {
    const base = interactionBase(3, from, place)
    return {
      ...base,
      data: { custom_id: customId, component_type: 2 },
      message: { ...messageFrom({}, base.channel_id, { webhook: true }), components: [] },
    }
  }

  /** A message from `from`; `mentionsBot` puts the bot in `mentions` as Discord does for `<@id>`. */
  function message(content: string, from: FakeUser = user(), place: Place = {}, extra: { mentionsBot?: boolean; mentionEveryone?: boolean } = {}) {
    const inDm = place.dm === true
    const guild = place.dm === true ? undefined : (place.guild ?? guilds[0])
    const channelId = inDm ? String(400_000_000_000_000_000n + BigInt(from.id.slice(-6))) : (guild?.channelId ?? '0')
    return {
      id: snowflake(),
      channel_id: channelId,
      ...(inDm ? { channel_type: 1 } : { guild_id: guild?.id, channel_type: 0, member: { ...member(from), user: undefined } }),
      author: from,
      content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: extra.mentionEveryone ?? false,
      mentions: extra.mentionsBot === true ? [botUser] : [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      type: 0,
      flags: 0,
      nonce: snowflake(),
    }
  }

  /** Resolves once `predicate` holds, checked after every request and packet; rejects after `timeoutMs`. */
  async function waitUntil(predicate: () => boolean, description: string, timeoutMs = 5000): Promise<void> {
    if (predicate()) return
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!predicate()) return
        waiters.delete(check)
        clearTimeout(timer)
        resolve()
      }
      const timer = setTimeout(() => {
        waiters.delete(check)
        const recent = requests.slice(-5).map((request) => `${request.method} ${request.path} ${request.status}`)
        reject(new Error(`fake discord: timed out waiting for ${description}; last requests: ${recent.join(' | ') || 'none'}`))
      }, timeoutMs)
      waiters.add(check)
    })
  }

  return {
    /** Put this in `rest.api` (or `DISCORD_REST_API`). */
    restApi: `http://127.0.0.1:${restPort}/api`,
    gatewayUrl,
    appId,
    botUser,
    guilds,
    /** Every REST request, in arrival order. */
    requests,
    /** Every gateway packet the client sent (IDENTIFY, RESUME, heartbeats). */
    packets,
    user,
    chatInput,
    autocomplete,
    button,
    message,

    /** Sends INTERACTION_CREATE on the shard of its guild (DMs go to shard 0). Returns its sequence number. */
    dispatchInteraction(interaction: { id: string; guild_id?: string }): number {
      return dispatchTo(sessionOf(shardOfGuild(interaction.guild_id)), 'INTERACTION_CREATE', interaction)
    },
    /** Sends MESSAGE_CREATE on the shard of its guild (DMs go to shard 0). */
    dispatchMessage(message: { id: string; guild_id?: string }): number {
      return dispatchTo(sessionOf(shardOfGuild(message.guild_id)), 'MESSAGE_CREATE', message)
    },
    /** Fails the next REST request (that `match` accepts) with a 429 or a 500. */
    failNextRest(failure: RestFailure): void {
      failures.push(failure)
    },
    /**
     * Closes the gateway connection of `shardId` (every shard by default) with `code`. Events
     * dispatched until the client resumes are kept for the replay.
     */
    dropGateway(code = 4000, shardId?: number): void {
      for (const session of sessions.values()) {
        if (shardId !== undefined && session.shardId !== shardId) continue
        const socket = session.socket
        session.socket = undefined
        socket?.close(code, 'dropped by the fake')
      }
    },
    requestsFor,
    /** Successful channel-message posts (replies to mentions and DMs) into `channelId`. */
    channelMessages(channelId?: string): RecordedRequest[] {
      return requests.filter(
        (request) => request.method === 'POST' && /\/channels\/\d+\/messages$/.test(request.path) && request.status < 400 && (channelId === undefined || request.path.includes(`/channels/${channelId}/`)),
      )
    },
    waitUntil,
    /** Resolves when `count` successful requests answer interaction `id` (or a predicate holds on them). */
    async waitForResponses(interactionId: string, count = 2, timeoutMs = 5000): Promise<RecordedRequest[]> {
      await waitUntil(() => requestsFor(interactionId).length >= count, `${count} responses to interaction ${interactionId}`, timeoutMs)
      return requestsFor(interactionId)
    },
    /** Packets of a kind the client sent: `identify`, `resume` or `heartbeat`. */
    packetsOf(kind: 'identify' | 'resume' | 'heartbeat'): RecordedPacket[] {
      return packets.filter((packet) => packet.op === OP[kind])
    },
    /** Stops both servers and drops every connection. */
    async close(): Promise<void> {
      for (const waiter of waiters) waiters.delete(waiter)
      for (const client of wss.clients) client.terminate()
      await new Promise<void>((resolve) => wss.close(() => resolve()))
      http.closeAllConnections()
      await new Promise<void>((resolve) => http.close(() => resolve()))
    },
  }
}

/** The fake as `startFakeDiscord` returns it. */
export type FakeDiscord = Awaited<ReturnType<typeof startFakeDiscord>>

/** Replaces discord.js's identify throttler, which waits 5 s between IDENTIFYs of a process. */
export const noIdentifyWait = { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) }
