import { stem } from '../analyzer.js'
import type { TaggedWord } from './phrase.js'

/**
 * Whether a sentence says the thing a yes/no question asks about happened ("Was the deal signed?",
 * "Has anyone been arrested?", "Was the gunman killed?"), read from wink-nlp's tags and negation
 * flags with a few general English word groups: verbs that deny the verb they govern ("refused to
 * pay"), and the two states of a living thing (dead, alive). No word of any one event.
 */

/** One side of an outcome: where it stands in the sentence (offsets relative to it) and yes or no. */
export interface OutcomeReading {
  start: number
  end: number
  label: 'yes' | 'no'
}

/** Verbs that deny the verb after their "to": "refused to pay", "declined to sign", "failed to agree". */
export const REFUSING: ReadonlySet<string> = new Set(['refuse', 'refused', 'refuses', 'decline', 'declined', 'declines', 'fail', 'failed', 'fails'].map(stem))

/** Subjects that deny their verb, closed-class English: "nobody was arrested", "no one has been charged", "none were recovered". */
export const NEGATIVE_SUBJECTS: ReadonlySet<string> = new Set(['nobody', 'none', 'nothing', 'noone', 'no-one'])

/**
 * Where the walk back from the verb at `i` over its auxiliaries, adverbs and particles ends ("nobody
 * had yet been arrested" → "nobody"): the index of the first other word, or of the first word
 * `stopAt` accepts, -1 at the sentence's start.
 */
export function wordBeforeVerb(words: readonly TaggedWord[], i: number, stopAt: (word: TaggedWord) => boolean = () => false): number {
  let at = i - 1
  while (at >= 0 && !stopAt(words[at]!) && (words[at]!.pos === 'AUX' || words[at]!.pos === 'ADV' || words[at]!.pos === 'PART' || ['been', 'being', 'be'].includes(words[at]!.lower))) at--
  return at
}

/** True when the word at `at` is a negative subject: "nobody", "none", "no one". */
export function isNegativeSubjectAt(words: readonly TaggedWord[], at: number): boolean {
  const subject = words[at]?.lower ?? ''
  return NEGATIVE_SUBJECTS.has(subject) || (subject === 'one' && words[at - 1]?.lower === 'no')
}

/**
 * True when the verb at `i` has a negative subject right before it, across its auxiliaries and
 * adverbs ("nobody had yet been arrested"): wink-nlp flags only "not" and "never" as negation.
 */
function hasNegativeSubject(words: TaggedWord[], i: number): boolean {
  return isNegativeSubjectAt(words, wordBeforeVerb(words, i))
}

/** General English verbs that say an action named by a noun took place: "an arrest was made", "the payment went through". */
const DOING = new Set(['make', 'carry', 'happen', 'occur', 'take', 'go'])

/** The two states of a living thing, in general English: asked one, a sentence stating the other answers no. */
const DEAD = new Set(['dead', 'kill', 'killed', 'die', 'died', 'death', 'slain', 'fatal', 'fatally'].map(stem))
const ALIVE = new Set(['alive', 'survive', 'survived', 'unharmed', 'unhurt', 'uninjured', 'unscathed'].map(stem))

/**
 * Harm to a living thing, in general English, as the two states above: asked whether anyone was
 * injured, "was seriously hurt", "wounded", "taken to hospital" or "in hospital" say yes, "unhurt"
 * says no. Not "a hospital doctor": the place of care names harm only after "to" or "in".
 */
const HURT = new Set(['injure', 'injured', 'injury', 'injuries', 'hurt', 'wound', 'wounded'].map(stem))
const UNHURT = new Set(['unhurt', 'unharmed', 'uninjured', 'unscathed'].map(stem))
const CARE = stem('hospital')

/**
 * The outcomes `words` (a tagged sentence) states of what the question asks, its words given by
 * their stems: the question's verb, yes unless negated or refused ("was not signed", "refused to
 * sign"); a noun of its action after "no" ("No arrests have been made"); and, asked whether
 * something died or lived, a word of either state ("shot dead", "captured alive"); asked whether
 * anyone was hurt, a word of harm or of its absence ("taken to hospital", "unhurt").
 */
export function outcomeReadings(words: TaggedWord[], askedStems: Set<string>): OutcomeReading[] {
  const asksLife = [...askedStems].some((asked) => DEAD.has(asked) || ALIVE.has(asked))
  const asksDeath = [...askedStems].some((asked) => DEAD.has(asked))
  const asksHarm = [...askedStems].some((asked) => HURT.has(asked))
  const found: OutcomeReading[] = []
  const stems = stemsOfTagged(words)
  const lemmaStems = lemmaStemsOfTagged(words)
  words.forEach((word, i) => {
    const wordStem = stems[i] as string
    if (asksLife && (DEAD.has(wordStem) || ALIVE.has(wordStem)) && (word.pos === 'ADJ' || word.pos === 'VERB' || word.pos === 'ADV')) {
      // "shot dead", "captured alive": the state with the verb that brought it about.
      const previous = words[i - 1]
      const start = previous && previous.pos === 'VERB' && (word.pos === 'ADJ' || word.pos === 'ADV') ? previous.start : word.start
      const dead = DEAD.has(wordStem) !== word.negated
      found.push({ start, end: word.end, label: dead === asksDeath ? 'yes' : 'no' })
      return
    }
    // Porter stems "hospitalised" as "hospital": only the participle, or the noun after "to" or "in", is harm.
    const cared = wordStem === CARE && (word.lower.startsWith('hospitali') || (word.pos === 'NOUN' && (words[i - 1]?.lower === 'to' || words[i - 1]?.lower === 'in')))
    if (asksHarm && !askedStems.has(wordStem) && (HURT.has(wordStem) || UNHURT.has(wordStem) || cared)) {
      // "taken to hospital", "none of the men was seriously hurt": harm in other words, negated as a verb is.
      const denied = word.negated || hasNegativeSubject(words, i)
      const negator = denied ? words.slice(0, i).reverse().find((other) => other.pos === 'PART' || other.lower === 'never' || other.lower === 'no' || NEGATIVE_SUBJECTS.has(other.lower)) : undefined
      const from = negator ?? (cared && word.pos === 'NOUN' ? words[i - 1]! : word)
      found.push({ start: from.start, end: word.end, label: !UNHURT.has(wordStem) !== denied ? 'yes' : 'no' })
      return
    }
    // "paid" is "pay" to the question: Porter stems an irregular form apart from its lemma.
    if (!askedStems.has(wordStem) && !askedStems.has(lemmaStems[i] as string)) return
    if (word.pos === 'VERB') {
      // From the negating word to the verb: "was not signed", "did not arrest"; "refused to pay" denies "pay".
      const refusal = words[i - 1]?.lower === 'to' && words[i - 2] && REFUSING.has(stem(words[i - 2]!.lower)) ? words[i - 2] : undefined
      const denied = word.negated || hasNegativeSubject(words, i)
      const negator = denied ? words.slice(0, i).reverse().find((other) => other.pos === 'PART' || other.lower === 'never' || other.lower === 'no' || NEGATIVE_SUBJECTS.has(other.lower)) : undefined
      // "agreed to pay": the verb that governs it is part of what the sentence states.
      const governing = words[i - 1]?.lower === 'to' && words[i - 2]?.pos === 'VERB' ? words[i - 2] : undefined
      const start = refusal?.start ?? (denied ? (negator?.start ?? word.start) : (governing?.start ?? word.start))
      found.push({ start, end: word.end, label: denied || refusal ? 'no' : 'yes' })
      return
    }
    // "No arrests have been made": the action's noun after "no" denies it; a bare noun states nothing.
    if (word.pos === 'NOUN' && words[i - 1]?.lower === 'no') {
      found.push({ start: words[i - 1]!.start, end: word.end, label: 'no' })
      return
    }
    // "An arrest had been made", "a payment was made": the action's noun with a verb of doing states it happened.
    const done = word.pos === 'NOUN' ? words.slice(i + 1, i + 5).find((other) => other.pos === 'VERB') : undefined
    if (done && DOING.has(done.lemma) && words.slice(i + 1, words.indexOf(done)).every((other) => other.pos === 'AUX' || other.pos === 'PART')) {
      found.push({ start: word.start, end: done.end, label: done.negated ? 'no' : 'yes' })
    }
  })
  return found
}

/**
 * The stem of each of `words`, kept with the array: a corpus sentence's tagged words are kept once
 * read (`tagSentence`), and every yes/no question about its story stems them again otherwise.
 */
function stemsOfTagged(words: readonly TaggedWord[]): readonly string[] {
  let stems = keptStems.get(words)
  if (!stems) keptStems.set(words, (stems = words.map((word) => stem(word.lower))))
  return stems
}

const keptStems = new WeakMap<readonly TaggedWord[], readonly string[]>()

/** The stems of the lemmas of a tagged sentence's words, kept as `stemsOfTagged` keeps the words' own: 1.9% of an ask looked them up word by word. */
function lemmaStemsOfTagged(words: readonly TaggedWord[]): readonly string[] {
  let stems = keptLemmaStems.get(words)
  if (!stems) keptLemmaStems.set(words, (stems = words.map((word) => stem(word.lemma))))
  return stems
}

const keptLemmaStems = new WeakMap<readonly TaggedWord[], readonly string[]>()
