/**
 * Round 10's held-out set for issue 14's ranking: questions over the invented articles in
 * test/fixtures/answer-sentence-meteorite (one event, three outlets), each answered by a sentence
 * that shares few words with the question, as SQuAD's often are: the answer is said next to the
 * sentence that repeats the question's words, or in other words. Written before any run. Each names
 * a phrase that the sentence holding the answer says.
 */
export interface AnswerSentenceCase {
  question: string
  /** The first quote, or another one, must contain this (case-insensitive). */
  phrase: string
}

export const ANSWER_SENTENCE_CORPUS = 'answer-sentence-meteorite'

export const ANSWER_SENTENCE_QUESTIONS: readonly AnswerSentenceCase[] = [
  { question: 'What time did the impact happen?', phrase: '10.40pm' },
  { question: 'How heavy is the meteorite?', phrase: 'kilograms' },
  { question: 'Where did the stone end up inside the house?', phrase: 'under the kitchen table' },
  { question: 'Who owns the meteorite?', phrase: 'belongs to them' },
  { question: 'How much money could the couple get for it?', phrase: '£20,000' },
  { question: 'Why did the scientists hurry?', phrase: 'rust' },
  { question: 'Where did the rock come from originally?', phrase: 'main belt' },
  { question: 'How fast was it going when it hit the house?', phrase: '200 miles an hour' },
  { question: 'What did the couple first think had happened?', phrase: 'boiler' },
  { question: 'How was the damaged roof made safe?', phrase: 'tarpaulin' },
  { question: 'Has any more of the meteorite been found?', phrase: 'second fragment' },
  { question: 'Where will visitors be able to view the meteorite?', phrase: 'natural history museum' },
]
