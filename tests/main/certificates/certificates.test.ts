import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { call, ok } from '../../utils/core'
import { certCore, finalizedSession, issueDecision } from './helpers'

const ISSUE = { decisionNo: '120/QĐ-UBND', decisionDate: '2026-12-01', issuedOn: '2026-12-01' }

describe('certificates through the real core', () => {
  it('issues from the recognition decision, lists, reminds, and sweeps expiry through the status machine', async () => {
    const core = await certCore()
    const f = await finalizedSession(core)
    await issueDecision(core, f.sessionId, { number: 120, date: '2026-12-01' })
    const refused5 = await call(core, 'certificates.issue', { sessionId: f.sessionId, ...ISSUE, productIds: [f.fiveStar] })
    expect(!refused5.ok && refused5.error.code).toBe('CONFLICT')
    const early = await call(core, 'certificates.issue', { sessionId: f.sessionId, ...ISSUE, issuedOn: '2026-11-30' })
    expect(!early.ok && early.error.code).toBe('VALIDATION')

    const [cert, ...rest] = await ok(core, 'certificates.issue', { sessionId: f.sessionId, ...ISSUE })
    expect(rest).toHaveLength(0)
    expect(cert).toMatchObject({ productId: f.recognised, stars: 3, number: '01/GCN-OCOP', issuedOn: '2026-12-01', expiryDate: '2029-12-01', state: 'valid' })
    const product = await ok(core, 'products.get', { id: f.recognised })
    expect(product.status).toBe('certificate-valid')
    expect(product.history.slice(-2).map((h) => h.toStatus)).toEqual(['recognised', 'certificate-valid'])
    const again = await call(core, 'certificates.issue', { sessionId: f.sessionId, ...ISSUE })
    expect(!again.ok && again.error.code).toBe('CONFLICT')

    // Window: opens 180 days before expiry (2029-06-04), closes 120 days before (2029-08-03).
    const inWindow = await ok(core, 'certificates.list', { filter: 'expiring', withinDays: 180, asOf: '2029-06-10' })
    expect(inWindow.map((c) => [c.id, c.window.opens, c.window.closes, c.window.phase])).toEqual([[cert!.id, '2029-06-04', '2029-08-03', 'open']])
    expect(await ok(core, 'certificates.list', { filter: 'expiring', withinDays: 30, asOf: '2029-06-10' })).toEqual([])
    const dash = await ok(core, 'reports.dashboard', { asOf: '2029-06-10', withinDays: 180, reminderLeadDays: 30 })
    expect(dash.reminders.map((c) => c.id)).toEqual([cert!.id])
    expect(dash.byStars).toEqual([
      { key: '3', label: '3 sao', count: 1 },
      { key: '4', label: '4 sao', count: 0 },
      { key: '5', label: '5 sao', count: 0 }
    ])
    expect(dash.byRound).toEqual([{ key: expect.any(String), label: 'Đợt 2 năm 2026', star3: 1, star4: 0, star5: 1, notRecognised: 0 }])
    expect(dash.byCommune[0]).toMatchObject({ key: '24778', count: 1 })
    expect(dash.bySector).toHaveLength(1)
    const before = await ok(core, 'reports.dashboard', { asOf: '2029-01-01', withinDays: 180, reminderLeadDays: 30 })
    expect(before.reminders).toEqual([])

    // On the expiry date it is still valid; the day after, the sweep records it and the product moves on.
    expect((await ok(core, 'certificates.list', { filter: 'valid', withinDays: 180, asOf: '2029-12-01' })).map((c) => c.id)).toEqual([cert!.id])
    expect(await ok(core, 'certificates.sweep', { asOf: '2029-12-01' })).toEqual({ expired: 0 })
    expect(await ok(core, 'certificates.sweep', { asOf: '2029-12-02' })).toEqual({ expired: 1 })
    expect((await ok(core, 'products.get', { id: f.recognised })).status).toBe('expired')
    expect((await ok(core, 'certificates.list', { filter: 'expired', withinDays: 180, asOf: '2029-12-02' })).map((c) => c.id)).toEqual([cert!.id])
    // The stored certificate cannot be edited or deleted by raw SQL.
    expect(() => core.db.prepare("UPDATE certificates SET status = 'valid' WHERE id = ?").run(cert!.id)).toThrow(/IMMUTABLE/)
    expect(() => core.db.prepare('DELETE FROM certificates WHERE id = ?').run(cert!.id)).toThrow(/IMMUTABLE/)

    const members = await ok(core, 'reports.members', {})
    expect(members).toHaveLength(8)
    expect(members.every((m) => m.products === 2 && m.rounds === 1 && m.meanAbsDeviation === 0 && m.decisive === 0)).toBe(true)
    core.close()
  }, 60_000)

  it('revokes on a ground of Điều 8 with a Decree 30 decision, once', async () => {
    const core = await certCore()
    const f = await finalizedSession(core)
    await issueDecision(core, f.sessionId, { number: 120, date: '2026-12-01' })
    const [cert] = await ok(core, 'certificates.issue', { sessionId: f.sessionId, ...ISSUE })
    const input = {
      certificateId: cert!.id,
      ground: 'dd' as const,
      detail: 'Chủ thể đã ngừng sản xuất từ tháng 3 năm 2027',
      conclusionRef: 'Văn bản xác nhận số 45/UBND-KT của Ủy ban nhân dân xã',
      conclusionDate: '2027-04-01',
      decidedOn: '2027-04-10',
      signerTitle: 'Phó Chủ tịch',
      signerName: 'Nguyễn Văn Bình'
    }
    // The province is declared before the decision could be issued (issueDecision); the revocation names it too.
    await ok(core, 'settings.setProvince', { provinceCode: '68', bodyName: 'Ủy ban nhân dân tỉnh Lâm Đồng', advisoryBody: 'Sở Nông nghiệp và Môi trường tỉnh Lâm Đồng', placeName: 'Lâm Đồng' })
    const backwards = await call(core, 'certificates.revoke', { ...input, decidedOn: '2027-03-01' })
    expect(!backwards.ok && backwards.error.code).toBe('VALIDATION')

    const rev = await ok(core, 'certificates.revoke', input)
    expect(rev).toMatchObject({ certificateId: cert!.id, ground: 'dd', decidedOn: '2027-04-10' })
    expect(rev.number).toMatch(/^\d{2}\/QĐ-UBND$/)
    expect((await ok(core, 'products.get', { id: f.recognised })).status).toBe('revoked')
    const listed = await ok(core, 'certificates.list', { filter: 'revoked', withinDays: 180, asOf: '2027-04-10' })
    expect(listed.map((c) => [c.id, c.state, c.revocationId])).toEqual([[cert!.id, 'revoked', rev.id]])
    const twice = await call(core, 'certificates.revoke', input)
    expect(!twice.ok && twice.error.code).toBe('CONFLICT')

    const file = await ok(core, 'certificates.revocationFile', { id: rev.id })
    expect(file.sha256).toBe(rev.sha256)
    const pdf = join(core.dataDir, 'rev.pdf')
    writeFileSync(pdf, Buffer.from(file.base64, 'base64'))
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).normalize('NFC')
    for (const s of ['QUYẾT ĐỊNH', 'Về việc thu hồi Giấy chứng nhận sản phẩm OCOP', 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG', '01/GCN-OCOP', 'điểm đ khoản 1 Điều 8', 'KT. CHỦ TỊCH', 'Nguyễn Văn Bình'])
      expect(text.replace(/\s+/g, ' ').replace(/\s*([/-])\s*/g, '$1')).toContain(s.replace(/\s*([/-])\s*/g, '$1'))
    core.close()
  }, 60_000)

  it('keeps the written-opinion mode beside the session and says when opinions differ', async () => {
    const core = await certCore()
    const f = await finalizedSession(core)
    await issueDecision(core, f.sessionId, { number: 120, date: '2026-12-01' })
    const late = await call(core, 'reevaluation.setMode', { sessionId: f.sessionId, mode: 'written-opinions' })
    expect(!late.ok && late.error.code).toBe('FINALIZED')
    const op = await ok(core, 'reevaluation.opinions', { sessionId: f.sessionId })
    expect(op.mode).toBe('meeting')
    expect(op.products.map((p) => [p.expected, p.submitted, p.agree, p.meetingNeeded])).toEqual([
      [8, 8, true, false],
      [8, 8, true, false]
    ])
    core.close()
  }, 60_000)
})
