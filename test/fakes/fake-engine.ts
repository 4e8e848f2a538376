import { UserFacingError, type Answer, type Disagreement, type Engine, type Quote, type Source, type SourceSummary, type Span, type Takeaway } from '../../src/index.js'

/**
 * A small, hand-written stand-in for the core, for adapter tests. Its texts are deliberately
 * hostile to markup (`<`, `&`, quotes, `</blockquote>`), one source has no URL and one URL carries
 * `&` and `"`, so a formatter that forgets to escape shows up at once.
 */

/** The three sources the fake engine quotes. */
export const FAKE_SOURCES = {
  wire: {
    id: 'wire',
    title: 'Talks end after seven hours & no deal',
    outlet: 'Wire Service',
    url: 'https://news.example/wire?story=1&ref="summit"',
    published: '2025-08-15',
  },
  daily: {
    id: 'daily',
    title: 'Three hours at the <table>',
    outlet: 'The Daily',
    published: '2025-08-16',
  },
  gazette: {
    id: 'gazette',
    title: 'Red carpet, "no ceasefire"',
    outlet: 'Gazette',
    url: 'https://gazette.example/red-carpet',
  },
} satisfies Record<string, Source>

interface FakeSentence {
  source: Source
  passageId: string
  text: string
}

/** Every sentence the fake engine can quote, in corpus order. */
export const FAKE_SENTENCES: FakeSentence[] = [
  { source: FAKE_SOURCES.wire, passageId: 'wire#1', text: 'The talks lasted seven hours & ended without a ceasefire.' },
  { source: FAKE_SOURCES.wire, passageId: 'wire#2', text: 'Officials said the <b>summit</b> was "constructive" </blockquote> but gave no details.' },
  { source: FAKE_SOURCES.daily, passageId: 'daily#1', text: 'The leaders met for three hours with top aides before the press conference.' },
  { source: FAKE_SOURCES.gazette, passageId: 'gazette#1', text: 'There was no ceasefire agreement, and the talks ended early.' },
]

/** The one disagreement the fake corpus holds: how long the talks lasted. */
export const FAKE_DISAGREEMENT: Disagreement = {
  topic: 'how long the talks lasted',
  kind: 'quantity',
  claims: [
    { value: '7 hours', text: 'The talks lasted seven hours & ended without a ceasefire.', source: FAKE_SOURCES.wire, passageId: 'wire#1' },
    { value: '3 hours', text: 'The leaders met for three hours with top aides', source: FAKE_SOURCES.daily, passageId: 'daily#1', speaker: 'a <senior> aide' },
  ],
}

/** Example questions, one with characters that must be escaped in HTML. */
export const FAKE_EXAMPLE_QUESTIONS = ['How long did the talks last?', 'Was there a ceasefire?', 'Who said the <summit> was "constructive"?']

const STOP_WORDS = new Set(['the', 'and', 'was', 'did', 'how', 'who', 'what', 'there', 'for', 'with', 'say', 'said'])

/**
 * Creates a fake `Engine`. `ask` quotes every fake sentence that shares a word of three letters or
 * more with the question, highlighting those words; a question sharing none gets `no_answer` with
 * a message that repeats the question verbatim (so escaping is tested); an empty one gets `invalid`.
 * Pass `overrides` to replace any method, for example an `ask` that throws.
 */
export function createFakeEngine(overrides: Partial<Engine> = {}): Engine {
  const engine: Engine = {
    ask(question, options = {}) {
      const understood = question.trim()
      if (understood === '') return { status: 'invalid', question: understood, message: 'Please ask a question.', quotes: [], disagreements: [], hasMore: false }
      const { sourceId, limit = 4, offset = 0 } = options
      if (sourceId !== undefined) requireSource(sourceId)
      const words = contentWords(understood)
      const matches = FAKE_SENTENCES.filter((s) => (sourceId === undefined || s.source.id === sourceId) && words.some((w) => s.text.toLowerCase().includes(w)))
      if (matches.length === 0) {
        return {
          status: 'no_answer',
          question: understood,
          message: `Nothing in the articles answers “${understood}”.`,
          suggestions: FAKE_EXAMPLE_QUESTIONS.slice(0, 2),
          quotes: [],
          disagreements: [],
          hasMore: false,
        }
      }
      const quotes = matches.slice(offset, offset + limit).map((s, i) => toQuote(s, words, matches.length - i))
      const passages = new Set(quotes.map((q) => q.passageId))
      const disagreements = FAKE_DISAGREEMENT.claims.some((c) => passages.has(c.passageId)) ? [FAKE_DISAGREEMENT] : []
      return { status: 'answered', question: understood, quotes, disagreements, hasMore: matches.length > offset + limit } satisfies Answer
    },
    search(query, options = {}) {
      const words = contentWords(query)
      return FAKE_SENTENCES.filter((s) => words.some((w) => s.text.toLowerCase().includes(w)))
        .filter((s) => options.sourceId === undefined || s.source.id === options.sourceId)
        .slice(0, options.limit ?? 10)
        .map((s, i) => ({ passageId: s.passageId, sourceId: s.source.id, score: 10 - i, text: s.text }))
    },
    takeaways(options = {}) {
      if (options.sourceId !== undefined) requireSource(options.sourceId)
      const all: Takeaway[] = [
        {
          text: FAKE_SENTENCES[0]!.text,
          source: FAKE_SOURCES.wire,
          passageId: 'wire#1',
          supportedBy: ['wire', 'gazette'],
          contested: true,
          disagreementTopic: FAKE_DISAGREEMENT.topic,
          sides: [
            { value: '7 hours', sources: [FAKE_SOURCES.wire] },
            { value: '3 hours & more', sources: [FAKE_SOURCES.daily] },
          ],
        },
        { text: FAKE_SENTENCES[3]!.text, source: FAKE_SOURCES.gazette, passageId: 'gazette#1', supportedBy: ['gazette', 'wire'], contested: false },
        { text: FAKE_SENTENCES[2]!.text, source: FAKE_SOURCES.daily, passageId: 'daily#1', supportedBy: ['daily'], contested: true, disagreementTopic: FAKE_DISAGREEMENT.topic },
      ]
      return all.filter((t) => options.sourceId === undefined || t.source.id === options.sourceId).slice(0, options.limit ?? 7)
    },
    disagreements: () => [FAKE_DISAGREEMENT],
    stories: () => [{ id: 'harbour-talks', label: 'Harbour, Talks', sources: Object.keys(FAKE_SOURCES) }],
    sources: () =>
      Object.values(FAKE_SOURCES).map(
        (source): SourceSummary => ({ source, passages: FAKE_SENTENCES.filter((s) => s.source.id === source.id).length, characters: 1000 }),
      ),
    exampleQuestions: () => [...FAKE_EXAMPLE_QUESTIONS],
  }
  return { ...engine, ...overrides }
}

/** A quote with the given text from the wire source, no highlights: for building answers by hand. */
export function fakeQuote(text: string, extra: Partial<Quote> = {}): Quote {
  return { text, source: FAKE_SOURCES.wire, alsoIn: [], passageId: 'wire#1', highlights: [], score: 1, ...extra }
}

/** An `answered` answer holding the given quotes and no disagreements. */
export function fakeAnswer(question: string, quotes: Quote[], extra: Partial<Answer> = {}): Answer {
  return { status: 'answered', question, quotes, disagreements: [], hasMore: false, ...extra }
}

function requireSource(sourceId: string): void {
  if (!Object.keys(FAKE_SOURCES).includes(sourceId)) {
    throw new UserFacingError('unknown-source', `There is no source called “${sourceId}”. See /sources for the list.`)
  }
}

function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}{3,}/gu) ?? []).filter((w) => !STOP_WORDS.has(w))
}

function toQuote(sentence: FakeSentence, words: string[], score: number): Quote {
  const lower = sentence.text.toLowerCase()
  const highlights: Span[] = []
  for (const word of words) {
    for (let at = lower.indexOf(word); at !== -1; at = lower.indexOf(word, at + word.length)) highlights.push([at, at + word.length])
  }
  highlights.sort((a, b) => a[0] - b[0])
  const alsoIn = sentence.passageId === 'gazette#1' ? [FAKE_SOURCES.wire] : []
  return { text: sentence.text, source: sentence.source, alsoIn, passageId: sentence.passageId, highlights, score }
}
