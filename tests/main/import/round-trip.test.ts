import ExcelJS from 'exceljs'
import type { Core } from '../../../src-main/core'
import { ok } from '../../utils/core'
import { certificateRow, productRow, producerRow, provinceCore, workbook } from './workbook'


async function dataRows(b64: string): Promise<Record<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(b64, 'base64') as unknown as ArrayBuffer)
  const out: Record<string, unknown[][]> = {}
  for (const name of ['Chủ thể', 'Sản phẩm', 'Giấy chứng nhận']) {
    const rows: unknown[][] = []
    wb.getWorksheet(name)!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)))
    out[name] = rows
  }
  return out
}

async function importFile(core: Core, b64: string) {
  const p = await ok(core, 'catalogueImport.preview', { fileName: 'f.xlsx', contentBase64: b64 })
  expect(p.issues.filter((i) => i.severity === 'error')).toEqual([])
  return ok(core, 'catalogueImport.commit', { fileName: 'f.xlsx', contentBase64: b64, sha256: p.sha256 })
}

describe('catalogue round trip', () => {
  it('export → import into an empty database → export gives identical rows on both data sheets', async () => {
    const a = await provinceCore()
    const producers = [
      producerRow(1, { repEthnicity: "K'Ho", repDisability: 'Có', oldAddress: 'Thôn 2, xã Lát, huyện Lạc Dương', email: 'HTX1@Example.vn' }),
      producerRow(2, { kind: 'Hội', name: 'Hội Du lịch Cộng đồng', regNo: '', phone: '' }),
      producerRow(3, { kind: 'Doanh nghiệp nhỏ và vừa', name: 'Công ty TNHH Ánh Dương', communeCode: '24778' })
    ]
    const products = [
      productRow(1, 1, { code: '68-24778-005-2025', year: 2025, status: 'Giấy chứng nhận còn hiệu lực', stars: 4 }),
      productRow(2, 1, { registrationType: 'Nâng hạng' }),
      productRow(3, 2, { name: 'Du lịch cộng đồng Làng Cù Lần', setId: 'QD26-2026-26', status: 'Không công nhận' }),
      productRow(4, 3, { registrationType: 'Đánh giá lại', status: 'Được công nhận', stars: 3 }),
      productRow(5, 3)
    ]
    // Product 1 is certified: its status comes from its certificate (an older expired one, a current one known only by its year).
    const certificates = [
      certificateRow(1, { numberText: '07/GCN-UBND', stars: 3, issuedOn: '', issuedYear: 2021, issuingAuthority: 'UBND huyện Lạc Dương (cũ)', decisionNo: '412/QĐ-UBND', decisionDate: '05/08/2021' }),
      certificateRow(1, { issuedOn: 'không rõ ngày', issuedYear: 2025, printedExpiry: '30/11/2028' })
    ]
    await importFile(a, await workbook(producers, products, certificates))
    const viaApi = await ok(a, 'producers.create', {
      kind: 'ho-kd', name: 'Hộ kinh doanh Ê Đê', repName: 'Y Bih', repGender: 'nam', repEthnicity: 'Ê Đê', provinceCode: '68', communeCode: '24848'
    })
    await ok(a, 'products.create', { producerId: viaApi.id, name: 'Rượu cần Ê Đê', setId: 'QD26-2026-10', registrationType: 'lan-dau', year: 2026 })
    // Formula-like text leaves as guarded text (an apostrophe, a string cell) and comes back unchanged.
    const formula = '=HYPERLINK("http://127.0.0.1/x","Bấm")'
    await ok(a, 'products.create', { producerId: viaApi.id, name: formula, setId: 'QD26-2026-10', registrationType: 'lan-dau', year: 2026 })
    const first = await ok(a, 'catalogue.exportXlsx', {})
    expect(first).toMatchObject({ producers: 4, products: 7 })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(first.contentBase64, 'base64') as unknown as ArrayBuffer)
    const cells: ExcelJS.Cell[] = []
    wb.getWorksheet('Sản phẩm')!.eachRow((r) => r.eachCell((c) => cells.push(c)))
    const guarded = cells.find((c) => String(c.value).includes('HYPERLINK'))!
    expect([guarded.type, guarded.value, guarded.formula]).toEqual([ExcelJS.ValueType.String, `'${formula}`, undefined])

    const b = await provinceCore()
    const imported = await importFile(b, first.contentBase64)
    expect(imported).toMatchObject({ producers: 4, products: 7 })
    expect(b.db.prepare('SELECT count(*) AS n FROM products WHERE name = ?').get(formula)).toEqual({ n: 1 })
    const second = await ok(b, 'catalogue.exportXlsx', {})

    const rowsA = await dataRows(first.contentBase64)
    const rowsB = await dataRows(second.contentBase64)
    expect(rowsB).toEqual(rowsA)
    expect(rowsA['Sản phẩm']).toHaveLength(8)
    expect(rowsA['Giấy chứng nhận']).toHaveLength(3)
    expect(rowsA['Sản phẩm']!.some((r) => r.includes('68-24778-005-2025'))).toBe(true)
    a.close()
    b.close()
  })
})
