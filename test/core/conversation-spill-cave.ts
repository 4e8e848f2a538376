import { ask, decline, follow, type ConversationCase } from './conversation-set.js'

const c = 'conversation-spill-cave'

/**
 * The round-10 follow-up set: 28 conversations over one invented corpus of two unrelated events (a
 * solvent leak from a chemical plant into a river, and a school group trapped by floodwater in a
 * cave, three articles each), with men and women who speak (referred to as "he", "she", "Ms"), and
 * organisations that speak (a company, an agency, the police, a council). Written as a user types:
 * pronouns, "who said that?", "why?", "and when?", "what else?", "by how much?", a switch between the
 * stories, an out-of-scope question mid-conversation. The expected quote of each turn was read from
 * the articles and the set run once before any round-10 change; its misses were then studied, so it
 * is tuning material now, like every earlier set.
 */
export const SPILL_CAVE_CONVERSATIONS: ConversationCase[] = [
  { corpus: c, turns: [ask('How many fish died in the River Callow?', '5,000', '8,000'), follow('what caused it?', 'valve failed', 'failed valve'), follow('when?', 'Tuesday night')] },
  { corpus: c, turns: [ask('Who is Ruth Kimani?', 'river team'), follow('what did she promise?', 'promised a full investigation'), follow('what else did she say?', 'fine of up to two million', 'eight kilometres', 'twelve points', 'within the hour', 'collected and burned', 'by Monday')] },
  { corpus: c, turns: [ask('Who runs Dresna Chemicals?', 'Peter Vance'), follow('what did he promise?', 'pay the full cost', 'alarms would be replaced'), follow('what did he say about the alarms?', 'end of the month')] },
  { corpus: c, turns: [ask('When did the agency warn residents?', 'Wednesday morning'), follow('what did it tell them?', 'children or dogs')] },
  { corpus: c, turns: [ask('How long will the clean-up take?', 'three weeks'), follow('who said that?', 'Regional Environment Agency')] },
  { corpus: c, turns: [ask('Was the tap water safe?', 'safe to drink'), follow('why?', 'intake had been closed before'), follow('who said so?', 'Callow Water')] },
  { corpus: c, turns: [ask('How long will fish stocks take to recover?', 'five years'), follow('who said that?', 'Tomas Brandt')] },
  { corpus: c, turns: [ask('How late did Dresna report the leak?', 'nine hours'), follow('why?', 'night shift had not noticed')] },
  { corpus: c, turns: [ask('What will happen to the dead fish?', 'collected and burned'), follow('and the test results?', 'by Monday')] },
  { corpus: c, turns: [ask('Who rescued the students?', 'Northern Cave Rescue Team', 'Divers'), follow('how long did they work?', 'fourteen hours', 'more than 12 hours'), follow('who led them?', 'Marta Lindqvist')] },
  { corpus: c, turns: [ask('Who is Marta Lindqvist?', 'led the rescue team', 'Northern Cave Rescue Team'), follow('what did she say about the students?', 'stayed calm'), follow('what else did she say?', 'the cold', '30,000 euros', '6pm', 'praised the fire service')] },
  { corpus: c, turns: [ask('Who is Daniel Osei?', 'teacher'), follow('what did he say about the warning sign?', 'no warning sign')] },
  { corpus: c, turns: [ask('Did the group ignore a warning sign?', 'despite a sign', 'no warning sign'), follow('who said that?', 'Police said', 'Carol Fenwick', 'Daniel Osei'), follow('what will officers do?', 'interview the teacher')] },
  { corpus: c, turns: [ask('Who is Carol Fenwick?', 'county police'), follow('what did she say about the sign?', 'put up by the landowner')] },
  { corpus: c, turns: [ask('When were the students rescued?', 'on Monday'), follow('and when were they trapped?', 'since Saturday afternoon'), follow('where were they taken?', "St Aldric's Hospital")] },
  { corpus: c, turns: [ask('How much did the cave rescue cost?', '30,000 euros'), follow('who said so?', 'Lindqvist')] },
  { corpus: c, turns: [ask('What did the school do after the rescue?', 'suspended all cave trips'), follow('why?', 'reviewed its rules')] },
  { corpus: c, turns: [ask('When will the cave reopen?', 'gate at the entrance'), follow('who said that?', 'county council')] },
  { corpus: c, turns: [ask('How many fish died in the River Callow?', '5,000', '8,000'), decline('Who painted the Mona Lisa?'), ask('How many students were rescued from Hollin Cave?', 'Seven students')] },
  { corpus: c, turns: [ask('Who led the cave rescue?', 'Marta Lindqvist'), follow('and who leads the river team?', 'Ruth Kimani')] },
  { corpus: c, turns: [ask('What did the fire service do?', 'lowered the water', 'pumps'), follow('by how much?', 'two metres')] },
  { corpus: c, turns: [ask('Why did Callow Water close its intake?', 'precaution'), follow('for how long?', '48 hours')] },
  { corpus: c, turns: [ask('What did the teacher say to the rescuers?', 'owe those divers our lives', 'thanked'), follow('when did they leave hospital?', 'Tuesday evening')] },
  { corpus: c, turns: [ask('What did Peter Vance say about production?', 'production at the plant had been stopped'), follow('until when?', 'investigation was finished')] },
  { corpus: c, turns: [ask('Was the company slow to report the leak?', 'nine hours', 'within the hour'), follow('who said that?', 'Kimani')] },
  { corpus: c, turns: [ask('What caused the leak?', 'valve failed', 'failed valve'), follow('who said that?', 'the company said', 'Peter Vance')] },
  { corpus: c, turns: [ask('Who said there was no warning sign?', 'Daniel Osei'), follow('and what did the inspector say?', 'put up by the landowner', 'interview the teacher')] },
  { corpus: c, turns: [ask('Who will interview the teacher?', 'officers would interview'), follow('what did she say about the sign?', 'put up by the landowner')] },
]
