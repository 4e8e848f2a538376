/**
 * Which side a share counts, and of which of several rounds: "62% voting against" counts those
 * against, "71% in favour" those for; "52% in favour of the first offer" and "71% in favour of the
 * second" count two ballots. Such shares are two quantities, not two answers to one. General English
 * polarity words and ordinals only.
 */
export type ShareSide = 'for' | 'against'

const FOR_WORDS = new Set(['favour', 'favor', 'support', 'supports', 'supported', 'supporting', 'back', 'backs', 'backed', 'backing', 'approve', 'approves', 'approved', 'approving', 'accept', 'accepts', 'accepted', 'accepting', 'endorse', 'endorsed', 'endorsing'])
const AGAINST_WORDS = new Set(['against', 'oppose', 'opposes', 'opposed', 'opposing', 'reject', 'rejects', 'rejected', 'rejecting', 'object', 'objected', 'objecting'])
const NEGATION = new Set(['not', "n't", 'never'])
/** "yes" and "no" are sides only after the share ("no more than 40%" is none). */
const ANSWERS: Record<string, ShareSide> = { yes: 'for', no: 'against' }
/** "for" is a side only right after the share ("62% for") or a form of "vote" ("voted for"). */
const VOTE = /^vot(?:e|es|ed|ing)$/
/** Words looked at after a share, then before it, in its clause. */
const AFTER_WORDS = 5
const BEFORE_WORDS = 4
const WORD = /[A-Za-z]+(?:['’][a-z]+)?/g
/** A clause ends at punctuation, and another figure starts another share ("55% for and 45% against"); "2nd" is a word. */
const CLAUSE_END = /[,;:.!?()–—]|\d(?![\da-z])/

/** The side the share written at `start`–`end` of `text` counts, when a word near it in its clause says so. */
export function shareSide(text: string, start: number, end: number): ShareSide | undefined {
  const after = wordsOf(clauseAfter(text, end)).slice(0, AFTER_WORDS)
  const fromAfter = sideIn(after, true)
  if (fromAfter) return fromAfter
  const before = wordsOf(clauseBefore(text, start)).slice(-BEFORE_WORDS).reverse()
  return sideIn(before, false)
}

/** Ordinal words and their place: "the second offer", "a third ballot". "Initial" and "original" are the first. */
const ORDINALS: Record<string, number> = { first: 1, initial: 1, original: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10 }
/** "2nd", "3rd": an ordinal in figures. */
const ORDINAL_FIGURE = /^(\d+)(?:st|nd|rd|th)$/i

/**
 * The round a share counts, when its clause names one by an ordinal ("71% in favour of the second
 * offer", "the first ballot saw 52% in favour"): after the share first, then before it.
 */
export function shareRound(text: string, start: number, end: number): number | undefined {
  const after = clauseAfter(text, end).split(/\s+/).slice(0, AFTER_WORDS + 2)
  const before = clauseBefore(text, start).split(/\s+/).slice(-BEFORE_WORDS).reverse()
  for (const word of [...after, ...before]) {
    const plain = word.toLowerCase().replace(/[^a-z0-9]/g, '')
    const round = ORDINALS[plain] ?? Number(ORDINAL_FIGURE.exec(plain)?.[1] ?? NaN)
    if (Number.isFinite(round)) return round
  }
  return undefined
}

function sideIn(words: string[], forward: boolean): ShareSide | undefined {
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string
    const previous = forward ? words[i - 1] : words[i + 1]
    const side = FOR_WORDS.has(word) ? 'for' : AGAINST_WORDS.has(word) ? 'against' : forward && ANSWERS[word] ? ANSWERS[word] : word === 'for' && forward && (i === 0 || VOTE.test(previous ?? '')) ? 'for' : undefined
    if (!side) continue
    return previous !== undefined && NEGATION.has(previous) ? (side === 'for' ? 'against' : 'for') : side
  }
  return undefined
}

function clauseAfter(text: string, end: number): string {
  // A percent sign or the word "percent" belongs to the share itself.
  const rest = text.slice(end).replace(/^\s*(?:%|per\s?cent)/i, '')
  const stop = CLAUSE_END.exec(rest)
  return stop ? rest.slice(0, stop.index) : rest
}

function clauseBefore(text: string, start: number): string {
  const head = text.slice(0, start)
  let at = head.length
  while (at > 0 && !CLAUSE_END.test(head[at - 1] as string)) at--
  return head.slice(at)
}

function wordsOf(text: string): string[] {
  return (text.match(WORD) ?? []).map((word) => word.toLowerCase().replace('’', "'")).flatMap((word) => (word.endsWith("n't") ? [word.slice(0, -3), "n't"] : [word]))
}
