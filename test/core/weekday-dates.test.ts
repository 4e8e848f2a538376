import { describe, expect, it } from 'vitest'
import { resolveWeekday } from '../../src/claims/date.js'
import { createEngine, parseArticleFile } from '../../src/index.js'

const article = (id: string, published: string, text: string) =>
  parseArticleFile(`${id}.md`, `---\nid: ${id}\ntitle: Pier at Calder\noutlet: ${id}\npublished: ${published}\n---\n\n${text}\n`)

describe('resolveWeekday', () => {
  it('dates a day name by the last such day on or before the article', () => {
    // 2032-03-04 is a Thursday; the Monday before it is March 1.
    expect(resolveWeekday({ type: 'date', weekday: 1 }, '2032-03-04', 'The pier reopened on Monday.')).toEqual({ type: 'date', weekday: 1, year: 2032, month: 3, day: 1, fromWeekday: true })
    expect(resolveWeekday({ type: 'date', weekday: 4 }, '2032-03-04', 'The pier reopened on Thursday.')).toMatchObject({ day: 4 })
  })

  it('leaves a day ahead of the article, or an undated article, as a day name', () => {
    expect(resolveWeekday({ type: 'date', weekday: 1 }, '2032-03-04', 'The pier will reopen on Monday.')).toEqual({ type: 'date', weekday: 1 })
    expect(resolveWeekday({ type: 'date', weekday: 1 }, undefined, 'The pier reopened on Monday.')).toEqual({ type: 'date', weekday: 1 })
  })
})

describe('a day name against a date at question time', () => {
  const filler = article('calder-notes', '2032-03-05', 'Anglers are back on the Calder pier, which a storm damaged in February.')

  it('notes a disagreement when the day name falls on another date than the one written out', () => {
    const engine = createEngine([
      article('calder-post', '2032-03-11', 'The Calder pier reopened on Monday after storm repairs.'),
      article('bay-journal', '2032-03-12', 'The Calder pier reopened on March 1, 2032, the council said.'),
      filler,
    ])
    const values = engine.ask('When did the pier reopen?').disagreements.filter((d) => d.valueKind === 'date').flatMap((d) => d.claims.map((claim) => claim.value))
    expect(values).toEqual(expect.arrayContaining(['Monday', 'March 1, 2032']))
  })

  it('notes none when the day name is that date', () => {
    const engine = createEngine([
      article('calder-post', '2032-03-04', 'The Calder pier reopened on Monday after storm repairs.'),
      article('bay-journal', '2032-03-12', 'The Calder pier reopened on March 1, 2032, the council said.'),
      filler,
    ])
    expect(engine.ask('When did the pier reopen?').disagreements.filter((d) => d.valueKind === 'date')).toEqual([])
  })
})

describe('a day name of another act', () => {
  it('sets no day name against a date when its clause states another act than the one asked', () => {
    // "appointed … on Tuesday" dates the appointment; asked when she takes office, it cannot contradict "3 April".
    const engine = createEngine([
      article('harbour-sport', '2032-03-11', 'Calder Rovers appointed Rosa Lind as their new manager on Tuesday, the club said.'),
      article('calder-echo', '2032-03-12', 'Rosa Lind will take office as manager of Calder Rovers on 3 April, the club said.'),
      article('calder-notes', '2032-03-05', 'Calder Rovers have lost four of their last five games.'),
    ])
    for (const question of ['When does Rosa Lind take office?', 'When will Rosa Lind take office as manager?']) {
      expect(engine.ask(question).disagreements.filter((d) => d.valueKind === 'date')).toEqual([])
    }
  })
})
