import { buildEngineFromDir } from '../build-engine.js'
import { corpusDirFrom, EXIT, forEachStdinLine, parseCliArgs, runCli } from './args.js'
import { ANSI_STYLE, PLAIN_STYLE, renderAnswer } from './format-text.js'
import { answerConversationLine } from '../conversation/answer-conversation.js'

const USAGE = `Usage: npm run ask -- [--json] [--corpus DIR] [--source ID] "question"
  Prints the answer: verbatim quotes, each with its source.
  --json         one JSON object; with no question argument, reads one question per line
                 from stdin and prints one JSON object per line, in order
  --corpus DIR   another corpus folder (default: CORPUS_DIR, else the bundled corpus)
  --source ID    quote only this source
  --conversation with --json: each stdin line is one conversation, a JSON array of question
                 strings; prints one JSON array per line, the answer to each turn read in the
                 context of the turns before it (a line that is no such array prints
                 {"status":"invalid","message":…})
Exit codes: 0 answered or no_answer; 2 the question argument is invalid (empty, too long);
  1 corpus or usage error. Batch modes (stdin) exit 0 once every line is answered: each line
  carries its own status, and an empty or bad line prints "status":"invalid" without stopping.`

runCli(async () => {
  const { values, positionals } = parseCliArgs(
    { json: { type: 'boolean' }, corpus: { type: 'string' }, source: { type: 'string' }, conversation: { type: 'boolean' } },
    USAGE,
  )
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return EXIT.ok
  }
  const { engine } = await buildEngineFromDir(corpusDirFrom(values.corpus))
  const style = process.stdout.isTTY ? ANSI_STYLE : PLAIN_STYLE
  const ask = (question: string) => engine.ask(question, values.source ? { sourceId: values.source } : {})
  const print = (question: string) => {
    const answer = ask(question)
    process.stdout.write(values.json ? `${JSON.stringify(answer)}\n` : `${renderAnswer(answer, style)}\n`)
    return answer
  }
  if (values.conversation) {
    if (!values.json || positionals.length > 0) {
      process.stderr.write(`--conversation needs --json and conversations on stdin\n\n${USAGE}\n`)
      return EXIT.failure
    }
    await forEachStdinLine((line) => process.stdout.write(`${answerConversationLine(engine, line, values.source)}\n`))
    return EXIT.ok
  }
  if (positionals.length === 0) {
    if (!values.json && process.stdin.isTTY) {
      process.stderr.write(`${USAGE}\n`)
      return EXIT.failure
    }
    // Batch mode: every line is a question, answered in order; each line's status is in its output.
    await forEachStdinLine((line) => {
      print(line)
      if (!values.json) process.stdout.write('\n')
    })
    return EXIT.ok
  }
  const answer = print(positionals.join(' '))
  return answer.status === 'invalid' ? EXIT.invalid : EXIT.ok
})
