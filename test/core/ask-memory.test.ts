import { describe, expect, it } from 'vitest'
import { answerQuestion } from '../../src/answer/index.js'
import { splitPassages } from '../../src/passages.js'
import { buildCorpusIndex } from '../../src/search.js'
import type { ArticleInput } from '../../src/types.js'

const articles: ArticleInput[] = [
  { id: 'wire', title: 'Ferry runs aground off Kestrel Point', text: 'The ferry ran aground off Kestrel Point on Monday. All 212 passengers were taken ashore by lifeboats. The operator said the captain had reported a steering fault.' },
]

describe('answering many distinct questions', () => {
  it('keeps no question text in the index cache of quoted sentences', () => {
    const index = buildCorpusIndex(articles, articles.flatMap((article) => splitPassages(article.id, article.text)))
    const questions = [
      'Where did the ferry run aground?',
      'Where did the ferry go aground on Monday?',
      'When did the ferry run aground off Kestrel Point?',
      'How many passengers were taken ashore?',
      'How were the passengers taken ashore?',
      'What did the operator say about the captain?',
      'What fault did the captain report?',
      'Who reported a steering fault?',
    ]
    for (const question of questions) expect(answerQuestion(index, question).answer.status).toBe('answered')
    // The cache is bounded for sentences that are quoted again and again; a bot asked thousands of
    // different questions a day must not fill it with text it will never see again.
    expect(questions.filter((question) => index.tokenStemCache.has(question))).toEqual([])
  })
})
