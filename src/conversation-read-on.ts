import { tokenize } from './analyzer.js'
import { REASON_TEXT } from './conversation-forms.js'
import { sentenceText } from './passages.js'
import { partsOfSpeech } from './question.js'
import { passageById, passagesOfSource, type CorpusIndex } from './search.js'
import type { ConversationTurn, Passage } from './types.js'

/**
 * Reading on in the article of the answer just given, for a follow-up its topic's words cannot find:
 * "what happened next?" reads the sentence after the quote, a "why?" the quote gives no reason for
 * reads the sentence nearest it that gives one.
 */

/** "…, saying …": a participle that gives the grounds of what its sentence reports. */
const GROUNDS = /,\s*saying\b/i

/**
 * The sentence its article tells right after the first quote of `turn`, and that article's id: the
 * rest of the quote's passage, else the following passages', leaving out what the turn showed
 * already. Undefined when the article ends there, or the turn was stored without its passages.
 */
export function sentenceAfter(index: CorpusIndex, turn: ConversationTurn): { text: string; sourceId: string } | undefined {
  const shown = shownQuoteOf(index, turn)
  if (!shown) return undefined
  const passages = passagesOfSource(index, shown.passage.sourceId)
  const end = shown.start + shown.quote.length
  for (let i = passages.findIndex((passage) => passage.id === shown.passage.id); i >= 0 && i < passages.length; i++) {
    const passage = passages[i] as Passage
    for (const sentence of passage.sentences) {
      if (sentence.start < end) continue
      const text = sentenceText(passage, sentence)
      if (!turn.quotes.some((quote) => quote.includes(text))) return { text, sourceId: passage.sourceId }
    }
  }
  return undefined
}

/**
 * True when `quote` gives a reason or a purpose: in the words `REASON_TEXT` knows, or as grounds
 * ("…, saying maintenance intervals had been stretched") or an infinitive of purpose ("promised 20
 * million pounds to rebuild the village"), which a "why?" or "what for?" may ask for.
 */
export function givesReason(quote: string): boolean {
  if (REASON_TEXT.test(quote) || GROUNDS.test(quote)) return true
  const { posByStart } = partsOfSpeech(quote)
  return tokenize(quote).some((token, i, tokens) => token.word === 'to' && posByStart.get(tokens[i + 1]?.start ?? -1) === 'VERB')
}

/**
 * The sentence giving a reason (`REASON_TEXT`) that stands nearest to the first quote of `turn` in
 * its article, and that article's id; not one the turn showed. Undefined when the article gives no
 * reason, or the turn was stored without its passages.
 */
export function reasonNear(index: CorpusIndex, turn: ConversationTurn): { text: string; sourceId: string } | undefined {
  const shown = shownQuoteOf(index, turn)
  if (!shown) return undefined
  let best: { text: string; sourceId: string; distance: number } | undefined
  for (const passage of passagesOfSource(index, shown.passage.sourceId)) {
    for (const sentence of passage.sentences) {
      const text = sentenceText(passage, sentence)
      const distance = Math.abs(sentence.start - shown.start)
      if (REASON_TEXT.test(text) && !turn.quotes.some((quote) => quote.includes(text)) && (!best || distance < best.distance)) best = { text, sourceId: passage.sourceId, distance }
    }
  }
  return best && { text: best.text, sourceId: best.sourceId }
}

/**
 * The first quote of `turn`, the passage it was shown from and where in the article it starts.
 * Undefined when the turn was stored without its passages or the quote is not in its passage.
 */
function shownQuoteOf(index: CorpusIndex, turn: ConversationTurn): { quote: string; passage: Passage; start: number } | undefined {
  const quote = turn.quotes[0]
  const passage = turn.passageIds?.[0] === undefined ? undefined : passageById(index, turn.passageIds[0])
  const at = quote === undefined || !passage ? -1 : passage.text.indexOf(quote)
  return passage && quote !== undefined && at >= 0 ? { quote, passage, start: passage.start + at } : undefined
}
