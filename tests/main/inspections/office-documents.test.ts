import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { INSPECTION_ITEM_CODES } from '../../../src-main/shared/inspection'
import type { Core } from '../../../src-main/core'
import { call, ok, tempDir } from '../../utils/core'
import { flatText, pdfFonts, pdfText, placeholdersIn } from '../../utils/pdf-check'
import { certCore, finalizedSession, issueDecision } from '../certificates/helpers'

/**
 * The office's documents of issue 14 through the real core: drafts without a number, one number from the register
 * when issued, the issued paper unchanged by later edits, references read from the register (plan → record →
 * follow-up → revocation decision), and the periodic report's figures re-read from the database.
 */
const pass = INSPECTION_ITEM_CODES.map((item) => ({ item, result: 'pass' as const, note: '' }))
const dir = tempDir('ocop-office-docs-')

async function pdf(core: Core, ref: Record<string, unknown>, name: string): Promise<string> {
  const rec = await ok(core, 'officeDocuments.generate', { ref: ref as never, format: 'pdf' })
  const bytes = await ok(core, 'documents.download', { id: rec.id })
  const file = join(dir, `${name}.pdf`)
  writeFileSync(file, Buffer.from(bytes.base64, 'base64'))
  expect(pdfFonts(file).filter((f) => !f.embedded)).toEqual([])
  return file
}

describe('office documents (issue 14): plan, records, letter, periodic report', () => {
  it('drafts, issues once from the register, cites by registered number, and keeps the issued paper', async () => {
    const core = await certCore(() => new Date('2027-06-20T03:00:00Z'))
    const f = await finalizedSession(core)
    await issueDecision(core, f.sessionId, { number: 120, date: '2026-12-01' })
    await ok(core, 'certificates.issue', { sessionId: f.sessionId, decisionNo: '120/QĐ-UBND', decisionDate: '2026-12-01', issuedOn: '2026-12-01' })
    const productId = f.recognised
    const plan = await ok(core, 'inspections.createPlan', { year: 2027, name: 'Kế hoạch hậu kiểm năm 2027', items: [{ productId, reasons: ['never-inspected', 'complaint'], note: 'Phản ánh về nhãn' }] })
    const planRef = { kind: 'inspection-plan', planId: plan.id }

    // A draft: "DỰ THẢO", no number.
    const draft = flatText(await pdf(core, planRef, 'plan-draft'))
    expect(draft).toContain('DỰ THẢO')
    expect(draft).not.toMatch(/Số: \d/u)
    expect(draft).toContain('Chưa được kiểm tra sau công nhận')
    expect(await ok(core, 'officeDocuments.status', { ref: planRef as never })).toEqual({ symbol: 'KH-SNNMT', next: 1, assigned: null, date: null })

    const planIssue = await ok(core, 'officeDocuments.issue', { ref: planRef as never, date: '2027-01-05' })
    expect(planIssue.number).toBe('01/KH-SNNMT')
    const again = await call(core, 'officeDocuments.issue', { ref: planRef as never })
    expect(!again.ok && again.error.code).toBe('CONFLICT')
    const issuedText = flatText(await pdf(core, planRef, 'plan'))
    expect(issuedText).toContain('Số: 01/KH-SNNMT')
    expect(issuedText).not.toContain('DỰ THẢO')
    expect(placeholdersIn(pdfText(join(dir, 'plan.pdf')))).toEqual([])
    // The register holds exactly this number for this kind.
    expect(core.db.prepare("SELECT number, kind FROM document_numbers WHERE symbol = 'KH-SNNMT'").all()).toEqual([{ number: 1, kind: 'inspection-plan' }])
    // Changing the plan later does not change the issued paper: the same stored document comes back.
    const first = await ok(core, 'officeDocuments.generate', { ref: planRef as never, format: 'pdf' })
    await ok(core, 'inspections.setPlanItems', { planId: plan.id, items: [{ productId, reasons: ['other'], note: 'đổi' }] })
    expect((await ok(core, 'officeDocuments.generate', { ref: planRef as never, format: 'pdf' })).id).toBe(first.id)
    expect((await ok(core, 'officeDocuments.generate', { ref: planRef as never, format: 'docx' })).number).toBe('01/KH-SNNMT')

    // The inspection record cites the plan by its registered number; evidence by file name and SHA-256.
    const rec = await ok(core, 'inspections.record', {
      productId,
      planId: plan.id,
      kind: 'periodic',
      inspectedOn: '2027-04-15',
      team: 'Trần Văn An - Trưởng đoàn, Sở Nông nghiệp và Môi trường\nLê Thị Bình, Chi cục Chất lượng',
      findings: [{ item: 'quality-standard', result: 'fail', note: 'Phiếu kiểm nghiệm hết hạn' }, ...pass.filter((x) => x.item !== 'quality-standard')],
      outcome: 'recommendations',
      recommendation: 'Kiểm nghiệm lại sản phẩm',
      deadline: '2027-05-15'
    })
    const withFile = await ok(core, 'inspections.attachEvidence', { inspectionId: rec.id, item: 'quality-standard', fileName: 'Phiếu kiểm nghiệm.pdf', mime: 'application/pdf', contentBase64: Buffer.from('%PDF-1.7 x').toString('base64') })
    const recRef = { kind: 'inspection-record', inspectionId: rec.id }
    const early = await call(core, 'officeDocuments.issue', { ref: recRef as never, date: '2027-04-01' })
    expect(!early.ok && early.error.code).toBe('VALIDATION')
    expect((await ok(core, 'officeDocuments.issue', { ref: recRef as never, date: '2027-04-15' })).number).toBe('01/BB-SNNMT')
    const recText = flatText(await pdf(core, recRef, 'record'))
    expect(recText).toContain('Số: 01/BB-SNNMT')
    expect(recText).toContain('Kế hoạch số 01/KH-SNNMT ngày 05/01/2027')
    expect(recText).toContain(`Phiếu kiểm nghiệm.pdf (SHA-256 ${withFile.evidence[0]!.sha256.slice(0, 12)})`)
    expect(recText).toContain('Không đạt')
    expect(recText).toContain('trước ngày 15/5/2027')
    expect(recText).toContain('TRƯỞNG ĐOÀN KIỂM TRA')
    expect(recText).toContain('Trần Văn An')

    // The improvement letter: a công văn with its own symbol, "V/v", "Kính gửi", the advice plan and, the
    // certificate being valid, its re-evaluation window.
    const adviceRef = { kind: 'advice-letter', sessionId: f.sessionId, productId }
    const advice = await ok(core, 'advice.product', { sessionId: f.sessionId, productId })
    expect((await ok(core, 'officeDocuments.issue', { ref: adviceRef as never, date: '2027-06-20' })).number).toBe('01/SNNMT-OCOP')
    const letter = flatText(await pdf(core, adviceRef, 'letter'))
    expect(letter).toContain('Số: 01/SNNMT-OCOP')
    expect(letter).toContain('V/v góp ý hoàn thiện sản phẩm')
    expect(letter).toContain('Kính gửi:')
    for (const c of advice.plan?.changes ?? []) expect(letter).toContain(c.criterionCode)
    expect(letter).toContain('không sớm hơn 180 ngày')
    expect(letter).toContain('đợt 2 năm 2027')
    expect((await ok(core, 'officeDocuments.generate', { ref: adviceRef as never, format: 'docx' })).format).toBe('docx')

    // The follow-up proposes revocation; the decision cites its biên bản only once that has its number.
    const followUp = await ok(core, 'inspections.record', {
      productId,
      kind: 'ad-hoc',
      inspectedOn: '2027-05-20',
      team: 'Sở Nông nghiệp và Môi trường',
      findings: [{ item: 'quality-standard', result: 'fail', note: 'Chưa kiểm nghiệm lại' }, ...pass.filter((x) => x.item !== 'quality-standard')],
      outcome: 'revocation-proposed',
      revocationGround: 'b',
      followUpOf: rec.id
    })
    const [cert] = await ok(core, 'certificates.list', { filter: 'valid', withinDays: 180, asOf: '2027-05-25' })
    const revoke = { certificateId: cert!.id, ground: 'b' as const, detail: 'Không duy trì tiêu chuẩn chất lượng', conclusionRef: 'Biên bản kiểm tra', conclusionDate: '2027-05-20', decidedOn: '2027-05-25', signerTitle: 'Phó Chủ tịch', signerName: 'Nguyễn Văn Bình', inspectionId: followUp.id }
    const unissued = await call(core, 'certificates.revoke', revoke)
    expect(unissued.ok ? null : unissued.error.code).toBe('CONFLICT')
    expect((await ok(core, 'officeDocuments.issue', { ref: { kind: 'inspection-record', inspectionId: followUp.id }, date: '2027-05-20' })).number).toBe('02/BB-SNNMT')
    const followText = flatText(await pdf(core, { kind: 'inspection-record', inspectionId: followUp.id }, 'follow-up'))
    expect(followText).toContain('Biên bản kiểm tra số 01/BB-SNNMT ngày 15/4/2027')
    expect(followText).toContain('điểm b khoản 1 Điều 8')
    const rv = await ok(core, 'certificates.revoke', revoke)
    const decision = await ok(core, 'certificates.revocationFile', { id: rv.id })
    writeFileSync(join(dir, 'revocation.pdf'), Buffer.from(decision.base64, 'base64'))
    expect(flatText(join(dir, 'revocation.pdf'))).toContain('Căn cứ Biên bản kiểm tra số 02/BB-SNNMT ngày 20/5/2027')

    // The periodic report: every figure equals the database, read back from the PDF.
    const h1 = { kind: 'periodic-report', from: '2027-01-01', to: '2027-06-30' }
    expect((await ok(core, 'officeDocuments.issue', { ref: h1 as never, date: '2027-06-20' })).number).toBe('01/BC-SNNMT')
    const file = await pdf(core, h1, 'report')
    const report = flatText(file)
    const sql = (s: string) => core.db.prepare(s).pluck().get() as number
    const n2 = (n: number) => String(n).padStart(2, '0')
    expect(report).toContain('Kết quả thực hiện Chương trình OCOP 6 tháng đầu năm 2027')
    expect(report).toContain(`đánh giá, phân hạng ${n2(sql("SELECT count(*) FROM results r JOIN sessions s ON s.id = r.session_id WHERE s.status = 'finalized'"))} sản phẩm`)
    expect(report).toContain(`${n2(sql('SELECT count(*) FROM results WHERE stars IN (3, 4)'))} sản phẩm đạt 3 sao, 4 sao`)
    expect(report).toContain(`cấp ${n2(sql("SELECT count(*) FROM certificates WHERE issued_on BETWEEN '2027-01-01' AND '2027-06-30'"))} Giấy chứng nhận`)
    expect(report).toContain(`thu hồi ${n2(sql("SELECT count(*) FROM revocations WHERE decided_on BETWEEN '2027-01-01' AND '2027-06-30'"))} Giấy chứng nhận`)
    expect(report).toContain(`Toàn tỉnh có ${n2(sql("SELECT count(*) FROM certificates c WHERE c.issued_on <= '2027-06-30' AND c.expiry_date >= '2027-06-30' AND NOT EXISTS (SELECT 1 FROM revocations r WHERE r.certificate_id = c.id AND r.decided_on <= '2027-06-30')"))} sản phẩm`)
    expect(report).toContain(`kiểm tra ${n2(sql("SELECT count(*) FROM inspections WHERE inspected_on BETWEEN '2027-01-01' AND '2027-06-30'"))} lượt`)
    // The tables, row by row: "<STT> <label> <count>" lines of the layout text.
    const rows = pdfText(file, true)
      .split('\n')
      .map((l) => /^\s*\d+\s+(.+?)\s{2,}(\d+)\s*$/u.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => `${m[1]!.trim()}=${m[2]}`)
    for (const s of [3, 4, 5]) expect(rows).toContain(`${s} sao=${sql(`SELECT count(*) FROM results WHERE stars = ${s}`)}`)
    // A long label wraps inside its cell: read in reading order, the count follows it.
    expect(report).toContain(`Tiêu chuẩn chất lượng sản phẩm đã công bố và kết quả kiểm nghiệm còn hiệu lực ${sql("SELECT count(*) FROM inspection_findings f JOIN inspections i ON i.id = f.inspection_id WHERE f.item = 'quality-standard' AND f.result = 'fail' AND i.inspected_on BETWEEN '2027-01-01' AND '2027-06-30'")}`)
    core.close()
  }, 240_000)
})
