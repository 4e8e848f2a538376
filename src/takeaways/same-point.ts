import { QUESTION_STOP_WORDS, tokenize, type Token } from '../analyzer.js'
import { readSentenceText, type SentenceReading } from '../reading.js'
import { stemOf, type CorpusIndex } from '../search.js'
import { LIGHT_VERBS } from './fact.js'
import type { SoftSimilarity } from './similarity.js'
import type { Unit } from './types.js'
import { DISCOURSE_WORDS, type WordTerm, type WordTerms } from './vectors.js'

/** Who does what in a sentence, as far as telling two points apart needs. */
interface PointRoles {
  /** Stems of the names acting: the last word of each name before the main verb ("Mayor Tom Ellison ordered" gives "ellison"). */
  actors: string[]
  /** Stems of the common nouns: what the action is done to or about. */
  nouns: string[]
  /** Stems of the verbs that say what happened, without saying-verbs ("said") and light ones ("be", "have"). */
  verbs: string[]
}

/**
 * Whether two sentences that share words state the same point: someone one of them names as acting is
 * named by the other too (a passive or a quote may name them anywhere), and they share a noun, itself
 * or a synonym, so the shared words are about the same thing. Roles are read with the part-of-speech
 * tagger on first need, as only pairs already similar enough are checked.
 */
export function createPointCheck(index: CorpusIndex, names: ReadonlySet<string>, similarity: SoftSimilarity): (a: Unit, b: Unit, close: boolean) => boolean {
  const cache = new Map<Unit, PointRoles>()
  const wordOf = createRoleWords(index)
  const rolesOf = (unit: Unit) => {
    let roles = cache.get(unit)
    if (!roles) cache.set(unit, (roles = readRoles(names, unit.text, wordOf, unit.reading)))
    return roles
  }
  const namedIn = (actors: string[], other: Unit) => actors.length === 0 || actors.some((actor) => other.vector.has(actor))
  const shares = (terms: string[], other: Unit) =>
    terms.some((term) => other.vector.has(term) || similarity.links(term).some((link) => other.vector.has(link.term)))
  const sharesName = (a: Unit, b: Unit) => {
    for (const term of a.vector.keys()) if (names.has(term) && b.vector.has(term)) return true
    return false
  }
  return (a, b, close) => {
    const [left, right] = [rolesOf(a), rolesOf(b)]
    if (!namedIn(left.actors, b) && !namedIn(right.actors, a)) return false
    if (!shares(left.nouns, b) && !shares(right.nouns, a)) return false
    // A close match, or one about the same named person, may say the action in other words ("call
    // them back", "invite them back"; "X defeated Y", "ends Y's eight years"); a looser one must name
    // the same action, unless one sentence names none ("a walkout of 1,800 dockers").
    if (close || sharesName(a, b)) return true
    return left.verbs.length === 0 || right.verbs.length === 0 || shares(left.verbs, b) || shares(right.verbs, a)
  }
}

/** A token as roles read it: lower-cased without a possessive "'s", and its stem. */
interface RoleWord {
  word: string
  stem: string
}

/** `RoleWord`s, each worked out once per build: the same tokens recur in sentence after sentence. */
function createRoleWords(index: CorpusIndex): (token: string) => RoleWord {
  const known = new Map<string, RoleWord>()
  return (token) => {
    let found = known.get(token)
    if (!found) {
      // Bounded like the other memos of a build, so a huge corpus cannot exhaust memory through it.
      if (known.size >= MAX_ROLE_WORDS) known.clear()
      const word = token.toLowerCase().replace(/[’']s$/, '')
      known.set(token, (found = { word, stem: stemOf(index, word) }))
    }
    return found
  }
}

/** Most tokens `createRoleWords` remembers before it starts again. */
const MAX_ROLE_WORDS = 500_000

function readRoles(names: ReadonlySet<string>, text: string, wordOf: (token: string) => RoleWord, reading?: SentenceReading): PointRoles {
  const { tokens, tags } = reading ?? readSentenceText(text)
  const verbAt = tags.indexOf('VERB')
  const actors: string[] = []
  const nouns: string[] = []
  const verbs: string[] = []
  tokens.forEach((token, i) => {
    const { word, stem } = wordOf(token)
    if (tags[i] === 'PROPN' && i < (verbAt < 0 ? tokens.length : verbAt) && tags[i + 1] !== 'PROPN' && names.has(stem)) actors.push(stem)
    if (QUESTION_STOP_WORDS.has(word) || DISCOURSE_WORDS.has(word)) return
    if (tags[i] === 'NOUN' || (tags[i] === 'PROPN' && !names.has(stem))) nouns.push(stem)
    else if (tags[i] === 'VERB' && !LIGHT_VERBS.has(word)) verbs.push(stem)
  })
  return { actors, nouns, verbs }
}

/** Words in a run that `phrasesOf` keeps: long enough to be a sentence's own wording, not a set phrase. */
const PHRASE_WORDS = 5

/** Words of a kept run that must be neither function words nor names: "President X and Prime Minister Y" is every sentence's. */
const PHRASE_CONTENT_WORDS = 2

/**
 * Runs of `PHRASE_WORDS` words holding at least `PHRASE_CONTENT_WORDS` content words that are not
 * names ("invasion of the country in 2022"). A sentence that repeats such a run repeats its point,
 * as a summary line does with the paragraph after it. `tokens` are the text's own, when tokenised
 * already, and `terms` a build's memo of words (`createWordTerms`).
 */
export function phrasesOf(index: CorpusIndex, names: ReadonlySet<string>, text: string, tokens: readonly Token[] = tokenize(text), terms?: WordTerms): Set<string> {
  const termOf = terms ?? ((word: string) => ({ stop: QUESTION_STOP_WORDS.has(word) || DISCOURSE_WORDS.has(word), name: names.has(stemOf(index, word)) }))
  return phrasesOfTerms(
    tokens.map((token) => token.word),
    tokens.map((token) => termOf(token.word)),
  )
}

/** `phrasesOf` the words of a text, each read already (`stop`, `name`), as a build reads each token once. */
export function phrasesOfTerms(words: readonly string[], wordTerms: ReadonlyArray<Pick<WordTerm, 'stop' | 'name'>>): Set<string> {
  const content = wordTerms.map(({ stop, name }) => !stop && !name)
  const phrases = new Set<string>()
  // Content words in the run of `PHRASE_WORDS` words starting at i, kept as the run slides along.
  let inRun = 0
  for (let i = 0; i < Math.min(PHRASE_WORDS, words.length); i++) if (content[i]) inRun++
  for (let i = 0; i + PHRASE_WORDS <= words.length; i++) {
    if (i > 0) inRun += (content[i + PHRASE_WORDS - 1] ? 1 : 0) - (content[i - 1] ? 1 : 0)
    if (inRun >= PHRASE_CONTENT_WORDS) phrases.add(words.slice(i, i + PHRASE_WORDS).join(' '))
  }
  return phrases
}

/**
 * Two sentences state the same point only when they share at least this many specific terms: a
 * short sentence can pass the cosine threshold on a single word ("failure", "dominated").
 */
export const MIN_SHARED_TERMS = 2

/** Two sentences that both state numbers, none of them shared, give different values: not the same point. */
export function numbersAgree(a: Unit, b: Unit): boolean {
  if (a.numbers.size === 0 || b.numbers.size === 0) return true
  for (const number of a.numbers) if (b.numbers.has(number)) return true
  return false
}
