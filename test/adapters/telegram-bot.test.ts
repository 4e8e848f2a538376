import { describe, expect, it } from 'vitest'
import type { InlineKeyboardMarkup, Message, Update } from 'grammy/types'
import { EXPIRED_PAGE_TEXT, createTelegramBot, type TelegramBotOptions } from '../../adapters/telegram/bot.js'
import { createQuotePageStore } from '../../adapters/telegram/quote-pages.js'
import type { AskOptions, Engine } from '../../src/index.js'
import { ERROR_LEVEL, createCaptureLogger } from '../fakes/capture-logger.js'
import { FAKE_SENTENCES, createFakeEngine, fakeAnswer, fakeQuote } from '../fakes/fake-engine.js'
import { recordApiCalls, sentTexts, type RecordedCall } from '../fakes/telegram-calls.js'
import { parseTelegramHtml } from '../fakes/telegram-html.js'
import {
  FAKE_BOT_INFO,
  FAKE_TOKEN,
  botMessage,
  callbackQueryUpdate,
  fakeUser,
  groupTextUpdate,
  inlineQueryUpdate,
  photoUpdate,
  textUpdate,
  type UpdateBody,
} from '../fakes/telegram-updates.js'

/** A bot on the fake engine, driven with `handleUpdate` and an API transformer (no network). */
function setup(engine: Partial<Engine> = {}, options: TelegramBotOptions = {}) {
  const { logger, records } = createCaptureLogger()
  const asked: string[] = []
  const askedWith: (AskOptions | undefined)[] = []
  const fake = createFakeEngine(engine)
  const ask: Engine['ask'] = (question, askOptions) => {
    asked.push(question)
    askedWith.push(askOptions)
    return fake.ask(question, askOptions)
  }
  const bot = createTelegramBot(FAKE_TOKEN, { getEngine: () => ({ ...fake, ask }), logger }, { botInfo: FAKE_BOT_INFO }, options)
  const calls = recordApiCalls(bot)
  let updateId = 100
  const send = async (body: UpdateBody): Promise<Update> => {
    const update = { update_id: ++updateId, ...body } as Update
    await bot.handleUpdate(update)
    return update
  }
  return { bot, calls, send, records, asked, askedWith, texts: () => sentTexts(calls) }
}

/** Matches all four fake sentences, best first: two pages at two quotes per page. */
const FOUR_QUOTE_QUESTION = 'talks summit aides ceasefire?'

/** The messages the bot sent, as the recorded API answered them. */
const sentMessages = (calls: readonly RecordedCall[]) => calls.filter((call) => call.method === 'sendMessage').map((call) => call.result as Message.TextMessage)

/** What the reader sees of each quote in a message, without the "…" of a clipped one. */
const quotedTexts = (html: string) =>
  [...html.matchAll(/<blockquote>(.*?)<\/blockquote>/gs)].map(([, inner = '']) => {
    const parsed = parseTelegramHtml(inner)
    return parsed.ok ? parsed.text.replace(/^…|…$/g, '') : ''
  })

/** The `callback_data` of the button under `message`, if any. */
const buttonData = (message: Message | undefined) => {
  const button = (message?.reply_markup as InlineKeyboardMarkup | undefined)?.inline_keyboard.flat()[0]
  return button && 'callback_data' in button ? button.callback_data : undefined
}

function expectValidHtml(texts: readonly string[]): void {
  for (const text of texts) expect(parseTelegramHtml(text), text).toMatchObject({ ok: true })
}

describe('createTelegramBot', () => {
  it('answers a private message with quotes, bold matches, linked sources and the disagreement', async () => {
    const { send, texts } = setup()
    await send(textUpdate('How long did the talks last?'))

    const [reply] = texts()
    expect(texts()).toHaveLength(1)
    expect(reply).toContain('<blockquote>The <b>talks</b> <b>last</b>ed seven hours &amp; ended without a ceasefire.</blockquote>')
    expect(reply).toContain('<a href="https://news.example/wire?story=1&amp;ref=&quot;summit&quot;">Talks end after seven hours &amp; no deal</a>')
    expect(reply).toContain('⚖️ <b>Sources disagree: how long the talks lasted</b>')
    expect(reply).toContain('Three hours at the &lt;table&gt;')
    expectValidHtml(texts())
  })

  it('shows "typing" before answering and turns link previews off', async () => {
    const { send, calls } = setup()
    await send(textUpdate('Was there a ceasefire?'))

    expect(calls.map((call) => call.method)).toEqual(['sendChatAction', 'sendMessage'])
    expect(calls[0]?.payload).toMatchObject({ action: 'typing', chat_id: 1 })
    expect(calls[1]?.payload).toMatchObject({ parse_mode: 'HTML', link_preview_options: { is_disabled: true } })
  })

  it('cites a source without a URL by its title alone', async () => {
    const { send, texts } = setup()
    await send(textUpdate('/ask three hours aides'))

    expect(texts()[0]).toContain('— Three hours at the &lt;table&gt; (The Daily, 2025-08-16)')
  })

  it.each(['/start', '/help'])('explains on %s what it covers, with example questions and commands', async (command) => {
    const { send, texts } = setup()
    await send(textUpdate(command))

    const [help] = texts()
    expect(help).toContain('verbatim quotes from 3 articles (Wire Service, The Daily, Gazette)')
    expect(help).toContain('• Who said the &lt;summit&gt; was &quot;constructive&quot;?')
    expect(help).toContain('/ask &lt;question&gt;')
    expect(help).toContain('@summit_quotes_bot')
    expectValidHtml(texts())
  })

  it('answers /ask with the text after the command', async () => {
    const { send, asked, texts } = setup()
    await send(textUpdate('/ask Was there a ceasefire?'))

    expect(asked).toEqual(['Was there a ceasefire?'])
    expect(texts()[0]).toContain('<b>ceasefire</b>')
  })

  it('shows how to use /ask when the question is missing', async () => {
    const { send, asked, texts } = setup()
    await send(textUpdate('/ask'))

    expect(asked).toEqual([])
    expect(texts()).toEqual(['Put your question after the command, for example:\n/ask How long did the talks last?'])
  })

  it('lists the takeaways, marking disputed ones', async () => {
    const { send, texts } = setup()
    await send(textUpdate('/takeaways'))

    const [reply] = texts()
    expect(reply).toMatch(/^<b>Key takeaways<\/b>\n\n1\. The talks lasted seven hours &amp; ended/)
    expect(reply).toContain('stated by 2 sources')
    expect(reply).toContain('⚖️ <i>Disputed: how long the talks lasted</i>')
    expect(reply).toContain('⚖️ <i>Disputed: how long the talks lasted: 7 hours (Wire Service) / 3 hours &amp; more (The Daily)</i>')
  })

  it('gives one source’s takeaways by id or outlet name, and the core’s message for an unknown one', async () => {
    const { send, texts } = setup()
    await send(textUpdate('/takeaways daily'))
    await send(textUpdate('/takeaways Gazette'))
    await send(textUpdate('/takeaways <nope>'))

    const [daily, gazette, unknown] = texts()
    expect(daily).toContain('<b>Key takeaways from Three hours at the &lt;table&gt;</b>')
    expect(daily).not.toContain('seven hours')
    expect(gazette).toContain('There was no ceasefire agreement')
    expect(unknown).toBe('There is no source called “&lt;nope&gt;”. See /sources for the list.')
  })

  it('lists disagreements and sources', async () => {
    const { send, texts } = setup()
    await send(textUpdate('/disagreements'))
    await send(textUpdate('/sources'))

    const [disagreements, sources] = texts()
    expect(disagreements).toContain('• <b>3 hours</b>: “The leaders met for three hours with top aides” — Three hours at the &lt;table&gt;, according to a &lt;senior&gt; aide')
    expect(sources).toContain('<b>Sources</b> (3 articles)')
    expect(sources).toContain('<code>gazette</code> · 1 passages')
    expectValidHtml(texts())
  })

  it('lists the stories, and gives one story’s takeaways when named by id', async () => {
    const storyIds: Array<string | undefined> = []
    const { send, texts } = setup({
      stories: () => [
        { id: 'port-<strike>', label: 'Velmora & port', sources: ['wire', 'daily'], published: { from: '2031-06-03', to: '2031-06-05' } },
        { id: 'bakery', label: 'Arlow', sources: ['gazette'] },
      ],
      takeaways: (options = {}) => {
        storyIds.push(options.storyId)
        return []
      },
    })
    await send(textUpdate('/stories'))
    await send(textUpdate('/takeaways bakery'))

    const [stories] = texts()
    expect(stories).toContain('<b>Stories</b> (2)')
    expect(stories).toContain('• <b>Velmora &amp; port</b> · <code>port-&lt;strike&gt;</code> · 2 articles · 2031-06-03 – 2031-06-05')
    expect(storyIds).toEqual(['bakery'])
    expectValidHtml(texts())
  })

  it('shows the message and suggestions for no_answer, and the message for invalid', async () => {
    const { send, texts } = setup({ ask: (question) => ({ status: 'invalid', question, message: 'That is too long to be a question.', quotes: [], disagreements: [], hasMore: false }) })
    await send(textUpdate('zzz'))
    const noAnswer = setup()
    await noAnswer.send(textUpdate('Quantum chromodynamics?'))

    expect(texts()).toEqual(['That is too long to be a question.'])
    expect(noAnswer.texts()[0]).toBe(
      'Nothing in the articles answers “Quantum chromodynamics?”.\n\n<b>Questions I can answer</b>\n• How long did the talks last?\n• Was there a ceasefire?',
    )
  })

  it('escapes HTML in a question so it cannot break the message', async () => {
    const { send, texts } = setup()
    await send(textUpdate('<b>zzz</b> & </code><a href="x">'))

    expect(texts()[0]).toContain('“&lt;b&gt;zzz&lt;/b&gt; &amp; &lt;/code&gt;&lt;a href=&quot;x&quot;&gt;”')
    expectValidHtml(texts())
  })

  it('escapes markup in quoted text, even inside a highlight', async () => {
    const { send, texts } = setup()
    await send(textUpdate('</blockquote> summit?'))

    expect(texts()[0]).toContain('&lt;b&gt;<b>summit</b>&lt;/b&gt; was &quot;constructive&quot; &lt;/<b>blockquote</b>&gt; but')
    expectValidHtml(texts())
  })

  it('splits an answer over 4,096 characters at quote boundaries', async () => {
    const quotes = Array.from({ length: 6 }, (_, i) => fakeQuote(`Quote ${i}: ${'word '.repeat(180)}end.`, { highlights: [[0, 5]] }))
    const { send, texts } = setup({ ask: (question) => fakeAnswer(question, quotes) })
    await send(textUpdate('long?'))

    expect(texts().length).toBeGreaterThan(1)
    for (const text of texts()) {
      expect(text.length).toBeLessThanOrEqual(4096)
      expect(text.startsWith('<blockquote>')).toBe(true)
    }
    expect(texts().join('').match(/<blockquote>/g)).toHaveLength(6)
    expectValidHtml(texts())
  })

  it('replies to the first message only, in groups', async () => {
    const quotes = Array.from({ length: 3 }, (_, i) => fakeQuote(`Quote ${i} ${'x'.repeat(3000)}`))
    const { send, calls } = setup({ ask: (question) => fakeAnswer(question, quotes) })
    const update = await send(groupTextUpdate('@summit_quotes_bot long?'))

    const replies = calls.filter((call) => call.method === 'sendMessage').map((call) => call.payload.reply_parameters)
    expect(replies).toEqual([{ message_id: update.message?.message_id, allow_sending_without_reply: true }, undefined, undefined])
  })

  describe('in groups', () => {
    it('answers a mention, without the mention in the question', async () => {
      const { send, asked, texts } = setup()
      await send(groupTextUpdate('@summit_quotes_bot was there a ceasefire?'))

      expect(asked).toEqual(['was there a ceasefire?'])
      expect(texts()).toHaveLength(1)
    })

    it('answers a reply to one of its messages', async () => {
      const { send, asked } = setup()
      await send(groupTextUpdate('and how long did the talks last?', { replyTo: botMessage('earlier answer') }))

      expect(asked).toEqual(['and how long did the talks last?'])
    })

    it('ignores messages not addressed to it', async () => {
      const { send, calls } = setup()
      await send(groupTextUpdate('how long did the talks last?'))
      await send(groupTextUpdate('@someone_else was there a ceasefire?'))
      await send(groupTextUpdate('not for you', { replyTo: { ...botMessage('x'), from: fakeUser(9) } }))
      await send(groupTextUpdate('/ask@other_bot how long?'))
      await send(groupTextUpdate('/unknown'))

      expect(calls).toEqual([])
    })

    it('answers commands addressed to it', async () => {
      const { send, asked } = setup()
      await send(groupTextUpdate('/ask@summit_quotes_bot was there a ceasefire?'))

      expect(asked).toEqual(['was there a ceasefire?'])
    })

    it('asks for a question when mentioned with nothing else', async () => {
      const { send, asked, texts } = setup()
      await send(groupTextUpdate('@summit_quotes_bot'))

      expect(asked).toEqual([])
      expect(texts()[0]).toBe('Ask me something about the news event, for example: How long did the talks last?')
    })
  })

  it('points to /help for an unknown command in a private chat, escaping it', async () => {
    const { send, texts } = setup()
    await send(textUpdate('/frobnicate<b>'))

    expect(texts()).toEqual(['I do not know /frobnicate&lt;b&gt;. Send /help to see what I can do.'])
  })

  it('asks for text when sent a photo', async () => {
    const { send, texts } = setup()
    await send(photoUpdate())

    expect(texts()).toEqual(['I read text only: send me your question as a message.'])
  })

  it('hides a core failure behind a reference the asker can quote, and logs it', async () => {
    const { send, texts, records } = setup({
      ask: () => {
        throw new Error('index not loaded')
      },
    })
    const update = await send(textUpdate('what happened?'))

    expect(texts()).toEqual([`Sorry, something broke on my side (ref ${update.update_id}).`])
    expect(records.find((r) => r.level === ERROR_LEVEL)).toMatchObject({ ref: String(update.update_id), err: { message: 'index not loaded' } })
  })

  it('apologises with a reference when a handler throws, and answers the next update', async () => {
    let calls = 0
    const broken = (question: string) => (++calls === 1 ? ({ status: 'answered', question, quotes: [null], disagreements: [], hasMore: false } as never) : createFakeEngine().ask(question))
    const { send, texts, records } = setup({ ask: broken })
    const first = await send(textUpdate('was there a ceasefire?'))
    await send(textUpdate('was there a ceasefire?'))

    expect(texts()[0]).toBe(`Sorry, something broke on my side (ref ${first.update_id}).`)
    expect(texts()[1]).toContain('<b>ceasefire</b>')
    expect(records.find((r) => r.msg === 'telegram update failed')).toMatchObject({ ref: String(first.update_id), err: { type: 'TypeError' } })
  })

  it('limits questions per person with one polite reply, and counts only questions', async () => {
    const { send, asked, texts } = setup({}, { questionsPerWindow: 2 })
    const alice = fakeUser(1)
    const bob = fakeUser(2)
    for (let i = 0; i < 4; i++) await send(textUpdate(`ceasefire ${i}?`, { from: alice }))
    await send(textUpdate('/help', { from: alice }))
    await send(textUpdate('ceasefire?', { from: bob }))

    expect(asked).toEqual(['ceasefire 0?', 'ceasefire 1?', 'ceasefire?'])
    expect(texts()[2]).toBe(
      'You are asking faster than I can answer: I take up to 2 questions per person in a minute. Please wait a little and ask again.',
    )
    expect(texts()[3]).toContain('<b>Try asking</b>')
    expect(texts()).toHaveLength(5)
  })

  describe('inline mode', () => {
    it('offers each quote with its source, posting the quote with its citation', async () => {
      const { send, calls } = setup()
      await send(inlineQueryUpdate('how many hours did the talks last'))

      const [call] = calls
      expect(call?.method).toBe('answerInlineQuery')
      const results = call?.payload.results as { id: string; title: string; description: string; input_message_content: { message_text: string } }[]
      expect(results.map((r) => r.title)).toEqual(['Wire Service: Talks end after seven hours & no deal', 'The Daily: Three hours at the <table>', 'Gazette: Red carpet, "no ceasefire"'])
      expect(new Set(results.map((r) => r.id)).size).toBe(3)
      expect(results[0]?.input_message_content).toMatchObject({ parse_mode: 'HTML', link_preview_options: { is_disabled: true } })
      expect(results[0]?.input_message_content.message_text).toMatch(/^<blockquote>The <b>talks<\/b> <b>last<\/b>ed.*<\/blockquote>\n— <a href=/s)
      expectValidHtml(results.map((r) => r.input_message_content.message_text))
    })

    it('offers the takeaways for an empty query', async () => {
      const { send, calls } = setup()
      await send(inlineQueryUpdate(''))

      const results = calls[0]?.payload.results as { title: string }[]
      expect(results.map((r) => r.title)).toEqual(['Takeaway 1: Wire Service', 'Takeaway 2: Gazette', 'Takeaway 3: The Daily'])
    })

    it('explains on the button when nothing matches', async () => {
      const { send, calls } = setup()
      await send(inlineQueryUpdate('zzzz'))

      expect(calls[0]?.payload).toMatchObject({ results: [], button: { text: 'Nothing in the articles answers “zzzz”.', start_parameter: 'inline' } })
    })
  })
})

describe('createTelegramBot "More quotes" button', () => {
  /** Asks `question` with two quotes per page; returns the answer's last message. */
  async function askFirstPage(h: ReturnType<typeof setup>, question = FOUR_QUOTE_QUESTION) {
    await h.send(textUpdate(question))
    return sentMessages(h.calls).at(-1)!
  }

  it('appears under an answer only when the core has more quotes', async () => {
    const paged = setup({}, { quotesPerPage: 2 })
    const complete = setup({}, { quotesPerPage: 2 })
    const answer = await askFirstPage(paged)
    await complete.send(textUpdate('ceasefire?'))

    expect(answer.reply_markup?.inline_keyboard).toEqual([[{ text: 'More quotes', callback_data: expect.stringMatching(/^more:[\w-]{16}$/) }]])
    expect(Buffer.byteLength(buttonData(answer)!)).toBeLessThanOrEqual(64)
    expect(complete.calls.find((call) => call.method === 'sendMessage')?.payload.reply_markup).toBeUndefined()
  })

  it('sits under the last message of an answer too long for one', async () => {
    const quotes = Array.from({ length: 3 }, (_, i) => fakeQuote(`Quote ${i} ${'x'.repeat(3000)}`))
    const h = setup({ ask: (question) => fakeAnswer(question, quotes, { hasMore: true }) })
    await h.send(textUpdate('long?'))

    const markups = h.calls.filter((call) => call.method === 'sendMessage').map((call) => call.payload.reply_markup !== undefined)
    expect(markups).toEqual([false, false, true])
  })

  it('sends the next quotes when pressed, replying to the answer, and answers the press', async () => {
    const h = setup({}, { quotesPerPage: 2 })
    const answer = await askFirstPage(h)
    const before = h.calls.length
    await h.send(callbackQueryUpdate(answer, buttonData(answer)))

    const [press, page] = h.calls.slice(before)
    expect(press).toMatchObject({ method: 'answerCallbackQuery', payload: {} })
    expect(press?.payload.text).toBeUndefined()
    expect(page?.method).toBe('sendMessage')
    expect(page?.payload).toMatchObject({ chat_id: 1, parse_mode: 'HTML', reply_parameters: { message_id: answer.message_id, allow_sending_without_reply: true } })
    expect(h.askedWith).toEqual([{ offset: 0, limit: 2 }, { offset: 2, limit: 2 }])
    const pageText = String(page?.payload.text)
    expect(pageText).toMatch(/^<i>More quotes on “talks summit aides ceasefire\?”, from quote 3<\/i>/)
    // Verbatim from the fake corpus, and the two quotes after the first page's two.
    expect(quotedTexts(String(h.calls.find((call) => call.method === 'sendMessage')?.payload.text))).toEqual([FAKE_SENTENCES[0]!.text, FAKE_SENTENCES[1]!.text])
    expect(quotedTexts(pageText)).toEqual([FAKE_SENTENCES[2]!.text, FAKE_SENTENCES[3]!.text])
    // The first page showed the disagreement; later pages leave it out.
    expect(pageText).not.toContain('Sources disagree')
    expectValidHtml([pageText])
  })

  it('offers a button on every page while more remain, and none on the last', async () => {
    const h = setup({}, { quotesPerPage: 1 })
    let message = await askFirstPage(h)
    while (buttonData(message) !== undefined && h.asked.length < 10) {
      await h.send(callbackQueryUpdate(message, buttonData(message)))
      message = sentMessages(h.calls).at(-1)!
    }

    // Every sentence of the fake corpus once, in order: no page repeats another.
    const sent = sentMessages(h.calls).map((m) => quotedTexts(m.text))
    expect(sent).toEqual(FAKE_SENTENCES.map((sentence) => [sentence.text]))
    expect(h.calls.filter((call) => call.method === 'answerCallbackQuery')).toHaveLength(3)
  })

  it.each([
    ['an unknown page', 'more:AAAAAAAAAAAAAAAA'],
    ['malformed data', 'more:<b>&'],
    ['an offset tacked on', 'more:AAAAAAAAAAAAAAAA:999999'],
    ['no data at all', undefined],
  ])('answers a press with %s with the expired text, sending nothing, and answers the next update', async (_case, data) => {
    const h = setup({}, { quotesPerPage: 2 })
    await h.send(callbackQueryUpdate(botMessage('an answer', { id: 1, type: 'private', first_name: 'User 1' }), data))
    await h.send(textUpdate('ceasefire?'))

    expect(h.calls.map((call) => call.method)).toEqual(['answerCallbackQuery', 'sendChatAction', 'sendMessage'])
    expect(h.calls[0]?.payload).toMatchObject({ text: EXPIRED_PAGE_TEXT })
    expect(h.asked).toEqual(['ceasefire?'])
  })

  it('answers a press with the expired text once the page has expired', async () => {
    let now = 0
    const h = setup({}, { quotesPerPage: 2, quotePages: createQuotePageStore({ ttlMs: 60_000, now: () => now }) })
    const answer = await askFirstPage(h)
    now = 60_000
    await h.send(callbackQueryUpdate(answer, buttonData(answer)))

    expect(h.calls.at(-1)).toMatchObject({ method: 'answerCallbackQuery', payload: { text: EXPIRED_PAGE_TEXT } })
    expect(h.asked).toHaveLength(1)
  })

  it('refuses a page id carried into another chat', async () => {
    const h = setup({}, { quotesPerPage: 2 })
    const answer = await askFirstPage(h)
    const elsewhere = { ...answer, chat: { id: 2, type: 'private' as const, first_name: 'User 2' } }
    await h.send(callbackQueryUpdate(elsewhere, buttonData(answer), fakeUser(2)))

    expect(h.calls.at(-1)).toMatchObject({ method: 'answerCallbackQuery', payload: { text: EXPIRED_PAGE_TEXT } })
    expect(h.asked).toHaveLength(1)
  })

  it('sends the page to anyone in a group who presses, replying to the answer', async () => {
    const h = setup({}, { quotesPerPage: 2 })
    await h.send(groupTextUpdate(`@summit_quotes_bot ${FOUR_QUOTE_QUESTION}`))
    const answer = sentMessages(h.calls).at(-1)!
    await h.send(callbackQueryUpdate(answer, buttonData(answer), fakeUser(9)))

    const page = h.calls.at(-1)
    expect(page?.payload).toMatchObject({ chat_id: -100_777, reply_parameters: { message_id: answer.message_id } })
    expect(String(page?.payload.text)).toContain('from quote 3')
  })

  it('escapes the question in the heading of a later page', async () => {
    const h = setup({}, { quotesPerPage: 2 })
    const answer = await askFirstPage(h, '<b>talks</b> & summit "aides" ceasefire</i>')
    await h.send(callbackQueryUpdate(answer, buttonData(answer)))

    const page = String(h.calls.at(-1)?.payload.text)
    expect(page).toContain('More quotes on “&lt;b&gt;talks&lt;/b&gt; &amp; summit &quot;aides&quot; ceasefire&lt;/i&gt;”')
    expectValidHtml([page])
  })

  it('says on the button that nothing is left when the corpus changed under the page', async () => {
    const h = setup({ ask: (question, options) => fakeAnswer(question, (options?.offset ?? 0) === 0 ? [fakeQuote('First.'), fakeQuote('Second.')] : [], { hasMore: true }) }, { quotesPerPage: 2 })
    const answer = await askFirstPage(h)
    await h.send(callbackQueryUpdate(answer, buttonData(answer)))

    expect(h.calls.at(-1)).toMatchObject({ method: 'answerCallbackQuery', payload: { text: 'There are no more quotes for that question.' } })
  })

  it('answers the press and apologises with a reference when the core fails on a page', async () => {
    let asks = 0
    const h = setup(
      {
        ask: (question, options) => {
          if (++asks > 1) throw new Error('index not loaded')
          return createFakeEngine().ask(question, options)
        },
      },
      { quotesPerPage: 2 },
    )
    const answer = await askFirstPage(h)
    const press = await h.send(callbackQueryUpdate(answer, buttonData(answer)))

    expect(h.calls.slice(-2).map((call) => call.method)).toEqual(['answerCallbackQuery', 'sendMessage'])
    expect(h.texts().at(-1)).toBe(`Sorry, something broke on my side (ref ${press.update_id}).`)
  })

  it('limits presses per person, answering each extra press on the button', async () => {
    const h = setup({}, { quotesPerPage: 2, pagesPerWindow: 1 })
    const answer = await askFirstPage(h)
    for (let i = 0; i < 3; i++) await h.send(callbackQueryUpdate(answer, buttonData(answer)))

    const presses = h.calls.filter((call) => call.method === 'answerCallbackQuery').map((call) => call.payload.text)
    expect(presses).toEqual([undefined, expect.stringMatching(/^You are paging faster/), expect.stringMatching(/^You are paging faster/)])
    expect(h.asked).toHaveLength(2)
  })

  it('keeps inline results free of buttons', async () => {
    const h = setup({}, { quotesPerPage: 1 })
    await h.send(inlineQueryUpdate(FOUR_QUOTE_QUESTION))

    const results = h.calls[0]?.payload.results as Record<string, unknown>[]
    expect(results).toHaveLength(4)
    expect(results.every((result) => result.reply_markup === undefined)).toBe(true)
  })
})
