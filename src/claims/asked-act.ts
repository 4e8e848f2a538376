import { stem } from '../analyzer.js'
import type { AnalyzedQuestion } from '../question.js'
import { isMoney } from './value-fit.js'
import { tagWords, type TaggedWord } from './phrase.js'
import { tagSentence } from './sentence-memo.js'
import type { FoundValue } from './found-values.js'
import { CAPITALISED, LOWER_CASE } from '../letter-patterns.js'

// The act a question asks about ("Who bought the club?" asks who did the buying): a value answers it
// only from a sentence that states that act near the value, in any of its forms. Read from the
// tagger's parts of speech and the question's own term variants (inflections, irregular forms,
// longer forms, WordNet synonyms in the corpus): no word list of any event.

/** Verbs that carry no act of their own in any question: "How much was…", "When did… have", "Who said…". */
const LIGHT_VERBS = ['be', 'have', 'do', 'get', 'say']

/**
 * The light verbs, and the verbs a name or a day is stated without: "make", "take", "go"; the verbs
 * of an event's course ("When did the strike begin?"), whose act is the event noun a source dates
 * without them ("the attack on Sunday"); the verbs of a relation ("Who is the artist associated
 * with the album?"), which a source states without any verb ("an album by …"). A sum is stated
 * with them ("took £5m"), so the act of a sum skips the light verbs only.
 */
const ACTLESS_VERBS = new Set([...LIGHT_VERBS, 'make', 'take', 'go', 'happen', 'occur', 'begin', 'start', 'end', 'finish', 'stop', 'continue', 'associate', 'relate', 'link', 'connect', 'know', 'base', 'locate'])

/** The verbs of a tagged sentence that end before `at` and carry an act (none of `skipped`), with their index. */
function actVerbsBefore(words: readonly TaggedWord[], at: number, skipped: ReadonlySet<string>): Array<{ word: TaggedWord; i: number }> {
  return words.flatMap((word, i) => (word.pos === 'VERB' && word.end <= at && !skipped.has(word.lemma) ? [{ word, i }] : []))
}

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

/** The question's words tagged once, for both readings of its acts. */
const taggedByQuestion = new WeakMap<AnalyzedQuestion, TaggedWord[]>()

function taggedQuestion(analyzed: AnalyzedQuestion): TaggedWord[] {
  let tagged = taggedByQuestion.get(analyzed)
  if (!tagged) taggedByQuestion.set(analyzed, (tagged = withFinalVerb(analyzed.text, tagWords(analyzed.text))))
  return tagged
}

/** "When did the strike end?": a question opened by a question word and "did", "will"… whose last word is then its verb. */
const DID_QUESTION = /^\s*(?:when|where|why|how|what\s+time|at\s+what\s+time|on\s+what\s+day)\s+(?:did|does|do|will|would|should|can|could)\s/i

/**
 * The question's words, its last one read as a verb of the event's course (`ASPECTS`) when the
 * question's form says so: the tagger reads "end" in "When did the strike end?" as a noun, though
 * nothing else can follow "did" and a subject.
 */
function withFinalVerb(text: string, words: TaggedWord[]): TaggedWord[] {
  if (!DID_QUESTION.test(text)) return words
  let last = words.length - 1
  while (last >= 0 && words[last]!.pos === 'PUNCT') last--
  const word = words[last]
  // Only a verb of the event's course: any other last noun may be the question's object ("reach its verdict"), and an act read from it would narrow which sentences answer.
  if (!word || word.pos !== 'NOUN' || !LOWER_CASE.test(word.text) || !ASPECTS.some((aspect) => aspect.includes(word.lower))) return words
  return words.map((other, i) => (i === last ? { ...other, pos: 'VERB', lemma: other.lower } : other))
}

function readActStems(analyzed: AnalyzedQuestion): Set<string> | undefined {
  const verbs = new Set(
    taggedQuestion(analyzed)
      // A capitalised verb is a word of a title ("Let George Do It"), not the question's.
      .filter((word) => word.pos === 'VERB' && !ACTLESS_VERBS.has(word.lemma) && !CAPITALISED.test(word.text))
      .map((word) => word.lower),
  )
  if (verbs.size === 0) return undefined
  const stems = variantStemsOf(analyzed, verbs)
  return stems.size > 0 ? stems : undefined
}

/** Every stem the question's `words` (as asked) are matched as: their own, other forms and synonyms. */
function variantStemsOf(analyzed: AnalyzedQuestion, words: ReadonlySet<string>): Set<string> {
  return new Set(analyzed.terms.filter((term) => words.has(term.asked)).flatMap((term) => term.variants.map((variant) => variant.stem)))
}

/** Most characters between a value and the nearest word of the asked act for the sentence to state the act of that value. */
export const ACT_WINDOW_CHARS = 60

/** Auxiliaries that leave a doer before its verb: "has bought", "will buy"; not "has been bought". */
const ACTIVE_AUXILIARIES = ['has', 'had', 'have', 'was', 'were', 'is', 'will', 'would']

/** Auxiliaries of either voice: "is", "are", "has been", "being". */
const AUXILIARIES = [...ACTIVE_AUXILIARIES, 'are', 'been', 'be', 'being']

/** What may stand between a verb's subject and the verb: its auxiliaries ("was", "has been"). */
export const SUBJECT_TO_VERB = new RegExp(`^\\s+(?:(?:${AUXILIARIES.join('|')})\\s+)*$`)

/**
 * The words that may stand between a doer and its verb: "Derek Fairlie, who bought", "Mira Holt has
 * since bought". Of a subject's auxiliaries (`SUBJECT_TO_VERB`), those of a doer only.
 */
const AGENT_BEFORE_VERB = new RegExp(`^[\\s,]*(?:(?:who|which|that|${ACTIVE_AUXILIARIES.join('|')}|finally|also|since|then|later|first|\\p{Ll}+ly)[\\s,]+)*$`, 'u')

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
  return actVerbsBefore(words, at, ACTLESS_VERBS).some(({ word }) => !acts.has(stem(word.lower)))
}

/**
 * The answers of the asked act: once a source dates it ("will reopen on Monday"), a date another
 * source gives for another act ("freed on Tuesday") answers something else.
 */
export function answersOfAskedAct<T extends { act?: 'asked' | 'other' }>(answers: T[]): T[] {
  return answers.some((answer) => answer.act === 'asked') ? answers.filter((answer) => answer.act !== 'other') : answers
}

// Sums of money are paid, pledged, fined, demanded, raised: one sum per act. Asked how much a
// company pledged, a fine it was given is a sum of another act, not a second answer. Read from
// wink-nlp's tags and lemmas: the verb a sum stands after, against the question's own verb. No word
// list but the verbs every question leans on ("be", "have", "do").

/** The light verbs as a set: a sum's act is any other verb. */
const SUM_LIGHT_VERBS: ReadonlySet<string> = new Set(LIGHT_VERBS)

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
      .filter((word) => (word.pos === 'VERB' || word.pos === 'NOUN') && !SUM_LIGHT_VERBS.has(word.lemma))
      .map((word) => stem(word.lemma)),
  )
}

/** The verb a sum stands after in its clause ("was fined $800,000" → "fine", passive), if any. */
function actOf(answer: MoneyAnswer): { act: string; passive: boolean } | undefined {
  const words = tagSentence(answer.text)
  // The clause of the sum starts after the last comma, semicolon or colon before it.
  const clause = Math.max(-1, ...words.flatMap((word, i) => (word.end <= answer.at && word.pos === 'PUNCT' && /[,;:]/.test(word.text) ? [i] : [])))
  const verb = actVerbsBefore(words, answer.at, SUM_LIGHT_VERBS).filter(({ i }) => i > clause).pop()
  return verb && { act: stem(verb.word.lemma), passive: words[verb.i - 1]?.lemma === 'be' }
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

// The act of a figure or a date is the verb of its own clause: "Rescuers pulled 14 sailors from the
// water" counts those pulled out, "Crews put out the fire on Wednesday, four days after it started"
// dates the putting out. Asked how many drowned or when it started, such a value answers another act.

/**
 * The stems of every act verb of a question, the verbs of an event's course among them ("When did the
 * fire start?"): a value's clause states the act when it holds one. Undefined when the question has
 * no verb but the light ones ("How many people live…" has one; "What is the population…" none).
 */
export function clauseActStems(analyzed: AnalyzedQuestion): Set<string> | undefined {
  let kept = clauseActsByQuestion.get(analyzed)
  if (!kept) clauseActsByQuestion.set(analyzed, (kept = { stems: readClauseActStems(analyzed) }))
  return kept.stems
}

const clauseActsByQuestion = new WeakMap<AnalyzedQuestion, { stems: Set<string> | undefined }>()

/** Verbs of a relation or of knowing, which a source states without any verb ("an album by…"): never an act of a clause. */
const RELATION_VERBS = new Set(['associate', 'relate', 'link', 'connect', 'know', 'base', 'locate'])

function readClauseActStems(analyzed: AnalyzedQuestion): Set<string> | undefined {
  const tagged = taggedQuestion(analyzed)
  // A count's act is its verb, whatever the corpus says; a date's may go unsaid ("the marathon on Sunday", asked when it was held).
  const count = HOW_MANY.test(analyzed.text)
  // A verb after a preposition modifies its noun ("on the train stuck in the tunnel"): the question's act comes before.
  const firstPreposition = tagged.findIndex((word) => word.pos === 'ADP')
  const verbs = new Set(
    tagged
      // A participle the tagger reads as an adjective is a count's verb too: "How many passengers drowned?"
      .filter((word, i) => (firstPreposition < 0 || i < firstPreposition) && (word.pos === 'VERB' || (count && isParticiple(word))) && !SUM_LIGHT_VERBS.has(word.lemma) && !RELATION_VERBS.has(word.lemma) && !CAPITALISED.test(word.text))
      .map((word) => word.lower),
  )
  if (verbs.size === 0) return undefined
  const stems = variantStemsOf(analyzed, verbs)
  // "When did the flood start?" is answered by "the flood began on Tuesday": a verb of an event's onset or close states it in any of its words.
  for (const word of tagged) for (const aspect of ASPECTS) if (word.pos === 'VERB' && verbs.has(word.lower) && aspect.includes(word.lemma)) for (const lemma of aspect) stems.add(lemma.includes(' ') ? lemma : stem(lemma))
  // A count's verb no source uses in any form ("died" of articles that count those rescued) is still the act asked: its own stem stands for it.
  if (count) for (const verb of verbs) stems.add(stem(verb))
  return stems.size > 0 ? stems : undefined
}

/**
 * The verbs of an event's onset and of its close, general English (aspectual verbs, like the words of
 * saying): asked when something started, "broke out" or "began" states it. A phrasal verb is written
 * with its particle.
 */
const ASPECTS: ReadonlyArray<readonly string[]> = [
  ['start', 'begin', 'commence', 'break out'],
  ['end', 'finish', 'conclude', 'cease'],
]

/** "How many…": the question counts an act's doers or objects. */
export const HOW_MANY = /\bhow\s+many\b/i

/** A past participle tagged as an adjective: its lemma differs from it ("drowned" → "drown"). */
function isParticiple(word: TaggedWord): boolean {
  return word.pos === 'ADJ' && word.lemma !== word.lower
}

/**
 * Whose act a value's clause states: `'asked'` when the clause holds a word of the asked act (`acts`,
 * stems), `'other'` when it holds another verb that carries an act and none of the asked act's, and
 * undefined when it holds no such verb ("a toll of 14", "on Sunday"). `words` is the tagged sentence,
 * `clause` and `value` offsets within it. With `subjects` (stems), a verb after one of them in the
 * clause is the act of that thing: asked when an attack began, "an attack knocked out the systems on
 * Sunday" dates the attack's course, where "crews put out the fire on Wednesday" dates the crews' act;
 * and a word of the asked act after another noun and none of them, or governing another verb, is
 * another thing's ("the rescue began on Friday", "residents began returning", asked when the flood started).
 */
export function clauseActOf(words: readonly TaggedWord[], clause: { start: number; end: number }, value: { start: number; end: number }, acts: ReadonlySet<string>, subjects?: ReadonlySet<string>): ClauseAct | undefined {
  let other: string | undefined
  let subject = false
  let otherNoun = false
  for (const [i, word] of words.entries()) {
    if (word.start < clause.start || word.end > clause.end || (word.start >= value.start && word.end <= value.end)) continue
    // Asked when the flood started, "before the rescue began on Friday" states another thing's onset.
    // "Residents began returning on Wednesday" dates the onset of the returning.
    const ofAnother = subjects !== undefined && ((!subject && otherNoun) || governsVerb(words, i))
    if (!ofAnother && (acts.has(stem(word.lower)) || acts.has(stem(word.lemma)) || acts.has(`${word.lemma} ${words[i + 1]?.lower}`))) return { act: 'asked' }
    if (subjects && (word.pos === 'NOUN' || word.pos === 'PROPN')) {
      if (subjects.has(stem(word.lower))) subject = true
      else otherNoun = true
    }
    if (word.pos === 'VERB' && !subject && !ACTLESS_VERBS.has(word.lemma) && !CAPITALISED.test(word.text)) other ??= word.lemma
    // Asked when a strike began, "the strike ended on Friday" dates its close, whatever its subject.
    if (word.pos === 'VERB' && isOtherAspect(word.lemma, acts)) return { act: 'other', verb: word.lemma }
  }
  return other === undefined ? undefined : { act: 'other', verb: other }
}

/** True when the asked acts (stems) hold a verb of an event's onset or of its close (`ASPECTS`). */
export function asksOnsetOrClose(acts: ReadonlySet<string>): boolean {
  return ASPECTS.some((aspect) => statesAspect(aspect, acts))
}

function statesAspect(aspect: readonly string[], acts: ReadonlySet<string>): boolean {
  return aspect.some((verb) => acts.has(verb.includes(' ') ? verb : stem(verb)))
}

/** True for a verb of an event's onset or close (`ASPECTS`) when the asked acts hold the other one's verbs and none of its own. */
function isOtherAspect(lemma: string, acts: ReadonlySet<string>): boolean {
  const own = ASPECTS.find((aspect) => aspect.includes(lemma))
  return own !== undefined && !statesAspect(own, acts) && ASPECTS.some((aspect) => aspect !== own && statesAspect(aspect, acts))
}

/** True for a clause's act (`clauseActOf`) that is the other end of the asked event's course: "ended", asked when it began. */
export function isOtherAspectAct(act: ClauseAct | undefined, acts: ReadonlySet<string> | undefined): boolean {
  return act?.act === 'other' && acts !== undefined && isOtherAspect(act.verb, acts)
}

/** True when the verb at `i` governs another verb: "began returning", "started to leave". */
function governsVerb(words: readonly TaggedWord[], i: number): boolean {
  const next = words[i + 1]
  return words[i]?.pos === 'VERB' && next !== undefined && (next.pos === 'VERB' || (next.lower === 'to' && words[i + 2]?.pos === 'VERB'))
}

/** The act a value's clause states (`clauseActOf`): the asked one, or another verb's, with that verb's lemma. */
export type ClauseAct = { act: 'asked' } | { act: 'other'; verb: string }

/**
 * True when figures of several sources all count other acts than the asked one, and not one act
 * ("pulled 14 from the water", "17 brought ashore", asked how many drowned): none answers it. Sources
 * that count one act alike ("evacuated 120 homes", "300 homes were evacuated", asked how many had to
 * leave their homes) state it, maybe in other words than the question's, so they are kept.
 */
export function allOtherActs(acts: ReadonlyArray<ClauseAct | undefined>): boolean {
  if (!acts.every((act) => act?.act === 'other')) return false
  return new Set(acts.map((act) => (act?.act === 'other' ? act.verb : ''))).size > 1
}
