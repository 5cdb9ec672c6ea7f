import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { join } from 'node:path'
import { ARTIFACTS, launchBrowser, newPage, startServer, tempDataDir } from './harness.mjs'

let server, browser, page
const year = new Date().getFullYear()

before(async () => {
  server = await startServer(tempDataDir())
  browser = await launchBrowser()
  page = await newPage(browser)
  await page.goto(server.url)
  await page.getByRole('heading', { name: 'OCOP Council' }).waitFor()
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

/** Mantine Select: type into it (diacritics optional) and pick the option. */
async function pick(scope, label, typed, option) {
  const input = scope.getByRole('textbox', { name: label, exact: true })
  await input.click()
  await input.fill(typed)
  await page.getByRole('option', { name: option, exact: true }).click()
}
const nav = (name) => page.locator('nav').getByText(name, { exact: true }).click()

test('the province is set up once in Settings', async () => {
  await nav('Cài đặt')
  const box = page.getByTestId('province-settings')
  await pick(box, 'Tỉnh/Thành phố', 'lam dong', 'Tỉnh Lâm Đồng (68)')
  assert.equal(await box.getByLabel('Tên cơ quan').inputValue(), 'ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG')
  assert.equal(await box.getByLabel('Địa danh (dùng trên văn bản)').inputValue(), 'Lâm Đồng')
  await box.getByRole('button', { name: 'Lưu' }).click()
  await box.getByText('Đã lưu thông tin tỉnh').waitFor()
  await page.screenshot({ path: join(ARTIFACTS, 'catalogue-settings.png'), fullPage: true })
  page.assertNoErrors()
})

test('a producer is created through the form with inline validation', async () => {
  await nav('Chủ thể')
  await page.getByRole('button', { name: 'Thêm chủ thể' }).click()
  const form = page.getByTestId('producer-form')
  await form.getByLabel('Email').fill('sai-email')
  await form.getByRole('button', { name: 'Lưu' }).click()
  await form.getByText('Chọn loại hình chủ thể').waitFor()
  await form.getByText('Địa chỉ email không hợp lệ').waitFor()
  await page.screenshot({ path: join(ARTIFACTS, 'catalogue-producer-errors.png'), fullPage: true })
  await pick(form, 'Loại hình', 'hop tac', 'Hợp tác xã')
  await form.getByLabel('Tên chủ thể').fill('Hợp tác xã Nông nghiệp Đà Lạt Xanh')
  await form.getByLabel('Mã số thuế / Số ĐKKD').fill('5800123456')
  await form.getByLabel('Điện thoại').fill('0263 3822 111')
  await form.getByLabel('Email').fill('htx@dalatxanh.vn')
  await form.getByLabel('Người đại diện theo pháp luật').fill('Nguyễn Thị Hoa')
  await form.getByText('Nữ', { exact: true }).click()
  await form.getByLabel(/^Dân tộc/).fill('Cơ Ho')
  await pick(form, 'Xã/Phường/Đặc khu', 'lam vien', 'Phường Lâm Viên - Đà Lạt')
  await form.getByLabel('Địa chỉ chi tiết (số nhà, thôn, đường)').fill('12 Trần Phú')
  await form.getByRole('button', { name: 'Lưu' }).click()
  const detail = page.getByTestId('producer-detail')
  await detail.getByRole('heading', { name: 'Hợp tác xã Nông nghiệp Đà Lạt Xanh' }).waitFor()
  assert.equal(await detail.locator('[data-qualifies32]').getAttribute('data-qualifies32'), 'true')
  assert.match(await detail.innerText(), /12 Trần Phú, Phường Lâm Viên - Đà Lạt, Tỉnh Lâm Đồng/)
  await page.screenshot({ path: join(ARTIFACTS, 'catalogue-producer.png'), fullPage: true })
  page.assertNoErrors()
})

async function registerProduct(name, setTyped, setOption) {
  await nav('Sản phẩm')
  const back = page.getByRole('button', { name: 'Quay lại danh sách' })
  if (await back.isVisible()) await back.click()
  await page.getByRole('button', { name: 'Đăng ký sản phẩm' }).click()
  const form = page.getByTestId('product-form')
  await pick(form, 'Chủ thể', 'da lat xanh', 'Hợp tác xã Nông nghiệp Đà Lạt Xanh — Phường Lâm Viên - Đà Lạt')
  await form.getByLabel('Tên sản phẩm').fill(name)
  await pick(form, 'Bộ tiêu chí', setTyped, setOption)
  await form.getByRole('button', { name: 'Lưu' }).click()
  await page.getByTestId('product-detail').getByRole('heading', { name }).waitFor()
}

test('two products get consecutive codes; a file is attached and the dossier completed', async () => {
  await registerProduct('Dâu tây Đà Lạt', 'rau cu', '1. Rau, củ, quả, hạt tươi')
  const detail = page.getByTestId('product-detail')
  assert.equal(await detail.locator('[data-field="code"]').innerText(), `68-24778-001-${year}`)
  assert.equal(await detail.locator('[data-field="formNo"]').innerText(), `001/PĐK-68-24778-${year}`)
  const dossier = page.getByTestId('dossier')
  const chooser = page.waitForEvent('filechooser')
  await dossier.locator('[data-attach="mau-01"]').click()
  await (await chooser).setFiles({ name: 'Phiếu đăng ký Mẫu 01.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 mẫu 01') })
  await dossier.locator('[data-file="Phiếu đăng ký Mẫu 01.pdf"]').waitFor()
  const download = page.waitForEvent('download')
  await dossier.getByText('Phiếu đăng ký Mẫu 01.pdf', { exact: true }).click()
  const saved = await download
  assert.equal(saved.suggestedFilename(), 'Phiếu đăng ký Mẫu 01.pdf')
  const chunks = []
  for await (const c of await saved.createReadStream()) chunks.push(c)
  assert.equal(Buffer.concat(chunks).toString('utf8'), '%PDF-1.4 mẫu 01')
  await dossier.getByRole('button', { name: 'Hoàn tất hồ sơ' }).click()
  await dossier.getByText(/Hồ sơ chưa đầy đủ, còn thiếu/).waitFor()
  for (const key of ['mau-02', 'commune-letter', 'mau-03', 'samples']) {
    await dossier.locator(`[data-item="${key}"]`).getByText('Đã nhận').click({ timeout: 5000 })
    await dossier.locator(`[data-item="${key}"][data-satisfied="true"]`).waitFor()
  }
  await dossier.getByRole('button', { name: 'Hoàn tất hồ sơ' }).click()
  await page.locator('[data-testid="dossier"][data-complete="true"]').waitFor()
  await page.locator('[data-testid="product-detail"][data-status="dossier-complete"]').waitFor()
  assert.match(await page.getByTestId('status-history').innerText(), /Hồ sơ đầy đủ/)
  await page.screenshot({ path: join(ARTIFACTS, 'catalogue-dossier.png'), fullPage: true })

  await registerProduct('Cà phê Arabica Cầu Đất', 'ca phe', '13. Cà phê, cacao')
  assert.equal(await page.getByTestId('product-detail').locator('[data-field="code"]').innerText(), `68-24778-002-${year}`)
  await page.getByRole('button', { name: 'Sửa' }).click()
  const edit = page.getByTestId('product-edit')
  await edit.getByLabel('Tên sản phẩm').fill('Cà phê Arabica Cầu Đất rang xay')
  await edit.getByRole('button', { name: 'Lưu' }).click()
  await page.getByTestId('product-detail').getByRole('heading', { name: 'Cà phê Arabica Cầu Đất rang xay' }).waitFor()
  page.assertNoErrors()
})

test('the product list searches without diacritics and filters by status', async () => {
  await page.getByRole('button', { name: 'Quay lại danh sách' }).click()
  const list = page.getByTestId('products-page')
  await list.locator('[data-total="2"]').waitFor()
  await list.getByLabel('Tìm kiếm').fill('ca phe')
  await list.locator('[data-total="1"]').waitFor()
  assert.match(await list.locator('tbody').innerText(), /Cà phê Arabica Cầu Đất rang xay/)
  await list.getByLabel('Tìm kiếm').fill('')
  // The search is debounced: wait for the full list before filtering, or the old one-row result would pass.
  await list.locator('[data-total="2"]').waitFor()
  await pick(list, 'Trạng thái', 'ho so', 'Hồ sơ đầy đủ')
  await list.locator('[data-total="1"]').waitFor()
  await list.locator('tbody').getByText('Dâu tây Đà Lạt').waitFor()
  assert.match(await list.locator('tbody').innerText(), /Dâu tây Đà Lạt/)
  await page.screenshot({ path: join(ARTIFACTS, 'catalogue-products.png'), fullPage: true })
  page.assertNoErrors()
})

test("the producer's detail lists its products", async () => {
  await nav('Chủ thể')
  const list = page.getByTestId('producers-page')
  await list.getByLabel('Tìm kiếm').fill('da lat xanh')
  await list.locator('[data-total="1"]').waitFor()
  await list.getByText('Hợp tác xã Nông nghiệp Đà Lạt Xanh').click()
  const products = page.getByTestId('producer-products')
  await products.getByText(`68-24778-002-${year}`).waitFor()
  assert.equal(await products.locator('tbody tr').count(), 2)
  page.assertNoErrors()
})
