import { describe, expect, it } from 'vitest'
import { TelegramConfigError, parseTelegramSettings } from '../../adapters/telegram/config.js'

const TOKEN = '123456789:AAEhBOweik6ad6PsVMRxjeQKKmHg_5xXeQ0'

describe('parseTelegramSettings', () => {
  it('leaves Telegram off when no token is set', () => {
    expect(parseTelegramSettings({})).toBeUndefined()
    expect(parseTelegramSettings({ TELEGRAM_BOT_TOKEN: '' })).toBeUndefined()
  })

  it('accepts any token of the Bot API form and defaults to long polling against Telegram', () => {
    expect(parseTelegramSettings({ TELEGRAM_BOT_TOKEN: TOKEN })).toEqual({ token: TOKEN, apiRoot: 'https://api.telegram.org' })
    expect(parseTelegramSettings({ TELEGRAM_BOT_TOKEN: `7:${'-_aZ09'.repeat(5)}abcde` })?.token).toBe(`7:${'-_aZ09'.repeat(5)}abcde`)
  })

  it.each(['123456789', '123456789:short', `abc:${'A'.repeat(35)}`, `1:${'A'.repeat(36)}`, `1:${'A'.repeat(34)}!`])(
    'names TELEGRAM_BOT_TOKEN, without repeating it, when the token is %s',
    (token) => {
      const parse = () => parseTelegramSettings({ TELEGRAM_BOT_TOKEN: token })

      expect(parse).toThrow(TelegramConfigError)
      expect(parse).toThrow(/TELEGRAM_BOT_TOKEN must be a Bot API token/)
      expect(parse).toThrow(/→ at TELEGRAM_BOT_TOKEN/)
      try {
        parse()
      } catch (error) {
        expect((error as Error).message).not.toContain(token)
      }
    },
  )

  it('switches to a webhook when TELEGRAM_WEBHOOK_URL is set', () => {
    const settings = parseTelegramSettings({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_WEBHOOK_URL: 'https://bot.example/telegram',
      TELEGRAM_WEBHOOK_SECRET: 's3cret_-',
      TELEGRAM_WEBHOOK_PORT: '8080',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/',
    })

    expect(settings).toEqual({
      token: TOKEN,
      apiRoot: 'http://127.0.0.1:8081',
      webhook: { url: 'https://bot.example/telegram', secretToken: 's3cret_-', port: 8080, host: '0.0.0.0' },
    })
  })

  it.each([
    ['TELEGRAM_WEBHOOK_URL', 'http://bot.example/hook', /TELEGRAM_WEBHOOK_URL must be an https:\/\/ URL/],
    ['TELEGRAM_WEBHOOK_SECRET', 'has spaces', /TELEGRAM_WEBHOOK_SECRET must be 1 to 256/],
    ['TELEGRAM_WEBHOOK_PORT', 'eighty', /→ at TELEGRAM_WEBHOOK_PORT/],
    ['TELEGRAM_API_ROOT', 'ftp://files.example', /TELEGRAM_API_ROOT must be an http/],
  ])('names %s when it is malformed', (name, value, message) => {
    expect(() => parseTelegramSettings({ TELEGRAM_BOT_TOKEN: TOKEN, [name]: value })).toThrow(message)
  })
})
