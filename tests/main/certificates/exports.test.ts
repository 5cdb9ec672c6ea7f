import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { PTNT_OCOP_COLUMNS } from '../../../src-main/exports/columns'
import { createDocumentRegister } from '../../../src-main/services/document-register'
import { createFileStore } from '../../../src-main/services/dossier-service'
import { call, ok } from '../../utils/core'
import { certCore, finalizedSession, issueDecision } from './helpers'

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

async function readSheet(base64: string): Promise<{ name: string; rows: unknown[][] }[]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer)
  return wb.worksheets.map((ws) => {
    const rows: unknown[][] = []
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
    return { name: ws.name, rows }
  })
}

/** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  const endField = () => {
    row.push(field)
    field = ''
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') endField()
    else if (c === '\r' && text[i + 1] === '\n') {
      endField()
      rows.push(row)
      row = []
      i++
    } else field += c
  }
  return rows
}

describe('exports re-read and compared with the database', () => {
  it('PTNT_OCOP (XLSX, CSV), national record (XLSX, JSON), annex, charts and the 5★ bundle', async () => {
    const core = await certCore()
    const f = await finalizedSession(core)
    const story = 'Chè "Cầu Đất", trồng ở độ cao 1.500 m,\nhái tay'
    await ok(core, 'exports.setProductInfo', { productId: f.recognised, annualRevenue: 1_250_000_000, revenueYear: 2026, story: story.replace('\n', '\r\n') })
    const half = await call(core, 'exports.setProductInfo', { productId: f.recognised, annualRevenue: 5, revenueYear: null, story: '' })
    expect(!half.ok && half.error.code).toBe('VALIDATION')
    const files = createFileStore(core.dataDir)
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
    const img = files.put(png)
    const at = '2026-11-01T00:00:00.000Z'
    const addFile = (productId: number, item: string, name: string, mime: string, b: { sha256: string; size: number }) =>
      core.db.prepare('INSERT INTO dossier_files (product_id, item_key, sha256, size, mime, original_name, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(productId, item, b.sha256, b.size, mime, name, at)
    addFile(f.recognised, 'mau-02', 'Ảnh sản phẩm.png', 'image/png', img)
    await issueDecision(core, f.sessionId, { number: 120, date: '2026-12-01' })
    const [cert] = await ok(core, 'certificates.issue', { sessionId: f.sessionId, decisionNo: '120/QĐ-UBND', decisionDate: '2026-12-01', issuedOn: '2026-12-01' })

    // PTNT_OCOP: the same rows as the database, in XLSX and in CSV.
    const db = core.db.prepare(`SELECT c.year, c.number, c.stars, p.code, p.name, p.commune_code, pr.name AS producer, i.annual_revenue FROM certificates c
      JOIN products p ON p.id = c.product_id JOIN producers pr ON pr.id = p.producer_id LEFT JOIN product_export_info i ON i.product_id = p.id ORDER BY c.year, c.number`).all() as Array<Record<string, string | number>>
    const expected = db.map((r) => [`GCN-${r.year}-${String(r.number).padStart(4, '0')}`, r.commune_code, String(r.year), r.code, r.name, `${r.stars}*`, r.producer, r.annual_revenue, 'Còn hiệu lực'])
    const x = await ok(core, 'exports.ptntOcop', { format: 'xlsx', asOf: '2027-01-01' })
    expect(x.sha256).toBe(sha(Buffer.from(x.base64, 'base64')))
    const [sheet] = await readSheet(x.base64)
    expect(sheet!.rows[0]).toEqual(PTNT_OCOP_COLUMNS.map((c) => c.key))
    expect(sheet!.rows.slice(1)).toEqual(expected)
    const csv = Buffer.from((await ok(core, 'exports.ptntOcop', { format: 'csv', asOf: '2027-01-01' })).base64, 'base64')
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const parsed = parseCsv(csv.toString('utf8').slice(1))
    expect(parsed).toEqual([PTNT_OCOP_COLUMNS.map((c) => c.key), ...expected.map((r) => r.map((v) => String(v)))])
    const later = parseCsv(Buffer.from((await ok(core, 'exports.ptntOcop', { format: 'csv', asOf: '2029-12-02' })).base64, 'base64').toString('utf8').slice(1))
    expect(later[1]![8]).toBe('Hết hiệu lực')

    // National record: JSON with the nested manufacturer, XLSX flattened; the story survives quotes and line breaks.
    const json = JSON.parse(Buffer.from((await ok(core, 'exports.nationalRecords', { format: 'json', asOf: '2027-01-01' })).base64, 'base64').toString('utf8'))
    expect(json.products).toEqual([
      {
        name: 'Sản phẩm số 1',
        ocop_star: 3,
        // The number carries the year: register numbers restart every year.
        ocop_certificate_number: `${cert!.number} (2026)`,
        issued_on: '2026-12-01',
        expiry_date: '2029-12-01',
        story,
        manufacturer: { name: 'Hợp tác xã Chè Cầu Đất', representative: 'Nguyễn Thị Hoa', address: expect.stringContaining('Lâm Đồng'), phone_number: '', email: '' },
        images: [{ file_name: 'Ảnh sản phẩm.png', sha256: img.sha256, size: png.length, mime: 'image/png' }]
      }
    ])
    const [nat] = await readSheet((await ok(core, 'exports.nationalRecords', { format: 'xlsx', asOf: '2027-01-01' })).base64)
    expect(nat!.rows).toHaveLength(2)
    expect(nat!.rows[1]!.slice(0, 7)).toEqual(['Sản phẩm số 1', 3, `${cert!.number} (2026)`, '2026-12-01', '2029-12-01', story, 'Hợp tác xã Chè Cầu Đất'])

    // Annex: the recognised product with its mean, stars and certificate number.
    const result = core.db.prepare('SELECT mean FROM results WHERE session_id = ? AND product_id = ?').get(f.sessionId, f.recognised) as { mean: number }
    const [annex] = await readSheet((await ok(core, 'exports.annex', { sessionId: f.sessionId })).base64)
    expect(annex!.rows.slice(1)).toEqual([[1, 'Sản phẩm số 1', 'Hợp tác xã Chè Cầu Đất', expect.stringContaining('Lâm Đồng'), expect.any(String), '06', '68-24778-2026-1', Math.round(result.mean * 100) / 100, 3, cert!.number]])

    // Charts: every sheet holds the dashboard's numbers.
    const dash = await ok(core, 'reports.dashboard', { asOf: '2027-01-01', withinDays: 180, reminderLeadDays: 30 })
    const charts = await readSheet((await ok(core, 'reports.exportXlsx', { asOf: '2027-01-01', withinDays: 180 })).base64)
    expect(charts.map((s) => s.name)).toEqual(['Theo hạng sao', 'Theo ngành', 'Theo xã', 'Theo đợt', 'GCN sắp hết hạn', 'Nhắc đánh giá lại', 'Thành viên'])
    expect(charts[0]!.rows.slice(1)).toEqual(dash.byStars.map((s) => [s.label, s.count]))
    expect(charts[3]!.rows.slice(1)).toEqual(dash.byRound.map((r) => [r.label, r.star3, r.star4, r.star5, r.notRecognised]))
    expect(charts[6]!.rows).toHaveLength(9)

    // 5★ bundle: four register documents, the dossier, and a manifest whose hashes match every file.
    const register = createDocumentRegister(core.db)
    const docIds: number[] = []
    for (const [i, kind] of (['submission', 'notice', 'report', 'approval'] as const).entries()) {
      const bytes = Buffer.from(`%PDF-1.7 tài liệu ${kind}`)
      const rel = join('documents', '2026', `${kind}-${i}.pdf`)
      mkdirSync(join(core.dataDir, 'documents', '2026'), { recursive: true })
      writeFileSync(join(core.dataDir, rel), bytes)
      docIds.push(register.insert({ session_id: f.sessionId, number_id: null, kind, format: 'pdf', title: kind, number_text: null, doc_date: '2026-12-01', data_version: 'v', input_sha256: sha(Buffer.from(rel)), sha256: sha(bytes), size: bytes.length, pages: 1, file_path: rel, created_at: at }).id)
    }
    const [letterId, advisoryReportId, councilReportId, approvalId] = docIds as [number, number, number, number]
    const noDossier = await call(core, 'exports.fiveStarBundle', { productId: f.fiveStar, letterId, advisoryReportId, councilReportId, approvalId })
    expect(!noDossier.ok && noDossier.error.code).toBe('CONFLICT')
    const mau01 = Buffer.from('Phiếu đăng ký')
    addFile(f.fiveStar, 'mau-01', 'Mẫu 01.pdf', 'application/pdf', files.put(mau01))
    const wrongKind = await call(core, 'exports.fiveStarBundle', { productId: f.fiveStar, letterId, advisoryReportId, councilReportId: approvalId, approvalId: councilReportId })
    expect(!wrongKind.ok && wrongKind.error.code).toBe('VALIDATION')
    const notFive = await call(core, 'exports.fiveStarBundle', { productId: f.recognised, letterId, advisoryReportId, councilReportId, approvalId })
    expect(!notFive.ok && notFive.error.code).toBe('CONFLICT')
    const bundle = await ok(core, 'exports.fiveStarBundle', { productId: f.fiveStar, letterId, advisoryReportId, councilReportId, approvalId })
    const zip = await JSZip.loadAsync(Buffer.from(bundle.base64, 'base64'))
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'))
    expect(manifest.files.map((e: { role: string }) => e.role)).toEqual([
      'Văn bản đề nghị của UBND tỉnh',
      'Báo cáo của Tổ tư vấn',
      'Báo cáo của Hội đồng cấp tỉnh',
      'Quyết định phê duyệt kết quả đánh giá',
      'Hồ sơ sản phẩm (mau-01)'
    ])
    const inZip = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir && n !== 'manifest.json').sort()
    expect(inZip).toEqual(manifest.files.map((e: { path: string }) => e.path).sort())
    for (const e of manifest.files) expect(sha(await zip.file(e.path)!.async('uint8array'))).toBe(e.sha256)
    expect(manifest.files[4].sha256).toBe(sha(mau01))
    core.close()
  }, 60_000)
})

describe('CSV writer', () => {
  it('quotes per RFC 4180 and starts with a BOM', async () => {
    const { toCsv } = await import('../../../src-main/exports/writers')
    const cols = [
      { key: 'a', header: 'A', type: 'text' as const },
      { key: 'b', header: 'B,"x"', type: 'text' as const }
    ]
    const out = toCsv(cols, [{ a: 'Hợp tác xã "Đồng Xanh", xã Tà Nung', b: 'dòng 1\r\ndòng 2' }, { a: null, b: 12 }])
    expect(out.toString('utf8')).toBe('\uFEFFA,"B,""x"""\r\n"Hợp tác xã ""Đồng Xanh"", xã Tà Nung","dòng 1\r\ndòng 2"\r\n,12\r\n')
    expect(parseCsv(out.toString('utf8').slice(1))).toEqual([['A', 'B,"x"'], ['Hợp tác xã "Đồng Xanh", xã Tà Nung', 'dòng 1\r\ndòng 2'], ['', '12']])
  })

  it('formula-like text gets a leading apostrophe (OWASP), numbers stay numbers, in CSV and XLSX', async () => {
    const { toCsv, addSheet, workbook, xlsxBytes } = await import('../../../src-main/exports/writers')
    const cols = [
      { key: 'a', header: 'A', type: 'text' as const },
      { key: 'n', header: 'N', type: 'number' as const }
    ]
    const texts = ['=1+2', '+84 912', '-5', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x","y")', 'Chè-Cầu Đất', "'=already"]
    const rows = texts.map((a, i) => ({ a, n: i === 0 ? -12.5 : i }))
    const guarded = ["'=1+2", "'+84 912", "'-5", "'@SUM(A1)", "'\tx", "'\rx", '\'=HYPERLINK("http://x","y")', 'Chè-Cầu Đất', "'=already"]
    const parsed = parseCsv(toCsv(cols, rows).toString('utf8').slice(1))
    expect(parsed.slice(1).map((r) => r[0])).toEqual(guarded)
    expect(parsed[1]![1]).toBe('-12.5')
    const wb = workbook(new Date(0))
    addSheet(wb, 'S', cols, rows)
    const back = new ExcelJS.Workbook()
    await back.xlsx.load((await xlsxBytes(wb)) as unknown as ArrayBuffer)
    const ws = back.getWorksheet('S')!
    const col = (n: number, c: number) => ws.getRow(n).getCell(c)
    // XML stores CR as LF (see the common rules); the apostrophe is still first.
    expect(texts.map((_, i) => col(i + 2, 1).value)).toEqual(guarded.map((g) => g.replace('\r', '\n')))
    expect(texts.every((_, i) => col(i + 2, 1).type === ExcelJS.ValueType.String)).toBe(true)
    expect([col(2, 2).type, col(2, 2).value]).toEqual([ExcelJS.ValueType.Number, -12.5])
  })
})
