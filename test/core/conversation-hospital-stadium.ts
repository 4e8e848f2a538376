import { ask, decline, follow, type ConversationCase } from './conversation-set.js'

const c = 'conversation-hospital-stadium'

/**
 * The round-12 follow-up set: 14 conversations of three and four turns over one invented corpus of
 * two unrelated events (a cyberattack that locked a hospital trust out of its patient records, and a
 * stadium roof that collapsed under snow, three articles each), with men and women who speak ("he",
 * "she", "Dr", "Mr", "Ms") and organisations that speak (a health trust, the police, a data
 * regulator, a football club, city engineers, a council). Written as a user types: pronouns, "who
 * said that?", "why?", "when?", "how much?", "what else?", a switch between the stories, an
 * out-of-scope question mid-conversation. The expected quote of each turn was read from the
 * articles, and the set was run once through `bench:conversations` before any round-12 change; it
 * is held out: no rule was tuned on it.
 */
export const HOSPITAL_STADIUM_CONVERSATIONS: ConversationCase[] = [
  { corpus: c, turns: [ask('Why did the Marten Valley hospitals cancel operations?', 'cyberattack locked staff out'), follow('how many?', 'about 300 planned operations'), follow('when did the attack start?', '3am on Sunday')] },
  { corpus: c, turns: [ask('Who is Amara Quist?', "trust's chief executive"), follow('what did she say about the ransom?', 'invites the next attack', 'will not pay the ransom'), follow('how much did the hackers want?', 'four million euros')] },
  { corpus: c, turns: [ask('Who is investigating the cyberattack?', 'Lena Falk', 'reported the attack to the police'), follow('what did she find?', 'traced to a group', 'email sent to a member of staff'), follow('how did they get in?', 'email sent to a member of staff')] },
  { corpus: c, turns: [ask('Where were ambulances sent during the attack?', 'Brennford General Hospital'), follow('how far away is it?', '40 kilometres'), follow('for how long?', 'for two days')] },
  { corpus: c, turns: [ask('Who is Tobias Renn?', 'director of information technology'), follow('what did he say about the backups?', 'had not been affected'), follow('when will the systems work again?', 'end of the week'), follow('what was restored last?', 'books outpatient appointments')] },
  { corpus: c, turns: [ask('How many patient records were copied?', '12,000 patients'), follow('what is the trust doing about it?', 'writing to each of them'), follow('who is investigating?', 'data regulator')] },
  { corpus: c, turns: [ask('Who criticised the hospital trust?', 'Joel Barrow', 'Patients\' groups'), follow('what did he say?', 'warned about its old computers'), follow('what will the trust do about its computers?', '1.5 million euros')] },
  { corpus: c, turns: [ask('What happened at Vossberg Arena?', 'roof over the north stand', 'collapsed'), follow('was anyone hurt?', 'no one was injured'), follow('how much snow fell?', '70 centimetres'), decline('What is the population of Brazil?')] },
  { corpus: c, turns: [ask('Who is Nils Hartog?', 'stadium manager'), follow('what did he say about the snow?', 'cleared snow from the roof'), follow('what else did he say?', 'check the roof two years ago', 'no inspection', 'second team')] },
  { corpus: c, turns: [ask('Why did the stadium roof collapse?', 'too weak to carry the weight'), follow('who said that?', 'city engineers', 'Petra Sandvik'), follow('when was it designed?', '1998')] },
  { corpus: c, turns: [ask('Who is Petra Sandvik?', 'chief building engineer'), follow('what did she say about the north stand?', 'stay closed until the roof had been rebuilt'), follow('and the other buildings?', '11 other public buildings')] },
  { corpus: c, turns: [ask('Which match was postponed?', 'Linden Rovers'), follow('when will it be played?', 'new date would be set next week'), follow('how many seats will be empty at the next games?', '9,000 seats')] },
  { corpus: c, turns: [ask('Who will pay for the new roof?', 'city council agreed', '8 million euros'), follow('how much?', '8 million euros'), follow('when will the work finish?', 'before the new season in August'), follow('what did the mayor say?', 'wrong not to inspect')] },
  { corpus: c, turns: [ask('How many fans were affected by the closed stand?', '4,000 fans'), follow('will they get their money back?', 'refund north-stand season-ticket holders'), follow('how much will that cost?', '600,000 euros'), ask('Who is the chief executive of the Marten Valley Health Trust?', 'Amara Quist')] },
]
