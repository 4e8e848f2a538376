import { describe, expect, it } from 'vitest'
import { ownerOf } from '../../src/claims/claim-act.js'
import { asksPrice } from '../../src/claims/value-fit.js'

const at = (text: string, figure: string) => [text.indexOf(figure), text.indexOf(figure) + figure.length] as const

describe('ownerOf', () => {
  it('gives a share written before "for" or "to" a name to that name', () => {
    const text = 'Mira Osk won with 61% of the vote to 39% for Councillor Teo Brand.'
    expect(ownerOf(text, ...at(text, '39%'))).toBe('Councillor Teo Brand')
    expect(ownerOf(text, ...at(text, '61%'))).toBe('Mira Osk')
  })

  it('gives a share to the name that is the subject of its verb, through "who"', () => {
    const text = 'Teo Brand, who took 39% of the vote, conceded on Friday.'
    expect(ownerOf(text, ...at(text, '39%'))).toBe('Teo Brand')
  })

  it('gives no owner to a share no name stands by', () => {
    const text = 'In Harlow, 57% of voters backed the plan.'
    expect(ownerOf(text, ...at(text, '57%'))).toBeUndefined()
  })
})

describe('asksPrice', () => {
  it('reads a question of what something costs, not one of how much something changed', () => {
    expect(asksPrice('How much does a ticket cost in Harlow?')).toBe(true)
    expect(asksPrice('What is the fare?')).toBe(true)
    expect(asksPrice('How much did prices rise?')).toBe(false)
  })
})
