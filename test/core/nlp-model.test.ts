import winkNLP from 'wink-nlp'
import model from 'wink-eng-lite-web-model'
import { describe, expect, it } from 'vitest'
import { fastCoreModel } from '../../src/nlp-model.js'

const TEXTS = [
  'The ferry Marisol ran aground off Pell Island on Tuesday, 3 March 2025; no one was hurt.',
  "Dr. Ana Ruiz, the port's director, said the U.S.-built hull wasn't damaged and would sail by May.",
  'About 1,200 passengers (including 40 children) waited for 12 hours. Officials did not give a reason.',
]

/** Everything the core reads of a document: tokens, tags, lemmas, negation, entities, sentences. */
function readingOf(nlp: ReturnType<typeof winkNLP>, text: string): string {
  const doc = nlp.readDoc(text)
  const tokens = doc.tokens()
  return JSON.stringify([tokens.out(), tokens.out(nlp.its.pos), tokens.out(nlp.its.lemma as never), tokens.out(nlp.its.negationFlag), doc.entities().out(nlp.its.detail), doc.sentences().out()])
}

describe('fastCoreModel', () => {
  it("reads text exactly as the model's own loader does", () => {
    const pipe = ['sbd', 'negation', 'pos', 'ner', 'cer']
    const fast = winkNLP(fastCoreModel, pipe)
    const stock = winkNLP(model, pipe)
    // Twice: wink learns words as it reads, and both must learn alike.
    for (const text of [...TEXTS, ...TEXTS]) expect(readingOf(fast, text)).toBe(readingOf(stock, text))
  })
})
