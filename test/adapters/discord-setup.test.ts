import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { COMMAND_DEFINITIONS } from '../../adapters/discord/commands.js'
import { DiscordConfigError, parseDiscordSettings } from '../../adapters/discord/config.js'
import { registerCommands, runRegister } from '../../adapters/discord/register.js'
import { startDiscord } from '../../adapters/discord/start.js'
import { createSilentLogger } from '../../adapters/logger.js'
import { createFakeEngine } from '../fakes/fake-engine.js'
import { noIdentifyWait, startFakeDiscord } from '../fakes/discord.js'

const TOKEN = 'MTExMTExMTExMTExMTExMTEx.GdUmKz.fake_token-part_three'
const APP_ID = '111111111111111111'

function configError(env: Record<string, string>): string {
  try {
    parseDiscordSettings(env)
  } catch (error) {
    if (error instanceof DiscordConfigError) return error.message
    throw error
  }
  throw new Error('expected a DiscordConfigError')
}

describe('parseDiscordSettings', () => {
  it('returns undefined when DISCORD_TOKEN is not set, so Discord stays off', () => {
    expect(parseDiscordSettings({})).toBeUndefined()
    expect(parseDiscordSettings({ DISCORD_TOKEN: '' })).toBeUndefined()
  })

  it('accepts any token of three dot-separated base64url parts, with defaults for the rest', () => {
    expect(parseDiscordSettings({ DISCORD_TOKEN: 'a.b.c', DISCORD_APP_ID: APP_ID })).toEqual({
      token: 'a.b.c',
      appId: APP_ID,
      restApi: 'https://discord.com/api',
      sharding: { mode: 'auto' },
    })
  })

  it('names DISCORD_APP_ID when the token is set without it', () => {
    expect(configError({ DISCORD_TOKEN: TOKEN })).toContain('DISCORD_APP_ID is required when DISCORD_TOKEN is set')
  })

  it('names DISCORD_TOKEN when it is malformed, without echoing it', () => {
    const message = configError({ DISCORD_TOKEN: 'not a token', DISCORD_APP_ID: APP_ID })
    expect(message).toContain('DISCORD_TOKEN must be a bot token: three dot-separated base64url parts')
    expect(message).not.toContain('not a token')
  })

  it('names each malformed variable', () => {
    const message = configError({ DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: '12', DISCORD_REST_API: 'nirn', DISCORD_SHARDS: 'many' })
    expect(message).toContain('DISCORD_APP_ID must be a Discord snowflake')
    expect(message).toContain('DISCORD_REST_API must be an http(s) URL')
    expect(message).toContain('DISCORD_SHARDS must be "auto" or a whole number of shards')
  })

  it('runs N shards in this process for DISCORD_SHARDS=N', () => {
    expect(parseDiscordSettings({ DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: APP_ID, DISCORD_SHARDS: '3' })?.sharding).toEqual({
      mode: 'fixed',
      shardIds: [0, 1, 2],
      shardCount: 3,
    })
  })

  it('runs a slice of the shards with DISCORD_SHARD_IDS and DISCORD_SHARD_COUNT', () => {
    const settings = parseDiscordSettings({ DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: APP_ID, DISCORD_SHARD_IDS: '3, 2', DISCORD_SHARD_COUNT: '4' })
    expect(settings?.sharding).toEqual({ mode: 'fixed', shardIds: [2, 3], shardCount: 4 })
  })

  it('names the missing half of a shard slice and ids beyond the count', () => {
    expect(configError({ DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: APP_ID, DISCORD_SHARD_IDS: '0' })).toContain('DISCORD_SHARD_COUNT is required with DISCORD_SHARD_IDS')
    expect(configError({ DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: APP_ID, DISCORD_SHARD_IDS: '0,4', DISCORD_SHARD_COUNT: '4' })).toContain(
      'DISCORD_SHARD_IDS holds 4, but ids run from 0 to DISCORD_SHARD_COUNT - 1 (3)',
    )
  })

  it('keeps DISCORD_REST_API for a proxy, without a trailing slash', () => {
    expect(parseDiscordSettings({ DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: APP_ID, DISCORD_REST_API: 'http://nirn:8080/api/' })?.restApi).toBe('http://nirn:8080/api')
  })
})

describe('registerCommands', () => {
  it('registers every command for DISCORD_GUILD_ID through DISCORD_REST_API', async () => {
    const fake = await startFakeDiscord()
    try {
      const registration = await registerCommands({ token: TOKEN, appId: fake.appId, guildId: '222222222222222222', restApi: fake.restApi })

      expect(registration).toEqual({ scope: 'guild', guildId: '222222222222222222', names: ['ask', 'takeaways', 'disagreements', 'sources', 'stories', 'help', 'add', 'subscribe', 'unsubscribe'] })
      // Manage Server (1 << 5), servers only: members without it do not see /add, /subscribe, /unsubscribe.
      for (const name of ['add', 'subscribe', 'unsubscribe']) expect(COMMAND_DEFINITIONS.find((command) => command.name === name)).toMatchObject({ default_member_permissions: '32', contexts: [0] })
      const [put] = fake.requests
      expect(put?.method).toBe('PUT')
      expect(put?.path).toBe(`/api/v10/applications/${fake.appId}/guilds/222222222222222222/commands`)
      expect(put?.body).toEqual(COMMAND_DEFINITIONS)
      const ask = COMMAND_DEFINITIONS.find((command) => command.name === 'ask')
      expect(ask?.options?.map((option) => [option.name, option.required ?? false, 'autocomplete' in option && option.autocomplete === true])).toEqual([
        ['question', true, false],
        ['source', false, true],
        ['thread', false, false],
      ])
    } finally {
      await fake.close()
    }
  })

  it('registers globally without DISCORD_GUILD_ID, and says so', async () => {
    const fake = await startFakeDiscord()
    const lines: string[] = []
    try {
      const code = await runRegister({ DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: fake.appId, DISCORD_REST_API: fake.restApi }, { log: (line) => lines.push(line), error: (line) => lines.push(line) })

      expect(code).toBe(0)
      expect(fake.requests[0]?.path).toBe(`/api/v10/applications/${fake.appId}/commands`)
      expect(lines[0]).toMatch(/^Registered \/ask, \/takeaways, \/disagreements, \/sources, \/stories, \/help, \/add, \/subscribe, \/unsubscribe for every guild/)
    } finally {
      await fake.close()
    }
  })

  it('exits 1 naming the variable when the config is missing', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'adapters/discord/register.ts'], {
      env: { PATH: process.env.PATH ?? '' },
      encoding: 'utf8',
      timeout: 20_000,
    })

    expect(result.status).toBe(1)
    expect(result.stderr).toContain('DISCORD_TOKEN is required')
  })
})

describe('startDiscord', () => {
  it('is ready once the gateway is, and stop() destroys the client', async () => {
    const fake = await startFakeDiscord()
    const engine = createFakeEngine()
    try {
      const adapter = await startDiscord(
        { token: TOKEN, appId: fake.appId, restApi: fake.restApi, sharding: { mode: 'auto' } },
        { getEngine: () => engine, logger: createSilentLogger() },
        { clientOptions: { ws: noIdentifyWait } },
      )
      await fake.waitUntil(() => adapter.isReady(), 'the adapter to be ready')
      const interaction = fake.chatInput('ask', { question: 'Was there a ceasefire?' })
      fake.dispatchInteraction(interaction)
      await fake.waitForResponses(interaction.id, 2)

      await adapter.stop()

      expect(adapter.name).toBe('discord')
      expect(adapter.isReady()).toBe(false)
    } finally {
      await fake.close()
    }
  })

  it('rejects with the reason when login fails', async () => {
    const fake = await startFakeDiscord()
    fake.failNextRest({ status: 500 })
    fake.failNextRest({ status: 500 })
    fake.failNextRest({ status: 500 })
    fake.failNextRest({ status: 500 })
    try {
      await expect(
        startDiscord(
          { token: TOKEN, appId: fake.appId, restApi: fake.restApi, sharding: { mode: 'auto' } },
          { getEngine: () => createFakeEngine(), logger: createSilentLogger() },
        ),
      ).rejects.toThrow(/^Discord login failed: /)
    } finally {
      await fake.close()
    }
  })
})
