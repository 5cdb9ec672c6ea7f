// Issue 12, re-import as update, in Chromium: a clerk imports a list; the same file again says «không đổi» on every
// row and commits nothing; a corrected file shows «cập nhật» with the field old → new and updates it; a file with
// the same product twice cannot be committed until the clerk chooses what to do with the second row.
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import ExcelJS from 'exceljs'
import { ARTIFACTS, openOfficeWithProvince } from './harness.mjs'

let office, page, api, nav
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

before(async () => {
  office = await openOfficeWithProvince('Ủy ban nhân dân tỉnh Lâm Đồng')
  ;({ page, api, nav } = office)
})
after(async () => {
  await office?.close()
})

async function file({ phone = '0263 3822 111', extra = [] } = {}) {
  const wb = new ExcelJS.Workbook()
  const sheet = (name, headers, rows) => {
    const ws = wb.addWorksheet(name)
    ws.addRow(headers)
    for (const r of rows) ws.addRow(r)
  }
  sheet('Chủ thể', ['STT', 'Loại hình', 'Tên chủ thể', 'Mã số thuế / Số ĐKKD', 'Người đại diện theo pháp luật', 'Giới tính', 'Dân tộc', 'Người khuyết tật', 'Mã xã', 'Điện thoại'], [
    [1, 'Hợp tác xã', 'Hợp tác xã Dâu tây Đà Lạt', '5800123401', 'Nguyễn Thị Hoa', 'Nữ', 'Kinh', 'Không', '24778', phone],
    [2, 'Hợp tác xã', 'Hợp tác xã Chè Bảo Lộc', '5800123402', 'Trần Văn Hùng', 'Nam', 'Kinh', 'Không', '24820', '']
  ])
  sheet('Sản phẩm', ['STT', 'Tên sản phẩm', 'STT chủ thể', 'Mã bộ tiêu chí', 'Hình thức đăng ký', 'Năm'], [
    [1, 'Mứt dâu tây', 1, 'QD26-2026-03', 'Lần đầu', 2026],
    [2, 'Trà Ô long', 2, 'QD26-2026-06', 'Lần đầu', 2026],
    ...extra
  ])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

async function open(buffer, name) {
  await page.getByRole('button', { name: 'Nhập từ Excel' }).click()
  const box = page.getByTestId('catalogue-import')
  await box.locator('input[type="file"]').setInputFiles({ name, mimeType: XLSX, buffer })
  await box.getByTestId('import-summary').waitFor()
  return box
}
const close = () => page.keyboard.press('Escape')

test('re-import: the same file changes nothing, a corrected file updates field by field, a duplicate needs a choice', async () => {
  await nav('Chủ thể')
  let box = await open(await file(), 'danh-sach.xlsx')
  await box.locator('[data-testid="import-summary"][data-errors="0"]').waitFor()
  await box.getByRole('button', { name: 'Nhập dữ liệu' }).click()
  await box.getByTestId('import-done').getByText('Đã nhập 2 chủ thể mới, 2 sản phẩm mới, cập nhật 0 chủ thể và 0 sản phẩm, ghi nhận 0 giấy chứng nhận.').waitFor()
  await close()

  // The same file again: «không đổi» everywhere, and the commit writes nothing.
  box = await open(await file(), 'danh-sach.xlsx')
  assert.match(await box.getByTestId('import-actions').innerText(), /Thêm mới 0 dòng, cập nhật 0 dòng, không đổi 4 dòng/)
  await box.getByText('Tất cả các dòng').first().click()
  assert.match(await box.locator('[data-sheet="producers"][data-row="2"] [data-action="unchanged"]').textContent(), /không đổi \(mã số thuế 5800123401\)/)
  await page.screenshot({ path: join(ARTIFACTS, 'reimport-unchanged.png'), fullPage: true })
  const events = (await api('audit.list', { limit: 200 })).value.length
  await box.getByRole('button', { name: 'Nhập dữ liệu' }).click()
  await box.getByTestId('import-done').getByText('Đã nhập 0 chủ thể mới, 0 sản phẩm mới, cập nhật 0 chủ thể và 0 sản phẩm, ghi nhận 0 giấy chứng nhận.').waitFor()
  assert.equal((await api('audit.list', { limit: 200 })).value.length, events, 'nothing written')
  await close()

  // A corrected phone number: «cập nhật» with the field old → new; the commit updates it.
  box = await open(await file({ phone: '0912 345 678' }), 'danh-sach-sua.xlsx')
  assert.match(await box.getByTestId('import-actions').innerText(), /Thêm mới 0 dòng, cập nhật 1 dòng, không đổi 3 dòng/)
  const row = box.locator('[data-sheet="producers"][data-row="2"]')
  assert.match(await row.locator('[data-action="update"]').textContent(), /cập nhật \(mã số thuế 5800123401\)/)
  assert.match(await row.locator('[data-field="phone"]').innerText(), /Điện thoại: 02633822111 → 0912345678/)
  await page.screenshot({ path: join(ARTIFACTS, 'reimport-update.png'), fullPage: true })
  await box.getByRole('button', { name: 'Nhập dữ liệu' }).click()
  await box.getByTestId('import-done').getByText('Đã nhập 0 chủ thể mới, 0 sản phẩm mới, cập nhật 1 chủ thể và 0 sản phẩm, ghi nhận 0 giấy chứng nhận.').waitFor()
  await close()
  const hoa = (await api('producers.list', { query: 'Dâu tây' })).value.items[0]
  assert.equal(hoa.phone, '0912345678')

  // The same product twice in one file: blocked until the clerk chooses for the second row.
  box = await open(await file({ phone: '0912 345 678', extra: [[3, 'Mứt dâu tây', 1, 'QD26-2026-03', 'Lần đầu', 2026]] }), 'danh-sach-trung.xlsx')
  const choices = box.getByTestId('duplicate-choices')
  await choices.waitFor()
  assert.equal(await choices.getAttribute('data-pending'), '1')
  assert.match(await choices.locator('[data-duplicate-row="products:4"]').innerText(), /Cùng sản phẩm với dòng 2/)
  const commit = box.getByRole('button', { name: 'Nhập dữ liệu' })
  assert.equal(await commit.isDisabled(), true)
  await page.screenshot({ path: join(ARTIFACTS, 'reimport-duplicate.png'), fullPage: true })
  await box.getByRole('textbox', { name: 'Chọn cách xử lý dòng trùng: Sản phẩm, dòng 4' }).click()
  await page.getByRole('option', { name: 'Bỏ qua dòng này' }).click()
  await box.locator('[data-testid="import-summary"][data-errors="0"]').waitFor()
  assert.equal(await choices.getAttribute('data-pending'), '0')
  await commit.click()
  await box.getByTestId('import-done').getByText('Đã nhập 0 chủ thể mới, 0 sản phẩm mới, cập nhật 0 chủ thể và 0 sản phẩm, ghi nhận 0 giấy chứng nhận.').waitFor()
  assert.equal((await api('products.list', {})).value.total, 2)
  page.assertNoErrors()
})
