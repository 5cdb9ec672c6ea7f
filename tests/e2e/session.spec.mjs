// Issue 5 "Done when": a session of 5 products, 9 scoring members and a secretary; one member absent, one recused on
// one product; two members score in their own browser contexts via join codes with the keyboard while the secretary
// watches progress only; one product's spread exceeds 10 → re-score round → finalize; both rounds visible.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { join } from 'node:path'
import { ARTIFACTS, launchBrowser, newPage, startServer, tempDataDir } from './harness.mjs'
import { apiOf, leaves, seedProducts } from './seed.mjs'

let server, browser, office
const S = {}

const api = (method, input) => apiOf(office, server)(method, input)

const PRODUCT_NAMES = ['Bánh tráng gạo lứt', 'Bún gạo đỏ', 'Miến dong Đà Lạt', 'Cốm gạo nếp', 'Bột ngũ cốc dinh dưỡng']

const pick = (c, level) => [...c.options].sort((a, b) => a.points - b.points)[level === 'max' ? c.options.length - 1 : 0].id

async function scoreByApi(productId, memberId, level) {
  const sheet = await api('sheets.get', { sessionId: S.sessionId, productId, memberId })
  const saves = leaves(S.set).map((c) => ({ criterionCode: c.code, optionId: pick(c, typeof level === 'function' ? level(c) : level), expectedVersion: sheet.answers.find((a) => a.criterionCode === c.code)?.version ?? 0 }))
  for (const s of saves) await api('sheets.saveAnswer', { sessionId: S.sessionId, productId, memberId, ...s })
  return api('sheets.submit', { sessionId: S.sessionId, productId, memberId })
}

/** A member's own browser context: join with the code, then the sheet driven with the keyboard only. */
async function memberScoresWithKeyboard(code, productIds, shot) {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'vi-VN' })
  const page = await ctx.newPage()
  const errors = []
  page.on('pageerror', (e) => errors.push(e))
  await page.goto(`${server.origin}/#join`)
  await page.getByTestId('join-code').fill(code)
  await page.getByTestId('join').click()
  await page.getByTestId('my-sheets').waitFor()
  for (const productId of productIds) {
    await page.getByTestId(`open-sheet-${productId}`).click()
    const declare = page.getByTestId('declare')
    await Promise.race([declare.waitFor(), page.getByTestId('scoring-sheet').waitFor()])
    if (await declare.isVisible()) await declare.click()
    await page.getByTestId('scoring-sheet').waitFor()
    const codes = await page.locator('[role="radiogroup"][data-criterion]').evaluateAll((els) => els.map((e) => e.getAttribute('data-criterion')))
    await page.locator(`[data-criterion="${codes[0]}"]`).focus()
    for (let i = 0; i < codes.length; i++) {
      const n = await page.locator(`[data-criterion="${codes[i]}"] [role="radio"]:not([data-option-id="NA"])`).count()
      await page.keyboard.press(String(n))
      await page.keyboard.press('Enter')
    }
    await page.waitForFunction(() => document.querySelectorAll('[data-save-state="saving"],[data-save-state="error"]').length === 0)
    assert.equal(await page.locator('[data-save-state="saved"]').count(), codes.length, 'every answer acknowledged')
    if (shot) {
      await page.screenshot({ path: join(ARTIFACTS, 'session-scoring-sheet-end.png') })
      await page.keyboard.press('Home')
      await page.evaluate(() => window.scrollTo(0, 0))
      await page.screenshot({ path: join(ARTIFACTS, 'session-scoring-sheet.png') })
    }
    await page.getByTestId('submit-sheet').click()
    await page.getByTestId('confirm-submit').click()
    await page.getByTestId('sheet-locked').waitFor()
    await page.getByRole('button', { name: 'Quay lại danh sách' }).click()
    await page.locator(`[data-product-id="${productId}"][data-state="submitted"]`).waitFor()
    shot = false
  }
  assert.deepEqual(errors, [])
  await ctx.close()
}

before(async () => {
  const dataDir = tempDataDir()
  server = await startServer(dataDir)
  browser = await launchBrowser()
  office = await newPage(browser)
  await office.goto(server.url)
  await office.getByRole('heading', { name: 'OCOP Council' }).waitFor()
  const info = await api('app.info', {})
  S.products = seedProducts(info.dbFile, PRODUCT_NAMES, 'Hợp tác xã Chè Cầu Đất')
  const roles = ['chair', 'vice_chair', 'member', 'member', 'member', 'member', 'member', 'member', 'member', 'secretary']
  const people = ['Trần Văn An', 'Lê Thị Bích', 'Phạm Văn Cường', 'Nguyễn Thị Dung', 'Hoàng Văn Đức', 'Vũ Thị Giang', 'Đỗ Văn Hải', 'Bùi Thị Hương', 'Đặng Văn Khoa', 'Ngô Thị Lan']
  const c = await api('councils.create', { name: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Lâm Đồng năm 2026', periodFrom: '2026-07-01', periodTo: null, decisionNo: '99/QĐ-UBND', decisionDate: '2026-06-20', signerName: 'Trần Văn Ký', signerTitle: 'Chủ tịch UBND tỉnh', members: roles.map((role, i) => ({ role, fullName: people[i] })) })
  S.versionId = (await api('councils.activate', { id: c.id })).currentVersion.id
  S.set = (await api('criteria.get', { setId: 'QD26-2026-06' })).set
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

test('the secretary plans the session in the UI: round, session, agenda of 5 products', async () => {
  await office.getByText('Đợt/Phiên đánh giá', { exact: true }).click()
  await office.getByLabel('Tên đợt').fill('Đợt 2 năm 2026')
  await office.getByLabel('Hạn hoàn thành').fill('15/12/2026')
  await office.getByTestId('create-round').click()
  const round = office.locator('[data-round-id]').first()
  await round.waitFor()
  await round.locator('[data-testid^="add-session-"]').click()
  await office.getByLabel('Ngày họp').fill('20112026')
  await office.getByLabel('Địa điểm').fill('Hội trường UBND tỉnh Lâm Đồng')
  await office.getByRole('textbox', { name: 'Hội đồng (phiên bản)' }).click()
  await office.getByRole('option', { name: /Hội đồng đánh giá/ }).click()
  await office.getByTestId('create-session').click()
  await office.getByTestId('session-detail').waitFor()
  // All ten tabs on one row at 1366 px, the last one ("Phiếu lấy ý kiến") not cut at the edge.
  const tabs = await office.locator('[role="tablist"]').first().evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth }))
  assert.ok(tabs.scroll <= tabs.client, `session tabs overflow: ${tabs.scroll} > ${tabs.client}`)
  for (const id of S.products) await office.locator(`[data-product-id="${id}"] input[type="checkbox"]`).check()
  await office.getByTestId('save-agenda').click()
  await office.getByText('5 sản phẩm', { exact: false }).first().waitFor()
  const sessions = await api('sessions.list', {})
  S.sessionId = sessions[0].id
  const s = await api('sessions.get', { id: S.sessionId })
  assert.equal(s.agenda.length, 5)
  S.members = s.members
  S.scorers = s.members.filter((m) => m.scores)
  assert.equal(S.scorers.length, 9)
  office.assertNoErrors()
})

test('roll-call with one absent (reason and written opinion recorded), conflicts with one recusal, scoring opens', async () => {
  // Before the session is opened the roll-call says so and nothing in it can be used.
  await office.getByTestId('tab-attendance').click()
  await office.getByTestId('attendance-draft').waitFor()
  assert.ok(await office.getByTestId('all-present').isDisabled(), '"Tất cả có mặt" is disabled before the session is opened')
  assert.ok(await office.getByRole('textbox', { name: /Giờ rời phiên của/ }).first().isDisabled(), 'the HH:MM field is disabled before the session is opened')
  assert.equal(await office.locator('[data-testid="attendance"] th').nth(3).innerText(), 'Giờ rời phiên (HH:MM)')
  await office.getByTestId('status-open').click()
  await office.getByTestId('attendance-draft').waitFor({ state: 'detached' })
  S.absent = S.scorers[8]
  const absentRow = office.locator(`[data-testid="attendance"] [data-member-id="${S.absent.id}"]`)
  await absentRow.getByText('Vắng', { exact: true }).click()
  await office.locator(`[data-testid="attendance"] [data-member-id="${S.absent.id}"][data-attendance="absent"]`).waitFor()
  // "Tất cả có mặt" calls everyone not yet called, and leaves the absent member absent.
  await office.getByTestId('all-present').click()
  for (const m of S.members)
    await office.locator(`[data-testid="attendance"] [data-member-id="${m.id}"][data-attendance="${m.id === S.absent.id ? 'absent' : 'present'}"]`).waitFor()
  assert.ok(await office.getByTestId('all-present').isDisabled(), 'nothing left to call')
  // Large targets: the state switch of each row is at least 44 px high.
  const heights = await office.locator('[data-testid="attendance"] [data-member-id] .mantine-SegmentedControl-root').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))
  assert.ok(heights.length === S.members.length && heights.every((h) => h >= 40), `roll-call switches: ${heights.join(', ')}`)
  await office.getByTestId(`absenceReason-${S.absent.id}`).fill('Đi công tác theo kế hoạch của Sở')
  await office.getByTestId(`proxyNote-${S.absent.id}`).click()
  await office.getByTestId(`proxyNote-${S.absent.id}`).fill('Gửi ý kiến bằng văn bản ngày 19/11')
  await office.keyboard.press('Tab')
  for (let i = 0; i < 50; i++) {
    const got = (await api('attendance.get', { sessionId: S.sessionId })).members.find((m) => m.memberId === S.absent.id)
    if (got.absenceReason && got.proxyNote) break
    await new Promise((r) => setTimeout(r, 100))
  }
  assert.deepEqual(
    ((m) => [m.absenceReason, m.proxyNote])((await api('attendance.get', { sessionId: S.sessionId })).members.find((m) => m.memberId === S.absent.id)),
    ['Đi công tác theo kế hoạch của Sở', 'Gửi ý kiến bằng văn bản ngày 19/11']
  )
  await office.setViewportSize({ width: 1366, height: 768 })
  await office.screenshot({ path: join(ARTIFACTS, 'roll-call-1366.png'), fullPage: true })
  await office.setViewportSize({ width: 1366, height: 860 })
  await office.locator('[data-testid="quorum"][data-holds="true"]').waitFor()
  S.present = S.scorers.filter((m) => m.id !== S.absent.id)
  S.recused = S.present[2]
  for (const m of S.present.slice(2))
    for (const p of S.products)
      await api('conflicts.declare', m.id === S.recused.id && p === S.products[0] ? { sessionId: S.sessionId, productId: p, memberId: m.id, kind: 'family', text: 'Anh ruột của chủ thể' } : { sessionId: S.sessionId, productId: p, memberId: m.id, kind: 'none', text: '' })
  await office.getByTestId('status-scoring').click()
  await office.locator('[data-testid="session-detail"][data-status="scoring"]').waitFor()
  office.assertNoErrors()
})

test('two members score with the keyboard in their own windows while the secretary sees only who submitted', async () => {
  const codes = []
  await office.getByTestId('tab-joinCodes').click()
  for (const m of S.present.slice(0, 2)) {
    await office.getByTestId(`issue-code-${m.id}`).click()
    codes.push(await office.getByTestId(`join-code-${m.id}`).innerText())
  }
  await memberScoresWithKeyboard(codes[0], S.products, true)
  await office.getByTestId('tab-progress').click()
  await office.locator(`[data-testid="progress"] [data-product-id="${S.products[0]}"] [data-member-id="${S.present[0].id}"][data-state="submitted"]`).waitFor()
  const text = await office.getByTestId('progress').locator('table').innerText()
  assert.doesNotMatch(text, /điểm|\b\d{2}\b/, 'no totals while sealed')
  await office.screenshot({ path: join(ARTIFACTS, 'session-progress.png'), fullPage: true })
  await memberScoresWithKeyboard(codes[1], S.products, false)
  office.assertNoErrors()
})

test('the other members are filled through the API; one product spreads over 10 → re-score → finalize; both rounds shown', async () => {
  const rest = S.present.slice(2)
  for (const p of S.products)
    for (const [i, m] of rest.entries()) {
      if (p === S.products[0] && m.id === S.recused.id) continue
      await scoreByApi(p, m.id, p === S.products[0] && i === 1 ? 'min' : 'max')
    }
  await office.getByTestId('tab-review').click()
  const over = office.locator(`[data-testid="review-matrix"] [data-product-id="${S.products[0]}"][data-over-spread="true"]`)
  await over.waitFor()
  assert.ok(Number(await over.locator('[data-spread]').innerText()) > 10)
  await office.screenshot({ path: join(ARTIFACTS, 'session-review-matrix.png'), fullPage: true })
  await over.click()
  await office.getByLabel('Lý do mở vòng chấm lại').fill('Chênh lệch vượt 10 điểm')
  await office.getByTestId('open-rescore').click()
  await office.locator(`[data-testid="review-matrix"] [data-product-id="${S.products[0]}"]`).getByText('Đang chấm lại').waitFor()
  for (const m of S.present) if (m.id !== S.recused.id) await scoreByApi(S.products[0], m.id, 'max')
  await api('sessions.setStatus', { id: S.sessionId, to: 'review' })
  await office.getByTestId('tab-agenda').click()
  await office.getByTestId('tab-review').click()
  const cell = office.locator(`[data-testid="review-matrix"] [data-product-id="${S.products[0]}"] [data-member-id="${S.present[0].id}"]`)
  await cell.waitFor()
  assert.equal((await cell.getAttribute('data-rounds')).split(',').length, 2, 'round 1 is kept and shown')
  await office.screenshot({ path: join(ARTIFACTS, 'session-review-rescored.png'), fullPage: true })
  await office.getByTestId('tab-finalize').click()
  await office.getByTestId('finalize-button').click()
  await office.getByTestId('finalize-confirm').click()
  await office.getByTestId('results').waitFor()
  const results = await api('results.list', { sessionId: S.sessionId })
  assert.equal(results.length, 5)
  const rated = await api('results.get', { sessionId: S.sessionId, productId: S.products[0] })
  assert.equal(rated.rating.rounds.length, 2)
  await office.locator('[data-testid="audit-status"][data-intact="true"]').waitFor()
  await office.locator('[data-testid="audit-list"] [data-kind="session.finalize"]').waitFor()
  await office.screenshot({ path: join(ARTIFACTS, 'session-finalized.png'), fullPage: true })
  office.assertNoErrors()
})
