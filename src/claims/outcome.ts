import { stem } from '../analyzer.js'
import { MEASURED_CLASSES } from './measured.js'
import { clauseIds, type ReadSentence, REPORTING_VERBS, type Word } from './read.js'
import type { Draft } from './types.js'

/** Outcome words: achieving one is progress, its absence is no deal. */
export const OUTCOME_TARGETS = new Set(['progress', 'agreement', 'agreements', 'deal', 'breakthrough', 'breakthroughs', 'consensus', 'accord', 'ceasefire', 'truce', 'compromise', 'settlement', 'resolution', 'understanding', 'headway'].map(stem))
export const ACHIEVE_VERBS = new Set(['made', 'make', 'making', 'reached', 'reach', 'struck', 'strike', 'secured', 'achieved', 'clinched', 'sealed', 'signed', 'agreed', 'produced', 'yielded', 'hailed', 'delivered', 'brokered', 'won'].map(stem))
export const POSITIVE_WORDS = new Set(['productive', 'constructive', 'fruitful', 'successful', 'success', 'positive'].map(stem))
export const NEGATIVE_WORDS = new Set(['stalemate', 'impasse', 'deadlock', 'failure', 'collapse', 'collapsed', 'elusive', 'fruitless', 'unproductive', 'inconclusive'].map(stem))
/** Words that deny what follows in their clause, beyond wink-nlp's own negation scope. */
export const NEGATORS = new Set(['no', 'not', 'without', 'never', 'lack', 'lacked', 'lacking', 'absence', 'failed', 'fail', 'fails', 'failing', 'short', 'nothing', 'neither', 'nor', "n't", 'non'])
/** A clause that speculates or hopes is not a claim about what happened. */
export const SPECULATIVE = new Set(['may', 'might', 'could', 'would', 'should', 'will', 'if', 'whether', 'hope', 'hoped', 'hopes', 'hoping', 'expected', 'likely', 'unlikely', 'aim', 'aimed', 'aiming', 'seek', 'sought', 'perhaps', 'possible', 'possibly', 'potential', 'potentially', 'require', 'requires', 'can', 'cannot', 'seen', 'viewed', 'interpreted', 'wished', 'wish', 'want', 'wanted', 'need', 'needs', 'must', 'difficulty', 'difficult', 'chance', 'attempt', 'effort', 'bid', 'interpret', 'suggested', 'suggest', 'suggests', 'initially', 'assertion', 'claim', 'perceived', 'perception'])
export const EVENT_STEMS = new Set((MEASURED_CLASSES.find((c) => c.name === 'talks')?.words ?? []).concat(MEASURED_CLASSES.find((c) => c.name === 'match')?.words ?? []).map(stem))
export const MAY_STATE_OUTCOME = /stalemate|impasse|deadlock|failure|collaps|elusive|fruitless|unproductive|inconclusive|productive|constructive|fruitful|success|positive|fell short/i
export const MAY_NAME_OUTCOME = /progress|agree|deal|breakthrough|consensus|accord|ceasefire|truce|compromis|settlement|resolution|understanding|headway/i
export const MAY_QUALIFY_OUTCOME = /\b(?:no|not|without|never|lack\w*|absence|fail\w*|nor|neither|made|make|making|reach\w*|struck|strike|secured|achiev\w*|clinch\w*|sealed|signed|agreed|produced|yielded|hailed|delivered|brokered|won)\b|n[’']t\b/i

export function mayHoldOutcome(text: string): boolean {
  return MAY_STATE_OUTCOME.test(text) || (MAY_NAME_OUTCOME.test(text) && MAY_QUALIFY_OUTCOME.test(text))
}


export function framingDrafts(read: ReadSentence, speakers: Map<string, string>): Draft[] {
  const { words } = read
  const clause = clauseIds(words)
  const drafts: Draft[] = []
  let speaker = speakerOf(words, 0, words.length, speakers)
  let lastClause = -1
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as Word
    const c = clause[i] ?? 0
    if (c !== lastClause) {
      const inClause = words.filter((_, j) => clause[j] === c)
      const own = speakerOf(words, words.indexOf(inClause[0] as Word), words.indexOf(inClause[0] as Word) + inClause.length, speakers)
      // "…, but acknowledged that…": a clause without a subject keeps the sentence's speaker.
      if (own) speaker = own
      lastClause = c
    }
    const polarity = polarityAt(words, i, clause)
    if (!polarity) continue
    const inClause = words.filter((_, j) => clause[j] === c)
    if (inClause.some((other) => SPECULATIVE.has(other.lower))) continue
    // A clause that names the event states its outcome; one that does not may be about a side issue.
    const rank = inClause.some((other) => EVENT_STEMS.has(other.stem) && other.pos === 'NOUN') ? 0 : 1
    drafts.push({
      kind: 'framing',
      key: 'framing:outcome',
      topic: 'whether it made progress',
      value: polarity,
      comparable: { type: 'label', label: polarity },
      spanStart: word.start,
      spanEnd: word.end,
      contextStems: [...OUTCOME_TARGETS, ...POSITIVE_WORDS, ...NEGATIVE_WORDS, 'succeed', 'outcom', 'result', 'agre', 'end'],
      focusStems: [...EVENT_STEMS],
      rank,
      ...(speaker ? { speaker } : {}),
    })
    // One framing claim per clause.
    while (i + 1 < words.length && clause[i + 1] === c) i++
  }
  return drafts
}

/** "positive" or "negative" when the word at `i` frames an outcome, else undefined. */
export function polarityAt(words: Word[], i: number, clause: number[]): 'positive' | 'negative' | undefined {
  const word = words[i] as Word
  const sameClause = (j: number) => clause[j] === clause[i]
  const window = (from: number, to: number) => words.slice(Math.max(0, from), Math.min(words.length, to)).filter((_, k) => sameClause(Math.max(0, from) + k))
  const denied = () => word.negated || window(i - 5, i).some((other) => NEGATORS.has(other.lower) || other.lower.endsWith("n't"))
  if (NEGATIVE_WORDS.has(word.stem) && (word.pos === 'NOUN' || word.pos === 'ADJ')) {
    // "does not equate to failure" denies a failure without claiming progress: no claim either way.
    return denied() ? undefined : 'negative'
  }
  if (POSITIVE_WORDS.has(word.stem) && word.pos === 'ADJ') {
    // "productive" says something of the talks only when the talks are named beside it.
    if (!window(i - 6, i + 4).some((other) => EVENT_STEMS.has(other.stem) && other.pos === 'NOUN')) return undefined
    return denied() ? 'negative' : 'positive'
  }
  if (OUTCOME_TARGETS.has(word.stem) && word.pos === 'NOUN') {
    if (denied()) return 'negative'
    const near = window(i - 3, i + 5)
    if (near.some((other) => other !== word && (ACHIEVE_VERBS.has(other.stem) || ['reach', 'made', 'achiev', 'secur'].includes(other.stem)) && other.pos === 'VERB')) return 'positive'
    if (window(i + 1, i + 6).some((other) => NEGATIVE_WORDS.has(other.stem))) return 'negative'
    return undefined
  }
  if (word.lower === 'fell' && words[i + 1]?.lower === 'short') return 'negative'
  return undefined
}

/** Who says the clause `[from, to)`: a name or a group before a reporting verb, or after "according to". */
export function speakerOf(words: Word[], from: number, to: number, speakers: Map<string, string>): string | undefined {
  for (let i = from; i < to; i++) {
    const word = words[i] as Word
    if (word.lower === 'according' && words[i + 1]?.lower === 'to') return nameAt(words, i + 2, 1, speakers)
    if (!REPORTING_VERBS.has(word.lower)) continue
    for (let j = i - 1; j >= from && i - j <= 3; j--) {
      const candidate = words[j] as Word
      if (candidate.pos === 'PROPN') return nameAt(words, j, -1, speakers)
      if (candidate.pos === 'NOUN' && /^(analysts|experts|officials|critics|observers|diplomats|aides|president|minister|spokesman|spokeswoman|spokesperson)$/.test(candidate.lower)) {
        return words.slice(Math.max(from, j - 2), j + 1).map((w) => w.text).join(' ').replace(/^(the|a|an)\s/i, '')
      }
      if (!['ADV', 'AUX'].includes(candidate.pos)) break
    }
  }
  return undefined
}

export function nameAt(words: Word[], at: number, direction: 1 | -1, speakers: Map<string, string>): string | undefined {
  const parts: string[] = []
  for (let i = at; i >= 0 && i < words.length && words[i]?.pos === 'PROPN'; i += direction) parts.push((words[i] as Word).text.replace(/[’']s$/, ''))
  if (parts.length === 0) return undefined
  const name = (direction === 1 ? parts : parts.reverse()).join(' ')
  const surname = name.split(' ').pop() ?? name
  return speakers.get(surname) ?? name
}
