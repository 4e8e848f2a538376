import { FEATURE } from '../search.js'
import { withoutQuotations } from './quotable.js'
import type { Unit } from './types.js'

const FACT_FEATURES = FEATURE.count | FEATURE.date | FEATURE.duration | FEATURE.money | FEATURE.percent | FEATURE.time

const REPORTING_VERBS = 'said|says|told|announced|stated|declared|confirmed|acknowledged|admitted|conceded|insisted|promised|pledged|denied|described|added|replied|wrote'

/** Verbs that carry no action of their own: they report, or need their object to mean anything. */
export const LIGHT_VERBS: ReadonlySet<string> = new Set(
  `be is are was were been being have has had do does did make made get got take took give gave go went come came ${REPORTING_VERBS.replace(/\|/g, ' ')} say tell announce state add`.split(' '),
)

/** A speaker right before a reporting verb ("the union said", "Dahl told reporters", "she later added"). */
const SPEAKER_BEFORE_VERB = new RegExp(`([\\p{L}’'.-]+),?\\s+(?:(?:also|later|then|publicly|has|had|have)\\s+)?(?:${REPORTING_VERBS})\\b`, 'giu')

/** "according to the clerk", or a quote followed by its speaker ("…,” said the mayor). */
const SPEAKER_AFTER = new RegExp(`\\baccording to\\s+(?:the\\s+)?([\\p{L}’'.-]+)|[,”"]\\s+(?:${REPORTING_VERBS})\\s+(?:the\\s+)?([\\p{L}’'.-]+)`, 'giu')

/**
 * What both speaker patterns need somewhere in the text: a reporting verb or "according to". Most
 * sentences have neither, and this test is far cheaper than the patterns, which try a word at every
 * letter. Same flags as theirs, so it folds case exactly as they do.
 */
const SPEAKER_CUE = new RegExp(`${REPORTING_VERBS}|according`, 'iu')

/** Who comments rather than acts or reports: their words are opinion, not a record of what happened. */
const COMMENTATORS = new Set('analyst analysts expert experts observer observers critic critics commentator commentators pundit pundits some many others few most people who which that and or but'.split(' '))

/** Words that state what happened: an outcome reached or missed, a decision, a result. */
const OUTCOME = /\b(?:reached|struck|signed|sealed|clinched|secured|agreed|approved|announced|decided|elected|won|defeated|beat|conceded|resigned|rejected|ratified|voted|unveiled|launched|opened|closed|concluded|ended|collapsed|walked out|broke (?:down|up|off)|called off|postponed|cancell?ed|arrested|charged|sentenced|killed|died)\b|\b(?:without|no)\s+(?:\p{L}+\s+){0,2}(?:agreement|deal|accord|ceasefire|truce|consensus|settlement|breakthrough|compromise|resolution)s?\b/iu

/** Modal hedges: the sentence speculates about what may be rather than reports what is. */
const HEDGES = /\b(?:may|might|could|would|perhaps|possibly|potentially|arguably|likely|unlikely|probably|seems?|seemed|appears?|appeared|suggests?|suggested)\b/gi

/**
 * Evaluative and abstract words that judge an event rather than tell it ("a symbolic moment", "a
 * critical opportunity", "underscores the complexities"): general English, no corpus's words.
 */
const EVALUATIVE = new RegExp(
  `\\b(?:${(
    'moment opportunity opportunities significance implications? complexit(?:y|ies) dynamics landscape tapestry narrative backdrop era juncture ' +
    'reminder symbol(?:ism)? balance interplay architecture undercurrents? calculus optics stakes aspirations? challenges realit(?:y|ies) perceptions? ' +
    'crossroads watershed milestone lessons? spectacle theatre theater symbolic significant critical crucial pivotal profound delicate complex nuanced ' +
    'unprecedented monumental historic fragile broader deeper larger vital essential remarkable striking notable high-stakes ' +
    'underscor(?:e|es|ed|ing) highlight(?:s|ed|ing)? illustrat(?:e|es|ed|ing) reflect(?:s|ed|ing)? symboli[sz](?:e|es|ed|ing) exemplif(?:y|ies|ied) epitomi[sz](?:e|es|ed) ' +
    // Words of one entry are joined by a regex whitespace class, since each plain space becomes an alternation.
    '(?:viewed|seen|regarded|interpreted|perceived)\\s+as|marked\\s+an?|served\\s+as'
  ).replace(/ (?=\S)/g, '|')})\\b`,
  'gi',
)

/** Background: how things stood before the event ("had been strained for several years", "historically"). */
const BACKGROUND = /\bhad been\b[^.;]*?\b(?:for|over)\s+(?:the\s+(?:past|last)\s+)?(?:(?:several|many|some|a few|a number of|\d+|two|three|four|five|ten)\s+)?(?:years|decades)\b|\bfor (?:several|many) (?:years|decades)\b|\bhistorically\b|\bin recent (?:years|decades)\b/i

/** Looking ahead: what may come rather than what happened ("moving forward", "remains to be seen", "whether … will"). */
const LOOK_AHEAD = /\b(?:moving|going|looking) forward\b|\bwill remain\b|\bremains? to be seen\b|\bwhether\b[^.;]*?\bwill\b|\bin the (?:coming|months ahead|weeks ahead|years ahead)\b/i

/**
 * How much a sentence reads as a reported fact rather than commentary, about −2.5 to +3: figures and
 * dates, names, someone speaking on the record, an outcome (a deal reached or not, a decision), or a
 * claim the claim extractor found count for it; modal hedges and evaluative abstractions count
 * against it. Words inside quotation marks are the speaker's, so they do not hedge the report.
 */
export function factOf(unit: Unit, names: ReadonlySet<string>, hasClaim: boolean): number {
  const text = withoutQuotations(unit.text)
  let fact = 0
  if (unit.features & FACT_FEATURES || unit.numbers.size > 0) fact += 1
  if (unit.features & FEATURE.properNoun || [...unit.vector.keys()].some((term) => names.has(term))) fact += 0.5
  if (hasSpeaker(unit.text)) fact += 1
  if (OUTCOME.test(text)) fact += 1
  if (hasClaim) fact += 1
  fact = Math.min(3, fact)
  if ((text.match(HEDGES) ?? []).length > 0) fact -= 1
  fact -= 0.5 * Math.min(3, (text.match(EVALUATIVE) ?? []).length)
  // Background and look-ahead frame the event however many facts they carry: commentary, at most 0.
  if (BACKGROUND.test(text) || LOOK_AHEAD.test(text)) fact = Math.min(0, fact - 2)
  return fact
}

/** Whether the sentence reports someone's words with the speaker named: not a commentator's view. */
function hasSpeaker(text: string): boolean {
  if (!SPEAKER_CUE.test(text)) return false
  for (const match of text.matchAll(SPEAKER_BEFORE_VERB)) if (isSpeaker(match[1])) return true
  for (const match of text.matchAll(SPEAKER_AFTER)) if (isSpeaker(match[1] ?? match[2])) return true
  return false
}

function isSpeaker(word: string | undefined): boolean {
  return word !== undefined && !COMMENTATORS.has(word.toLowerCase())
}
