import { describe, expect, it } from 'vitest'
import { INSPECTION_ITEM_CODES } from '../../../src-main/shared/inspection'
import { call, ok } from '../../utils/core'
import { certCore, finalizedSession, issueDecision } from '../certificates/helpers'

const pass = INSPECTION_ITEM_CODES.map((item) => ({ item, result: 'pass' as const, note: '' }))
const failing = (note: string) => [{ item: 'quality-standard' as const, result: 'fail' as const, note }, ...pass.filter((f) => f.item !== 'quality-standard')]

describe('post-recognition inspection through the real core (Điều 9)', () => {
  it('plans, inspects, follows up, proposes revocation and links the Điều 8 decision, all in the audit chain', async () => {
    const core = await certCore(() => new Date('2027-06-01T03:00:00Z'))
    const f = await finalizedSession(core)
    await issueDecision(core, f.sessionId, { number: 120, date: '2026-12-01' })
    await ok(core, 'certificates.issue', { sessionId: f.sessionId, decisionNo: '120/QĐ-UBND', decisionDate: '2026-12-01', issuedOn: '2026-12-01' })
    const productId = f.recognised

    const proposed = await ok(core, 'inspections.propose', { year: 2027 })
    expect(proposed.map((c) => c.productId)).toEqual([productId])
    expect(proposed[0]!.reasons).toContain('never-inspected')
    expect(proposed[0]!.stars).toBeGreaterThanOrEqual(3)

    const plan = await ok(core, 'inspections.createPlan', {
      year: 2027,
      name: 'Kế hoạch kiểm tra sản phẩm OCOP năm 2027',
      items: [{ productId, reasons: ['never-inspected', 'complaint'], note: 'Phản ánh về nhãn sản phẩm' }]
    })
    expect(plan.items).toMatchObject([{ productId, reasons: ['never-inspected', 'complaint'], note: 'Phản ánh về nhãn sản phẩm', inspections: [] }])
    const dup = await call(core, 'inspections.createPlan', { year: 2027, name: 'Kế hoạch kiểm tra sản phẩm OCOP năm 2027', items: [{ productId, reasons: ['other'] }] })
    expect(!dup.ok && dup.error.code).toBe('CONFLICT')

    const incoherent = await call(core, 'inspections.record', { productId, planId: plan.id, kind: 'periodic', inspectedOn: '2027-04-15', team: 'Sở NN&MT, Chi cục QLCL', findings: failing('Phiếu kiểm nghiệm hết hạn'), outcome: 'no-action' })
    expect(incoherent.ok ? null : incoherent.error).toMatchObject({ code: 'VALIDATION', message: 'Có nội dung không đạt: phải có khuyến nghị khắc phục hoặc đề nghị thu hồi' })
    const unknown = await call(core, 'inspections.record', { productId, kind: 'periodic', inspectedOn: '2027-04-15', team: 'x', findings: pass, outcome: 'no-action', outcom: 'x' } as never)
    expect(!unknown.ok && unknown.error.code).toBe('VALIDATION')
    const future = await call(core, 'inspections.record', { productId, kind: 'ad-hoc', inspectedOn: '2027-07-01', team: 'x', findings: pass, outcome: 'no-action' })
    expect(!future.ok && future.error.code).toBe('VALIDATION')

    const first = await ok(core, 'inspections.record', {
      productId,
      planId: plan.id,
      kind: 'periodic',
      inspectedOn: '2027-04-15',
      team: 'Sở Nông nghiệp và Môi trường; Chi cục Chất lượng, Chế biến và Phát triển thị trường',
      findings: failing('Phiếu kết quả kiểm nghiệm hết hiệu lực từ tháng 01/2027'),
      outcome: 'recommendations',
      recommendation: 'Kiểm nghiệm lại sản phẩm tại phòng thử nghiệm được công nhận và nộp kết quả',
      deadline: '2027-05-15'
    })
    expect(first.findings.map((x) => x.item)).toEqual(INSPECTION_ITEM_CODES)
    expect((await ok(core, 'inspections.plans', { year: 2027 }))[0]!.items[0]!.inspections).toEqual([{ id: first.id, inspectedOn: '2027-04-15', outcome: 'recommendations' }])

    const s1 = await ok(core, 'inspections.summary', { year: 2027 })
    expect(s1).toMatchObject({ planned: 1, plannedDone: 1, inspections: 1, adHoc: 0, outcomes: { 'no-action': 0, recommendations: 1, 'revocation-proposed': 0 } })
    expect(s1.findings.find((x) => x.item === 'quality-standard')).toEqual({ item: 'quality-standard', pass: 0, fail: 1, advice: 0 })
    expect(s1.overdue).toEqual([{ inspectionId: first.id, productId, productName: first.productName, inspectedOn: '2027-04-15', deadline: '2027-05-15' }])

    const withFile = await ok(core, 'inspections.attachEvidence', { inspectionId: first.id, item: 'quality-standard', fileName: 'Phiếu kiểm nghiệm 2026.pdf', mime: 'application/pdf', contentBase64: Buffer.from('%PDF-1.7 bằng chứng').toString('base64') })
    expect(withFile.evidence).toHaveLength(1)
    const file = await ok(core, 'inspections.evidenceFile', { id: withFile.evidence[0]!.id })
    expect(Buffer.from(file.base64, 'base64').toString()).toBe('%PDF-1.7 bằng chứng')
    expect(file.sha256).toBe(withFile.evidence[0]!.sha256)

    const followUp = await ok(core, 'inspections.record', {
      productId,
      kind: 'ad-hoc',
      inspectedOn: '2027-05-20',
      team: 'Sở Nông nghiệp và Môi trường',
      findings: failing('Chưa kiểm nghiệm lại sau thời hạn khắc phục'),
      outcome: 'revocation-proposed',
      revocationGround: 'b',
      followUpOf: first.id
    })
    expect(followUp.followUpOf).toBe(first.id)
    expect((await ok(core, 'inspections.list', { productId })).find((x) => x.id === first.id)!.followedUpBy).toEqual([followUp.id])
    expect((await ok(core, 'inspections.summary', { year: 2027 })).overdue).toEqual([])
    const backwards = await call(core, 'inspections.record', { productId, kind: 'ad-hoc', inspectedOn: '2027-04-01', team: 'x', findings: pass, outcome: 'no-action', followUpOf: followUp.id })
    expect(!backwards.ok && backwards.error.code).toBe('CONFLICT')

    await ok(core, 'settings.setProvince', { provinceCode: '68', bodyName: 'Ủy ban nhân dân tỉnh Lâm Đồng', advisoryBody: 'Sở Nông nghiệp và Môi trường tỉnh Lâm Đồng', placeName: 'Lâm Đồng' })
    const [cert] = await ok(core, 'certificates.list', { filter: 'valid', withinDays: 180, asOf: '2027-05-25' })
    const revoke = { certificateId: cert!.id, ground: 'b' as const, detail: 'Không duy trì tiêu chuẩn chất lượng', conclusionRef: `Biên bản kiểm tra ngày 20/05/2027`, conclusionDate: '2027-05-20', decidedOn: '2027-05-25', signerTitle: 'Phó Chủ tịch', signerName: 'Nguyễn Văn Bình' }
    const wrong = await call(core, 'certificates.revoke', { ...revoke, inspectionId: first.id })
    expect(wrong.ok ? null : wrong.error).toMatchObject({ code: 'CONFLICT', message: 'Biên bản kiểm tra này không đề nghị thu hồi' })
    // The decision cites the inspection's biên bản by its registered number: refused until the biên bản is issued.
    const unnumbered = await call(core, 'certificates.revoke', { ...revoke, inspectionId: followUp.id })
    expect(unnumbered.ok ? null : unnumbered.error.code).toBe('CONFLICT')
    await ok(core, 'officeDocuments.issue', { ref: { kind: 'inspection-record', inspectionId: followUp.id }, date: '2027-05-20' })
    const rev = await ok(core, 'certificates.revoke', { ...revoke, inspectionId: followUp.id })
    expect((await ok(core, 'inspections.list', { year: 2027 })).find((x) => x.id === followUp.id)!.revocation).toEqual({ id: rev.id, number: rev.number, decidedOn: '2027-05-25' })

    // Records are the legal trace: the database refuses edits whatever the caller.
    expect(() => core.db.prepare("UPDATE inspections SET outcome = 'no-action' WHERE id = ?").run(first.id)).toThrow(/IMMUTABLE/)
    expect(() => core.db.prepare('DELETE FROM inspection_findings WHERE inspection_id = ?').run(first.id)).toThrow(/IMMUTABLE/)
    expect((await ok(core, 'audit.verify', {})).intact).toBe(true)
    const events = await ok(core, 'audit.list', { limit: 20 })
    expect(events.map((e) => e.summary)).toEqual(expect.arrayContaining(['Lập kế hoạch kiểm tra sau công nhận', 'Lập biên bản kiểm tra sau công nhận', 'Lưu tài liệu chứng cứ kiểm tra']))
    core.close()
  })
})
