import { describe, expect, it } from 'vitest'
import { nextProvincialRound } from '../../../src-main/domain/evaluation-round'

describe('the next provincial round a dossier can enter (QĐ 26/2026 Điều 5.1)', () => {
  it('takes round 1 before 30/4, round 2 before 30/10, else round 1 of the next year', () => {
    expect(nextProvincialRound('2027-01-01')).toEqual({ round: 1, year: 2027, proposeBefore: '2027-04-30', heldBefore: '2027-06-30' })
    expect(nextProvincialRound('2027-04-29').round).toBe(1)
    // "before 30/4": a proposal made on 30/4 itself goes to round 2.
    expect(nextProvincialRound('2027-04-30')).toEqual({ round: 2, year: 2027, proposeBefore: '2027-10-30', heldBefore: '2027-12-30' })
    expect(nextProvincialRound('2027-10-29').round).toBe(2)
    expect(nextProvincialRound('2027-10-30')).toEqual({ round: 1, year: 2028, proposeBefore: '2028-04-30', heldBefore: '2028-06-30' })
    expect(nextProvincialRound('2027-12-31').year).toBe(2028)
  })
})
