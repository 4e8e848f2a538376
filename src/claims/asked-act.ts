import { stem } from '../analyzer.js'
import type { AnalyzedQuestion } from '../question.js'
import { tagWords, type TaggedWord } from './phrase.js'
import { CAPITALISED } from '../letter-patterns.js'

// The act a question asks about ("Who bought the club?" asks who did the buying): a value answers it
// only from a sentence that states that act near the value, in any of its forms. Read from the
// tagger's parts of speech and the question's own term variants (inflections, irregular forms,
// longer forms, WordNet synonyms in the corpus): no word list of any event.

/**
 * Verbs that carry no act of their own in a question: "Who is…", "When did… have", and the verbs of
 * an event's course ("When did the strike begin?"), whose act is the event noun a source dates
 * without them ("the attack on Sunday"), and the verbs of a relation ("Who is the artist associated
 * with the album?"), which a source states without any verb ("an album by …").
 */
const ACTLESS_VERBS = new Set(['be', 'have', 'do', 'get', 'say', 'make', 'take', 'go', 'happen', 'occur', 'begin', 'start', 'end', 'finish', 'stop', 'continue', 'associate', 'relate', 'link', 'connect', 'know', 'base', 'locate'])

/** Particles that make a verb phrasal ("called off", "knocked out"): WordNet lists single words only, so a phrasal verb may be the act in other words. */
const PARTICLES = new Set(['off', 'out', 'up', 'down', 'over', 'back', 'away'])

/** The spans of the phrasal verbs of a tagged sentence ("called off"), offsets within it. */
export function phrasalVerbSpans(words: readonly TaggedWord[]): Array<{ start: number; end: number }> {
  return words.flatMap((word, i) => {
    const next = words[i + 1]
    return word.pos === 'VERB' && next && PARTICLES.has(next.lower) ? [{ start: word.start, end: next.end }] : []
  })
}

/**
 * The stems a sentence may state the question's act with: every corpus stem the question's
 * non-light verbs are matched as (their own stems, other forms and synonyms). Undefined when the
 * question has no such verb ("Who is the mayor?"), so any sentence may answer it.
 */
export function askedActStems(analyzed: AnalyzedQuestion): Set<string> | undefined {
  // Asked for twice on a declined question (whether to compare, then the comparison): tagged once.
  let kept = actStemsByQuestion.get(analyzed)
  if (!kept) actStemsByQuestion.set(analyzed, (kept = { stems: readActStems(analyzed) }))
  return kept.stems
}

/** `askedActStems` of each question already read, while its analysis lives. */
const actStemsByQuestion = new WeakMap<AnalyzedQuestion, { stems: Set<string> | undefined }>()

function readActStems(analyzed: AnalyzedQuestion): Set<string> | undefined {
  const verbs = new Set(
    tagWords(analyzed.text)
      // A capitalised verb is a word of a title ("Let George Do It"), not the question's.
      .filter((word) => word.pos === 'VERB' && !ACTLESS_VERBS.has(word.lemma) && !CAPITALISED.test(word.text))
      .map((word) => word.lower),
  )
  if (verbs.size === 0) return undefined
  const stems = new Set(analyzed.terms.filter((term) => verbs.has(term.asked)).flatMap((term) => term.variants.map((variant) => variant.stem)))
  return stems.size > 0 ? stems : undefined
}

/** Most characters between a value and the nearest word of the asked act for the sentence to state the act of that value. */
export const ACT_WINDOW_CHARS = 60

/** The words that may stand between a doer and its verb: "Derek Fairlie, who bought", "Mira Holt has since bought". */
const AGENT_BEFORE_VERB = /^[\s,]*(?:(?:who|which|that|has|had|have|was|were|is|will|would|finally|also|since|then|later|first|\p{Ll}+ly)[\s,]+)*$/u

/** The words between a passive verb and its doer: "was bought by Brightwater", "was opened by the mayor". */
const AGENT_AFTER_VERB = /^\s+by\s+(?:the\s+)?$/

/**
 * True when the value stands as the doer of an act word: right before it ("X bought", "X, who
 * bought") or after it with "by" ("bought by X"). `text` is the sentence; offsets within it.
 */
export function isAgentOf(text: string, value: { start: number; end: number }, act: { start: number; end: number }): boolean {
  if (value.end <= act.start) return AGENT_BEFORE_VERB.test(text.slice(value.end, act.start))
  return act.end <= value.start && AGENT_AFTER_VERB.test(text.slice(act.end, value.start))
}

/**
 * True when a verb other than the asked act's stands before `at` (an offset in the sentence):
 * "flooded its basement on Tuesday", "held six people hostage inside a branch on Quay Street on
 * Tuesday" date another act. A verb of the act's own forms, or a light verb, does not count.
 */
export function otherActBefore(words: readonly TaggedWord[], at: number, acts: ReadonlySet<string>): boolean {
  return words.some((word) => word.pos === 'VERB' && word.end <= at && !ACTLESS_VERBS.has(word.lemma) && !acts.has(stem(word.lower)))
}
