import {
  DiscordAPIError,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
  type Client,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js'
import { formatAnnouncement, type AnnouncementSender } from '../articles/announce.js'
import { formatAddReply, NOT_ALLOWED_TEXT, SUBSCRIPTION_TEXTS } from '../articles/chat-replies.js'
import type { Newsroom } from '../articles/newsroom.js'
import { DISCORD_LIMITS, escapeMarkdown, truncate } from './format.js'
import { NO_MENTIONS } from './replies.js'

/** Name of the `/add` option holding the link. */
export const URL_OPTION = 'url'

/** Longest link `/add` takes; real article addresses are far shorter. */
const MAX_URL_CHARS = 2000

const markdown = { escape: escapeMarkdown, bold: (text: string) => `**${text}**`, quote: (text: string) => `> ${text}` }

// Servers only, and only for members who may manage the server; checked again on each interaction,
// since a server can override the default permission.
const managers = (command: SlashCommandBuilder) => command.setContexts(InteractionContextType.Guild).setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)

/** `/add`, `/subscribe` and `/unsubscribe` as Discord's REST API takes them; `commands.ts` lists them with the others. */
export const NEWSROOM_COMMAND_DEFINITIONS: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [
  managers(new SlashCommandBuilder())
    .setName('add')
    .setDescription('Add a news article by its link (Manage Server)')
    .addStringOption((option) => option.setName(URL_OPTION).setDescription('The article’s address, https://…').setRequired(true).setMaxLength(MAX_URL_CHARS))
    .toJSON(),
  managers(new SlashCommandBuilder()).setName('subscribe').setDescription('Post a message here for each new article, saying what it changes (Manage Server)').toJSON(),
  managers(new SlashCommandBuilder()).setName('unsubscribe').setDescription('Stop posting new articles here (Manage Server)').toJSON(),
]

const NEWSROOM_COMMANDS = new Set(NEWSROOM_COMMAND_DEFINITIONS.map((command) => command.name))

/**
 * Handles `/add`, `/subscribe` and `/unsubscribe`; returns false for any other command. Replies are
 * ephemeral: only the person who asked needs to see them.
 */
export async function handleNewsroomCommand(interaction: ChatInputCommandInteraction, newsroom: Newsroom | undefined): Promise<boolean> {
  if (!NEWSROOM_COMMANDS.has(interaction.commandName)) return false
  const reply = (content: string) => ({ content: truncate(content, DISCORD_LIMITS.content), allowedMentions: NO_MENTIONS })
  if (newsroom === undefined || !interaction.inGuild() || interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) !== true) {
    await interaction.reply({ ...reply(escapeMarkdown(NOT_ALLOWED_TEXT)), flags: MessageFlags.Ephemeral })
    return true
  }
  // Fetching and reloading take seconds; Discord drops an interaction not acknowledged within 3.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral })
  if (interaction.commandName === 'add') {
    const outcome = await newsroom.add(interaction.options.getString(URL_OPTION, true))
    await interaction.editReply(reply(formatAddReply(outcome, markdown)))
    return true
  }
  const channel = { platform: 'discord' as const, channelId: interaction.channelId }
  const result = interaction.commandName === 'subscribe' ? await newsroom.subscriptions.subscribe(channel) : await newsroom.subscriptions.unsubscribe(channel)
  await interaction.editReply(reply(escapeMarkdown(SUBSCRIPTION_TEXTS[result])))
  return true
}

// Unknown Channel, Missing Access, Missing Permissions: the channel is gone or shut to the bot.
const GONE_CODES = new Set([10003, 50001, 50013])

/** Posts an announcement as a plain message that pings nobody; a deleted or forbidden channel is `gone`. */
export function createDiscordAnnouncementSender(client: Client): AnnouncementSender {
  return async (channelId, changes) => {
    try {
      const channel = await client.channels.fetch(channelId)
      if (channel === null || !channel.isSendable()) return 'gone'
      await channel.send({ content: truncate(formatAnnouncement(changes, markdown), DISCORD_LIMITS.content), allowedMentions: NO_MENTIONS })
      return 'sent'
    } catch (error) {
      if (error instanceof DiscordAPIError && (GONE_CODES.has(Number(error.code)) || error.status === 404)) return 'gone'
      throw error
    }
  }
}
