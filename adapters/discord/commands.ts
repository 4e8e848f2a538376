import {
  ApplicationIntegrationType,
  InteractionContextType,
  SlashCommandBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type SlashCommandStringOption,
} from 'discord.js'
import { NEWSROOM_COMMAND_DEFINITIONS } from './newsroom-commands.js'

/** The slash commands the bot answers. */
export type CommandName = 'ask' | 'takeaways' | 'disagreements' | 'sources' | 'stories' | 'help'

/** Longest `/ask` question Discord lets the asker type; longer questions are rarely answerable. */
export const MAX_QUESTION_CHARS = 500

/** Name of the option that restricts a command to one article; it autocompletes from the corpus. */
export const SOURCE_OPTION = 'source'

/** Name of the `/takeaways` option that restricts it to one story; it autocompletes from the corpus's stories. */
export const STORY_OPTION = 'story'

/** Name of the `/ask` option holding the question. */
export const QUESTION_OPTION = 'question'

const sourceOption = (description: string) => (option: SlashCommandStringOption) =>
  option.setName(SOURCE_OPTION).setDescription(description).setAutocomplete(true).setMaxLength(100)

// Usable in guilds, in DMs with the bot, and as a user-installed app.
const everywhere = (command: SlashCommandBuilder) =>
  command
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall)

/** The command definitions as Discord's REST API takes them; `register.ts` sends exactly this. */
export const COMMAND_DEFINITIONS: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [
  everywhere(new SlashCommandBuilder())
    .setName('ask')
    .setDescription('Ask a question; the answer quotes the articles verbatim, with sources')
    .addStringOption((option) =>
      option
        .setName(QUESTION_OPTION)
        .setDescription('Your question about the articles')
        .setRequired(true)
        .setMaxLength(MAX_QUESTION_CHARS),
    )
    .addStringOption(sourceOption('Only quote this article'))
    .addBooleanOption((option) => option.setName('thread').setDescription('Open a thread on the answer where every message is a follow-up question'))
    .toJSON(),
  everywhere(new SlashCommandBuilder())
    .setName('takeaways')
    .setDescription('The key points the articles make, and how many articles make each')
    .addStringOption(sourceOption('Only this article’s key points'))
    .addStringOption((option) => option.setName(STORY_OPTION).setDescription('Only this story’s key points').setAutocomplete(true).setMaxLength(100))
    .toJSON(),
  everywhere(new SlashCommandBuilder()).setName('disagreements').setDescription('Where the articles contradict each other').toJSON(),
  everywhere(new SlashCommandBuilder()).setName('sources').setDescription('The articles the bot quotes from').toJSON(),
  everywhere(new SlashCommandBuilder()).setName('stories').setDescription('The events the articles cover').toJSON(),
  everywhere(new SlashCommandBuilder()).setName('help').setDescription('How to ask, with example questions').toJSON(),
  ...NEWSROOM_COMMAND_DEFINITIONS,
]

/** True when `name` is one of ours; Discord may still deliver commands of an older registration. */
export function isCommandName(name: string): name is CommandName {
  return COMMAND_DEFINITIONS.some((command) => command.name === name)
}
