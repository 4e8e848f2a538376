import { QUESTION_STOP_WORDS } from '../analyzer.js'
import { readTokens } from '../nlp.js'
import { HAS_LETTER } from '../letter-patterns.js'


/**
 * Noun phrases read by wink-nlp's part-of-speech tags, for answers that are names of things
 * ("What sport is X associated with?" → "ice hockey"; "Which line is the station on?" →
 * "Koltsevaya line"). No word list: a phrase is a run of adjectives, nouns and proper nouns, and
 * its value is what remains once the question's own words are trimmed from its ends.
 */

/** A word of a sentence as wink-nlp tags it, with offsets relative to the sentence. */
export interface TaggedWord {
  text: string
  lower: string
  /** wink-nlp's lemma, lower case: "pay" for "paid", so an irregular form matches the question's verb. */
  lemma: string
  pos: string
  negated: boolean
  start: number
  end: number
}

/** A noun phrase: a run of adjectives, nouns and proper nouns, offsets relative to the sentence. */
export interface NounPhrase {
  words: TaggedWord[]
  /** Index of the phrase's first word among the sentence's words. */
  first: number
  start: number
  end: number
}

const PHRASE_TAGS = new Set(['ADJ', 'NOUN', 'PROPN'])

/** The words of `text` with wink-nlp's tags and negation flags, offsets into `text`. */
export function tagWords(text: string): TaggedWord[] {
  const { values, tags, lemmas, negations } = readTokens(text)
  const words: TaggedWord[] = []
  let cursor = 0
  values.forEach((value, i) => {
    const at = text.indexOf(value, cursor)
    if (at < 0) return
    cursor = at + value.length
    words.push({ text: value, lower: value.toLowerCase(), lemma: (lemmas[i] ?? value).toLowerCase(), pos: tags[i] ?? 'X', negated: Boolean(negations[i]), start: at, end: cursor })
  })
  return words
}

/** The noun phrases of tagged words; a hyphen written without spaces joins two words of one phrase ("Assamese-language"). */
export function nounPhrases(words: TaggedWord[]): NounPhrase[] {
  const phrases: NounPhrase[] = []
  let run: TaggedWord[] = []
  let first = 0
  const close = () => {
    if (run.length > 0) phrases.push({ words: run, first, start: run[0]!.start, end: run[run.length - 1]!.end })
    run = []
  }
  words.forEach((word, i) => {
    const next = words[i + 1]
    const previous = words[i - 1]
    const joins = word.text === '-' && run.length > 0 && previous?.end === word.start && next?.start === word.end && PHRASE_TAGS.has(next.pos)
    if (PHRASE_TAGS.has(word.pos) && HAS_LETTER.test(word.text)) {
      if (run.length === 0) first = i
      run.push(word)
    }
    else if (joins) run.push(word)
    else close()
  })
  close()
  return phrases
}

/** A word's plain form for comparing: lower case, a plural "s" and a possessive dropped. */
export function plainWord(word: string): string {
  return word.toLowerCase().replace(/[’']s?$/, '').replace(/(?<=[^s])s$/, '')
}

/**
 * The noun a "what"/"which" question asks a name of: "What sport…" → "sport", "What is the genre
 * of…" → "genre", "…of which sports team?" → "team", "What type of institution…" → "institution".
 * Undefined when the question asks no such thing ("What did she say?", "What happened?").
 */
export function gapNounOf(question: string): string | undefined {
  // Most questions have neither word: skip tagging them (a tagged word's text is a piece of the question).
  if (!/what|which/i.test(question)) return undefined
  // One answer asks this of its question up to three times (its kind, its compared values, a declined
  // question's dispute): the last question's noun is kept. One question only, so no earlier answer is looked up.
  if (lastGap?.question !== question) lastGap = { question, noun: gapNounOfTagged(tagWords(question)) }
  return lastGap.noun
}

let lastGap: { question: string; noun: string | undefined } | undefined

function gapNounOfTagged(words: TaggedWord[]): string | undefined {
  const at = words.findIndex((word) => word.lower === 'what' || word.lower === 'which')
  if (at < 0) return undefined
  let i = at + 1
  const copula = ['is', 'was', 'are', 'were'].includes(words[i]?.lower ?? '')
  // "What is the genre of X?" / "What was the name of…" / "What is another name for…": the noun after the copula and determiner.
  if (copula && words[i + 1]?.pos === 'DET') i += 2
  // "What is X's profession?": the noun after the subject's possessive, ending the question.
  const possessive = copula ? words.findIndex((word, j) => j > i && word.pos === 'PART' && /^[’']s?$/.test(word.text)) : -1
  if (possessive > 0 && words[possessive + 1]?.pos === 'NOUN' && !PHRASE_TAGS.has(words[possessive + 2]?.pos ?? '')) return words[possessive + 1]!.lower
  let noun: TaggedWord | undefined
  // A hyphen written without spaces joins two words of one noun ("modern-day name").
  const joined = (j: number) => words[j]?.text === '-' && words[j - 1]?.end === words[j]!.start && words[j + 1]?.start === words[j]!.end
  for (; words[i] && (PHRASE_TAGS.has(words[i]!.pos) || joined(i)); i++) {
    if (joined(i)) continue
    // "What type of institution Fontbonne is": the subject's name ends the asked noun.
    if (noun?.pos === 'NOUN' && words[i]!.pos === 'PROPN') break
    noun = words[i]
    // "What type of music": a common noun after "of" names the kind ("of Peter Bergman" names the subject).
    if (words[i + 1]?.lower === 'of' && words[i + 2]?.pos === 'NOUN') i++
  }
  if (!noun || noun.pos !== 'NOUN') return undefined
  return noun.lower
}

/**
 * How a phrase is said of the question's subject, strongest first: "X is a…", "X stored plastic
 * pellets" (the object of the question's own verb), "X, a…", "known as…", "X (…)".
 */
export type PredicateFrame = 'copula' | 'object' | 'apposition' | 'as' | 'bracket'

/**
 * How the phrase of words `first`…`last` is said of something just named or pointed to: "X is a
 * football stadium", "X, a renowned chess player,", "was elected as a Republican", "X (ice hockey)".
 * Undefined when it is not. `isSubject` says which words name the thing asked about.
 */
export function predicateFrame(words: TaggedWord[], first: number, last: number, isSubject: (word: TaggedWord) => boolean): PredicateFrame | undefined {
  let i = first - 1
  // Determiners, numbers and adverbs may stand between the link and the phrase: "is a 2009 American drama film".
  while (i >= 0 && ['DET', 'NUM', 'ADV'].includes(words[i]!.pos)) i--
  const link = words[i]
  if (!link) return undefined
  const determined = i < first - 1
  // The subject stands just before the link, maybe behind a closing quote or bracket.
  const subjectBefore = (at: number, span: number) => {
    for (let j = at - 1; j >= Math.max(0, at - span); j--) if (isSubject(words[j]!) || (words[j]!.pos === 'PRON' && words[j]!.lower !== 'there')) return true
    return false
  }
  if (['is', 'was', 'are', 'were', 'be', 'been', 'became', 'becomes', 'remains', 'remained'].includes(link.lower)) return subjectBefore(i, 3) ? 'copula' : undefined
  if (link.text === ',') return determined && subjectBefore(i, 2) ? 'apposition' : undefined
  if (link.lower === 'as') return words[i - 1]?.pos === 'VERB' && subjectBefore(i - 1, 3) ? 'as' : undefined
  if (link.text === '(') return words[last + 1]?.text === ')' && subjectBefore(i, 1) ? 'bracket' : undefined
  // The question's own verb with its subject before it: "The warehouse, owned by Tamsin Roe, stored plastic pellets", asked what was stored.
  // The subject must be one of the question's content words, not a function word the question shares
  // ("was", "the") nor a pronoun, which may stand for anyone ("who found the leopard asleep").
  if (link.pos === 'VERB' && (isSubject(link) || isSubject({ ...link, lower: link.lemma }))) {
    for (let j = i - 1; j >= Math.max(0, i - 8); j--) if (isSubject(words[j]!) && !QUESTION_STOP_WORDS.has(words[j]!.lower) && words[j]!.pos !== 'PRON') return 'object'
    return undefined
  }
  return undefined
}
