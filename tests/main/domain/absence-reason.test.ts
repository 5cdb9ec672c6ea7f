import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { printedAbsenceReason } from '../../../src-main/domain/absence-reason'

const fold = (s: string) => s.replace(/\s+/gu, ' ').trim().replace(/[.\s]+$/u, '').toLocaleLowerCase('vi')

describe('printedAbsenceReason: the roll-call is the source, the minutes text may only add', () => {
  it('takes the roll-call when the panel says nothing, the panel when the roll-call has no reason', () => {
    expect(printedAbsenceReason('Đi công tác theo kế hoạch của Sở.', '')).toBe('Đi công tác theo kế hoạch của Sở')
    expect(printedAbsenceReason('', 'Ốm, có giấy của bệnh viện')).toBe('Ốm, có giấy của bệnh viện')
    expect(printedAbsenceReason('  ', ' ')).toBe('')
  })
  it('prints the panel when it extends the roll-call, both when it says something else', () => {
    expect(printedAbsenceReason('Đi công tác', 'đi công tác tại Hà Nội theo kế hoạch của Sở')).toBe('đi công tác tại Hà Nội theo kế hoạch của Sở')
    expect(printedAbsenceReason('Đi công tác', 'Ốm')).toBe('Đi công tác; Ốm')
  })
  it('never loses the roll-call reason (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (rollCall, text) => {
        const printed = printedAbsenceReason(rollCall, text)
        expect(fold(printed)).toContain(fold(rollCall.trim().replace(/[.\s]+$/u, '')))
        if (!rollCall.trim().replace(/[.\s]+$/u, '')) expect(printed).toBe(text.trim().replace(/[.\s]+$/u, ''))
      })
    )
  })
})
