import { describe, expect, it } from 'vitest'
import { buildPassageTable, buildTextStore, createTextReader, findPassage, PassageIdError, sentencesOfPassage } from '../../src/passage-table.js'
import type { Passage } from '../../src/types.js'

const passage = (sourceId: string, ordinal: number, start: number): Passage => ({
  id: `${sourceId}#${ordinal}`,
  sourceId,
  start,
  end: start + 10,
  text: 'x'.repeat(10),
  sentences: [
    { start, end: start + 4, kind: 'heading', lead: true },
    { start: start + 5, end: start + 10, kind: 'list', lead: false },
  ],
  isLead: ordinal === 1,
})

describe('passage table', () => {
  it('finds passages by source and ordinal whatever order they come in', () => {
    const passages = [passage('b', 2, 20), passage('a', 1, 0), passage('b', 1, 0), passage('a', 3, 40)]
    const table = buildPassageTable(passages, new Map([['a', 0], ['b', 1]]), [[1, 2], [], [0, 64], [8]])
    expect(findPassage(table, 1, 1)).toBe(2)
    expect(findPassage(table, 1, 2)).toBe(0)
    expect(findPassage(table, 0, 3)).toBe(3)
    expect(findPassage(table, 0, 2)).toBe(-1)
    expect(sentencesOfPassage(table, 0)).toEqual(passages[0]?.sentences)
    expect([...table.sentenceFeatures]).toEqual([1, 2, 0, 0, 0, 64, 8, 0])
  })

  it('refuses passage ids that do not name their source and a number', () => {
    expect(() => buildPassageTable([{ ...passage('a', 1, 0), id: 'a-1' }], new Map([['a', 0]]), [])).toThrow(PassageIdError)
    expect(() => buildPassageTable([passage('c', 1, 0)], new Map([['a', 0]]), [])).toThrow(PassageIdError)
  })
})

describe('text store', () => {
  it('gives back every text exactly, curly quotes, accents and emoji included', () => {
    const texts = ['plain', '“Quoted,” she said — naïve 😀', '', 'x'.repeat(5000)]
    const store = buildTextStore(texts)
    const read = createTextReader(store)
    expect(texts.map((_, i) => read(i))).toEqual(texts)
    expect([...store.length]).toEqual(texts.map((text) => text.length))
    expect(read(99)).toBe('')
  })
})
