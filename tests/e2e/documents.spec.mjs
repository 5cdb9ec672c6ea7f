// Issue 6 "Done when": after a finalized session (seeded and finalized through the HTTP API), the secretary generates
// the pack in the session's "Văn bản" tab, watches its progress and downloads it; the PDF is read back with poppler
// and its SHA-256 matches the register's.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { ARTIFACTS, launchBrowser, newPage, startServer, tempDataDir } from './harness.mjs'
import { apiOf, leaves, seedProducts } from './seed.mjs'

let server, browser, office, api
const S = {}
const NAMES = ['Trà Atisô Đà Lạt', 'Cà phê Robusta Cầu Đất', 'Mứt dâu tây Lạc Dương']

/** 'max' gives 100 points (proposed 5★); 'three' takes each 3★-marked option, else the best: a 3★/4★ total. */
function optionOf(c, level) {
  const sorted = [...c.options].sort((a, b) => a.points - b.points)
  return (level === 'three' ? c.options.find((o) => o.marker === 3) : null)?.id ?? sorted[sorted.length - 1].id
}

async function score(productId, memberId, level) {
  const sheet = await api('sheets.get', { sessionId: S.sessionId, productId, memberId })
  for (const c of leaves(S.set))
    await api('sheets.saveAnswer', { sessionId: S.sessionId, productId, memberId, criterionCode: c.code, optionId: optionOf(c, level), expectedVersion: sheet.answers.find((a) => a.criterionCode === c.code)?.version ?? 0 })
  await api('sheets.submit', { sessionId: S.sessionId, productId, memberId })
}

before(async () => {
  server = await startServer(tempDataDir())
  browser = await launchBrowser()
  office = await newPage(browser)
  api = apiOf(office, server)
  await office.goto(server.url)
  await office.getByRole('heading', { name: 'OCOP Council' }).waitFor()
  const info = await api('app.info', {})
  S.products = seedProducts(info.dbFile, NAMES)
  await api('settings.setProvince', { provinceCode: '68', bodyName: 'Ủy ban nhân dân tỉnh Lâm Đồng', advisoryBody: 'Sở Nông nghiệp và Môi trường', placeName: 'Lâm Đồng' })
  const roles = ['chair', 'vice_chair', 'member', 'member', 'member', 'secretary']
  const people = ['Trần Văn An', 'Lê Thị Bích', 'Phạm Văn Cường', 'Nguyễn Thị Dung', 'Hoàng Văn Đức', 'Ngô Thị Lan']
  const c = await api('councils.create', { name: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Lâm Đồng năm 2026', periodFrom: '2026-07-01', periodTo: null, decisionNo: '99/QĐ-UBND', decisionDate: '2026-06-20', signerName: 'Trần Văn Ký', signerTitle: 'Chủ tịch UBND tỉnh', members: roles.map((role, i) => ({ role, fullName: people[i] })) })
  const versionId = (await api('councils.activate', { id: c.id })).currentVersion.id
  S.set = (await api('criteria.get', { setId: 'QD26-2026-06' })).set
  const round = await api('rounds.create', { year: 2026, name: 'Đợt 2 năm 2026', deadline: '2026-12-15' })
  const s = await api('sessions.create', { roundId: round.id, date: '2026-11-20', startTime: '08:00', place: 'Hội trường UBND tỉnh Lâm Đồng', councilVersionId: versionId })
  S.sessionId = s.id
  await api('sessions.setAgenda', { id: s.id, productIds: S.products })
  await api('sessions.setStatus', { id: s.id, to: 'open' })
  for (const m of s.members) await api('attendance.set', { sessionId: s.id, memberId: m.id, status: 'present' })
  S.scorers = s.members.filter((m) => m.scores)
  for (const m of S.scorers) for (const p of S.products) await api('conflicts.declare', { sessionId: s.id, productId: p, memberId: m.id, kind: 'none', text: '' })
  await api('sessions.setStatus', { id: s.id, to: 'scoring' })
  for (const m of S.scorers) for (const [i, p] of S.products.entries()) await score(p, m.id, i === 0 ? 'max' : 'three')
  await api('sessions.setStatus', { id: s.id, to: 'review' })
  await api('sessions.finalize', { id: s.id })
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

test('documents are issued with a confirmation showing the number; a typed number already used is refused in Vietnamese', async () => {
  await office.getByText('Đợt/Phiên đánh giá', { exact: true }).click()
  await office.locator(`[data-session-id="${S.sessionId}"]`).click()
  await office.locator('[data-testid="session-detail"][data-status="finalized"]').waitFor()
  await office.getByTestId('tab-documents').click()
  await office.getByTestId('documents-empty').waitFor()
  const issue = async (kind, typed) => {
    await office.getByTestId('doc-kind').click()
    await office.getByRole('option', { name: kind }).click()
    if (typed) await office.getByTestId('doc-number').fill(typed)
    await office.getByTestId('issue-document').click()
    await office.getByTestId('issue-confirm-text').waitFor()
    await office.getByTestId('issue-confirm').click()
  }
  await issue('Báo cáo kết quả đánh giá, phân hạng', '15')
  await office.getByTestId('issue-done').getByText(/15\/BC-HĐOCOP/).waitFor()
  await office.getByTestId('number-assigned').waitFor()
  await office.getByTestId('generate-document').click()
  await office.locator('[data-testid="documents-list"] [data-kind="report"]').getByText('15/BC-HĐOCOP').waitFor()
  await issue('Tờ trình đề nghị công nhận')
  await office.getByTestId('issue-done').waitFor()
  // The two decisions share the register of QĐ-UBND: the approval cannot take the number typed for the decision.
  await issue('Quyết định công nhận và Phụ lục', '7')
  await office.getByTestId('issue-done').getByText(/07\/QĐ-UBND/).waitFor()
  await office.getByTestId('generate-document').click()
  await office.locator('[data-testid="documents-list"] [data-kind="decision"]').getByText('07/QĐ-UBND').waitFor()
  await issue('Quyết định phê duyệt kết quả (từ 90 điểm)', '7')
  await office.getByTestId('generate-error').getByText(/đã được cấp cho văn bản khác/).waitFor()
  await office.screenshot({ path: join(ARTIFACTS, 'documents-tab-number-refused.png'), fullPage: true })
  office.assertNoErrors()
})

test('the secretary generates the pack in the Văn bản tab, watches progress and downloads it', async () => {
  await office.getByTestId('generate-pack').click()
  await office.locator('[data-testid="pack-panel"][data-state="running"]').waitFor()
  const seen = new Set()
  const progress = office.getByTestId('pack-progress')
  while (!(await office.locator('[data-testid="pack-panel"][data-state="done"], [data-testid="pack-panel"][data-state="error"]').count())) {
    const v = await progress.getAttribute('data-progress').catch(() => null)
    if (v !== null) seen.add(Number(v))
    await office.waitForTimeout(100)
  }
  assert.equal(await office.getByTestId('pack-panel').getAttribute('data-state'), 'done', await office.getByTestId('pack-panel').innerText())
  assert.ok([...seen].some((v) => v > 0 && v < 1), `progress between 0 and 1 was shown: ${[...seen].join(', ')}`)
  const row = office.locator('[data-testid="documents-list"] [data-kind="pack"]')
  await row.waitFor()
  await office.screenshot({ path: join(ARTIFACTS, 'documents-tab.png'), fullPage: true })

  const id = Number(await row.getAttribute('data-document-id'))
  const [download] = await Promise.all([office.waitForEvent('download'), office.getByTestId(`download-${id}`).click()])
  assert.match(download.suggestedFilename(), /^Hồ sơ phiên họp .*\.pdf$/)
  const file = join(ARTIFACTS, 'documents-pack.pdf')
  await download.saveAs(file)
  const bytes = readFileSync(file)
  const sha = createHash('sha256').update(bytes).digest('hex')

  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).normalize('NFC')
  assert.match(text, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/)
  assert.match(text, /BIÊN BẢN/)
  for (const name of NAMES) assert.ok(text.includes(name), `the pack names ${name}`)
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))[1])
  // Summary, minutes, decision with annex, 5★ approval and one sheet per member and product at the least.
  assert.ok(pages >= 4 + S.scorers.length * NAMES.length, `pages ${pages}`)

  const register = await api('documents.sessionList', { sessionId: S.sessionId })
  const pack = register.find((d) => d.id === id)
  assert.equal(pack.sha256, sha, 'the register holds the SHA-256 of the downloaded file')
  assert.equal(pack.pages, pages)
  assert.equal(await row.getAttribute('data-sha256'), sha)
  // The pack takes no number: the minutes and the approval, not issued, print as drafts; the decision its issued number.
  assert.ok(!register.some((d) => d.kind === 'minutes' && d.number !== null), 'the pack gave the minutes no number')
  assert.match(text, /DỰ THẢO/, 'documents not issued print as drafts in the pack')
  assert.match(text, /07\/QĐ-UBND/, 'the pack prints the decision with its number')
  await office.getByTestId('doc-kind').click()
  await office.getByRole('option', { name: 'Biên bản họp Hội đồng' }).click()
  await office.getByTestId('draft-hint').waitFor()
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '3', file, join(ARTIFACTS, 'documents-pack')])
  office.assertNoErrors()
})
