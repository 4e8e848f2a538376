import { stem } from '../analyzer.js'
import type { EntityContext, KindDraft } from './entity.js'
import { attachmentOf, CLASS_BY_STEM, contentBefore, GENERIC_COUNTED, MIN_COMPOUND_HEAD, MIN_COMPOUND_LEAD, nounAfter, verbAfter } from './measured.js'
import { formatAmount, HEDGE_PREFIX, hedgeBefore, interval, parseNumber, UNIT_SECONDS } from './numbers.js'
import type { Word } from './read.js'
import type { ClaimValue, ExtractedClaim } from './types.js'

/** Marks a count whose noun is left out ("15 injured"): the corpus pass decides who was counted. */
export const IMPLICIT_COUNTED = '*'

/** Counts: a number with what it counts ("14 people were killed", "15 injured", "300 vehicles"). */
export function countDraft({ words, first, last, chunk, settings }: EntityContext): KindDraft | undefined {
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

/**
 * "15 injured" leaves out who: when every count of the injured in the corpus counts one kind of
 * people ("12 workers were injured"), it counts them too; otherwise it counts people in general.
 */
export function settleImplicitCounts(claims: ExtractedClaim[]): void {
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

/** A head of a compound: lower-case letters only (its length is checked apart). */
const LOWER_CASE_WORD = /^[a-z]+$/

/**
 * "1,200 dockworkers walked out" and "1,500 workers took part in the walkout": an English compound
 * names a kind of its last part (a dockworker is a worker), so a count of the compound is a count of
 * that noun when the corpus counts that noun too. The head is a counted noun of four letters or more
 * and the compound adds three letters or more before it ("dock" + "workers").
 */
export function settleCompoundCounts(claims: ExtractedClaim[]): void {
  // The counted word as written ("dockworkers", "workers"): stems of a compound and its head can differ.
  const wordOf = (claim: ExtractedClaim) => claim.value.split(' ').at(-1)?.toLowerCase() ?? ''
  const heads = new Map<string, string>()
  for (const claim of claims) {
    const [kind, noun] = claim.key.split(':')
    if (kind === 'count' && noun && noun !== IMPLICIT_COUNTED && !GENERIC_COUNTED.has(noun)) heads.set(wordOf(claim), noun)
  }
  for (const claim of claims) {
    const [kind, noun, ...rest] = claim.key.split(':')
    if (kind !== 'count' || !noun || noun === IMPLICIT_COUNTED) continue
    const word = wordOf(claim)
    // The word's endings that are counted heads, looked up one by one: the heads of a large corpus
    // number thousands, a word's endings a few.
    const found = new Set<string>()
    for (let length = MIN_COMPOUND_HEAD; length <= word.length - MIN_COMPOUND_LEAD; length++) {
      const ending = word.slice(word.length - length)
      const key = heads.get(ending)
      if (key !== undefined && key !== noun && LOWER_CASE_WORD.test(ending)) found.add(key)
    }
    // Two counted heads would make the reading a guess: only a single one is taken.
    const [head] = found.size === 1 ? found : []
    if (head === undefined) continue
    claim.key = ['count', head, ...rest].join(':')
    if (claim.comparable.type === 'number') claim.comparable = { ...claim.comparable, unit: head }
    if (!claim.focusStems.includes(head)) claim.focusStems = [...claim.focusStems, head]
  }
}
