import type { ItemEntity } from 'wink-nlp'
import { stem } from './analyzer.js'
import { getNlp } from './nlp.js'
import { allPassages, articleText, stemOf, type CorpusIndex } from './search.js'
import type { DisagreementKind, Passage, Sentence } from './types.js'

/**
 * Typed claims extracted from sentences, once, when the corpus is indexed: quantities attached to
 * what they measure, who holds an office, and how an outcome is framed. Nothing here knows any
 * corpus: the word lists are general English (units, number words, offices, outcome words).
 */

/** What a quantity measures the size of. */
export type Dimension = 'duration' | 'count' | 'money' | 'percent' | 'date' | 'score'

/** A comparable value: an interval for numbers, fields for dates, a label otherwise. */
export type ClaimValue =
  | { type: 'number'; low: number; high: number; unit: string }
  | { type: 'date'; year?: number; month?: number; day?: number; weekday?: number }
  | { type: 'label'; label: string }

/** A verbatim stretch of an article: where a claim or a sentence stands. */
export interface ArticleSpan {
  sourceId: string
  passageId: string
  /** Offsets of `text` in the article. */
  start: number
  end: number
  /** Verbatim: `article.text.slice(start, end)`. */
  text: string
  /** From a headline or dek line rather than the body. */
  headline: boolean
}

/** One typed claim found in a sentence. */
export interface ExtractedClaim extends ArticleSpan {
  kind: DisagreementKind
  /** Claims with the same key are about the same thing and can conflict. */
  key: string
  /** What the claim is about, phrased for a reader: "how long the talks lasted". */
  topic: string
  /** Normalised value for display: "about 3 hours", "Ilse Marek", "positive". */
  value: string
  comparable: ClaimValue
  speaker?: string
  /** Stems of the thing measured or the office held: a question naming one of them is about this claim. */
  contextStems: string[]
  /** Stems of how it is measured (units, country, outcome words). */
  focusStems: string[]
  dimension?: Dimension
  /** Lower is a clearer statement of the value (a full name with its country): quoted first. */
  rank: number
}

/** A word as wink-nlp reads it, with offsets into the article. */
interface Word {
  text: string
  lower: string
  stem: string
  pos: string
  negated: boolean
  start: number
  end: number
}

interface ReadSentence extends ArticleSpan {
  words: Word[]
  entities: Array<{ type: string; first: number; last: number }>
}

/** Options for claim extraction. */
export interface ClaimOptions {
  /** Longest claim text in characters; longer sentences are clipped to the clause. Defaults to 280. */
  maxClaimChars?: number
  /** Relative tolerance of a hedged number ("roughly three hours"). Defaults to `0.2`. */
  hedgeTolerance?: number
}

export const DEFAULT_CLAIM_OPTIONS: Required<ClaimOptions> = { maxClaimChars: 280, hedgeTolerance: 0.2 }

// ---------------------------------------------------------------- word lists (general English)

const SMALL_NUMBERS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, dozen: 12, half: 0.5,
}
const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, mn: 1e6, k: 1e3 }
/** Seconds in each unit of time, by its singular name. */
export const UNIT_SECONDS: Record<string, number> = { second: 1, minute: 60, hour: 3600, day: 86400, week: 604800, month: 2629800, year: 31557600, decade: 315576000 }
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
const CURRENCY_SYMBOLS: Record<string, string> = { $: '$', '€': '€', '£': '£', '¥': '¥', dollar: '$', dollars: '$', euro: '€', euros: '€', pound: '£', pounds: '£', yen: '¥' }

const APPROXIMATE = new Set(['about', 'around', 'roughly', 'approximately', 'nearly', 'almost', 'some', 'estimated', 'approx', 'circa', 'reportedly'])
const LOWER_BOUND = [['at', 'least'], ['more', 'than'], ['over'], ['upwards', 'of'], ['in', 'excess', 'of'], ['no', 'fewer', 'than'], ['no', 'less', 'than']]
const UPPER_BOUND = [['within'], ['up', 'to'], ['less', 'than'], ['fewer', 'than'], ['under'], ['at', 'most'], ['as', 'many', 'as'], ['as', 'much', 'as']]
/** Auxiliaries and reporting verbs: never what a number is attached to. */
const WEAK_VERBS = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', 'have', 'has', 'had', 'do', 'did', 'does', 'will', 'would', 'can', 'could', 'may', 'might', 'should', 'said', 'says', 'say', 'told', 'according', 'reported', 'left', 'put', 'stood', 'stands', 'reached', 'rose', 'climbed', 'fell', 'numbered', 'totalled', 'totaled'])
/** A number in a sentence that says it changed ("rose from 12 to 20") is two states of one thing, not a claim. */
const CHANGE = /\bfrom\s+\S+\s+(?:\S+\s+)?to\s/i

/** Groups of words that name the same measured thing: a general thesaurus for news events. */
interface MeasuredClass {
  name: string
  display: string
  /** For what happens to people: the predicate after "how many workers" ("were injured"). */
  phrase?: string
  words: string[]
}
const MEASURED_CLASSES: MeasuredClass[] = [
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
const CLASS_BY_STEM = new Map<string, MeasuredClass>()
for (const measured of MEASURED_CLASSES) for (const word of measured.words) CLASS_BY_STEM.set(stem(word), measured)
/** Counts of people need a predicate (died, injured…) to say what is counted. */
const GENERIC_COUNTED = new Set(['people'])
/** Words that mark a passing mention rather than what the article reports ("earlier", "last season"). */
const OTHER_OCCASION = /\b(previous|previously|earlier|last (?:year|season|time|month|week)|first leg|half[- ]time|at the break|aggregate|led|leading|trailed|trailing|record|average|per year|a year|annually|each year|every)\b/i

/** Offices a person holds, as written before a name. Longest first so "Prime Minister" beats "Minister". */
const OFFICES = [
  'Vice President', 'President', 'Prime Minister', 'Deputy Prime Minister', 'Foreign Minister', 'Defence Minister', 'Defense Minister', 'Finance Minister',
  'Interior Minister', 'Trade Minister', 'Health Minister', 'Minister', 'Chancellor', 'Secretary of State', 'Secretary-General', 'Secretary General',
  'Governor', 'Deputy Mayor', 'Mayor', 'Sheriff', 'Fire Chief', 'Police Chief', 'King', 'Queen', 'Chief Executive', 'CEO', 'Chairman', 'Chairwoman', 'Chair', 'Premier', 'Speaker', 'Coach', 'Manager', 'Captain',
].sort((a, b) => b.length - a.length)
const OFFICE_FIRST_WORDS = `(?:${[...new Set(OFFICES.map((office) => office.split(/[\s-]/)[0]))].join('|')})\\b`
const STATUS_WORDS = '(?:[Ff]ormer|[Ee]x-|[Tt]hen-|[Oo]utgoing|[Ll]ate|[Ii]ncoming|[Ii]nterim|[Aa]cting|[Ss]itting|[Cc]urrent)'
const COUNTRY_ABBREVIATIONS = 'U\\.S\\.|US|U\\.K\\.|UK|EU|UN|U\\.N\\.'
const ROLE_PATTERN = new RegExp(
  `(?:(${STATUS_WORDS})\\s+)?(?:(${COUNTRY_ABBREVIATIONS}|[A-Z][a-z]+(?:\\s(?!${OFFICE_FIRST_WORDS})[A-Z][a-z]+)?)\\s+)?(${OFFICES.join('|')})\\s+((?:[A-Z][\\p{L}’'-]+|[A-Z]\\.)(?:\\s+(?:[A-Z][\\p{L}’'-]+|[A-Z]\\.)){0,3})(?:\\s+of\\s+(?:the\\s+)?([A-Z][a-z]+(?:\\s[A-Z][a-z]+)?))?`,
  'gu',
)
/**
 * Offices of a town, county or state: named without a country ("Mayor X", "City Mayor X", "the
 * county's sheriff, X"), they are one office when the corpus names one place for them.
 */
const LOCAL_OFFICES = new Set(['mayor', 'deputy mayor', 'governor', 'sheriff', 'fire chief', 'police chief'])
/** Qualifiers of a local office that name no particular place. */
const GENERIC_PLACES = new Set(['City', 'Town', 'County', 'State', 'Local', 'Regional', 'District', 'Municipal', 'Village', 'Borough'])
const LOCAL_APPOSITIVE = new RegExp(
  `\\b[Tt]he\\s+(?:(current|new|former|outgoing|interim|acting|sitting)\\s+)?(?:(\\p{Lu}\\p{Ll}+|[a-z]+[’']s)\\s+)?(${[...LOCAL_OFFICES].join('|')}),\\s+((?:\\p{Lu}[\\p{L}’'-]+)(?:\\s+\\p{Lu}[\\p{L}’'-]+){1,2})`,
  'gu',
)
const MAY_NAME_OFFICE = new RegExp(`\\b(?:${[...new Set(OFFICES.map((office) => office.split(/[\s-]/).pop()))].join('|')})\\b`)
const MAY_NAME_COUNTRY = /[a-z]\s+of\s+(?:the\s+)?[A-Z]/
const NAME_OF_COUNTRY = /([A-Z][\p{L}’'-]+(?:\s+[A-Z][\p{L}’'-]+){1,2})\s+of\s+(?:the\s+)?((?:[A-Z][a-z]+)(?:\s[A-Z][a-z]+)?)/gu

/**
 * Abbreviations and names that do not look like a demonym, to one key. Any other demonym before an
 * office ("Norlandic", "Veskan") keys as itself, so no list of countries is needed.
 */
const COUNTRIES: Record<string, string> = {}
for (const [key, names] of Object.entries({
  US: 'U.S.|US|USA|United States|America|American',
  UK: 'U.K.|UK|United Kingdom|Britain|British',
  EU: 'EU|European Union',
  UN: 'UN|U.N.|United Nations',
})) {
  for (const name of names.split('|')) COUNTRIES[name] = key
}
/** Capitalised words before an office that are not countries. */
const NOT_A_COUNTRY = new Set(['The', 'A', 'An', 'Then', 'When', 'While', 'As', 'If', 'But', 'And', 'New', 'Former', 'Our', 'Its', 'His', 'Her', 'Their', 'That', 'This', 'Deputy', 'Vice', 'Acting', 'Both', 'After', 'Before', 'Meanwhile'])

/** Outcome words: achieving one is progress, its absence is no deal. */
const OUTCOME_TARGETS = new Set(['progress', 'agreement', 'agreements', 'deal', 'breakthrough', 'breakthroughs', 'consensus', 'accord', 'ceasefire', 'truce', 'compromise', 'settlement', 'resolution', 'understanding', 'headway'].map(stem))
const ACHIEVE_VERBS = new Set(['made', 'make', 'making', 'reached', 'reach', 'struck', 'strike', 'secured', 'achieved', 'clinched', 'sealed', 'signed', 'agreed', 'produced', 'yielded', 'hailed', 'delivered', 'brokered', 'won'].map(stem))
const POSITIVE_WORDS = new Set(['productive', 'constructive', 'fruitful', 'successful', 'success', 'positive'].map(stem))
const NEGATIVE_WORDS = new Set(['stalemate', 'impasse', 'deadlock', 'failure', 'collapse', 'collapsed', 'elusive', 'fruitless', 'unproductive', 'inconclusive'].map(stem))
/** Words that deny what follows in their clause, beyond wink-nlp's own negation scope. */
const NEGATORS = new Set(['no', 'not', 'without', 'never', 'lack', 'lacked', 'lacking', 'absence', 'failed', 'fail', 'fails', 'failing', 'short', 'nothing', 'neither', 'nor', "n't", 'non'])
/** A clause that speculates or hopes is not a claim about what happened. */
const SPECULATIVE = new Set(['may', 'might', 'could', 'would', 'should', 'will', 'if', 'whether', 'hope', 'hoped', 'hopes', 'hoping', 'expected', 'likely', 'unlikely', 'aim', 'aimed', 'aiming', 'seek', 'sought', 'perhaps', 'possible', 'possibly', 'potential', 'potentially', 'require', 'requires', 'can', 'cannot', 'seen', 'viewed', 'interpreted', 'wished', 'wish', 'want', 'wanted', 'need', 'needs', 'must', 'difficulty', 'difficult', 'chance', 'attempt', 'effort', 'bid', 'interpret', 'suggested', 'suggest', 'suggests', 'initially', 'assertion', 'claim', 'perceived', 'perception'])
const REPORTING_VERBS = new Set(['said', 'says', 'say', 'told', 'described', 'describes', 'called', 'calls', 'hailed', 'hails', 'claimed', 'claims', 'asserted', 'asserts', 'asserting', 'declared', 'declares', 'insisted', 'insists', 'acknowledged', 'acknowledges', 'admitted', 'admits', 'noted', 'notes', 'argued', 'argues', 'stated', 'states', 'touted', 'praised', 'characterized', 'characterised', 'announced', 'conceded', 'warned'])
const EVENT_STEMS = new Set((MEASURED_CLASSES.find((c) => c.name === 'talks')?.words ?? []).concat(MEASURED_CLASSES.find((c) => c.name === 'match')?.words ?? []).map(stem))

/** Cheap tests, so that wink-nlp reads only sentences that can hold a claim. */
const MAY_HOLD_NUMBER = new RegExp(`\\d|\\b(?:${[...Object.keys(SMALL_NUMBERS), 'hundred', 'thousand', 'million', 'billion', 'percent'].join('|')})\\b`, 'i')
// Capitalised only: "may" the verb is far more common than May the month.
const MAY_HOLD_DATE = new RegExp(`\\b(?:${[...WEEKDAYS, ...MONTHS].map((name) => name.replace(/^./, (c) => c.toUpperCase())).join('|')})\\b`)
const MAY_STATE_OUTCOME = /stalemate|impasse|deadlock|failure|collaps|elusive|fruitless|unproductive|inconclusive|productive|constructive|fruitful|success|positive|fell short/i
const MAY_NAME_OUTCOME = /progress|agree|deal|breakthrough|consensus|accord|ceasefire|truce|compromis|settlement|resolution|understanding|headway/i
const MAY_QUALIFY_OUTCOME = /\b(?:no|not|without|never|lack\w*|absence|fail\w*|nor|neither|made|make|making|reach\w*|struck|strike|secured|achiev\w*|clinch\w*|sealed|signed|agreed|produced|yielded|hailed|delivered|brokered|won)\b|n[’']t\b/i

/** Cheap tests, so that wink-nlp reads only sentences that can hold a claim. */
function mayHoldQuantity(text: string): boolean {
  return MAY_HOLD_NUMBER.test(text) || MAY_HOLD_DATE.test(text)
}

function mayHoldOutcome(text: string): boolean {
  return MAY_STATE_OUTCOME.test(text) || (MAY_NAME_OUTCOME.test(text) && MAY_QUALIFY_OUTCOME.test(text))
}

// ---------------------------------------------------------------- reading sentences

function readSentence(index: CorpusIndex, text: string, sourceId: string, passage: Passage, sentence: Sentence, headline: boolean): ReadSentence {
  const nlp = getNlp()
  const its = nlp.its
  const sentenceText = text.slice(sentence.start, sentence.end)
  const doc = nlp.readDoc(sentenceText)
  const values = doc.tokens().out(its.value) as string[]
  const tags = doc.tokens().out(its.pos) as string[]
  const negations = doc.tokens().out(its.negationFlag) as unknown as boolean[]
  const words: Word[] = []
  let cursor = 0
  const indexByToken: number[] = []
  values.forEach((value, i) => {
    const at = sentenceText.indexOf(value, cursor)
    indexByToken.push(words.length)
    if (at < 0) return
    cursor = at + value.length
    const lower = value.toLowerCase()
    words.push({ text: value, lower, stem: stemOf(index, lower.replace(/[’']s$/, '')), pos: tags[i] ?? 'X', negated: Boolean(negations[i]), start: sentence.start + at, end: sentence.start + cursor })
  })
  const entities: ReadSentence['entities'] = []
  doc.entities().each((entity: ItemEntity) => {
    const [first, last] = entity.out(its.span) as unknown as [number, number]
    entities.push({ type: entity.out(its.type), first: indexByToken[first] ?? 0, last: indexByToken[last] ?? 0 })
  })
  return { sourceId, passageId: passage.id, start: sentence.start, end: sentence.end, text: sentenceText, headline, words, entities }
}

/** Token indices where a chunk (a stretch between punctuation) begins, for each word. */
function chunkIds(words: Word[]): number[] {
  const ids: number[] = []
  let id = 0
  for (const word of words) {
    if (word.pos === 'PUNCT' && /^[,;:—–()[\]“”"!?]$|^\.$/.test(word.text)) id++
    ids.push(id)
  }
  return ids
}

/** Clause boundaries: punctuation that ends a clause and the conjunctions that open a contrasting one. */
function isClauseBreak(word: Word): boolean {
  return (word.pos === 'PUNCT' && /^[;:—–]$/.test(word.text)) || ['but', 'while', 'whereas', 'although', 'though', 'however', 'yet'].includes(word.lower)
}

function clauseIds(words: Word[]): number[] {
  const ids: number[] = []
  let id = 0
  for (const word of words) {
    if (isClauseBreak(word)) id++
    ids.push(id)
  }
  return ids
}

// ---------------------------------------------------------------- numbers

/** Parses the number in words like "three", "12", "2.3 billion", "twenty-five", "12-hour". */
export function parseNumber(words: string[]): number | undefined {
  let total = 0
  let current = 0
  let seen = false
  for (const raw of words.flatMap((word) => word.toLowerCase().split(/[-‐]/))) {
    const word = raw.replace(/^[$€£¥]/, '')
    if (/^\d+(?:,\d{3})*(?:\.\d+)?$/.test(word)) {
      current += Number(word.replace(/,/g, ''))
      seen = true
    } else if (/^\d+(?:\.\d+)?(bn|m|k)$/.test(word)) {
      const match = /^(\d+(?:\.\d+)?)(bn|m|k)$/.exec(word)
      total += Number(match?.[1]) * (SCALES[match?.[2] === 'm' ? 'mn' : (match?.[2] ?? 'k')] ?? 1)
      seen = true
    } else if (word in SMALL_NUMBERS) {
      current += SMALL_NUMBERS[word] ?? 0
      seen = true
    } else if (word in SCALES && seen) {
      const scale = SCALES[word] ?? 1
      if (scale === 100) current *= scale
      else {
        total += current * scale
        current = 0
      }
    } else if ((word === 'a' || word === 'an') && !seen) {
      current = 1
    }
  }
  if (!seen) return undefined
  return total + current
}

/** How a hedge before a number widens it. */
type Hedge = 'exact' | 'approximate' | 'lower' | 'upper'

function hedgeBefore(words: Word[], first: number, chunk: number[]): Hedge {
  const before: string[] = []
  for (let i = Math.max(0, first - 3); i <= first; i++) if (chunk[i] === chunk[first]) before.push(words[i]?.lower ?? '')
  for (const phrase of LOWER_BOUND) if (containsPhrase(before, phrase)) return 'lower'
  for (const phrase of UPPER_BOUND) if (containsPhrase(before, phrase)) return 'upper'
  if (before.some((word) => APPROXIMATE.has(word))) return 'approximate'
  return 'exact'
}

function containsPhrase(words: string[], phrase: string[]): boolean {
  for (let i = 0; i + phrase.length <= words.length; i++) if (phrase.every((word, j) => words[i + j] === word)) return true
  return false
}

function interval(amount: number, hedge: Hedge, tolerance: number): { low: number; high: number } {
  if (hedge === 'approximate') return { low: amount * (1 - tolerance), high: amount * (1 + tolerance) }
  if (hedge === 'lower') return { low: amount, high: Infinity }
  if (hedge === 'upper') return { low: 0, high: amount }
  return { low: amount, high: amount }
}

const HEDGE_PREFIX: Record<Hedge, string> = { exact: '', approximate: 'about ', lower: 'at least ', upper: 'at most ' }

function formatAmount(amount: number): string {
  if (amount >= 1e9) return `${+(amount / 1e9).toFixed(2)} billion`
  if (amount >= 1e6) return `${+(amount / 1e6).toFixed(2)} million`
  // Not `toLocaleString`: it is slow, and a claim's value must not depend on the machine's locale data.
  return Number.isInteger(amount) ? String(amount).replace(/\B(?=(\d{3})+$)/g, ',') : String(+amount.toFixed(2))
}

// ---------------------------------------------------------------- what a number measures

/** A word that says what a number measures: its class when it has one, else its own stem. */
interface Attachment {
  key: string
  display: string
  stems: string[]
}

function attachmentOf(word: Word): Attachment {
  const measured = CLASS_BY_STEM.get(word.stem)
  if (measured) return { key: measured.name, display: measured.display, stems: measured.words.map(stem) }
  return { key: word.stem, display: word.lower, stems: [word.stem] }
}

const isNoun = (word: Word | undefined) => word !== undefined && word.pos === 'NOUN'
const isContent = (word: Word | undefined) => word !== undefined && (word.pos === 'NOUN' || (word.pos === 'VERB' && !WEAK_VERBS.has(word.lower)))

/** The noun right after a span, skipping adjectives and adverbs: "12-hour talks", "three hours of intense negotiations". */
function nounAfter(words: Word[], last: number, chunk: number[], allowOf: boolean): Word | undefined {
  let i = last + 1
  if (allowOf && words[i]?.lower === 'of') i++
  for (let steps = 0; i < words.length && steps < 4 && chunk[i] === chunk[last]; i++, steps++) {
    const word = words[i]
    if (!word) break
    if (isNoun(word)) return word
    if (!['ADJ', 'ADV', 'DET', 'NUM'].includes(word.pos) && word.text !== '-') return undefined
  }
  return undefined
}

/**
 * The content word before a span in the same chunk that says what is measured: a word of a known
 * class ("killed", "talks") anywhere within reach wins over the nearest plain word; names, pronouns,
 * prepositions and units never count.
 */
function contentBefore(words: Word[], first: number, chunk: number[], reach = 6): Word | undefined {
  let nearest: Word | undefined
  for (let i = first - 1; i >= 0 && first - i <= reach && chunk[i] === chunk[first]; i--) {
    const word = words[i] as Word
    if (word.pos === 'PROPN' || HEDGE_WORDS.has(word.lower) || UNIT_SECONDS[word.lower.replace(/s$/, '')] !== undefined) continue
    if (CLASS_BY_STEM.has(word.stem) && (isContent(word) || word.pos === 'ADJ')) return word
    if (!nearest && isContent(word)) nearest = word
  }
  return nearest
}
const HEDGE_WORDS = new Set([...APPROXIMATE, 'least', 'than', 'most', 'over', 'under', 'up', 'more', 'less', 'fewer'])

/** The nearest content word after a span in the same chunk ("14 people were killed"). */
function verbAfter(words: Word[], last: number, chunk: number[], reach = 4): Word | undefined {
  for (let i = last + 1; i < words.length && i - last <= reach && chunk[i] === chunk[last]; i++) {
    const word = words[i]
    if (word?.pos === 'VERB' && !WEAK_VERBS.has(word.lower)) return word
    if (word?.pos === 'ADJ' && CLASS_BY_STEM.has(word.stem)) return word
  }
  return undefined
}

// ---------------------------------------------------------------- quantity claims

interface Draft {
  kind: DisagreementKind
  key: string
  topic: string
  value: string
  comparable: ClaimValue
  /** Offsets of what the claim is about, to clip the text around. */
  spanStart: number
  spanEnd: number
  contextStems: string[]
  focusStems: string[]
  dimension?: Dimension
  speaker?: string
  rank?: number
}

function quantityDrafts(read: ReadSentence, settings: Required<ClaimOptions>): Draft[] {
  const { words, entities } = read
  if (CHANGE.test(read.text) || OTHER_OCCASION.test(read.text)) return scoreDrafts(read)
  const chunk = chunkIds(words)
  const drafts: Draft[] = []
  for (const entity of entities) {
    const span = words.slice(entity.first, entity.last + 1)
    const first = span[0]
    const last = span[span.length - 1]
    if (!first || !last) continue
    const base = { spanStart: first.start, spanEnd: last.end }
    const unitAt = span.findIndex((word) => UNIT_SECONDS[word.lower.replace(/s$/, '')] !== undefined)
    // wink-nlp reads "for six hours before dawn" as a time: its words up to the unit are a duration.
    if (entity.type === 'DURATION' || (entity.type === 'TIME' && unitAt > 0)) {
      const unitWord = span[unitAt]
      const amount = parseNumber(span.slice(0, unitAt < 0 ? span.length : unitAt).map((word) => word.text))
      if (!unitWord || amount === undefined || amount === 0) continue
      const unit = unitWord.lower.replace(/s$/, '')
      const lastAt = entity.type === 'TIME' ? entity.first + unitAt : entity.last
      const measured = nounAfter(words, lastAt, chunk, true) ?? durationSubject(words, entity.first, chunk)
      if (!measured || measured.pos !== 'NOUN' || UNIT_SECONDS[measured.lower.replace(/s$/, '')] !== undefined) continue
      const about = attachmentOf(measured)
      const hedge = hedgeBefore(words, entity.first, chunk)
      const seconds = amount * (UNIT_SECONDS[unit] ?? 1)
      drafts.push({
        spanStart: first.start,
        spanEnd: unitWord.end,
        kind: 'quantity',
        key: `duration:${about.key}`,
        topic: `how long the ${measured.lower} lasted`,
        value: `${HEDGE_PREFIX[hedge]}${formatAmount(amount)} ${unit}${amount === 1 ? '' : 's'}`,
        comparable: { type: 'number', ...interval(seconds, hedge, settings.hedgeTolerance), unit: 's' },
        contextStems: about.stems,
        focusStems: ['long', 'durat', 'last', 'took', 'time', stem(unit)],
        dimension: 'duration',
      })
    } else if (entity.type === 'MONEY') {
      const currency = span.map((word) => CURRENCY_SYMBOLS[word.lower]).find(Boolean) ?? CURRENCY_SYMBOLS[words[entity.last + 1]?.lower ?? '']
      const amount = parseNumber(span.map((word) => word.text))
      if (!currency || amount === undefined) continue
      const next = words[entity.last + 1]
      const perShare = (next?.lower === 'a' || next?.lower === 'per') && /^shares?$/.test(words[entity.last + 2]?.lower ?? '')
      const measured = perShare ? undefined : (nounAfter(words, entity.last, chunk, false) ?? contentBefore(words, entity.first, chunk) ?? nounAfter(words, entity.last + 1, chunk, false))
      if (!perShare && !measured) continue
      const about = perShare ? { key: 'per-share', display: 'price per share', stems: ['share', 'price', 'pai'] } : attachmentOf(measured as Word)
      const hedge = hedgeBefore(words, entity.first, chunk)
      drafts.push({
        ...base,
        kind: 'quantity',
        key: `money:${currency}:${about.key}`,
        topic: perShare ? 'the price per share' : about.key === 'deal' ? 'the value of the deal' : `the amount (${about.display})`,
        value: `${HEDGE_PREFIX[hedge]}${currency}${formatAmount(amount)}${perShare ? ' a share' : ''}`,
        comparable: { type: 'number', ...interval(amount, hedge, settings.hedgeTolerance), unit: currency },
        contextStems: about.stems,
        focusStems: ['price', 'cost', 'worth', 'valu', 'much', 'pai', 'monei', 'dollar'],
        dimension: 'money',
      })
    } else if (entity.type === 'PERCENT') {
      const amount = parseNumber(span.map((word) => word.text.replace(/%$/, '')))
      const measured = nounAfter(words, entity.last, chunk, true) ?? contentBefore(words, entity.first, chunk)
      if (amount === undefined || !measured) continue
      const about = attachmentOf(measured)
      const hedge = hedgeBefore(words, entity.first, chunk)
      drafts.push({
        ...base,
        kind: 'quantity',
        key: `percent:${about.key}`,
        topic: `the percentage (${about.display})`,
        value: `${HEDGE_PREFIX[hedge]}${formatAmount(amount)}%`,
        comparable: { type: 'number', ...interval(amount, hedge, settings.hedgeTolerance), unit: '%' },
        contextStems: about.stems,
        focusStems: ['percent', 'percentag', 'share', 'rate'],
        dimension: 'percent',
      })
    } else if (entity.type === 'CARDINAL') {
      const draft = countDraft(words, entity.first, entity.last, chunk, settings)
      if (draft) drafts.push({ ...base, ...draft })
    } else if (entity.type === 'DATE') {
      const draft = dateDraft(words, entity.first, entity.last, chunk)
      if (draft) drafts.push({ ...base, ...draft })
    }
  }
  return [...drafts, ...scoreDrafts(read)]
}

/**
 * What a duration after a verb measures: "the talks lasted three hours", "the fire at the plant
 * burned for nine hours", "crews fought the blaze for six hours". Any event verb counts, not only
 * "last": the object between the verb and the duration wins, else the head of the subject (the noun
 * before the first preposition, so "the fire at the plant" is the fire); a noun of a known class
 * within reach wins over both.
 */
function durationSubject(words: Word[], first: number, chunk: number[]): Word | undefined {
  let verb = -1
  for (let i = first - 1; i >= 0 && first - i <= 6 && chunk[i] === chunk[first]; i--) {
    const word = words[i] as Word
    if (word.pos === 'VERB' && !WEAK_VERBS.has(word.lower) && !REPORTING_VERBS.has(word.lower)) {
      verb = i
      break
    }
  }
  if (verb < 0) return undefined
  const object = words.slice(verb + 1, first).find((word) => isNoun(word) && UNIT_SECONDS[word.lower.replace(/s$/, '')] === undefined)
  const subject: Word[] = []
  for (let j = verb - 1; j >= 0 && verb - j <= 8 && chunk[j] === chunk[verb]; j--) {
    const word = words[j] as Word
    // "the agency says it was alerted after 40 minutes": a pronoun or a reporting verb ends the subject.
    if (word.pos === 'PRON' || REPORTING_VERBS.has(word.lower)) break
    subject.unshift(word)
  }
  const known = [object, ...[...subject].reverse()].find((word) => isNoun(word) && CLASS_BY_STEM.has(word?.stem ?? ''))
  if (known) return known
  if (object) return object
  const preposition = subject.findIndex((word) => word.pos === 'ADP')
  const head = (preposition > 0 ? subject.slice(0, preposition) : subject).filter(isNoun)
  return head[head.length - 1]
}

/** Marks a count whose noun is left out ("15 injured"): the corpus pass decides who was counted. */
export const IMPLICIT_COUNTED = '*'

function countDraft(words: Word[], first: number, last: number, chunk: number[], settings: Required<ClaimOptions>): Omit<Draft, 'spanStart' | 'spanEnd'> | undefined {
  const span = words.slice(first, last + 1)
  const amount = parseNumber(span.map((word) => word.text))
  // "one" and "two" are as often pronouns and pairs ("one of", "both sides") as counts.
  if (amount === undefined || amount < 3 || words[last + 1]?.lower === 'of' || words[first - 1]?.text === '$') return undefined
  const hedge = hedgeBefore(words, first, chunk)
  const comparable = (unit: string): ClaimValue => ({ type: 'number', ...interval(amount, hedge, settings.hedgeTolerance), unit })
  const isPeoplePredicate = (word: Word | undefined) => word !== undefined && (word.pos === 'VERB' || word.pos === 'ADJ') && CLASS_BY_STEM.get(word.stem)?.phrase !== undefined
  const after = nounAfter(words, last, chunk, false)
  // "said 15 injured": the predicate right after the number says what is counted, not the speaker before it.
  const found = after ?? (isPeoplePredicate(words[last + 1]) ? undefined : contentBefore(words, first, chunk, 4))
  if (!found || found.pos !== 'NOUN' || UNIT_SECONDS[found.lower.replace(/s$/, '')] !== undefined) {
    // "15 injured", "the blast injured 15": a predicate about people beside the number counts people.
    const beside = [words[last + 1], words[first - 1]].find(isPeoplePredicate)
    const measured = beside && CLASS_BY_STEM.get(beside.stem)
    if (!measured?.phrase) return undefined
    return {
      kind: 'quantity',
      key: `count:${IMPLICIT_COUNTED}:${measured.name}`,
      topic: `how many people ${measured.phrase}`,
      value: `${HEDGE_PREFIX[hedge]}${formatAmount(amount)} people`,
      comparable: comparable(IMPLICIT_COUNTED),
      contextStems: measured.words.map(stem),
      focusStems: ['number', 'mani', 'count', 'total', 'toll'],
      dimension: 'count',
    }
  }
  const counted = found
  let noun = attachmentOf(counted)
  const verb = verbAfter(words, last, chunk)
  const before = contentBefore(words, first, chunk)
  const predicateWord = verb && CLASS_BY_STEM.has(verb.stem) ? verb : before && CLASS_BY_STEM.has(before.stem) ? before : (verb ?? before)
  let predicate = predicateWord && predicateWord !== counted ? attachmentOf(predicateWord) : undefined
  // "14 deaths": the noun is the predicate.
  if (!predicate && noun.key !== 'people' && CLASS_BY_STEM.get(counted.stem)?.phrase) {
    predicate = noun
    noun = attachmentOf({ ...counted, stem: stem('people'), lower: 'people' })
  }
  if (GENERIC_COUNTED.has(noun.key) && !predicate) return undefined
  const nounWord = noun.key === 'people' ? 'people' : counted.lower
  const phrase = predicate && CLASS_BY_STEM.get(predicate.stems[0] ?? '')?.phrase
  return {
    kind: 'quantity',
    key: `count:${noun.key}:${predicate?.key ?? ''}`,
    topic: phrase ? `how many ${nounWord} ${phrase}` : `the number of ${nounWord}`,
    value: `${HEDGE_PREFIX[hedge]}${formatAmount(amount)} ${nounWord}`,
    comparable: comparable(noun.key),
    // "How many people were evacuated?" is not about how many died: the predicate says what is counted.
    contextStems: predicate ? predicate.stems : noun.stems,
    focusStems: ['number', 'mani', 'count', 'total', 'toll', ...noun.stems],
    dimension: 'count',
  }
}

function dateDraft(words: Word[], first: number, last: number, chunk: number[]): Omit<Draft, 'spanStart' | 'spanEnd'> | undefined {
  const span = words.slice(first, last + 1)
  const before = words[first - 1]?.lower ?? ''
  // Relative and open dates are not facts to compare ("next Friday", "since 2014", "the 1990s").
  if (['next', 'last', 'this', 'following', 'since', 'until', 'by', 'before', 'after', 'every', 'each', 'from', 'between'].includes(before)) return undefined
  const date: { year?: number; month?: number; day?: number; weekday?: number } = {}
  for (const word of span) {
    const weekday = WEEKDAYS.indexOf(word.lower)
    const month = MONTHS.findIndex((name) => name === word.lower || (word.lower.length >= 3 && name.startsWith(word.lower.replace(/\.$/, '')) && word.lower !== 'may' && /^[a-z]+\.?$/.test(word.lower)))
    if (weekday >= 0) date.weekday = weekday
    else if (month >= 0 && /^[A-Z]/.test(word.text)) date.month = month + 1
    else if (/^\d{4}$/.test(word.text)) date.year = Number(word.text)
    else if (/^\d{1,2}(st|nd|rd|th)?$/.test(word.text)) date.day = Number.parseInt(word.text, 10)
  }
  if (date.year === undefined && date.month === undefined && date.weekday === undefined) return undefined
  if (date.day !== undefined && date.month === undefined) return undefined
  if (date.year !== undefined && date.month !== undefined && date.day !== undefined) date.weekday ??= new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()
  const event = (date.month === undefined && date.weekday === undefined ? nounAfter(words, last, chunk, false) : undefined) ?? contentBefore(words, first, chunk)
  if (!event) return undefined
  const about = attachmentOf(event)
  const parts = [
    date.weekday !== undefined ? WEEKDAYS[date.weekday]?.replace(/^./, (c) => c.toUpperCase()) : '',
    date.month !== undefined ? `${MONTHS[date.month - 1]?.replace(/^./, (c) => c.toUpperCase())}${date.day ? ` ${date.day}` : ''}` : '',
    date.year !== undefined ? String(date.year) : '',
  ].filter(Boolean)
  return {
    kind: 'quantity',
    key: `date:${about.key}`,
    topic: `when the ${about.display} happened`,
    value: parts.join(', '),
    comparable: { type: 'date', ...date },
    contextStems: about.stems,
    focusStems: ['when', 'date', 'day', 'year', 'month', ...(date.weekday !== undefined ? WEEKDAYS.map(stem) : [])],
    dimension: 'date',
  }
}

const SCORE = /\b(\d{1,2})\s?[-–]\s?(\d{1,2})\b/g
const SCORE_CUE = /\b(won|win|wins|beat|beats|defeated|defeat|lost|lose|loses|draw|drew|drawn|victory|score|scoreline|result|final whistle|thrashed|edged)\b/i

/** Match scores ("won 3-1"): wink-nlp reads them as plain numbers, so a pattern finds them. */
function scoreDrafts(read: ReadSentence): Draft[] {
  if (!SCORE_CUE.test(read.text) || OTHER_OCCASION.test(read.text)) return []
  const drafts: Draft[] = []
  for (const match of read.text.matchAll(SCORE)) {
    const a = Number(match[1])
    const b = Number(match[2])
    const at = read.start + (match.index ?? 0)
    // "2024-25" and "3-hour" are not scores.
    if (/^[-–]?\s?(hour|day|minute|week|year|month|point)/i.test(read.text.slice((match.index ?? 0) + match[0].length).trimStart())) continue
    const label = `${Math.max(a, b)}-${Math.min(a, b)}`
    drafts.push({
      kind: 'quantity',
      key: 'score:match',
      topic: 'the final score',
      value: label,
      comparable: { type: 'label', label },
      spanStart: at,
      spanEnd: at + match[0].length,
      contextStems: ['match', 'game', 'score', 'result', 'final', 'won', 'win', 'beat', 'lost'].map(stem),
      focusStems: ['score', 'result', 'goal', 'won', 'win', 'beat'].map(stem),
      dimension: 'score',
    })
  }
  return drafts
}

// ---------------------------------------------------------------- framing claims

function framingDrafts(read: ReadSentence, speakers: Map<string, string>): Draft[] {
  const { words } = read
  const clause = clauseIds(words)
  const drafts: Draft[] = []
  let speaker = speakerOf(words, 0, words.length, speakers)
  let lastClause = -1
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as Word
    const c = clause[i] ?? 0
    if (c !== lastClause) {
      const inClause = words.filter((_, j) => clause[j] === c)
      const own = speakerOf(words, words.indexOf(inClause[0] as Word), words.indexOf(inClause[0] as Word) + inClause.length, speakers)
      // "…, but acknowledged that…": a clause without a subject keeps the sentence's speaker.
      if (own) speaker = own
      lastClause = c
    }
    const polarity = polarityAt(words, i, clause)
    if (!polarity) continue
    const inClause = words.filter((_, j) => clause[j] === c)
    if (inClause.some((other) => SPECULATIVE.has(other.lower))) continue
    // A clause that names the event states its outcome; one that does not may be about a side issue.
    const rank = inClause.some((other) => EVENT_STEMS.has(other.stem) && other.pos === 'NOUN') ? 0 : 1
    drafts.push({
      kind: 'framing',
      key: 'framing:outcome',
      topic: 'whether it made progress',
      value: polarity,
      comparable: { type: 'label', label: polarity },
      spanStart: word.start,
      spanEnd: word.end,
      contextStems: [...OUTCOME_TARGETS, ...POSITIVE_WORDS, ...NEGATIVE_WORDS, 'succeed', 'outcom', 'result', 'agre', 'end'],
      focusStems: [...EVENT_STEMS],
      rank,
      ...(speaker ? { speaker } : {}),
    })
    // One framing claim per clause.
    while (i + 1 < words.length && clause[i + 1] === c) i++
  }
  return drafts
}

/** "positive" or "negative" when the word at `i` frames an outcome, else undefined. */
function polarityAt(words: Word[], i: number, clause: number[]): 'positive' | 'negative' | undefined {
  const word = words[i] as Word
  const sameClause = (j: number) => clause[j] === clause[i]
  const window = (from: number, to: number) => words.slice(Math.max(0, from), Math.min(words.length, to)).filter((_, k) => sameClause(Math.max(0, from) + k))
  const denied = () => word.negated || window(i - 5, i).some((other) => NEGATORS.has(other.lower) || other.lower.endsWith("n't"))
  if (NEGATIVE_WORDS.has(word.stem) && (word.pos === 'NOUN' || word.pos === 'ADJ')) {
    // "does not equate to failure" denies a failure without claiming progress: no claim either way.
    return denied() ? undefined : 'negative'
  }
  if (POSITIVE_WORDS.has(word.stem) && word.pos === 'ADJ') {
    // "productive" says something of the talks only when the talks are named beside it.
    if (!window(i - 6, i + 4).some((other) => EVENT_STEMS.has(other.stem) && other.pos === 'NOUN')) return undefined
    return denied() ? 'negative' : 'positive'
  }
  if (OUTCOME_TARGETS.has(word.stem) && word.pos === 'NOUN') {
    if (denied()) return 'negative'
    const near = window(i - 3, i + 5)
    if (near.some((other) => other !== word && (ACHIEVE_VERBS.has(other.stem) || ['reach', 'made', 'achiev', 'secur'].includes(other.stem)) && other.pos === 'VERB')) return 'positive'
    if (window(i + 1, i + 6).some((other) => NEGATIVE_WORDS.has(other.stem))) return 'negative'
    return undefined
  }
  if (word.lower === 'fell' && words[i + 1]?.lower === 'short') return 'negative'
  return undefined
}

/** Who says the clause `[from, to)`: a name or a group before a reporting verb, or after "according to". */
function speakerOf(words: Word[], from: number, to: number, speakers: Map<string, string>): string | undefined {
  for (let i = from; i < to; i++) {
    const word = words[i] as Word
    if (word.lower === 'according' && words[i + 1]?.lower === 'to') return nameAt(words, i + 2, 1, speakers)
    if (!REPORTING_VERBS.has(word.lower)) continue
    for (let j = i - 1; j >= from && i - j <= 3; j--) {
      const candidate = words[j] as Word
      if (candidate.pos === 'PROPN') return nameAt(words, j, -1, speakers)
      if (candidate.pos === 'NOUN' && /^(analysts|experts|officials|critics|observers|diplomats|aides|president|minister|spokesman|spokeswoman|spokesperson)$/.test(candidate.lower)) {
        return words.slice(Math.max(from, j - 2), j + 1).map((w) => w.text).join(' ').replace(/^(the|a|an)\s/i, '')
      }
      if (!['ADV', 'AUX'].includes(candidate.pos)) break
    }
  }
  return undefined
}

function nameAt(words: Word[], at: number, direction: 1 | -1, speakers: Map<string, string>): string | undefined {
  const parts: string[] = []
  for (let i = at; i >= 0 && i < words.length && words[i]?.pos === 'PROPN'; i += direction) parts.push((words[i] as Word).text.replace(/[’']s$/, ''))
  if (parts.length === 0) return undefined
  const name = (direction === 1 ? parts : parts.reverse()).join(' ')
  const surname = name.split(' ').pop() ?? name
  return speakers.get(surname) ?? name
}

// ---------------------------------------------------------------- roles

/** A person named with an office, before the corpus decides which country the office belongs to. */
interface RoleMention {
  person: string
  name: string
  country?: string
  office: string
  former: boolean
  sourceId: string
  passageId: string
  sentenceKey: string
  spanStart: number
  spanEnd: number
  headline: boolean
  sentence: { start: number; end: number }
  /** A town, county or state office: keyed by its place, not a country. */
  local?: boolean
  place?: string
}

/** The place a local office belongs to, from a qualifier ("Marlow Mayor", "Mayor X of Marlow"), if it names one. */
function placeOf(word: string | undefined): string | undefined {
  if (!word || NOT_A_COUNTRY.has(word.split(' ')[0] ?? '') || GENERIC_PLACES.has(word) || COUNTRIES[word] || !/^\p{Lu}/u.test(word)) return undefined
  return word
}

function countryOf(word: string | undefined): string | undefined {
  if (!word) return undefined
  if (COUNTRIES[word]) return COUNTRIES[word]
  const last = word.split(' ').pop() ?? word
  if (NOT_A_COUNTRY.has(word.split(' ')[0] ?? '')) return undefined
  // An unlisted demonym ("Norlandic", "Veskan") keys as itself.
  if (/^[A-Z][a-z]+(an|ian|ese|ish|ic|i)$/.test(last)) return last
  return undefined
}

function roleMentions(text: string, sourceId: string, passage: Passage, sentence: Sentence, headline: boolean): RoleMention[] {
  const sentenceText = text.slice(sentence.start, sentence.end)
  const mentions: RoleMention[] = []
  // The full patterns are costly; most sentences name no office and no "X of Country".
  const hasOffice = MAY_NAME_OFFICE.test(sentenceText)
  const hasLocalOffice = /\b(?:mayor|governor|sheriff|chief)\b/.test(sentenceText)
  if (!hasOffice && !hasLocalOffice && !MAY_NAME_COUNTRY.test(sentenceText)) return mentions
  for (const match of hasOffice ? sentenceText.matchAll(ROLE_PATTERN) : []) {
    const [whole, status, qualifier, office, rawName, ofCountry] = match
    if (!office || !rawName) continue
    const name = rawName.replace(/[’']s$/, '').replace(/\s+(?:and|of|the)$/, '').trim()
    const nameWords = name.split(/\s+/)
    // A title before a non-name ("President Says") is not a person.
    if (nameWords.some((word) => NOT_A_COUNTRY.has(word)) || OFFICES.includes(name)) continue
    const local = LOCAL_OFFICES.has(office.toLowerCase())
    const country = local ? undefined : (countryOf(qualifier) ?? countryOf(ofCountry))
    const place = local ? (placeOf(qualifier) ?? placeOf(ofCountry)) : undefined
    const at = sentence.start + (match.index ?? 0) + (qualifier && !countryOf(qualifier) && !place && !status ? whole.indexOf(office) : 0)
    mentions.push({
      ...(local ? { local } : {}),
      ...(place ? { place } : {}),
      person: (nameWords[nameWords.length - 1] ?? name).toLowerCase(),
      name,
      ...(country ? { country } : {}),
      office: office.toLowerCase(),
      former: Boolean(status && /^(former|ex-|then-|late|outgoing)/i.test(status)),
      sourceId,
      passageId: passage.id,
      sentenceKey: `${sourceId}:${sentence.start}`,
      spanStart: at,
      spanEnd: sentence.start + (match.index ?? 0) + whole.length,
      headline,
      sentence: { start: sentence.start, end: sentence.end },
    })
  }
  // "the current mayor, Rosa Pratt": a local office named before a name set off by a comma.
  for (const match of hasOffice || hasLocalOffice ? sentenceText.matchAll(LOCAL_APPOSITIVE) : []) {
    const [whole, status, qualifier, office, name] = match
    if (!office || !name || mentions.some((mention) => mention.name === name)) continue
    const at = sentence.start + (match.index ?? 0)
    const place = qualifier && !/[’']s$/.test(qualifier) ? placeOf(qualifier) : undefined
    mentions.push({
      person: (name.split(/\s+/).pop() ?? name).toLowerCase(), name, office: office.toLowerCase(), former: status === 'former' || status === 'outgoing',
      local: true, ...(place ? { place } : {}), sourceId, passageId: passage.id, sentenceKey: `${sourceId}:${sentence.start}`,
      spanStart: at, spanEnd: at + whole.length, headline, sentence: { start: sentence.start, end: sentence.end },
    })
  }
  // "Ilse Marek of Veska": a country given after the name.
  for (const match of sentenceText.matchAll(NAME_OF_COUNTRY)) {
    const country = countryOf(match[2])
    const name = match[1] ?? ''
    if (!country || mentions.some((mention) => mention.name.endsWith(name))) continue
    const person = (name.split(/\s+/).pop() ?? name).toLowerCase()
    mentions.push({
      person, name, country, office: '', former: false, sourceId, passageId: passage.id, sentenceKey: `${sourceId}:${sentence.start}`,
      spanStart: sentence.start + (match.index ?? 0), spanEnd: sentence.start + (match.index ?? 0) + match[0].length,
      headline, sentence: { start: sentence.start, end: sentence.end },
    })
  }
  return mentions
}

/** A role claim with where it was found: roles are decided after the whole corpus is read. */
interface RoleDraft extends Draft {
  sourceId: string
  passageId: string
  headline: boolean
  sentence: { start: number; end: number }
}

/** A holder's country: from explicit qualifiers anywhere in the corpus, else from the holders named alongside. */
function resolveRoles(mentions: RoleMention[]): RoleDraft[] {
  const countriesByPerson = new Map<string, Set<string>>()
  const fullName = new Map<string, string>()
  for (const mention of mentions) {
    if (mention.country) countriesByPerson.set(mention.person, (countriesByPerson.get(mention.person) ?? new Set()).add(mention.country))
    if ((fullName.get(mention.person)?.length ?? 0) < mention.name.length) fullName.set(mention.person, mention.name)
  }
  const countryOfPerson = (person: string) => {
    const countries = countriesByPerson.get(person)
    return countries?.size === 1 ? [...countries][0] : undefined
  }
  const withOffice = mentions.filter((mention) => mention.office !== '' && !mention.local)
  // Which countries' holders of an office are named together, sentence by sentence.
  const pairCounts = new Map<string, number>()
  const bySentence = new Map<string, RoleMention[]>()
  for (const mention of withOffice) bySentence.set(mention.sentenceKey, [...(bySentence.get(mention.sentenceKey) ?? []), mention])
  for (const group of bySentence.values()) {
    const countries = [...new Set(group.map((mention) => `${mention.office}|${mention.country ?? countryOfPerson(mention.person) ?? ''}`))].filter((key) => !key.endsWith('|'))
    for (const a of countries) for (const b of countries) if (a < b && a.split('|')[0] === b.split('|')[0]) pairCounts.set(`${a}#${b}`, (pairCounts.get(`${a}#${b}`) ?? 0) + 1)
  }
  const partnerOf = (office: string, known: string[]): string | undefined => {
    const scores = new Map<string, number>()
    for (const [pair, count] of pairCounts) {
      const [a, b] = pair.split('#').map((key) => key.split('|')) as [string[], string[]]
      if (a[0] !== office) continue
      if (known.includes(a[1] ?? '') && !known.includes(b[1] ?? '')) scores.set(b[1] ?? '', (scores.get(b[1] ?? '') ?? 0) + count)
      if (known.includes(b[1] ?? '') && !known.includes(a[1] ?? '')) scores.set(a[1] ?? '', (scores.get(a[1] ?? '') ?? 0) + count)
    }
    const ranked = [...scores].sort((x, y) => y[1] - x[1])
    const [best, second] = ranked
    // Only a clear, repeated pairing decides: twice at least, and twice as often as any other.
    if (!best || best[1] < 2 || (second && second[1] * 2 > best[1])) return undefined
    return best[0]
  }
  const drafts: RoleDraft[] = []
  for (const mention of withOffice) {
    let country = mention.country ?? countryOfPerson(mention.person)
    if (!country && !countriesByPerson.has(mention.person)) {
      const group = bySentence.get(mention.sentenceKey) ?? []
      const known = group.filter((other) => other !== mention && other.office === mention.office).map((other) => other.country ?? countryOfPerson(other.person)).filter((c): c is string => Boolean(c))
      if (known.length > 0) country = partnerOf(mention.office, known)
    }
    if (!country) continue
    const name = fullName.get(mention.person) ?? mention.name
    const officeName = `${country} ${mention.office}`
    drafts.push({
      kind: 'role',
      key: `role:${country}:${mention.office}`,
      topic: `who is the ${officeName}`,
      value: mention.former ? `${name} (former)` : name,
      rank: (mention.country ? 0 : 2) + (mention.name.includes(' ') ? 0 : 1),
      comparable: { type: 'label', label: mention.former ? `former:${mention.person}` : mention.person },
      spanStart: mention.spanStart,
      spanEnd: mention.spanEnd,
      contextStems: mention.office.split(' ').map(stem),
      focusStems: [
        ...[country, ...Object.entries(COUNTRIES).filter(([, key]) => key === country).map(([word]) => word)].flatMap((word) => word.toLowerCase().replace(/\./g, '').split(' ')).map(stem),
        ...name.toLowerCase().split(' ').map(stem),
      ],
      sourceId: mention.sourceId,
      passageId: mention.passageId,
      headline: mention.headline,
      sentence: mention.sentence,
    })
  }
  return [...drafts, ...resolveLocalRoles(mentions.filter((mention) => mention.local), fullName)]
}

/**
 * Local offices ("Mayor X", "City Mayor Y", "the county's sheriff, Z") are one office per place. A
 * mention without a place joins the only place the corpus names for that office, and is dropped when
 * it names several. An office for which one source names two current holders is several offices
 * (two towns' mayors): it is left out.
 */
function resolveLocalRoles(mentions: RoleMention[], fullName: Map<string, string>): RoleDraft[] {
  const placesByOffice = new Map<string, Set<string>>()
  for (const mention of mentions) if (mention.place) placesByOffice.set(mention.office, (placesByOffice.get(mention.office) ?? new Set()).add(mention.place))
  const byKey = new Map<string, Array<{ mention: RoleMention; place?: string }>>()
  for (const mention of mentions) {
    const places = placesByOffice.get(mention.office)
    const place = mention.place ?? (places?.size === 1 ? [...places][0] : undefined)
    if (!place && (places?.size ?? 0) > 1) continue
    const key = `role:local:${mention.office}${place ? `:${place}` : ''}`
    byKey.set(key, [...(byKey.get(key) ?? []), { mention, ...(place ? { place } : {}) }])
  }
  const drafts: RoleDraft[] = []
  for (const [key, group] of byKey) {
    const currentBySource = new Map<string, Set<string>>()
    for (const { mention } of group) if (!mention.former) currentBySource.set(mention.sourceId, (currentBySource.get(mention.sourceId) ?? new Set()).add(mention.person))
    if ([...currentBySource.values()].some((people) => people.size > 1)) continue
    for (const { mention, place } of group) {
      const name = fullName.get(mention.person) ?? mention.name
      drafts.push({
        kind: 'role',
        key,
        topic: `who is the ${mention.office}${place ? ` of ${place}` : ''}`,
        value: mention.former ? `${name} (former)` : name,
        rank: mention.name.includes(' ') ? 0 : 1,
        comparable: { type: 'label', label: mention.former ? `former:${mention.person}` : mention.person },
        spanStart: mention.spanStart,
        spanEnd: mention.spanEnd,
        contextStems: mention.office.split(' ').map(stem),
        focusStems: [...(place ? [stem(place.toLowerCase())] : []), ...name.toLowerCase().split(' ').map(stem)],
        sourceId: mention.sourceId,
        passageId: mention.passageId,
        headline: mention.headline,
        sentence: mention.sentence,
      })
    }
  }
  return drafts
}

// ---------------------------------------------------------------- the corpus pass

/** Clips a sentence to the clause around `[spanStart, spanEnd)` when it is too long to quote whole; stays verbatim. */
function clauseAround(text: string, sentence: { start: number; end: number }, spanStart: number, spanEnd: number, maxChars: number, always = false): { start: number; end: number } {
  if (!always && sentence.end - sentence.start <= maxChars) return sentence
  const boundary = /[;:—–]\s|,\s(?=(?:but|while|whereas|although|and|as|with|which)\b)|\s(?=(?:but|while|whereas|although)\s)|\.\s/g
  let start = sentence.start
  let end = sentence.end
  for (const match of text.slice(sentence.start, sentence.end).matchAll(boundary)) {
    const at = sentence.start + (match.index ?? 0)
    if (at + match[0].length <= spanStart) start = at + match[0].length
    else if (at >= spanEnd && at < end) end = at
  }
  if (end - start > maxChars) {
    // Still too long: keep whole words around the span.
    const from = Math.max(start, spanStart - Math.floor(maxChars / 2))
    const to = Math.min(end, from + maxChars)
    start = from === start ? start : text.indexOf(' ', from) + 1 || from
    end = to === end ? end : Math.max(text.lastIndexOf(' ', to), spanEnd)
  }
  return { start, end }
}

/**
 * Extracts every claim in the corpus. Quantities and framing come from wink-nlp's reading of each
 * sentence (entities, parts of speech, negation scope); who holds an office comes from titles
 * before names, decided across the whole corpus.
 */
export function extractClaims(index: CorpusIndex, options: ClaimOptions = {}): ExtractedClaim[] {
  const settings = { ...DEFAULT_CLAIM_OPTIONS, ...options }
  const claims: ExtractedClaim[] = []
  const mentions: RoleMention[] = []
  const pending: Array<{ read: ReadSentence; outcome: boolean }> = []
  // Sources whose body has begun: a headline-like line after the first paragraph is a subheading.
  const inBody = new Set<string>()
  for (const passage of allPassages(index)) {
    const text = articleText(index, passage.sourceId)
    for (const sentence of passage.sentences) {
      const sentenceText = text.slice(sentence.start, sentence.end)
      const headline = !inBody.has(passage.sourceId) && isHeadlineLine(text, sentence)
      if (!headline && sentence.kind !== 'heading') inBody.add(passage.sourceId)
      if (sentence.kind === 'table') continue
      mentions.push(...roleMentions(text, passage.sourceId, passage, sentence, headline))
      const quantity = mayHoldQuantity(sentenceText)
      const outcome = mayHoldOutcome(sentenceText)
      if (!quantity && !outcome) continue
      const read = readSentence(index, text, passage.sourceId, passage, sentence, headline)
      if (quantity) for (const draft of quantityDrafts(read, settings)) claims.push(finish(draft, read, text, settings))
      if (outcome) pending.push({ read, outcome })
    }
  }
  // Speakers are named by their full name where the corpus gives one ("Marek" → "Ilse Marek").
  const speakers = new Map<string, string>()
  for (const mention of mentions) {
    const surname = mention.name.split(' ').pop() ?? mention.name
    if ((speakers.get(surname)?.length ?? 0) < mention.name.length) speakers.set(surname, mention.name)
  }
  const event = eventNounOf(pending.map(({ read }) => read))
  for (const { read } of pending) {
    for (const draft of framingDrafts(read, speakers)) claims.push(finish({ ...draft, topic: `whether the ${event} made progress` }, read, articleText(index, read.sourceId), settings))
  }
  for (const draft of resolveRoles(mentions)) {
    const text = articleText(index, draft.sourceId)
    const { start, end } = clauseAround(text, draft.sentence, draft.spanStart, draft.spanEnd, settings.maxClaimChars)
    claims.push(toClaim(draft, draft, text, start, end))
  }
  settleImplicitCounts(claims)
  settleTopics(claims)
  return claims
}

/**
 * "15 injured" leaves out who: when every count of the injured in the corpus counts one kind of
 * people ("12 workers were injured"), it counts them too; otherwise it counts people in general.
 */
function settleImplicitCounts(claims: ExtractedClaim[]): void {
  const countedBy = new Map<string, Map<string, string>>()
  for (const claim of claims) {
    const [kind, noun, predicate] = claim.key.split(':')
    if (kind !== 'count' || !noun || noun === IMPLICIT_COUNTED || noun === 'people' || !predicate) continue
    const nouns = countedBy.get(predicate) ?? new Map<string, string>()
    nouns.set(noun, claim.value.replace(/^[^\d]*[\d,.]+(?:\s(?:million|billion))?\s/, ''))
    countedBy.set(predicate, nouns)
  }
  for (const claim of claims) {
    const [kind, noun, predicate] = claim.key.split(':')
    if (kind !== 'count' || noun !== IMPLICIT_COUNTED || !predicate) continue
    const nouns = countedBy.get(predicate)
    const [only] = nouns?.size === 1 ? [...nouns] : []
    const [key, word] = only ?? ['people', 'people']
    claim.key = `count:${key}:${predicate}`
    claim.value = claim.value.replace(/people$/, word)
    claim.topic = claim.topic.replace(/^how many people/, `how many ${word}`)
    if (claim.comparable.type === 'number') claim.comparable = { ...claim.comparable, unit: key }
  }
}

/**
 * One topic per key, in the words the claims use: "how long the meeting lasted" when the sources
 * say "meeting", not the thesaurus's "talks". Ties go to the class's own name, then to the first.
 */
function settleTopics(claims: ExtractedClaim[]): void {
  const byKey = new Map<string, ExtractedClaim[]>()
  for (const claim of claims) byKey.set(claim.key, [...(byKey.get(claim.key) ?? []), claim])
  for (const [key, group] of byKey) {
    const counts = new Map<string, number>()
    for (const claim of group) counts.set(claim.topic, (counts.get(claim.topic) ?? 0) + 1)
    const display = MEASURED_CLASSES.find((measured) => key.split(':').includes(measured.name))?.display
    const named = (topic: string) => (display && ` ${topic} `.includes(` ${display} `) ? 1 : 0)
    const [topic] = [...counts].sort((a, b) => b[1] - a[1] || named(b[0]) - named(a[0]))[0] ?? []
    if (topic) for (const claim of group) claim.topic = topic
  }
}

/** Longest line read as a headline or dek, in characters. */
const MAX_HEADLINE_CHARS = 200

/**
 * True when a sentence is a headline, dek or standfirst line: a line of its own, short, that either
 * ends without sentence punctuation or is set in title case. A lede that happens to be short is a
 * paragraph (it ends with a full stop, often with a second sentence), so it is body, whatever the
 * passage splitter's `lead` flag says. The caller checks that the body has not begun.
 */
export function isHeadlineLine(text: string, sentence: Sentence): boolean {
  if (sentence.kind === 'list' || sentence.kind === 'table') return false
  const lineStart = text.lastIndexOf('\n', sentence.start - 1) + 1
  const lineEnd = text.indexOf('\n', sentence.end)
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).trim()
  const own = text.slice(sentence.start, sentence.end).trim()
  // Another sentence on the same line makes it a paragraph.
  if (line.length > MAX_HEADLINE_CHARS || own.length < line.length - 2) return false
  if (!/[.!?]["”’)]?$/u.test(line)) return true
  return isTitleCase(line)
}

/** Most longer words capitalised, as in "Talks End Without a Deal". */
function isTitleCase(line: string): boolean {
  const words = line.split(/\s+/).slice(1).filter((word) => /^\p{L}{4,}/u.test(word))
  return words.length >= 2 && words.filter((word) => /^\p{Lu}/u.test(word)).length >= 0.75 * words.length
}

/** The event the corpus is about, as its articles most often name it ("summit", "match"). */
function eventNounOf(reads: ReadSentence[]): string {
  const counts = new Map<string, number>()
  for (const read of reads) {
    for (const word of read.words) {
      if (word.pos === 'NOUN' && EVENT_STEMS.has(word.stem) && !word.lower.endsWith('s')) counts.set(word.lower, (counts.get(word.lower) ?? 0) + 1)
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'event'
}

function finish(draft: Draft, read: ReadSentence, text: string, settings: Required<ClaimOptions>): ExtractedClaim {
  // A framing is a judgement in one clause; the rest of the sentence may judge the other way.
  const { start, end } = clauseAround(text, read, draft.spanStart, draft.spanEnd, settings.maxClaimChars, draft.kind === 'framing')
  return toClaim(draft, read, text, start, end)
}

function toClaim(draft: Draft, where: { sourceId: string; passageId: string; headline: boolean }, text: string, start: number, end: number): ExtractedClaim {
  // Trim stray spaces and separators so the quote reads cleanly; it stays a substring.
  while (start < end && /[\s,;:—–]/.test(text[start] ?? '')) start++
  while (end > start && /[\s,;:—–]/.test(text[end - 1] ?? '')) end--
  return {
    kind: draft.kind,
    key: draft.key,
    topic: draft.topic,
    value: draft.value,
    comparable: draft.comparable,
    sourceId: where.sourceId,
    passageId: where.passageId,
    start,
    end,
    text: text.slice(start, end),
    headline: where.headline,
    ...(draft.speaker ? { speaker: draft.speaker } : {}),
    contextStems: draft.contextStems,
    focusStems: draft.focusStems,
    ...(draft.dimension ? { dimension: draft.dimension } : {}),
    rank: draft.rank ?? 0,
  }
}
