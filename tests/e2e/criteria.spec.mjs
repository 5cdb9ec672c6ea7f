import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { join } from 'node:path'
import { ARTIFACTS, launchBrowser, newPage, startServer, tempDataDir } from './harness.mjs'

let server, browser, page

before(async () => {
  server = await startServer(tempDataDir())
  browser = await launchBrowser()
  page = await newPage(browser)
  await page.goto(server.url)
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

test('the app opens in Vietnamese with every area in the navigation', async () => {
  await page.getByRole('heading', { name: 'OCOP Council' }).waitFor()
  assert.equal(new URL(page.url()).hash, '', 'the token is removed from the address bar')
  const nav = page.getByRole('navigation')
  for (const label of ['Tổng quan', 'Đợt/Phiên đánh giá', 'Sản phẩm', 'Chủ thể', 'Hội đồng', 'Bộ tiêu chí', 'Báo cáo', 'Cài đặt'])
    await nav.getByText(label, { exact: true }).waitFor()
  await page.getByText('Bộ tiêu chí', { exact: true }).click()
  page.assertNoErrors()
})

test('set 6 "Chế biến từ gạo, ngũ cốc" shows criterion 1.1 with its options and the *** marker', async () => {
  await page.locator('[data-set-id="QD26-2026-06"]').first().click()
  const sheet = page.locator('[data-set-id="QD26-2026-06"][class*="Stack"], div[data-set-id="QD26-2026-06"]').last()
  await page.getByRole('heading', { name: /Bộ tiêu chí số 6: Chế biến từ gạo, ngũ cốc/ }).waitFor()
  const c11 = page.locator('[data-criterion="1.1"]')
  await c11.waitFor()
  assert.match(await c11.innerText(), /1\.1\. Nguồn nguyên liệu\s+3/)
  const marked = page.locator('[data-option-id="1.1.b"]')
  assert.match(await marked.innerText(), /từ 50% đến dưới 75%/)
  assert.equal(await marked.locator('[data-marker="3"]').innerText(), '***')
  assert.equal(await page.locator('[data-option-id^="1.1."]').count(), 3)
  assert.ok(await sheet.count())
  assert.equal((await page.locator('[data-total]').innerText()).trim(), '100')
  await page.screenshot({ path: join(ARTIFACTS, 'criteria-set6.png') })
  page.assertNoErrors()
})

test('search ignores diacritics: "nguon goc" finds "Nguồn gốc"', async () => {
  await page.getByLabel('Tìm trong bộ tiêu chí').fill('nguon goc')
  const results = page.getByTestId('search-results')
  await results.getByText(/Nguồn gốc/).first().waitFor()
  assert.match(await results.innerText(), /\d+ kết quả/)
  await results.locator('[data-hit="QD26-2026-06:2.1"]').click()
  await page.getByRole('heading', { name: /Bộ tiêu chí số 6: Chế biến từ gạo, ngũ cốc/ }).waitFor()
  await page.screenshot({ path: join(ARTIFACTS, 'criteria-search.png') })
  page.assertNoErrors()
})

test('English is available from settings and the choice is stored', async () => {
  await page.getByText('Cài đặt', { exact: true }).click()
  await page.getByText('English', { exact: true }).click()
  await page.getByText('Interface language').waitFor()
  await page.reload()
  await page.getByText('Criteria sets', { exact: true }).waitFor()
  await page.getByText('Settings', { exact: true }).click()
  await page.getByText('Tiếng Việt', { exact: true }).click()
  await page.getByText('Ngôn ngữ giao diện').waitFor()
  page.assertNoErrors()
})
