import { stem } from '../analyzer.js'
import { HEDGE_WORDS, UNIT_SECONDS } from './numbers.js'
import type { Word } from './read.js'

/** Auxiliaries and reporting verbs: never what a number is attached to. */
export const WEAK_VERBS = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', 'have', 'has', 'had', 'do', 'did', 'does', 'will', 'would', 'can', 'could', 'may', 'might', 'should', 'said', 'says', 'say', 'told', 'according', 'reported', 'left', 'put', 'stood', 'stands', 'reached', 'rose', 'climbed', 'fell', 'numbered', 'totalled', 'totaled'])
/** A number in a sentence that says it changed ("rose from 12 to 20") is two states of one thing, not a claim. */
export const CHANGE = /\bfrom\s+\S+\s+(?:\S+\s+)?to\s/i

/** Groups of words that name the same measured thing: a general thesaurus for news events. */
export interface MeasuredClass {
  name: string
  display: string
  /** For what happens to people: the predicate after "how many workers" ("were injured"). */
  phrase?: string
  words: string[]
}
export const MEASURED_CLASSES: MeasuredClass[] = [
  { name: 'talks', display: 'talks', words: ['talks', 'talk', 'negotiations', 'negotiation', 'negotiated', 'meetings', 'meeting', 'met', 'meet', 'discussions', 'discussion', 'summit', 'session', 'sessions', 'conference', 'consultations', 'convened', 'deliberations'] },
  { name: 'fire', display: 'fire', words: ['fire', 'fires', 'blaze', 'blazes', 'flames', 'inferno', 'wildfire', 'wildfires'] },
  { name: 'strike', display: 'strike', words: ['strike', 'strikes', 'walkout', 'stoppage'] },
  { name: 'outage', display: 'outage', words: ['outage', 'outages', 'blackout', 'blackouts'] },
  { name: 'match', display: 'match', words: ['match', 'game', 'fixture', 'final', 'cup', 'tie', 'clash', 'contest', 'bout'] },
  { name: 'opened', display: 'opening', words: ['opened', 'opening', 'reopened', 'unveiled', 'launched', 'launch'] },
  { name: 'died', phrase: 'died', display: 'people died', words: ['killed', 'kill', 'died', 'die', 'dead', 'deaths', 'death', 'fatalities', 'fatality', 'toll', 'perished', 'lives', 'drowned'] },
  { name: 'injured', phrase: 'were injured', display: 'people were injured', words: ['injured', 'injuries', 'wounded', 'hurt', 'injuring'] },
  { name: 'missing', phrase: 'are missing', display: 'people are missing', words: ['missing', 'unaccounted'] },
  { name: 'evacuated', phrase: 'were evacuated', display: 'people were evacuated', words: ['evacuated', 'evacuation', 'evacuations', 'displaced', 'fled'] },
  { name: 'people', display: 'people', words: ['people', 'persons', 'residents', 'inhabitants', 'population', 'individuals', 'civilians', 'citizens', 'victims'] },
  { name: 'founded', display: 'founded', words: ['founded', 'established', 'establishment', 'founding', 'created', 'formed', 'incorporated', 'inaugurated'] },
  { name: 'built', display: 'built', words: ['built', 'constructed', 'construction', 'erected', 'completed'] },
  { name: 'born', display: 'born', words: ['born', 'birth'] },
  { name: 'signed', display: 'signed', words: ['signed', 'signing', 'sign', 'ratified', 'concluded'] },
  { name: 'deal', display: 'deal', words: ['deal', 'acquisition', 'takeover', 'merger', 'buyout', 'transaction', 'purchase', 'bid', 'offer', 'valued', 'worth', 'value', 'valuing', 'acquire', 'acquired', 'buy', 'bought'] },
  { name: 'wind', display: 'wind speed', words: ['winds', 'wind', 'gusts', 'gust'] },
]
export const CLASS_BY_STEM = new Map<string, MeasuredClass>()
for (const measured of MEASURED_CLASSES) for (const word of measured.words) CLASS_BY_STEM.set(stem(word), measured)
/** Counts of people need a predicate (died, injured…) to say what is counted. */
export const GENERIC_COUNTED = new Set(['people'])
/** Words that mark a passing mention rather than what the article reports ("earlier", "last season"). */
export const OTHER_OCCASION = /\b(previous|previously|earlier|last (?:year|season|time|month|week)|first leg|half[- ]time|at the break|aggregate|led|leading|trailed|trailing|record|average|per year|a year|annually|each year|every)\b/i


/** A word that says what a number measures: its class when it has one, else its own stem. */
export interface Attachment {
  key: string
  display: string
  stems: string[]
}

export function attachmentOf(word: Word): Attachment {
  const measured = CLASS_BY_STEM.get(word.stem)
  if (measured) return { key: measured.name, display: measured.display, stems: measured.words.map(stem) }
  return { key: word.stem, display: word.lower, stems: [word.stem] }
}

export const isNoun = (word: Word | undefined) => word !== undefined && word.pos === 'NOUN'
export const isContent = (word: Word | undefined) => word !== undefined && (word.pos === 'NOUN' || (word.pos === 'VERB' && !WEAK_VERBS.has(word.lower)))

/** The noun right after a span, skipping adjectives and adverbs: "12-hour talks", "three hours of intense negotiations". */
export function nounAfter(words: Word[], last: number, chunk: number[], allowOf: boolean): Word | undefined {
  let i = last + 1
  if (allowOf && words[i]?.lower === 'of') i++
  for (let steps = 0; i < words.length && steps < 4 && chunk[i] === chunk[last]; i++, steps++) {
    const word = words[i]
    if (!word) break
    if (isNoun(word)) return word
    // A possessive name is a determiner: "40 percent of Sunday's departures".
    if (word.pos === 'PROPN' && /^[’']s$/.test(words[i + 1]?.text ?? '')) {
      i++
      continue
    }
    if (!['ADJ', 'ADV', 'DET', 'NUM'].includes(word.pos) && word.text !== '-') return undefined
  }
  return undefined
}

/**
 * The content word before a span in the same chunk that says what is measured: a word of a known
 * class ("killed", "talks") anywhere within reach wins over the nearest plain word; names, pronouns,
 * prepositions and units never count.
 */
export function contentBefore(words: Word[], first: number, chunk: number[], reach = 6): Word | undefined {
  let nearest: Word | undefined
  for (let i = first - 1; i >= 0 && first - i <= reach && chunk[i] === chunk[first]; i--) {
    const word = words[i] as Word
    if (word.pos === 'PROPN' || HEDGE_WORDS.has(word.lower) || UNIT_SECONDS[word.lower.replace(/s$/, '')] !== undefined) continue
    if (CLASS_BY_STEM.has(word.stem) && (isContent(word) || word.pos === 'ADJ')) return word
    if (!nearest && isContent(word)) nearest = word
  }
  return nearest
}

/** The nearest content word after a span in the same chunk ("14 people were killed"). */
export function verbAfter(words: Word[], last: number, chunk: number[], reach = 4): Word | undefined {
  for (let i = last + 1; i < words.length && i - last <= reach && chunk[i] === chunk[last]; i++) {
    const word = words[i]
    if (word?.pos === 'VERB' && !WEAK_VERBS.has(word.lower)) return word
    if (word?.pos === 'ADJ' && CLASS_BY_STEM.has(word.stem)) return word
  }
  return undefined
}

/**
 * True when a counted word names a kind of `head` by being a compound ending in it: an English
 * compound names a kind of its last part ("dockworkers" are workers, "steelworkers" too). The head
 * has four letters or more and the compound adds three or more before it ("dock" + "workers").
 */
export function isCompoundOf(counted: string, head: string): boolean {
  return head.length >= MIN_COMPOUND_HEAD && counted.length - head.length >= MIN_COMPOUND_LEAD && counted.endsWith(head) && /^[a-z]+$/.test(counted)
}

/** Fewest letters of a compound's head ("work" in "dockwork"), and of what stands before it ("dock"). */
export const MIN_COMPOUND_HEAD = 4
export const MIN_COMPOUND_LEAD = 3
