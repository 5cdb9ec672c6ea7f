import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../src-main/core'
import { ANNEX_COLUMNS, RECORDED_ANNEX_NOTE } from '../../../src-main/exports/columns'
import { call, ok, testCore } from '../../utils/core'
import { seedProducer } from '../catalogue/helpers'

let core: Core
beforeEach(async () => {
  core = await testCore(undefined, () => new Date('2026-06-10T03:00:00Z'))
})
afterEach(() => core.close())

async function rowsOf(base64: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer)
  const rows: unknown[][] = []
  wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return rows
}

const AUTHORITY = 'UBND huyện Đắk Song (cũ), tỉnh Đắk Nông (cũ)'
const record = (productId: number, stars: number, numberText: string, decisionNo = '1887/QĐ-UBND', issuingAuthority = AUTHORITY) =>
  ok(core, 'certificates.record', { productId, stars, numberText, issuedOn: null, issuedYear: 2024, issuingAuthority, decisionNo, decisionDate: '2024-11-20', printedExpiry: null, sourceNote: '' })

describe('annex of a decision issued before the app (recorded certificates)', () => {
  it('lists the recorded certificates of the decision, no score, marked as recorded, numbers as printed; re-read equals the DB', async () => {
    const producer = await seedProducer(core)
    const mk = (name: string) => ok(core, 'products.create', { producerId: producer.id, name, setId: 'QD26-2026-06', registrationType: 'lan-dau', year: 2024 })
    const [a, b, c] = [await mk('Cà phê rang xay'), await mk('Mắc ca sấy'), await mk('Mật ong rừng')]
    await record(a.id, 3, '15/GCN-UBND')
    await record(b.id, 4, '16/GCN-UBND')
    await record(c.id, 3, '02/GCN-UBND', '1887/QĐ-UBND', 'UBND tỉnh Đắk Nông (cũ)')

    const decisions = await ok(core, 'exports.annexDecisions', {})
    expect(decisions).toEqual([
      { decisionNo: '1887/QĐ-UBND', decisionDate: '2024-11-20', issuingAuthority: AUTHORITY, certificates: 2 },
      { decisionNo: '1887/QĐ-UBND', decisionDate: '2024-11-20', issuingAuthority: 'UBND tỉnh Đắk Nông (cũ)', certificates: 1 }
    ])

    const file = await ok(core, 'exports.annex', { decisionNo: '1887/QĐ-UBND', issuingAuthority: AUTHORITY })
    expect(file.fileName).toBe('phu-luc-quyet-dinh-1887-qd-ubnd.xlsx')
    const rows = await rowsOf(file.base64)
    expect(rows[0]).toEqual(ANNEX_COLUMNS.map((c) => c.header))
    const db = core.db
      .prepare(`SELECT p.name, pr.name AS producer, p.code, c.stars, c.number_text FROM certificates c JOIN products p ON p.id = c.product_id
        JOIN producers pr ON pr.id = p.producer_id WHERE c.origin = 'recorded' AND c.decision_no = ? AND c.issuing_authority = ? ORDER BY c.stars DESC, c.number_text`)
      .all('1887/QĐ-UBND', AUTHORITY) as Array<{ name: string; producer: string; code: string; stars: number; number_text: string }>
    expect(db).toHaveLength(2)
    const idx = (key: string) => ANNEX_COLUMNS.findIndex((c) => c.key === key)
    expect(rows.slice(1).map((r) => [r[idx('stt')], r[idx('name')], r[idx('producer')], r[idx('code')], r[idx('stars')], r[idx('certificate')], r[idx('note')]])).toEqual(
      db.map((r, i) => [i + 1, r.name, r.producer, r.code, r.stars, r.number_text, RECORDED_ANNEX_NOTE])
    )
    // No score was given in the app: the mean cell is empty, never a number.
    for (const r of rows.slice(1)) expect(r[idx('mean')] ?? null).toBeNull()

    const none = await call(core, 'exports.annex', { decisionNo: '9/QĐ-UBND', issuingAuthority: AUTHORITY })
    expect(!none.ok && none.error.code).toBe('NOT_FOUND')
    const both = await call(core, 'exports.annex', { sessionId: 1, decisionNo: '1887/QĐ-UBND', issuingAuthority: AUTHORITY } as never)
    expect(!both.ok && both.error.code).toBe('VALIDATION')
  })
})
