import type { AnalyzedQuestion } from '../question.js'
import type { Disagreement } from '../types.js'
import { allOtherActs, askedActStems, clauseActOf, clauseActStems } from './asked-act.js'
import { tagSentence } from './sentence-memo.js'

// A corpus-wide disagreement read for one question: each side's value must answer the question asked,
// not merely stand in a sentence that shares its words. A value answers when its clause states no act
// other than the asked one ("pulled 14 sailors from the water" does not count the drowned) and, when
// the question names someone, the value is not another person's ("47% for Councillor Abe Ruiz").

/** A clause ends at a comma, semicolon or colon before a space, or a spaced dash. */
const CLAUSE_CUT = /[,;:](?=\s)|\s[–—]\s/g

/** The clause of `text` holding the offset `at`. */
function clauseAt(text: string, at: number): { start: number; end: number } {
  let start = 0
  for (const match of text.matchAll(CLAUSE_CUT)) {
    const cut = match.index ?? 0
    if (cut >= at) return { start, end: cut }
    start = cut + match[0].length
  }
  return { start, end: text.length }
}

/** A name: capitalised words, one or more ("Abe Ruiz", "Councillor Abe Ruiz"). */
const NAME = String.raw`\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+)*`
/** A figure's owner after it: "47% for Abe Ruiz", "47% of the vote to Abe Ruiz". */
const OWNER_AFTER = new RegExp(String.raw`^(?:\s*(?:%|per\s?cent))?(?:\s+of\s+(?:the\s+)?\p{Ll}+)?\s+(?:for|to)\s+(?:the\s+)?(${NAME})`, 'u')
/**
 * A figure's owner before it, as its subject: "Lena Park took 53%", "Abe Ruiz, who won 47%"; not a
 * name a preposition follows, which ends a phrase of place or time ("in Eastby on Sunday with 53%").
 */
const OWNER_BEFORE = new RegExp(String.raw`(${NAME})(?:,\s+who)?\s+(?!(?:with|in|on|at|by|of|from|after|before|since|for|to|as|than|under|over|during)\s)(?:\p{Ll}+\s+){1,2}$`, 'u')

/** What stands between a relative clause's comma and its figure: "who won ". */
const WHO_BEFORE = /^\s*who\s+(?:\p{Ll}+\s+){1,2}$/u
/** A capitalised word after a question's first word. */
const QUESTION_NAME = /(?<=\S\s+)\p{Lu}[\p{L}’'-]+/gu
const SPACES = /\s+/

/**
 * The name a figure written at `start`–`end` of `text` belongs to, when its sentence says so: a name
 * right after it with "for" or "to", or a name standing as the subject of its verb. Undefined otherwise.
 */
export function ownerOf(text: string, start: number, end: number): string | undefined {
  const after = OWNER_AFTER.exec(text.slice(end, end + 80))
  if (after?.[1]) return after[1]
  const clause = clauseAt(text, start)
  // "Abe Ruiz, who won 47%": the relative clause's subject stands before the comma.
  const from = WHO_BEFORE.test(text.slice(clause.start, start)) ? clauseAt(text, Math.max(0, clause.start - 2)).start : clause.start
  const before = OWNER_BEFORE.exec(text.slice(from, start))
  // "Turnout was 48 percent": a copula says what the figure is of its subject, which owns nothing.
  return before && !COPULA_AFTER.test(before[0].slice(before[1]!.length)) ? before[1] : undefined
}

/** A copula alone between a subject and its figure: "Turnout was 48 percent", "Support stood at 40%". */
const COPULA_AFTER = /^\s+(?:is|was|are|were|(?:has|had|have)\s+been|stood\s+at|stands\s+at)\s+$/

/** The capitalised words of a question after its first word: the names it asks about. */
export function namesOf(question: string): Set<string> {
  return new Set((question.match(QUESTION_NAME) ?? []).map((word) => word.toLowerCase()))
}

/**
 * The corpus-wide disagreements on figures and dates that still stand as answers to `analyzed`. A side
 * that is another person's is set aside. Asked when something began or ended, once a side dates that
 * course, a side dating another act is set aside, as for the compared answers (`answersOfAskedAct`;
 * other acts' dates the corpus-wide claims already read by their verbs); figures, whose act is
 * often stated in other words ("took part" / "lined up"), are set aside only when every side counts
 * another act, and not one act alike (`allOtherActs`). A disagreement left with fewer than two values is no answer's;
 * one of shares left with two or more is shown without the shares set aside as another person's.
 */
export function disagreementsAnswering(disagreements: Disagreement[], analyzed: AnalyzedQuestion): Disagreement[] {
  // Most questions meet no corpus-wide disagreement of figures or dates: their acts are not read.
  if (!disagreements.some((disagreement) => disagreement.kind === 'quantity')) return disagreements
  const acts = clauseActStems(analyzed)
  // Asked when something began or ended (no act but the event's course), a verb after the thing asked about is its course.
  const subjects = askedActStems(analyzed) ? undefined : new Set(analyzed.terms.flatMap((term) => term.variants.filter((variant) => !variant.synonym).map((variant) => variant.stem)))
  const names = namesOf(analyzed.text)
  const person = personOf(analyzed.text)
  if (!acts && names.size === 0) return disagreements
  return disagreements.flatMap((disagreement) => {
    if (disagreement.kind !== 'quantity') return [disagreement]
    const read = disagreement.claims.flatMap((claim) => {
      const at = claim.text.indexOf(claim.value)
      if (at < 0) return [{ claim, act: undefined }]
      const value = { start: at, end: at + claim.value.length }
      // A date or a span is of an event, not of a person ("Connecticut, built in 1829"): only figures have owners.
      const figure = disagreement.valueKind !== 'date' && disagreement.valueKind !== 'duration'
      if ((figure && isOthersValue(claim.text, value, names)) || (disagreement.valueKind === 'percent' && person.size > 0 && !namesAny(claim.text, person))) return []
      return [{ claim, act: acts ? clauseActOf(tagSentence(claim.text), clauseAt(claim.text, at), value, acts, disagreement.valueKind === 'date' ? subjects : undefined) : undefined }]
    })
    const date = disagreement.valueKind === 'date'
    // A sum's act is read by its own verbs (`sameActAnswers`: "bought for £140 million" answers what was paid), a score's is the match.
    const actless = disagreement.valueKind === 'money' || disagreement.valueKind === 'score'
    const kept = date ? (subjects && read.some((side) => side.act?.act === 'asked') ? read.filter((side) => side.act?.act !== 'other') : read) : !actless && allOtherActs(read.map((side) => side.act)) ? [] : read
    if (new Set(kept.map((side) => side.claim.value)).size < 2) return []
    // Another person's share is no side of this question's disagreement ("48% for Rolf Dane", asked Marten's share): it is not shown.
    return [disagreement.valueKind === 'percent' && read.length < disagreement.claims.length ? { ...disagreement, claims: disagreement.claims.filter((claim) => read.some((side) => side.claim === claim)) } : disagreement]
  })
}

/** Two capitalised words or more after a question's first word: a person it names. */
const PERSON_IN_QUESTION = /(?<=\S\s+)\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+)+/gu
const WORD = /\p{L}[\p{L}’'-]*/gu

/**
 * The words of the people a question names: two capitalised words or more after its first word
 * ("Lena Park"). A share is someone's: asked a person's, a share in a sentence that names none of
 * them ("58% of voters in Eastby supported it") is of another ballot.
 */
function personOf(question: string): Set<string> {
  return new Set((question.match(PERSON_IN_QUESTION) ?? []).flatMap((name) => name.toLowerCase().split(/\s+/)))
}

/** True when `text` holds one of `words` as a word. */
function namesAny(text: string, words: ReadonlySet<string>): boolean {
  return (text.match(WORD) ?? []).some((word) => words.has(word.toLowerCase()))
}

/** True when the question names someone and the value belongs to another name ("47% for Councillor Abe Ruiz"). */
export function isOthersValue(text: string, value: { start: number; end: number }, names: ReadonlySet<string>): boolean {
  const owner = names.size > 0 ? ownerOf(text, value.start, value.end) : undefined
  return owner !== undefined && !owner.split(SPACES).some((word) => names.has(word.toLowerCase()))
}
