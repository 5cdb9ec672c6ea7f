// Issue 15: axe-core (WCAG 2 A + AA rules) finds nothing on the main screens of the office, with realistic data
// (a finalized meeting, its certificates). Screenshots at 1366×768 go to tests/e2e/artifacts/a11y-<area>.png.
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { ARTIFACTS, launchBrowser, newPage, startServer, tempDataDir } from './harness.mjs'
import { apiOf, seedFinalizedMeeting } from './seed.mjs'

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

// The inner screens of a record or a page (issue 15): every tab of the finalized session, the report and inspection
// tabs, and the product, producer and council records; `{session}`, `{product}`, … are the seeded ids.
const SESSION_INNER = ['agenda', 'attendance', 'conflicts', 'joinCodes', 'progress', 'paper', 'review', 'finalize', 'documents', 'opinions']
const INNER = [
  ...SESSION_INNER.map((tab) => ['rounds', `#/rounds/{session}/${tab}`, 'session-detail']),
  ...['exports', 'five-star', 'members', 'signing', 'blocking', 'periodic'].map((tab) => ['reports', `#/reports/${tab}`, 'reports-page']),
  ['inspections', '#/inspections/records', 'inspections-page'],
  ['inspections', '#/inspections/summary', 'inspections-page'],
  ['products', '#/products/{product}', null],
  ['producers', '#/producers/{producer}', null],
  ['councils', '#/councils/{council}', null]
]

let server, browser, page, ids

before(async () => {
  server = await startServer(tempDataDir())
  browser = await launchBrowser()
  // axe is injected as a script: the app's CSP (script-src 'self') is bypassed for this test page only.
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', bypassCSP: true })
  page = await newPage(context)
  await page.goto(server.url)
  await page.getByRole('heading', { name: 'OCOP Council' }).waitFor()
  const seeded = await seedFinalizedMeeting(page, server)
  // One inspection with a failed item and a passed deadline: the dashboard's inspection card shows its chart, table and link.
  const recognised = seeded.results.find((r) => r.stars !== null && r.stars >= 3 && r.stars < 5)
  const day = (n) => {
    const d = new Date(`${new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date())}T00:00:00Z`)
    d.setUTCDate(d.getUTCDate() - n)
    return d.toISOString().slice(0, 10)
  }
  const items = ['quality-standard', 'legal-papers', 'production-conditions', 'capacity', 'traceability', 'label-mark', 'promotion']
  await apiOf(page, server)('inspections.record', {
    productId: recognised.productId, planId: null, kind: 'ad-hoc', inspectedOn: day(3), team: 'Sở Nông nghiệp và Môi trường',
    findings: items.map((item, i) => (i === 0 ? { item, result: 'fail', note: 'Phiếu kiểm nghiệm hết hiệu lực' } : { item, result: 'pass', note: '' })),
    outcome: 'recommendations', recommendation: 'Kiểm nghiệm lại sản phẩm', deadline: day(1)
  })
  const product = await apiOf(page, server)('products.get', { id: seeded.products[0] })
  ids = { session: seeded.sessionId, product: seeded.products[0], producer: product.producerId, council: seeded.councilId }
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

for (const [area, pattern, testId] of [...SCREENS, ...INNER])
  test(`axe finds no WCAG 2 A/AA violation on ${pattern}`, async () => {
    const hash = pattern.replace(/\{(\w+)\}/g, (_, k) => String(ids[k]))
    const shot = SCREENS.some((s) => s[1] === pattern) ? area : pattern.slice(2).replace(/\{\w+\}/g, 'id').replace(/\//g, '-')
    await page.goto(`${server.origin}/${hash}`)
    await page.reload() // a hash change alone keeps the data loaded before; each screen loads fresh
    if (area !== 'setup') await page.locator(`nav a[data-nav="${area}"][aria-current="page"]`).waitFor()
    if (testId) await page.getByTestId(testId).first().waitFor()
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(600) // charts and lists settle after their data arrives
    await page.screenshot({ path: join(ARTIFACTS, `a11y-${shot}.png`) })
    const found = await axe()
    assert.deepEqual(found, [], `${hash}:\n${JSON.stringify(found, null, 2)}`)
    page.assertNoErrors()
  })
