import { stemmer } from 'stemmer'

/** A word found in a text, with its span. `word` is lower-cased, dots of acronyms removed. */
export interface Token {
  word: string
  start: number
  end: number
}

/**
 * Letters (with combining marks) or digits; dotted acronyms ("U.S.") count as one word. Letters and
 * digits are separate tokens, so "12-hour" gives "12" and "hour" and matches "hours".
 */
const TOKEN = /(?:\p{L}\.){2,}|\p{L}[\p{L}\p{M}]*|\p{N}+(?:[.,]\p{N}+)*/gu

/** Splits text into word tokens with their offsets. Single letters are dropped: they carry no meaning alone. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  for (const match of text.matchAll(TOKEN)) {
    const token = tokenOf(match)
    if (token) tokens.push(token)
  }
  return tokens
}

/**
 * The word of `tokenize(text)[0]`, found without tokenising the rest: a build asks it of every
 * sentence (`isImperative`). An empty string when `text` has no token.
 */
export function firstWord(text: string): string {
  for (const match of text.matchAll(TOKEN)) {
    const token = tokenOf(match)
    if (token) return token.word
  }
  return ''
}

/** The token a match of `TOKEN` gives, or `undefined` for a single letter. */
function tokenOf(match: RegExpMatchArray): Token | undefined {
  const raw = match[0]
  const start = match.index ?? 0
  let end = start + raw.length
  let word = raw.toLowerCase()
  if (word.includes('.') && /\p{L}/u.test(word)) {
    word = word.replace(/\./g, '')
  } else if (/[.,]$/.test(word)) {
    word = word.slice(0, -1)
    end -= 1
  }
  if (word.length < 2 && !/\p{N}/u.test(word)) return undefined
  return { word, start, end }
}

/**
 * Lucene's 33 English stop words: the list behind Anserini's BM25 baselines. Short on purpose:
 * BM25's IDF already discounts common words, and a longer list drops words questions hinge on.
 */
export const INDEX_STOP_WORDS: ReadonlySet<string> = new Set(
  'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'.split(' '),
)

/**
 * Function words of English questions (a general list in the spirit of NLTK's): they say how a
 * question is asked, not what it is about, so they never count as evidence that a passage answers it.
 */
export const QUESTION_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him himself his ' +
    'how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out ' +
    'over own same she should so some such than that the their theirs them themselves then there these they this those through to too ' +
    'under until up very was we were what when where which while who whom why will with would you your yours yourself yourselves ' +
    'tell know say said says please anything something thing things happen happened happening get got getting give gave given ' +
    'much many long ever also whose there\'s what\'s whats hey hi hello ok okay explain describe mean meant ' +
    // Chat filler: how people pad a question in a chat, never what it is about.
    'exactly precisely quick question questions really actually basically just anyone someone thanks thank guys folks ' +
    // Indefinite pronouns: "was anybody hurt?" asks about "hurt", as "was anyone hurt?" does.
    'anybody somebody everybody everyone nobody ' +
    // "What is his name?" asks for a name: the word frames the question, as "how many" does.
    'name'
  ).split(' '),
)

/** Porter stem of a lower-cased word; numbers stay as they are. */
export function stem(word: string): string {
  if (/\p{N}/u.test(word)) return word.replace(/,/g, '')
  return stemmer(word)
}

/**
 * minisearch's `processTerm` for the index and for queries: lower-case, drop index stop words, stem.
 * Returns null for a dropped term, as minisearch expects.
 */
export function processTerm(term: string): string | null {
  const word = term.toLowerCase()
  if (INDEX_STOP_WORDS.has(word)) return null
  return stem(word)
}

/** minisearch's `tokenize`: the words of `text` as strings. */
export function tokenizeToWords(text: string): string[] {
  return tokenize(text).map((token) => token.word)
}
