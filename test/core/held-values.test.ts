import { beforeAll, describe, expect, it } from 'vitest'
import { clauseActOf } from '../../src/claims/asked-act.js'
import { ownerOf } from '../../src/claims/claim-act.js'
import { tagWords } from '../../src/claims/phrase.js'
import { amountAskedOf } from '../../src/claims/value-fit.js'
import { outcomeReadings } from '../../src/claims/outcome-answer.js'
import { stem } from '../../src/analyzer.js'
import { loadCorpusDir } from '../../adapters/load-corpus.js'
import { createEngine } from '../../src/index.js'
import { fixtureDir, sharedSynsets } from '../helpers/engine.js'

// Round 16: values that answer the question asked, on invented events written like the lead's held-out corpus.

const at = (text: string, figure: string) => [text.indexOf(figure), text.indexOf(figure) + figure.length] as const
const engineOf = async (name: string) => createEngine(await loadCorpusDir(fixtureDir(name)), { synsets: await sharedSynsets() })
// WordNet is read once for the file, before the first engine: on a busy machine it takes most of a test's time limit.
beforeAll(async () => {
  await sharedSynsets()
}, 120_000)
const shown = (answer: { disagreements: Array<{ claims: Array<{ value: string }> }> }) => answer.disagreements.map((disagreement) => disagreement.claims.map((claim) => claim.value).sort())

describe('the onset of an event asked about', () => {
  it('dates the start of the thing asked only from a clause stating its onset, in any of the words of onset', async () => {
    const engine = await engineOf('compare-blizzard')
    // "The blizzard … began late on Wednesday" against "brought down on Saturday, three days after a blizzard trapped them".
    expect(shown(engine.ask('When did the blizzard start?'))).toEqual([])
    // The day the climbers were brought down is still contested.
    expect(shown(engine.ask('When were the climbers brought down?'))).toEqual([['Saturday', 'Thursday']])
  })

  it('reads "began" and "broke out" as the onset asked by "start", for the thing asked, not for another noun', () => {
    const text = 'The storm began on Monday, before the search began on Friday.'
    const words = tagWords(text)
    const acts = new Set(['start', 'begin', 'commenc', 'break out'])
    const clause = (from: number, to: number) => ({ start: from, end: to })
    const comma = text.indexOf(',')
    expect(clauseActOf(words, clause(0, comma), { start: text.indexOf('Monday'), end: text.indexOf('Monday') + 6 }, acts, new Set(['storm']))).toEqual({ act: 'asked' })
    expect(clauseActOf(words, clause(comma + 2, text.length), { start: text.indexOf('Friday'), end: text.indexOf('Friday') + 6 }, acts, new Set(['storm']))).not.toEqual({ act: 'asked' })
    const fire = tagWords('A fire broke out on Monday.')
    expect(clauseActOf(fire, clause(0, 26), { start: 19, end: 25 }, acts, new Set(['fire']))).toEqual({ act: 'asked' })
  })
})

describe('a share of the person asked about', () => {
  it('sets aside the rival\'s share a sentence gives "to" or "for" another name', async () => {
    const engine = await engineOf('compare-leadership')
    expect(shown(engine.ask('What share of the vote did Ilse Marten get?'))).toEqual([['52%', '58%']])
  })

  it('takes no name before a preposition for a share\'s owner ("on Saturday with 58%")', () => {
    const text = 'Ilse Marten was chosen on Saturday with 58% of the vote.'
    expect(ownerOf(text, ...at(text, '58%'))).toBeUndefined()
  })
})

describe('how much a thing is', () => {
  it('reads the thing whose amount is asked', () => {
    expect(amountAskedOf('How much is the bus fare in Harlow?')).toEqual(['bus', 'fare'])
    expect(amountAskedOf('How much were the bribes worth?')).toEqual(['bribes'])
    expect(amountAskedOf('How much of the vote did she win?')).toBeUndefined()
    expect(amountAskedOf('How much did prices rise?')).toBeUndefined()
  })

  it('answers it with no vote share of a sentence that does not name the thing', async () => {
    const engine = await engineOf('compare-leadership')
    expect(shown(engine.ask('How much is the membership fee of the Dunholm Greens?'))).toEqual([])
  })
})


describe('ownerOf and a copula', () => {
  it('gives no owner to a figure a copula ties to its subject ("Turnout was 48 percent")', () => {
    const text = 'Turnout was 48 percent, well below the last vote.'
    expect(ownerOf(text, ...at(text, '48 percent'))).toBeUndefined()
    const took = 'Rolf Dane took 48% of the vote.'
    expect(ownerOf(took, ...at(took, '48%'))).toBe('Rolf Dane')
  })
})

describe('harm asked about', () => {
  it('sets "none of the climbers was badly injured" against climbers "treated in hospital"', async () => {
    const engine = await engineOf('compare-blizzard')
    const [disagreement] = engine.ask('Were any of the climbers hurt?').disagreements
    expect(disagreement?.valueKind).toBe('outcome')
    expect(disagreement?.claims.map((claim) => claim.value).sort()).toEqual(['in hospital', 'none of the climbers was badly injured'])
  })

  it('reads "a hospital doctor" as no harm', () => {
    const words = tagWords('A hospital doctor said the climbers were resting.')
    expect(outcomeReadings(words, new Set([stem('injured')]))).toEqual([])
  })
})
