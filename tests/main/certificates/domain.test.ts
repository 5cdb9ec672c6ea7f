import { describe, expect, it } from 'vitest'
import { certificateState, expiryDate, reevaluationWindow, reminderDue } from '../../../src-main/domain/certificate'
import { memberAnalytics } from '../../../src-main/domain/member-analytics'
import { checkOpinions } from '../../../src-main/domain/written-opinions'

describe('certificate dates (Điều 4.3, 7.6)', () => {
  it('adds 36 months with end-of-month clamping', () => {
    expect(expiryDate('2026-12-01')).toBe('2029-12-01')
    // Same calendar day 36 months later, as published provincial decisions print it (docs/RULES.md D3).
    expect(expiryDate('2025-03-10')).toBe('2028-03-10')
    expect(expiryDate('2024-02-29')).toBe('2027-02-28')
    expect(expiryDate('2026-08-31')).toBe('2029-08-31')
    expect(expiryDate('2025-05-31', 9)).toBe('2026-02-28')
  })
  it('is valid through the expiry date; a revocation is final', () => {
    expect(certificateState('valid', '2029-12-01', '2029-12-01')).toBe('valid')
    expect(certificateState('valid', '2029-12-01', '2029-12-02')).toBe('expired')
    expect(certificateState('revoked', '2029-12-01', '2027-01-01')).toBe('revoked')
  })
  it('opens the re-evaluation window 180 days before expiry and closes it 120 days before', () => {
    const e = '2029-12-01'
    expect(reevaluationWindow(e, '2029-06-03')).toMatchObject({ opens: '2029-06-04', closes: '2029-08-03', phase: 'before', daysToOpen: 1 })
    expect(reevaluationWindow(e, '2029-06-04').phase).toBe('open')
    expect(reevaluationWindow(e, '2029-08-03').phase).toBe('open')
    expect(reevaluationWindow(e, '2029-08-04').phase).toBe('missed')
    expect(reevaluationWindow(e, '2029-12-02').phase).toBe('over')
    expect(reminderDue(reevaluationWindow(e, '2029-05-05'), 30)).toBe(true)
    expect(reminderDue(reevaluationWindow(e, '2029-05-04'), 30)).toBe(false)
    expect(reminderDue(reevaluationWindow(e, '2029-12-02'), 30)).toBe(false)
  })
})

describe('written opinions (Điều 7.6d)', () => {
  it('asks for a meeting when complete opinions fall in different bands or spread too far', () => {
    expect(checkOpinions([{ memberId: 1, total: 72 }, { memberId: 2, total: 80 }], 2, 10)).toMatchObject({ agree: true, meetingNeeded: false, stars: [4] })
    expect(checkOpinions([{ memberId: 1, total: 69 }, { memberId: 2, total: 71 }], 2, 10)).toMatchObject({ agree: false, meetingNeeded: true, stars: [3, 4] })
    expect(checkOpinions([{ memberId: 1, total: 71 }, { memberId: 2, total: 88 }], 2, 10)).toMatchObject({ agree: false, meetingNeeded: true, spread: 17 })
    expect(checkOpinions([{ memberId: 1, total: 69 }], 3, 10)).toMatchObject({ agree: true, meetingNeeded: false, submitted: 1 })
  })
})

describe('member analytics', () => {
  it('averages deviations from the council mean and counts decisive sheets', () => {
    const stats = memberAnalytics([
      { roundId: 1, mean: 80, sheets: [{ memberName: 'A', total: 84 }, { memberName: 'B', total: 76 }], decisive: ['A'] },
      { roundId: 2, mean: 70, sheets: [{ memberName: 'A', total: 72 }, { memberName: 'B', total: 68 }], decisive: [] },
      { roundId: 2, mean: null, sheets: [{ memberName: 'A', total: 10 }], decisive: [] }
    ])
    expect(stats).toEqual([
      { name: 'A', products: 2, rounds: 2, meanDeviation: 3, meanAbsDeviation: 3, decisive: 1, decisiveShare: 0.5 },
      { name: 'B', products: 2, rounds: 2, meanDeviation: -3, meanAbsDeviation: 3, decisive: 0, decisiveShare: 0 }
    ])
  })
})
