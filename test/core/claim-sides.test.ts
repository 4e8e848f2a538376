import { describe, expect, it } from 'vitest'
import { stem } from '../../src/analyzer.js'
import { marginDraft, marginIn } from '../../src/claims/margin.js'
import { statusAnchorsIn, statusIn } from '../../src/claims/office-status.js'
import { valuesIn } from '../../src/claims/found-values.js'

const post = (...words: string[]) => new Set(words.map(stem))

describe('statusIn', () => {
  it('reads a person called former before or after the name as a former holder', () => {
    expect(statusIn('Former chair Vera Holm declined to comment.', 'Holm', post('chair'))?.display).toBe('former chair')
    expect(statusIn('Holm, who was mayor from 2015 to 2021, was succeeded by Ansel Varo.', 'Holm', post('mayor'))?.display).toBe('former mayor')
  })

  it('reads a post named beside the person with no status word as current', () => {
    expect(statusIn("Holm, Tessa's mayor, denied the charge.", 'Holm', post('mayor'))?.display).toBe('current mayor')
    expect(statusIn('Vera Holm, chair of the Tessa Water Board, spoke first.', 'Holm', post('chair', 'water', 'board'))?.display).toBe('current chair')
  })

  it('reads an acting or interim holder apart from the current one', () => {
    expect(statusIn('Acting mayor Vera Holm opened the bridge.', 'Holm', post('mayor'))?.status).toBe('acting')
    expect(statusIn('Mayor Vera Holm opened the bridge.', 'Holm', post('mayor'))?.status).toBe('current')
  })

  it('reads nothing when the post is far from the name or the person is not named', () => {
    expect(statusIn('Holm spoke for an hour about roads, schools, parks and the new bridge before the mayor arrived.', 'Holm', post('mayor'))).toBeUndefined()
    expect(statusIn('The former mayor spoke first.', 'Holm', post('mayor'))).toBeUndefined()
  })
})

describe('statusAnchorsIn', () => {
  const anchors = (text: string) => [...statusAnchorsIn(text).values()].map((anchor) => `${anchor.name}: ${anchor.post}`)

  it('finds a former or acting holder of a post written in lower case, before or after the name', () => {
    expect(anchors('Former mines minister Clara Voss called for an inquiry.')).toEqual(['Clara Voss: mines minister'])
    expect(anchors("Marion Pell, the hospital's former chief executive, said so.")).toEqual(['Marion Pell: chief executive'])
    expect(anchors('Vera Holm, the former mayor of Tessa, spoke.')).toEqual(['Vera Holm: mayor'])
    expect(anchors('Hugo Brandt, chief executive until 2023, said so.')).toEqual(['Hugo Brandt: chief executive'])
  })

  it('finds nothing in a sentence naming no former or acting holder', () => {
    expect(anchors('Chief executive Marion Pell said no patient had come to harm.')).toEqual([])
    expect(anchors('The former mayor spoke first.')).toEqual([])
  })
})

describe('marginDraft', () => {
  it('claims a margin only beside a word of winning or voting', () => {
    expect(marginDraft('Bekele won the race in a runaway victory.', 0)?.comparable).toEqual({ type: 'label', label: 'wide' })
    expect(marginDraft('Nurses voted to strike by a landslide.', 0)?.comparable).toEqual({ type: 'label', label: 'wide' })
    expect(marginDraft('It was a narrow victory: Kiprono held on.', 0)?.comparable).toEqual({ type: 'label', label: 'narrow' })
    expect(marginDraft('Runners squeezed through the narrow streets of the old town.', 0)).toBeUndefined()
  })
})

describe('marginIn', () => {
  it('tells a landslide from a narrow win', () => {
    expect(marginIn('Members backed the strike by a landslide.')?.side).toBe('wide')
    expect(marginIn('The motion passed by a narrow margin.')?.side).toBe('narrow')
  })

  it('reads no margin from a denied one or a sentence giving both', () => {
    expect(marginIn('It was not a landslide.')).toBeUndefined()
    expect(marginIn('Polls promised a landslide; the result was narrow.')).toBeUndefined()
  })
})

describe('valuesIn, asked how many', () => {
  const counts = (text: string) => valuesIn(text, 'number', 0, 0.2, { words: new Set(['how', 'many']) }).map((value) => value.display)

  it('reads no count from a number that is part of a name', () => {
    expect(counts('The slide on Route 9 buried four vehicles.')).toEqual(['four vehicles'])
    expect(counts('Searchers reached Flight 370 debris first.')).toEqual([])
  })

  it('still counts after a weekday, a month or a capital that opens the sentence', () => {
    expect(counts('On Monday 14 people were hurt.')).toEqual(['14 people'])
    expect(counts('Over 300 people were evacuated.')).toEqual(['Over 300 people'])
    expect(valuesIn('The shutdown will cost Kestrel Field $6 million.', 'number', 0, 0.2, { words: new Set(['how', 'much']) }).map((value) => value.display)).toEqual(['$6 million'])
  })
})

describe('valuesIn, asked who', () => {
  const who = (text: string, question: string) => valuesIn(text, 'person', 0, 0.2, { words: new Set(question.toLowerCase().match(/\p{L}+/gu) ?? []) }).map((value) => value.display)

  it('does not take a speaker reporting what someone else did for the person asked about', () => {
    expect(who('Harbour master Olav Grent said the captain reported a steering failure.', 'Who was the captain?')).toEqual([])
    expect(who('Its captain, Reidar Holm, told investigators the steering had failed.', 'Who was the captain?')).toEqual(['Reidar Holm'])
  })

  it('takes a name after a word of motion for a place, not a person', () => {
    expect(who('A wall of mud slid down Mount Tarrow early on Tuesday.', 'Who is the mayor?')).toEqual([])
    expect(who('Mayor Ilse Brandt called the slide a disaster.', 'Who is the mayor?')).toEqual(['Mayor Ilse Brandt'])
  })

  it('keeps the speaker when the question asks who said it or names the speaker\'s own post', () => {
    expect(who('Harbour master Olav Grent said the pier would reopen.', 'Who said the pier would reopen?')).toEqual(['Olav Grent'])
    expect(who('Harbour master Olav Grent said the pier would reopen.', 'Who is the harbour master?')).toEqual(['Olav Grent'])
  })
})
