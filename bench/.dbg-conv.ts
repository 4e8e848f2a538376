import { createEngineCache } from './conversations.js'
import { answerConversation } from '../adapters/conversation/answer-conversation.js'
const engineFor = createEngineCache(new URL('../test/fixtures', import.meta.url).pathname)
const convs: Array<[string, string[]]> = JSON.parse(process.argv[2] ?? '[]')
for (const [corpus, turns] of convs) {
  const engine = await engineFor(corpus)
  const answers = answerConversation(engine, turns)
  console.log(`== ${corpus}`)
  answers.forEach((a, i) => {
    console.log(`Q: ${turns[i]}  [${a.status}] ctx=${JSON.stringify(a.contextWords ?? [])} w=${JSON.stringify(a.contextWeights ?? [])}`)
    for (const q of a.quotes.slice(0, 4)) console.log(`   - ${(q as any).score?.toFixed?.(3)} ${q.text.slice(0, 150)}`)
  })
}
