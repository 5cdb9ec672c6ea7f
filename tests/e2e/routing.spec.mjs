// Issue 15: every screen and record has an address. F5 on a record stays on it, Back returns to the list, the
// sidebar is real links reachable with Tab, and its active item on a record leads back to the list.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { launchBrowser, newPage, startServer, tempDataDir } from './harness.mjs'
import { seedFinalizedMeeting } from './seed.mjs'

let server, browser, page, seeded

before(async () => {
  server = await startServer(tempDataDir())
  browser = await launchBrowser()
  page = await newPage(browser)
  await page.goto(server.url)
  await page.getByRole('heading', { name: 'OCOP Council' }).waitFor()
  seeded = await seedFinalizedMeeting(page, server, ['Bánh tráng gạo lứt', 'Miến dong Đà Lạt'])
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

const hash = () => page.evaluate(() => window.location.hash)

test('a product opened from the list keeps its address through F5; Back returns to the list', async () => {
  await page.locator('nav a[data-nav="products"]').click()
  await page.getByTestId('products-page').waitFor()
  await page.getByRole('link', { name: '68-24778-002-2026' }).click()
  await page.getByText('Miến dong Đà Lạt').first().waitFor()
  assert.equal(await hash(), `#/products/${seeded.products[1]}`)
  await page.reload()
  await page.getByText('Miến dong Đà Lạt').first().waitFor()
  assert.equal(await hash(), `#/products/${seeded.products[1]}`)
  await page.goBack()
  await page.getByTestId('products-page').waitFor()
  assert.equal(await hash(), '#/products')
  page.assertNoErrors()
})

test('a session tab survives F5, and the active menu item on the session leads back to the rounds list', async () => {
  await page.goto(`${server.origin}/#/rounds/${seeded.sessionId}`)
  await page.getByTestId('session-detail').waitFor()
  await page.getByTestId('tab-review').click()
  assert.equal(await hash(), `#/rounds/${seeded.sessionId}/review`)
  await page.reload()
  await page.getByTestId('session-detail').waitFor()
  assert.equal(await page.getByTestId('tab-review').getAttribute('aria-selected'), 'true')
  await page.locator('nav a[data-nav="rounds"][aria-current="page"]').click()
  await page.locator(`[data-session-id="${seeded.sessionId}"]`).waitFor()
  assert.equal(await hash(), '#/rounds')
  page.assertNoErrors()
})

test('keyboard: the skip link comes first and moves focus to the page; the sidebar links are tab stops with addresses', async () => {
  await page.goto(`${server.origin}/#/councils`)
  await page.reload() // a fresh window: focus starts at the top of the document
  await page.getByTestId('council-list').waitFor()
  await page.keyboard.press('Tab')
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Bỏ qua, đến nội dung chính')
  assert.ok(await page.evaluate(() => getComputedStyle(document.activeElement).top !== '-48px'), 'the skip link is visible when focused')
  await page.keyboard.press('Enter')
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'noi-dung')
  const hrefs = await page.locator('nav a[data-nav]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
  assert.deepEqual(hrefs, ['#/', '#/rounds', '#/products', '#/producers', '#/councils', '#/criteria', '#/reports', '#/inspections', '#/verify', '#/settings'])
  await page.locator('nav a[data-nav="criteria"]').focus()
  await page.keyboard.press('Enter')
  await page.locator('nav a[data-nav="criteria"][aria-current="page"]').waitFor()
  assert.equal(await hash(), '#/criteria')
  page.assertNoErrors()
})
