// Issue 13 item 8: the member's UI on a tablet, portrait 768×1024 and landscape 1024×768, with touch. At each size
// the join screen, the member's list, the sheet (options, comment, submit), the confirmation and "sản phẩm tiếp theo"
// are measured: no horizontal scrolling and every visible interactive element at least 44 px high and wide (the
// WCAG 2.5.5 / Apple HIG touch target). Screenshots of each screen go to tests/e2e/artifacts/ for a look by eye.
// Runs on the loopback address (no LAN needed): the layout is the same whichever way the device reached the server.
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { ARTIFACTS, launchBrowser, newPage, startServer, tempDataDir } from './harness.mjs'
import { apiOf, leaves, seedOpenSession } from './seed.mjs'

const MIN = 44
const SIZES = [
  { name: 'portrait', width: 768, height: 1024 },
  { name: 'landscape', width: 1024, height: 768 }
]
let server, browser, office
const S = {}
const api = (method, input) => apiOf(office, server)(method, input)

/** Interactive elements in view that are smaller than the touch target, and whether the page scrolls sideways. */
async function measure(page) {
  return page.evaluate((min) => {
    const selector = 'button, a[href], input:not([type=hidden]), textarea, select, [role="radio"], [role="checkbox"], [role="button"], [data-option-id]'
    const small = []
    for (const e of document.querySelectorAll(selector)) {
      const r = e.getBoundingClientRect()
      const style = getComputedStyle(e)
      if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || e.closest('[aria-hidden="true"]')) continue
      // A native radio or checkbox inside an option row is not the target: the row is (measured via [data-option-id]).
      if ((e.type === 'radio' || e.type === 'checkbox') && e.closest('[data-option-id]')) continue
      // Otherwise its target is the box with its label (tapping the label toggles it).
      const area = [r, ...[...(e.labels ?? [])].map((l) => l.getBoundingClientRect())].reduce((a, b) => ({
        left: Math.min(a.left, b.left), right: Math.max(a.right, b.right), top: Math.min(a.top, b.top), bottom: Math.max(a.bottom, b.bottom)
      }))
      const [w, h] = [area.right - area.left, area.bottom - area.top]
      if (h < min - 0.5 || w < min - 0.5) small.push(`${e.tagName.toLowerCase()}[${e.getAttribute('data-testid') ?? e.getAttribute('aria-label') ?? (e.textContent ?? '').trim().slice(0, 30)}] ${Math.round(w)}×${Math.round(h)}`)
    }
    return { small, scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }
  }, MIN)
}

async function check(page, label) {
  await page.screenshot({ path: join(ARTIFACTS, `member-tablet-${label}.png`) })
  const m = await measure(page)
  assert.ok(m.scrollWidth <= m.innerWidth, `${label}: horizontal scrolling (${m.scrollWidth} > ${m.innerWidth})`)
  assert.deepEqual(m.small, [], `${label}: touch targets under ${MIN} px`)
}

before(async () => {
  server = await startServer(tempDataDir())
  browser = await launchBrowser()
  office = await newPage(browser)
  await office.goto(server.url)
  await office.getByRole('heading', { name: 'OCOP Council' }).waitFor()
  Object.assign(S, await seedOpenSession(api))
  await api('sessions.setStatus', { id: S.sessionId, to: 'scoring' })
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

for (const [k, size] of SIZES.entries()) {
  test(`tablet ${size.name} ${size.width}×${size.height}: join, list, sheet, submit and next product are touch-sized, no sideways scroll`, async () => {
    const member = S.scorers[k]
    const { code } = await api('joinCodes.issue', { sessionId: S.sessionId, memberId: member.id })
    const ctx = await browser.newContext({ viewport: { width: size.width, height: size.height }, locale: 'vi-VN', hasTouch: true, isMobile: true })
    const page = await ctx.newPage()
    const errors = []
    page.on('pageerror', (e) => errors.push(e.message))
    try {
      await page.goto(`${server.origin}/#join=${code}`)
      await page.getByTestId('join-code').waitFor()
      await check(page, `${size.name}-join`)
      await page.getByTestId('join').tap()
      await page.getByTestId('my-sheets').waitFor()
      await check(page, `${size.name}-list`)
      await page.getByTestId(`open-sheet-${S.products[0]}`).tap()
      await page.locator('[data-testid="scoring-sheet"]:not([data-readonly])').waitFor()
      await check(page, `${size.name}-sheet`)
      // Answer every criterion by touch: the lowest option of each.
      for (const c of leaves(S.set)) {
        const lowest = [...c.options].sort((a, b) => a.points - b.points)[0]
        const option = page.locator(`[data-criterion="${c.code}"] [data-option-id="${lowest.id}"]`).first()
        await option.scrollIntoViewIfNeeded()
        await option.tap()
      }
      await page.waitForFunction(() => document.querySelectorAll('[data-save-state="saving"],[data-save-state="error"],[data-save-state="dirty"]').length === 0, null, { timeout: 30000 })
      await page.getByTestId('submit-sheet').scrollIntoViewIfNeeded()
      await check(page, `${size.name}-sheet-filled`)
      await page.getByTestId('submit-sheet').tap()
      await page.getByTestId('confirm-body').waitFor()
      // The modal fades in: measure and photograph it once it has settled.
      await page.waitForFunction(() => getComputedStyle(document.querySelector('.mantine-Modal-content')).opacity === '1')
      await check(page, `${size.name}-confirm`)
      await page.getByTestId('confirm-submit').tap()
      await page.getByTestId('next-product').waitFor()
      await page.getByTestId('confirm-body').waitFor({ state: 'detached' })
      await check(page, `${size.name}-submitted`)
      await page.getByTestId('next-product').tap()
      await page.locator('[data-testid="scoring-sheet"]:not([data-submitted])').waitFor()
      assert.deepEqual(errors, [])
    } finally {
      await ctx.close()
    }
    const sheet = await api('sheets.get', { sessionId: S.sessionId, productId: S.products[0], memberId: member.id })
    assert.ok(sheet.submittedAt, 'the sheet was submitted by touch')
  })
}
