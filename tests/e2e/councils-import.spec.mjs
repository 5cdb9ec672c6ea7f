import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { ARTIFACTS, openOfficeWithProvince } from './harness.mjs'

let office, page, api, nav

before(async () => {
  office = await openOfficeWithProvince('ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG')
  ;({ page, api, nav } = office)
})
after(async () => {
  await office?.close()
})

const MEMBERS = [
  ['Nguyễn Văn Hùng', 'UBND tỉnh Lâm Đồng', 'Phó Chủ tịch UBND tỉnh'],
  ['Trần Thị Thu Hà', 'Sở Nông nghiệp và Môi trường', 'Giám đốc Sở'],
  ['Lê Quốc Đạt', 'Sở Công Thương', 'Phó Giám đốc'],
  ['Phạm Thị Ngọc Ánh', 'Sở Y tế', 'Trưởng phòng'],
  ['Hoàng Văn Đức', 'Sở Khoa học và Công nghệ', 'Trưởng phòng'],
  ['K’ Điệp', 'Sở Văn hóa, Thể thao và Du lịch', 'Phó Trưởng phòng'],
  ['Võ Thị Mỹ Dung', 'Sở An toàn thực phẩm', 'Chuyên viên chính'],
  ['Đặng Minh Khôi', 'Chi cục Phát triển nông thôn', 'Phó Chi cục trưởng'],
  ['Bùi Thị Lan', 'Văn phòng Điều phối nông thôn mới', 'Chánh Văn phòng']
]

test('a council with 9 members and a secretary is created and activated through the UI', async () => {
  await nav('Hội đồng')
  await page.getByRole('button', { name: 'Thêm hội đồng' }).click()
  const ed = page.getByTestId('council-editor')
  await ed.getByLabel(/^Tên hội đồng/).fill('Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Lâm Đồng năm 2026')
  await ed.getByLabel(/^Số quyết định/).fill('1234/QĐ-UBND')
  await ed.getByLabel(/^Ngày ký/).fill('20/06/2026')
  await ed.getByLabel(/^Ngày ký/).press('Tab') // closes the calendar, as a person moving on would
  await ed.getByLabel(/^Người ký/).fill('Nguyễn Văn Hùng')
  await ed.getByLabel(/^Chức vụ người ký/).fill('Phó Chủ tịch UBND tỉnh')
  await ed.getByLabel(/^Nhiệm kỳ từ ngày/).fill('01072026')
  await ed.getByLabel(/^Nhiệm kỳ từ ngày/).press('Tab')
  for (let i = 0; i < 7; i++) await ed.getByRole('button', { name: 'Thêm thành viên', exact: true }).click()
  assert.equal(await ed.locator('[data-testid="members-table"] tbody tr').count(), 9)
  for (const [i, [name, org, title]] of MEMBERS.entries()) {
    await ed.getByLabel(`Họ và tên ${i + 1}`, { exact: true }).fill(name)
    await ed.getByLabel(`Cơ quan, đơn vị ${i + 1}`, { exact: true }).fill(org)
    await ed.getByLabel(`Chức vụ ${i + 1}`, { exact: true }).fill(title)
  }
  await ed.getByLabel('Vai trò 2', { exact: true }).selectOption('vice_chair')
  await ed.getByLabel('Vai trò 9', { exact: true }).selectOption('secretary')
  await ed.getByLabel('Email 3', { exact: true }).fill('sai-email')
  await ed.getByLabel('Email 3', { exact: true }).blur()
  await ed.getByText('Email không hợp lệ').waitFor()
  assert.equal(await ed.locator('[data-testid="members-table"] tr[data-row="3"]').getAttribute('data-invalid'), 'true')
  await ed.getByLabel('Email 3', { exact: true }).fill('datlq@sct.lamdong.gov.vn')
  await ed.getByLabel('Tổ tư vấn – Họ và tên 1', { exact: true }).fill('Lương Văn Tổ')
  await ed.getByLabel('Tổ tư vấn – Cơ quan, đơn vị 1', { exact: true }).fill('Chi cục Phát triển nông thôn')
  assert.equal(await ed.getByTestId('council-readiness').getAttribute('data-ready'), 'true')
  assert.match(await ed.getByTestId('council-summary').innerText(), /9 thành viên, 8 người chấm điểm, túc số tối thiểu 7 người/)
  await ed.getByRole('button', { name: 'Lưu bản nháp' }).click()
  await page.getByTestId('council-message').getByText('Đã lưu').waitFor()
  await page.screenshot({ path: join(ARTIFACTS, 'council-form.png'), fullPage: true })

  await page.getByRole('button', { name: 'Kích hoạt hội đồng' }).click()
  await page.getByTestId('council-versions').locator('[data-version="1"]').waitFor()
  assert.equal(await page.getByTestId('council-editor').getAttribute('data-status'), 'active')
  const roles = await page.locator('[data-testid="members-table"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-role')))
  assert.deepEqual(roles, ['chair', 'vice_chair', 'member', 'member', 'member', 'member', 'member', 'member', 'secretary'])
  await page.getByRole('button', { name: 'Quay lại danh sách' }).click()
  const row = page.getByTestId('council-list').locator('tbody tr').first()
  await row.getByText('Đang hoạt động').waitFor()
  assert.match(await row.innerText(), /1234\/QĐ-UBND[\s\S]*\b9\b/)
  await page.screenshot({ path: join(ARTIFACTS, 'council-list.png') })
  page.assertNoErrors()
})

const COMMUNES = ['24778', '24848', '24778', '24848', '24778']
const GOODS = ['Cà phê', 'Trà Atiso', 'Mứt dâu', 'Rượu vang', 'Hồng treo gió', 'Mật ong', 'Mắc ca', 'Nấm linh chi']
const PLACES = ['Cầu Đất', 'Lạc Dương', 'Xuân Thọ', 'Trạm Hành', 'Tà Nung']

/** 10 producers and 40 products = 50 data rows; `bad` puts an unknown commune, an unknown set and a duplicate code in. */
async function catalogueFile(bad) {
  const wb = new ExcelJS.Workbook()
  const producers = wb.addWorksheet('Chủ thể')
  producers.addRow(['STT', 'Loại hình', 'Tên chủ thể', 'Mã số thuế / Số ĐKKD', 'Người đại diện theo pháp luật', 'Giới tính', 'Dân tộc', 'Người khuyết tật', 'Mã tỉnh', 'Mã xã', 'Điện thoại', 'Email'])
  for (let i = 1; i <= 10; i++)
    producers.addRow([i, 'Hợp tác xã', `Hợp tác xã ${PLACES[i % 5]} ${i}`, `58009000${String(i).padStart(2, '0')}`, `Người Đại Diện ${i}`, i % 2 ? 'Nữ' : 'Nam', i === 3 ? "K'Ho" : 'Kinh', 'Không', '68', bad && i === 4 ? '99999' : COMMUNES[i % 5], '0263 3822 111', `htx${i}@lamdong.vn`])
  const products = wb.addWorksheet('Sản phẩm')
  products.addRow(['STT', 'Mã sản phẩm', 'Tên sản phẩm', 'STT chủ thể', 'Mã bộ tiêu chí', 'Hình thức đăng ký', 'Năm'])
  for (let i = 1; i <= 40; i++) {
    const producer = ((i - 1) % 10) + 1
    const code = i === 1 ? `68-${COMMUNES[1]}-101-2026` : bad && i === 11 ? `68-${COMMUNES[1]}-101-2026` : ''
    const set = bad && i === 12 ? 'QD26-2026-77' : `QD26-2026-${String((i % 25) + 1).padStart(2, '0')}`
    products.addRow([i, code, `${GOODS[i % 8]} ${PLACES[Math.floor(i / 8) % 5]} số ${i}`, producer, set, 'Lần đầu', 2026])
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

test('an XLSX with 50 rows of which 3 are bad: the preview shows exactly those 3 and nothing is written; fixed, it imports', async () => {
  await nav('Chủ thể')
  await page.getByRole('button', { name: 'Nhập từ Excel' }).click()
  const box = page.getByTestId('catalogue-import')
  await box.waitFor()
  const download = page.waitForEvent('download')
  await box.getByRole('button', { name: 'Tải tệp mẫu' }).click()
  assert.equal((await download).suggestedFilename(), 'mau-nhap-chu-the-san-pham-ocop.xlsx')

  await box.locator('input[type="file"]').setInputFiles({ name: 'danh-sach-loi.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await catalogueFile(true) })
  const summary = box.getByTestId('import-summary')
  await summary.waitFor()
  assert.equal(await summary.getAttribute('data-errors'), '3')
  assert.match(await summary.innerText(), /10 chủ thể, 40 sản phẩm — 3 lỗi/)
  const commit = box.getByRole('button', { name: 'Nhập dữ liệu' })
  assert.equal(await commit.isDisabled(), true)

  const badProducers = box.locator('[data-sheet="producers"][data-row-error="true"]')
  assert.deepEqual(await badProducers.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-row'))), ['5'])
  assert.match(await badProducers.innerText(), /Mã xã: Không có xã\/phường mã 99999/)
  await page.screenshot({ path: join(ARTIFACTS, 'import-preview-producers.png'), fullPage: true })
  await box.getByRole('tab', { name: /Sản phẩm/ }).click()
  const badProducts = box.locator('[data-sheet="products"][data-row-error="true"]')
  await badProducts.first().waitFor()
  assert.deepEqual(await badProducts.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-row'))), ['12', '13'])
  assert.match(await badProducts.nth(0).innerText(), /Trùng mã sản phẩm 68-24848-101-2026 với dòng 2/)
  assert.match(await badProducts.nth(1).innerText(), /Không có bộ tiêu chí «QD26-2026-77»/)
  await page.screenshot({ path: join(ARTIFACTS, 'import-preview-products.png'), fullPage: true })

  const written = await api('producers.list', {})
  assert.equal(written.value.total, 0, 'the preview wrote nothing')
  const badFile = await catalogueFile(true)
  const refused = await api('catalogueImport.commit', { fileName: 'x.xlsx', contentBase64: badFile.toString('base64'), sha256: createHash('sha256').update(badFile).digest('hex') })
  assert.equal(refused.ok, false)
  assert.match(refused.error.message, /Tệp còn 3 lỗi, chưa nhập dòng nào/)
  assert.equal((await api('products.list', {})).value.total, 0)

  await box.locator('input[type="file"]').setInputFiles({ name: 'danh-sach.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await catalogueFile(false) })
  await box.locator('[data-testid="import-summary"][data-errors="0"]').waitFor()
  assert.equal(await commit.isDisabled(), false)
  await commit.click()
  await box.getByTestId('import-done').getByText('Đã nhập 10 chủ thể mới, 40 sản phẩm mới, cập nhật 0 chủ thể và 0 sản phẩm, ghi nhận 0 giấy chứng nhận.').waitFor()
  await page.screenshot({ path: join(ARTIFACTS, 'import-done.png'), fullPage: true })
  assert.equal((await api('producers.list', {})).value.total, 10)
  assert.equal((await api('products.list', {})).value.total, 40)
  await page.keyboard.press('Escape')
  await page.getByTestId('producers-page').getByText('Hợp tác xã Cầu Đất 5').waitFor()
  page.assertNoErrors()
})
