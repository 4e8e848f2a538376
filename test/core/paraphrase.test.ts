import { beforeAll, describe, expect, it } from 'vitest'
import type { Engine } from '../../src/index.js'
import { loadCorpusDir } from '../../adapters/load-corpus.js'
import { BUNDLED_DIR, createCheckedEngine, fixtureDir, loadCheckedEngine, sharedSynsets } from '../helpers/engine.js'
import { PARAPHRASE_QUESTIONS } from './paraphrase-questions.js'

/** Floors of the share of in-scope questions quoted right, at today's level (README): the target is 85%. */
const TUNE_FLOOR = 0.67
const HELD_OUT_FLOOR = 0.38
// 11 of 38 since round 8 (6 after round 7's phrase pairs: "How long will the cable car be out of service?"
// lost its quote; README, "Answers on corpora it has never seen").
const FRESH_FLOOR = 0.28
const NEWEST_FLOOR = 0.36
// Round 13: 20 of 52; "Who piloted the jet?" was answered only through a false dispute (the airline's
// name against the pilot's), which the comparison of the asked act no longer makes, and is declined.
const ROUND6_FLOOR = 0.38
/** Out-of-scope questions of the round-6 half declined, of 22, at today's level: the target is 95%. */
const ROUND6_OUT_OF_SCOPE_DECLINED = 17
/** Round 7's held-out set (README): 5 of 20 quoted right before any change, 7 since round 8, 8 since round 16 ("What were schoolchildren told to do?": "schoolchild" is "pupil"). */
const ROUND7_FLOOR = 0.4
/** Out-of-scope questions of the round-7 half declined, of 12: 4 before round 7, 5 since names alone no longer link a question to the articles it would quote, 6 since round 10 ("How many lions escaped from Marrow Park Zoo?": no quote counts lions), 7 since round 12 ("Did a tiger escape from a zoo in Lyon last year?"), 8 since round 13 ("When was Marrow Park Zoo founded?": the quote shares only the name). */
const ROUND7_OUT_OF_SCOPE_DECLINED = 8
/** Round 8's held-out set (README): 5 of 20 quoted right and 4 of 12 out-of-scope declined before any change. */
const ROUND8_FLOOR = 0.3
// 8 since round 12: "Was there a blackout in Carrowby last summer too?" (no quote speaks of last summer);
// 9 since round 13: "How much does Northline Energy charge per unit of electricity?" (the quote shares only the name).
const ROUND8_OUT_OF_SCOPE_DECLINED = 9
/** Round 9's held-out set (README): 10 of 20 quoted right and 3 of 12 out-of-scope declined before any change; 7 after round 9, 9 since round 10, 10 since round 12 ("…at Selby Sands last year?"). */
const ROUND9_FLOOR = 0.5
const ROUND9_OUT_OF_SCOPE_DECLINED = 10
/** Round 10's held-out set (README): 4 of 16 quoted right, 6 declined and 4 of 10 out-of-scope declined at its first run; 8 of 10 declined since round 10. */
const ROUND10_FLOOR = 0.25
const ROUND10_OUT_OF_SCOPE_DECLINED = 8
/** Round 12's held-out set (README): 3 of 20 quoted right, 14 declined and 8 of 10 out-of-scope declined at its first run; 9 since round 13 ("When was the Harwick Museum built?"). */
const ROUND12_FLOOR = 0.15
const ROUND12_OUT_OF_SCOPE_DECLINED = 9
/**
 * In-scope questions of every half declined ("not in my sources" when the articles say it in other
 * words), at today's level: 109 of 288 (95 of 268 before round 12's half added its 14 first-run declines; 109 until
 * round 13 declined "Who piloted the jet?", answered before only through a false dispute; 109 since round 16
 * read "schoolchildren" as "schoolchild"). The target is 0.
 */
const IN_SCOPE_DECLINED_CEILING = 109

describe('ask with questions worded away from the articles', () => {
  const engines = new Map<string, Engine>()

  beforeAll(async () => {
    for (const corpus of new Set(PARAPHRASE_QUESTIONS.map((testCase) => testCase.corpus))) engines.set(corpus, (await loadCheckedEngine(fixtureDir(corpus))).engine)
  }, 120_000)

  type Half = 'tune' | 'held-out' | 'fresh' | 'newest' | 'round6' | 'round7' | 'round8' | 'round9' | 'round10' | 'round12' | 'round16'
  const rightShare = (half: Half) => {
    const inScope = PARAPHRASE_QUESTIONS.filter((testCase) => testCase.phrase !== undefined && (testCase.half ?? 'tune') === half)
    const right = inScope.filter((testCase) => {
      const answer = engines.get(testCase.corpus)?.ask(testCase.question)
      return answer?.status === 'answered' && answer.quotes.some((quote) => quote.text.toLowerCase().includes((testCase.phrase ?? '').toLowerCase()))
    })
    return right.length / inScope.length
  }
  /** How many of the half's out-of-scope questions are declined. */
  const declinedOutOfScope = (half: Half) =>
    PARAPHRASE_QUESTIONS.filter((testCase) => testCase.phrase === undefined && testCase.half === half && engines.get(testCase.corpus)?.ask(testCase.question).status === 'no_answer').length

  // Floors at today's level (see the README): the target is 85% of each.
  it('answers most in-scope paraphrases of the old tuning half with a quote that holds the answer', () => {
    expect(rightShare('tune')).toBeGreaterThanOrEqual(TUNE_FLOOR)
  })

  it('answers some of the old held-out paraphrases with a quote that holds the answer', () => {
    expect(rightShare('held-out')).toBeGreaterThanOrEqual(HELD_OUT_FLOOR)
  })

  it('answers some of the new held-out paraphrases with a quote that holds the answer', () => {
    expect(rightShare('fresh')).toBeGreaterThanOrEqual(FRESH_FLOOR)
  })

  it('answers some of the round-5 held-out paraphrases (two events in one corpus) with a quote that holds the answer', () => {
    expect(rightShare('newest')).toBeGreaterThanOrEqual(NEWEST_FLOOR)
  })

  it('answers the round-6 paraphrases (three events in one corpus) with a quote that holds the answer more often than before round 6 (17 of 52)', () => {
    expect(rightShare('round6')).toBeGreaterThanOrEqual(ROUND6_FLOOR)
  })

  it('declines 95% of the earlier halves\' out-of-scope questions, near misses on the same theme included', () => {
    const outOfScope = PARAPHRASE_QUESTIONS.filter((candidate) => candidate.phrase === undefined && candidate.half !== 'round6' && candidate.half !== 'round7' && candidate.half !== 'round8' && candidate.half !== 'round9' && candidate.half !== 'round10' && candidate.half !== 'round12' && candidate.half !== 'round16')
    const answered = outOfScope.filter((testCase) => engines.get(testCase.corpus)?.ask(testCase.question).status !== 'no_answer').map((testCase) => testCase.question)
    expect(answered.length / outOfScope.length, answered.join(' | ')).toBeLessThanOrEqual(0.05)
  })
  // Today's level (README): 17 of 22 (16 before round 6's bridges). Five near misses share a name and a theme word with an article ("the Arlen jazz festival").
  it('declines most of the round-6 out-of-scope questions', () => {
    expect(declinedOutOfScope('round6')).toBeGreaterThanOrEqual(ROUND6_OUT_OF_SCOPE_DECLINED)
  })

  it('answers the round-7 held-out paraphrases (two events in one corpus) with a quote that holds the answer at least as often as when written', () => {
    expect(rightShare('round7')).toBeGreaterThanOrEqual(ROUND7_FLOOR)
  })

  it('declines the round-7 out-of-scope questions it declined when round 7 ended', () => {
    expect(declinedOutOfScope('round7')).toBeGreaterThanOrEqual(ROUND7_OUT_OF_SCOPE_DECLINED)
  })

  it('answers the round-8 held-out paraphrases (avalanche and power cut in one corpus) with a quote that holds the answer at least as often as when written', () => {
    expect(rightShare('round8')).toBeGreaterThanOrEqual(ROUND8_FLOOR)
  })

  it('declines more of the round-8 out-of-scope questions than when they were written (4 of 12)', () => {
    expect(declinedOutOfScope('round8')).toBeGreaterThanOrEqual(ROUND8_OUT_OF_SCOPE_DECLINED)
  })

  it('answers as many round-9 in-scope paraphrases as when they were written', () => {
    expect(rightShare('round9')).toBeGreaterThanOrEqual(ROUND9_FLOOR)
  })

  it('declines more of the round-9 out-of-scope questions than when they were written (3 of 12)', () => {
    expect(declinedOutOfScope('round9')).toBeGreaterThanOrEqual(ROUND9_OUT_OF_SCOPE_DECLINED)
  })

  it('answers the round-10 held-out paraphrases (crane collapse and bank outage in one corpus) at least as often as when written', () => {
    expect(rightShare('round10')).toBeGreaterThanOrEqual(ROUND10_FLOOR)
  })

  it('declines more of the round-10 out-of-scope questions than when they were written (4 of 10)', () => {
    expect(declinedOutOfScope('round10')).toBeGreaterThanOrEqual(ROUND10_OUT_OF_SCOPE_DECLINED)
  })

  it('answers the round-12 held-out paraphrases (bakery explosion and ancient canoe in one corpus) at least as often as when written', () => {
    expect(rightShare('round12')).toBeGreaterThanOrEqual(ROUND12_FLOOR)
  })

  it('declines the round-12 out-of-scope questions it declined when they were written (8 of 10)', () => {
    expect(declinedOutOfScope('round12')).toBeGreaterThanOrEqual(ROUND12_OUT_OF_SCOPE_DECLINED)
  })

  it('declines no more in-scope questions, over every half, than today', () => {
    // Round 16's held-out half is reported apart (README), not held to the earlier halves' ceiling.
    const declined = PARAPHRASE_QUESTIONS.filter((testCase) => testCase.phrase !== undefined && testCase.half !== 'round16' && engines.get(testCase.corpus)?.ask(testCase.question).status === 'no_answer').map((testCase) => testCase.question)
    expect(declined.length, declined.join(' | ')).toBeLessThanOrEqual(IN_SCOPE_DECLINED_CEILING)
  })

  it('declines a question about a place the articles name when what it asks of that place is in none of them', () => {
    const water = engines.get('paraphrase-whales-water')
    expect(water?.ask('Who is the mayor of Quenby?').status).toBe('no_answer')
    expect(water?.ask('Who won the election in Harlow Vale?').status).toBe('no_answer')
    // Asked in the articles' words, the same name is answered.
    const households = water?.ask('How many households in Harlow Vale had to boil their water?')
    expect(households?.status).toBe('answered')
    expect(households?.quotes[0]?.text).toContain('Forty thousand households')
  })

  it('answers a named question in its own words when it says something else the articles say', () => {
    // "jet" is in no article (they say "flight" and "plane"), but "back" and "Hessel" are.
    const landing = engines.get('paraphrase-landing-outbreak-sinkhole')?.ask('Why did the jet go back to Hessel?')
    expect(landing?.status).toBe('answered')
    expect(landing?.quotes.some((quote) => quote.text.includes('caught fire'))).toBe(true)
  })

  it('answers a question worded with a common word a few articles never use, when its other noun is theirs', () => {
    // The articles never say "cargo": the rocket "was carrying a weather satellite".
    const rocket = engines.get('paraphrase-zoo-rocket')
    const cargo = rocket?.ask("What was the rocket's cargo?")
    expect(cargo?.status).toBe('answered')
    expect(cargo?.quotes.some((quote) => quote.text.includes('weather satellite'))).toBe(true)
  })

  it('declines a question whose every noun is new to the articles, though it shares their verb', () => {
    const rocket = engines.get('paraphrase-zoo-rocket')
    expect(rocket?.ask('How many lions escaped?').status).toBe('no_answer')
  })

  it('answers a question whose one noun the articles never use when loneUnknownNounShare is on, and declines it by default', async () => {
    // The articles say "opened an investigation", never "incident"; off by default because the same
    // reading answers questions about other events ("Who piloted the jet?" of a corpus about pilot whales).
    const articles = await loadCorpusDir(fixtureDir('paraphrase-landing-outbreak-sinkhole'))
    const lone = createCheckedEngine(articles, { synsets: await sharedSynsets(), answer: { loneUnknownNounShare: 0 } }).ask('Who is investigating the incident?')
    expect(lone.status).toBe('answered')
    expect(lone.quotes.some((quote) => quote.text.includes('air accident bureau has opened an investigation'))).toBe(true)
    expect(engines.get('paraphrase-landing-outbreak-sinkhole')?.ask('Who is investigating the incident?').status).toBe('no_answer')
  })

  it('declines a named "how many" question when no quote counts the thing asked, and answers one that a quote counts', () => {
    const bank = engines.get('paraphrase-crane-bank')
    // The articles mention the bank's branches, but count only complaints and customers.
    expect(bank?.ask('How many branches does Northmere Bank have?').status).toBe('no_answer')
    const customers = bank?.ask('How many customers did Northmere Bank say were affected?')
    expect(customers?.status).toBe('answered')
    expect(customers?.quotes[0]?.text).toContain('2.1 million customers')
  })

  it('declines a named question asking a date or a figure that no quote holds', () => {
    const water = engines.get('paraphrase-whales-water')
    expect(water?.ask('When was the Marine Rescue Trust founded?').status).toBe('no_answer')
    const bank = engines.get('paraphrase-crane-bank')
    expect(bank?.ask('How much did Amira Solt earn last year?').status).toBe('no_answer')
    // A named question whose quote holds the asked date is answered.
    const notice = water?.ask('When was the Harlow Vale notice lifted?')
    expect(notice?.status).toBe('answered')
    expect(notice?.quotes.some((quote) => quote.text.includes('lifted on Saturday afternoon'))).toBe(true)
  })

  it('declines a size question whose adjective the articles never use when no quote measures anything, and answers one a quote measures', () => {
    const crane = engines.get('paraphrase-crane-bank')
    expect(crane?.ask('How tall is the crane?').status).toBe('no_answer')
    const block = crane?.ask('How tall is the block of flats?')
    expect(block?.status).toBe('answered')
    expect(block?.quotes[0]?.text).toContain('22-storey block of flats')
  })

  it('declines a question that shares only a name with the articles, and answers one that asks what they say of that name', () => {
    const zoo = engines.get('paraphrase-zoo-rocket')
    expect(zoo?.ask('How much does a ticket to Marrow Park Zoo cost?').status).toBe('no_answer')
    const closed = zoo?.ask('How long will Marrow Park Zoo be closed?')
    expect(closed?.status).toBe('answered')
    expect(closed?.quotes[0]?.text).toContain('closed for three days')
  })
})

describe('ask with odd input', () => {
  let engine: Engine

  beforeAll(async () => {
    ;({ engine } = await loadCheckedEngine(BUNDLED_DIR))
  }, 120_000)

  it('reads a dictionary word one letter from a stop word as itself, not as a typo: "the zoo director" is not in the summit articles', () => {
    // "zoo" had been dropped as a mistyped "too", leaving "director" to reach "direct talks".
    expect(engine.ask('Who is the zoo director?').status).toBe('no_answer')
    expect(engine.ask('waht did Trump say after the meeting?').status).toBe('answered')
  })

  it('answers "make progress or fail" as it answers "fail": a light verb does not decide', () => {
    expect(engine.ask('Did the summit make progress or fail?').status).toBe('answered')
  })

  it('declines or answers, never throws, for stop words, a rare word, another script, repetition, emoji and markup', () => {
    const odd = [
      'what is the of and',
      'zyxomorph',
      'Что произошло на саммите?',
      '峰会的结果是什么？',
      Array.from({ length: 200 }, () => 'talks').join(' '),
      '🔥🔥🔥',
      '🔥 <b>talks</b> **ceasefire**? <script>alert(1)</script>',
    ]
    for (const question of odd) {
      const answer = engine.ask(question)
      expect(['answered', 'no_answer', 'invalid'], question).toContain(answer.status)
      if (answer.status !== 'answered') expect(answer.message, question).toBeTruthy()
    }
    expect(engine.ask('what is the of and').status).toBe('no_answer')
    expect(engine.ask('Что произошло на саммите?').status).toBe('no_answer')
  })
})
