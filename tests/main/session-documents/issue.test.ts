import { describe, expect, it } from 'vitest'
import { approvedSource } from '../../../src-main/services/signing/letterheads'
import type { Approval } from '../../../src-main/services/signing/signing-service'
import { finalizedSource } from '../../../src-main/services/session-document-source'
import { createSettingsStore } from '../../../src-main/services/settings-service'
import { loadAdminUnits } from '../../../src-main/services/admin-units-service'
import { createCriteriaService } from '../../../src-main/services/criteria-service'
import { call, ok, RESOURCES } from '../../utils/core'
import { certCore, finalizedSession } from '../certificates/helpers'

/** One numbering truth (issue 10): a document is numbered once, when issued; generating and signing never renumber. */
async function finalizedWithProvince() {
  const core = await certCore(() => new Date('2026-11-25T03:00:00.000Z'))
  const f = await finalizedSession(core)
  await ok(core, 'settings.setProvince', { provinceCode: '68', bodyName: 'Ủy ban nhân dân tỉnh Lâm Đồng', advisoryBody: 'Sở Nông nghiệp và Môi trường', placeName: 'Lâm Đồng' })
  return { core, sessionId: f.sessionId, f }
}

describe('issuing documents of a session', () => {
  it('generates drafts without a number until the office issues; issuing numbers once, regenerating keeps the number', async () => {
    const { core, sessionId } = await finalizedWithProvince()
    const draft = await ok(core, 'documents.forSession', { sessionId, kind: 'minutes', format: 'pdf' })
    expect(draft.number).toBeNull()
    expect(core.db.prepare('SELECT count(*) FROM document_numbers').pluck().get()).toBe(0)

    const preview = await ok(core, 'documents.nextNumber', { sessionId, kind: 'minutes' })
    expect(preview).toEqual({ symbol: 'BB-HĐOCOP', next: 1, assigned: null })
    const issued = await ok(core, 'documents.issue', { sessionId, kind: 'minutes', date: '2026-11-20' })
    expect(issued).toMatchObject({ kind: 'minutes', productId: null, number: '01/BB-HĐOCOP', date: '2026-11-20' })
    expect((await ok(core, 'documents.nextNumber', { sessionId, kind: 'minutes' }))!.assigned).toBe('01/BB-HĐOCOP')

    const pdf = await ok(core, 'documents.forSession', { sessionId, kind: 'minutes', format: 'pdf' })
    const again = await ok(core, 'documents.forSession', { sessionId, kind: 'minutes', format: 'pdf' })
    const docx = await ok(core, 'documents.forSession', { sessionId, kind: 'minutes', format: 'docx' })
    expect([pdf.number, again.number, docx.number]).toEqual(['01/BB-HĐOCOP', '01/BB-HĐOCOP', '01/BB-HĐOCOP'])
    expect(again.id).toBe(pdf.id)
    const twice = await call(core, 'documents.issue', { sessionId, kind: 'minutes' })
    expect(!twice.ok && twice.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('01/BB-HĐOCOP') })
    // The register holds exactly the one number, and the pack takes none.
    expect(core.db.prepare('SELECT count(*) FROM document_numbers').pluck().get()).toBe(1)
    core.close()
  }, 120_000)

  it('refuses to issue a document whose reference is not issued, in Vietnamese, and takes no number then', async () => {
    const { core, sessionId } = await finalizedWithProvince()
    const early = await call(core, 'documents.issue', { sessionId, kind: 'decision' })
    expect(!early.ok && early.error.code).toBe('CONFLICT')
    expect(!early.ok && early.error.message).toMatch(/Chưa ban hành tờ trình/u)
    const notice = await call(core, 'documents.issue', { sessionId, kind: 'notice' })
    expect(!notice.ok && notice.error.message).toMatch(/Chưa ban hành quyết định công nhận/u)
    const cert = await call(core, 'certificates.issue', { sessionId, issuedOn: '2026-11-25' })
    expect(!cert.ok && cert.error.message).toMatch(/chưa được ban hành/u)
    expect(core.db.prepare('SELECT count(*) FROM document_numbers').pluck().get()).toBe(0)

    await ok(core, 'documents.issue', { sessionId, kind: 'report', date: '2026-11-21' })
    const backwards = await call(core, 'documents.issue', { sessionId, kind: 'submission', date: '2026-11-20' })
    expect(!backwards.ok && backwards.error.code).toBe('VALIDATION')
    await ok(core, 'documents.issue', { sessionId, kind: 'submission', date: '2026-11-22' })
    const decision = await ok(core, 'documents.issue', { sessionId, kind: 'decision', date: '2026-11-23', number: 120 })
    expect(decision.number).toBe('120/QĐ-UBND')
    // The approval shares QĐ-UBND: it takes the next number after the typed one.
    expect((await ok(core, 'documents.issue', { sessionId, kind: 'approval', date: '2026-11-23' })).number).toBe('121/QĐ-UBND')
    const certs = await ok(core, 'certificates.issue', { sessionId, issuedOn: '2026-11-25' })
    expect(certs.map((c) => [c.decisionNo, c.decisionDate])).toEqual([['120/QĐ-UBND', '2026-11-23']])
    const wrong = await call(core, 'certificates.issue', { sessionId, decisionNo: '99/QĐ-UBND', issuedOn: '2026-11-25' })
    expect(!wrong.ok && wrong.error.message).toMatch(/120\/QĐ-UBND/u)
    core.close()
  }, 120_000)

  it('gives a one-product notice its own number, and a certificate prints the number the register gave its product', async () => {
    const { core, sessionId, f } = await finalizedWithProvince()
    for (const [kind, date] of [['report', '2026-11-21'], ['submission', '2026-11-22'], ['decision', '2026-11-23'], ['notice', '2026-11-24']] as const) await ok(core, 'documents.issue', { sessionId, kind, date })
    const one = await ok(core, 'documents.issue', { sessionId, kind: 'notice', productId: f.recognised, date: '2026-11-24' })
    expect(one.number).toBe('02/TB-SNNMT')
    expect((await ok(core, 'documents.forSession', { sessionId, kind: 'notice', productId: f.recognised })).number).toBe('02/TB-SNNMT')
    expect((await ok(core, 'documents.forSession', { sessionId, kind: 'notice' })).number).toBe('01/TB-SNNMT')
    // Another certificate number taken before this session's: the certificate prints its own registered number.
    core.db.prepare("INSERT INTO document_numbers (year, symbol, number, kind, allocated_at) VALUES (2026, 'GCN-OCOP', 1, 'certificate', '2026-11-01T00:00:00Z')").run()
    const [cert] = await ok(core, 'certificates.issue', { sessionId, issuedOn: '2026-11-25' })
    expect(cert!.number).toBe('02/GCN-OCOP')
    expect((await ok(core, 'documents.forSession', { sessionId, kind: 'certificate', productId: f.recognised })).number).toBe('02/GCN-OCOP')
    core.close()
  }, 120_000)

  it('signing keeps the issued number: the approved source carries the register number, a draft stays a draft', async () => {
    const { core, sessionId } = await finalizedWithProvince()
    await ok(core, 'documents.issue', { sessionId, kind: 'report', date: '2026-11-21' })
    const deps = { db: core.db, criteria: createCriteriaService(core.db, core.info().criteriaVersion), settings: createSettingsStore(core.db), units: loadAdminUnits(RESOURCES) }
    const raw = finalizedSource(deps, sessionId)
    const approval = { id: 1, sessionId, subject: 'x', approverName: 'Nguyễn Văn Bình', approverRole: 'chair', authority: 'TM.', positionTitle: 'Chủ tịch', note: '', approvedAt: '' } as unknown as Approval
    const signed = approvedSource(raw, approval, { issueDate: '2026-12-01', endTime: '11:00' })
    expect(signed.report).toEqual({ number: 1, date: '2026-11-21' })
    expect(signed.decision).toEqual({ number: null, date: '2026-12-01' })
    core.close()
  }, 120_000)

  it('keeps what only the minutes say until the minutes are issued', async () => {
    const { core, sessionId } = await finalizedWithProvince()
    const before = await ok(core, 'documents.minutesText', { sessionId })
    expect(before.defaultConclusion).toMatch(/Hội đồng thống nhất kết quả/u)
    await ok(core, 'documents.saveMinutesText', { sessionId, endTime: '10:45', conclusion: 'Hội đồng thống nhất kết quả', absences: {} })
    const bad = await call(core, 'documents.saveMinutesText', { sessionId, endTime: '07:00', conclusion: '', absences: {} })
    expect(!bad.ok && bad.error.code).toBe('VALIDATION')
    await ok(core, 'documents.issue', { sessionId, kind: 'minutes', date: '2026-11-20' })
    const locked = await call(core, 'documents.saveMinutesText', { sessionId, endTime: '10:50', conclusion: 'x', absences: {} })
    expect(!locked.ok && locked.error.code).toBe('FINALIZED')
    expect((await ok(core, 'documents.minutesText', { sessionId })).locked).toBe(true)
    core.close()
  }, 120_000)
})
