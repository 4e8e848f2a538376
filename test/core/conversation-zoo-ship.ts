import { ask, decline, follow, type ConversationCase } from './conversation-set.js'

const c = 'conversation-zoo-ship'

/**
 * The round-7 follow-up set: 36 conversations over one invented corpus of two unrelated events (a
 * snow leopard's escape from a city zoo and a medieval ship found under a building site, three
 * articles each), written as a user types (pronouns, "how?", "what time?", "by whom?", "why?",
 * "what happened next?", a switch to the other event, an out-of-scope question mid-conversation, a
 * follow-up naming the other story's people), with the expected quote of each turn read from the
 * articles, and run once through `npm run ask -- --json --conversation` before any code changed.
 * Its misses were then studied, so it is tuning material now, like every earlier set.
 */
export const ZOO_SHIP_CONVERSATIONS: ConversationCase[] = [
  { corpus: c, turns: [ask('Why did the snow leopard escape?', 'tree brought down', 'tore a gap'), follow('how long was she missing?', 'four hours', 'nearly five hours'), follow('where was she found?', 'Fenwick Road', 'under her hedge')] },
  { corpus: c, turns: [ask('Who noticed the leopard was gone?', 'Tobias Wren'), follow('what time?', '7.30 am')] },
  { corpus: c, turns: [ask('How many visitors were evacuated from the zoo?', '1,200 visitors', '900 visitors'), follow('and what did the police tell residents?', 'stay indoors')] },
  { corpus: c, turns: [ask('Who caught the leopard?', 'Omar Pike'), follow('how?', 'tranquilliser dart'), follow('what did he say about her?', 'calm', 'more frightened')] },
  { corpus: c, turns: [ask('Who found the leopard in her garden?', 'Ruth Adler'), follow('what did she think it was?', 'large grey dog'), follow('what did she do?', 'locked herself in her shed')] },
  { corpus: c, turns: [ask('Who is Alma Reyes?', 'Zoo director', 'Director Alma Reyes'), follow('what did she promise residents?', 'pay for any damage')] },
  { corpus: c, turns: [ask('How much will the new fence cost?', '80,000 pounds'), follow('what will it be made of?', 'steel mesh')] },
  { corpus: c, turns: [ask('What did Free Paws say?', 'ignored warnings'), follow('how did the zoo respond?', 'rejected the criticism', 'checked in the autumn')] },
  { corpus: c, turns: [ask('Who ordered an inquiry into the escape?', 'city council'), follow('when will it report?', 'end of June')] },
  { corpus: c, turns: [ask('When did the zoo reopen?', 'reopened on Wednesday'), follow('is the leopard enclosure open?', 'stay closed until the new fence')] },
  { corpus: c, turns: [ask('Where is Mira now?', 'quarantine', 'back to the zoo'), follow('for how long?', 'two weeks')] },
  { corpus: c, turns: [ask('Who led the police search?', 'Karl Benning'), follow('how many streets were closed?', 'six streets'), follow('was anything else used?', 'drone')] },
  { corpus: c, turns: [ask('How old is the snow leopard?', 'four-year-old'), decline('What is the population of Brazil?'), ask('Was anyone injured by the leopard?', 'Nobody was hurt')] },
  { corpus: c, turns: [ask('When did the fence last pass a safety inspection?', 'January'), follow('why did it fail then?', 'not been designed to withstand a falling tree')] },
  { corpus: c, turns: [ask('What did the builders find in Kelby?', 'merchant ship'), follow('who found it?', 'Sam Ortiz'), follow('how deep was it?', 'four metres')] },
  { corpus: c, turns: [ask('How long is the ship?', '18 metres', '20 metres'), follow('how old is it?', '15th century', '1420s')] },
  { corpus: c, turns: [ask('What has been found inside the ship?', '40 silver coins', 'brass compass'), follow('how many coins?', '40 silver coins', '37 silver coins'), follow('when were they made?', 'minted in the 1420s')] },
  { corpus: c, turns: [ask('Who leads the excavation?', 'Helena Voss'), follow('how does she think the ship sank?', 'damaged in a storm', 'abandoned')] },
  { corpus: c, turns: [ask('Why did the ship survive so long?', 'oxygen-free mud'), follow('what kind of wood is it?', 'oak timbers')] },
  { corpus: c, turns: [ask('How long will the library be delayed?', 'a year later'), follow('how much will that cost?', '1.2 million'), follow('who said so?', 'Daniel Cho', 'Cho said')] },
  { corpus: c, turns: [ask('Who is paying for the excavation?', 'National Heritage Fund'), follow('how much?', '300,000 pounds')] },
  { corpus: c, turns: [ask('What will happen to the timbers?', 'water tanks', 'lifted in sections'), follow('why?', 'drying out and cracking'), follow('and after that?', 'display in the town museum')] },
  { corpus: c, turns: [ask('Why is the ship 400 metres from the river?', 'silted up', 'filled in'), follow('what was there in the Middle Ages?', 'town\'s harbour')] },
  { corpus: c, turns: [ask('What did the mayor say about the find?', 'gift to the town'), follow('what did traders want?', 'left in the ground')] },
  { corpus: c, turns: [ask('What did local traders ask for?', 'left in the ground'), follow('and what did the mayor say to that?', 'never an option')] },
  { corpus: c, turns: [ask('How long was the leopard on the loose?', 'four hours', 'nearly five hours'), ask('How many silver coins were found in the Kelby ship?', '40 silver coins', '37 silver coins'), follow('and the shoes?', 'leather shoes')] },
  { corpus: c, turns: [ask('Who is the zoo vet?', 'Omar Pike'), follow('and who is the archaeologist in Kelby?', 'Helena Voss')] },
  { corpus: c, turns: [ask('Where was the ship found?', 'Quay Street car park'), follow('what happened next?', 'halted', 'excavated', 'stopped work')] },
  { corpus: c, turns: [ask('When did the leopard escape?', 'Sunday morning'), follow('what happened next?', 'raised the alarm', 'missing for four hours', 'led out of the zoo', 'stay indoors')] },
  { corpus: c, turns: [ask('What did Helena Voss say about the ship?', 'best-preserved'), decline('Who wrote Hamlet?'), ask('Who discovered the Kelby ship?', 'Sam Ortiz')] },
  { corpus: c, turns: [ask('Which district was told to stay indoors?', 'Linden district'), follow('by whom?', 'Police told')] },
  { corpus: c, turns: [ask('What is the snow leopard called?', 'Mira'), follow('where was she found?', 'Fenwick Road', 'under her hedge')] },
  { corpus: c, turns: [ask('Who is Daniel Cho?', 'Mayor Daniel Cho'), follow('when did he speak?', 'on Tuesday')] },
  { corpus: c, turns: [ask('Who is Sam Ortiz?', 'Digger driver'), follow('what did he do when he found the timbers?', 'stopped work at once')] },
  { corpus: c, turns: [ask('Did the zoo check the trees?', 'checked in the autumn'), follow('who says it did not?', 'Free Paws', 'ignored warnings')] },
  { corpus: c, turns: [ask('Where should the leopard go, according to Free Paws?', 'wildlife sanctuary'), follow('why?', 'ignored warnings')] },
]
