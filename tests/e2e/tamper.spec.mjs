// Issue 11, item 3, as a person sees it: the chain head printed on the decision is shown in "Kiểm tra văn bản" and
// under "Chốt kết quả" with the result of checking the data against it; a finalized result edited directly in the
// SQLite file (guard trigger lifted and put back) turns both red and names the product.
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import Database from 'better-sqlite3'
import { ARTIFACTS, launchBrowser, newPage, startServer, tempDataDir } from './harness.mjs'
import { apiOf, leaves, seedProducts } from './seed.mjs'

let server, browser, office, api
const S = {}
const NAMES = ['Trà Atisô Đà Lạt', 'Cà phê Robusta Cầu Đất']

/** The printed verification code of a document (services/verify/verification-code.ts codeFromSha256). */
function codeOf(inputSha256) {
  const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
  const digest = Buffer.from(inputSha256, 'hex')
  let bits = 0n
  for (let i = 0; i < 7; i++) bits = (bits << 8n) | BigInt(digest[i] ?? 0)
  bits >>= 6n
  let code = ''
  for (let i = 9; i >= 0; i--) code += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)]
  return code
}

before(async () => {
  server = await startServer(tempDataDir())
  browser = await launchBrowser()
  office = await newPage(browser)
  api = apiOf(office, server)
  await office.goto(server.url)
  await office.getByRole('heading', { name: 'OCOP Council' }).waitFor()
  const info = await api('app.info', {})
  S.dbFile = info.dbFile
  S.products = seedProducts(info.dbFile, NAMES)
  await api('settings.setProvince', { provinceCode: '68', bodyName: 'Ủy ban nhân dân tỉnh Lâm Đồng', advisoryBody: 'Sở Nông nghiệp và Môi trường', placeName: 'Lâm Đồng' })
  const roles = ['chair', 'vice_chair', 'member', 'member', 'member', 'secretary']
  const people = ['Trần Văn An', 'Lê Thị Bích', 'Phạm Văn Cường', 'Nguyễn Thị Dung', 'Hoàng Văn Đức', 'Ngô Thị Lan']
  const c = await api('councils.create', { name: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Lâm Đồng năm 2026', periodFrom: '2026-07-01', periodTo: null, decisionNo: '99/QĐ-UBND', decisionDate: '2026-06-20', signerName: 'Trần Văn Ký', signerTitle: 'Chủ tịch UBND tỉnh', members: roles.map((role, i) => ({ role, fullName: people[i] })) })
  const versionId = (await api('councils.activate', { id: c.id })).currentVersion.id
  const set = (await api('criteria.get', { setId: 'QD26-2026-06' })).set
  const round = await api('rounds.create', { year: 2026, name: 'Đợt 2 năm 2026', deadline: '2026-12-15' })
  const s = await api('sessions.create', { roundId: round.id, date: '2026-11-20', startTime: '08:00', place: 'Hội trường UBND tỉnh Lâm Đồng', councilVersionId: versionId })
  S.sessionId = s.id
  await api('sessions.setAgenda', { id: s.id, productIds: S.products })
  await api('sessions.setStatus', { id: s.id, to: 'open' })
  for (const m of s.members) await api('attendance.set', { sessionId: s.id, memberId: m.id, status: 'present' })
  const scorers = s.members.filter((m) => m.scores)
  for (const m of scorers) for (const p of S.products) await api('conflicts.declare', { sessionId: s.id, productId: p, memberId: m.id, kind: 'none', text: '' })
  await api('sessions.setStatus', { id: s.id, to: 'scoring' })
  for (const m of scorers)
    for (const p of S.products) {
      for (const c of leaves(set)) {
        const best = [...c.options].sort((a, b) => b.points - a.points)[0]
        await api('sheets.saveAnswer', { sessionId: s.id, productId: p, memberId: m.id, criterionCode: c.code, optionId: best.id, expectedVersion: 0 })
      }
      await api('sheets.submit', { sessionId: s.id, productId: p, memberId: m.id })
    }
  await api('sessions.setStatus', { id: s.id, to: 'review' })
  await api('sessions.finalize', { id: s.id })
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

test('the head on the minutes is checked in Kiểm tra văn bản; an edited result is named there and under Chốt kết quả', async () => {
  await office.getByText('Đợt/Phiên đánh giá', { exact: true }).click()
  await office.locator(`[data-session-id="${S.sessionId}"]`).click()
  await office.locator('[data-testid="session-detail"][data-status="finalized"]').waitFor()
  await office.getByTestId('tab-finalize').click()
  await office.locator('[data-testid="audit-status"][data-intact="true"]').waitFor()
  const head = (await office.getByTestId('audit-head').innerText()).split(': ').pop()
  assert.match(head, /^\d+-[0-9A-F]{16}$/)
  await office.screenshot({ path: join(ARTIFACTS, 'tamper-finalize-intact.png'), fullPage: true })

  // Every product here is proposed for 5★ (no recognition decision), so the minutes carry the head: issued as 07.
  await api('documents.issue', { sessionId: S.sessionId, kind: 'minutes', number: 7 })
  await office.getByTestId('tab-documents').click()
  await office.getByTestId('doc-kind').click()
  await office.getByRole('option', { name: 'Biên bản họp Hội đồng' }).click()
  await office.getByTestId('generate-document').click()
  await office.locator('[data-testid="documents-list"] [data-kind="minutes"]').getByText('07/BB-HĐOCOP').waitFor()
  const decision = (await api('documents.sessionList', { sessionId: S.sessionId })).find((d) => d.kind === 'minutes')
  const code = codeOf(decision.inputSha256)

  const lookUp = async () => {
    await office.getByText('Kiểm tra văn bản', { exact: true }).first().click()
    await office.getByTestId('verify-code').fill(code)
    await office.getByRole('button', { name: 'Tra cứu' }).click()
    await office.getByTestId('code-result').locator('[data-testid="audit-check"]').waitFor()
  }
  await lookUp()
  // The head of the session's finalize event, as printed on the decision.
  assert.match(await office.getByTestId('code-result').getByTestId('audit-head').innerText(), /^\d+-[0-9A-F]{16}$/)
  assert.equal(await office.getByTestId('audit-check').getAttribute('data-intact'), 'true')
  await office.screenshot({ path: join(ARTIFACTS, 'tamper-verify-intact.png'), fullPage: true })

  // Someone with the sqlite3 tool lifts the guard, changes the stars and puts the guard back.
  const db = new Database(S.dbFile)
  const guard = db.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'results_no_update'`).pluck().get()
  db.exec('DROP TRIGGER results_no_update')
  db.prepare('UPDATE results SET stars = 1 WHERE product_id = ?').run(S.products[0])
  db.exec(guard)
  db.close()

  await office.getByTestId('verify-code').fill('')
  await lookUp()
  await office.locator('[data-testid="audit-check"][data-intact="false"]').waitFor()
  const findings = await office.getByTestId('audit-check').innerText()
  assert.match(findings, new RegExp(`Kết quả của sản phẩm "${NAMES[0]}".*đã bị sửa`))
  await office.screenshot({ path: join(ARTIFACTS, 'tamper-verify-detected.png'), fullPage: true })

  await office.getByText('Đợt/Phiên đánh giá', { exact: true }).click()
  await office.locator(`[data-session-id="${S.sessionId}"]`).click()
  await office.getByTestId('tab-finalize').click()
  await office.locator('[data-testid="audit-status"][data-intact="false"]').waitFor()
  assert.match(await office.getByTestId('audit-problems').innerText(), new RegExp(NAMES[0]))
  await office.screenshot({ path: join(ARTIFACTS, 'tamper-finalize-detected.png'), fullPage: true })
  office.assertNoErrors()
})
