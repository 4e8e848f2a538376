import { ask, decline, follow, type ConversationCase } from './conversation-set.js'

/**
 * The held-out follow-up set: written in one go as a user would ask, with the expected quote of each
 * turn read from the articles, and only then run. Nothing in `src/conversation.ts` was tuned on it
 * (the earlier held-out part, `FORMER_HELD_OUT_CONVERSATIONS`, became tuning material when it was
 * written). Half of its fixture corpora were never used by a conversation before, and one of them
 * (`stories-mixed`) holds several events, so a follow-up must carry its topic to stay on its event.
 */
export const HELD_OUT_CONVERSATIONS: ConversationCase[] = [
  // The bundled corpus.
  { corpus: 'bundled', turns: [ask('Where did Trump greet Putin?', 'Joint Base Elmendorf-Richardson'), follow('how long did they talk?', 'three hours', 'seven hours', '12-hour')] },
  { corpus: 'bundled', turns: [ask('What did Trump say after the meeting?', 'We didn’t get there'), follow('and what did Putin say?', 'fundamental security threats', 'Russian interests', 'primary causes')] },
  { corpus: 'bundled', turns: [ask('What did Trump suggest on sanctions?', 'phased sanctions relief'), follow('what did critics say about that?', 'less about Ukraine')] },
  { corpus: 'bundled', turns: [ask('What did Putin demand before any withdrawal?', 'NATO expansion'), follow('why?', 'interpreted as defeat', 'security threat')] },
  { corpus: 'bundled', turns: [ask('Will Trump meet Zelenskyy?', 'trilateral'), follow('when did they last meet?', 'February Oval Office meeting')] },
  { corpus: 'bundled', turns: [ask('When did the US buy Alaska?', '1867'), follow('from whom?', 'bought it from Russia')] },
  { corpus: 'bundled', turns: [ask('Did the leaders discuss cybersecurity?', 'cyber'), follow('what did each side say about it?', 'blamed each other', 'foreign interference')] },
  { corpus: 'bundled', turns: [ask('Who accompanied Trump to Alaska?', 'Marco Rubio'), follow('what did their presence signal?', 'structured and transparent'), decline('Who won the World Cup in 2018?')] },

  // Fixture corpora.
  { corpus: 'compare-museum', turns: [ask('Who designed the Tarn Museum?', 'Mira Holt'), follow('how long did it take to build?', 'four years'), follow('who opened it?', 'Anton Weir')] },
  { corpus: 'compare-museum', turns: [ask('When did the Tarn Museum open?', 'Saturday'), follow('what style is it?', 'Baroque', 'Gothic'), decline('Who painted the Mona Lisa?')] },
  { corpus: 'compare-stadium', turns: [ask('How much is Corvale Athletic paying for Marrow Park?', '$48 million', '€35 million', '$40 million'), follow('who signed the deal?', 'Otto Brann'), follow('where?', 'signed in Corvale', 'signed in Dastra', 'signed the deal in Corvale')] },
  { corpus: 'paraphrase-flood', turns: [ask('Why did the levee break?', 'torrential rain'), follow('how many people had to leave their homes?', '1,800 residents')] },
  { corpus: 'paraphrase-flood', turns: [ask('Who is the mayor of Ostrava Mills?', 'Dorota Kell'), follow('what did she do?', 'local emergency', 'sandbags')] },
  { corpus: 'paraphrase-flood', turns: [ask('How much damage did the flood cause?', '40 million euros'), follow('why did it happen?', 'torrential rain', 'never carried out')] },
  { corpus: 'paraphrase-theft', turns: [ask('What was stolen from the Brandt Museum?', '27 Roman gold coins'), follow('how did the thieves get in?', 'skylight'), follow('when was it discovered?', 'four in the morning')] },
  { corpus: 'paraphrase-theft', turns: [ask('Who was arrested over the coin theft?', 'two men'), follow('how were they found?', 'traffic cameras')] },
  { corpus: 'paraphrase-theft', turns: [ask('Why was the alarm off?', 'maintenance'), follow('who admitted it?', 'Ilse Moravec')] },
  { corpus: 'paraphrase-recall', turns: [ask('Why is Halvard recalling heaters?', 'overheat and catch fire'), follow('how many?', '90,000'), follow('what should owners do?', 'full refund', 'stop using the heater')] },
  { corpus: 'paraphrase-recall', turns: [ask('Who made the faulty switch?', 'Corvin Electronics'), follow('what did they say?', 'cooperating with the investigation')] },
  { corpus: 'compare-election', turns: [ask('Who won the Brell election?', 'Hana Cole'), follow('by how much?', '61%', '54 percent'), follow('when did her rival concede?', 'conceded on Monday')] },
  { corpus: 'compare-election', turns: [ask('How long did the count take?', 'five hours', '11 hours'), follow('why so long?', 'power cut')] },
  { corpus: 'bridge-opening-agree', turns: [ask('How much did the Harbour Link cost?', '$310 million', '$300 million'), follow('was that over budget?', '12%')] },
  { corpus: 'bridge-opening-agree', turns: [ask('Who first proposed the bridge?', 'Paul Dent'), follow('when?', '2015'), follow('what did he call the opening?', 'proud day')] },
  { corpus: 'plant-fire-agree', turns: [ask('How many workers were injured in the warehouse fire?', '9 workers', 'Nine workers', 'injured 9'), follow('who said so?', 'Ruth Sand', 'Dale Moor')] },
  { corpus: 'treaty-former-minister', turns: [ask('What does the Ostra treaty do?', 'fixed shares', 'joint commission'), follow('who signed it?', 'Lena Varga')] },
  { corpus: 'treaty-former-minister', turns: [ask('What did Varga say about the treaty?', 'victory for both nations'), follow('and the farmers?', 'summer harvest')] },
  { corpus: 'stories-mixed', turns: [ask('How long did the Velmora port talks last?', 'nine hours'), follow('who chaired them?', 'Tomas Brandt'), follow('what did he say?', 'back next week', 'return to the table')] },
  { corpus: 'stories-mixed', turns: [ask('Who won the Kessel mayoral election?', 'Hanne Virta'), follow('what did she promise?', 'Lindqvist library')] },
  { corpus: 'stories-mixed', turns: [ask('Where was the water accord signed?', 'Brightwater'), follow('how long did the leaders meet?', 'four hours')] },
  { corpus: 'stories-mixed', turns: [ask('Was anyone hurt in the Sundholm fire?', 'no workers were hurt'), follow('how long did it burn?', 'six hours')] },
]
