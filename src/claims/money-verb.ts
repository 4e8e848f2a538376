import { stem } from '../analyzer.js'
import { CURRENCY_SYMBOLS } from './money.js'
import { tagWords } from './phrase.js'
import { tagSentence } from './sentence-memo.js'
import type { FoundValue } from './found-values.js'

/**
 * Sums of money are paid, pledged, fined, demanded, raised: one sum per act. Asked how much a
 * company pledged, a fine it was given is a sum of another act, not a second answer. Read from
 * wink-nlp's tags and lemmas: the verb a sum stands after, against the question's own verb. No word
 * list but the verbs every question leans on ("be", "have", "do").
 */

/** Verbs that carry no act of their own in a question: "How much was…", "How much did … have". */
const LIGHT_VERBS = new Set(['be', 'have', 'do', 'get', 'say'])

/** A source's answer as the check reads it: its sentence's text and the sum's offset in it. */
export interface MoneyAnswer {
  text: string
  value: FoundValue
  /** Offset of the value in `text`. */
  at: number
}

/**
 * The stems of the acts a question may ask about: its verbs and nouns, light verbs aside. Nouns too,
 * since the tagger often reads a question's last verb as one ("did the company pledge?").
 */
function questionActs(question: string): Set<string> {
  return new Set(
    tagWords(question)
      .filter((word) => (word.pos === 'VERB' || word.pos === 'NOUN') && !LIGHT_VERBS.has(word.lemma))
      .map((word) => stem(word.lemma)),
  )
}

/** The verb a sum stands after in its clause ("was fined $800,000" → "fine", passive), if any. */
function actOf(answer: MoneyAnswer): { act: string; passive: boolean } | undefined {
  const words = tagSentence(answer.text)
  let found: { act: string; passive: boolean } | undefined
  for (const [i, word] of words.entries()) {
    if (word.start >= answer.at) break
    if (word.pos === 'PUNCT' && /[,;:]/.test(word.text)) found = undefined
    else if (word.pos === 'VERB' && !LIGHT_VERBS.has(word.lemma)) found = { act: stem(word.lemma), passive: words[i - 1]?.lemma === 'be' }
  }
  return found
}

function isMoney(value: FoundValue): boolean {
  return value.comparable.type === 'number' && Object.values(CURRENCY_SYMBOLS).includes(value.comparable.unit)
}

/**
 * The answers whose sums belong to the act the question asks about. When some answer's sum follows
 * the question's verb (or a word the question's words bridge to, `related`), a sum that follows
 * another verb in the other voice, in a sentence that never names the asked act, is of another act
 * and is left out: a company "pledged" one sum and "was fined" another. In the same voice the two verbs may be one act in other words
 * ("demanded" / "asked for"), so both are kept. Answers other than sums are kept as they are.
 */
export function sameActAnswers<T extends MoneyAnswer>(answers: T[], question: string, related: Set<string>): T[] {
  // The question is tagged only when every answer is a sum, which few are.
  if (answers.length < 2 || !answers.every((answer) => isMoney(answer.value))) return answers
  const acts = questionActs(question)
  if (acts.size === 0) return answers
  const actsOf = answers.map(actOf)
  const asked = (found: { act: string } | undefined) => found !== undefined && (acts.has(found.act) || related.has(found.act))
  const voices = new Set(actsOf.filter(asked).map((found) => found!.passive))
  if (voices.size !== 1) return answers
  // A sentence naming the asked act anyway ("The plan's cost is put at 9 million euros", asked what it will cost) states its sum.
  const namesAct = (answer: T) => tagSentence(answer.text).some((word) => acts.has(stem(word.lemma)) || acts.has(stem(word.lower)))
  return answers.filter((answer, i) => {
    const found = actsOf[i]
    return found === undefined || asked(found) || voices.has(found.passive) || namesAct(answer)
  })
}
