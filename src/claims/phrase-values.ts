import { stem } from '../analyzer.js'
import { CAPITALISED, HAS_LETTER, LOWER_CASE } from '../letter-patterns.js'
import { causeValues, expansionValues } from './connective-answers.js'
import type { AskedWords, FoundValue } from './found-values.js'
import { outcomeReadings } from './outcome-answer.js'
import { nounPhrases, plainWord, type PredicateFrame, predicateFrame, type TaggedWord } from './phrase.js'
import { tagSentence } from './sentence-memo.js'

// The values an entity or outcome question asks, read from a sentence's noun phrases and verbs (the
// figures, dates and names are read in found-values.ts).

/**
 * The noun phrases of a sentence that can name what an entity question asks, trimmed of the
 * question's own words at their ends: "an Assamese-language television series" asked its
 * language gives "Assamese". A phrase holding the asked noun ("Baroque style") ranks first.
 */
export function phraseValues(text: string, offset: number, asked: AskedWords): FoundValue[] {
  const isAsked = (word: TaggedWord) => word.text === '-' || asked.words.has(word.lower) || asked.words.has(plainWord(word.text)) || plainWord(word.text) === asked.gap
  const found: FoundValue[] = []
  const tagged = tagSentence(text)
  // A run of capitalised words (a menu, a list of links) names many things and states none of them.
  // The subject's own name, which a defining sentence repeats ("Andrew Lomax (judge) Sir Andrew Lomax,
  // KC (born 1954) is a British judge"), is no item of a menu.
  const lettered = tagged.filter((word) => HAS_LETTER.test(word.text))
  if (lettered.length > 12 && lettered.filter((word) => CAPITALISED.test(word.text) && !asked.words.has(word.lower)).length > 0.6 * lettered.length) return []
  const isGap = (word: TaggedWord) => asked.gap !== undefined && plainWord(word.text) === asked.gap
  if (asked.cause) return causeValues(text, offset, tagged)
  if (asked.expands !== undefined) return expansionValues(text, offset, tagged, asked.expands)
  for (const phrase of nounPhrases(tagged)) {
    // A denied phrase ("there is no default tuning") states nothing.
    if (phrase.words.some((word) => word.negated)) continue
    const last = phrase.first + phrase.words.length - 1
    const at = phrase.words.findIndex(isGap)
    let words: TaggedWord[]
    let strength: number
    let defines = false
    let namesSubject = false
    if (at >= 0) {
      // Typed by the asked noun: "the Whig party", "an historic First Period house", "the operator JR East", "style: Baroque".
      const after = phrase.words.slice(at + 1)
      const next = nounPhrases(tagged).find((other) => other.first === last + 2 && tagged[last + 1]?.text === ':')
      // A name after the asked noun names it ("the operator JR East"); else the words before it do ("an Assamese-language television series").
      if (after.length > 0 && after.every((word) => word.pos === 'PROPN')) words = after
      else if (next && after.length === 0) words = next.words
      // The asked noun in lower case modifying a noun the question does not name ("a figure in Chinese
      // sports history") types that noun, not the answer; in a name it still types it ("a Labor Party member").
      else if (LOWER_CASE.test(phrase.words[at]!.text) && after.some((word) => !isAsked(word))) continue
      else {
        words = phrase.words.slice(0, at)
        while (words.length > 1 && words[0]!.pos === 'ADJ' && !CAPITALISED.test(words[0]!.text)) words = words.slice(1)
      }
      strength = 0
    } else {
      // Only a phrase typed by the asked noun or said of the question's subject can answer; any other noun is about something else.
      const frame = predicateFrame(tagged, phrase.first, last, (word) => asked.words.has(word.lower))
      if (!frame) continue
      // A measure of a thing ("rolls of paper") is shown with the thing.
      const ofPhrase = frame === 'object' && tagged[last + 1]?.lower === 'of' ? nounPhrases(tagged).find((other) => other.first === last + 2) : undefined
      words = ofPhrase ? [...phrase.words, tagged[last + 1]!, ...ofPhrase.words] : phrase.words
      strength = FRAME_STRENGTH[frame]
      // The object of the question's verb fills the asked slot whatever its subject's words; a bracket or copula must name the subject.
      const named = frame !== 'object' && tagged[last + 1]?.lower !== 'of' && namedJustBefore(tagged, phrase.first, (word) => asked.words.has(word.lower))
      defines = (asked.definingFrames ?? []).includes(frame) && (frame === 'object' || named)
      namesSubject = named && frame === 'apposition'
    }
    // A name is kept whole ("Odakyu Electric Railway"); a description loses the question's words at its ends.
    const name = words.every((word) => word.pos === 'PROPN') && words.some((word) => !isAsked(word))
    while (!name && words.length > 0 && isAsked(words[0]!)) words = words.slice(1)
    while (!name && words.length > 0 && isAsked(words[words.length - 1]!)) words = words.slice(0, -1)
    if (words.length === 0 || (strength > 0 && words.every((word) => word.pos === 'ADJ'))) continue
    // A name holding the question's words inside it is the subject's own name, not its answer.
    if (words.some((word) => word.pos === 'PROPN' && isAsked(word) && word.text !== '-')) continue
    const start = words[0]!.start
    const end = words[words.length - 1]!.end
    const label = labelOf(words.filter((word) => !isAsked(word)))
    found.push({ kind: 'entity', display: text.slice(start, end), comparable: { type: 'label', label }, start: offset + start, end: offset + end, strength, ...(strength === 0 ? { typed: true } : {}), ...(defines ? { defines } : {}), ...(namesSubject ? { namesSubject } : {}) })
  }
  return found
}

/**
 * The label a phrase is compared by: its words in plain form. In a description (a phrase ending in a
 * common noun written in lower case), capitalised words before it say where the thing is from, not
 * what it is: "a British comedy" and "an American romantic comedy" are both comedies, "an English
 * professional footballer" and "a Welsh professional footballer" both footballers. A name ("Ice
 * Hockey", "the Whig party" typed by its noun) keeps every word.
 */
function labelOf(words: TaggedWord[]): string {
  const last = words[words.length - 1]
  const description = last !== undefined && last.pos === 'NOUN' && LOWER_CASE.test(last.text)
  return words
    .filter((word) => !description || word === last || !CAPITALISED.test(word.text))
    .map((word) => plainWord(word.text))
    .join(' ')
}

/**
 * Whether a sentence says the asked thing happened: the question's verb (or the noun of its
 * action) read with wink-nlp's negation flag: "The deal was not signed" → no, "signed the deal" → yes.
 */
export function outcomeValues(text: string, offset: number, asked: AskedWords): FoundValue[] {
  return outcomeReadings(tagSentence(text), askedStemsOf(asked.words)).map(({ start, end, label }) => ({
    kind: 'outcome' as const,
    display: text.slice(start, end),
    comparable: { type: 'label' as const, label },
    start: offset + start,
    end: offset + end,
    typed: true,
  }))
}

/** The stems of a question's words, once per question (per `AskedWords.words` set): every answering sentence is read against them. */
const askedStems = new WeakMap<Set<string>, Set<string>>()

function askedStemsOf(words: Set<string>): Set<string> {
  let stems = askedStems.get(words)
  if (!stems) askedStems.set(words, (stems = new Set([...words].map(stem))))
  return stems
}

/**
 * True when a question word (the subject's name) stands right before the link of the phrase at
 * `first` ("Monkey Grip is a…", "Butler (baseball)"), past the determiners, numbers and adverbs
 * between them; a pronoun subject ("It is an adaptation…") may refer to anything.
 */
function namedJustBefore(words: TaggedWord[], first: number, isSubject: (word: TaggedWord) => boolean): boolean {
  let i = first - 1
  while (i >= 0 && ['DET', 'NUM', 'ADV'].includes(words[i]!.pos)) i--
  for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
    if (isSubject(words[j]!)) return true
    if (words[j]!.pos === 'PRON') return false
  }
  return false
}

/** How far from the question's words a value of each frame counts as standing: a copula states, a bracket only labels. */
export const FRAME_STRENGTH: Record<PredicateFrame, number> = { copula: 20, object: 30, apposition: 40, as: 40, bracket: 80 }
