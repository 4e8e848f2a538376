import { describe, expect, it } from 'vitest'
import { parseWordNetDerivations } from '../../src/index.js'

// A tiny WordNet: "ferry" (one sense) under "boat, vessel"; "kill" causes "die"; "death" derived from "die".
const noun = [
  '00000001 06 n 01 ferry 0 001 @ 00000002 n 0000 | a boat that carries passengers',
  '00000002 06 n 02 boat 0 vessel 0 000 | a small craft',
  '00000003 26 n 01 death 0 001 + 00000020 v 0101 | the end of life',
].join('\n')
const verb = ['00000010 35 v 01 kill 0 001 > 00000020 v 0000 01 + 01 00 | cause to die', '00000020 30 v 01 die 0 001 + 00000003 n 0101 01 + 01 00 | stop living'].join('\n')
const indexNoun = ['boat n 1 0 1 0 00000002', 'death n 1 1 + 1 0 00000003', 'ferry n 1 1 @ 1 0 00000001', 'vessel n 1 0 1 0 00000002'].join('\n')

const linksOf = (lists: string[][]) => new Map(lists.map(([word, ...forms]) => [word, forms]))

describe('parseWordNetDerivations', () => {
  it('lists derivational forms both ways and nothing else by default', () => {
    const links = linksOf(parseWordNetDerivations({ noun, verb }))
    expect(links.get('death')).toEqual(['die'])
    expect(links.get('die')).toEqual(['death'])
    expect(links.has('ferry')).toBe(false)
    expect(links.has('kill')).toBe(false)
  })

  it('links a noun to its direct hypernym going up, and the hypernym to the noun going down', () => {
    const up = linksOf(parseWordNetDerivations({ noun }, { hypernyms: 'up' }, { noun: indexNoun }))
    expect(up.get('ferry')).toEqual(['boat', 'vessel'])
    expect(up.has('boat')).toBe(false)
    const down = linksOf(parseWordNetDerivations({ noun }, { hypernyms: 'down' }, { noun: indexNoun }))
    expect(down.get('vessel')).toEqual(['ferry'])
    expect(down.has('ferry')).toBe(false)
  })

  it('links a verb with what it causes, both ways, only when asked', () => {
    const links = linksOf(parseWordNetDerivations({ verb }, { derivations: false, verbLinks: true }))
    expect(links.get('kill')).toEqual(['die'])
    expect(links.get('die')).toEqual(['kill'])
  })
})
