import { parentPort, workerData } from 'node:worker_threads'
import { rankStoryTakeawayWork, readArticle, type StoryTakeawayWork } from '../src/index.js'
import type { ReadThreadInput, ReadThreadMessage } from './read-articles.js'

/**
 * A build's helper thread. Given articles (`readArticles`), it reads its share and posts their
 * readings. Given `{ takeaways: true }` (`rankOnThreads`), it loads the code at once and waits for
 * one message: the stories whose takeaways it ranks.
 */
function main(port: NonNullable<typeof parentPort>, input: ReadThreadInput | { takeaways: true }): void {
  const post = (message: ReadThreadMessage) => port.postMessage(message)
  const run = (work: () => ReadThreadMessage) => {
    try {
      post(work())
    } catch (error) {
      post({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) })
    }
  }
  if ('takeaways' in input) port.once('message', (work: StoryTakeawayWork) => run(() => ({ kind: 'ranked', ranked: rankStoryTakeawayWork(work) })))
  else run(() => ({ kind: 'read', readings: input.articles.map((article) => readArticle(article, input.passages)) }))
}

if (parentPort) main(parentPort, workerData as ReadThreadInput | { takeaways: true })
