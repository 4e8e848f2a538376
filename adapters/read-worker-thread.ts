import { parentPort, workerData } from 'node:worker_threads'
import { readArticle } from '../src/index.js'
import type { ReadThreadInput, ReadThreadMessage } from './read-articles.js'

/** A reading thread of `readArticles`: reads its share of the articles and posts their readings. */
function main(port: NonNullable<typeof parentPort>, input: ReadThreadInput): void {
  const post = (message: ReadThreadMessage) => port.postMessage(message)
  try {
    post({ kind: 'read', readings: input.articles.map((article) => readArticle(article, input.passages)) })
  } catch (error) {
    post({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) })
  }
}

if (parentPort) main(parentPort, workerData as ReadThreadInput)
