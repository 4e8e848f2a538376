import { tokenize } from './analyzer.js'
import { REASON_TEXT } from './conversation-forms.js'
import { parsePassageId } from './passage-table.js'
import { partsOfSpeech } from './question.js'
import { passageById, type CorpusIndex } from './search.js'
import type { ConversationTurn } from './types.js'

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
  const quote = turn.quotes[0]
  let passage = turn.passageIds?.[0] === undefined ? undefined : passageById(index, turn.passageIds[0])
  const at = quote === undefined || !passage ? -1 : passage.text.indexOf(quote)
  if (!passage || quote === undefined || at < 0) return undefined
  let from = passage.start + at + quote.length
  const id = parsePassageId(passage.id)
  for (let ordinal = (id?.ordinal ?? 0) + 1; passage; ordinal++) {
    for (const sentence of passage.sentences) {
      if (sentence.start < from) continue
      const text = passage.text.slice(sentence.start - passage.start, sentence.end - passage.start)
      if (!turn.quotes.some((shown) => shown.includes(text))) return { text, sourceId: passage.sourceId }
    }
    passage = id ? passageById(index, `${id.sourceId}#${ordinal}`) : undefined
    from = 0
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
  const quote = turn.quotes[0]
  const shown = turn.passageIds?.[0] === undefined ? undefined : passageById(index, turn.passageIds[0])
  const id = shown ? parsePassageId(shown.id) : undefined
  const at = quote === undefined || !shown ? -1 : shown.text.indexOf(quote)
  if (!shown || !id || at < 0) return undefined
  const from = shown.start + at
  let best: { text: string; sourceId: string; distance: number } | undefined
  // Passages are numbered from 0 or 1 on, without gaps.
  for (let ordinal = 0, passage = passageById(index, `${id.sourceId}#0`); ordinal <= 1 || passage; passage = passageById(index, `${id.sourceId}#${++ordinal}`)) {
    for (const sentence of passage?.sentences ?? []) {
      const text = passage!.text.slice(sentence.start - passage!.start, sentence.end - passage!.start)
      const distance = Math.abs(sentence.start - from)
      if (REASON_TEXT.test(text) && !turn.quotes.some((shownQuote) => shownQuote.includes(text)) && (!best || distance < best.distance)) best = { text, sourceId: passage!.sourceId, distance }
    }
  }
  return best && { text: best.text, sourceId: best.sourceId }
}
