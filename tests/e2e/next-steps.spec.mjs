// Issue 15, the rest of the usability section in Chromium at 1366×768: the "what next" panel after finalization (each
// step's state from the records, each link to its exact screen), certificates issued from the session with the
// register's decision number prefilled and printed from the list, and large text set in Cài đặt, kept over a reload,
// with no button cut on the main screens. Screenshots go to tests/e2e/artifacts/next-*.png and large-*.png.
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { ARTIFACTS, launchBrowser, newPage, startServer, tempDataDir } from './harness.mjs'
import { apiOf, seedFinalizedMeeting } from './seed.mjs'

let server, browser, context, page, api, seeded

before(async () => {
  server = await startServer(tempDataDir())
  browser = await launchBrowser()
  context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' })
  page = await newPage(context)
  await page.goto(server.url)
  await page.getByRole('heading', { name: 'OCOP Council' }).waitFor()
  seeded = await seedFinalizedMeeting(page, server)
  api = apiOf(page, server)
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

async function open(hash, testId) {
  await page.goto(`${server.origin}/${hash}`)
  await page.reload()
  await page.getByTestId(testId).first().waitFor()
  await page.waitForLoadState('networkidle')
}
const stepStates = () =>
  page.$$eval('[data-testid="next-steps"] li', (lis) => Object.fromEntries(lis.map((li) => [li.dataset.step, li.dataset.state])))

test('what next after finalization: states from the records, links to the exact screens', async () => {
  const sid = seeded.sessionId
  await open(`#/rounds/${sid}/finalize`, 'next-steps')
  // The seed issued the report, tờ trình and decision and then the certificates; the minutes are not issued, nothing signed.
  assert.deepEqual(await stepStates(), { minutes: 'todo', sign: 'todo', certificates: 'done', exports: 'todo' })
  const decision = (await api('documents.issues', { sessionId: sid })).find((d) => d.kind === 'decision')
  // The province certifies 3 and 4 stars; 5-star products go to the ministry.
  const certs = (await api('certificates.list', { filter: 'all' })).filter((c) => c.sessionId === sid)
  assert.ok(certs.length > 0)
  assert.match(await page.getByTestId('next-detail-certificates').innerText(), new RegExp(`Đã cấp ${certs.length} giấy chứng nhận theo quyết định ${decision.number}`))
  await page.screenshot({ path: join(ARTIFACTS, 'next-finalize.png') })

  await page.getByTestId('next-go-minutes').click()
  await page.getByTestId('documents-tab').waitFor()
  assert.equal(new URL(page.url()).hash, `#/rounds/${sid}/documents`)

  // Issued in the register, the minutes step reads done on the next visit.
  await api('documents.issue', { sessionId: sid, kind: 'minutes' })
  await open(`#/rounds/${sid}/finalize`, 'next-steps')
  assert.equal((await stepStates()).minutes, 'done')

  await page.getByTestId('next-go-certificates').click()
  await page.getByTestId('issue-form').waitFor()
  assert.equal(new URL(page.url()).hash, `#/reports/certificates/${sid}`)
  await page.waitForFunction((n) => document.querySelector('[data-testid="issue-decision-no"]')?.value === n, decision.number)
  await page.getByTestId('certificate-table').waitFor()
  // The status badge is whole at 1366 px, and each certificate of the session has its print action.
  const badges = await page.$$eval('[data-testid="certificate-table"] tbody .mantine-Badge-root', (els) => els.map((e) => ({ text: e.textContent, cut: e.scrollWidth > e.clientWidth + 1 })))
  assert.ok(badges.length >= certs.length)
  assert.deepEqual(badges.filter((b) => b.cut), [])
  const printButtons = page.locator('[data-testid^="cert-print-"]')
  assert.equal(await printButtons.count(), certs.length)
  await page.screenshot({ path: join(ARTIFACTS, 'next-certificates.png') })
  // In the browser the certificate's PDF opens in a new tab, where the viewer prints it.
  const [tab] = await Promise.all([context.waitForEvent('page'), printButtons.first().click()])
  await tab.waitForURL(/^blob:/)
  await tab.close()

  await page.goBack() // Back returns to the session's finalize tab
  await page.getByTestId('next-steps').waitFor()
  await page.getByTestId('next-go-exports').click()
  await page.locator('[data-testid="tab-exports"][aria-selected="true"]').waitFor()
  assert.equal(new URL(page.url()).hash, '#/reports/exports')
  page.assertNoErrors()
})

const MAIN = [
  ['dashboard', '#/', 'dashboard-page'],
  ['rounds', '#/rounds', 'create-round'],
  ['session', '#/rounds/{session}/finalize', 'next-steps'],
  ['agenda', '#/rounds/{session}/agenda', 'agenda'],
  ['products', '#/products', 'products-page'],
  ['producers', '#/producers', 'producers-page'],
  ['councils', '#/councils', 'council-list'],
  ['reports', '#/reports', 'certificate-table'],
  ['inspections', '#/inspections', 'inspections-page'],
  ['settings', '#/settings', 'display-settings']
]

test('large text is set in Cài đặt, kept over a reload, and cuts no button on the main screens', async () => {
  await open('#/settings', 'display-settings')
  const setting = page.getByTestId('settings-large-text')
  if (!(await setting.isChecked())) await setting.check()
  await page.reload()
  await page.getByTestId('display-settings').waitFor()
  assert.equal(await page.getByTestId('settings-large-text').isChecked(), true)
  assert.equal(await page.getByTestId('large-text').isChecked(), true, 'the header switch shows the same preference')
  assert.equal(await page.evaluate(() => document.documentElement.dataset.largeText), 'true')

  for (const [name, pattern, testId] of MAIN) {
    await open(pattern.replace('{session}', String(seeded.sessionId)), testId)
    await page.waitForTimeout(400)
    await page.screenshot({ path: join(ARTIFACTS, `large-${name}.png`) })
    // A cut button: its label wider than the button, or the button past the window's right edge (outside any region
    // that scrolls sideways on purpose, like a wide table).
    const cut = await page.$$eval('button, a[role="button"], a.mantine-Button-root', (els) =>
      els
        .filter((e) => e.offsetParent !== null)
        .filter((e) => {
          const r = e.getBoundingClientRect()
          let scrolls = false
          for (let p = e.parentElement; p; p = p.parentElement) if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX) && p.scrollWidth > p.clientWidth) scrolls = true
          const label = e.querySelector('.mantine-Button-label') ?? e
          return label.scrollWidth > label.clientWidth + 1 || (!scrolls && r.right > window.innerWidth + 1)
        })
        .map((e) => e.textContent?.trim() || e.getAttribute('aria-label'))
    )
    assert.deepEqual(cut, [], `${pattern}: cut buttons at large text`)
  }
  page.assertNoErrors()
})
