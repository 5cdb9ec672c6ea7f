import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDemo } from '../../../src-main/cli/demo'
import { writeSessionDocuments, type WrittenDocument } from '../../../src-main/cli/documents'
import type { Core } from '../../../src-main/core'
import type { IssueRecordOut } from '../../../src-main/shared/contract'
import { INSPECTION_ITEM_CODES } from '../../../src-main/shared/inspection'
import { ok, tempDir, testCore } from '../../utils/core'
import { flatText, pdfFonts, pdfText, placeholdersIn } from '../../utils/pdf-check'

/**
 * The document checker (issue 10): every kind generated from the demo session, read back with poppler as an office
 * would. Content rules here — fonts, placeholders, numbers equal to the register, cross-references, căn cứ, drafts,
 * the text faults of the issue; layout rules (margins, pagination, versions) live in their own checker.
 */
let core: Core
let sessionId: number
let docs: WrittenDocument[]
let issues: IssueRecordOut[]
let certificates: Array<{ productId: number; number: string }>

const only = (kind: string, productId?: number) => {
  const d = docs.find((x) => x.kind === kind && x.format === 'pdf' && x.productId === productId)
  if (!d) throw new Error(`no ${kind} generated`)
  return d
}
const issued = (kind: string) => {
  const i = issues.find((x) => x.kind === kind && x.productId === null)
  if (!i) throw new Error(`${kind} not issued`)
  return i
}

beforeAll(async () => {
  core = await testCore()
  sessionId = (await buildDemo(core, () => {})).sessionId
  docs = await writeSessionDocuments(core, sessionId, join(tempDir('ocop-checker-'), 'out'), { docx: false })
  issues = await ok(core, 'documents.issues', { sessionId })
  certificates = (await ok(core, 'certificates.list', { filter: 'all', withinDays: 180 })).map((c) => ({ productId: c.productId, number: c.number }))
}, 240_000)
afterAll(() => core?.close())

describe('document checker over the demo session', () => {
  it('generates every kind, each with its fonts embedded and no placeholder run', () => {
    expect(new Set(docs.map((d) => d.kind))).toEqual(new Set(['summary', 'minutes', 'report', 'submission', 'decision', 'approval', 'certificate', 'notice', 'sheet-blank', 'sheet']))
    for (const d of docs) {
      const fonts = pdfFonts(d.file)
      expect(fonts.length, d.file).toBeGreaterThan(0)
      expect(fonts.filter((f) => !f.embedded).map((f) => f.name), d.file).toEqual([])
      // The blank sheet is a paper form: its dotted blanks are for the member's hand.
      if (d.kind !== 'sheet-blank') expect(placeholdersIn(pdfText(d.file)), d.file).toEqual([])
    }
  })

  it('prints each issued number exactly as the register holds it, and the exports record the same', () => {
    for (const kind of ['minutes', 'report', 'submission', 'decision', 'approval', 'notice'] as const) {
      const d = only(kind)
      expect(d.number, kind).toBe(issued(kind).number)
      expect(flatText(d.file), kind).toContain(`Số: ${issued(kind).number}`)
      expect(flatText(d.file), kind).not.toContain('DỰ THẢO')
    }
    // Certificates: each page prints the number registered for its product (certificates table = register).
    const all = flatText(only('certificate').file)
    for (const c of certificates) expect(all).toContain(`Số: ${c.number}`)
    const one = docs.find((d) => d.kind === 'certificate' && d.productId !== undefined)!
    const registered = certificates.find((c) => c.productId === one.productId)!.number
    expect(flatText(one.file)).toContain(`Số: ${registered}`)
    expect(flatText(one.file)).not.toContain(certificates.find((c) => c.productId !== one.productId)!.number)
    expect(one.number).toBe(registered)
  })

  it('resolves every cross-reference from the register', () => {
    const dec = issued('decision')
    const ref = (i: IssueRecordOut) => `${i.number} ngày ${i.date.split('-').reverse().join('/')}`
    expect(flatText(only('decision').file)).toContain(`Tờ trình số ${ref(issued('submission'))}`)
    expect(flatText(only('approval').file)).toContain(`Tờ trình số ${ref(issued('submission'))}`)
    expect(flatText(only('submission').file)).toContain(`Báo cáo số ${ref(issued('report'))}`)
    expect(flatText(only('notice').file)).toContain(`Quyết định số ${ref(dec)}`)
    expect(flatText(only('certificate').file)).toContain(`Quyết định số ${ref(dec)}`)
  })

  it('prints the căn cứ lines and "Theo đề nghị của" in both decisions', () => {
    for (const kind of ['decision', 'approval']) {
      const text = flatText(only(kind).file)
      expect(text).toContain('Căn cứ Luật Tổ chức chính quyền địa phương')
      expect(text).toContain('Căn cứ Quyết định số 26/2026/QĐ-TTg')
      expect(text).toContain('Căn cứ Quyết định số 1234/QĐ-UBND ngày 20/06/2026')
      expect(text).toContain('Căn cứ Quyết định số 1250/QĐ-UBND ngày 25/06/2026')
      expect(text).toContain('Theo đề nghị của Giám đốc Sở Nông nghiệp và Môi trường')
      expect(text.indexOf('Căn cứ')).toBeLessThan(text.indexOf('QUYẾT ĐỊNH:'))
    }
  })

  it('marks a document not issued as a draft with no number', () => {
    const draft = only('notice', docs.find((d) => d.kind === 'notice' && d.productId !== undefined)!.productId)
    expect(draft.number).toBeNull()
    const text = pdfText(draft.file)
    expect(text).toContain('DỰ THẢO')
    expect(text).not.toMatch(/Số:/u)
  })

  it('writes the minutes with their real content: conclusion, absence reason, comments, end time, recusal', () => {
    const text = flatText(only('minutes').file)
    const conclusion = text.slice(text.indexOf('Kết luận:') + 'Kết luận:'.length, text.indexOf('Cuộc họp kết thúc'))
    expect(conclusion.trim().length).toBeGreaterThan(40)
    // Reason and written opinion as recorded at roll-call (the minutes' text panel adds nothing in the demo).
    expect(text).toContain('(lý do: đi công tác theo kế hoạch của Sở; ủy quyền/ý kiến bằng văn bản: gửi ý kiến bằng văn bản trước phiên họp)')
    expect(text).not.toMatch(/lý do: Vắng mặt/u)
    expect(text).toContain('Cuộc họp kết thúc vào 11 giờ 15 phút')
    expect(text).toContain('Ý kiến nhận xét của thành viên')
    expect(text).toContain('Anh ruột của người đại diện chủ thể')
    expect(text).toContain('chấm 02 vòng')
  })

  it('has none of the text faults of issue 10 in any document', () => {
    // The sheets print the criteria as the decision words them ("(VietGAP, hữu cơ,...)"); the text checks are for the rest.
    for (const d of docs.filter((x) => !x.kind.startsWith('sheet'))) {
      const text = flatText(d.file)
      expect(text, d.file).not.toMatch(/UBND tỉnh UBND tỉnh|Sở Sở|UBND Xã|\.\.(?!\.)|Giao SỞ|GIÁM ĐỐC SỞ SỞ/u)
      expect(text, d.file).not.toMatch(/11 giờ 30 phút/u)
    }
    // A product of 90 points or more is proposed for 5★, never printed as having 5 stars.
    for (const kind of ['minutes', 'report', 'notice', 'summary']) expect(flatText(only(kind).file), kind).not.toMatch(/(kết quả|Hạng sao):? 5 sao/u)
    // After the decision, the notice says the products were recognised, not proposed.
    expect(flatText(only('notice').file)).not.toContain('Đề nghị công nhận')
    // Addresses: street, xã, tỉnh — composed once.
    expect(flatText(only('decision').file)).toContain('Thôn Đăng Srê, xã Lạc Dương, tỉnh Lâm Đồng')
    expect(flatText(docs.find((d) => d.kind === 'sheet')!.file)).toContain('Số 12 đường Trần Hưng Đạo, phường Xuân Hương - Đà Lạt, tỉnh Lâm Đồng')
  })
})

/**
 * The office's documents of issue 14 over the same demo: an inspection plan of its certificates, an inspection, the
 * improvement letter of a product below its next star and the year's programme report — each checked as a draft
 * and once issued, by the same content rules.
 */
describe('document checker over the office documents of the demo', () => {
  const write = async (ref: Record<string, unknown>, name: string) => {
    const rec = await ok(core, 'officeDocuments.generate', { ref: ref as never, format: 'pdf' })
    const file = join(tempDir('ocop-checker-office-'), `${name}.pdf`)
    writeFileSync(file, Buffer.from((await ok(core, 'documents.download', { id: rec.id })).base64, 'base64'))
    return { file, rec }
  }

  it('prints DỰ THẢO before issue, then the register number, with fonts embedded, no placeholder and the plan cited', async () => {
    const candidates = await ok(core, 'inspections.propose', { year: 2026 })
    expect(candidates.length).toBeGreaterThan(0)
    const plan = await ok(core, 'inspections.createPlan', { year: 2026, name: 'Kế hoạch kiểm tra cuối năm 2026', items: candidates.map((c) => ({ productId: c.productId, reasons: c.reasons.length > 0 ? c.reasons : ['other'] })) })
    const productId = candidates[0]!.productId
    const insp = await ok(core, 'inspections.record', {
      productId,
      planId: plan.id,
      kind: 'periodic',
      inspectedOn: '2026-12-01',
      team: 'Sở Nông nghiệp và Môi trường',
      findings: INSPECTION_ITEM_CODES.map((item) => ({ item, result: 'pass' as const, note: '' })),
      outcome: 'no-action'
    })
    const results = await ok(core, 'results.list', { sessionId })
    let adviceProduct: number | null = null
    for (const r of results.filter((x) => x.stars !== null && x.stars >= 1 && x.stars <= 4)) {
      if ((await ok(core, 'advice.product', { sessionId, productId: r.productId })).target !== null) {
        adviceProduct = r.productId
        break
      }
    }
    expect(adviceProduct).not.toBeNull()
    const refs: Array<[string, Record<string, unknown>]> = [
      ['inspection-plan', { kind: 'inspection-plan', planId: plan.id }],
      ['inspection-record', { kind: 'inspection-record', inspectionId: insp.id }],
      ['advice-letter', { kind: 'advice-letter', sessionId, productId: adviceProduct }],
      ['periodic-report', { kind: 'periodic-report', from: '2026-01-01', to: '2026-12-31' }]
    ]
    for (const [name, ref] of refs) {
      const draft = await write(ref, `${name}-draft`)
      expect(flatText(draft.file), name).toContain('DỰ THẢO')
      expect(flatText(draft.file), name).not.toMatch(/Số: \d/u)
      expect(draft.rec.number, name).toBeNull()
      const issued = await ok(core, 'officeDocuments.issue', { ref: ref as never, date: '2026-12-02' })
      const doc = await write(ref, name)
      const text = flatText(doc.file)
      // The number printed is the register's: document_numbers holds it for this kind, office_document_issues ties it here.
      const row = core.db.prepare('SELECT i.number_text, n.kind FROM office_document_issues i JOIN document_numbers n ON n.id = i.number_id WHERE i.kind = ? AND i.scope = ?').get(name, issued.scope) as { number_text: string; kind: string }
      expect(row, name).toEqual({ number_text: issued.number, kind: name })
      expect(doc.rec.number, name).toBe(issued.number)
      expect(text, name).toContain(`Số: ${issued.number}`)
      expect(text, name).not.toContain('DỰ THẢO')
      expect(pdfFonts(doc.file).filter((f) => !f.embedded), name).toEqual([])
      expect(placeholdersIn(pdfText(doc.file)), name).toEqual([])
      expect(text, name).not.toMatch(/UBND tỉnh UBND tỉnh|Sở Sở|UBND Xã|\.\.(?!\.)|GIÁM ĐỐC SỞ SỞ/u)
    }
    // The record was issued after the plan: it cites the plan's registered number.
    const planNo = (await ok(core, 'officeDocuments.status', { ref: { kind: 'inspection-plan', planId: plan.id } })).assigned!
    const record = await write({ kind: 'inspection-record', inspectionId: insp.id }, 'record-again')
    expect(flatText(record.file)).toContain(`Kế hoạch số ${planNo} ngày 02/12/2026`)
  }, 240_000)
})
