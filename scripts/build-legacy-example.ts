/**
 * Writes docs/examples/legacy-certificates.xlsx (issue 12): a province's existing OCOP portfolio as a clerk would
 * type it into the import template — producers addressed by old communes (an old code, old commune + district
 * names, a pre-merger address with "Thôn 10", a today's name in the other tone convention, a former province),
 * one producer row per product, and certificates issued before the app by the province, a former district and a
 * former province, some known only by their year; one producer whose representative's facts the list does not give. `npm run cli -- import docs/examples/legacy-certificates.xlsx`
 * previews it with 0 errors. Run: `npx tsx scripts/build-legacy-example.ts`.
 */
import ExcelJS from 'exceljs'
import { join } from 'node:path'
import { CERTIFICATE_COLUMNS, PRODUCER_COLUMNS, PRODUCT_COLUMNS, SHEET_CERTIFICATES, SHEET_PRODUCERS, SHEET_PRODUCTS } from '../src-main/shared/catalogue-xlsx'

type Cells<C extends Record<string, string>> = Partial<Record<keyof C, string | number>>

const producer = (no: number, o: Cells<typeof PRODUCER_COLUMNS>): Cells<typeof PRODUCER_COLUMNS> => ({
  no,
  kind: 'Hợp tác xã',
  repGender: 'Nữ',
  repEthnicity: 'Kinh',
  repDisability: 'Không',
  provinceCode: '68',
  ...o
})

export const LEGACY_PRODUCERS: Array<Cells<typeof PRODUCER_COLUMNS>> = [
  producer(1, { name: 'Hợp tác xã Nông nghiệp Hiệp An', regNo: '5801234501', repName: 'Nguyễn Thị Mai', oldCommune: 'Xã Hiệp An', oldDistrict: 'Huyện Đức Trọng', street: 'Thôn Đa Thọ' }),
  producer(2, { kind: 'Hộ sản xuất, hộ gia đình có đăng ký kinh doanh', name: "Hộ kinh doanh Cà phê Đắk N'Drung", repName: 'Y Thơ', repGender: 'Nam', repEthnicity: "M'Nông", communeCode: '24727' }),
  producer(3, { kind: 'Doanh nghiệp nhỏ và vừa', name: 'Công ty TNHH Chè Tân Châu', regNo: '5801234503', repName: 'Trần Văn Hùng', repGender: 'Nam', oldAddress: 'Thôn 10, xã Tân Châu, huyện Di Linh, tỉnh Lâm Đồng' }),
  // The same company again: published lists repeat the producer on every product's row.
  producer(4, { kind: 'Doanh nghiệp nhỏ và vừa', name: 'Công ty TNHH Chè Tân Châu', regNo: '5801234503', repName: 'Trần Văn Hùng', repGender: 'Nam', oldAddress: 'Thôn 10, xã Tân Châu, huyện Di Linh, tỉnh Lâm Đồng' }),
  producer(5, { name: 'Hợp tác xã Thủy sản Phú Lạc', regNo: '3401234505', repName: 'Lê Thị Hằng', oldCommune: 'Xã Phú Lạc', oldDistrict: 'Huyện Tuy Phong', oldProvince: 'Tỉnh Bình Thuận' }),
  producer(6, { name: 'Hợp tác xã Nước mắm Phú Thủy', regNo: '3401234506', repName: 'Phạm Văn Tư', repGender: 'Nam', communeName: 'Phường Phú Thủy', street: 'Khu phố 3' }),
  // The published list names no representative for this farm: the facts stay unknown ("chưa rõ"), never guessed.
  producer(7, { kind: 'Trang trại', name: 'Trang trại Sầu riêng Bảo Lộc', repName: '', repGender: 'chưa rõ', repEthnicity: 'chưa rõ', repDisability: '', street: 'Tổ 4, Phường 2 Bảo Lộc, tỉnh Lâm Đồng' })
]

const product = (no: number, producerNo: number, name: string, setId: string, year: number): Cells<typeof PRODUCT_COLUMNS> => ({
  no, name, producerNo, setId, registrationType: 'Lần đầu', year
})
export const LEGACY_PRODUCTS: Array<Cells<typeof PRODUCT_COLUMNS>> = [
  product(1, 1, 'Cà phê rang xay Hiệp An', 'QD26-2026-06', 2024),
  product(2, 2, "Cà phê hạt Đắk N'Drung", 'QD26-2026-06', 2025),
  product(3, 3, 'Trà xanh Tân Châu', 'QD26-2026-06', 2021),
  product(4, 4, 'Trà Ô long Tân Châu', 'QD26-2026-06', 2024),
  product(5, 5, 'Mực một nắng Phú Lạc', 'QD26-2026-04', 2023),
  product(6, 6, 'Nước mắm Phú Thủy', 'QD26-2026-08', 2022),
  product(7, 7, 'Sầu riêng Bảo Lộc', 'QD26-2026-01', 2025)
]

export const LEGACY_CERTIFICATES: Array<Cells<typeof CERTIFICATE_COLUMNS>> = [
  { productNo: 1, numberText: '112/GCN-UBND', stars: 4, issuedOn: '10/09/2024', issuingAuthority: 'Ủy ban nhân dân tỉnh Lâm Đồng', decisionNo: '1830/QĐ-UBND', decisionDate: '10/09/2024', sourceNote: 'QĐ 1830/QĐ-UBND, bản lưu Chi cục PTNT' },
  { productNo: 2, numberText: '05/GCN-UBND', stars: 3, issuedOn: 'không rõ ngày', issuedYear: 2025, issuingAuthority: 'UBND huyện Đắk Song (cũ), tỉnh Đắk Nông (cũ)', decisionNo: '1887/QĐ-UBND', decisionDate: '14/03/2025', sourceNote: 'Danh sách công bố của huyện Đắk Song' },
  { productNo: 3, numberText: '21/GCN-UBND', stars: 3, issuedOn: '15/06/2021', issuingAuthority: 'Ủy ban nhân dân tỉnh Lâm Đồng', decisionNo: '1105/QĐ-UBND', decisionDate: '15/06/2021', sourceNote: 'Giấy chứng nhận đã hết hạn, chủ thể chưa đánh giá lại' },
  { productNo: 4, numberText: '140/GCN-UBND', stars: 4, issuedOn: '20/12/2024', issuingAuthority: 'Ủy ban nhân dân tỉnh Lâm Đồng', decisionNo: '2480/QĐ-UBND', decisionDate: '20/12/2024', sourceNote: '' },
  { productNo: 5, numberText: '31/GCN-UBND', stars: 3, issuedOn: 'không rõ ngày', issuedYear: 2023, issuingAuthority: 'UBND tỉnh Bình Thuận (cũ)', decisionNo: '2210/QĐ-UBND', printedExpiry: '30/11/2026', sourceNote: 'Ngày hết hạn in trên giấy; không tìm được quyết định' },
  { productNo: 6, numberText: '07/GCN-UBND', stars: 3, issuedOn: '02/08/2022', issuingAuthority: 'UBND tỉnh Bình Thuận (cũ)', decisionNo: '1502/QĐ-UBND', decisionDate: '02/08/2022', sourceNote: '' },
  { productNo: 7, numberText: '03/GCN-UBND', stars: 3, issuedOn: '25/04/2025', issuingAuthority: 'UBND thành phố Bảo Lộc (cũ)', decisionNo: '915/QĐ-UBND', decisionDate: '25/04/2025', sourceNote: '' }
]

export async function legacyWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'OCOP Council'
  wb.created = new Date('2026-07-01T00:00:00Z')
  wb.modified = wb.created
  const add = (name: string, columns: Record<string, string>, rows: Array<Record<string, string | number | undefined>>) => {
    const ws = wb.addWorksheet(name)
    ws.columns = Object.entries(columns).map(([key, header]) => ({ header, key, width: Math.max(10, Math.min(40, header.length + 6)) }))
    ws.getRow(1).font = { bold: true }
    for (const k of ['communeCode', 'regNo', 'numberText', 'issuedOn', 'decisionDate', 'printedExpiry']) if (k in columns) ws.getColumn(k).numFmt = '@'
    for (const r of rows) ws.addRow(r)
  }
  add(SHEET_PRODUCERS, PRODUCER_COLUMNS, LEGACY_PRODUCERS)
  add(SHEET_PRODUCTS, PRODUCT_COLUMNS, LEGACY_PRODUCTS)
  add(SHEET_CERTIFICATES, CERTIFICATE_COLUMNS, LEGACY_CERTIFICATES)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

if (process.argv[1] && /build-legacy-example\.ts$/.test(process.argv[1])) {
  void legacyWorkbook().then(async (b) => {
    const { writeFileSync } = await import('node:fs')
    const out = join(__dirname, '..', 'docs', 'examples', 'legacy-certificates.xlsx')
    writeFileSync(out, b)
    process.stdout.write(`${out}\n`)
  })
}
