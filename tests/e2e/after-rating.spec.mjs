// Issue 14 in Chromium: a finalized product below 5★ gets its improvement advice under Chốt kết quả; a recognised
// product is planned for post-recognition inspection, inspected with one failed commitment and a deadline already
// passed (overdue in the summary and on the dashboard card, linking to the record); the periodic report shows what the
// API counts for the year; the recognised product is registered for an upgrade on its product page (the real path,
// no SQL), comes back on a new session, its member's sheet shows the previous evaluation, and the new session's
// certificate replaces the one it held (RULES 27a), shown on the product page with the link to the new one. A 2★
// product (not recognised) gets its advice and its numbered Phiếu góp ý as a PDF; the overdue inspection is followed
// up with a revocation proposal, its biên bản numbered, and the certificate revoked citing it (RULES D6).
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { ARTIFACTS, launchBrowser, newPage, startServer, tempDataDir } from './harness.mjs'
import { apiOf, leaves, pickOption, seedFinalizedMeeting } from './seed.mjs'

let server, browser, page, seeded
const LOW_PRODUCT = 'Mứt hồng sấy dẻo'
const api = (method, input) => apiOf(page, server)(method, input)
const vnToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date())
/** `YYYY-MM-DD` n days before today (Vietnam), typed as the office does: dd/mm/yyyy. */
const typedDaysAgo = (n) => {
  const d = new Date(`${vnToday()}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - n)
  const iso = d.toISOString().slice(0, 10)
  return { iso, typed: iso.split('-').reverse().join('/') }
}

/** The open record form: the day, the team, and the quality standard not met with its note (the other items pass). */
async function fillFailedQuality(typedDay, note) {
  const form = page.getByTestId('inspection-form')
  await form.waitFor()
  await form.getByTestId('inspected-on').fill(typedDay)
  await page.keyboard.press('Tab')
  await form.getByRole('textbox', { name: 'Thành phần đoàn kiểm tra' }).fill('Sở Nông nghiệp và Môi trường; Chi cục Chất lượng')
  await form.locator('tr[data-item="quality-standard"]').getByText('Không đạt').click()
  await form.getByRole('textbox', { name: /Ghi chú: Tiêu chuẩn chất lượng/ }).fill(note)
  return form
}

before(async () => {
  server = await startServer(tempDataDir())
  browser = await launchBrowser()
  page = await newPage(browser)
  await page.goto(server.url)
  await page.getByRole('heading', { name: 'OCOP Council' }).waitFor()
  seeded = await seedFinalizedMeeting(page, server, ['Bánh tráng gạo lứt', 'Miến dong Đà Lạt', LOW_PRODUCT], ['mid', 'max', 'low'])
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

test('Chốt kết quả: the recognised product gets the fewest improvements to its next star, as the API computes them', async () => {
  const recognised = seeded.results.find((r) => r.stars !== null && r.stars >= 3 && r.stars < 5)
  assert.ok(recognised, 'the seeded meeting has a 3–4★ product')
  const expected = await api('advice.product', { sessionId: seeded.sessionId, productId: recognised.productId, feasible: [] })
  assert.ok(expected.plan && expected.plan.changes.length > 0)
  await page.goto(`${server.origin}/#/rounds/${seeded.sessionId}/finalize`)
  await page.getByTestId('finalized').waitFor()
  await page.locator(`[data-testid="results"] tr[data-product-id="${recognised.productId}"]`).getByTestId('advice-open').click()
  const panel = page.getByTestId('advice-panel')
  await panel.getByTestId('advice-table').waitFor()
  const rows = await panel.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-criterion')))
  assert.deepEqual(rows, expected.plan.changes.map((c) => c.criterionCode))
  assert.match(await panel.getByTestId('advice-summary').innerText(), new RegExp(`Để đạt ${expected.target} sao`))
  await page.screenshot({ path: join(ARTIFACTS, 'after-rating-advice.png'), fullPage: true })
  page.assertNoErrors()
})

test('Kiểm tra sau công nhận: plan proposed and saved, record with a failed item and a passed deadline, overdue in the summary', async () => {
  const year = Number(vnToday().slice(0, 4))
  await page.goto(`${server.origin}/#/inspections`)
  await page.getByTestId('inspections-page').waitFor()
  await page.getByTestId('plan-propose').click()
  await page.getByTestId('plan-candidates').locator('tbody tr').first().waitFor()
  await page.getByTestId('plan-create').click()
  const plan = page.getByTestId('plan')
  await plan.waitFor()
  const planned = await api('inspections.plans', { year })
  assert.equal(planned.length, 1)
  const productId = planned[0].items[0].productId
  // The plan's Decree 30 document: "Cấp số" confirms the number the register gives, then the plan shows it.
  const planDoc = `plan-doc-${planned[0].id}`
  await page.getByTestId(`${planDoc}-issue`).click()
  await page.getByTestId(`${planDoc}-confirm-text`).getByText('01/KH-').waitFor()
  await page.getByTestId(`${planDoc}-confirm`).click()
  const planNumber = (await api('officeDocuments.status', { ref: { kind: 'inspection-plan', planId: planned[0].id } })).assigned
  assert.match(planNumber, /^01\/KH-/)
  await page.getByTestId(`${planDoc}-number`).getByText(`Số: ${planNumber}`).waitFor()

  await plan.locator(`tr[data-product-id="${productId}"]`).getByRole('button', { name: 'Ghi biên bản' }).click()
  const inspected = typedDaysAgo(3)
  const deadline = typedDaysAgo(1)
  const form = await fillFailedQuality(inspected.typed, 'Phiếu kiểm nghiệm đã hết hiệu lực')
  await form.getByRole('radio', { name: /Có khuyến nghị khắc phục/ }).check()
  await form.getByRole('textbox', { name: 'Nội dung khuyến nghị khắc phục' }).fill('Kiểm nghiệm lại sản phẩm và nộp kết quả')
  await form.getByTestId('deadline').fill(deadline.typed)
  await page.keyboard.press('Tab')
  await form.getByTestId('inspection-save').click()
  await form.waitFor({ state: 'detached' })

  const records = await api('inspections.list', { year })
  assert.equal(records.length, 1)
  assert.deepEqual([records[0].inspectedOn, records[0].deadline, records[0].outcome], [inspected.iso, deadline.iso, 'recommendations'])
  assert.equal(records[0].findings.find((f) => f.item === 'quality-standard').result, 'fail')

  await page.getByTestId('tab-summary').click()
  await page.getByTestId('stat-planned').getByText('1/1').waitFor()
  assert.equal(await page.getByTestId('overdue').count(), 1)
  await page.screenshot({ path: join(ARTIFACTS, 'after-rating-inspection-summary.png'), fullPage: true })
  page.assertNoErrors()
})

test('Báo cáo định kỳ: the year on screen equals what the API counts', async () => {
  const year = Number(vnToday().slice(0, 4))
  const report = await api('reports.periodic', { from: `${year}-01-01`, to: `${year}-12-31` })
  await page.goto(`${server.origin}/#/reports`)
  await page.getByTestId('reports-page').waitFor()
  await page.getByTestId('tab-periodic').click()
  await page.getByTestId('periodic-panel').getByText('Cả năm').click()
  const evaluations = page.getByTestId('periodic-evaluations')
  await evaluations.getByText(`Sản phẩm được Hội đồng đánh giá, phân hạng`).waitFor()
  await page.getByText(`đến 31/12/${year}`).waitFor()
  // The half-year's table stays on screen while the year's loads: wait for the year's count before reading.
  await evaluations.locator('tr', { hasText: 'Sản phẩm được Hội đồng đánh giá, phân hạng' }).getByText(String(report.evaluations.total), { exact: true }).waitFor()
  const text = await evaluations.innerText()
  assert.match(text, new RegExp(`Sản phẩm được Hội đồng đánh giá, phân hạng\\s+${report.evaluations.total}`))
  const certs = await page.getByTestId('periodic-certificates').innerText()
  assert.match(certs, new RegExp(`Giấy chứng nhận đã cấp\\s+${report.certificates.issued}`))
  assert.match(certs, new RegExp(`Lượt kiểm tra sau công nhận\\s+${report.inspections.total}`))
  assert.equal(report.inspections.total, 1)
  // The Decree 30 report of the year, issued from the panel with the number the register gives.
  await page.getByTestId('periodic-doc-issue').click()
  await page.getByTestId('periodic-doc-confirm').click()
  const reportNumber = (await api('officeDocuments.status', { ref: { kind: 'periodic-report', from: `${year}-01-01`, to: `${year}-12-31` } })).assigned
  assert.match(reportNumber, /^01\/BC-/)
  await page.getByTestId('periodic-doc-number').getByText(`Số: ${reportNumber}`).waitFor()
  await page.screenshot({ path: join(ARTIFACTS, 'after-rating-periodic.png'), fullPage: true })
  page.assertNoErrors()
})

test('Tổng quan: the inspection card shows the year, the findings table and the overdue follow-up linking to its record', async () => {
  const year = Number(vnToday().slice(0, 4))
  const summary = await api('inspections.summary', { year })
  await page.goto(`${server.origin}/#/`)
  const card = page.getByTestId('dashboard-inspections')
  await card.waitFor()
  assert.equal(await card.getByTestId('inspections-planned').getAttribute('data-done'), String(summary.plannedDone))
  const table = card.getByTestId('chart-findings-table')
  assert.match(await table.locator('tr', { hasText: 'Không đạt' }).innerText(), new RegExp(String(summary.findings.reduce((n, f) => n + f.fail, 0))))
  const [overdue] = summary.overdue
  assert.ok(overdue, 'the inspection recorded above is overdue')
  await card.screenshot({ path: join(ARTIFACTS, 'after-rating-dashboard-inspections.png') })
  await card.getByTestId('inspections-overdue').getByRole('link').first().click()
  await page.locator(`[data-testid="inspection-detail"][data-inspection-id="${overdue.inspectionId}"]`).waitFor()
  page.assertNoErrors()
})

test('Nâng hạng: registered on the product page, back on a new session, the member sees the previous result beside the sheet, and the new certificate replaces the old', async () => {
  const recognised = seeded.results.find((r) => r.stars !== null && r.stars >= 3 && r.stars < 5)
  const productId = recognised.productId
  await page.goto(`${server.origin}/#/products/${productId}`)
  const form = page.getByTestId('reregister')
  await form.waitFor()
  await form.getByRole('radio', { name: 'Nâng hạng' }).check()
  await form.getByRole('textbox', { name: /Ghi chú/ }).fill('Văn bản đề nghị của UBND xã')
  await form.getByTestId('reregister-submit').click()
  await page.locator('[data-testid="product-detail"][data-status="registered"]').waitFor()
  const product = await api('products.get', { id: productId })
  assert.equal(product.registrationType, 'nang-hang')
  assert.deepEqual([product.history.at(-1).fromStatus, product.history.at(-1).toStatus], ['certificate-valid', 'registered'])

  // The new dossier (its screens are the catalogue spec's): every item received, then complete.
  const dossier = await api('dossier.get', { productId })
  assert.ok(dossier.items.some((i) => i.key === 'upgrade-evidence'))
  for (const item of dossier.items) await api('dossier.check', { productId, itemKey: item.key, checked: true })
  await api('dossier.complete', { productId })

  const today = vnToday()
  const council = await api('councils.get', { id: seeded.councilId })
  const round = await api('rounds.create', { year: Number(today.slice(0, 4)), name: 'Đợt bổ sung nâng hạng', deadline: `${today.slice(0, 4)}-12-31` })
  const s = await api('sessions.create', { roundId: round.id, date: today, startTime: '08:00', place: 'Hội trường UBND tỉnh Lâm Đồng', councilVersionId: council.council.currentVersion.id })
  await api('sessions.setAgenda', { id: s.id, productIds: [productId] })
  await api('sessions.setStatus', { id: s.id, to: 'open' })
  for (const m of s.members) await api('attendance.set', { sessionId: s.id, memberId: m.id, status: 'present' })
  const member = s.members.find((m) => m.role === 'member')
  const { code } = await api('joinCodes.issue', { sessionId: s.id, memberId: member.id })
  const previous = await api('history.previous', { sessionId: s.id, productId })
  assert.equal(previous.previous.source, 'app')

  const ctx = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'vi-VN' })
  const mp = await ctx.newPage()
  await mp.goto(`${server.origin}/#join`)
  await mp.getByTestId('join-code').fill(code)
  await mp.getByTestId('join').click()
  await mp.getByTestId('my-sheets').waitFor()
  await mp.getByTestId(`open-sheet-${productId}`).click()
  const declare = mp.getByTestId('declare')
  await Promise.race([declare.waitFor(), mp.getByTestId('scoring-sheet').waitFor()])
  if (await declare.isVisible()) await declare.click()
  await mp.getByTestId('scoring-sheet').waitFor()
  const line = mp.getByTestId('previous-on-sheet')
  await line.waitFor()
  assert.match(await line.innerText(), new RegExp(`Lần đánh giá trước: .*${previous.previous.stars} sao`))
  assert.equal(await mp.getByTestId('previous-option').count(), previous.previous.criteria.length)
  await mp.screenshot({ path: join(ARTIFACTS, 'after-rating-previous-on-sheet.png') })
  await ctx.close()

  // The new session decides, the province issues its decision and certificate: it replaces the one the product held.
  const held = (await api('certificates.list', { filter: 'valid' })).find((c) => c.productId === productId)
  const scorers = s.members.filter((m) => m.role !== 'secretary')
  for (const m of scorers) await api('conflicts.declare', { sessionId: s.id, productId, memberId: m.id, kind: 'none', text: '' })
  await api('sessions.setStatus', { id: s.id, to: 'scoring' })
  const set = (await api('criteria.get', { setId: 'QD26-2026-06' })).set
  for (const m of scorers) {
    const sheet = await api('sheets.get', { sessionId: s.id, productId, memberId: m.id })
    for (const c of leaves(set))
      await api('sheets.saveAnswer', { sessionId: s.id, productId, memberId: m.id, criterionCode: c.code, optionId: pickOption(c, 'mid'), expectedVersion: sheet.answers.find((a) => a.criterionCode === c.code)?.version ?? 0 })
    await api('sheets.submit', { sessionId: s.id, productId, memberId: m.id })
  }
  await api('sessions.setStatus', { id: s.id, to: 'review' })
  const [result] = await api('sessions.finalize', { id: s.id })
  assert.equal(result.outcome, 'recognised-by-province')
  for (const kind of ['report', 'submission', 'decision']) await api('documents.issue', { sessionId: s.id, kind })
  const [issued] = await api('certificates.issue', { sessionId: s.id, issuedOn: today })
  // The page is still on this product (same address): reloaded so it reads the certificates anew.
  await page.goto(`${server.origin}/#/products/${productId}`)
  await page.reload()
  const note = page.getByTestId(`cert-replaced-by-${held.id}`)
  await note.waitFor()
  assert.equal(await note.innerText(), `Đã được thay thế bởi Giấy chứng nhận số ${issued.number} theo Quyết định số ${issued.decisionNo}, từ ngày ${today.split('-').reverse().join('/')}`)
  assert.equal(await page.locator(`[data-cert-id="${held.id}"]`).getAttribute('data-state'), 'replaced')
  assert.equal(await page.locator(`[data-cert-id="${issued.id}"]`).getAttribute('data-state'), 'valid')
  await note.getByRole('button').click()
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-cert-id')), String(issued.id))
  await page.screenshot({ path: join(ARTIFACTS, 'after-rating-replaced-certificate.png') })
})

/** A PDF read back with poppler, whitespace collapsed (a name may wrap). */
const pdfText = (file) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ')

test('Phiếu góp ý: a 2★ product gets its advice under Chốt kết quả, its letter numbered from the panel and downloaded as a PDF', async () => {
  const low = seeded.results.find((r) => r.stars === 2)
  assert.ok(low, 'the seeded meeting has a 2★ product')
  const expected = await api('advice.product', { sessionId: seeded.sessionId, productId: low.productId, feasible: [] })
  assert.equal(expected.target, 3)
  assert.ok(expected.plan && expected.plan.changes.length > 0)
  await page.goto(`${server.origin}/#/rounds/${seeded.sessionId}/finalize`)
  await page.getByTestId('finalized').waitFor()
  const row = page.locator(`[data-testid="results"] tr[data-product-id="${low.productId}"]`)
  assert.equal(await row.getAttribute('data-stars'), '2')
  await row.getByTestId('advice-open').click()
  const panel = page.locator(`[data-testid="advice-panel"][data-product-id="${low.productId}"]`)
  await panel.getByTestId('advice-table').waitFor()
  const rows = await panel.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-criterion')))
  assert.deepEqual(rows, expected.plan.changes.map((c) => c.criterionCode))
  assert.match(await panel.getByTestId('advice-summary').innerText(), /Để đạt 3 sao/)

  // "Cấp số": the confirmation shows the number the register will give, then the panel shows it.
  const letter = `advice-letter-${low.productId}`
  const ref = { kind: 'advice-letter', sessionId: seeded.sessionId, productId: low.productId, feasible: [] }
  const draft = await api('officeDocuments.status', { ref })
  assert.equal(draft.assigned, null)
  const number = `${String(draft.next).padStart(2, '0')}/${draft.symbol}`
  await panel.getByTestId(`${letter}-issue`).click()
  await page.getByTestId(`${letter}-confirm-text`).getByText(number).waitFor()
  await page.getByTestId(`${letter}-confirm`).click()
  await panel.getByTestId(`${letter}-number`).getByText(`Số: ${number}`).waitFor()
  assert.equal((await api('officeDocuments.status', { ref })).assigned, number)

  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByTestId(`${letter}-pdf`).click()])
  const file = join(ARTIFACTS, 'after-rating-advice-letter.pdf')
  await download.saveAs(file)
  assert.ok(statSync(file).size > 0)
  const text = pdfText(file)
  assert.ok(text.includes(LOW_PRODUCT), 'the letter names the product')
  assert.ok(text.includes(number), 'the letter carries its number')
  assert.ok(!text.includes('DỰ THẢO'), 'an issued letter is not a draft')
  await page.screenshot({ path: join(ARTIFACTS, 'after-rating-advice-letter.png'), fullPage: true })
  page.assertNoErrors()
})

test('Thu hồi: the overdue record is followed up with a revocation proposal, its biên bản numbered, and the certificate revoked citing it', async () => {
  const year = Number(vnToday().slice(0, 4))
  const [first] = await api('inspections.list', { year })
  assert.equal(first.outcome, 'recommendations')
  assert.ok((await api('inspections.summary', { year })).overdue.some((o) => o.inspectionId === first.id))
  await page.goto(`${server.origin}/#/inspections/records/${year}/${first.id}`)
  const detail = page.locator(`[data-testid="inspection-detail"][data-inspection-id="${first.id}"]`)
  await detail.waitFor()
  await detail.getByTestId('follow-up').click()
  const today = typedDaysAgo(0)
  const form = await fillFailedQuality(today.typed, 'Quá thời hạn khắc phục, không nộp kết quả kiểm nghiệm lại')
  await form.getByRole('radio', { name: /Đề nghị thu hồi/ }).check()
  await form.getByRole('textbox', { name: /Căn cứ đề nghị thu hồi/ }).click()
  await page.getByRole('option', { name: /^b\) / }).click()
  await form.getByTestId('inspection-save').click()
  await form.waitFor({ state: 'detached' })

  const followUp = (await api('inspections.list', { year })).find((i) => i.followUpOf === first.id)
  assert.ok(followUp, 'the follow-up record cites the first one')
  assert.deepEqual([followUp.outcome, followUp.revocationGround, followUp.productId], ['revocation-proposed', 'b', first.productId])
  const followed = page.locator(`[data-testid="inspection-detail"][data-inspection-id="${followUp.id}"]`)
  await followed.waitFor()

  // Its biên bản is numbered first: the revocation cites it by that number (RULES D6).
  const recordDoc = `record-doc-${followUp.id}`
  const draft = await api('officeDocuments.status', { ref: { kind: 'inspection-record', inspectionId: followUp.id } })
  const recordNumber = `${String(draft.next).padStart(2, '0')}/${draft.symbol}`
  await followed.getByTestId(`${recordDoc}-issue`).click()
  await page.getByTestId(`${recordDoc}-confirm-text`).getByText(recordNumber).waitFor()
  await page.getByTestId(`${recordDoc}-confirm`).click()
  await followed.getByTestId(`${recordDoc}-number`).getByText(`Số: ${recordNumber}`).waitFor()
  assert.equal((await api('officeDocuments.status', { ref: { kind: 'inspection-record', inspectionId: followUp.id } })).assigned, recordNumber)

  const held = (await api('certificates.list', { filter: 'valid' })).find((c) => c.productId === first.productId)
  assert.ok(held, 'the inspected product holds a valid certificate')
  await followed.getByTestId('open-revocation').click()
  const revoke = followed.getByTestId('revoke-form')
  await revoke.waitFor()
  assert.equal(await revoke.getByRole('textbox', { name: 'Văn bản kết luận hoặc xác nhận' }).inputValue(), `Biên bản kiểm tra số ${recordNumber}`)
  await revoke.getByRole('textbox', { name: 'Nội dung vi phạm, lý do cụ thể' }).fill('Không khắc phục tiêu chuẩn chất lượng trong thời hạn đoàn kiểm tra khuyến nghị')
  await revoke.getByRole('textbox', { name: 'Ngày quyết định thu hồi' }).fill(today.typed)
  await page.keyboard.press('Tab')
  await revoke.getByRole('textbox', { name: 'Họ tên người ký' }).fill('Nguyễn Văn Bình')
  await page.screenshot({ path: join(ARTIFACTS, 'after-rating-revoke-form.png'), fullPage: true })
  const [file] = await Promise.all([page.waitForEvent('download'), revoke.getByRole('button', { name: 'Lập quyết định thu hồi' }).click()])
  assert.ok(file.suggestedFilename())
  await revoke.waitFor({ state: 'detached' })

  const revoked = (await api('certificates.list', { filter: 'revoked' })).find((c) => c.id === held.id)
  assert.ok(revoked, 'the certificate is revoked')
  const cited = (await api('inspections.list', { year })).find((i) => i.id === followUp.id)
  assert.ok(cited.revocation, 'the revocation cites the follow-up inspection')
  assert.equal(cited.revocation.id, revoked.revocationId)
  assert.equal((await api('products.get', { id: first.productId })).status, 'revoked')
  const summary = await api('inspections.summary', { year })
  assert.ok(!summary.overdue.some((o) => o.inspectionId === first.id), 'the followed-up record is no longer overdue')
  await page.locator(`[data-testid="records"] tr[data-inspection-id="${followUp.id}"]`).getByText(`Đã thu hồi theo Quyết định số ${cited.revocation.number}`).waitFor()
  await page.screenshot({ path: join(ARTIFACTS, 'after-rating-revoked.png'), fullPage: true })
  page.assertNoErrors()
})
