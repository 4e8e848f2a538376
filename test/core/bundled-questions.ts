/**
 * Questions a user might ask about the bundled corpus, written before tuning and kept general:
 * paraphrases, typos, and questions the articles cannot answer. Each expects a source and a phrase
 * that some quote of the answer must contain (any of `phrases`), or `no_answer`.
 */
export interface QuestionCase {
  question: string
  /** Source id that must be among the quoted ones. */
  source?: string
  /** At least one quote must contain one of these (case-insensitive). */
  phrases?: string[]
  expect: 'answered' | 'no_answer'
}

export const BUNDLED_QUESTIONS: QuestionCase[] = [
  { question: 'How long did the talks last?', phrases: ['seven hours', 'three hours', '12-hour'], expect: 'answered' },
  { question: 'how lnog were the negotations', source: 'talks-fail-to-yield-breakthrough', phrases: ['seven hours'], expect: 'answered' },
  { question: 'Where did Trump greet Putin?', source: 'red-carpet-no-deal', phrases: ['Joint Base Elmendorf-Richardson'], expect: 'answered' },
  { question: 'Who accompanied Trump to the summit?', source: 'red-carpet-no-deal', phrases: ['Marco Rubio'], expect: 'answered' },
  { question: 'Was a ceasefire agreed?', phrases: ['ceasefire'], expect: 'answered' },
  { question: 'What did Trump say after the meeting?', phrases: ['We didn’t get there'], expect: 'answered' },
  { question: 'What security threats did Putin talk about?', source: 'red-carpet-no-deal', phrases: ['fundamental security threats'], expect: 'answered' },
  { question: 'Why was Alaska chosen as the venue?', source: 'talks-fail-to-yield-breakthrough', phrases: ['crossroads'], expect: 'answered' },
  { question: 'When did the US buy Alaska from Russia?', source: 'talks-fail-to-yield-breakthrough', phrases: ['1867'], expect: 'answered' },
  { question: 'What did Trump offer on sanctions?', source: 'talks-fail-to-yield-breakthrough', phrases: ['sanctions relief'], expect: 'answered' },
  { question: 'Will there be a trilateral meeting with Zelenskyy?', source: 'red-carpet-no-deal', phrases: ['trilateral'], expect: 'answered' },
  { question: 'Did they discuss nuclear arms control?', source: 'no-deal-in-alaska', phrases: ['nuclear arms'], expect: 'answered' },
  { question: 'Did the summit end with an agreement?', phrases: ['agreement', 'deal'], expect: 'answered' },
  { question: 'How did Trump describe the discussions?', source: 'red-carpet-no-deal', phrases: ['extremely productive'], expect: 'answered' },
  { question: 'What does China have to do with it?', source: 'talks-fail-to-yield-breakthrough', phrases: ['China'], expect: 'answered' },
  { question: 'what about cybersecurity', source: 'no-deal-in-alaska', phrases: ['cybersecurity'], expect: 'answered' },
  { question: 'What did Trump push for on Ukraine?', source: 'talks-fail-to-yield-breakthrough', phrases: ['unilateral ceasefire'], expect: 'answered' },
  { question: 'Did Trump threaten to walk out of the meeting?', source: 'red-carpet-no-deal', phrases: ['leave the meeting abruptly'], expect: 'answered' },
  { question: 'What did the Al Jazeera report say?', source: 'divided-skies', phrases: ['Al Jazeera'], expect: 'answered' },
  { question: 'Is Kyiv at the table?', source: 'talks-fail-to-yield-breakthrough', phrases: ['Kyiv'], expect: 'answered' },
  { question: 'On which day was the summit held?', phrases: ['Friday'], expect: 'answered' },
  { question: 'Was there an energy deal on Arctic resources?', source: 'talks-fail-to-yield-breakthrough', phrases: ['Arctic resources'], expect: 'answered' },
  { question: 'Were new sanctions imposed?', source: 'red-carpet-no-deal', phrases: ['new sanctions'], expect: 'answered' },
  { question: 'Tell me about the handshake and the limo ride', source: 'red-carpet-no-deal', phrases: ['handshake'], expect: 'answered' },
  { question: 'Was there a joint press conference?', source: 'red-carpet-no-deal', phrases: ['press conference'], expect: 'answered' },
  { question: 'what human rights concerns were raised', source: 'no-deal-in-alaska', phrases: ['human rights'], expect: 'answered' },
  { question: 'How did the two leaders leave Alaska?', phrases: ['departed'], expect: 'answered' },
  { question: 'What does Russia want on NATO expansion?', source: 'talks-fail-to-yield-breakthrough', phrases: ['NATO expansion'], expect: 'answered' },
  { question: 'waht did putin sya about securty', phrases: ['security'], expect: 'answered' },
  { question: 'Who is the US president?', phrases: ['President Donald Trump', 'President Joe Biden'], expect: 'answered' },
  { question: 'What is the population of Lyon?', expect: 'no_answer' },
  { question: 'Who won the last Super Bowl?', expect: 'no_answer' },
  { question: 'Who won the World Cup?', expect: 'no_answer' },
  { question: 'asdkjh qwpoe zzxv', expect: 'no_answer' },
  { question: 'What is a good recipe for pancakes?', expect: 'no_answer' },
  { question: 'How tall is Mount Everest?', expect: 'no_answer' },
  { question: 'Where was the author educated?', expect: 'no_answer' },
  { question: 'What is the weather in Paris tomorrow?', expect: 'no_answer' },
]
