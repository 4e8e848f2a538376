/**
 * Conversations a user might have with the bot, written before tuning: two and three turns over the
 * bundled corpus and over the invented fixture corpora. Each turn expects a phrase (any of
 * `phrases`, case-insensitive) in one of the answer's first two quotes, or `no_answer`. A turn is
 * `follow-up` when it cannot be read alone ("when was that?", "and Putin?"), else `stand-alone`:
 * then it must get exactly the answer it gets without context.
 */
export interface ConversationTurnCase {
  question: string
  kind: 'stand-alone' | 'follow-up'
  phrases?: string[]
  expect: 'answered' | 'no_answer'
}

export interface ConversationCase {
  /** `bundled`, or a folder of `test/fixtures`. */
  corpus: string
  turns: ConversationTurnCase[]
}

export const ask = (question: string, ...phrases: string[]): ConversationTurnCase => ({ question, kind: 'stand-alone', phrases, expect: 'answered' })
export const follow = (question: string, ...phrases: string[]): ConversationTurnCase => ({ question, kind: 'follow-up', phrases, expect: 'answered' })
export const decline = (question: string, kind: ConversationTurnCase['kind'] = 'stand-alone'): ConversationTurnCase => ({ question, kind, expect: 'no_answer' })

export const CONVERSATIONS: ConversationCase[] = [
  // The bundled corpus.
  { corpus: 'bundled', turns: [ask('Who accompanied Trump to the summit?', 'Marco Rubio'), follow('Where did he greet Putin?', 'Joint Base Elmendorf-Richardson')] },
  { corpus: 'bundled', turns: [ask('How long did the talks last?', 'seven hours', 'three hours', '12-hour'), follow('when was that?', 'Friday')] },
  { corpus: 'bundled', turns: [ask('What did Trump offer on sanctions?', 'sanctions relief'), follow('and what did Putin demand?', 'NATO expansion')] },
  { corpus: 'bundled', turns: [ask('Was a ceasefire agreed?', 'ceasefire'), decline('What is the capital of France?')] },
  { corpus: 'bundled', turns: [ask('When did the US buy Alaska from Russia?', '1867'), follow('Why was it chosen as the venue?', 'crossroads')] },
  { corpus: 'bundled', turns: [ask('Will there be a trilateral meeting with Zelenskyy?', 'trilateral'), follow('and the European allies?', 'European allies')] },
  { corpus: 'bundled', turns: [ask('Did they discuss nuclear arms control?', 'nuclear arms'), follow('what about cybersecurity?', 'cybersecurity'), follow('and human rights?', 'human rights')] },
  { corpus: 'bundled', turns: [ask('What does China have to do with it?', 'China'), follow('and Beijing?', 'Beijing')] },
  { corpus: 'bundled', turns: [ask('Did Trump threaten to walk out of the meeting?', 'leave the meeting abruptly'), ask('Was there a joint press conference?', 'press conference')] },
  { corpus: 'bundled', turns: [ask('Tell me about the handshake', 'handshake'), follow('and the limousine ride?', 'limousine')] },
  { corpus: 'bundled', turns: [ask('Were new sanctions imposed?', 'new sanctions'), ask('What does Russia want on NATO expansion?', 'NATO expansion')] },
  { corpus: 'bundled', turns: [ask('How did the two leaders leave Alaska?', 'departed'), follow('Did they reach a consensus?', 'consensus')] },
  { corpus: 'bundled', turns: [ask('Was there an energy deal on Arctic resources?', 'Arctic resources'), follow('who suggested it?', 'He suggested phased sanctions relief', 'sanctions relief')] },
  { corpus: 'bundled', turns: [ask('What security threats did Putin talk about?', 'fundamental security threats'), decline('Who won the last Super Bowl?')] },
  { corpus: 'bundled', turns: [ask('Is Kyiv at the table?', 'Kyiv'), follow('why not?', 'Kyiv')] },
  { corpus: 'bundled', turns: [ask('How did Trump describe the discussions?', 'extremely productive'), follow('How long did they last?', 'three hours', 'seven hours', '12-hour')] },
  { corpus: 'bundled', turns: [ask('What did Trump push for on Ukraine?', 'unilateral ceasefire'), follow('and what about Crimea?', 'Crimea')] },
  { corpus: 'bundled', turns: [ask('On which day was the summit held?', 'Friday'), follow('and where?', 'Anchorage', 'Alaska')] },
  { corpus: 'bundled', turns: [ask('What did the Al Jazeera report say?', 'Al Jazeera'), decline('How tall is Mount Everest?'), ask('Was a ceasefire agreed?', 'ceasefire')] },
  { corpus: 'bundled', turns: [ask('Who accompanied Trump to the summit?', 'Marco Rubio', 'Witkoff'), follow('and what about the prisoner exchanges?', 'prisoner')] },

  // Invented fixture corpora.
  { corpus: 'cup-final', turns: [ask('What was the final score?', '3-1', '2-1'), follow('when was it played?', 'Saturday', 'Sunday'), follow('and where?', 'Riverside Park')] },
  { corpus: 'cup-final', turns: [ask('Who scored for Rovers?', 'Jonas Pell'), follow('when did he score?', '78th minute', 'second half')] },
  { corpus: 'cup-final', turns: [ask('How many fans attended the final?', '42,000'), follow('Where was that?', 'Riverside Park')] },
  { corpus: 'cup-final', turns: [ask('Who is the manager?', 'Tom Hale'), follow('what did he say?', 'best afternoon of his career', 'earned the trophy', 'praised his players')] },
  { corpus: 'cup-final', turns: [ask('When did Rovers last win the trophy?', '1998'), follow('and Eastfield?', '1921', 'had not reached a final')] },
  { corpus: 'cup-final', turns: [ask('What was the final score?', '3-1', '2-1'), decline('What is the population of Lyon?')] },
  { corpus: 'storm-toll', turns: [ask('How many people died in the storm?', '23 people', '14 people'), follow('and how many were evacuated?', 'evacuated')] },
  { corpus: 'storm-toll', turns: [ask('When did Storm Imara strike?', 'Tuesday'), follow('How strong were its winds?', '180 kilometres per hour')] },
  { corpus: 'storm-toll', turns: [ask('Where did the winds reach 180 kilometres per hour?', 'Selby'), follow('What did the governor do there?', 'state of emergency')] },
  { corpus: 'storm-toll', turns: [ask('When was power restored?', 'Thursday'), follow('How many homes lost it?', '40,000 homes')] },
  { corpus: 'storm-toll', turns: [ask('Were rescue teams searching villages?', 'Rescue teams'), follow('when?', 'Wednesday')] },
  { corpus: 'plant-fire', turns: [ask('How long did the fire burn?', 'nine hours', 'six hours'), follow('How many workers were hurt in it?', '15', '12 workers'), follow('what did the mayor say?', 'review the plant', 'air people breathe')] },
  { corpus: 'plant-fire', turns: [ask('Who is the fire chief?', 'Nadia Kerr'), follow('what did she say?', '12 workers were injured')] },
  { corpus: 'plant-fire', turns: [ask('When did residents return home?', 'Wednesday'), follow('What did the air tests find?', 'no harmful levels')] },
  { corpus: 'plant-fire', turns: [ask('What did the sheriff say?', 'thanked residents'), follow('what is his name?', 'Ray Holt')] },
  { corpus: 'plant-fire', turns: [ask('Where did the evacuated people spend the night?', 'sports hall'), follow('how many of them were there?', '2,000', '1,800')] },
  { corpus: 'plant-fire', turns: [ask('How long did the fire burn?', 'nine hours', 'six hours'), decline('Who won the last Super Bowl?')] },
  { corpus: 'merger-price', turns: [ask('How much is Halvorsen paying per share?', '$48 a share', '$52 a share'), follow('and what is the whole deal worth?', '$12 billion', '$12.3 billion')] },
  { corpus: 'merger-price', turns: [ask('When was Brightmill founded?', '1962'), follow('how many workers does it employ?', '9,000')] },
  { corpus: 'merger-price', turns: [ask('Who is the chief executive?', 'Marta Olsen'), follow('what did she say about the workers?', 'keep their jobs')] },
  { corpus: 'merger-price', turns: [ask('When will the deal close?', 'nine months'), follow('who must approve it?', 'regulat')] },
  { corpus: 'merger-price', turns: [ask('How much did Brightmill shares rise?', '14%'), follow('why?', 'jumped 14% on the news', 'early trading')] },
  { corpus: 'trade-talks-agree', turns: [ask('How long did the talks last?', 'four hours'), follow('and what did they agree?', 'grain tariffs', 'tariffs on grain', 'halves')] },
  { corpus: 'trade-talks-agree', turns: [ask('Who is the Veskan trade minister?', 'Hana Novak'), follow('how did she describe the talks?', 'constructive')] },
  { corpus: 'trade-talks-agree', turns: [ask('When will the ministers meet again?', 'March'), follow('to discuss what?', 'fishing rights')] },
  { corpus: 'trade-talks-agree', turns: [ask('What tariff was set in 1994?', '20%'), follow('What did the farmers think about it?', 'Farmers welcomed')] },
]

/**
 * The first held-out part, written after the weights were tuned on `CONVERSATIONS` and first run
 * untouched (19/23 follow-ups right). It has since become tuning material: its misses were studied
 * to fix general causes. The part held out now is `HELD_OUT_CONVERSATIONS` in `conversation-held-out.ts`.
 */
export const FORMER_HELD_OUT_CONVERSATIONS: ConversationCase[] = [
  // The bundled corpus, with questions the tuned set does not ask.
  { corpus: 'bundled', turns: [ask('Who did Trump greet on a red carpet?', 'red carpet'), follow('where was that?', 'Joint Base Elmendorf-Richardson', 'Anchorage')] },
  { corpus: 'bundled', turns: [ask('What did Putin insist any settlement must do?', 'primary causes', 'fundamental security threats'), follow('and what did Trump say after it?', 'We didn’t get there')] },
  { corpus: 'bundled', turns: [ask('Who did Trump promise to brief after the summit?', 'European allies', 'brief Zelenskyy'), follow('will he meet him?', 'trilateral')] },
  { corpus: 'bundled', turns: [ask('What did Trump offer Putin on energy?', 'Arctic resources', 'energy agreement'), follow('and how did Putin respond?', 'declining Trump', 'stood firm', 'will not be rushed')] },
  { corpus: 'bundled', turns: [ask('How long did the negotiations go on?', 'seven hours', 'three hours', '12-hour'), follow('who took part in them?', 'Marco Rubio', 'top aides', 'small-group')] },
  { corpus: 'bundled', turns: [ask('What role does China play?', 'China', 'Beijing'), follow('and Europe?', 'Europe'), decline('How tall is Mount Everest?')] },
  { corpus: 'bundled', turns: [ask('What did critics say about the sanctions relief offer?', 'less about Ukraine'), follow('what did Kyiv think?', 'Kyiv')] },

  // Fixture corpora the tuned set never used.
  { corpus: 'harbor-bridge', turns: [ask('When did the Harbor Bridge reopen?', 'Monday'), ask('How much did the repair cost?', '4.2 million'), follow('and how long did it take?', 'eleven-week', 'eleven weeks')] },
  { corpus: 'harbor-bridge', turns: [ask('Who cut the ribbon at the bridge?', 'Ilse Okafor'), follow('what did she call the project?', 'a promise kept')] },
  { corpus: 'harbor-bridge', turns: [ask('How many vehicles cross the bridge each day?', '30,000'), follow('when was it first opened?', '1962')] },
  { corpus: 'harbor-bridge', turns: [ask('What did cyclists get?', 'protected lane', 'protected bike lane'), follow('who campaigned for it?', 'cycling groups')] },
  { corpus: 'takeaways-dock-strike', turns: [ask('Why did the dockworkers strike?', 'night-shift pay', 'night shifts'), follow('how many of them walked out?', '1,800')] },
  { corpus: 'takeaways-dock-strike', turns: [ask('Who chaired the talks?', 'Erik Dahl'), follow('what did he say he would do?', 'back next week')] },
  { corpus: 'takeaways-dock-strike', turns: [ask('How long did the talks last?', 'six hours', 'nine hours'), follow('and where were they held?', 'ministry')] },
  { corpus: 'takeaways-town-election', turns: [ask('Who won the Brennock mayoral election?', 'Dana Ruiz'), follow('what did she promise?', 'Elm Street library'), follow('who did she beat?', 'Paul Hendry')] },
  { corpus: 'takeaways-town-election', turns: [ask('What was the turnout?', '38 percent', '41 percent'), decline('What is the capital of France?')] },
  { corpus: 'takeaways-town-election', turns: [ask('Who was the incumbent mayor?', 'Paul Hendry'), follow('when did he concede?', 'Wednesday morning')] },
  { corpus: 'takeaways-bike-launch', turns: [ask('What did Velotta unveil?', 'Strada 3'), follow('how much does it cost?', '3,200 euros'), follow('and when do deliveries start?', 'September')] },
  { corpus: 'takeaways-bike-launch', turns: [ask('Who is Velotta’s chief executive?', 'Ines Marrow'), follow('what did she tell the audience?', 'four years to develop')] },
  { corpus: 'takeaways-bike-launch', turns: [ask('How far can the Strada 3 go on one charge?', '140'), follow('what is its frame made of?', 'recycled aluminium')] },
  { corpus: 'compare-ferry', turns: [ask('Who was the captain of the ferry?', 'Ivo Rask'), follow('did he survive?', 'survived', 'among those rescued')] },
  { corpus: 'compare-ferry', turns: [ask('Where did the ferry capsize?', 'Lake Varn'), follow('how many passengers were rescued there?', '42', '57', 'Forty-two')] },
]
