import {
  MessageFlags,
  type ApplicationCommandOptionChoiceData,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type Message,
  type RepliableInteraction,
} from 'discord.js'
import type { SourceSummary } from '../../src/index.js'
import { callCore } from '../answering.js'
import { StoreUnavailableError } from '../store/store.js'
import { parseButtonId } from './buttons.js'
import { isCommandName, QUESTION_OPTION, SOURCE_OPTION, STORY_OPTION, type CommandName } from './commands.js'
import { cooldownMessage } from './cooldown.js'
import { handleNewsroomCommand } from './newsroom-commands.js'
import { afterAsk, handleVoteButton } from './follow-ups.js'
import {
  formatDisagreements,
  formatHelp,
  formatNotice,
  formatQuoteSources,
  formatSourceList,
  formatTakeaways,
  truncate,
} from './format.js'
import { answerPage, describeCorpus, NO_MENTIONS, type Delivery, type HandlerContext } from './replies.js'
import { formatStoryList, storyChoices } from './stories.js'

/** Discord shows at most 25 autocomplete choices, each name and value at most 100 characters. */
const MAX_CHOICES = 25
const MAX_CHOICE_CHARS = 100

/** Commands that do real work count towards the cooldown; `/help` and `/sources` are cheap lists. */
const COOLDOWN_COMMANDS: ReadonlySet<CommandName> = new Set(['ask', 'takeaways', 'disagreements'])

/**
 * Handles one interaction: slash commands, autocomplete of the `source` option, and the buttons
 * under answers. Core failures come back as values from `answerQuestion`/`callCore`; only sending
 * can throw, and `client.ts` catches that.
 */
export async function handleInteraction(interaction: Interaction, ctx: HandlerContext): Promise<void> {
  if (interaction.isAutocomplete()) await handleAutocomplete(interaction, ctx)
  else if (interaction.isChatInputCommand()) {
    if (!(await handleNewsroomCommand(interaction, ctx.deps.newsroom))) await handleCommand(interaction, ctx)
  }
  else if (interaction.isButton()) await handleButton(interaction, ctx)
}

async function handleCommand(interaction: ChatInputCommandInteraction, ctx: HandlerContext): Promise<void> {
  const name = interaction.commandName
  if (!isCommandName(name)) {
    // A command from an older registration that Discord still shows.
    await replyPrivately(interaction, `I no longer know /${name}. Try /help.`)
    return
  }
  if (COOLDOWN_COMMANDS.has(name) && !(await passCooldown(interaction, ctx))) return
  const ephemeral = name === 'help'
  // Discord drops an interaction not acknowledged within 3 seconds, so acknowledge before any work.
  await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {})
  const delivery = await runCommand(name, interaction, ctx)
  const sent = await deliver(interaction, delivery, ephemeral)
  if (name === 'ask' && delivery.kind === 'public') await afterAsk(interaction, ctx, sent, delivery.answer)
}

async function runCommand(name: CommandName, interaction: ChatInputCommandInteraction, ctx: HandlerContext): Promise<Delivery> {
  const ref = interaction.id
  const sourceId = interaction.options.getString(SOURCE_OPTION) ?? undefined
  switch (name) {
    case 'ask':
      return answerPage(ctx, { question: interaction.options.getString(QUESTION_OPTION, true), sourceId, offset: 0, ref, contextId: ref, channelId: interaction.channelId })
    case 'takeaways': {
      const corpus = describeCorpus(ctx, ref)
      const storyId = interaction.options.getString(STORY_OPTION) ?? undefined
      const result = callCore(ctx.deps, { adapter: 'discord', ref, what: 'takeaways' }, (engine) =>
        engine.takeaways({ ...(sourceId === undefined ? {} : { sourceId }), ...(storyId === undefined ? {} : { storyId }) }),
      )
      if (result.kind !== 'ok') return { kind: 'private', reply: formatNotice(result.message) }
      const sourceTitle = corpus.sources.find((summary) => summary.source.id === sourceId)?.source.title
      return { kind: 'public', reply: formatTakeaways(result.value, corpus.footer, sourceTitle) }
    }
    case 'disagreements': {
      const result = callCore(ctx.deps, { adapter: 'discord', ref, what: 'disagreements' }, (engine) => engine.disagreements())
      if (result.kind !== 'ok') return { kind: 'private', reply: formatNotice(result.message) }
      return { kind: 'public', reply: formatDisagreements(result.value, describeCorpus(ctx, ref).footer) }
    }
    case 'sources': {
      const result = callCore(ctx.deps, { adapter: 'discord', ref, what: 'sources' }, (engine) => engine.sources())
      if (result.kind !== 'ok') return { kind: 'private', reply: formatNotice(result.message) }
      return { kind: 'public', reply: formatSourceList(result.value, describeCorpus(ctx, ref).footer) }
    }
    case 'stories': {
      const result = callCore(ctx.deps, { adapter: 'discord', ref, what: 'stories' }, (engine) => engine.stories())
      if (result.kind !== 'ok') return { kind: 'private', reply: formatNotice(result.message) }
      return { kind: 'public', reply: formatStoryList(result.value, describeCorpus(ctx, ref).footer) }
    }
    case 'help': {
      const result = callCore(ctx.deps, { adapter: 'discord', ref, what: 'exampleQuestions' }, (engine) => engine.exampleQuestions())
      // Help without examples is still help.
      return { kind: 'public', reply: formatHelp(result.kind === 'ok' ? result.value.slice(0, 5) : [], describeCorpus(ctx, ref).footer) }
    }
  }
}

async function handleAutocomplete(interaction: AutocompleteInteraction, ctx: HandlerContext): Promise<void> {
  const focused = interaction.options.getFocused(true)
  if (focused.name === STORY_OPTION) {
    const stories = callCore(ctx.deps, { adapter: 'discord', ref: interaction.id, what: 'stories' }, (engine) => engine.stories())
    await interaction.respond(stories.kind === 'ok' ? storyChoices(stories.value, focused.value) : [])
    return
  }
  if (focused.name !== SOURCE_OPTION) {
    await interaction.respond([])
    return
  }
  const result = callCore(ctx.deps, { adapter: 'discord', ref: interaction.id, what: 'sources' }, (engine) => engine.sources())
  await interaction.respond(result.kind === 'ok' ? sourceChoices(result.value, focused.value) : [])
}

/**
 * Autocomplete choices for the `source` option: sources whose title, outlet or id contain what the
 * user typed, those starting with it first, in corpus order otherwise.
 */
export function sourceChoices(summaries: SourceSummary[], typed: string): ApplicationCommandOptionChoiceData<string>[] {
  const needle = typed.trim().toLowerCase()
  const haystack = ({ source }: SourceSummary) => [source.title, source.outlet ?? '', source.id].join(' ').toLowerCase()
  const matching = summaries.filter((summary) => haystack(summary).includes(needle))
  const startsWith = (summary: SourceSummary) => summary.source.title.toLowerCase().startsWith(needle) || summary.source.id.startsWith(needle)
  const ranked = [...matching.filter(startsWith), ...matching.filter((summary) => !startsWith(summary))]
  return ranked
    .filter(({ source }) => source.id.length <= MAX_CHOICE_CHARS)
    .slice(0, MAX_CHOICES)
    .map(({ source }) => ({
      name: truncate(source.outlet === undefined ? source.title : `${source.title} (${source.outlet})`, MAX_CHOICE_CHARS),
      value: source.id,
    }))
}

async function handleButton(interaction: ButtonInteraction, ctx: HandlerContext): Promise<void> {
  if (await handleVoteButton(interaction, ctx)) return
  const action = parseButtonId(interaction.customId)
  if (action === undefined) {
    await replyPrivately(interaction, 'That button belongs to an older version of me. Please ask again with /ask.')
    return
  }
  let context
  try {
    context = await ctx.contexts.recall(action.contextId)
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error
    await replyPrivately(interaction, 'I cannot reach my memory of earlier answers right now. Please press again in a minute, or ask again with /ask.')
    return
  }
  if (context === undefined) {
    await replyPrivately(interaction, 'I no longer remember that answer (I may have restarted). Please ask again with /ask.')
    return
  }
  const ref = interaction.id
  if (action.kind === 'more') {
    if (!(await passCooldown(interaction, ctx))) return
    await interaction.deferReply()
    await deliver(interaction, await answerPage(ctx, { ...context, offset: action.offset, ref, contextId: action.contextId, channelId: interaction.channelId }), false)
    return
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral })
  const options = { offset: action.offset, limit: action.count, ...(context.sourceId === undefined ? {} : { sourceId: context.sourceId }) }
  const result = callCore(ctx.deps, { adapter: 'discord', ref, what: 'ask (sources button)' }, (engine) => engine.ask(context.question, options))
  const delivery: Delivery =
    result.kind === 'ok'
      ? { kind: 'public', reply: formatQuoteSources(result.value.quotes.slice(0, action.count), describeCorpus(ctx, ref).footer) }
      : { kind: 'private', reply: formatNotice(result.message) }
  await deliver(interaction, delivery, true)
}

/** Lets the request through, or tells the asker politely (and privately) to wait. */
async function passCooldown(interaction: RepliableInteraction, ctx: HandlerContext): Promise<boolean> {
  const verdict = await ctx.cooldown.check(interaction.user.id)
  if (verdict.allowed) return true
  await replyPrivately(interaction, cooldownMessage(verdict.retryAfterMs))
  return false
}

async function replyPrivately(interaction: RepliableInteraction, text: string): Promise<void> {
  await interaction.reply({ ...formatNotice(text), flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS })
}

/**
 * Sends a handler's result into the deferred reply. A private result after a public defer replaces
 * the placeholder with an ephemeral follow-up, since a deferred reply cannot turn ephemeral.
 */
async function deliver(interaction: RepliableInteraction, delivery: Delivery, deferredEphemeral: boolean): Promise<Message | undefined> {
  if (delivery.kind === 'public' || deferredEphemeral) {
    return interaction.editReply({ ...delivery.reply, allowedMentions: NO_MENTIONS })
  }
  await interaction.deleteReply()
  await interaction.followUp({ ...delivery.reply, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS })
  return undefined
}
