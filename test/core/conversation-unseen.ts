import { ask, decline, follow, type ConversationCase } from './conversation-set.js'

/**
 * The newest held-out follow-up set: written in one go after the round-6 fixes to
 * `src/conversation.ts`, with the expected quote of each turn read from the articles, and committed
 * before it was first run. Nothing was tuned on it. Its fixture corpora were never used by a
 * conversation before, and one of them (`conversation-tunnel`) was invented for it. The older
 * held-out set (`HELD_OUT_CONVERSATIONS`) became tuning material when its misses were studied.
 */
export const UNSEEN_CONVERSATIONS: ConversationCase[] = [
  // The bundled corpus, with questions no earlier set asks.
  { corpus: 'bundled', turns: [ask('What did Russian state media say about Putin?', 'refused U.S. pressure'), follow('why did that matter to him?', 'reputation domestically')] },
  { corpus: 'bundled', turns: [ask('What ended the summit?', 'joint press conference'), follow('what did observers make of it?', 'productive', 'performative')] },
  { corpus: 'bundled', turns: [ask('Who is Steve Witkoff?', 'Special Envoy'), follow('who else came along?', 'Marco Rubio')] },
  { corpus: 'bundled', turns: [ask('What is the basic logjam?', 'paying tribute to aggression', 'interpreted as defeat'), follow('and for Moscow?', 'interpreted as defeat')] },
  { corpus: 'bundled', turns: [ask('When did Russia annex Crimea?', '2014'), follow('and what followed?', 'separatists', 'Donbas'), decline('Who is the prime minister of Japan?')] },

  // Fixture corpora no conversation used before.
  { corpus: 'compare-quarry', turns: [ask('How many workers were trapped at the Tessel quarry?', '12 of them were trapped', 'Twelve workers'), follow('how long did the search for them last?', 'three hours', 'about 3 hours'), follow('who owns it?', 'Dara Velt')] },
  { corpus: 'compare-quarry', turns: [ask('How much will the repairs cost?', '2.5 million euros', 'between 2 and 3 million'), follow('who said so?', 'Dara Velt')] },
  { corpus: 'compare-quarry', turns: [ask('When did the wall collapse?', 'Tuesday'), follow('how many were on shift?', '48 workers')] },
  { corpus: 'paraphrase-breach', turns: [ask('How many customers were affected by the Halvard hack?', '2.3 million'), follow('how did the hackers get in?', 'supplier'), follow('when was it detected?', '19 March')] },
  { corpus: 'paraphrase-breach', turns: [ask('How much ransom did the attackers demand?', '5 million dollars'), follow('did Halvard pay it?', 'refused to pay'), follow('who was arrested?', '22-year-old man')] },
  { corpus: 'paraphrase-breach', turns: [ask('Who is Halvard’s chief executive?', 'Mira Olsen'), follow('what did she do?', 'apologised')] },
  { corpus: 'paraphrase-breach', turns: [ask('What fine could Halvard face?', '4 percent of its annual turnover'), follow('under which law?', 'data protection law')] },
  { corpus: 'paraphrase-election', turns: [ask('Who won the Tarrow mayoral election?', 'Ansel Brook'), follow('by how much?', '54 percent'), follow('what did she campaign on?', 'affordable housing')] },
  { corpus: 'paraphrase-election', turns: [ask('Why did Petra Lind lose, in her view?', 'anger over rising rents'), follow('how long had she led the town?', 'eight years')] },
  { corpus: 'paraphrase-election', turns: [ask('What was the turnout in Tarrow?', '61 percent'), ask('When will the new mayor be sworn in?', 'first of June'), follow('where?', 'town hall')] },
  { corpus: 'paraphrase-ferry', turns: [ask('Where did the Morwen run aground?', 'Kestrel Point', 'sandbank'), follow('why?', 'faulty steering pump'), ask('Who was the captain?', 'Elin Varga')] },
  { corpus: 'paraphrase-ferry', turns: [ask('How many passengers were on the ferry?', '212 passengers'), follow('were any of them hurt?', 'Nine people were treated')] },
  { corpus: 'paraphrase-ferry', turns: [ask('When was the ferry refloated?', 'Monday'), follow('where was it towed?', 'port of Darrow'), ask('How long will the repairs take?', 'three weeks')] },
  { corpus: 'takeaways-plant-fire', turns: [ask('What caused the fire at the Kestrel Chemicals plant?', 'faulty valve'), follow('who is investigating it?', 'state environmental agency', 'formal inquiry'), follow('how long will that take?', 'three months')] },
  { corpus: 'takeaways-plant-fire', turns: [ask('Who is the current mayor of Marlow?', 'Rosa Pratt'), follow('what did she order?', 'schools to close')] },
  { corpus: 'takeaways-plant-fire', turns: [ask('How many residents had to leave their homes?', '3,000 residents'), follow('when did they return?', 'Wednesday')] },

  // An invented corpus, written for this set: a train stranded in a tunnel, three reports that differ.
  { corpus: 'conversation-tunnel', turns: [ask('How many passengers were on the train stuck in the Gorran tunnel?', '340 passengers', '300 passengers'), follow('how long were they stuck?', 'nearly five hours', 'four hours'), follow('why did it stop?', 'overhead cable snapped', 'lost power')] },
  { corpus: 'conversation-tunnel', turns: [ask('Who is Brisk Rail’s chief executive?', 'Lotte Ramsay'), follow('what did she promise?', 'full refund')] },
  { corpus: 'conversation-tunnel', turns: [ask('How much did the cable repair cost?', '1.2 million euros'), ask('When did the tunnel reopen?', 'Wednesday morning'), follow('who ordered an inspection of it?', 'Anil Dorsey')] },
  { corpus: 'conversation-tunnel', turns: [ask('What did the rail union say?', 'cuts to maintenance budgets'), follow('and the minister?', 'independent inquiry', 'inspection of every cable')] },
  { corpus: 'conversation-tunnel', turns: [ask('When was the Gorran tunnel built?', '1911'), follow('how many trains use it each day?', '90 trains'), decline('What is the price of Bitcoin?')] },
  { corpus: 'conversation-tunnel', turns: [ask('Who drove the train?', 'Marek Holm'), decline('Who won the Champions League?'), ask('How many people were treated for breathing problems?', 'Three people')] },
]
