import { stemmer } from 'stemmer'
import { HAS_DIGIT, HAS_LETTER } from './letter-patterns.js'


/** A word found in a text, with its span. `word` is lower-cased, dots of acronyms removed. */
export interface Token {
  word: string
  start: number
  end: number
}

/**
 * Splits text into word tokens with their offsets: letters (with combining marks) or digits; dotted
 * acronyms ("U.S.") count as one word. Letters and digits are separate tokens, so "12-hour" gives
 * "12" and "hour" and matches "hours". This is the pattern `(?:\p{L}\.){2,}|\p{L}[\p{L}\p{M}]*|\p{N}+(?:[.,]\p{N}+)*` (flag `u`), matched by character
 * codes (`scanTokens`): a build tokenises every sentence several times, and a regex match makes an
 * array with its index and input per token, much of a build's garbage. Single letters are dropped:
 * they carry no meaning alone.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  scanTokens(text, (start, end) => {
    const word = wordOf(text, start, end)
    if (word !== undefined) tokens.push({ word, start, end })
    return false
  })
  return tokens
}

/**
 * The word of `tokenize(text)[0]`, found without tokenising the rest: a build asks it of every
 * sentence (`isImperative`). An empty string when `text` has no token.
 */
export function firstWord(text: string): string {
  let word = ''
  scanTokens(text, (start, end) => {
    word = wordOf(text, start, end) ?? ''
    return word !== ''
  })
  return word
}

/**
 * The word the characters `start` to `end` of `text` give, or `undefined` for a single letter. Only
 * a dotted acronym's match holds both a dot and a letter ("U.S." is "us"); a number's keeps its dot.
 */
function wordOf(text: string, start: number, end: number): string | undefined {
  let word = text.slice(start, end).toLowerCase()
  if (word.includes('.') && HAS_LETTER.test(word)) word = word.replace(/\./g, '')
  return word.length < 2 && !HAS_DIGIT.test(word) ? undefined : word
}

/** Kinds of code point the token pattern tells apart. */
const OTHER = 1
const LETTER = 2
const MARK = 3
const NUMBER = 4

/** Kind of each UTF-16 code unit below the surrogates, filled on first sight (0: not yet known). */
const kindOfUnit = new Uint8Array(0xd800)

const IS_LETTER = /^\p{L}$/u
const IS_MARK = /^\p{M}$/u
const IS_NUMBER = /^\p{N}$/u

/** The kind of the code point `code`, as `\p{L}`, `\p{M}` and `\p{N}` tell it. */
function kindOf(code: number): number {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) ? LETTER : code >= 0x30 && code <= 0x39 ? NUMBER : OTHER
  if (code < 0xd800 && kindOfUnit[code] !== 0) return kindOfUnit[code] as number
  const char = String.fromCodePoint(code)
  const kind = IS_LETTER.test(char) ? LETTER : IS_MARK.test(char) ? MARK : IS_NUMBER.test(char) ? NUMBER : OTHER
  if (code < 0xd800) kindOfUnit[code] = kind
  return kind
}

/**
 * Calls `visit` with the start and end of each match of the token pattern in `text`, in order, until
 * it returns true. At each code point the pattern's branches are tried in its order: two or more
 * letter-dot pairs, then letters with marks, then digits with `.` or `,` between groups, each as long
 * as it goes; a code point that starts none is skipped.
 */
function scanTokens(text: string, visit: (start: number, end: number) => boolean): void {
  const n = text.length
  let i = 0
  while (i < n) {
    const code = text.codePointAt(i) as number
    const width = code > 0xffff ? 2 : 1
    const kind = kindOf(code)
    if (kind === LETTER) {
      let j = i
      let pairs = 0
      while (j < n) {
        const next = text.codePointAt(j) as number
        const nextWidth = next > 0xffff ? 2 : 1
        if (kindOf(next) !== LETTER || text.charCodeAt(j + nextWidth) !== 0x2e) break
        j += nextWidth + 1
        pairs++
      }
      if (pairs < 2) {
        j = i + width
        while (j < n) {
          const next = text.codePointAt(j) as number
          const nextKind = kindOf(next)
          if (nextKind !== LETTER && nextKind !== MARK) break
          j += next > 0xffff ? 2 : 1
        }
      }
      if (visit(i, j)) return
      i = j
    } else if (kind === NUMBER) {
      let j = digitsEnd(text, i + width)
      while (j + 1 < n) {
        const separator = text.charCodeAt(j)
        if (separator !== 0x2e && separator !== 0x2c) break
        const next = text.codePointAt(j + 1) as number
        if (kindOf(next) !== NUMBER) break
        j = digitsEnd(text, j + 1 + (next > 0xffff ? 2 : 1))
      }
      if (visit(i, j)) return
      i = j
    } else i += width
  }
}

/** The end of the run of digits (`\p{N}`) from `at`. */
function digitsEnd(text: string, at: number): number {
  let j = at
  while (j < text.length) {
    const code = text.codePointAt(j) as number
    if (kindOf(code) !== NUMBER) break
    j += code > 0xffff ? 2 : 1
  }
  return j
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

/** Words whose stems `stem` keeps: a chat's and a corpus's working vocabulary, a few MB at most. */
const MAX_KEPT_STEMS = 50_000

/**
 * Stems already worked out, by word. Porter's stemmer was 4% of an ask (the claims stem every word of
 * the answering sentences at every question); the stem of a word never changes, so the memory is
 * dropped whole when full, never consulted for anything but the word itself.
 */
const keptStems = new Map<string, string>()

/** Porter stem of a lower-cased word; numbers stay as they are. */
export function stem(word: string): string {
  let stemmed = keptStems.get(word)
  if (stemmed === undefined) {
    stemmed = HAS_DIGIT.test(word) ? word.replace(/,/g, '') : stemmer(word)
    if (keptStems.size >= MAX_KEPT_STEMS) keptStems.clear()
    keptStems.set(word, stemmed)
  }
  return stemmed
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
  const words: string[] = []
  scanTokens(text, (start, end) => {
    const word = wordOf(text, start, end)
    if (word !== undefined) words.push(word)
    return false
  })
  return words
}
