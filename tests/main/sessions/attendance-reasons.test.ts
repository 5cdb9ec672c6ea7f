import { describe, expect, it } from 'vitest'
import { province } from '../../../src-main/documents/fixtures/lam-dong-data'
import { minutesDocument } from '../../../src-main/documents/minutes'
import { createCriteriaService } from '../../../src-main/services/criteria-service'
import { assembleSessionDocuments } from '../../../src-main/services/session-documents'
import { zDocumentInput } from '../../../src-main/shared/documents'
import { call, ok, testCore } from '../../utils/core'
import { answersAt, openScoringSession, scoreAndSubmit } from './helpers'

/** Issue 13, roll-call: the absence reason and the proxy note are recorded at roll-call, and the minutes print them. */
describe('absence reason and proxy note at roll-call', () => {
  it('records them for an absent member only, clears them when the member is called present, and the minutes print them', async () => {
    const core = await testCore()
    const s = await openScoringSession(core, { products: 1, absent: [6] })
    const absent = s.members[6]!.id
    const present = s.members[0]!.id
    const set = (i: { memberId: number; status: 'present' | 'absent' | 'left'; absenceReason?: string }) => call(core, 'attendance.set', { sessionId: s.sessionId, ...i })

    const saved = await ok(core, 'attendance.set', { sessionId: s.sessionId, memberId: absent, status: 'absent', absenceReason: '  Đi công tác theo kế hoạch của Sở ', proxyNote: 'Gửi ý kiến bằng văn bản' })
    expect(saved.members.find((m) => m.memberId === absent)).toMatchObject({ status: 'absent', absenceReason: 'Đi công tác theo kế hoạch của Sở', proxyNote: 'Gửi ý kiến bằng văn bản' })
    expect(saved.members.find((m) => m.memberId === present)).toMatchObject({ status: 'present', absenceReason: '', proxyNote: '' })

    // A reason for a member who is present is refused in Vietnamese; too long too.
    const wrong = await set({ memberId: present, status: 'present', absenceReason: 'Ốm' })
    expect(!wrong.ok && wrong.error).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/vắng mặt/u) })
    const long = await set({ memberId: absent, status: 'absent', absenceReason: 'x'.repeat(201) })
    expect(!long.ok && long.error.code).toBe('VALIDATION')

    // Called present then absent again: the old reason is gone (it belonged to the earlier absence).
    await ok(core, 'attendance.set', { sessionId: s.sessionId, memberId: present, status: 'absent' })
    const back = await ok(core, 'attendance.set', { sessionId: s.sessionId, memberId: present, status: 'present' })
    expect(back.members.find((m) => m.memberId === present)).toMatchObject({ absenceReason: '', proxyNote: '' })

    const high = answersAt(s.set, () => 'max')
    for (const [i, m] of s.members.entries()) if (m.role !== 'secretary' && i !== 6) await scoreAndSubmit(core, s.sessionId, s.products[0]!, m.id, high)
    await ok(core, 'sessions.setStatus', { id: s.sessionId, to: 'review' })
    await ok(core, 'sessions.finalize', { id: s.sessionId })
    // Frozen with the session.
    const late = await set({ memberId: absent, status: 'absent', absenceReason: 'Ốm' })
    expect(!late.ok && late.error.code).toBe('FINALIZED')

    const criteria = createCriteriaService(core.db, core.info().criteriaVersion)
    const extras = { province, number: 1, endTime: '11:30', issueDate: '2026-11-21' }
    const member = (dto: ReturnType<typeof zDocumentInput.parse>) => dto.session.members.find((m) => m.id === String(absent))
    const dto = zDocumentInput.parse(assembleSessionDocuments(core.db, criteria, s.sessionId, extras))
    expect(member(dto)).toMatchObject({ present: false, absenceReason: 'Đi công tác theo kế hoạch của Sở', proxyNote: 'Gửi ý kiến bằng văn bản' })
    const text = JSON.stringify(minutesDocument(dto))
    expect(text).toContain('(lý do: đi công tác theo kế hoạch của Sở; ủy quyền/ý kiến bằng văn bản: gửi ý kiến bằng văn bản)')

    // The minutes' text panel adds to the roll-call's reason, never replaces it.
    const other = zDocumentInput.parse(assembleSessionDocuments(core.db, criteria, s.sessionId, { ...extras, absences: { [String(absent)]: 'Ốm' } }))
    expect(member(other)?.absenceReason).toBe('Đi công tác theo kế hoạch của Sở; Ốm')
    const extended = zDocumentInput.parse(assembleSessionDocuments(core.db, criteria, s.sessionId, { ...extras, absences: { [String(absent)]: 'Đi công tác theo kế hoạch của Sở tại Hà Nội' } }))
    expect(member(extended)?.absenceReason).toBe('Đi công tác theo kế hoạch của Sở tại Hà Nội')

    // The text panel shows the roll-call's reason beside its own field.
    await ok(core, 'settings.setProvince', { provinceCode: '68', bodyName: 'Ủy ban nhân dân tỉnh Lâm Đồng', advisoryBody: 'Sở Nông nghiệp và Môi trường', placeName: 'Lâm Đồng' })
    const panel = await ok(core, 'documents.minutesText', { sessionId: s.sessionId })
    expect(panel.absent).toEqual([{ id: absent, name: expect.any(String), rollCallReason: 'Đi công tác theo kế hoạch của Sở', proxyNote: 'Gửi ý kiến bằng văn bản' }])
    core.close()
  }, 120_000)
})
