import { beforeAll, describe, expect, it } from 'vitest'
import { createEngineCache, renderConversations, runConversations, type ConversationReport } from '../../bench/conversations.js'
import { answerConversation } from '../../adapters/conversation/answer-conversation.js'
import { conversationTurn, createEngine, isContextDependent, type ArticleInput, type Engine } from '../../src/index.js'
import { CONVERSATIONS, FORMER_HELD_OUT_CONVERSATIONS } from './conversation-set.js'
import { HELD_OUT_CONVERSATIONS } from './conversation-held-out.js'
import { UNSEEN_CONVERSATIONS } from './conversation-unseen.js'
import { FLIGHT_TRIAL_CONVERSATIONS } from './conversation-flight-trial.js'
import { ZOO_SHIP_CONVERSATIONS } from './conversation-zoo-ship.js'
import { BLACKOUT_CHESS_CONVERSATIONS } from './conversation-blackout-chess.js'
import { ERUPTION_WHALES_CONVERSATIONS } from './conversation-eruption-whales.js'
import { SPILL_CAVE_CONVERSATIONS } from './conversation-spill-cave.js'
import { EXAM_TURBINE_CONVERSATIONS } from './conversation-exam-turbine.js'
import { HOSPITAL_STADIUM_CONVERSATIONS } from './conversation-hospital-stadium.js'
import { fixtureDir, loadCheckedEngine } from '../helpers/engine.js'

describe('isContextDependent', () => {
  it('reads pronouns, continuations and questions without a topic as follow-ups', () => {
    for (const question of ['and who was there?', 'what about the sanctions?', 'when was that?', 'why?', 'What did he say?', 'Did they agree?', 'the bridge?', 'who else spoke?', 'what happened next?', 'and then?']) {
      expect(isContextDependent(question, question === 'why?' || question === 'when was that?' ? 0 : 1), question).toBe(true)
    }
  })

  it('reads a question with its own topic as stand-alone, existential "there" and "said that" included', () => {
    for (const question of ['What is the capital of France?', 'Was there a joint press conference?', 'Did the mayor say that the plant would close?', 'How many people were evacuated?']) {
      expect(isContextDependent(question, 2), question).toBe(false)
    }
  })
})

describe('a conversation over a fixture corpus', () => {
  let engine: Engine
  beforeAll(async () => {
    ;({ engine } = await loadCheckedEngine(fixtureDir('plant-fire')))
  }, 120_000)

  it('answers a follow-up with the name its pronoun stands for and lists the borrowed words with their weights', () => {
    const [first, second] = answerConversation(engine, ['Who is the fire chief?', 'what did she say?'])
    expect(first?.contextWords).toBeUndefined()
    // "she" is the chief the answer named, so her name stands in for "the fire chief", which counts
    // only as older context (she may speak as "the chief said").
    expect(second?.contextWords).toEqual(['nadia', 'kerr', 'chief'])
    expect(second?.contextWeights?.[2]).toBeLessThan(second?.contextWeights?.[1] ?? 0)
    expect(second?.contextWeights).toHaveLength(second?.contextWords?.length ?? -1)
    for (const weight of second?.contextWeights ?? []) expect(weight).toBeLessThan(1)
    expect(second?.quotes[0]?.text).toContain('Fire Chief Nadia Kerr said 12 workers were injured')
  })

  it('answers a stand-alone question exactly as without context', () => {
    const [, standAlone] = answerConversation(engine, ['How long did the fire burn?', 'How many workers were injured?'])
    expect(standAlone).toEqual(engine.ask('How many workers were injured?'))
  })

  it('declines an off-corpus question and an off-corpus follow-up whatever came before', () => {
    const [, offCorpus, followUp] = answerConversation(engine, ['How long did the fire burn?', 'What is the capital of France?', 'and what about Bitcoin?'])
    expect(offCorpus?.status).toBe('no_answer')
    expect(followUp?.status).toBe('no_answer')
  })

  it('keeps the topic through a chain of follow-ups', () => {
    const answers = answerConversation(engine, ['What did the sheriff say?', 'what is his name?'])
    expect(answers[1]?.quotes[0]?.text).toContain('Ray Holt')
    // "his" stands for the man the answer quoted; the turn keeps his name for the next follow-up.
    expect(conversationTurn(answers[1]!)).toMatchObject({ question: 'what is his name?', contextWords: expect.arrayContaining(['holt']) })
  })
})

describe('what a pronoun stands for', () => {
  const engineFor = createEngineCache(fixtureDir('').replace(/\/$/, ''))

  it('reads "she" after a "who" question as the name beside the question\'s words in the answer, not the quote\'s first name', async () => {
    const engine = await engineFor('trade-talks-agree')
    const [first, second] = answerConversation(engine, ['Who is the Veskan trade minister?', 'how did she describe the talks?'])
    // The quote names the Norlandic minister first: "Norlandic Trade Minister Erik Solberg and Veskan Trade Minister Hana Novak".
    expect(first?.quotes[0]?.text).toMatch(/Erik Solberg.*Hana Novak/)
    expect(second?.contextWords).toEqual(['hana', 'novak', 'minister'])
  }, 120_000)

  it('reads "it" after a "what" question about a named subject as the thing the answer named, and leaves days out', async () => {
    const engine = await engineFor('takeaways-bike-launch')
    const [first, second] = answerConversation(engine, ['What did Velotta unveil?', 'how much does it cost?'])
    expect(first?.quotes[0]?.text).toContain('on Tuesday')
    expect(second?.contextWords).toContain('strada')
    expect(second?.contextWords).not.toContain('tuesday')
    expect(second?.quotes.slice(0, 2).map((quote) => quote.text).join(' ')).toContain('3,200 euros')
  }, 120_000)
})

describe('what a follow-up asks for', () => {
  const engineFor = createEngineCache(fixtureDir('').replace(/\/$/, ''))

  it('reads "it" after a "who" question as the thing asked about, not the person the answer named', async () => {
    const engine = await engineFor('compare-museum')
    const [first, second, third] = answerConversation(engine, ['Who designed the Tarn Museum?', 'how long did it take to build?', 'who opened it?'])
    expect(first?.quotes[0]?.text).toContain('Mira Holt')
    expect(second?.contextWords).toEqual(expect.arrayContaining(['tarn', 'museum']))
    expect(second?.contextWords).not.toContain('holt')
    expect(second?.quotes.slice(0, 2).map((quote) => quote.text).join(' ')).toContain('four years')
    // The second "it" is the first one's museum, not the words "take" and "build" around it.
    const weightOf = (word: string) => third?.contextWeights?.[third.contextWords?.indexOf(word) ?? -1] ?? 0
    expect(weightOf('museum')).toBeGreaterThan(weightOf('build'))
  }, 120_000)

  it('takes the name beside the question\'s words from a later quote when the first quote names no one there', async () => {
    const engine = await engineFor('paraphrase-flood')
    const [first, second] = answerConversation(engine, ['Who is the mayor of Ostrava Mills?', 'what did she do?'])
    expect(first?.quotes[0]?.text).not.toContain('Dorota Kell')
    expect(second?.contextWords).toEqual(['dorota', 'kell'])
    expect(second?.quotes[0]?.text).toContain('declared a local emergency')
  }, 120_000)

  it('borrows no name for "they" when the answer to "who" is no name', async () => {
    const engine = await engineFor('paraphrase-theft')
    const [, second] = answerConversation(engine, ['Who was arrested over the coin theft?', 'how were they found?'])
    // "two men … theft of Roman coins": "Roman" is no one "they" could mean.
    expect(second?.contextWords).not.toContain('roman')
    expect(second?.contextWords).toEqual(expect.arrayContaining(['arrested', 'theft']))
  }, 120_000)

  it('answers "by how much?" with a figure about the previous answer, not the answer again', async () => {
    const engine = await engineFor('compare-election')
    const [first, second] = answerConversation(engine, ['Who won the Brell election?', 'by how much?'])
    expect(first?.quotes[0]?.text).not.toMatch(/\d+ ?(%|percent)/)
    expect(second?.quotes[0]?.text).toMatch(/Cole (won|took) \d+ ?(%|percent)/)
  }, 120_000)

  it('answers "why?" with the sentence that gives a reason, over one that only repeats the topic', () => {
    const engine = createEngine([
      {
        id: 'harbour-news',
        title: 'Island ferry service stopped',
        text: [
          'The island ferry service stopped on Monday morning.',
          'The island ferry service was halted because a storm had damaged the pier.',
          'Shops on the island ran short of bread by Wednesday.',
        ].join('\n\n'),
      },
    ])
    const [first, second] = answerConversation(engine, ['When did the island ferry service stop?', 'why?'])
    expect(first?.quotes[0]?.text).toContain('on Monday morning')
    expect(second?.quotes[0]?.text).toContain('because a storm had damaged the pier')
  })

  it('answers "why?" after a quote that gives no reason with the reason its article gives, in words of its own', () => {
    const engine = createEngine([
      {
        id: 'valley-news',
        title: 'Riders stranded on Oster cable car',
        text: [
          'The cable car on Mount Oster stopped halfway up on Sunday afternoon, leaving 40 riders in the air.',
          'All riders were brought down by rescuers before dark.',
          'Engineers believe a worn brake pad caused the breakdown.',
        ].join('\n\n'),
      },
    ])
    const [first, second] = answerConversation(engine, ['Where did the Oster cable car stop?', 'why?'])
    expect(first?.quotes[0]?.text).toContain('stopped halfway up')
    expect(second?.quotes[0]?.text).toBe('Engineers believe a worn brake pad caused the breakdown.')
    expect(second?.quotes[1]?.text).toContain('stopped halfway up')
  })
})

describe('a conversation with people and organisations who speak', () => {
  let engine: Engine
  beforeAll(async () => {
    ;({ engine } = await loadCheckedEngine(fixtureDir('conversation-spill-cave')))
  }, 120_000)

  it('answers "until when?" with the "until" of the quote just shown, though it gives no date', () => {
    const [first, second] = answerConversation(engine, ['What did Peter Vance say about production?', 'until when?'])
    expect(first?.quotes[0]?.text).toContain('stopped until the investigation was finished')
    // Not the sentence with a date ("by the end of the month") that also says "until".
    expect(second?.quotes[0]?.text).toBe(first?.quotes[0]?.text)
  })

  it('answers a bare "when?" with a time told by another event as well as with a date', async () => {
    const { engine } = await loadCheckedEngine(fixtureDir('conversation-blackout-chess'))
    const [first, second] = answerConversation(engine, ['Who complained about Aranov?', 'when?'])
    expect(first?.quotes[0]?.text).toContain('after the fourth round')
    expect(second?.quotes.slice(0, 2).map((quote) => quote.text)).toContain(first?.quotes[0]?.text)
  }, 120_000)

  it('answers "who said that?" with the quote just shown, which names its speaker, and compares no sources', () => {
    const [first, second] = answerConversation(engine, ['Was the company slow to report the leak?', 'who said that?'])
    expect(first?.quotes[0]?.text).toContain('Dr Ruth Kimani of the Regional Environment Agency said')
    expect(second?.quotes[0]?.text).toBe(first?.quotes[0]?.text)
    // The sources do not disagree on who said one article's sentence: no company-against-person "disagreement".
    expect(second?.disagreements).toEqual([])
  })

  it('answers "who said so?" with the quote just shown, then the sentence that names its speaker in full', async () => {
    const { engine: quarry } = await loadCheckedEngine(fixtureDir('compare-quarry'))
    const [first, second] = answerConversation(quarry, ['How much will the repairs cost?', 'who said so?'])
    expect(first?.quotes[0]?.text).toMatch(/the owner said\.$/)
    expect(second?.quotes[0]?.text).toBe(first?.quotes[0]?.text)
    expect(second?.quotes.slice(1).map((quote) => quote.text).join(' ')).toContain('Dara Velt')
    expect(second?.disagreements).toEqual([])
  }, 120_000)

  it('reads "she" as a woman the articles call "she", not a man the answer names beside her', () => {
    // The answer's first quote has Inspector Fenwick speak; the third names the teacher, whom the articles call "he".
    const [first, second] = answerConversation(engine, ['Who will interview the teacher?', 'what did she say about the sign?'])
    expect(first?.quotes.map((quote) => quote.text).join(' ')).toContain('Daniel Osei')
    expect(second?.contextWords).toEqual(expect.arrayContaining(['fenwick']))
    expect(second?.contextWords).not.toContain('osei')
    expect(second?.quotes.slice(0, 2).map((quote) => quote.text).join(' ')).toContain('the sign had been put up by the landowner')
  })

  it('reads "he" as the man a later quote names when the first names only a place and an agency', () => {
    const [, second] = answerConversation(engine, ['Who runs Dresna Chemicals?', 'what did he promise?'])
    expect(second?.contextWords).toEqual(['vance'])
    expect(second?.quotes[0]?.text).toContain('alarms would be replaced')
  })

  it('reads "they" after a question about students as the students, not the rescuers the answer names', () => {
    const [, second] = answerConversation(engine, ['When were the students rescued?', 'and when were they trapped?'])
    expect(second?.contextWords).toEqual(expect.arrayContaining(['students']))
    expect(second?.quotes[0]?.text).toContain('since Saturday afternoon')
  })
})

describe('a conversation over a corpus of two stories', () => {
  let engine: Engine
  let articles: ArticleInput[]
  beforeAll(async () => {
    ;({ engine, articles } = await loadCheckedEngine(fixtureDir('conversation-flight-trial')))
  }, 120_000)

  it('reads a question of verbs alone as a follow-up and stays on the story talked about', () => {
    const [, second] = answerConversation(engine, ['What caused the engine fire?', 'who is investigating?'])
    // Alone, "investigating" finds the bribery trial's "cooperated fully with the investigation".
    expect(second?.contextWords).toEqual(expect.arrayContaining(['engine', 'fire']))
    expect(second?.quotes[0]?.source.id).toMatch(/-landing$/)
  })

  it('borrows nothing when a follow-up names the other story, and answers it as asked alone', () => {
    const [, judge] = answerConversation(engine, ['Who is the chief investigator of the safety board?', 'what about the judge in the Dunmore trial?'])
    expect(judge?.contextWords).toBeUndefined()
    const [, repay] = answerConversation(engine, ['What time did the plane land?', 'and what did Viktor Lamm have to repay?'])
    expect(repay?.contextWords).toBeUndefined()
    expect(repay?.quotes[0]?.text).toContain('repay the 450,000 euros')
  })

  it('resolves "she" to the name the answer gave even when the follow-up names someone else', () => {
    const [, second] = answerConversation(engine, ['Who was the judge?', 'what did she tell Lamm?'])
    expect(second?.contextWords).toEqual(['miriam', 'okafor', 'judge'])
    // She speaks as "the judge" there, not by name.
    expect(second?.quotes.slice(0, 2).map((quote) => quote.text)).toContain('"You betrayed the trust of the people of Dunmore for your own gain," the judge told him.')
  })

  it('answers "what happened next?" about the story talked about with something not just shown, instead of declining it', () => {
    const [verdict, next] = answerConversation(engine, ['Was Viktor Lamm found guilty?', 'what happened next?'])
    expect(next?.status).toBe('answered')
    expect(next?.contextWords).toEqual(expect.arrayContaining(['lamm']))
    expect(next?.quotes[0]?.text).not.toBe(verdict?.quotes[0]?.text)
    expect(next?.quotes[0]?.text).toContain('jailed for six years')
  })

  it('reads on in the article of the answer when "what happened next?" finds nothing new on its topic', () => {
    const [landing, next] = answerConversation(engine, ['What happened at Brenholt airport on Thursday?', 'what happened next?'])
    const shown = new Set(landing?.quotes.map((quote) => quote.text))
    expect(next?.quotes.length).toBeGreaterThan(0)
    for (const quote of next?.quotes ?? []) expect(shown.has(quote.text), quote.text).toBe(false)
    // It reads on in the article of the answer just given: its first quote stands after that answer's.
    const [first, after] = [landing?.quotes[0], next?.quotes[0]]
    expect(after?.source.id).toBe(first?.source.id)
    const text = articles.find((article) => article.id === first?.source.id)?.text ?? ''
    expect(text.indexOf(after?.text ?? '\u0000')).toBeGreaterThan(text.indexOf(first?.text ?? ''))
  })

  it('takes a name for "she" only from a quote holding the role asked about, and keeps her for the next "her"', () => {
    const [captain, flying, passengers] = answerConversation(engine, ['Who was the captain of flight NA417?', 'how long has she been flying?', 'what did passengers say about her?'])
    // The answer is about the flight, not its captain: "Norvik Air flight NA417" names no captain.
    expect(captain?.quotes.some((quote) => quote.text.includes('Captain'))).toBe(false)
    expect(flying?.contextWords).toContain('captain')
    expect(flying?.contextWords).not.toContain('norvik')
    // "her" is the captain again, not the airports the second answer named.
    expect(passengers?.contextWords).not.toContain('calder')
    expect(passengers?.quotes.slice(0, 2).map((quote) => quote.text).join(' ')).toContain('staying calm')
  })
})

describe('a conversation over a corpus of a zoo escape and a ship find', () => {
  const engineFor = createEngineCache(fixtureDir('').replace(/\/$/, ''))

  // Both fixtures hold two events of three articles each; the last word of a source id names its event.
  it.each([
    ['conversation-zoo-ship', ['leopard', 'leopard', 'leopard'], ['ship', 'ship', 'ship']],
    ['conversation-blackout-chess', ['blackout', 'blackout', 'blackout'], ['chess', 'chess', 'open']],
    ['conversation-eruption-whales', ['eruption', 'eruption', 'eruption'], ['whales', 'whales', 'whales']],
  ])('finds the two events of %s as two stories (so stories.test leaves this fixture out)', async (fixture, first, second) => {
    const stories = (await engineFor(fixture)).stories()
    expect(stories.map((story) => story.sources.map((source) => source.replace(/^.*-/, '')).sort())).toEqual(expect.arrayContaining([first, second]))
    expect(stories).toHaveLength(2)
  }, 120_000)

  it('reads "next" in "what happened next?" as when, not as a topic word, and stays on the story', async () => {
    const [, next] = answerConversation(await engineFor('conversation-zoo-ship'), ['When did the leopard escape?', 'what happened next?'])
    // As a topic word, "next" found the ship story's "lifted in sections next month".
    expect(next?.contextWords).not.toContain('next')
    expect(next?.quotes[0]?.source.id).toMatch(/-leopard$/)
  }, 120_000)

  it('answers "why … then?" with the reason behind the answer just given, not with a reason from the other story', async () => {
    const [, why] = answerConversation(await engineFor('conversation-zoo-ship'), ['When did the fence last pass a safety inspection?', 'why did it fail then?'])
    // "fail" is no word of the corpus, so it does not shrink the borrowed topic to nothing.
    expect(why?.quotes[0]?.text).toContain('not been designed to withstand a falling tree')
  }, 120_000)
})

describe('a conversation over a corpus of a blackout and a chess scandal', () => {
  const engineFor = createEngineCache(fixtureDir('').replace(/\/$/, ''))

  it('reads "she" after "who won?" as the winner named after "the Dutch player", not as the word "Dutch"', async () => {
    const [, points] = answerConversation(await engineFor('conversation-blackout-chess'), ['Who won the Castelmar Open?', 'how many points did she finish on?'])
    expect(points?.contextWords).toEqual(['sanne', 'vos'])
    // The surname is what later sentences repeat ("Vos said …"), so it counts more than the given name.
    expect(points?.contextWeights?.[1]).toBeGreaterThan(points?.contextWeights?.[0] ?? Infinity)
  }, 120_000)

  it('reads "he" after "who is Paulo Reis?" as Reis, not as a name his description gives', async () => {
    const [, search] = answerConversation(await engineFor('conversation-blackout-chess'), ['Who is Paulo Reis?', 'what did he call the search?'])
    expect(search?.contextWords).toEqual(['paulo', 'reis'])
    expect(search?.quotes[0]?.text).toContain('humiliating')
  }, 120_000)

  it('borrows no first name glued to a name already asked: "when?" after "who complained about Aranov?" stays on the complaint', async () => {
    const [, when, why] = answerConversation(await engineFor('conversation-blackout-chess'), ['Who complained about Aranov?', 'when?', 'why?'])
    expect(when?.contextWords).not.toContain('viktor')
    expect(why?.quotes[0]?.text).toContain('left the playing hall too often')
  }, 120_000)

  it('answers "what did she say?" with a sentence in which she speaks, not again with the sentence that named her', async () => {
    const [, points, said] = answerConversation(await engineFor('conversation-blackout-chess'), ['Who won the Castelmar Open?', 'how many points did she finish on?', 'what did she say?'])
    expect(said?.quotes[0]?.text).toMatch(/^Vos said/)
    // The quote just read is still shown, second.
    expect(said?.quotes[1]?.text).toBe(points?.quotes[0]?.text)
  }, 120_000)

  it('answers "what did they say?" with what the company the answer named said, not what another said about it', async () => {
    const [, supplier, said] = answerConversation(await engineFor('conversation-blackout-chess'), ['What caused the blackout in Varnholm?', 'who supplied it?', 'what did they say?'])
    expect(supplier?.quotes[0]?.text).toContain('Gridwise Systems')
    expect(said?.quotes[0]?.text).toMatch(/^Gridwise said/)
  }, 120_000)

  it('reads "it" after "by whom?" answered with no name as the body the answer gave', async () => {
    const [, , report] = answerConversation(await engineFor('conversation-blackout-chess'), ['How much could Nordline be fined?', 'by whom?', 'when will it report?'])
    expect(report?.contextWords).toContain('regulator')
    expect(report?.quotes[0]?.text).toContain('within three months')
  }, 120_000)

  it('answers "who else?" with a quote other than the one that answered the question before it', async () => {
    const [first, besides] = answerConversation(await engineFor('conversation-blackout-chess'), ['Who is investigating the blackout?', 'who else?'])
    expect(besides?.status).toBe('answered')
    expect(besides?.quotes[0]?.text).not.toBe(first?.quotes[0]?.text)
  }, 120_000)
})

describe('a conversation over a corpus of an eruption and a whale stranding', () => {
  const engineFor = createEngineCache(fixtureDir('').replace(/\/$/, ''))

  it('answers a bare "why?" with the reason for the answer just given, found through the answer\'s own words', async () => {
    const [what, why] = answerConversation(await engineFor('conversation-eruption-whales'), ['What happened to the dead whales?', 'why?'])
    expect(what?.quotes[0]?.text).toContain('bury the dead pilot whales')
    // The reason says "burial" and "carcasses", not "dead whales": the answer's "council" leads to it.
    expect(why?.contextWords).toContain('council')
    // Without the answer's words, the reason was not among the first quotes at all.
    expect(why?.quotes.slice(0, 2).map((quote) => quote.text).join(' ')).toContain('fastest and safest option')
  }, 120_000)
})

describe('a follow-up whose own word the articles write only in another word', () => {
  const engineFor = createEngineCache(fixtureDir('').replace(/\/$/, ''))

  it('is not outweighed by the borrowed topic: "hurt" finds the sentence about injuries', async () => {
    const [, hurt] = answerConversation(await engineFor('paraphrase-ferry'), ['How many passengers were on the ferry?', 'were any of them hurt?'])
    expect(hurt?.contextWords).toEqual(expect.arrayContaining(['passengers', 'ferry']))
    expect(hurt?.quotes[0]?.text).toContain('minor injuries')
  }, 120_000)

  it('finds "the owner" for "who owns it?" rather than the quotes about the topic it borrowed', async () => {
    const turns = ['How many workers were trapped at the Tessel quarry?', 'how long did the search for them last?', 'who owns it?']
    const [, , owns] = answerConversation(await engineFor('compare-quarry'), turns)
    expect(owns?.contextWords).toContain('quarry')
    expect(owns?.quotes[0]?.text).toContain('the owner')
  }, 120_000)
})

describe('a conversation that names an organisation and then asks about it by a common noun', () => {
  let engine: Engine
  beforeAll(async () => {
    ;({ engine } = await loadCheckedEngine(fixtureDir('conversation-exam-turbine')))
  }, 120_000)

  it('reads "the company" in "what did the company say?" as the company the answer just described', () => {
    const [, second, third] = answerConversation(engine, ['Who was arrested over the leak?', 'where does he work?', 'what did the company say?'])
    expect(second?.quotes[0]?.text).toContain('Calder Print, the company that printed the exam papers')
    expect(third?.contextWords).toEqual(['calder', 'print'])
    expect(third?.quotes[0]?.text).toBe('Calder Print said it had suspended the worker and was cooperating fully with police.')
  })

  it('answers a question about what a described thing does, not says, as alone', () => {
    const [, second] = answerConversation(engine, ['Who was arrested over the leak?', 'where does he work?'])
    expect(second?.quotes[0]?.text).toContain('the company that printed')
    const [, , third] = answerConversation(engine, ['Who was arrested over the leak?', 'where does he work?', 'Where is the company based?'])
    expect(third).toEqual(engine.ask('Where is the company based?'))
  })
})

describe('a follow-up with a word of its own the corpus never uses', () => {
  it('judges that word as the same question alone would, though it borrowed a name', async () => {
    const { engine } = await loadCheckedEngine(fixtureDir('conversation-tunnel'))
    // "use" is no word of the articles ("carries about 90 trains a day"); the borrowed "Gorran" must not make it count in full.
    const [, second] = answerConversation(engine, ['When was the Gorran tunnel built?', 'how many trains use it each day?'])
    expect(second?.status).toBe('answered')
    expect(second?.contextWords).toContain('gorran')
    expect(second?.quotes.slice(0, 2).map((quote) => quote.text).join(' ')).toContain('carries about 90 trains a day')
  }, 120_000)
})

describe('the follow-up set', () => {
  let report: ConversationReport
  let heldOut: ConversationReport[]
  beforeAll(async () => {
    const engineFor = createEngineCache(fixtureDir('').replace(/\/$/, ''))
    // The first held-out part is tuning material now: held to the tuned set's bar.
    report = await runConversations(engineFor, [...CONVERSATIONS, ...FORMER_HELD_OUT_CONVERSATIONS])
    // Each held-out set apart, so one set's figures cannot hide the other's.
    heldOut = await Promise.all([HELD_OUT_CONVERSATIONS, UNSEEN_CONVERSATIONS, FLIGHT_TRIAL_CONVERSATIONS, ZOO_SHIP_CONVERSATIONS, BLACKOUT_CHESS_CONVERSATIONS, ERUPTION_WHALES_CONVERSATIONS, SPILL_CAVE_CONVERSATIONS, EXAM_TURBINE_CONVERSATIONS, HOSPITAL_STADIUM_CONVERSATIONS].map((set) => runConversations(engineFor, set)))
  }, 300_000)

  it('has at least 40 conversations of two and three turns, and held-out sets of at least 20', () => {
    expect(CONVERSATIONS.length).toBeGreaterThanOrEqual(40)
    expect(HELD_OUT_CONVERSATIONS.length).toBeGreaterThanOrEqual(20)
    expect(UNSEEN_CONVERSATIONS.length).toBeGreaterThanOrEqual(20)
    expect(FLIGHT_TRIAL_CONVERSATIONS.length).toBeGreaterThanOrEqual(30)
    expect(ZOO_SHIP_CONVERSATIONS.length).toBeGreaterThanOrEqual(30)
    expect(BLACKOUT_CHESS_CONVERSATIONS.length).toBeGreaterThanOrEqual(30)
    expect(ERUPTION_WHALES_CONVERSATIONS.length).toBeGreaterThanOrEqual(30)
    expect(SPILL_CAVE_CONVERSATIONS.length).toBeGreaterThanOrEqual(25)
    expect(EXAM_TURBINE_CONVERSATIONS.length).toBeGreaterThanOrEqual(30)
    // The round-12 set has conversations of four turns too: a longer chain of context.
    expect(HOSPITAL_STADIUM_CONVERSATIONS.length).toBeGreaterThanOrEqual(14)
    for (const conversation of [...CONVERSATIONS, ...FORMER_HELD_OUT_CONVERSATIONS, ...HELD_OUT_CONVERSATIONS, ...UNSEEN_CONVERSATIONS, ...FLIGHT_TRIAL_CONVERSATIONS, ...ZOO_SHIP_CONVERSATIONS, ...BLACKOUT_CHESS_CONVERSATIONS, ...ERUPTION_WHALES_CONVERSATIONS, ...SPILL_CAVE_CONVERSATIONS, ...EXAM_TURBINE_CONVERSATIONS]) expect([2, 3]).toContain(conversation.turns.length)
  })

  it('answers at least 85% of the follow-ups right with context, more than without', () => {
    const { followUp } = report
    expect(followUp.rightWithContext / followUp.turns, renderConversations(report)).toBeGreaterThanOrEqual(0.85)
    expect(followUp.rightWithContext).toBeGreaterThan(followUp.rightWithoutContext)
  })

  it('gives every stand-alone turn the answer it gets without context', () => {
    expect(report.standAlone.sameAsWithoutContext).toBe(report.standAlone.turns)
  })

  // The held-out part was not tuned on: its follow-ups are reported (bench:conversations), and only
  // what must hold for any conversation is asserted here.
  it('on the held-out sets, answers more follow-ups right with context than without, and every stand-alone turn as without context', () => {
    for (const set of heldOut) {
      expect(set.followUp.rightWithContext, renderConversations(set)).toBeGreaterThan(set.followUp.rightWithoutContext)
      expect(set.standAlone.sameAsWithoutContext).toBe(set.standAlone.turns)
    }
  })
})
