import { stem } from '../analyzer.js'
import type { Passage, Sentence } from '../types.js'
import type { Draft } from './types.js'
import { CAPITALISED } from '../letter-patterns.js'

/** Offices a person holds, as written before a name. Longest first so "Prime Minister" beats "Minister". */
export const OFFICES = [
  'Vice President', 'President', 'Prime Minister', 'Deputy Prime Minister', 'Foreign Minister', 'Defence Minister', 'Defense Minister', 'Finance Minister',
  'Interior Minister', 'Trade Minister', 'Health Minister', 'Minister', 'Chancellor', 'Secretary of State', 'Secretary-General', 'Secretary General',
  'Governor', 'Deputy Mayor', 'Mayor', 'Sheriff', 'Fire Chief', 'Police Chief', 'King', 'Queen', 'Chief Executive', 'CEO', 'Chairman', 'Chairwoman', 'Chair', 'Premier', 'Speaker', 'Coach', 'Manager', 'Captain',
].sort((a, b) => b.length - a.length)
export const OFFICE_FIRST_WORDS = `(?:${[...new Set(OFFICES.map((office) => office.split(/[\s-]/)[0]))].join('|')})\\b`
export const STATUS_WORDS = '(?:[Ff]ormer|[Ee]x-|[Tt]hen-|[Oo]utgoing|[Ll]ate|[Ii]ncoming|[Ii]nterim|[Aa]cting|[Ss]itting|[Cc]urrent)'
export const COUNTRY_ABBREVIATIONS = 'U\\.S\\.|US|U\\.K\\.|UK|EU|UN|U\\.N\\.'
export const ROLE_PATTERN = new RegExp(
  `(?:(${STATUS_WORDS})\\s+)?(?:(${COUNTRY_ABBREVIATIONS}|[A-Z][a-z]+(?:\\s(?!${OFFICE_FIRST_WORDS})[A-Z][a-z]+)?)\\s+)?(${OFFICES.join('|')})\\s+((?:[A-Z][\\p{L}’'-]+|[A-Z]\\.)(?:\\s+(?:[A-Z][\\p{L}’'-]+|[A-Z]\\.)){0,3})(?:\\s+of\\s+(?:the\\s+)?([A-Z][a-z]+(?:\\s[A-Z][a-z]+)?))?`,
  'gu',
)
/**
 * Offices of a town, county or state: named without a country ("Mayor X", "City Mayor X", "the
 * county's sheriff, X"), they are one office when the corpus names one place for them.
 */
export const LOCAL_OFFICES = new Set(['mayor', 'deputy mayor', 'governor', 'sheriff', 'fire chief', 'police chief'])
/** Qualifiers of a local office that name no particular place. */
export const GENERIC_PLACES = new Set(['City', 'Town', 'County', 'State', 'Local', 'Regional', 'District', 'Municipal', 'Village', 'Borough'])
export const LOCAL_APPOSITIVE = new RegExp(
  `\\b[Tt]he\\s+(?:(current|new|former|outgoing|interim|acting|sitting)\\s+)?(?:(\\p{Lu}\\p{Ll}+|[a-z]+[’']s)\\s+)?(${[...LOCAL_OFFICES].join('|')}),\\s+((?:\\p{Lu}[\\p{L}’'-]+)(?:\\s+\\p{Lu}[\\p{L}’'-]+){1,2})`,
  'gu',
)
export const MAY_NAME_OFFICE = new RegExp(`\\b(?:${[...new Set(OFFICES.map((office) => office.split(/[\s-]/).pop()))].join('|')})\\b`)
export const MAY_NAME_COUNTRY = /[a-z]\s+of\s+(?:the\s+)?[A-Z]/
export const NAME_OF_COUNTRY = /([A-Z][\p{L}’'-]+(?:\s+[A-Z][\p{L}’'-]+){1,2})\s+of\s+(?:the\s+)?((?:[A-Z][a-z]+)(?:\s[A-Z][a-z]+)?)/gu

/**
 * Abbreviations and names that do not look like a demonym, to one key. Any other demonym before an
 * office ("Norlandic", "Veskan") keys as itself, so no list of countries is needed.
 */
export const COUNTRIES: Record<string, string> = {}
for (const [key, names] of Object.entries({
  US: 'U.S.|US|USA|United States|America|American',
  UK: 'U.K.|UK|United Kingdom|Britain|British',
  EU: 'EU|European Union',
  UN: 'UN|U.N.|United Nations',
})) {
  for (const name of names.split('|')) COUNTRIES[name] = key
}
/** Capitalised words before an office that are not countries. */
export const NOT_A_COUNTRY = new Set(['The', 'A', 'An', 'Then', 'When', 'While', 'As', 'If', 'But', 'And', 'New', 'Former', 'Our', 'Its', 'His', 'Her', 'Their', 'That', 'This', 'Deputy', 'Vice', 'Acting', 'Both', 'After', 'Before', 'Meanwhile'])


/** A person named with an office, before the corpus decides which country the office belongs to. */
export interface RoleMention {
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
export function placeOf(word: string | undefined): string | undefined {
  if (!word || NOT_A_COUNTRY.has(word.split(' ')[0] ?? '') || GENERIC_PLACES.has(word) || COUNTRIES[word] || !CAPITALISED.test(word)) return undefined
  return word
}

export function countryOf(word: string | undefined): string | undefined {
  if (!word) return undefined
  if (COUNTRIES[word]) return COUNTRIES[word]
  const last = word.split(' ').pop() ?? word
  if (NOT_A_COUNTRY.has(word.split(' ')[0] ?? '')) return undefined
  // An unlisted demonym ("Norlandic", "Veskan") keys as itself.
  if (/^[A-Z][a-z]+(an|ian|ese|ish|ic|i)$/.test(last)) return last
  return undefined
}

export function roleMentions(text: string, sourceId: string, passage: Passage, sentence: Sentence, headline: boolean): RoleMention[] {
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
export interface RoleDraft extends Draft {
  sourceId: string
  passageId: string
  headline: boolean
  sentence: { start: number; end: number }
}

/** A holder's country: from explicit qualifiers anywhere in the corpus, else from the holders named alongside. */
export function resolveRoles(mentions: RoleMention[]): RoleDraft[] {
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
export function resolveLocalRoles(mentions: RoleMention[], fullName: Map<string, string>): RoleDraft[] {
  const placesByOffice = new Map<string, Set<string>>()
  for (const mention of mentions) if (mention.place) placesByOffice.set(mention.office, (placesByOffice.get(mention.office) ?? new Set()).add(mention.place))
  const byKey = new Map<string, Array<{ mention: RoleMention; place?: string }>>()
  for (const mention of mentions) {
    const places = placesByOffice.get(mention.office)
    const place = mention.place ?? (places?.size === 1 ? [...places][0] : undefined)
    if (!place && (places?.size ?? 0) > 1) continue
    const key = `role:local:${mention.office}${place ? `:${place}` : ''}`
    const group = byKey.get(key)
    if (group) group.push({ mention, ...(place ? { place } : {}) })
    else byKey.set(key, [{ mention, ...(place ? { place } : {}) }])
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
