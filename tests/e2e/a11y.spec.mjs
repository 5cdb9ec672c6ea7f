// Issue 15: axe-core (WCAG 2 A + AA rules) finds nothing on the main screens of the office, with realistic data
// (a finalized meeting, its certificates). Screenshots at 1366×768 go to tests/e2e/artifacts/a11y-<area>.png.
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { ARTIFACTS, launchBrowser, newPage, startServer, tempDataDir } from './harness.mjs'
import { seedFinalizedMeeting } from './seed.mjs'

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const SCREENS = [
  ['dashboard', '#/', 'dashboard-page'],
  ['rounds', '#/rounds', null],
  ['products', '#/products', 'products-page'],
  ['producers', '#/producers', 'producers-page'],
  ['councils', '#/councils', 'council-list'],
  ['criteria', '#/criteria/QD26-2026-06', null],
  ['reports', '#/reports', 'reports-page'],
  ['inspections', '#/inspections', 'inspections-page'],
  ['verify', '#/verify', null],
  ['settings', '#/settings', 'backup-panel'],
  // Not in the navigation (reached from the dashboard on an empty database): no nav link to wait for.
  ['setup', '#/setup', 'first-run-page']
]

let server, browser, page

before(async () => {
  server = await startServer(tempDataDir())
  browser = await launchBrowser()
  // axe is injected as a script: the app's CSP (script-src 'self') is bypassed for this test page only.
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', bypassCSP: true })
  page = await newPage(context)
  await page.goto(server.url)
  await page.getByRole('heading', { name: 'OCOP Council' }).waitFor()
  await seedFinalizedMeeting(page, server)
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

/** Runs axe over the whole page with the WCAG 2.0/2.1 A and AA rules; returns its violations, one line each. */
async function axe() {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE })
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join('')}`) }))
  })
  return violations
}

for (const [area, hash, testId] of SCREENS)
  test(`axe finds no WCAG 2 A/AA violation on ${hash}`, async () => {
    await page.goto(`${server.origin}/${hash}`)
    await page.reload() // a hash change alone keeps the data loaded before; each screen loads fresh
    if (area !== 'setup') await page.locator(`nav a[data-nav="${area}"][aria-current="page"]`).waitFor()
    if (testId) await page.getByTestId(testId).first().waitFor()
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(600) // charts and lists settle after their data arrives
    await page.screenshot({ path: join(ARTIFACTS, `a11y-${area}.png`) })
    const found = await axe()
    assert.deepEqual(found, [], `${hash}:\n${JSON.stringify(found, null, 2)}`)
    page.assertNoErrors()
  })
