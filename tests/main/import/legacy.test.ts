import ExcelJS from 'exceljs'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runExport, runImport } from '../../../src-main/cli/catalogue'
import type { CliIo } from '../../../src-main/cli/rate'
import type { Core } from '../../../src-main/core'
import { legacyWorkbook } from '../../../scripts/build-legacy-example'
import { call, ok, REPO, tempDir, testCore } from '../../utils/core'
import { certificateRow, productRow, producerRow, workbook } from './workbook'

const EXAMPLE = join(REPO, 'docs', 'examples', 'legacy-certificates.xlsx')
const PROVINCE = { provinceCode: '68', bodyName: 'Ủy ban nhân dân tỉnh Lâm Đồng', advisoryBody: 'Sở Nông nghiệp và Môi trường', placeName: 'Lâm Đồng' }
const fixed = new Date('2026-07-01T03:00:00Z')

async function lamDong(dataDir = tempDir()): Promise<Core> {
  const core = await testCore(dataDir, () => fixed)
  await ok(core, 'settings.setProvince', PROVINCE)
  return core
}
const count = (core: Core, table: string) => core.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
const fakeIo = (): CliIo & { out: string; err: string } => {
  const io = { out: '', err: '', readFile: () => '', readStdin: async () => '', stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) }
  return io
}

async function sheetValues(b: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(b as unknown as ArrayBuffer)
  return wb.worksheets.map((ws) => ws.getSheetValues())
}

describe('the documented legacy example (docs/examples/legacy-certificates.xlsx)', () => {
  it('is what scripts/build-legacy-example.ts writes', async () => {
    expect(await sheetValues(readFileSync(EXAMPLE))).toEqual(await sheetValues(await legacyWorkbook()))
  })

  it('imports with 0 errors: old communes resolved, certificates recorded, statuses from them; a re-import adds nothing', async () => {
    const core = await lamDong()
    const upload = { fileName: 'legacy-certificates.xlsx', contentBase64: readFileSync(EXAMPLE).toString('base64') }
    const p = await ok(core, 'catalogueImport.preview', upload)
    expect(p.issues).toEqual([])
    expect(p.resolutions.map((r) => [r.row, r.how, r.code])).toEqual([
      [2, 'old-names', '24967'],
      [3, 'old-code', '24717'],
      [4, 'old-address', '25000'],
      [5, 'old-address', '25000'],
      [6, 'old-names', '22969'],
      [7, 'name', '22924'],
      [8, 'new-address', '24820']
    ])
    expect(p.actions.filter((a) => a.action === 'same-as-row')).toEqual([{ sheet: 'producers', row: 5, action: 'same-as-row', matchedBy: 'dòng 4', changes: [], duplicate: null }])
    expect(await ok(core, 'catalogueImport.commit', { ...upload, sha256: p.sha256 })).toMatchObject({ producers: 6, products: 7, certificates: 7 })
    expect(count(core, 'sessions')).toBe(0)
    expect(count(core, 'results')).toBe(0)
    expect(core.db.prepare("SELECT count(*) FROM certificates WHERE origin = 'recorded' AND session_id IS NULL AND number IS NULL").pluck().get()).toBe(7)
    const statuses = core.db.prepare('SELECT name, status, stars FROM products ORDER BY id').all()
    expect(statuses).toEqual([
      { name: 'Cà phê rang xay Hiệp An', status: 'certificate-valid', stars: 4 },
      { name: "Cà phê hạt Đắk N'Drung", status: 'certificate-valid', stars: 3 },
      { name: 'Trà xanh Tân Châu', status: 'expired', stars: 3 },
      { name: 'Trà Ô long Tân Châu', status: 'certificate-valid', stars: 4 },
      { name: 'Mực một nắng Phú Lạc', status: 'certificate-valid', stars: 3 },
      { name: 'Nước mắm Phú Thủy', status: 'expired', stars: 3 },
      { name: 'Sầu riêng Bảo Lộc', status: 'certificate-valid', stars: 3 }
    ])
    // The farm's representative facts are not in the list: stored as unknown (NULL), never a guessed value.
    expect(core.db.prepare("SELECT rep_name, rep_gender, rep_ethnicity, rep_disability FROM producers WHERE name = 'Trang trại Sầu riêng Bảo Lộc'").get()).toEqual({
      rep_name: null,
      rep_gender: null,
      rep_ethnicity: null,
      rep_disability: null
    })
    // One company, two products, one producer.
    expect(core.db.prepare("SELECT count(*) FROM producers WHERE reg_no = '5801234503'").pluck().get()).toBe(1)
    const dash = await ok(core, 'reports.dashboard', { withinDays: 180, reminderLeadDays: 30 })
    expect(dash.totals).toMatchObject({ products: 7, recognised: 5, validCertificates: 5, expiring: 1 })
    expect(dash.expiring.map((c) => c.number)).toEqual(['31/GCN-UBND'])

    const again = await ok(core, 'catalogueImport.preview', upload)
    expect(again.errorCount).toBe(0)
    expect(again.certificates).toBe(0)
    expect(again.actions.filter((a) => a.action === 'add')).toEqual([])
    expect(new Set(again.actions.map((a) => a.action))).toEqual(new Set(['unchanged', 'same-as-row']))
    const events = count(core, 'audit_events')
    expect(await ok(core, 'catalogueImport.commit', { ...upload, sha256: again.sha256 })).toMatchObject({ producers: 0, products: 0, certificates: 0, producersUpdated: 0, productsUpdated: 0 })
    expect(count(core, 'audit_events')).toBe(events)
    expect([count(core, 'producers'), count(core, 'products'), count(core, 'certificates')]).toEqual([6, 7, 7])

    // National record: the number with its year, the address once although the street names the ward and province.
    const n = JSON.parse(Buffer.from((await ok(core, 'exports.nationalRecords', { format: 'json' })).base64, 'base64').toString('utf8'))
    const durian = n.products.find((x: { name: string }) => x.name === 'Sầu riêng Bảo Lộc')
    expect(durian).toMatchObject({ ocop_certificate_number: '03/GCN-UBND (2025)', manufacturer: { address: 'Tổ 4, Phường 2 Bảo Lộc, tỉnh Lâm Đồng' } })
    core.close()
  })
})

describe('ambiguous communes become choices, and the clerk’s choice is checked', () => {
  it('an old commune name without its district blocks the commit until chosen', async () => {
    const core = await lamDong()
    const b64 = await workbook(
      [producerRow(1, { communeCode: '', oldCommune: 'Xã Lát' }), producerRow(2, { communeCode: '', oldCommune: 'Xã Đạ Sar', oldDistrict: 'Huyện Lạc Dương' })],
      [productRow(1, 1, { status: 'Giấy chứng nhận còn hiệu lực' }), productRow(2, 2)],
      [certificateRow(1)]
    )
    const p = await ok(core, 'catalogueImport.preview', { fileName: 'a.xlsx', contentBase64: b64 })
    const choice = p.resolutions.find((r) => r.row === 2)!
    expect(choice.status).toBe('choice')
    expect(choice.candidates.map((c) => c.code)).toContain('24846')
    expect(p.issues.filter((i) => i.severity === 'error').map((i) => [i.row, i.column])).toEqual([[2, 'Mã xã']])
    expect(p.resolutions.find((r) => r.row === 3)).toMatchObject({ status: 'resolved', code: '24848' })
    const refused = await call(core, 'catalogueImport.commit', { fileName: 'a.xlsx', contentBase64: b64, sha256: p.sha256 })
    expect(!refused.ok && refused.error.message).toMatch(/Cần chọn xã\/phường/)
    const choices = [{ row: 2, communeCode: '24846' }]
    const chosen = await ok(core, 'catalogueImport.preview', { fileName: 'a.xlsx', contentBase64: b64, choices })
    expect(chosen.errorCount).toBe(0)
    expect(chosen.resolutions.find((r) => r.row === 2)).toMatchObject({ status: 'chosen', code: '24846' })
    expect(await ok(core, 'catalogueImport.commit', { fileName: 'a.xlsx', contentBase64: b64, sha256: p.sha256, choices })).toMatchObject({ producers: 2, certificates: 1 })
    expect(core.db.prepare('SELECT commune_code FROM producers ORDER BY id').pluck().all()).toEqual(['24846', '24848'])
    core.close()
  })

  it('a status of a certificate without a certificate row is refused', async () => {
    const core = await lamDong()
    const b64 = await workbook([producerRow(1)], [productRow(1, 1, { status: 'Giấy chứng nhận còn hiệu lực', stars: 4 })])
    const p = await ok(core, 'catalogueImport.preview', { fileName: 'a.xlsx', contentBase64: b64 })
    expect(p.issues.map((i) => i.message)).toEqual([expect.stringMatching(/^Trạng thái «Giấy chứng nhận còn hiệu lực» cần giấy chứng nhận/)])
    core.close()
  })
})

describe('headless import and export', () => {
  it('import previews without writing, writes with --commit; export writes the file or says it would be empty', async () => {
    const dir = tempDir()
    ;(await lamDong(dir)).close()
    const io = fakeIo()
    const out = join(dir, 'ptnt.xlsx')
    expect(await runExport(['ptnt', '--data-dir', dir, '--out', out], io)).toBe(1)
    expect(io.err).toMatch(/Chưa có giấy chứng nhận nào/)
    expect(await runImport([EXAMPLE, '--data-dir', dir], io)).toBe(0)
    expect(io.out).toContain('Lỗi: 0, cảnh báo: 0')
    expect(io.out).toContain('«24727» → 24717 Xã Đức An')
    expect(io.out).toContain('Chưa ghi gì vào dữ liệu')
    expect(await runImport([EXAMPLE, '--data-dir', dir, '--commit'], io)).toBe(0)
    expect(io.out).toContain('Đã nhập: 6 chủ thể mới, 0 chủ thể cập nhật, 7 sản phẩm mới, 0 sản phẩm cập nhật, 7 giấy chứng nhận ghi nhận.')
    expect(await runExport(['ptnt', '--data-dir', dir, '--out', out], io)).toBe(0)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer)
    expect(wb.getWorksheet('PTNT_OCOP')!.actualRowCount).toBe(8)
    // The annex of a decision issued before the app: its recorded certificate, no score, the number as printed.
    const annex = join(dir, 'annex.xlsx')
    expect(await runExport(['annex', '--data-dir', dir, '--out', annex, '--decision', '1887/QĐ-UBND', '--authority', 'UBND huyện Đắk Song (cũ), tỉnh Đắk Nông (cũ)'], io)).toBe(0)
    const ax = new ExcelJS.Workbook()
    await ax.xlsx.load(readFileSync(annex) as unknown as ArrayBuffer)
    const row = (ax.getWorksheet('Phu luc')!.getRow(2).values as unknown[]).slice(1)
    expect([row[0], row[7] ?? null, row[8], row[9], row[10]]).toEqual([1, null, 3, '05/GCN-UBND', 'Giấy chứng nhận ghi nhận, không chấm trong ứng dụng'])
    expect(await runExport(['annex', '--data-dir', dir, '--out', annex, '--decision', '1887/QĐ-UBND', '--authority', 'UBND tỉnh Lâm Đồng'], io)).toBe(1)
    expect(io.err).toMatch(/Không có giấy chứng nhận ghi nhận nào theo quyết định 1887\/QĐ-UBND/)
    expect(await runExport(['bogus', '--data-dir', dir, '--out', out], io)).toBe(2)
    expect(await runImport(['--commit'], io)).toBe(2)
  })
})
