import { buildEngineFromDir, BUNDLED_CORPUS_DIR } from './build-engine.js'
import { createLogger } from './logger.js'
import { startTerminalChat } from './terminal/chat.js'

/**
 * The composition root: reads the environment once, builds the index, and starts the adapters
 * that are configured. With no chat token set, it opens the terminal chat.
 */
async function main(): Promise<void> {
  try {
    process.loadEnvFile('.env')
  } catch {
    // No .env file: the environment alone configures the bot.
  }
  const corpusDir = process.env.CORPUS_DIR ?? BUNDLED_CORPUS_DIR
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'warn', fd: 2 })
  const { engine, articles, timings } = await buildEngineFromDir(corpusDir)
  logger.info({ corpusDir, articles, ...timings }, 'index built')
  const chat = startTerminalChat({ getEngine: () => engine, logger }, { input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY) })
  await chat.closed
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
