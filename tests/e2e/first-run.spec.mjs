// Issue 12 item 7: an empty database opens Thiết lập ban đầu, not a dashboard of zeros. At 1366×768 the office sets
// the province by keyboard, finishes, and lands on the dashboard; reopening the app goes straight to the dashboard.
// Screenshots: tests/e2e/artifacts/first-run*.png.
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { ARTIFACTS, launchBrowser, newPage, startServer, tempDataDir } from './harness.mjs'

let server, browser, page

before(async () => {
  server = await startServer(tempDataDir())
  browser = await launchBrowser()
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' })
  page = await newPage(context)
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

const api = (method, input) =>
  page.evaluate(async ([m, i]) => (await fetch(`/api/${m}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(i) })).json(), [method, input])

test('an empty database: set-up by keyboard, then the dashboard', async () => {
  await page.goto(server.url)
  const setup = page.getByTestId('first-run-page')
  await setup.waitFor()
  assert.match(await page.evaluate(() => location.hash), /^#\/setup/)
  await page.screenshot({ path: join(ARTIFACTS, 'first-run.png') })

  // "Hoàn tất" without a province says what is missing and stays.
  await page.getByTestId('first-run-finish').focus()
  await page.keyboard.press('Enter')
  await page.getByTestId('first-run-error').getByText(/Hãy chọn tỉnh/).waitFor()

  // Step 1 by keyboard: type in the province box, pick with Enter, Tab to «Lưu», Enter.
  const province = page.getByTestId('province-settings')
  await province.getByRole('textbox', { name: /Tỉnh\/Thành phố/ }).focus()
  await page.keyboard.type('lam dong')
  await page.getByRole('option', { name: 'Tỉnh Lâm Đồng' }).waitFor()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  const save = province.getByRole('button', { name: 'Lưu' })
  for (let i = 0; i < 12 && !(await save.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  await province.getByText(/Đã lưu/).waitFor()
  const saved = (await api('settings.getProvince', {})).value
  assert.equal(saved.provinceCode, '68')
  await page.screenshot({ path: join(ARTIFACTS, 'first-run-province.png'), fullPage: true })

  // Finish by keyboard: focus moves on with Tab to «Hoàn tất».
  const finish = page.getByTestId('first-run-finish')
  for (let i = 0; i < 80 && !(await finish.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab')
  assert.ok(await finish.evaluate((b) => b === document.activeElement), '«Hoàn tất» reachable by Tab')
  await page.keyboard.press('Enter')
  await page.getByTestId('dashboard-page').waitFor()
  assert.equal(await page.evaluate(() => location.hash), '#/')
  const status = (await api('settings.firstRun', {})).value
  assert.equal(status.needed, false)
  assert.equal(status.skipped, false)
  await page.waitForTimeout(500)
  await page.screenshot({ path: join(ARTIFACTS, 'first-run-done.png') })

  // Reopened: the dashboard, not the set-up.
  await page.reload()
  await page.getByTestId('dashboard-page').waitFor()
  await page.waitForTimeout(800)
  assert.equal(await page.getByTestId('first-run-page').count(), 0)
  page.assertNoErrors()
})
