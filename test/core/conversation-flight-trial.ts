import { ask, decline, follow, type ConversationCase } from './conversation-set.js'

const c = 'conversation-flight-trial'

/**
 * The round-6 follow-up set: 35 conversations over one invented corpus of two unrelated events (an
 * airliner's emergency landing and a bribery trial, three articles each), written as a user types
 * (pronouns, "how?", "when?", "why?", "what happened next?", a switch to the other event, an
 * out-of-scope question mid-conversation), with the expected quote of each turn read from the
 * articles, and run once through `npm run ask -- --json --conversation` before any code changed.
 * Its misses were then studied, so it is tuning material now, like every earlier set.
 */
export const FLIGHT_TRIAL_CONVERSATIONS: ConversationCase[] = [
  { corpus: c, turns: [ask('Why did the Norvik Air plane land at Brenholt?', 'engines caught fire', 'flames in the left engine', 'turned back'), follow('how many people were on board?', '186 passengers', '180 passengers')] },
  { corpus: c, turns: [ask('Who was the captain of flight NA417?', 'Ingrid Solheim'), follow('how long has she been flying?', '22 years'), follow('what did passengers say about her?', 'staying calm', 'exactly what was happening')] },
  { corpus: c, turns: [ask('How many people were injured in the evacuation?', 'Eleven people', 'Fourteen passengers'), follow('how?', 'sprained ankles', 'slides')] },
  { corpus: c, turns: [ask('What caused the engine fire?', 'geese', 'bird'), follow('who is investigating?', 'Civil Aviation Safety Board', 'Tomas Arvid'), follow('when will they report?', 'within 30 days')] },
  { corpus: c, turns: [ask('How long was the runway closed?', 'six hours'), follow('and how many flights were diverted?', '23 flights')] },
  { corpus: c, turns: [ask('Where did the passengers spend the night?', 'two hotels'), follow('who paid?', 'paid for by Norvik Air')] },
  { corpus: c, turns: [ask('What did Paula Graff say?', 'apologised', '600 euros', 'fuel leak'), follow('how much compensation will they get?', '600 euros')] },
  { corpus: c, turns: [ask('What did the pilots’ union say?', 'more frequent engine inspections'), follow('why?', 'stretched to cut costs')] },
  { corpus: c, turns: [ask('What kind of plane was it?', 'Corvex 220'), follow('how old was it?', 'nine-year-old'), follow('and the other jets like it?', 'grounded its five other')] },
  { corpus: c, turns: [ask('When did the passengers get to Selmar?', 'Friday morning'), follow('how?', 'replacement aircraft')] },
  { corpus: c, turns: [ask('What time did the plane land?', '2.41 pm'), follow('and when had it taken off?', '2.10 pm')] },
  { corpus: c, turns: [ask('Was a fuel leak ruled out?', 'fuel leak had not been ruled out'), ask('What evidence is there of a bird strike?', 'feathers and blood')] },
  { corpus: c, turns: [ask('Who was found guilty of bribery in Dunmore?', 'Viktor Lamm'), follow('what was his sentence?', 'six years'), follow('will he appeal?', 'appeal')] },
  { corpus: c, turns: [ask('How long did the jury deliberate?', 'two days', 'three days'), follow('and the trial itself?', 'eleven weeks')] },
  { corpus: c, turns: [ask('How much money did Lamm take?', '450,000 euros'), follow('from whom?', 'Kessick Marine'), follow('what did they get in return?', 'three harbour contracts')] },
  { corpus: c, turns: [ask('Who is Anders Rolf?', 'Kessick Marine director'), follow('was he convicted?', 'acquitted')] },
  { corpus: c, turns: [ask('Who was the judge?', 'Miriam Okafor'), follow('what did she tell Lamm?', 'betrayed the trust')] },
  { corpus: c, turns: [ask('How did the case come to light?', 'Nora Blix', 'handed emails'), follow('when?', '2032')] },
  { corpus: c, turns: [ask('What is the port authority changing?', 'open tender'), follow('who announced it?', 'Helen Marsh'), follow('what will happen to the three contracts?', 'reviewed')] },
  { corpus: c, turns: [ask('What did the prosecutor say?', 'no official was above the law'), follow('what is her name?', 'Sara Lindgren')] },
  { corpus: c, turns: [ask('How did Kessick Marine respond?', 'cooperated fully', 'dismissed the staff'), follow('and Lamm’s lawyer?', 'appeal', 'Jonas Ek')] },
  { corpus: c, turns: [ask('How old is Viktor Lamm?', '61'), follow('did he admit anything?', 'denied all charges')] },
  { corpus: c, turns: [ask('Who was the pilot of the Norvik Air flight?', 'Ingrid Solheim'), decline('What is the tallest mountain in Africa?'), ask('How many passengers were hurt?', 'Eleven people', 'Fourteen passengers')] },
  { corpus: c, turns: [ask('When was Lamm convicted?', 'Tuesday', 'last week'), decline('Who won the Nobel Prize in Literature?'), ask('When was Lamm sentenced?', 'on Monday')] },
  { corpus: c, turns: [ask('What did Norvik Air’s chief executive promise?', '600 euros', 'full refund'), follow('and what did Viktor Lamm have to repay?', '450,000 euros')] },
  { corpus: c, turns: [ask('Who is the chief investigator of the safety board?', 'Tomas Arvid'), follow('what about the judge in the Dunmore trial?', 'Miriam Okafor')] },
  { corpus: c, turns: [ask('Who handed emails to the police?', 'Nora Blix'), follow('where did she work?', 'Kessick Marine accountant')] },
  { corpus: c, turns: [ask('What happened at Brenholt airport on Thursday?', 'emergency landing'), follow('what happened next?', 'emergency slides', 'runway was closed', 'replacement aircraft', 'spent the night')] },
  { corpus: c, turns: [ask('Was Viktor Lamm found guilty?', 'found guilty', 'convicting'), follow('what happened next?', 'sentenced', 'six years', 'appeal')] },
  { corpus: c, turns: [ask('Which airports was the flight between?', 'Calder for Selmar'), follow('why did it turn back to Brenholt?', 'nearest airport')] },
  { corpus: c, turns: [ask('How many Corvex 220 jets did Norvik Air ground?', 'five other'), follow('why?', 'engine checks', 'precaution')] },
  { corpus: c, turns: [ask('Who is Helen Marsh?', 'new chair'), follow('what did she say about contracts over 100,000 euros?', 'open tender')] },
  { corpus: c, turns: [ask('What did passenger Lars Haugen say?', 'exactly what was happening'), follow('who was he talking about?', 'Ingrid Solheim')] },
  { corpus: c, turns: [ask('Where was Lamm tried?', 'Dunmore Crown Court'), follow('and who defended him?', 'Jonas Ek')] },
  { corpus: c, turns: [ask('How long was the Brenholt runway closed?', 'six hours'), ask('Who sentenced Viktor Lamm?', 'Miriam Okafor'), follow('when?', 'Monday')] },
]
