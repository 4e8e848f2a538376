import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDurationMs } from '../../adapters/articles/config.js'
import { createFileDocuments } from '../../adapters/articles/state-documents.js'
import { createSubscriptionStore } from '../../adapters/articles/subscriptions.js'
import { parseConfig } from '../../adapters/config.js'

describe('FEED_INTERVAL and the other article variables', () => {
  it('reads durations with a unit, at least a second', () => {
    expect([parseDurationMs('15m'), parseDurationMs('30s'), parseDurationMs('2s'), parseDurationMs('1h'), parseDurationMs('1500ms')]).toEqual([900_000, 30_000, 2_000, 3_600_000, 1_500])
    expect([parseDurationMs('15'), parseDurationMs('500ms'), parseDurationMs('soon')]).toEqual([undefined, undefined, undefined])
  })

  it('defaults to no feeds every 15 minutes, and names a bad variable', () => {
    const ok = parseConfig({})
    expect(ok.ok && ok.config.articles).toEqual({ allowHosts: [], feeds: [], feedIntervalMs: 900_000, telegramAdminIds: [] })
    const set = parseConfig({ FEEDS: 'https://a.example/rss, https://b.example/feed.json', FEED_INTERVAL: '2s', FETCH_ALLOW_HOSTS: '127.0.0.1', TELEGRAM_ADMIN_IDS: '42,43' })
    expect(set.ok && set.config.articles).toEqual({ allowHosts: ['127.0.0.1'], feeds: ['https://a.example/rss', 'https://b.example/feed.json'], feedIntervalMs: 2000, telegramAdminIds: [42, 43] })
    const bad = parseConfig({ FEEDS: 'ftp://a.example/rss', FEED_INTERVAL: 'often', TELEGRAM_ADMIN_IDS: '@someone' })
    expect(bad.ok).toBe(false)
    if (!bad.ok) {
      expect(bad.message).toContain('FEEDS must be comma-separated http(s) feed URLs, but "ftp://a.example/rss" is not one')
      expect(bad.message).toContain('FEED_INTERVAL must be a duration such as 15m, 30s or 2s')
      expect(bad.message).toContain('TELEGRAM_ADMIN_IDS must be comma-separated numeric Telegram user ids')
    }
  })
})

describe('createSubscriptionStore over files', () => {
  it('keeps subscriptions across a restart, with no temporary file left behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'subscriptions-'))
    try {
      const file = join(dir, 'subscriptions.json')
      const first = createSubscriptionStore(createFileDocuments(dir))
      expect(await first.subscribe({ platform: 'discord', channelId: '1' })).toBe('subscribed')
      expect(await first.subscribe({ platform: 'telegram', channelId: '-100' })).toBe('subscribed')
      expect(await first.subscribe({ platform: 'discord', channelId: '1' })).toBe('already-subscribed')
      expect(await first.unsubscribe({ platform: 'discord', channelId: '1' })).toBe('unsubscribed')
      const restarted = createSubscriptionStore(createFileDocuments(dir))
      expect(await restarted.list()).toEqual([{ platform: 'telegram', channelId: '-100' }])
      // The file an operator may read or seed by hand: a plain JSON array.
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual([{ platform: 'telegram', channelId: '-100' }])
      expect(await readdir(dir)).toEqual(['subscriptions.json'])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
