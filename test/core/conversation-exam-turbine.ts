import { ask, decline, follow, type ConversationCase } from './conversation-set.js'

const c = 'conversation-exam-turbine'

/**
 * The round-11 follow-up set: 30 conversations over one invented corpus of two unrelated events (a
 * national maths exam cancelled after its paper leaked online, and a wind-turbine blade that broke
 * off near a farm road, three articles each), with men and women who speak ("he", "she", "Mr",
 * "Ms"), and organisations that speak (an examinations board, a printing firm, the police, an
 * energy company, a safety authority, a weather service). Written as a user types: pronouns, "who
 * said that?", "why?", "when?", "what else?", a switch between the stories, an out-of-scope question
 * mid-conversation. The expected quote of each turn was read from the articles, and the set was run
 * once through `bench:conversations` before any round-11 change: 30/36 follow-ups right (83%), 32/32
 * stand-alone turns answered as without context.
 */
export const EXAM_TURBINE_CONVERSATIONS: ConversationCase[] = [
  { corpus: c, turns: [ask('Why was the maths exam cancelled?', 'messaging app'), follow('when did that happen?', 'night before', '11pm on Monday', 'on Tuesday'), follow('who said so?', 'Examinations Board said')] },
  { corpus: c, turns: [ask('Who is Helen Marsh?', 'chief executive of the Examinations Board'), follow('what did she promise?', 'new paper would be sat on 14 June', 'secure room'), follow('what else did she say?', 'review its contract', 'secure room', 'results would be published', 'passed without problems', '14 June')] },
  { corpus: c, turns: [ask('Who was arrested over the leak?', '34-year-old man'), follow('where does he work?', 'Calder Print'), follow('what did the company say?', 'suspended the worker')] },
  { corpus: c, turns: [ask('How much were the copies sold for?', '50 euros'), follow('who sold them?', 'photographing the paper', '34-year-old man')] },
  { corpus: c, turns: [ask('Who is investigating the leak?', 'asked the police', 'Police arrested', 'Rhys Hallam'), follow('what did he say?', 'photographing the paper')] },
  { corpus: c, turns: [ask('Who is Owen Pryde?', "National Parents' Forum"), follow('what did he say?', 'revised for months')] },
  { corpus: c, turns: [ask('When was the exam re-sat?', 'on Wednesday', '14 June'), follow('how many pupils took it?', '40,000')] },
  { corpus: c, turns: [ask('How much did the re-sit cost?', '2.3 million euros'), follow('who will pay?', 'recover from Calder Print')] },
  { corpus: c, turns: [ask('How were the new papers delivered?', 'security couriers'), follow('when?', 'morning of the exam')] },
  { corpus: c, turns: [ask('Who is Grace Adeyemi?', 'Linford High School'), follow('what did she say?', 'missed the new date', 'three of her pupils')] },
  { corpus: c, turns: [ask('What can pupils who missed the re-sit do?', 'special exam in September'), follow('and when will the results be published?', '20 August')] },
  { corpus: c, turns: [ask('When will exam results be published?', '20 August'), follow('who said that?', 'Helen Marsh')] },
  { corpus: c, turns: [ask('What will change at the printer?', 'secure room with cameras', 'review its contract'), follow('who decided that?', 'Helen Marsh', 'She said papers')] },
  { corpus: c, turns: [ask('Did Calder Print cooperate with police?', 'cooperating fully'), follow('what did it do with the worker?', 'suspended the worker')] },
  { corpus: c, turns: [ask('How many pupils had their exam cancelled?', '41,000'), decline('What is the boiling point of mercury?'), ask('How many turbines are at Harrowby Hill?', '12 turbines')] },
  { corpus: c, turns: [ask('How long was the blade that broke off?', '60-metre'), follow('where did it land?', '150 metres from a farm road'), follow('was anyone hurt?', 'No one was hurt')] },
  { corpus: c, turns: [ask('Who owns the farm?', 'Ian Coyle'), follow('what did he say?', 'could have killed someone'), follow('what else did he say?', 'children walk', 'not reassured', 'move the farm road')] },
  { corpus: c, turns: [ask('Who operates the wind farm?', 'Brightfield Energy'), follow('what did it do after the blade fell?', 'shut down all 12 turbines')] },
  { corpus: c, turns: [ask('How strong were the winds?', '110 kilometres per hour'), follow('who said so?', 'weather service')] },
  { corpus: c, turns: [ask('What caused the blade to break?', 'tightened wrongly', 'crack in a bolt ring'), follow('who said that?', 'its report said', 'Sofia Lund', 'National Safety Authority')] },
  { corpus: c, turns: [ask('Who is Sofia Lund?', 'head of operations'), follow('what did she say about the other turbines?', 'stay shut until each had been checked'), follow('and about the broken one?', 'removed and replaced')] },
  { corpus: c, turns: [ask('When was the turbine last inspected?', 'November'), follow('were any faults found?', 'no faults')] },
  { corpus: c, turns: [ask('Who is Alan Birch?', 'councillor'), follow('what does he want?', 'stay closed until the inquiry'), follow('why?', 'complained about noise')] },
  { corpus: c, turns: [ask('When will the turbines restart?', 'next week'), follow('who opposed it?', 'Alan Birch')] },
  { corpus: c, turns: [ask('How many homes can the wind farm power?', '18,000 homes'), follow('when was it built?', '2031')] },
  { corpus: c, turns: [ask('Who examined the broken turbine?', 'National Safety Authority'), follow('what did they find?', 'tightened wrongly')] },
  { corpus: c, turns: [ask('What did Ian Coyle ask the company to do?', 'move the farm road'), follow('was he reassured by the restart?', 'not reassured')] },
  { corpus: c, turns: [ask('Who is the head of the Examinations Board?', 'Helen Marsh'), follow('and who runs operations at Brightfield?', 'Sofia Lund')] },
  { corpus: c, turns: [ask('When did the blade break off?', 'Sunday evening'), follow('when will it be replaced?', 'end of May')] },
  { corpus: c, turns: [ask('What did inspectors find?', 'tightened wrongly'), follow('what has the company done since?', 'replaced the bolts')] },
]
