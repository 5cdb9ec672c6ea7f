import { attended, mayWriteOwnSheet } from '../../../src-main/domain/session-rating'
import { call, ok, testCore } from '../../utils/core'
import { answersAt, memberCtx, openScoringSession, scoreAndSubmit } from './helpers'

describe('a member who left the meeting (rời phiên) loses the right to write', () => {
  it('domain: leaving keeps what was submitted (attended) but ends writing', () => {
    expect(attended('left')).toBe(true)
    expect(mayWriteOwnSheet('left')).toBe(false)
    expect(mayWriteOwnSheet('present')).toBe(true)
    expect(mayWriteOwnSheet('absent')).toBe(false)
    expect(mayWriteOwnSheet(undefined)).toBe(false)
  })

  it('refuses answers, comment, knockout flags, submit and declarations; the sheet turns read-only; the submitted sheet still counts', async () => {
    const core = await testCore()
    try {
      const s = await openScoringSession(core, { products: 2 })
      const [leaver, other] = s.members.filter((m) => m.role !== 'secretary')
      const ctx = memberCtx(leaver!.id)
      const high = answersAt(s.set, () => 'max')
      // Submitted while present, then one answer saved on the second product, then the member leaves.
      await scoreAndSubmit(core, s.sessionId, s.products[0]!, leaver!.id, high, ctx)
      const ref = { sessionId: s.sessionId, productId: s.products[1]!, memberId: leaver!.id }
      const [code, option] = Object.entries(high)[0]!
      await ok(core, 'sheets.saveAnswer', { ...ref, criterionCode: code, optionId: option, expectedVersion: 0 }, ctx)
      await ok(core, 'attendance.set', { sessionId: s.sessionId, memberId: leaver!.id, status: 'left', leftAt: '10:30' })

      const refused = [
        await call(core, 'sheets.saveAnswer', { ...ref, criterionCode: code, optionId: option, expectedVersion: 1 }, ctx),
        await call(core, 'sheets.saveComment', { ...ref, comment: 'Ý kiến sau khi rời phiên' }, ctx),
        await call(core, 'sheets.setKnockout', { ...ref, criterionCode: null, flagged: true, note: 'x' }, ctx),
        await call(core, 'sheets.submit', ref, ctx)
      ]
      for (const r of refused) expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Thành viên đã rời phiên họp: không còn được chấm, sửa hay ký nộp phiếu' } })
      const sheet = await ok(core, 'sheets.get', ref, ctx)
      expect(sheet.editable).toBe(false)
      expect(sheet.answers).toHaveLength(1)

      // A declaration is a write too.
      await ok(core, 'attendance.set', { sessionId: s.sessionId, memberId: other!.id, status: 'present', leftAt: null })
      const declared = await call(core, 'conflicts.declare', { sessionId: s.sessionId, productId: s.products[1]!, memberId: leaver!.id, kind: 'none', text: '' }, ctx)
      expect(declared).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

      // Nothing was written by the refused calls: the audit chain holds no event after the leave.
      const events = core.db.prepare("SELECT kind FROM audit_events WHERE actor = ? ORDER BY seq").all(`member:${leaver!.id}`) as Array<{ kind: string }>
      expect(events.at(-1)!.kind).toBe('answer.save')

      // What was submitted before leaving still counts in the review.
      const mine = await ok(core, 'sheets.mine', { sessionId: s.sessionId, memberId: leaver!.id }, ctx)
      expect(mine.find((p) => p.productId === s.products[0])!.total).not.toBeNull()

      // Back in the room, the right returns.
      await ok(core, 'attendance.set', { sessionId: s.sessionId, memberId: leaver!.id, status: 'present', leftAt: null })
      expect((await call(core, 'sheets.saveComment', { ...ref, comment: 'Đã quay lại' }, ctx)).ok).toBe(true)
    } finally {
      core.close()
    }
  })
})
