import { askedActStems } from './claims/asked-act.js'
import { QUESTION_STOP_WORDS, stem, tokenize } from './analyzer.js'
import { extractClaims, parseNumber, UNIT_SECONDS, type ClaimOptions, type Dimension, type ExtractedClaim } from './claims/index.js'
import { valuesConflict } from './claims/compare.js'
import { askedKindOf, compareAnswers, type CompareAnswersOptions } from './claims/answers.js'
import { compareMargins } from './claims/margin.js'
import { compareOfficeStatus } from './claims/office-status.js'
import type { AnalyzedQuestion } from './question.js'
import type { SentenceReadings } from './reading.js'
import { disagreementsAnswering } from './claims/claim-act.js'
import { FEATURE, passageById, type CorpusIndex } from './search.js'
import type { Answer, Claim, Disagreement, DisagreementKind, Quote, ValueKind } from './types.js'

/** A figure hyphenated to its unit ("12-hour"). */
const HYPHENATED_UNIT = /^(.+?)[-‐](\p{L}+)$/u

/** What a question must name for a disagreement to bear on it. */
export interface DisagreementEntry {
  disagreement: Disagreement
  /** Stems of the thing disputed: the talks, the office, the outcome. */
  context: Set<string>
  /** Stems of how it is disputed: units, countries, names, the event. */
  focus: Set<string>
  /** `FEATURE` bits of a question that asks for this kind of value. */
  features: number
  /** The claims behind it, to notice when a quote states one of them. */
  claims: ExtractedClaim[]
  /** The story all its claims belong to, when the corpus was grouped into stories. */
  storyId?: string
}

/** Claims and the disagreements between them, computed once when the corpus is indexed. */
export interface DisagreementIndex {
  /** Every disagreement in the corpus, most sources involved first. */
  all: Disagreement[]
  /** `all` with what relevance needs, in the same order. Absent in a hand-made index: then no question matches. */
  entries?: DisagreementEntry[]
  /** Every claim extracted from the corpus. */
  claims?: ExtractedClaim[]
}

/** Options for finding disagreements. */
export interface DisagreementOptions extends ClaimOptions {
  /** Most claims quoted for one disagreement; every value is quoted once before any twice. Defaults to 6. */
  maxClaims?: number
  /** Most sources quoted for one value; the others are listed in the claim's `alsoIn`. Defaults to 2. */
  maxQuotesPerValue?: number
  /**
   * The story (group of articles about one event) a source belongs to: claims of different stories
   * are never compared. Defaults to every source in one story.
   */
  storyOf?: (sourceId: string) => string
}

export const DEFAULT_DISAGREEMENT_OPTIONS: Required<DisagreementOptions> = { maxClaims: 6, maxQuotesPerValue: 2, maxClaimChars: 280, hedgeTolerance: 0.2, storyOf: () => '' }

const FEATURES_BY_DIMENSION: Record<Dimension, number> = {
  duration: FEATURE.duration,
  count: FEATURE.count,
  money: FEATURE.money,
  percent: FEATURE.percent,
  date: FEATURE.date | FEATURE.time,
  // "How many fans" asks for a count, not a score: a score question names the score.
  score: 0,
}
const KIND_ORDER: Record<DisagreementKind, number> = { quantity: 0, role: 1, framing: 2 }

/**
 * Extracts claims from every sentence and finds where they conflict. With `storyOf` (the story of a
 * source id), claims are compared only with claims of the same story: two events are not a disagreement.
 * `readings` are the build's NLP readings of the sentences; without them each sentence is read again.
 */
export function buildDisagreementIndex(index: CorpusIndex, options: DisagreementOptions = {}, readings?: SentenceReadings): DisagreementIndex {
  const settings = { ...DEFAULT_DISAGREEMENT_OPTIONS, ...options }
  const { storyOf } = options
  const claims = extractClaims(index, settings, readings)
  const byKey = new Map<string, ExtractedClaim[]>()
  for (const claim of claims) {
    const key = storyOf ? `${storyOf(claim.sourceId)}\u0000${claim.key}` : claim.key
    const group = byKey.get(key)
    if (group) group.push(claim)
    else byKey.set(key, [claim])
  }
  const entries: DisagreementEntry[] = []
  for (const group of byKey.values()) {
    const involved = conflictingClaims(group, settings.storyOf)
    if (involved.length === 0) continue
    const shown = pickClaims(involved, settings)
    const first = shown[0]?.claim as ExtractedClaim
    const disagreement: Disagreement = {
      topic: mostCommon(group.map((claim) => claim.topic)),
      kind: first.kind,
      valueKind: valueKindOf(first),
      claims: markNewer(index, shown.map(({ claim, alsoIn }) => toClaim(index, claim, alsoIn))),
    }
    entries.push({
      disagreement,
      context: new Set(group.flatMap((claim) => claim.contextStems)),
      focus: new Set(group.flatMap((claim) => claim.focusStems)),
      features: first.kind === 'role' ? FEATURE.properNoun : first.dimension ? FEATURES_BY_DIMENSION[first.dimension] : 0,
      claims: involved,
      ...(storyOf ? { storyId: storyOf(first.sourceId) } : {}),
    })
  }
  const sourcesOf = (entry: DisagreementEntry) => new Set(entry.claims.map((claim) => claim.sourceId)).size
  entries.sort((a, b) => sourcesOf(b) - sourcesOf(a) || KIND_ORDER[a.disagreement.kind] - KIND_ORDER[b.disagreement.kind] || b.claims.length - a.claims.length)
  return { all: entries.map((entry) => entry.disagreement), entries, claims }
}

/** True when two values cannot both be right; see `src/claims/compare.ts`. */
export { valuesConflict }

/** Claims of one key that conflict with another claim of another source, or of their own source's headline. */
function conflictingClaims(group: ExtractedClaim[], storyOf: (sourceId: string) => string): ExtractedClaim[] {
  const involved = new Set<ExtractedClaim>()
  for (let i = 0; i < group.length; i++) {
    for (let j = i + 1; j < group.length; j++) {
      const a = group[i] as ExtractedClaim
      const b = group[j] as ExtractedClaim
      // Within one article, two body sentences with different numbers usually describe different moments;
      // a headline against its own body is the contradiction worth showing.
      const comparable = (a.sourceId !== b.sourceId || a.headline !== b.headline) && storyOf(a.sourceId) === storyOf(b.sourceId)
      if (comparable && valuesConflict(a.comparable, b.comparable) && !(a.sourceId !== b.sourceId && (statesAlso(group, a, b) || statesAlso(group, b, a)))) {
        involved.add(a)
        involved.add(b)
      }
    }
  }
  return [...involved]
}

/**
 * True when the source of `claim` also states `other`'s value under the same key: its two sums paid
 * ("the company will pay €12m", "the council will pay €30m") are of two payers, and a source
 * giving €12m alone agrees with one of them, as at question time (`alsoStates`).
 */
function statesAlso(group: ExtractedClaim[], claim: ExtractedClaim, other: ExtractedClaim): boolean {
  // Names and outcomes are not read per party: a source naming two holders reports a change of holder.
  if (claim.comparable.type !== 'number') return false
  return group.some((same) => same !== claim && same.sourceId === claim.sourceId && same.headline === claim.headline && !valuesConflict(same.comparable, other.comparable))
}

/**
 * Marks the claims of the source published last, when the sources carry dates and it is later than
 * every source of another value: the other values may be outdated.
 */
function markNewer(index: CorpusIndex, claims: Claim[]): Claim[] {
  const at = (claim: Claim) => Date.parse(index.sourceById.get(claim.source.id)?.published ?? '')
  const dated = claims.filter((claim) => Number.isFinite(at(claim)))
  if (dated.length < 2) return claims
  const latest = Math.max(...dated.map(at))
  const newest = dated.filter((claim) => at(claim) === latest)
  const values = new Set(newest.map((claim) => claim.value))
  if (values.size !== 1 || !dated.some((claim) => !values.has(claim.value) && at(claim) < latest)) return claims
  return claims.map((claim) => (at(claim) === latest ? { ...claim, newer: true } : claim))
}

function valueKindOf(claim: ExtractedClaim): ValueKind {
  if (claim.kind === 'role') return 'office'
  if (claim.kind === 'framing') return 'outcome'
  return claim.dimension ?? 'number'
}

/**
 * What a reader needs of one disagreement: each value once, quoted from at most
 * `maxQuotesPerValue` sources (the clearest statement in each), the other sources that state it
 * named in `alsoIn`. Numbers read in order ("3 hours, 7 hours, 12 hours"); other values with the
 * most sources first, so the account most sources give comes before the dissent.
 */
function pickClaims(claims: ExtractedClaim[], settings: Required<DisagreementOptions>): Array<{ claim: ExtractedClaim; alsoIn: string[] }> {
  const byValue = new Map<string, Map<string, ExtractedClaim>>()
  // The clearest statement first: a full name, a body sentence over a headline, a short quote.
  for (const claim of [...claims].sort((a, b) => a.rank - b.rank || Number(a.headline) - Number(b.headline) || a.text.length - b.text.length)) {
    const bySource = byValue.get(claim.value) ?? new Map<string, ExtractedClaim>()
    if (!bySource.has(claim.sourceId)) bySource.set(claim.sourceId, claim)
    byValue.set(claim.value, bySource)
  }
  const values = [...byValue.values()].map((bySource) => [...bySource.values()])
  const numeric = claims[0]?.comparable.type !== 'label'
  values.sort((a, b) => (numeric ? orderOf(a[0] as ExtractedClaim) - orderOf(b[0] as ExtractedClaim) : b.length - a.length || orderOf(a[0] as ExtractedClaim) - orderOf(b[0] as ExtractedClaim)))
  const quoted = values.map(() => 0)
  const picked = new Set<ExtractedClaim>()
  // Round-robin over values so that every side is quoted before any side is quoted twice.
  for (let round = 0; round < settings.maxQuotesPerValue; round++) {
    values.forEach((sources, i) => {
      const claim = sources[round]
      if (claim && (picked.size < settings.maxClaims || round === 0)) {
        picked.add(claim)
        quoted[i] = round + 1
      }
    })
  }
  return values.flatMap((sources, i) => {
    const shown = sources.slice(0, quoted[i])
    const rest = sources.slice(quoted[i]).map((claim) => claim.sourceId)
    return shown.map((claim, j) => ({ claim, alsoIn: j === shown.length - 1 ? rest : [] }))
  })
}

function orderOf(claim: ExtractedClaim): number {
  const value = claim.comparable
  if (value.type === 'number') return Number.isFinite(value.low) ? value.low : value.high
  if (value.type === 'date') return (value.year ?? 0) * 1000 + (value.month ?? 0) * 40 + (value.day ?? 0) + (value.weekday ?? 0) / 10
  return value.label.startsWith('former:') ? 1 : value.label === 'negative' ? 1 : 0
}

function toClaim(index: CorpusIndex, claim: ExtractedClaim, alsoIn: string[]): Claim {
  const sourceOf = (id: string) => index.sourceById.get(id) ?? { id, title: id }
  const source = sourceOf(claim.sourceId)
  return {
    value: claim.value,
    text: claim.text,
    source,
    passageId: claim.passageId,
    ...(claim.speaker ? { speaker: claim.speaker } : {}),
    ...(claim.headline ? { headline: true } : {}),
    ...(alsoIn.length > 0 ? { alsoIn: alsoIn.map(sourceOf) } : {}),
  }
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? ''
}

/** What the answer to a question was built from, to decide which disagreements bear on it. */
export interface AnswerContext {
  analyzed: AnalyzedQuestion
  /** Passages considered for the answer, best first. */
  passageIds: string[]
  quotes: Quote[]
}

/**
 * The disagreements that bear on a question, most relevant first. A question bears on one when it
 * names what is disputed (the talks, the office, the outcome) and asks for that kind of value or
 * names how it is measured; or when it names a disputed value itself ("Was it 12 hours?", "Did
 * <the dissenting holder> attend?"). The quotes do not decide it, so a contested point is shown even
 * when every quote comes from one side.
 */
export function disagreementsFor(disagreements: DisagreementIndex, context: AnswerContext): Disagreement[] {
  // Every word as asked counts too, not only the topic terms: "death toll" is about deaths even in a
  // corpus that never says "toll", and "when" or "how many" say which value is wanted.
  const stems = new Set(context.analyzed.terms.flatMap((term) => term.variants.filter((variant) => !variant.synonym).map((variant) => variant.stem)))
  const words = tokenize(context.analyzed.text).map((token) => token.word)
  for (const word of words) stems.add(stem(word))
  const asked = quantitiesIn(words)
  const hits = (set: Set<string>) => [...stems].filter((stem) => set.has(stem)).length
  const asksWho = /^\s*(?:who|whom|whose)\b/i.test(context.analyzed.text)
  const scored: Array<{ disagreement: Disagreement; score: number }> = []
  for (const entry of disagreements.entries ?? []) {
    const contextHits = hits(entry.context)
    const focusHits = hits(entry.focus)
    const typeHit = (context.analyzed.answerFeatures & entry.features) !== 0
    const kind = entry.disagreement.kind
    const named = kind === 'role' ? namesDissentingHolder(entry.claims, new Set(words)) : kind === 'quantity' && asked.some((quantity) => entry.claims.some((claim) => statesQuantity(claim, quantity)))
    // The quotes do not decide relevance: a quote that states a disputed value is often quoted for
    // another part of its sentence ("how many were evacuated" quoting "the storm killed 14 people").
    // Whether a person holds a post does not answer who held it: "Who was chair before Ida Marsh?" names her only to point at someone else.
    // Asked who holds it without naming anyone ("Who is the transport minister?"), whether the one the answer names holds it ("acting" or not) bears on the answer.
    const asksWhoElse = asksWho && entry.claims[0]?.key.startsWith('status:') === true && namesHolderOf(entry.disagreement, context.analyzed.text)
    // Asked who holds the very post ("Who is the transport minister?"), a dispute over the status of its holder bears on the answer, though the question does not name them.
    // Not when it asks of an act ("Who won the vote for mayor?"): the winner is asked, not the post's holder.
    // Nor of another time ("Who was chief executive until 2023?"), and only when the answer's first quote names the holder: asked who is the mayor, a dispute over the old mayor is not the answer's.
    const holderOfAskedPost =
      asksWho &&
      !asksWhoElse &&
      entry.claims[0]?.key.startsWith('status:') === true &&
      entry.focus.size > 0 &&
      focusHits === entry.focus.size &&
      askedActStems(context.analyzed) === undefined &&
      !OTHER_TIME.test(context.analyzed.text) &&
      namesHolderOf(entry.disagreement, context.quotes[0]?.text ?? '') &&
      !mostlyFormer(entry.disagreement)
    const relevant = !asksWhoElse && (named || holderOfAskedPost || (kind === 'framing' ? contextHits > 0 : contextHits > 0 && (typeHit || focusHits > 0) && !aboutOtherThing(entry, words)))
    if (relevant) scored.push({ disagreement: entry.disagreement, score: contextHits * 2 + focusHits + Number(typeHit) + 2 * Number(named) })
  }
  return scored.sort((a, b) => b.score - a.score).map(({ disagreement }) => disagreement)
}

/** True when the question names, by any capitalised word after its first, the person a status disagreement is about ("Who was chair before Ida Marsh?"). */
function namesHolderOf(disagreement: Disagreement, question: string): boolean {
  const topic = new Set(tokenize(disagreement.topic).map((token) => token.word))
  return (question.match(NAME_WORDS) ?? []).some((word) => topic.has(word.toLowerCase()))
}

/** True when most sources call the disputed holder a former one: asked who holds the post, they are not the answer. */
function mostlyFormer(disagreement: Disagreement): boolean {
  const sources = (claim: Disagreement['claims'][number]) => 1 + (claim.alsoIn?.length ?? 0)
  const former = disagreement.claims.filter((claim) => /^former\b/i.test(claim.value)).reduce((sum, claim) => sum + sources(claim), 0)
  const others = disagreement.claims.filter((claim) => !/^former\b/i.test(claim.value)).reduce((sum, claim) => sum + sources(claim), 0)
  return former > others
}

/** A question of another time than now: a year, "until", "before", "after", "since", "former", "previous". */
const OTHER_TIME = /\b(?:\d{4}|until|till|before|after|since|former|previous|formerly|then)\b/i

/** Capitalised words after a question's first word: the names it gives. */
const NAME_WORDS = /(?<=\S\s+)\p{Lu}[\p{L}'’-]+/gu

/**
 * True for a disputed sum of money whose sentences name none of the question's subject, the words
 * left once the words of measuring it are set aside: "bribes worth €250,000" does not answer "How much
 * was the harbour contract worth?", though "worth" is the key of both.
 */
function aboutOtherThing(entry: DisagreementEntry, words: string[]): boolean {
  if (!entry.claims.every((claim) => claim.dimension === 'money')) return false
  const subject = words.filter((word) => !QUESTION_STOP_WORDS.has(word)).map(stem).filter((word) => !entry.context.has(word) && !entry.focus.has(word))
  if (subject.length === 0) return false
  return !entry.claims.some((claim) => tokenize(claim.text).some((token) => subject.includes(stem(token.word))))
}

/** A number with what follows it in a question: "12 hours", "12-hour", "15 workers". */
interface AskedQuantity {
  amount: number
  unitStem: string
  seconds?: number
}

function quantitiesIn(words: string[]): AskedQuantity[] {
  const found: AskedQuantity[] = []
  words.forEach((word, i) => {
    const hyphenated = HYPHENATED_UNIT.exec(word)
    const amount = parseNumber([hyphenated?.[1] ?? word])
    if (amount === undefined) return
    const unit = (hyphenated?.[2] ?? words[i + 1] ?? '').replace(/s$/, '')
    if (unit === '') return
    const perUnit = UNIT_SECONDS[unit]
    found.push({ amount, unitStem: stem(unit), ...(perUnit ? { seconds: amount * perUnit } : {}) })
  })
  return found
}

/** True when a quantity the question names is the value a claim states: "12 hours" against "12-hour talks". */
function statesQuantity(claim: ExtractedClaim, asked: AskedQuantity): boolean {
  const value = claim.comparable
  if (value.type !== 'number') return false
  const amount = claim.dimension === 'duration' ? asked.seconds : claim.focusStems.includes(asked.unitStem) || claim.contextStems.includes(asked.unitStem) ? asked.amount : undefined
  if (amount === undefined) return false
  const slack = 0.005 * Math.abs(amount)
  return amount >= value.low - slack && amount <= value.high + slack
}

/**
 * True when the question names a holder of the disputed office other than the one most sources
 * name: "Did <the holder one source names> attend?" presupposes the dissenting claim, while naming
 * the holder most sources agree on is ordinary (it would attach the note to half the questions).
 */
function namesDissentingHolder(claims: ExtractedClaim[], words: Set<string>): boolean {
  const sourcesByPerson = new Map<string, Set<string>>()
  for (const claim of claims) {
    if (claim.comparable.type !== 'label') continue
    const person = claim.comparable.label.replace(/^former:/, '')
    sourcesByPerson.set(person, (sourcesByPerson.get(person) ?? new Set()).add(claim.sourceId))
  }
  const ranked = [...sourcesByPerson].sort((a, b) => b[1].size - a[1].size)
  const [top, second] = ranked
  const consensus = top && (!second || top[1].size > second[1].size) ? top[0] : undefined
  return ranked.some(([person]) => person !== consensus && words.has(person))
}

/**
 * The disagreements an answer shows: the corpus-wide ones that bear on the question, then the
 * sources' answers to the question compared ("compare the answers", `compareAnswers`) when the
 * corpus-wide ones do not already cover that kind of disagreement.
 */
export function disagreementsForQuestion(index: CorpusIndex, disagreements: DisagreementIndex, context: AnswerContext, options: CompareAnswersOptions = {}): Disagreement[] {
  const asked = askedKindOf(context.analyzed.text)
  // "On which day did the nurses walk out?" asks a day: how many walked out is another question; a share is not a vote's tally.
  // A corpus-wide disagreement of another story (another event in the same corpus) does not bear on the answer's.
  const story = context.quotes[0] && options.storyOf ? options.storyOf(context.quotes[0].source.id) : undefined
  // Asked who, where or which thing, a count ("3 justices", "423 million followers") answers another
  // question; a date, a score, a sum or a share may still answer one ("What was the final score?",
  // "What price did they offer?", "What is the birth date of…?" ask for a thing of that kind).
  const asksName = asked === 'person' || asked === 'place' || asked === 'entity'
  // A side whose figure answers another act, or is another person's, is no answer to this question.
  const found = disagreementsAnswering(
    disagreementsFor(disagreements, context).filter(
    (disagreement) =>
      (!(asked === 'date' || asked === 'duration' || asked === 'percent') || disagreement.kind !== 'quantity' || disagreement.valueKind === asked) &&
      !(asksName && disagreement.kind === 'quantity' && (disagreement.valueKind === 'count' || disagreement.valueKind === 'number')) &&
      (story === undefined || disagreement.claims.some((claim) => options.storyOf?.(claim.source.id) === story)),
    ),
    context.analyzed,
  )
  // The quoted passages first: the answer has read them closely (inflections, proximity), so a source's
  // answering sentence there is read even when retrieval ranked its shorter passages higher.
  const passageIds = quotedFirst(index, context)
  // Likewise the compared answers, once the quoted story has one of its own: another story's sources then
  // answer the question's words, not its subject. Without one, the quote may stand in a story of its own
  // (on RAMDocs, where every document is about the question, keeping them all finds 21 more of 428).
  const everyCompared = [...compareAnswers(index, context.analyzed, passageIds, options), ...compareOfficeStatus(index, context.analyzed.text, passageIds, options.storyOf), ...compareMargins(index, context.analyzed.text, passageIds, options.storyOf)]
  const inStory = (disagreement: Disagreement) => story === undefined || disagreement.claims.some((claim) => options.storyOf?.(claim.source.id) === story)
  const compared = everyCompared.some(inStory) ? everyCompared.filter(inStory) : everyCompared
  // A corpus-wide disagreement on the kind of value asked already shows the sources' answers; one on another kind does not.
  return [...found, ...compared.filter((disagreement) => !found.some((other) => other.kind === disagreement.kind && SAME_VALUES[disagreement.valueKind ?? 'number'].includes(other.valueKind ?? 'number')))]
}

/**
 * The answer's passages with each source's quoted passages moved before its other ones; the
 * sources keep the order in which retrieval first found them.
 */
function quotedFirst(index: CorpusIndex, context: AnswerContext): string[] {
  const quotedBySource = new Map<string, string[]>()
  for (const quote of context.quotes) quotedBySource.set(quote.source.id, [...(quotedBySource.get(quote.source.id) ?? []), quote.passageId])
  const ordered = new Set<string>()
  for (const id of context.passageIds) {
    const sourceId = passageById(index, id)?.sourceId
    for (const quoted of (sourceId !== undefined ? quotedBySource.get(sourceId) : undefined) ?? []) ordered.add(quoted)
    ordered.add(id)
  }
  return [...ordered]
}

/** The corpus-wide value kinds that state the same values as a compared answer of each asked kind. */
const SAME_VALUES: Record<ValueKind, ValueKind[]> = {
  duration: ['duration'],
  number: ['number', 'count', 'money', 'score', 'percent'],
  count: ['count', 'number'],
  money: ['money', 'number'],
  score: ['score', 'number'],
  percent: ['percent'],
  date: ['date'],
  person: ['person', 'office'],
  office: ['office', 'person'],
  place: ['place'],
  entity: ['entity'],
  outcome: ['outcome'],
}

/**
 * `minAnswerShare` of a question the bot declined: its words were judged too scattered to quote,
 * so each side's sentence must hold more of them than usual (0.4). On RAMDocs, 0.6 against 0.4:
 * recall 67.8% against 68.2%, false alarms 6 of 72 against 8.
 */
const DECLINED_MIN_ANSWER_SHARE = 0.6

/**
 * The answer to a question the bot declined to quote (`no_answer`) when the sources do answer it,
 * each with a different value: the sides of the disagreement are the answer, each quoted verbatim
 * with its source. A question naming something no source mentions, asking a figure of a word no
 * source uses, or asked of one source, is left declined. Undefined when the sources do not disagree on it.
 */
export function disputedAnswer(index: CorpusIndex, declined: Answer, analyzed: AnalyzedQuestion, passageIds: string[], options: CompareAnswersOptions = {}): Answer | undefined {
  if (analyzed.missingTopic !== undefined) return undefined
  // A figure measures a thing: asked the count of a thing no source names ("how many strollers" of a
  // corpus about heaters), the figures are of something else. A role no source names ("the artist") is a paraphrase.
  // Likewise the doer or the day of an act done to a thing no source names ("Who won the tennis final?"
  // of a by-election); a question with no act ("Who is the artist of…?") may name a role in a paraphrase.
  const kind = askedKindOf(analyzed.text) ?? ''
  const measures = ['number', 'duration', 'percent', 'date'].includes(kind) || (kind === 'person' && askedActStems(analyzed) !== undefined)
  if (measures && analyzed.terms.some((term) => !term.variants.some((variant) => !variant.synonym && index.docFreq.has(variant.stem)))) return undefined
  const compared = [
    ...compareAnswers(index, analyzed, passageIds, { ...options, minAnswerShare: DECLINED_MIN_ANSWER_SHARE }),
    ...compareOfficeStatus(index, analyzed.text, passageIds, options.storyOf),
    ...compareMargins(index, analyzed.text, passageIds, options.storyOf),
  ]
  if (compared.length === 0) return undefined
  const quotes: Quote[] = compared.flatMap((disagreement) =>
    disagreement.claims.map((claim) => ({ text: claim.text, source: claim.source, alsoIn: claim.alsoIn ?? [], passageId: claim.passageId, highlights: [], score: 0 })),
  )
  const { message: _message, suggestions: _suggestions, ...rest } = declined
  return { ...rest, status: 'answered', quotes, disagreements: compared, hasMore: false }
}

/** How every adapter labels a claim whose source is newer than every other side's (`Claim.newer`). */
export const NEWER_NOTE = 'newest source: the others may be outdated'
