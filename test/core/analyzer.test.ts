import { describe, expect, it } from 'vitest'
import { firstWord, processTerm, tokenize, tokenizeToWords } from '../../src/analyzer.js'
import { splitPassages } from '../../src/passages.js'
import { createSpeller, isOneEditApart } from '../../src/spelling.js'

describe('tokenize', () => {
  it('keeps dotted acronyms whole and splits numbers from units', () => {
    expect(tokenize('The U.S. held 12-hour talks').map((token) => token.word)).toEqual(['the', 'us', 'held', '12', 'hour', 'talks'])
  })

  it('reads accented words, numbers with separators and letters beyond the basic plane as one word each', () => {
    const words = (text: string) => tokenize(text).map((token) => token.word)
    expect(words('Café Zoë and cafe\u0301 reopened')).toEqual(['café', 'zoë', 'and', 'cafe\u0301', 'reopened'])
    expect(words('12,500 people, 3.5 km, 2² and 1.5.')).toEqual(['12,500', 'people', '3.5', 'km', '2²', 'and', '1.5'])
    expect(words('e.g. the 𝒜𝒷 team, a U.N.-backed plan')).toEqual(['eg', 'the', '𝒜𝒷', 'team', 'un', 'backed', 'plan'])
    expect(tokenizeToWords('The U.S. held 12-hour talks')).toEqual(words('The U.S. held 12-hour talks'))
  })

  it('reports spans that point at the words in the text', () => {
    const text = 'Mayor Okafor, smiling.'
    for (const token of tokenize(text)) expect(text.slice(token.start, token.end).toLowerCase().replace(/\./g, '')).toBe(token.word)
  })
})

describe('firstWord', () => {
  it('gives the first word tokenize gives, past single letters and punctuation', () => {
    for (const text of ['A U.S. envoy arrived', '"Stop the vote," she said.', '12,500 people marched', 'I, too, agree', '— x —', '', 'É. Duval signed']) {
      expect(firstWord(text)).toBe(tokenize(text)[0]?.word ?? '')
    }
    expect(firstWord('A U.S. envoy arrived')).toBe('us')
  })
})

describe('processTerm', () => {
  it('stems inflected forms to one term', () => {
    expect(processTerm('negotiations')).toBe(processTerm('negotiation'))
    expect(processTerm('talks')).toBe(processTerm('talk'))
    expect(processTerm('Sanctions')).toBe(processTerm('sanction'))
  })

  it('drops stop words', () => {
    expect(processTerm('the')).toBeNull()
    expect(processTerm('with')).toBeNull()
    expect(processTerm('summit')).not.toBeNull()
  })
})

describe('createSpeller', () => {
  const speller = createSpeller(new Map([['long', 5], ['negotiations', 2], ['lone', 1]]))

  it('corrects a swap, a missing letter and an extra letter to the corpus word', () => {
    expect(speller.correct('lnog')[0]).toBe('long')
    expect(speller.correct('negotations')[0]).toBe('negotiations')
    expect(speller.correct('negotiatiions')[0]).toBe('negotiations')
  })

  it('leaves known and short words alone', () => {
    expect(speller.correct('long')).toEqual([])
    expect(speller.correct('lo')).toEqual([])
  })

  it('measures one edit as Damerau–Levenshtein does', () => {
    expect(isOneEditApart('ab', 'ba')).toBe(true)
    expect(isOneEditApart('abc', 'abd')).toBe(true)
    expect(isOneEditApart('abc', 'cab')).toBe(false)
  })
})

describe('splitPassages', () => {
  const text = 'Former U.S. President Jo Blake met Gen. Ana Ruiz on Aug. 15 in the capital. They spoke for an hour.\n\nA Heading\n\nThe next paragraph follows here, with more words.\n- one item\n- two items\n'

  it('does not split sentences after abbreviations', () => {
    const [first] = splitPassages('s', text)
    expect(first?.sentences.map((sentence) => text.slice(sentence.start, sentence.end))).toEqual([
      'Former U.S. President Jo Blake met Gen. Ana Ruiz on Aug. 15 in the capital.',
      'They spoke for an hour.',
    ])
  })

  it('gives stable ids and offsets that point into the article', () => {
    const passages = splitPassages('s', text)
    expect(passages.map((passage) => passage.id)).toEqual(passages.map((_, i) => `s#${i + 1}`))
    for (const passage of passages) expect(text.slice(passage.start, passage.end)).toBe(passage.text)
    expect(splitPassages('s', text)).toEqual(passages)
  })

  it('opens a passage with its heading and splits a long paragraph at sentence boundaries', () => {
    const passages = splitPassages('s', text)
    expect(passages.some((passage) => passage.text.startsWith('A Heading\n\nThe next paragraph'))).toBe(true)
    const long = Array.from({ length: 30 }, (_, i) => `Sentence number ${i} is here to make the paragraph long.`).join(' ')
    const pieces = splitPassages('l', long)
    expect(pieces.length).toBeGreaterThan(1)
    for (const piece of pieces) expect(piece.text.length).toBeLessThanOrEqual(900)
  })
})
