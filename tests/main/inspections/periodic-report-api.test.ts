import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { call, ok } from '../../utils/core'
import { INSPECTION_ITEM_CODES } from '../../../src-main/shared/inspection'
import { certCore, finalizedSession, issueDecision } from '../certificates/helpers'

const pass = INSPECTION_ITEM_CODES.map((item) => ({ item, result: 'pass' as const, note: '' }))

describe('reports.periodic and its XLSX', () => {
  it('counts what the database holds for the period, and the workbook says the same', async () => {
    const core = await certCore(() => new Date('2027-06-20T03:00:00Z'))
    const f = await finalizedSession(core)
    await issueDecision(core, f.sessionId, { number: 120, date: '2026-12-01' })
    await ok(core, 'certificates.issue', { sessionId: f.sessionId, decisionNo: '120/QĐ-UBND', decisionDate: '2026-12-01', issuedOn: '2026-12-01' })
    await ok(core, 'inspections.record', {
      productId: f.recognised,
      kind: 'ad-hoc',
      inspectedOn: '2027-03-02',
      team: 'Sở Nông nghiệp và Môi trường',
      findings: [{ item: 'label-mark', result: 'fail', note: 'Dùng biểu trưng 5 sao' }, ...pass.filter((x) => x.item !== 'label-mark')],
      outcome: 'recommendations',
      recommendation: 'Sửa nhãn',
      deadline: '2027-04-02'
    })

    // The council finalized "today" (20/06/2027); the certificates were issued on 01/12/2026.
    const sql = (s: string, ...p: unknown[]) => core.db.prepare(s).pluck().get(...p) as number
    const year = await ok(core, 'reports.periodic', { from: '2026-01-01', to: '2026-12-31' })
    expect(year.evaluations.total).toBe(0)
    expect(year.certificates.issued).toBe(sql("SELECT count(*) FROM certificates WHERE issued_on BETWEEN '2026-01-01' AND '2026-12-31'"))
    expect(year.certificates.issued).toBeGreaterThan(0)
    expect(year.portfolio.valid).toBe(sql("SELECT count(*) FROM certificates WHERE issued_on <= '2026-12-31' AND expiry_date >= '2026-12-31'"))
    expect(year.inspections.total).toBe(0)

    const h1 = await ok(core, 'reports.periodic', { from: '2027-01-01', to: '2027-06-30' })
    // Re-read from the database, independently of the report's own queries.
    expect(h1.evaluations.total).toBe(sql("SELECT count(*) FROM results r JOIN sessions s ON s.id = r.session_id WHERE s.status = 'finalized'"))
    expect(h1.evaluations.total).toBe(2)
    expect(h1.evaluations.recognised).toBe(sql('SELECT count(*) FROM results WHERE stars IN (3, 4)'))
    expect(h1.evaluations.proposedFiveStar).toBe(sql('SELECT count(*) FROM results WHERE stars = 5'))
    expect(h1.certificates.issued).toBe(0)
    expect(h1.portfolio.valid).toBe(year.portfolio.valid)
    expect(h1.inspections).toMatchObject({ total: 1, adHoc: 1, byOutcome: { recommendations: 1 }, failedItems: [{ key: 'label-mark', count: 1 }] })

    const file = await ok(core, 'reports.periodicXlsx', { from: '2027-01-01', to: '2027-06-30' })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
    const summary = wb.getWorksheet('Tổng hợp')!
    const value = (label: string) => {
      let found: unknown = undefined
      summary.eachRow((row) => {
        if (row.getCell(1).value === label) found = row.getCell(2).value
      })
      return found
    }
    expect(value('Sản phẩm được Hội đồng đánh giá, phân hạng')).toBe(h1.evaluations.total)
    expect(value('Giấy chứng nhận đã cấp')).toBe(h1.certificates.issued)
    expect(value('Giấy chứng nhận còn hiệu lực đến 30/06/2027')).toBe(h1.portfolio.valid)
    expect(value('Lượt kiểm tra sau công nhận')).toBe(1)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Kết quả theo hạng sao', 'GCN cấp theo hạng sao', 'Còn hiệu lực theo hạng', 'Còn hiệu lực theo ngành', 'Còn hiệu lực theo xã', 'Kiểm tra sau công nhận'])

    const backwards = await call(core, 'reports.periodic', { from: '2027-02-01', to: '2027-01-01' })
    expect(backwards.ok ? null : backwards.error).toMatchObject({ code: 'VALIDATION' })
    core.close()
  })
})
