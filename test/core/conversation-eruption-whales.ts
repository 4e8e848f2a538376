import { ask, decline, follow, type ConversationCase } from './conversation-set.js'

const c = 'conversation-eruption-whales'

/**
 * The round-9 follow-up set: 36 conversations over one invented corpus of two unrelated events (a
 * volcanic eruption on an island and a mass stranding of pilot whales, three articles each), written
 * as a user types (pronouns, "where?", "when?", "why?", "what for?", "what happened next?", "who
 * else?", "is that confirmed?", a switch within a story, an out-of-scope question mid-conversation, a
 * follow-up naming the other story's people), with the expected quote of each turn read from the
 * articles, and run once through `npm run ask -- --json --conversation` before any round-9 change
 * (34/41 follow-ups right). Its misses were then studied, so it is tuning material now, like every
 * earlier set.
 */
export const ERUPTION_WHALES_CONVERSATIONS: ConversationCase[] = [
  { corpus: c, turns: [ask('When did Mount Brannoch erupt?', 'Thursday morning'), follow('how high did the ash go?', 'eight kilometres'), follow('and how many people had to leave?', '4,000', '3,500')] },
  { corpus: c, turns: [ask('How many homes were destroyed by the lava?', '12 homes', '15 homes'), follow('where?', 'Kilmory'), follow('what else was destroyed?', 'primary school')] },
  { corpus: c, turns: [ask('Who is Aisha Okafor?', 'head of the Tolvey Volcano Observatory'), follow('what did she say about the eruption?', 'several weeks', 'nobody could have predicted', 'lava flow had slowed')] },
  { corpus: c, turns: [ask('Who declared a state of emergency?', 'Malcolm Reid'), follow('what did he ask for?', 'asked the mainland government for help')] },
  { corpus: c, turns: [ask('Where were the evacuees taken?', 'Ardlow'), follow('where did they sleep?', 'sports hall')] },
  { corpus: c, turns: [ask('Was anyone killed in the eruption?', 'No one was killed'), follow('how many were hurt?', 'two people were treated')] },
  { corpus: c, turns: [ask('When did the observatory raise its alert level?', 'on Monday'), follow('who says that was too late?', 'Ewan Tait', 'farmers say'), follow('what did they lose?', '300 sheep')] },
  { corpus: c, turns: [ask('Who is Ewan Tait?', 'farmers\' association'), follow('how many sheep did they lose?', '300 sheep'), follow('what did the observatory say?', 'nobody could have predicted', 'likely within weeks')] },
  { corpus: c, turns: [ask('How long was the airport closed?', '36 hours', 'two days'), follow('when did it reopen?', 'Saturday morning', 'Saturday afternoon')] },
  { corpus: c, turns: [ask('How much did the government promise?', '20 million pounds'), follow('what for?', 'rebuild the village', 'temporary housing')] },
  { corpus: c, turns: [ask('When can residents go home?', 'at least a month'), follow('who said that?', 'Malcolm Reid')] },
  { corpus: c, turns: [ask('Why did fewer people evacuate than first reported?', 'chose to stay'), follow('how many were evacuated?', '3,500', '4,000')] },
  { corpus: c, turns: [ask('What will scientists do next week?', 'drone'), follow('why?', 'measure the gas')] },
  { corpus: c, turns: [ask('Is Portmore in danger?', 'Portmore was now low'), follow('who said so?', 'Okafor')] },
  { corpus: c, turns: [ask('When did Mount Brannoch erupt?', 'Thursday'), decline('What is the capital of Australia?'), ask('How many sheep were lost?', '300 sheep')] },
  { corpus: c, turns: [ask('How many pilot whales were stranded?', 'Sixty pilot whales', 'sixty pilot whales'), follow('where?', 'Marrow Sands'), follow('when?', 'early on Saturday', 'on Saturday')] },
  { corpus: c, turns: [ask('How many whales were saved?', 'refloated 41', 'refloat 38'), follow('and how many died?', '19 died', '22 died')] },
  { corpus: c, turns: [ask('Who led the rescue?', 'Lena Hartmann'), follow('what did she say about the cause?', 'too early to know')] },
  { corpus: c, turns: [ask('What caused the whale stranding?', 'sonar', 'leader is sick'), follow('what does the navy say?', 'navy denied'), follow('is that confirmed?', 'too early to know', 'within two weeks')] },
  { corpus: c, turns: [ask('Where was the sonar exercise?', '40 kilometres off the coast'), follow('when?', 'on Friday')] },
  { corpus: c, turns: [ask('How many volunteers helped?', 'More than 200 volunteers'), follow('what did they do?', 'buckets and sheets', 'refloated')] },
  { corpus: c, turns: [ask('What happened to the dead whales?', 'bury'), follow('why?', 'fastest and safest'), follow('who decided that?', 'Graham Pryce')] },
  { corpus: c, turns: [ask('When will the beach reopen?', 'on Thursday'), follow('who said so?', 'Pryce')] },
  { corpus: c, turns: [ask('Who is Graham Pryce?', 'Council leader'), follow('what did he say about the beach?', 'reopen on Thursday')] },
  { corpus: c, turns: [ask('How much did the rescue cost?', '15,000 pounds'), follow('what was it spent on?', 'boats and equipment')] },
  { corpus: c, turns: [ask('Who will examine the dead whales?', 'Penwick University'), follow('when are the results expected?', 'within two weeks')] },
  { corpus: c, turns: [ask('What did the coastguard do?', 'stayed offshore'), follow('why?', 'stop the pod from turning back')] },
  { corpus: c, turns: [ask('What will the trust do to be ready for the next stranding?', 'train 50 more volunteers'), follow('when?', 'this autumn')] },
  { corpus: c, turns: [ask('Who criticised the burial?', 'Some residents'), follow('what did they want instead?', 'taken away and burned')] },
  { corpus: c, turns: [ask('How many whales were stranded at Marrow Sands?', 'Sixty', 'sixty'), follow('and how many homes did the lava destroy on Tolvey?', '12 homes', '15 homes')] },
  { corpus: c, turns: [ask('Who is Lena Hartmann?', 'marine biologist'), follow('and Aisha Okafor?', 'head of the Tolvey Volcano Observatory')] },
  { corpus: c, turns: [ask('Who leads the farmers\' association?', 'Ewan Tait'), decline('Who won the World Cup in 2010?'), ask('Why is the beach closed?', 'dead whales have been removed', 'sand had been cleaned')] },
  { corpus: c, turns: [ask('When did the whales come ashore?', 'early on Saturday', 'day before'), follow('what happened next?', 'refloated', 'tide came back')] },
  { corpus: c, turns: [ask('Who was treated in hospital?', 'two people were treated'), follow('why?', 'breathing problems')] },
  { corpus: c, turns: [ask('Who helped the whales?', '200 volunteers', 'Lena Hartmann'), follow('who else?', 'Coastguard boats')] },
  { corpus: c, turns: [ask('How many whales were refloated?', 'refloated 41', 'refloat 38'), follow('is that confirmed?', 'refloated 41', 'refloat 38')] },
]
