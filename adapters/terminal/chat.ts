import { createInterface } from 'node:readline'
import type { Readable, Writable } from 'node:stream'
import { answerQuestion, callCore, type AdapterDeps } from '../answering.js'
import { ANSI_STYLE, PLAIN_STYLE, renderAnswer, renderDisagreement, renderSources, renderStories, renderStoryTakeaways } from '../cli/format-text.js'
import { findStory, takeawaysByStory } from '../story-takeaways.js'
import { createConversationWindow } from '../conversation/context-store.js'
import type { RunningAdapter } from '../lifecycle.js'

export interface TerminalChatOptions {
  input: Readable
  output: Writable
  /** Show a prompt and ANSI bold highlights: true for a person at a TTY. */
  interactive: boolean
}

/** The terminal chat as a running adapter; `closed` resolves when the input ends or `/quit` is typed. */
export interface TerminalChat extends RunningAdapter {
  closed: Promise<void>
}

const HELP = `Ask anything about the event in the articles; every answer is quoted from them, with its source.
Each question can follow up the one before ("and when was that?"), unless that one was declined
or a command other than /help came in between: then it stands on its own.
Commands:
  /sources         the articles I answer from
  /stories         the events the articles cover
  /takeaways [story, source id or topic]   the main points, and how many sources carry each
  /disagreements   where the sources contradict each other
  /new             start a new conversation: the next question does not follow up the last
  /help            this text
  /quit            leave (or Ctrl-D)`

/** Control characters, which an echoed line must not send to the terminal (escape sequences). */
// eslint-disable-next-line no-control-regex -- matching them is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g

/** Commands after which the next question stands on its own. */
const CONVERSATION_ENDING_COMMANDS: ReadonlySet<string> = new Set(['/new', '/sources', '/stories', '/takeaways', '/disagreements'])

/**
 * A readline chat over stdin/stdout: a question per line, commands with "/". Works the same when
 * stdin is a pipe: it answers every line and closes at the end of input.
 */
export function startTerminalChat(deps: AdapterDeps, options: TerminalChatOptions): TerminalChat {
  const { input, output, interactive } = options
  const style = interactive ? ANSI_STYLE : PLAIN_STYLE
  const write = (text: string) => output.write(`${text}\n`)
  const lines = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, crlfDelay: Infinity })
  let counter = 0
  const conversation = createConversationWindow()
  let closedResolve: () => void = () => {}
  const closed = new Promise<void>((resolve) => {
    closedResolve = resolve
  })

  const handle = (line: string) => {
    const text = line.trim()
    const ref = `t${++counter}`
    if (text === '') return
    // Piped in, the question is not on the screen: echo it, so a transcript shows which answer is whose.
    if (!interactive) write(`> ${text.replace(CONTROL_CHARACTERS, '')}`)
    // Commands are case-insensitive and take their argument after a space: "/Takeaways sanctions".
    const [command = '', ...rest] = text.startsWith('/') ? text.split(/\s+/) : []
    const name = command.toLowerCase()
    const argument = rest.join(' ')
    if (name === '/quit' || name === '/exit') {
      lines.close()
      return
    }
    // A command that shows something other than the last answer moves the asker away from it, so
    // a pronoun on the next line can no longer mean what that answer named: the conversation ends.
    // /help (and a mistyped command) only interrupts it.
    if (CONVERSATION_ENDING_COMMANDS.has(name)) conversation.clear()
    if (name === '/new') write('New conversation: the next question stands on its own.')
    else if (name === '/help' || name === '/start') write(HELP)
    else if (name === '/sources') {
      const outcome = callCore(deps, { adapter: 'terminal', ref, what: 'sources' }, (engine) => engine.sources())
      write(outcome.kind === 'ok' ? renderSources(outcome.value) : outcome.message)
    } else if (name === '/stories') {
      const outcome = callCore(deps, { adapter: 'terminal', ref, what: 'stories' }, (engine) => engine.stories())
      write(outcome.kind === 'ok' ? renderStories(outcome.value) : outcome.message)
    } else if (name === '/takeaways') {
      // The argument is a story or a source id when it names one, otherwise a topic.
      const outcome = callCore(deps, { adapter: 'terminal', ref, what: 'takeaways' }, (engine) => {
        const story = argument === '' ? undefined : findStory(engine, argument)
        const options = argument === '' ? {} : story ? { storyId: story.id } : engine.sources().some(({ source }) => source.id === argument) ? { sourceId: argument } : { topic: argument }
        return { groups: takeawaysByStory(engine, options), total: engine.sources().length }
      })
      write(outcome.kind === 'ok' ? renderStoryTakeaways(outcome.value.groups, outcome.value.total, style) : outcome.message)
    } else if (name === '/disagreements') {
      const outcome = callCore(deps, { adapter: 'terminal', ref, what: 'disagreements' }, (engine) => engine.disagreements())
      if (outcome.kind !== 'ok') write(outcome.message)
      else write(outcome.value.length === 0 ? 'The sources do not contradict each other on anything I can detect.' : outcome.value.map((d) => renderDisagreement(d, style)).join('\n\n'))
    } else if (text.startsWith('/')) {
      write(`Unknown command ${text.split(/\s/)[0]}. Type /help for the commands, or just ask a question.`)
    } else {
      const outcome = answerQuestion(deps, { adapter: 'terminal', question: text, ref, options: { context: conversation.turns() } })
      if (outcome.kind === 'answer') conversation.add(outcome.answer)
      // Say which words came from the conversation, so a surprising follow-up answer explains itself.
      if (outcome.kind === 'answer' && outcome.answer.contextWords) write(`(following up: ${outcome.answer.contextWords.join(', ')})`)
      write(outcome.kind === 'answer' ? renderAnswer(outcome.answer, style) : outcome.message)
    }
    write('')
  }

  if (interactive) {
    write(`${HELP}\n`)
    lines.setPrompt('? ')
    lines.prompt()
  }
  lines.on('line', (line) => {
    handle(line)
    if (interactive) lines.prompt()
  })
  lines.on('close', () => closedResolve())

  return {
    name: 'terminal',
    closed,
    isReady: () => true,
    async stop() {
      lines.close()
      await closed
    },
  }
}
