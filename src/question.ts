import { QUESTION_STOP_WORDS, tokenize } from './analyzer.js'
import { readTokens } from './nlp.js'
import { FEATURE, idf, stemOf, type CorpusIndex } from './search.js'
import { createSpeller } from './spelling.js'
import { lowerBound } from './sorted-strings.js'
import { irregularFormsOf } from './irregular-verbs.js'
import { inflectionsOf } from './thesaurus.js'
import { ALL_LETTERS, HAS_CAPITAL, HAS_DIGIT, HAS_LETTER_OR_DIGIT, LETTER_RUNS } from './letter-patterns.js'

/** Mentions, HTML tags, links and @handles (global: for `replace` only). */
const CHAT_MARKUP = /<[@#][!&]?\d+>|<\/?[a-z][^<>]{0,80}>|https?:\/\/\S+|(?<![\p{L}\p{N}])@[\p{L}\p{N}_.]+/giu

/** Longest question accepted, in characters. */
export const MAX_QUESTION_CHARS = 1000

/** A question checked for chat use: either clean text or why it cannot be asked. */
export type CheckedQuestion = { ok: true; text: string } | { ok: false; text: string; message: string }

/**
 * Strips control characters and surrounding space, and rejects empty or overlong questions.
 * Expected outcomes, so values, never exceptions.
 */
export function checkQuestion(input: unknown): CheckedQuestion {
  // Terminal escape sequences ("\u001b[31m") go whole: stripping only their control character would leave "[31m".
  // eslint-disable-next-line no-control-regex
  const raw = (typeof input === 'string' ? input : '').replace(/\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-_])/g, '')
  // Control characters (but not line breaks or tabs, which become spaces) are never meaningful in a question.
  // eslint-disable-next-line no-control-regex
  const text = raw.replace(/[\t\n\r\f\v]+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g, '').trim()
  if (text === '') return { ok: false, text, message: 'Please ask a question: the message was empty.' }
  if (text.length > MAX_QUESTION_CHARS) {
    return { ok: false, text: text.slice(0, MAX_QUESTION_CHARS), message: `That question is too long (${text.length} characters). Please keep it under ${MAX_QUESTION_CHARS} characters.` }
  }
  return { ok: true, text }
}

/** How a question asks for a kind of answer: the cue words and the `FEATURE` bits of sentences that hold one. */
interface AnswerCue {
  pattern: RegExp
  features: number
  /** Words that only say what kind of answer is wanted ("how long did it last"): not topic words. */
  cueWords: string[]
}

const ANSWER_CUES: AnswerCue[] = [
  {
    pattern: /\bhow\s+long\b|\bhow\s+many\s+(hours|minutes|days|weeks|months|years)\b|\bduration\b/,
    features: FEATURE.duration,
    cueWords: ['last', 'lasted', 'lasting', 'take', 'took', 'taken', 'go', 'went', 'duration', 'hours', 'minutes', 'days', 'weeks', 'months', 'years', 'time'],
  },
  {
    pattern: /\bhow\s+(many|much)\b|\bwhat\s+(number|percentage|share|amount)\b/,
    features: FEATURE.count | FEATURE.money | FEATURE.percent,
    cueWords: ['number', 'percentage', 'amount'],
  },
  {
    pattern: /\bwhen\b|\b(what|which)\s+(day|date|time|year|month)\b/,
    features: FEATURE.date | FEATURE.time,
    cueWords: ['day', 'date', 'time', 'year', 'month', 'held', 'happen', 'happened', 'take', 'took', 'place'],
  },
  { pattern: /\bwhere\s+(did|was|were|is|are|will|does|do)\b/, features: FEATURE.place, cueWords: ['held', 'happen', 'happened', 'take', 'took', 'place', 'located'] },
  { pattern: /^\s*(who|whom|whose)\b|\bwho\s+(is|was|were|are)\b|\bwhere\b/, features: FEATURE.properNoun, cueWords: [] },
]

/** The answer cue that a question's form matches, if any. */
function answerCueOf(question: string): AnswerCue | undefined {
  // "how lnog" asks "how long": the words that carry the form are read through their typos too.
  const q = question.toLowerCase().replace(LETTER_RUNS, (word) => (CUE_WORDS.has(word) || QUESTION_STOP_WORDS.has(word) ? word : (cueSpeller.correct(word)[0] ?? word)))
  return ANSWER_CUES.find((cue) => cue.pattern.test(q))
}

/** The words whose typos are read as themselves when finding a question's form. */
const CUE_WORDS = new Set(['how', 'long', 'many', 'much', 'when', 'where', 'whom', 'whose'])
const cueSpeller = createSpeller(new Map([...CUE_WORDS].map((word) => [word, 1])))

/** A corpus stem a question word is matched as, and how much a match counts (1 for the word itself). */
export interface TermVariant {
  stem: string
  weight: number
  /** A synonym helps rank passages but is no evidence that the corpus answers the question. */
  synonym: boolean
}

/** A question word that says what the question is about. */
export interface QuestionTerm {
  /** The word as asked (lower-cased). */
  asked: string
  /** The stem the word is matched as: its own, or its spelling correction's. */
  stem: string
  /** The stem first, then spelling variants, longer forms and synonyms, each with a weight below 1. */
  variants: TermVariant[]
  /** How much it says about the topic: content words weigh more than verbs, unknown verbs little. */
  weight: number
  idf: number
  /** The word is a name ("Imara", "Paris"): present only then. */
  name?: boolean
}

/** A question reduced to what retrieval and answer choice need. */
export interface AnalyzedQuestion {
  text: string
  terms: QuestionTerm[]
  /** `FEATURE` bits of the expected answer; 0 when the form says nothing. */
  answerFeatures: number
  /**
   * A name in the question that the corpus never uses, in any form, spelling or synonym
   * ("Bitcoin" in "what is the price of Bitcoin?"), when no name the question gives is in the corpus
   * either: the question is likely about something the sources do not cover. Absent otherwise:
   * "the death toll of Storm Imara" names its subject, and a common noun the corpus lacks ("death"
   * where it says "died") may be a paraphrase.
   */
  missingTopic?: string
  /** How many of `terms`, at the end, a follow-up borrowed from the conversation (see `resolveContext`). Absent: none. */
  contextTerms?: number
  /**
   * Set by `resolveContext` for follow-ups only. `answerText`: a sentence matching it holds the kind
   * of answer asked for, as one with the `answerFeatures` does (a reason's "because" for "why?").
   * `answerTypeWeight`: how much holding that kind counts, as a multiple of the usual bonus and
   * malus; a follow-up with no word of its own ("by how much?") asks for little else. Absent: 1.
   */
  answerText?: RegExp
  answerTypeWeight?: number
}

/** Weights by part of speech: nouns and names say what a question is about; verbs and adverbs less so. */
const POS_WEIGHT: Record<string, number> = { NOUN: 1, PROPN: 1.2, NUM: 1, ADJ: 0.7, VERB: 0.45, ADV: 0.35 }
/** A verb, adjective or adverb the corpus never uses is most likely a paraphrase, not a new topic. */
const UNKNOWN_PARAPHRASE_FACTOR = 0.35
const CORRECTION_WEIGHT = 0.9
const LONGER_FORM_WEIGHT = 0.7
/** Weight of a thesaurus link of a question word: the same thing in another word, or another sense of it. */
export const SYNONYM_WEIGHT = 0.5
/** Least weight of a question word read as a noun: a noun, or one spelled right by a correction; verbs and adjectives weigh less. */
export const NOUN_MIN_WEIGHT = (POS_WEIGHT.NOUN as number) * CORRECTION_WEIGHT
/** Another inflection of the asked word, stemmed apart from it by Porter ("died" for "die"). */
const INFLECTION_WEIGHT = 0.9
/** Stems shorter than this are not extended to longer forms: too many words start with them. */
const MIN_EXTENDABLE_STEM = 4

/**
 * English light verbs: in "make progress", "take place", "give a speech" the noun carries the
 * meaning, and an article says "progressed" or "was held" as often as it repeats the verb.
 */
const LIGHT_VERBS = new Set(['make', 'makes', 'made', 'making', 'take', 'takes', 'took', 'taken', 'taking', 'give', 'gives', 'gave', 'given', 'get', 'gets', 'got', 'getting', 'have', 'has', 'had', 'do', 'does', 'did', 'done'])
const LIGHT_VERB_FACTOR = 0.2

/** Words that ask about the corpus itself ("what do the sources say"), not about the event. */
const CORPUS_WORDS = new Set(['source', 'sources', 'article', 'articles', 'corpus', 'bot'])

/** Misspelt function words ("waht", "sya") are dropped like the words they stand for. */
const stopWordSpeller = createSpeller(new Map([...QUESTION_STOP_WORDS].map((word) => [word, 1])), { minLength: 3 })

/**
 * Bridges from a question's words to an article's other words for the same thing, besides spelling
 * corrections, longer forms and the thesaurus's synonyms. Each was measured on its own on the
 * paraphrase set and SQuAD (`npm run bench:bridging -- --variants …`; README, "Answers on corpora it
 * has never seen").
 */
export interface QuestionBridgingOptions {
  /**
   * Reads a word through its lemma (wink-nlp's) too, where Porter stems the two apart: "experienced"
   * reaches the article's "experience", "suing" the thesaurus's links of "sue". Defaults to `true`.
   */
  lemmas?: boolean
  /**
   * A thesaurus link between two stems that share their first five letters, or the first four when
   * one is that short ("hospitalis" → "hospit", "evacue" → "evacu"), joins two forms of one word: it
   * counts as evidence as the word itself does, at a longer form's weight. Defaults to `true`.
   */
  sameWordForms?: boolean
  /**
   * For a word the corpus never uses in any form, its thesaurus links in the corpus are how the
   * articles say it ("injured" asked, "hurt" written): they count as evidence for answering, at a
   * synonym's weight. A word the corpus does use keeps its synonyms for ranking only. Defaults to `true`.
   */
  unknownWordLinks?: boolean
  /** "take place" is "happen", a question stop word: "place" after a form of "take" is no topic word. Defaults to `true`. */
  takePlace?: boolean
  /**
   * An irregular verb's other forms (RosaeNLG's list), both ways: "What did inspectors find?" reaches
   * "found", an asked "found" reaches "find". Only for a word used as a verb that is not a light verb
   * ("the strike" is not "struck", "taken" not "took"), and only when the articles use no regular form
   * of it (the asked "find", "finds"…), at a regular inflection's weight. `rank`: the forms rank
   * passages but are no evidence that the articles answer ("When did the strike begin?" is not
   * answered by "The leak began…"); `evidence`: they count as the word itself, as regular inflections
   * do; `off`: neither. Defaults to `rank`.
   */
  irregularVerbs?: 'off' | 'rank' | 'evidence'
}

export const DEFAULT_QUESTION_BRIDGING: Required<QuestionBridgingOptions> = { lemmas: true, sameWordForms: true, unknownWordLinks: true, takePlace: true, irregularVerbs: 'rank' }

/** Forms of "take" that make "take place" ("happen") with a following "place". */
const TAKE_FORMS: ReadonlySet<string> = new Set(['take', 'takes', 'took', 'taken', 'taking'])

/** Picks out a question's informative words, corrects their spelling against the corpus, and weighs them. */
export function analyzeQuestion(index: CorpusIndex, question: string, bridging: QuestionBridgingOptions = {}): AnalyzedQuestion {
  const bridges = { ...DEFAULT_QUESTION_BRIDGING, ...bridging }
  const text = withoutChatMarkup(question)
  const cue = answerCueOf(text)
  const { posByStart, lemmaByStart } = partsOfSpeech(text)
  const terms: QuestionTerm[] = []
  const seen = new Set<string>()
  let missingTopic: string | undefined
  // Name words by place, to judge a name of several words ("World Cup") whole: known only when every word is.
  const nameWords: NameWord[] = []
  const firstWordStart = HAS_LETTER_OR_DIGIT.exec(text)?.index ?? 0
  let previousWord = ''
  for (const token of tokenize(text)) {
    const asked = token.word
    const before = previousWord
    previousWord = asked
    if (QUESTION_STOP_WORDS.has(asked) || CORPUS_WORDS.has(asked) || cue?.cueWords.includes(asked)) continue
    if (bridges.takePlace && asked === 'place' && TAKE_FORMS.has(before)) continue
    const lemmaOf = lemmaByStart.get(token.start)
    const lemma = bridges.lemmas ? (lemmaOf && lemmaOf !== asked && ALL_LETTERS.test(lemmaOf) ? lemmaOf : irregularSingularOf(index, asked)) : undefined
    // The lemma stands for the word when Porter stems the two apart and only the lemma's stem is the corpus's ("experienced" → "experience").
    const word = lemma && !index.docFreq.has(stemOf(index, asked)) && index.docFreq.has(stemOf(index, lemma)) ? lemma : asked
    const ownStem = stemOf(index, word)
    const known = index.docFreq.has(ownStem)
    // A real word the corpus lacks ("joke") is no typo of a corpus word ("joe"): it stays unknown.
    const candidates = known || index.nearMisses.has(word) ? [] : index.speller.correct(word)
    const corrections = candidates.filter((candidate) => !QUESTION_STOP_WORDS.has(candidate))
    const pos = posByStart.get(token.start) ?? 'NOUN'
    // A name ("Paris", "Bitcoin"). A common noun the corpus lacks ("summit" asked of a corpus that
    // says "talks", "death" of one that says "died") is as likely a paraphrase as a new topic.
    const name = pos === 'PROPN' || (token.start > firstWordStart && HAS_CAPITAL.test(text.charAt(token.start)))
    // "waht" is a misspelt "what", but "Rome" is no "some", "die" no "did" and "zoo" no "too": names,
    // words the thesaurus relates to the corpus and the dictionary's own words are kept.
    const typoOfStopWord = !known && !name && !index.related.has(ownStem) && !index.nearMisses.has(word) && stopWordSpeller.correct(word).length > 0
    if (typoOfStopWord && (corrections.length === 0 || candidates.some((candidate) => QUESTION_STOP_WORDS.has(candidate)))) continue
    let weight = HAS_DIGIT.test(word) ? 1 : (POS_WEIGHT[pos] ?? 0.3)
    const corrected = corrections[0]
    const termStem = corrected ? stemOf(index, corrected) : ownStem
    if (LIGHT_VERBS.has(word)) weight *= LIGHT_VERB_FACTOR
    if (corrected) weight *= CORRECTION_WEIGHT
    else if (!known && pos !== 'NOUN' && pos !== 'PROPN' && pos !== 'NUM') weight *= UNKNOWN_PARAPHRASE_FACTOR
    if (seen.has(termStem)) continue
    seen.add(termStem)
    const variants = variantsOf(index, termStem, ownStem, corrected ?? word, bridges, lemma, name, pos === 'VERB')
    const missing = name && !corrected && !known && !HAS_DIGIT.test(word) && variants.every((variant) => !index.docFreq.has(variant.stem))
    if (missing) missingTopic ??= word
    if (name) nameWords.push({ start: token.start, end: token.end, found: !missing, proper: pos === 'PROPN' && index.docFreq.has(termStem) })
    terms.push({ asked, stem: termStem, variants, weight, idf: idf(index, termStem), ...(name ? { name } : {}) })
  }
  // With no word of the question written in the corpus, bridged words are the only match and most
  // likely a chance one ("where was the author educated?" reaching "source" and "prepared", "the zoo
  // director" reaching "direct talks"): they rank only.
  if (bridges.unknownWordLinks && !terms.some((term) => index.docFreq.has(term.stem))) for (const term of terms) markLinksAsSynonyms(term)
  return { text: question, terms, answerFeatures: cue?.features ?? 0, ...(missingTopic === undefined || knownNameIn(text, nameWords) ? {} : { missingTopic }) }
}

/**
 * Turns a word's thesaurus links back into synonyms: they rank passages but are no evidence for
 * answering. So does a shorter form the word derives from ("direct" for "director"): a derived word
 * has one of its base's senses, and the base may be said in another ("direct talks"), while a longer
 * form of the asked word ("hackers" for "hack") keeps the sense asked.
 */
function markLinksAsSynonyms(term: QuestionTerm): void {
  for (const variant of term.variants) {
    if (variant.weight === SYNONYM_WEIGHT || (variant.weight === LONGER_FORM_WEIGHT && variant.stem.length < term.stem.length)) variant.synonym = true
  }
}

/**
 * Whether the question names something the corpus knows: a name whose every word it uses. "Who won
 * the World Cup?" of a corpus saying "the world watched" names no known thing: "Cup" is missing
 * from the one name "World Cup".
 */
function knownNameIn(text: string, words: readonly NameWord[]): boolean {
  let runFound = true
  let runProper = false
  let previous: NameWord | undefined
  for (const word of words) {
    // Words of one name stand a single space apart ("World Cup").
    if (previous && text.slice(previous.end, word.start) !== ' ') {
      if (runProper && runFound) return true
      runFound = true
      runProper = false
    }
    runFound &&= word.found
    runProper ||= word.proper
    previous = word
  }
  return runProper && runFound
}

/** A name word of a question: where it stands, whether the corpus uses it, and whether it is a proper noun the corpus uses. */
interface NameWord {
  start: number
  end: number
  found: boolean
  proper: boolean
}

/**
 * Blanks what chat platforms and pasted text add around a question and what never names its topic:
 * mentions ("<@123>", "@someone", "@everyone"), channel and role references, HTML tags, links.
 * Blanked with spaces, so offsets stay those of the question.
 */
export function withoutChatMarkup(question: string): string {
  return question.replace(CHAT_MARKUP, (markup) => ' '.repeat(markup.length))
}

/** The stem itself, the corpus stems that extend it ("agre" → "agreement"), and its synonyms in the corpus. */
function variantsOf(index: CorpusIndex, termStem: string, askedStem: string, askedWord: string, bridges: Required<QuestionBridgingOptions>, lemma: string | undefined, name: boolean, verb: boolean): TermVariant[] {
  const variants = new Map<string, TermVariant>([[termStem, { stem: termStem, weight: 1, synonym: false }]])
  if (termStem.length >= MIN_EXTENDABLE_STEM) {
    // A longer word the thesaurus does not relate to the asked one may be another word that happens to
    // start the same ("police" and "policy", "spill" and "spillover"): it ranks, but is no evidence that
    // the articles speak of the asked thing. Related ones are made evidence by the thesaurus loop below;
    // an index built without a thesaurus cannot tell, and counts them all.
    const unrelatedIsSynonym = !name && index.related.size > 0
    for (const longer of stemsStartingWith(index.sortedStems, termStem)) addVariant(variants, longer, LONGER_FORM_WEIGHT, unrelatedIsSynonym)
  }
  // The asked word's own inflections where Porter stems them apart ("die" asked, "died" written;
  // "find" asked, "found" written).
  const words = lemma ? [askedWord, lemma] : [askedWord]
  const regular = new Set(words.flatMap((word) => inflectionsOf(word)))
  // Only a word used as a verb ("the strike" is no "struck", "the find" no "found", nor "founded"),
  // and only one the articles never write in a regular form: where they do, that form already
  // matches, and the past form of a common verb mostly adds another sense ("homes were left").
  const mayBeIrregular = verb && bridges.irregularVerbs !== 'off'
  const regularKnown = mayBeIrregular && [...regular].some((form) => index.docFreq.has(stemOf(index, form)))
  const irregular = mayBeIrregular && !regularKnown ? words.filter((word) => !LIGHT_VERBS.has(word)).flatMap((word) => irregularFormsOf(word)) : []
  for (const form of new Set([...regular, ...irregular])) {
    const formStem = stemOf(index, form)
    if (formStem !== termStem && index.docFreq.has(formStem)) addVariant(variants, formStem, INFLECTION_WEIGHT, !regular.has(form) && bridges.irregularVerbs !== 'evidence')
  }
  const froms = new Set([termStem, askedStem, ...(lemma ? [stemOf(index, lemma)] : [])])
  // A word the corpus never uses: its links are the articles' words for it, so evidence too.
  const linksAreEvidence = bridges.unknownWordLinks && [...froms].every((from) => !index.docFreq.has(from))
  for (const from of froms) {
    for (const synonym of index.related.get(from) ?? []) {
      if (bridges.sameWordForms && isSameWordForm(from, synonym)) addVariant(variants, synonym, LONGER_FORM_WEIGHT, false)
      else addVariant(variants, synonym, SYNONYM_WEIGHT, !linksAreEvidence)
    }
  }
  return [...variants.values()]
}

/**
 * Adds `candidate` to a term's `variants`, or raises the one there to `weight` (a heavier weight wins;
 * at the same weight, evidence wins over a synonym). A function of the module, not a closure made per
 * question word: under tsx (`keepNames`) every closure made also gets its name set, a slow property definition.
 */
function addVariant(variants: Map<string, TermVariant>, candidate: string, weight: number, synonym: boolean): void {
  const had = variants.get(candidate)
  if (!had || had.weight < weight || (had.weight === weight && had.synonym && !synonym)) variants.set(candidate, { stem: candidate, weight, synonym })
}

/**
 * Whether two related stems are forms of one word: they share their first five letters, or their
 * first four when one of them is no longer ("hospitalis"/"hospit", "evacue"/"evacu"; not "pai"/"pay").
 */
function isSameWordForm(a: string, b: string): boolean {
  let shared = 0
  while (shared < a.length && shared < b.length && a[shared] === b[shared]) shared++
  return shared >= 5 || (shared >= 4 && (shared === a.length || shared === b.length))
}

/** Sorted-array range of stems with `prefix`, capped: a short prefix must not pull in half the vocabulary. */
function stemsStartingWith(sorted: string[], prefix: string, cap = 8): string[] {
  const out: string[] = []
  for (let i = lowerBound(sorted, prefix); i < sorted.length && out.length < cap; i++) {
    const candidate = sorted[i] ?? ''
    if (!candidate.startsWith(prefix)) break
    if (candidate !== prefix) out.push(candidate)
  }
  return out
}

/** Plural endings that no regular inflection undoes, with their singular: WordNet's own detachment rules for nouns ("firemen", "schoolchildren"). */
const IRREGULAR_PLURAL = /(?<=[a-z]{3})(men|children)$/
const SINGULAR_OF: Record<string, string> = { men: 'man', children: 'child' }

/**
 * The singular of a compound's irregular plural that the lemmatiser leaves as it is ("firemen" →
 * "fireman", "schoolchildren" → "schoolchild"), when the corpus or the thesaurus knows that singular;
 * else undefined. Porter leaves "-men" and "-children" as they are, so without it the question's word
 * reaches neither the article's nor the thesaurus's ("schoolchild" → "pupil"). The check keeps
 * "specimen" from becoming "speciman".
 */
function irregularSingularOf(index: CorpusIndex, word: string): string | undefined {
  const ending = IRREGULAR_PLURAL.exec(word)?.[1]
  if (ending === undefined) return undefined
  const singular = word.slice(0, -ending.length) + (SINGULAR_OF[ending] as string)
  const singularStem = stemOf(index, singular)
  return index.docFreq.has(singularStem) || index.related.has(singularStem) ? singular : undefined
}

/** Part-of-speech tags and lemmas by token start offset. */
export function partsOfSpeech(text: string): { posByStart: Map<number, string>; lemmaByStart: Map<number, string> } {
  const { values: words, tags, lemmas } = readTokens(text)
  const posByStart = new Map<number, string>()
  const lemmaByStart = new Map<number, string>()
  let cursor = 0
  words.forEach((word, i) => {
    const at = text.indexOf(word, cursor)
    if (at >= 0) {
      posByStart.set(at, tags[i] ?? 'X')
      lemmaByStart.set(at, (lemmas[i] ?? word).toLowerCase())
      cursor = at + word.length
    }
  })
  return { posByStart, lemmaByStart }
}
