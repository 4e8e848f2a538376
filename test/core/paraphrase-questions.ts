/**
 * Questions worded away from the invented articles in test/fixtures/paraphrase-*: synonyms, other
 * word forms, more general words, nominalisations, "happen" for the event's own verb. Written
 * before tuning. Each in-scope question names a phrase one of its quotes must hold; out-of-scope
 * ones (near misses on the same theme among them) must be declined.
 */
export interface ParaphraseCase {
  corpus: 'paraphrase-ferry' | 'paraphrase-election'
  question: string
  /** A quote must contain this (case-insensitive); absent for a question to decline. */
  phrase?: string
}

export const PARAPHRASE_QUESTIONS: ParaphraseCase[] = [
  { corpus: 'paraphrase-ferry', question: 'Where did the boat get stuck?', phrase: 'Kestrel Point' },
  { corpus: 'paraphrase-ferry', question: 'What happened to the ferry?', phrase: 'ran aground' },
  { corpus: 'paraphrase-ferry', question: 'How many people were injured?', phrase: 'Nine people' },
  { corpus: 'paraphrase-ferry', question: 'What caused the vessel to run aground?', phrase: 'steering pump' },
  { corpus: 'paraphrase-ferry', question: 'Who commanded the ship?', phrase: 'Elin Varga' },
  { corpus: 'paraphrase-ferry', question: 'Were the travellers rescued?', phrase: 'lifeboats' },
  { corpus: 'paraphrase-ferry', question: 'Will passengers get their money back?', phrase: 'refund' },
  { corpus: 'paraphrase-ferry', question: 'Was there any pollution from fuel?', phrase: 'no oil reached the shore' },
  { corpus: 'paraphrase-ferry', question: 'How long will the repair take?', phrase: 'three weeks' },
  { corpus: 'paraphrase-ferry', question: 'When was the boat freed?', phrase: 'Monday' },
  { corpus: 'paraphrase-ferry', question: 'Where was the damaged ship taken?', phrase: 'Darrow' },
  { corpus: 'paraphrase-ferry', question: 'Which company operates the ferry?', phrase: 'Bellcrest Lines' },
  { corpus: 'paraphrase-ferry', question: 'Was the steering pump checked before?', phrase: 'inspected in March' },
  { corpus: 'paraphrase-ferry', question: 'What injuries did people suffer?', phrase: 'cuts and bruises' },
  { corpus: 'paraphrase-ferry', question: 'Are the island sailings cancelled?', phrase: 'cancelled' },
  { corpus: 'paraphrase-ferry', question: 'How did the captain behave during the evacuation?', phrase: 'keeping calm' },
  { corpus: 'paraphrase-election', question: 'Who won the vote for mayor?', phrase: 'Ansel Brook' },
  { corpus: 'paraphrase-election', question: 'What share of the votes did the winner get?', phrase: '54 percent' },
  { corpus: 'paraphrase-election', question: 'How high was the turnout?', phrase: '61 percent' },
  { corpus: 'paraphrase-election', question: 'When will the new mayor take office?', phrase: 'sworn in' },
  { corpus: 'paraphrase-election', question: 'What did the new mayor do before politics?', phrase: 'schoolteacher' },
  { corpus: 'paraphrase-election', question: 'What were her campaign promises?', phrase: 'affordable housing' },
  { corpus: 'paraphrase-election', question: 'Did the defeated mayor accept the result?', phrase: 'conceded' },
  { corpus: 'paraphrase-election', question: 'Why did Lind lose?', phrase: 'rising rents' },
  { corpus: 'paraphrase-election', question: 'How long was Lind in charge of the town?', phrase: 'eight years' },
  { corpus: 'paraphrase-election', question: 'Was there a recount?', phrase: 'recount was not requested' },
  { corpus: 'paraphrase-election', question: 'Who certified the result?', phrase: 'county clerk' },
  { corpus: 'paraphrase-election', question: 'When does the council first meet?', phrase: 'June' },
  { corpus: 'paraphrase-ferry', question: 'What is the population of Lyon?' },
  { corpus: 'paraphrase-ferry', question: 'How many people died when the Titanic sank?' },
  { corpus: 'paraphrase-ferry', question: 'Who won the football match on Sunday?' },
  { corpus: 'paraphrase-ferry', question: 'What is the price of a train ticket to Paris?' },
  { corpus: 'paraphrase-ferry', question: 'Which airline cancelled flights after the snowstorm?' },
  { corpus: 'paraphrase-ferry', question: 'Did the tanker collision in the Baltic spill oil?' },
  { corpus: 'paraphrase-election', question: 'Who won the presidential election in Brazil?' },
  { corpus: 'paraphrase-election', question: 'What is a good recipe for pancakes?' },
  { corpus: 'paraphrase-election', question: 'How tall is Mount Everest?' },
  { corpus: 'paraphrase-election', question: 'Who won the governor race in Ohio?' },
  { corpus: 'paraphrase-election', question: 'What did the senator say about taxes?' },
  { corpus: 'paraphrase-election', question: 'When is the next Olympic Games?' },
]
