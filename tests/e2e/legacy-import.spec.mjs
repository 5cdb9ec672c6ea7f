// Issue 12 in Chromium: a provincial clerk brings in certified products written with old communes, resolves two
// ambiguous communes in the preview, commits, sees the counts and the expiring certificates, downloads PTNT_OCOP and
// the national record (re-read and compared with the database), and re-imports the same file without adding anything.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import ExcelJS from 'exceljs'
import { ARTIFACTS, openOfficeWithProvince } from './harness.mjs'

let office, page, api, nav

before(async () => {
  office = await openOfficeWithProvince('Ủy ban nhân dân tỉnh Lâm Đồng')
  ;({ page, api, nav } = office)
})
after(async () => {
  await office?.close()
})

const P = (no, o) => ({ no, kind: 'Hợp tác xã', repGender: 'Nữ', repEthnicity: 'Kinh', repDisability: 'Không', ...o })
async function legacyFile() {
  const wb = new ExcelJS.Workbook()
  const sheet = (name, headers, rows) => {
    const ws = wb.addWorksheet(name)
    ws.addRow(headers)
    for (const r of rows) ws.addRow(r)
  }
  const prod = [
    P(1, { name: 'Hợp tác xã Dâu tây Lát', repName: 'Nguyễn Thị Hoa', old: 'Xã Lát' }),
    P(2, { name: 'Hợp tác xã Cà phê Đạ Chais', repName: 'Cil Ha', old: 'Xã Đạ Chais' }),
    P(3, { name: 'Công ty TNHH Chè Tân Châu', repName: 'Trần Văn Hùng', addr: 'Thôn 10, xã Tân Châu, huyện Di Linh, tỉnh Lâm Đồng' }),
    // The published list gives no representative for this household: unknown ("chưa rõ"), never guessed.
    P(4, { name: "Hộ kinh doanh Cà phê Đắk N'Drung", repName: '', repGender: '', repEthnicity: 'chưa rõ', repDisability: '', code: '24727' })
  ]
  sheet('Chủ thể', ['STT', 'Loại hình', 'Tên chủ thể', 'Người đại diện theo pháp luật', 'Giới tính', 'Dân tộc', 'Người khuyết tật', 'Mã xã', 'Xã cũ', 'Địa chỉ cũ'],
    prod.map((p) => [p.no, p.kind, p.name, p.repName, p.repGender, p.repEthnicity, p.repDisability, p.code ?? '', p.old ?? '', p.addr ?? '']))
  sheet('Sản phẩm', ['STT', 'Tên sản phẩm', 'STT chủ thể', 'Mã bộ tiêu chí', 'Hình thức đăng ký', 'Năm', 'Trạng thái'], [
    [1, 'Dâu tây Lát', 1, 'QD26-2026-03', 'Lần đầu', 2024, 'Giấy chứng nhận còn hiệu lực'],
    [2, 'Cà phê Đạ Chais', 2, 'QD26-2026-06', 'Lần đầu', 2025, ''],
    [3, 'Trà xanh Tân Châu', 3, 'QD26-2026-06', 'Lần đầu', 2023, ''],
    [4, "Cà phê hạt Đắk N'Drung", 4, 'QD26-2026-06', 'Lần đầu', 2025, '']
  ])
  sheet('Giấy chứng nhận', ['STT sản phẩm', 'Số giấy chứng nhận', 'Hạng sao', 'Ngày cấp', 'Năm cấp', 'Cơ quan cấp', 'Số quyết định', 'Ngày quyết định', 'Ngày hết hạn (in trên giấy)', 'Nguồn'], [
    [1, '112/GCN-UBND', 4, '10/03/2024', '', 'Ủy ban nhân dân tỉnh Lâm Đồng', '530/QĐ-UBND', '10/03/2024', '', 'Bản lưu Chi cục PTNT'],
    [2, '05/GCN-UBND', 3, 'không rõ ngày', 2025, 'UBND huyện Lạc Dương (cũ)', '88/QĐ-UBND', '20/05/2025', '', ''],
    [3, '21/GCN-UBND', 3, '15/01/2023', '', 'Ủy ban nhân dân tỉnh Lâm Đồng', '120/QĐ-UBND', '15/01/2023', '', 'Đã hết hạn'],
    [4, '07/GCN-UBND', 3, '01/10/2025', '', 'UBND huyện Đắk Song (cũ), tỉnh Đắk Nông (cũ)', '1887/QĐ-UBND', '01/10/2025', '', '']
  ])
  return Buffer.from(await wb.xlsx.writeBuffer())
}
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

test('a clerk imports certified products with old communes, chooses two communes, commits, exports; a re-import adds nothing', async () => {
  const file = await legacyFile()
  await nav('Sản phẩm')
  await page.getByRole('button', { name: 'Nhập từ Excel' }).click()
  const box = page.getByTestId('catalogue-import')
  await box.locator('input[type="file"]').setInputFiles({ name: 'ocop-da-cong-nhan.xlsx', mimeType: XLSX, buffer: file })
  const resolutions = box.getByTestId('commune-resolutions')
  await resolutions.waitFor()
  assert.equal(await resolutions.getAttribute('data-pending'), '2')
  assert.match(await box.locator('[data-resolution-row="4"]').innerText(), /25000 · Xã Di Linh/)
  assert.match(await box.locator('[data-resolution-row="5"]').innerText(), /24717 · Xã Đức An/)
  const commit = box.getByRole('button', { name: 'Nhập dữ liệu' })
  assert.equal(await commit.isDisabled(), true)
  await page.screenshot({ path: join(ARTIFACTS, 'legacy-import-choices.png'), fullPage: true })

  for (const [row, code] of [[2, '24846'], [3, '24848']]) {
    await box.getByRole('textbox', { name: `Chọn xã/phường cho dòng ${row}` }).click()
    await page.getByRole('option', { name: new RegExp(`^${code} · `) }).first().click()
    await box.locator(`[data-resolution-row="${row}"][data-status="chosen"]`).waitFor()
  }
  await box.locator('[data-testid="import-summary"][data-errors="0"]').waitFor()
  assert.match(await box.getByTestId('import-actions').innerText(), /Thêm mới 8 dòng.*ghi nhận 4 giấy chứng nhận/)
  await page.screenshot({ path: join(ARTIFACTS, 'legacy-import-ready.png'), fullPage: true })
  await commit.click()
  await box.getByTestId('import-done').getByText('Đã nhập 4 chủ thể mới, 4 sản phẩm mới, cập nhật 0 chủ thể và 0 sản phẩm, ghi nhận 4 giấy chứng nhận.').waitFor()
  await page.keyboard.press('Escape')

  const producers = (await api('producers.list', {})).value.items
  assert.deepEqual(producers.map((p) => p.communeCode).sort(), ['24717', '24846', '24848', '25000'])
  const household = producers.find((p) => p.name === "Hộ kinh doanh Cà phê Đắk N'Drung")
  assert.deepEqual([household.repName, household.repGender, household.repEthnicity, household.repDisability], [null, null, null, null])
  const certs = (await api('certificates.list', { filter: 'all' })).value
  assert.equal(certs.length, 4)
  assert.ok(certs.every((c) => c.recorded))
  const sessions = await api('sessions.list', {})
  assert.equal(sessions.ok ? sessions.value.length : 0, 0, 'no session was invented')

  // Dashboard: the counts come from the recorded certificates.
  const dash = (await api('reports.dashboard', { withinDays: 180, reminderLeadDays: 30 })).value
  const validNow = certs.filter((c) => c.state === 'valid').length
  assert.equal(dash.totals.validCertificates, validNow)
  assert.equal(dash.totals.recognised, validNow)
  await nav('Tổng quan')
  await page.getByTestId('dashboard-page').waitFor()
  assert.match(await page.getByTestId('total-validCertificates').innerText(), new RegExp(String(validNow)))
  await page.screenshot({ path: join(ARTIFACTS, 'legacy-dashboard.png'), fullPage: true })

  // Báo cáo → certificates, marked as recorded; then the exports, downloaded and re-read.
  await nav('Báo cáo')
  const table = page.getByTestId('certificate-table').first()
  await table.waitFor()
  assert.match(await table.innerText(), /Ghi nhận, không do ứng dụng đánh giá/)
  await page.screenshot({ path: join(ARTIFACTS, 'legacy-certificates.png'), fullPage: true })
  await page.getByTestId('tab-exports').click()
  const dl = async (testId) => {
    const d = page.waitForEvent('download')
    await page.getByTestId(testId).click()
    return readFileSync(await (await d).path())
  }
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(await dl('export-ptnt-xlsx'))
  const rows = []
  wb.getWorksheet('PTNT_OCOP').eachRow((r, n) => n > 1 && rows.push((r.values).slice(1)))
  assert.equal(rows.length, 4)
  const byNumber = new Map(certs.map((c) => [c.productCode, c]))
  for (const r of rows) {
    const c = byNumber.get(r[3])
    assert.ok(c, `row for ${r[3]}`)
    assert.deepEqual([r[1], r[4], r[5], r[8]], [c.communeCode, c.productName, `${c.stars}*`, { valid: 'Còn hiệu lực', expired: 'Hết hiệu lực', revoked: 'Đã thu hồi' }[c.state]])
  }
  const national = JSON.parse((await dl('export-national-json')).toString('utf8'))
  const valid = certs.filter((c) => c.state === 'valid')
  assert.equal(national.products.length, valid.length)
  for (const p of national.products) {
    const c = valid.find((x) => x.productName === p.name)
    assert.ok(c)
    assert.equal(p.ocop_certificate_number, `${c.number} (${c.issuedYear})`)
    assert.equal(p.issued_on, c.issuedOn)
    assert.equal(p.expiry_date, c.expiryDate)
    // An unknown representative is left empty, never printed as a fact.
    if (p.name === "Cà phê hạt Đắk N'Drung") assert.equal(p.manufacturer.representative, '')
  }

  // The same file again: everything matches, nothing new is written.
  await nav('Sản phẩm')
  await page.getByRole('button', { name: 'Nhập từ Excel' }).click()
  const box2 = page.getByTestId('catalogue-import')
  await box2.locator('input[type="file"]').setInputFiles({ name: 'ocop-da-cong-nhan.xlsx', mimeType: XLSX, buffer: file })
  await box2.getByTestId('commune-resolutions').waitFor()
  for (const [row, code] of [[2, '24846'], [3, '24848']]) {
    await box2.getByRole('textbox', { name: `Chọn xã/phường cho dòng ${row}` }).click()
    await page.getByRole('option', { name: new RegExp(`^${code} · `) }).first().click()
    await box2.locator(`[data-resolution-row="${row}"][data-status="chosen"]`).waitFor()
  }
  await box2.locator('[data-testid="import-summary"][data-errors="0"]').waitFor()
  assert.match(await box2.getByTestId('import-actions').innerText(), /Thêm mới 0 dòng, cập nhật 0 dòng, không đổi 8 dòng.*ghi nhận 0 giấy chứng nhận/)
  await box2.getByRole('button', { name: 'Nhập dữ liệu' }).click()
  await box2.getByTestId('import-done').getByText('Đã nhập 0 chủ thể mới, 0 sản phẩm mới, cập nhật 0 chủ thể và 0 sản phẩm, ghi nhận 0 giấy chứng nhận.').waitFor()
  assert.equal((await api('products.list', {})).value.total, 4)
  assert.equal((await api('certificates.list', { filter: 'all' })).value.length, 4)
  page.assertNoErrors()
})
