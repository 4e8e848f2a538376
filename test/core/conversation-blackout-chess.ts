import { ask, decline, follow, type ConversationCase } from './conversation-set.js'

const c = 'conversation-blackout-chess'

/**
 * The round-8 follow-up set: 35 conversations over one invented corpus of two unrelated events (a
 * city-wide blackout caused by a software update and a chess grandmaster disqualified for a hidden
 * device, three articles each), written as a user types (pronouns, "where?", "when?", "by whom?",
 * "why?", "what happens next?", "who else?", "is that true?", a switch within a story, an
 * out-of-scope question mid-conversation, a follow-up naming the other story's people), with the
 * expected quote of each turn read from the articles, and run once through
 * `npm run ask -- --json --conversation` before any round-8 change. Its misses were then studied, so
 * it is tuning material now, like every earlier set.
 */
export const BLACKOUT_CHESS_CONVERSATIONS: ConversationCase[] = [
  { corpus: c, turns: [ask('How long did the blackout last?', 'six hours', 'nearly eight hours'), follow('how many were affected?', '210,000', '250,000'), follow('according to whom?', 'according to the grid operator', "engineers' union")] },
  { corpus: c, turns: [ask('What caused the blackout in Varnholm?', 'software update', 'control software'), follow('who supplied it?', 'Gridwise Systems'), follow('what did they say?', 'withdrawn the update', 'investigating')] },
  { corpus: c, turns: [ask('Who is Ingrid Sollberg?', 'chief executive'), follow('what did she promise customers?', '40 euros'), follow('is that enough?', 'far too small', '100 euros')] },
  { corpus: c, turns: [ask('Who blamed staff cuts?', 'Piet Dahl'), follow('how many engineers were on duty?', 'only two engineers')] },
  { corpus: c, turns: [ask('Was anyone hurt during the blackout?', 'elderly man', 'no patients were harmed'), follow('where?', 'Riverside district')] },
  { corpus: c, turns: [ask('What happened at the central station?', '38 passengers'), follow('and the trams?', 'two trams were stranded')] },
  { corpus: c, turns: [ask('How much could Nordline be fined?', '5 million euros'), follow('by whom?', 'energy regulator'), follow('when will it report?', 'within three months')] },
  { corpus: c, turns: [ask('Who is Marta Lindqvist?', "regulator's head"), follow('what did she say?', 'within three months')] },
  { corpus: c, turns: [ask('How did the hospital cope?', 'backup generators'), follow('who said that?', 'Mayor Tomas Keller')] },
  { corpus: c, turns: [ask('What does the mayor want the council to buy?', 'backup batteries'), follow('when will they decide?', 'next meeting in March')] },
  { corpus: c, turns: [ask('How much did shops lose?', '3 million euros'), follow('where?', 'old town')] },
  { corpus: c, turns: [ask('When was the software update installed?', 'Sunday night'), follow('what happened next?', 'restored', 'tripped')] },
  { corpus: c, turns: [ask('When was power restored?', 'shortly after midnight'), decline('What is the tallest mountain in Africa?'), ask('Has the faulty update been removed?', 'old software restored')] },
  { corpus: c, turns: [ask('Does Nordline blame its staffing?', 'denied that staffing'), follow('what does it blame instead?', 'supplied by its contractor')] },
  { corpus: c, turns: [ask('Who is Tomas Keller?', 'Mayor Tomas Keller'), follow('what did he ask for?', 'backup batteries')] },
  { corpus: c, turns: [ask('How many passengers were freed from the lift?', '38 passengers'), follow('who freed them?', 'Firefighters')] },
  { corpus: c, turns: [ask('What did consumer groups ask for?', '100 euros'), follow('and what did Nordline offer?', '40 euros')] },
  { corpus: c, turns: [ask('Why was Viktor Aranov disqualified?', 'electronic device'), follow('where was it hidden?', 'lining of his jacket'), follow('when was it found?', 'on Saturday')] },
  { corpus: c, turns: [ask('Who won the Castelmar Open?', 'Sanne Vos'), follow('how many points did she finish on?', 'seven and a half points'), follow('what did she say?', 'sad that the tournament')] },
  { corpus: c, turns: [ask('What does Aranov say the device was?', 'hearing aid'), follow('is that true?', 'radio receiver, not a hearing aid')] },
  { corpus: c, turns: [ask('Who is Paulo Reis?', "Aranov's lawyer"), follow('what did he call the search?', 'humiliating'), follow('and the lab report?', 'report was flawed')] },
  { corpus: c, turns: [ask('How long could Aranov be banned?', 'three years'), follow('by whom?', 'federation said')] },
  { corpus: c, turns: [ask('How far away could the transmitter be?', '200 metres'), follow('who sent him the moves?', 'second person')] },
  { corpus: c, turns: [ask('How big is the prize fund?', '120,000 euros'), follow('and for the winner?', '30,000 euros')] },
  { corpus: c, turns: [ask('Who is the chief arbiter?', 'Elena Brandt'), follow('what did she say about the device?', 'receive signals')] },
  { corpus: c, turns: [ask('How many points did Aranov have before he was removed?', 'six points', 'five points'), follow('who says five?', "organisers' official results")] },
  { corpus: c, turns: [ask('What will organisers change next year?', 'signal jammers'), decline('Who painted the Mona Lisa?'), ask('Who did Sanne Vos play in the last round?', 'Li Wei')] },
  { corpus: c, turns: [ask('Who complained about Aranov?', 'Several players'), follow('when?', 'after the fourth round'), follow('why?', 'left the playing hall too often')] },
  { corpus: c, turns: [ask('How old is Aranov?', 'Aranov, 29'), follow('what happened next?', 'denies cheating')] },
  { corpus: c, turns: [ask('What will Aranov do about the lab report?', 'second test'), follow('who said so?', 'Reis said')] },
  { corpus: c, turns: [ask('How long did the Varnholm blackout last?', 'six hours', 'nearly eight hours'), follow('and who won the chess tournament in Castelmar?', 'Sanne Vos')] },
  { corpus: c, turns: [ask('Who is the chief executive of Nordline?', 'Ingrid Sollberg'), follow('and the chief arbiter at Castelmar?', 'Elena Brandt')] },
  { corpus: c, turns: [ask('What device was found on Aranov?', 'electronic device', 'radio receiver'), ask('What caused the Varnholm blackout?', 'software update'), follow('when was it installed?', 'Sunday night')] },
  { corpus: c, turns: [ask('Who is investigating the blackout?', 'energy regulator'), follow('who else?', 'Gridwise said it was investigating')] },
  { corpus: c, turns: [ask('Were the trams affected?', 'two trams were stranded'), follow('what about traffic lights?', 'Traffic lights failed')] },
]
