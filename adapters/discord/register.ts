import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { REST, Routes } from 'discord.js'
import { COMMAND_DEFINITIONS } from './commands.js'
import { DiscordConfigError, parseDiscordSettings, type DiscordSettings } from './config.js'

/** Where the commands went: one guild (instant, for testing) or every guild (global). */
export interface Registration {
  scope: 'guild' | 'global'
  guildId?: string
  names: string[]
}

/**
 * Replaces the bot's slash commands with {@link COMMAND_DEFINITIONS}: for `guildId` when set, which
 * takes effect at once, else globally. Goes through `restApi`, so a REST proxy sees it too.
 */
export async function registerCommands(settings: Pick<DiscordSettings, 'token' | 'appId' | 'guildId' | 'restApi'>): Promise<Registration> {
  const rest = new REST({ api: settings.restApi }).setToken(settings.token)
  const route =
    settings.guildId === undefined ? Routes.applicationCommands(settings.appId) : Routes.applicationGuildCommands(settings.appId, settings.guildId)
  const registered = (await rest.put(route, { body: COMMAND_DEFINITIONS })) as { name: string }[]
  return {
    scope: settings.guildId === undefined ? 'global' : 'guild',
    ...(settings.guildId === undefined ? {} : { guildId: settings.guildId }),
    names: registered.map((command) => command.name),
  }
}

/** Where {@link runRegister} writes: `console` from the command line. */
export interface RegisterOutput {
  log(line: string): void
  error(line: string): void
}

/**
 * `npm run discord:register`: reads the Discord variables from `env` and registers the commands.
 * Returns the exit code: 1 with a message naming the variable when the config is missing or bad,
 * or when Discord refuses.
 */
export async function runRegister(env: Record<string, string | undefined>, out: RegisterOutput): Promise<number> {
  let settings: DiscordSettings | undefined
  try {
    settings = parseDiscordSettings(env, { requireToken: true })
  } catch (error) {
    if (!(error instanceof DiscordConfigError)) throw error
    out.error(error.message)
    out.error('Set DISCORD_TOKEN and DISCORD_APP_ID (and DISCORD_GUILD_ID to register for one guild only), then run this again.')
    return 1
  }
  if (settings === undefined) return 1
  try {
    const registration = await registerCommands(settings)
    const where = registration.scope === 'guild' ? `guild ${registration.guildId}` : 'every guild (global commands can take up to an hour to appear)'
    out.log(`Registered ${registration.names.map((name) => `/${name}`).join(', ')} for ${where}.`)
    return 0
  } catch (error) {
    out.error(`Registering the commands failed: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  }
}

// True when run as `tsx adapters/discord/register.ts`, false when imported (by tests).
function isEntryPoint(): boolean {
  const script = process.argv[1]
  return script !== undefined && resolve(script) === fileURLToPath(import.meta.url)
}

if (isEntryPoint()) {
  const code = await runRegister(process.env, console)
  process.exit(code)
}
