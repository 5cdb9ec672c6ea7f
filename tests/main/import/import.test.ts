import ExcelJS from 'exceljs'
import { createHash } from 'node:crypto'
import type { Core } from '../../../src-main/core'
import { call, ok } from '../../utils/core'
import { productRow, producerRow, provinceCore, workbook } from './workbook'


const sha = (b64: string) => createHash('sha256').update(Buffer.from(b64, 'base64')).digest('hex')
const counts = async (core: Core) => ({
  producers: (await ok(core, 'producers.list', {})).total,
  products: (await ok(core, 'products.list', {})).total
})

describe('catalogue import: template', () => {
  it('has the export headers, a sheet of allowed values for the configured province and drop-down lists', async () => {
    const core = await provinceCore()
    const t = await ok(core, 'catalogueImport.template', {})
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(t.contentBase64, 'base64') as unknown as ArrayBuffer)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Chủ thể', 'Sản phẩm', 'Giấy chứng nhận', 'Danh mục'])
    expect(wb.getWorksheet('Chủ thể')!.getRow(1).values).toContain('Người đại diện theo pháp luật')
    expect(wb.getWorksheet('Sản phẩm')!.getRow(1).values).toContain('Mã bộ tiêu chí')
    const lists = wb.getWorksheet('Danh mục')!
    const column = (header: string) => {
      const col = (lists.getRow(1).values as unknown[]).indexOf(header)
      return (lists.getColumn(col).values as unknown[]).slice(2)
    }
    expect(column('Loại hình')).toContain('Hộ sản xuất, hộ gia đình có đăng ký kinh doanh')
    expect(column('Hình thức đăng ký')).toEqual(['Lần đầu', 'Nâng hạng', 'Đánh giá lại'])
    expect(column('Mã bộ tiêu chí')).toHaveLength(26)
    expect(column('Mã tỉnh')).toEqual(['68'])
    expect(column('Mã xã')).toHaveLength(124)
    expect(column('Xã/Phường/Đặc khu')).toContain('Phường Lâm Viên - Đà Lạt')
    const kind = wb.getWorksheet('Chủ thể')!.getCell('B2').dataValidation
    expect(kind).toMatchObject({ type: 'list', formulae: ["'Danh mục'!$A$2:$A$9"] })
    expect(wb.getWorksheet('Sản phẩm')!.getCell('G500').dataValidation).toMatchObject({ type: 'list' })
    core.close()
  })

  it('the empty template itself previews as "no data rows", and the template with rows imports', async () => {
    const core = await provinceCore()
    const t = await ok(core, 'catalogueImport.template', {})
    const p = await ok(core, 'catalogueImport.preview', { fileName: 'mau.xlsx', contentBase64: t.contentBase64 })
    expect(p.issues).toEqual([{ sheet: 'file', row: null, column: null, message: 'Tệp không có dòng dữ liệu nào', severity: 'error' }])

    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(t.contentBase64, 'base64') as unknown as ArrayBuffer)
    const fillRow = (ws: ExcelJS.Worksheet, cells: Record<string, string | number>) => {
      const headers = (ws.getRow(1).values as unknown[]).map(String)
      for (const [header, value] of Object.entries(cells)) ws.getRow(2).getCell(headers.indexOf(header)).value = value
    }
    fillRow(wb.getWorksheet('Chủ thể')!, {
      STT: 1, 'Loại hình': 'Trang trại', 'Tên chủ thể': 'Trang trại Dâu Tây', 'Người đại diện theo pháp luật': 'Lê Văn Nam',
      'Giới tính': 'Nam', 'Dân tộc': 'Kinh', 'Người khuyết tật': 'Không', 'Mã tỉnh': '68', 'Mã xã': '24778'
    })
    fillRow(wb.getWorksheet('Sản phẩm')!, { STT: 1, 'Tên sản phẩm': 'Dâu tây sấy', 'STT chủ thể': 1, 'Mã bộ tiêu chí': 'QD26-2026-03', 'Hình thức đăng ký': 'Lần đầu', Năm: 2026 })
    const filled = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64')
    const p2 = await ok(core, 'catalogueImport.preview', { fileName: 'mau.xlsx', contentBase64: filled })
    expect(p2.issues).toEqual([])
    expect(await ok(core, 'catalogueImport.commit', { fileName: 'mau.xlsx', contentBase64: filled, sha256: p2.sha256 })).toMatchObject({ producers: 1, products: 1 })
    core.close()
  })
})

describe('catalogue import: preview and commit', () => {
  it('previews a clean file without writing, then commits every row in one go', async () => {
    const core = await provinceCore()
    const b64 = await workbook(
      [producerRow(1), producerRow(2)],
      [productRow(1, 1), productRow(2, 2, { code: '68-24848-007-2026' }), productRow(3, 2)]
    )
    const p = await ok(core, 'catalogueImport.preview', { fileName: 'ds.xlsx', contentBase64: b64 })
    expect(p).toMatchObject({ errorCount: 0, producers: 2, products: 3, sha256: sha(b64) })
    expect(p.rows.map((r) => `${r.sheet}:${r.row}`)).toEqual(['producers:2', 'producers:3', 'products:2', 'products:3', 'products:4'])
    expect(await counts(core)).toEqual({ producers: 0, products: 0 })

    const r = await ok(core, 'catalogueImport.commit', { fileName: 'ds.xlsx', contentBase64: b64, sha256: p.sha256 })
    expect(r).toMatchObject({ producers: 2, products: 3 })
    const products = (await ok(core, 'products.list', {})).items.map((x) => x.code).sort()
    // The explicit serial 007 is kept; the generated one in the same commune takes the next free serial after it.
    expect(products).toEqual(['68-24778-001-2026', '68-24848-007-2026', '68-24848-008-2026'])
    core.close()
  })

  it('lists every bad row with row, column and a Vietnamese message, and commits nothing while errors remain', async () => {
    const core = await provinceCore()
    await ok(core, 'producers.create', {
      kind: 'htx', name: 'HTX Đã Có', regNo: '5800999999', repName: 'A', repGender: 'nam', repEthnicity: 'Kinh', provinceCode: '68', communeCode: '24778'
    })
    const b64 = await workbook(
      [
        producerRow(1),
        producerRow(2, { communeCode: '99999' }),
        // A blank representative is unknown ("chưa rõ", issue 12), not an error.
        producerRow(3, { repName: '' }),
        producerRow(4, { email: 'khong-phai-email' }),
        producerRow(5, { regNo: '5800123401' }),
        producerRow(6, { regNo: '5800999999' }),
        producerRow(7, { kind: 'Công ty' }),
        producerRow(8, { provinceCode: '01', communeCode: '00004' })
      ],
      [
        productRow(1, 1, { code: '68-24778-001-2026' }),
        productRow(2, 1, { setId: 'QD26-2026-99' }),
        productRow(3, 1, { code: '68-24778-001-2026' }),
        productRow(4, 42),
        productRow(5, 1, { registrationType: 'Gia hạn' }),
        productRow(6, 1, { stars: 4 })
      ]
    )
    const p = await ok(core, 'catalogueImport.preview', { fileName: 'loi.xlsx', contentBase64: b64 })
    const errors = p.issues.filter((i) => i.severity === 'error').map((i) => `${i.sheet}:${i.row}:${i.column}: ${i.message}`)
    expect(errors).toEqual([
      'producers:3:Mã xã: Không có xã/phường mã 99999, kể cả trong bảng mã cũ trước 1/7/2025',
      'producers:5:Email: Địa chỉ email không hợp lệ',
      // The same number as another row under another name is a real conflict; a registered number is that producer (update).
      'producers:6:Mã số thuế / Số ĐKKD: Trùng mã số thuế / số ĐKKD 5800123401 với dòng 2 nhưng khác tên chủ thể («Hợp tác xã Số 1»)',
      'producers:8:Loại hình: Loại hình «Công ty» không có trong danh mục',
      'producers:9:Mã tỉnh: Chủ thể thuộc tỉnh mã 01, không phải tỉnh đã cài đặt (mã 68)',
      'products:3:Mã bộ tiêu chí: Không có bộ tiêu chí «QD26-2026-99» (QD26-2026-01 … QD26-2026-26)',
      'products:4:Mã sản phẩm: Trùng mã sản phẩm 68-24778-001-2026 với dòng 2',
      'products:5:STT chủ thể: Không có chủ thể STT 42 trong sheet «Chủ thể»',
      'products:6:Hình thức đăng ký: Hình thức đăng ký «Gia hạn» không có trong danh mục',
      'products:7:Hạng sao: Chỉ sản phẩm đã được công nhận mới có hạng sao'
    ])
    expect(p.errorCount).toBe(10)

    const r = await call(core, 'catalogueImport.commit', { fileName: 'loi.xlsx', contentBase64: b64, sha256: p.sha256 })
    expect(!r.ok && r.error.code).toBe('VALIDATION')
    expect(!r.ok && r.error.message).toContain('Tệp còn 10 lỗi, chưa nhập dòng nào')
    expect(await counts(core)).toEqual({ producers: 1, products: 0 })
    core.close()
  })

  it('is all or nothing: a failure while writing the last row rolls back every row already written', async () => {
    const core = await provinceCore()
    // Serial 999 is the last one a commune has in a year, so the product after it cannot get a generated code.
    const b64 = await workbook([producerRow(1), producerRow(3)], [productRow(1, 1, { code: '68-24778-999-2026' }), productRow(2, 3)])
    const p = await ok(core, 'catalogueImport.preview', { fileName: 'f.xlsx', contentBase64: b64 })
    expect(p.errorCount).toBe(0)
    const r = await call(core, 'catalogueImport.commit', { fileName: 'f.xlsx', contentBase64: b64, sha256: p.sha256 })
    expect(!r.ok && r.error.code).toBe('CONFLICT')
    expect(!r.ok && r.error.message).toMatch(/^Sản phẩm, dòng 3: /)
    expect(await counts(core)).toEqual({ producers: 0, products: 0 })
    core.close()
  })

  it('refuses a commit whose bytes differ from what was previewed, and a file that is not XLSX', async () => {
    const core = await provinceCore()
    const b64 = await workbook([producerRow(1)], [productRow(1, 1)])
    const other = await workbook([producerRow(1), producerRow(2, { communeCode: '99999' })], [productRow(1, 1)])
    const r = await call(core, 'catalogueImport.commit', { fileName: 'a.xlsx', contentBase64: other, sha256: sha(b64) })
    expect(!r.ok && r.error.code).toBe('CONFLICT')
    const bad = await call(core, 'catalogueImport.preview', { fileName: 'a.xlsx', contentBase64: Buffer.from('không phải excel').toString('base64') })
    expect(!bad.ok && bad.error.message).toContain('Không đọc được tệp')
    const notB64 = await call(core, 'catalogueImport.preview', { fileName: 'a.xlsx', contentBase64: '%%%' })
    expect(!notB64.ok && notB64.error.code).toBe('VALIDATION')
    expect(await counts(core)).toEqual({ producers: 0, products: 0 })
    core.close()
  })

  it('reports a missing sheet or required column once, and accepts reordered columns and numeric codes', async () => {
    const core = await provinceCore()
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('Chủ thể')
    ws.addRow(['Tên chủ thể', 'STT', 'Loại hình', 'Mã xã', 'Mã tỉnh', 'Người đại diện theo pháp luật', 'Giới tính', 'Dân tộc', 'Người khuyết tật'])
    ws.addRow(['HTX Lạc Dương', 1, 'hợp tác xã', 24848, 68, 'K\u0301 Ho', 'Nữ', "K'Ho", 'Có'])
    const b64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64')
    const p = await ok(core, 'catalogueImport.preview', { fileName: 'x.xlsx', contentBase64: b64 })
    expect(p.issues).toEqual([
      { sheet: 'file', row: null, column: null, message: 'Không có sheet «Sản phẩm» (hãy dùng tệp mẫu của ứng dụng)', severity: 'error' }
    ])
    const xs = wb.addWorksheet('Sản phẩm')
    xs.addRow(['STT', 'Tên sản phẩm', 'STT chủ thể', 'Hình thức đăng ký', 'Năm'])
    xs.addRow([1, 'Rượu cần', 1, 'Lần đầu', 2026])
    const b64b = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64')
    const p2 = await ok(core, 'catalogueImport.preview', { fileName: 'x.xlsx', contentBase64: b64b })
    expect(p2.issues.map((i) => `${i.sheet}:${i.row}:${i.column}: ${i.message}`)).toEqual([
      'products:1:Mã bộ tiêu chí: Thiếu cột «Mã bộ tiêu chí» ở dòng tiêu đề của sheet «Sản phẩm»',
      'products:2:Mã bộ tiêu chí: Thiếu mã bộ tiêu chí'
    ])
    xs.getRow(1).getCell(6).value = 'Mã bộ tiêu chí'
    xs.getRow(2).getCell(6).value = 'QD26-2026-26'
    const b64c = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64')
    const p3 = await ok(core, 'catalogueImport.preview', { fileName: 'x.xlsx', contentBase64: b64c })
    expect(p3.issues).toEqual([])
    await ok(core, 'catalogueImport.commit', { fileName: 'x.xlsx', contentBase64: b64c, sha256: p3.sha256 })
    const [producer] = (await ok(core, 'producers.list', {})).items
    expect(producer).toMatchObject({ provinceCode: '68', communeCode: '24848', repName: 'Ḱ Ho'.normalize('NFC'), repDisability: true, qualifies32: true })
    core.close()
  })

  it('warns about likely duplicates (similar name, same commune, same producer or set) without blocking the commit', async () => {
    const core = await provinceCore()
    const first = await workbook([producerRow(1)], [productRow(1, 1, { name: 'Cà phê Arabica Cầu Đất', setId: 'QD26-2026-05' })])
    const p1 = await ok(core, 'catalogueImport.preview', { fileName: '1.xlsx', contentBase64: first })
    await ok(core, 'catalogueImport.commit', { fileName: '1.xlsx', contentBase64: first, sha256: p1.sha256 })

    const second = await workbook(
      [producerRow(1, { regNo: '5800777777', name: 'HTX Khác' })],
      [
        productRow(1, 1, { name: 'Ca phe Arabica Cau Dat', setId: 'QD26-2026-05' }),
        productRow(2, 1, { name: 'Cà phê Arabica Cầu Đất.', setId: 'QD26-2026-06' }),
        productRow(3, 1, { name: 'Mật ong', setId: 'QD26-2026-05' })
      ]
    )
    const p2 = await ok(core, 'catalogueImport.preview', { fileName: '2.xlsx', contentBase64: second })
    expect(p2.errorCount).toBe(0)
    expect(p2.issues.map((i) => `${i.row}: ${i.message}`)).toEqual([
      '2: Có thể trùng với sản phẩm đã có 68-24778-001-2026 «Cà phê Arabica Cầu Đất» của «Hợp tác xã Số 1» (tên gần giống, cùng xã)',
      '3: Có thể trùng với sản phẩm dòng 2 (tên gần giống, cùng xã, cùng chủ thể)'
    ])
    const r = await ok(core, 'catalogueImport.commit', { fileName: '2.xlsx', contentBase64: second, sha256: p2.sha256 })
    expect(r).toMatchObject({ products: 3, warningCount: 2 })
    core.close()
  })
})
