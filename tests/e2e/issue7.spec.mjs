// Issue 7 "Done when": finalize → sign the decision with a test PKCS#12 through the UI → verify it in the app →
// export PTNT_OCOP (XLSX, CSV) and the annex through the UI → the downloaded files re-read as the API's data;
// pdfsig validates the downloaded signed PDF. Also the Sao lưu panel shows the copy taken before finalizing.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import Database from 'better-sqlite3'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import forge from 'node-forge'
import { ARTIFACTS, launchBrowser, newPage, startServer, tempDataDir } from './harness.mjs'
import { apiOf, leaves, seedProducts } from './seed.mjs'

let server, browser, page
const S = {}
const PASSWORD = 'Mật-khẩu#E2E-2026'

const api = (method, input) => apiOf(page, server)(method, input)

/** The 3★ marker where one exists, else the best option: a total in the 3–4★ range; 'max' gives 5★. */
const pick = (c, level) => {
  const sorted = [...c.options].sort((a, b) => a.points - b.points)
  return level === 'max' ? sorted.at(-1).id : (c.options.find((o) => o.marker === 3) ?? sorted.at(-1)).id
}

async function score(productId, memberId, level) {
  const sheet = await api('sheets.get', { sessionId: S.sessionId, productId, memberId })
  for (const c of leaves(S.set))
    await api('sheets.saveAnswer', { sessionId: S.sessionId, productId, memberId, criterionCode: c.code, optionId: pick(c, level), expectedVersion: sheet.answers.find((a) => a.criterionCode === c.code)?.version ?? 0 })
  await api('sheets.submit', { sessionId: S.sessionId, productId, memberId })
}

/** A self-signed certificate and its PKCS#12 file, made fresh for the test (as tests/main/signing/helpers.ts). */
function makeP12() {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 })
  const cert = forge.pki.createCertificate()
  cert.publicKey = keys.publicKey
  cert.serialNumber = '0e2e2026'
  cert.validity.notBefore = new Date('2025-01-01T00:00:00Z')
  cert.validity.notAfter = new Date('2030-01-01T00:00:00Z')
  const attrs = [
    { shortName: 'CN', value: 'Trần Văn Bình', valueTagClass: forge.asn1.Type.UTF8 },
    { shortName: 'O', value: 'Ủy ban nhân dân tỉnh Lâm Đồng', valueTagClass: forge.asn1.Type.UTF8 },
    { shortName: 'C', value: 'VN' }
  ]
  cert.setSubject(attrs)
  cert.setIssuer(attrs)
  cert.setExtensions([{ name: 'basicConstraints', cA: false }, { name: 'keyUsage', digitalSignature: true, nonRepudiation: true }])
  cert.sign(keys.privateKey, forge.md.sha256.create())
  return Buffer.from(forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], PASSWORD, { algorithm: '3des' })).getBytes(), 'binary')
}

function pdfsig(bytes) {
  const file = join(mkdtempSync(join(tmpdir(), 'ocop-e2e-sig-')), 'signed.pdf')
  writeFileSync(file, bytes)
  try {
    return { code: 0, out: execFileSync('pdfsig', [file], { encoding: 'utf8' }) }
  } catch (e) {
    return { code: e.status, out: `${e.stdout ?? ''}${e.stderr ?? ''}` }
  }
}

async function downloaded(trigger) {
  const event = page.waitForEvent('download')
  await trigger()
  const d = await event
  const chunks = []
  for await (const c of await d.createReadStream()) chunks.push(c)
  return { name: d.suggestedFilename(), bytes: Buffer.concat(chunks) }
}

async function sheetRows(bytes) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes)
  const ws = wb.worksheets[0]
  const rows = []
  ws.eachRow((r) => rows.push(Array.from({ length: ws.columnCount }, (_, i) => { const v = r.getCell(i + 1).value; return v === null || v === undefined ? '' : String(v) })))
  return rows
}

async function choose(testId, option) {
  await page.getByTestId(testId).click()
  await page.getByRole('option', { name: option }).click()
}

before(async () => {
  server = await startServer(tempDataDir())
  browser = await launchBrowser()
  page = await newPage(browser)
  await page.goto(server.url)
  await page.getByRole('heading', { name: 'OCOP Council' }).waitFor()
  const info = await api('app.info', {})
  S.products = seedProducts(info.dbFile, ['Bánh tráng gạo lứt', 'Miến dong Đà Lạt'], 'Hợp tác xã Chè Cầu Đất')
  const roles = ['chair', 'vice_chair', 'member', 'member', 'member', 'member', 'member', 'member', 'secretary']
  const people = ['Trần Văn An', 'Lê Thị Bích', 'Phạm Văn Cường', 'Nguyễn Thị Dung', 'Hoàng Văn Đức', 'Vũ Thị Giang', 'Đỗ Văn Hải', 'Bùi Thị Hương', 'Ngô Thị Lan']
  const c = await api('councils.create', { name: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Lâm Đồng năm 2026', periodFrom: '2026-07-01', periodTo: null, decisionNo: '99/QĐ-UBND', decisionDate: '2026-06-20', signerName: 'Trần Văn Ký', signerTitle: 'Chủ tịch UBND tỉnh', members: roles.map((role, i) => ({ role, fullName: people[i] })) })
  const versionId = (await api('councils.activate', { id: c.id })).currentVersion.id
  S.set = (await api('criteria.get', { setId: 'QD26-2026-06' })).set
  await api('settings.setProvince', { provinceCode: '68', bodyName: 'Ủy ban nhân dân tỉnh Lâm Đồng', advisoryBody: 'Sở Nông nghiệp và Môi trường', placeName: 'Lâm Đồng' })
  const round = await api('rounds.create', { year: 2026, name: 'Đợt 2 năm 2026', deadline: '2026-12-15' })
  const s = await api('sessions.create', { roundId: round.id, date: '2026-11-20', startTime: '08:00', place: 'Hội trường UBND tỉnh Lâm Đồng', councilVersionId: versionId })
  S.sessionId = s.id
  await api('sessions.setAgenda', { id: s.id, productIds: S.products })
  await api('sessions.setStatus', { id: s.id, to: 'open' })
  for (const m of s.members) await api('attendance.set', { sessionId: s.id, memberId: m.id, status: 'present' })
  const scorers = s.members.filter((m) => m.role !== 'secretary')
  for (const m of scorers) for (const p of S.products) await api('conflicts.declare', { sessionId: s.id, productId: p, memberId: m.id, kind: 'none', text: '' })
  await api('sessions.setStatus', { id: s.id, to: 'scoring' })
  for (const m of scorers) {
    await score(S.products[0], m.id, 'mid')
    await score(S.products[1], m.id, 'max')
  }
  await api('sessions.setStatus', { id: s.id, to: 'review' })
  S.results = await api('sessions.finalize', { id: s.id })
  S.p12 = makeP12()
})
after(async () => {
  await browser?.close()
  await server?.stop()
})

test('Cài đặt → Sao lưu lists the copy taken before finalizing, backs up now and checks a copy', async () => {
  await page.getByText('Cài đặt', { exact: true }).click()
  const panel = page.getByTestId('backup-panel')
  await panel.locator(`[data-kind="before"][data-backup*="chot-phien-${S.sessionId}"]`).waitFor()
  await page.getByTestId('backup-now').click()
  await panel.locator('[data-kind="manual"]').waitFor()
  await panel.locator('[data-kind="manual"]').getByRole('button', { name: 'Kiểm tra' }).click()
  assert.match(await page.getByTestId('backup-check').innerText(), /nguyên vẹn.*2 sản phẩm.*1 phiên họp/s)
  await panel.scrollIntoViewIfNeeded()
  await page.screenshot({ path: join(ARTIFACTS, 'issue7-backup.png'), fullPage: true })
  page.assertNoErrors()
})

test('the signer approves the finalized results and signs the decision with a .p12 through the UI; pdfsig validates the download', async () => {
  // The office issues the báo cáo, tờ trình and quyết định first (each cites the one before); signing prints that number.
  for (const kind of ['report', 'submission', 'decision']) await api('documents.issue', { sessionId: S.sessionId, kind })
  await page.getByText('Báo cáo', { exact: true }).click()
  await page.getByTestId('tab-signing').click()
  await choose('signing-session', /Đợt 2 năm 2026 — 20\/11\/2026/)
  const form = page.getByTestId('approval-form')
  await form.getByLabel('Chức vụ').fill('Phó Chủ tịch')
  await form.getByLabel('Họ và tên').fill('Trần Văn Bình')
  await page.getByTestId('approve').click()
  await page.locator('[data-testid="approvals"] [data-selected="true"]').waitFor()
  await page.getByTestId('generate-document').click()
  const ready = page.getByTestId('document-ready')
  await ready.waitFor({ timeout: 60000 })
  assert.match(await ready.innerText(), /Quyết định công nhận số \d+\/QĐ-UBND/)
  S.documentId = Number(await ready.getAttribute('data-document-id'))
  const chooser = page.waitForEvent('filechooser')
  await page.getByTestId('p12-file').click()
  await (await chooser).setFiles({ name: 'chu-ky-so.p12', mimeType: 'application/x-pkcs12', buffer: S.p12 })
  await page.getByLabel('Mật khẩu chứng thư số').fill('sai-mat-khau')
  await page.getByTestId('sign').click()
  assert.match(await page.getByTestId('sign-error').innerText(), /Mật khẩu chứng thư số không đúng/)
  assert.equal(await page.getByLabel('Mật khẩu chứng thư số').inputValue(), '', 'the password field is emptied after the call')
  await page.getByLabel('Mật khẩu chứng thư số').fill(PASSWORD)
  await page.getByTestId('sign').click()
  await page.getByTestId('signed').waitFor({ timeout: 60000 })
  assert.match(await page.getByTestId('signed').innerText(), /Trần Văn Bình/)
  assert.equal(await page.getByLabel('Mật khẩu chứng thư số').inputValue(), '')
  await page.screenshot({ path: join(ARTIFACTS, 'issue7-signing.png'), fullPage: true })
  S.signed = await downloaded(() => page.getByTestId('download-signed').click())
  assert.match(S.signed.name, /^Quyết định công nhận .*\(đã ký\)\.pdf$/)
  const sig = pdfsig(S.signed.bytes)
  assert.equal(sig.code, 0, sig.out)
  assert.match(sig.out, /Signature is Valid\./)
  assert.match(sig.out, /Trần Văn Bình/)
  const tampered = Buffer.from(S.signed.bytes)
  const at = tampered.indexOf('Điều') >= 0 ? tampered.indexOf('Điều') : 200
  tampered[at] ^= 0x01
  assert.doesNotMatch(pdfsig(tampered).out, /Signature is Valid\./)
  page.assertNoErrors()
})

test('Kiểm tra văn bản: the downloaded signed PDF shows a valid signature, its signer, and that the app issued it', async () => {
  await page.getByText('Kiểm tra văn bản', { exact: true }).click()
  const chooser = page.waitForEvent('filechooser')
  await page.getByTestId('verify-file').click()
  await (await chooser).setFiles({ name: S.signed.name, mimeType: 'application/pdf', buffer: S.signed.bytes })
  await page.locator('[data-testid="signature"][data-valid="true"]').waitFor()
  assert.match(await page.getByTestId('signature').innerText(), /Trần Văn Bình/)
  const issued = page.locator('[data-testid="issued"][data-issued="true"]')
  await issued.waitFor()
  assert.match(await issued.innerText(), /Phiên họp ngày 20\/11\/2026/)
  await page.screenshot({ path: join(ARTIFACTS, 'issue7-verify.png'), fullPage: true })
  page.assertNoErrors()
})

test('PTNT_OCOP (XLSX, CSV) and the annex exported through the UI re-read as the API gives them', async () => {
  const decision = (await api('documents.list', { kind: 'decision' })).find((d) => d.id === S.documentId)
  const certs = await api('certificates.issue', { sessionId: S.sessionId, decisionNo: decision.number, decisionDate: decision.date, issuedOn: decision.date })
  assert.ok(certs.length >= 1)
  await page.getByText('Báo cáo', { exact: true }).click()
  await page.getByTestId('tab-exports').click()

  const xlsx = await downloaded(() => page.getByTestId('export-ptnt-xlsx').click())
  const rows = await sheetRows(xlsx.bytes)
  const fromApi = await sheetRows(Buffer.from((await api('exports.ptntOcop', { format: 'xlsx' })).base64, 'base64'))
  assert.deepEqual(rows, fromApi)
  assert.deepEqual(rows[0], ['MA_OCOP', 'Ma_DonViHanhChinh', 'Ma_ThoiGian', 'Ma_SanPham', 'TenSanPham', 'XepHang', 'ChuTheSXKD', 'DoanhThuNam', 'TrangThai'])
  assert.deepEqual(rows.slice(1).map((r) => [r[3], r[5]]), certs.map((c) => [c.productCode, `${c.stars}*`]))

  const csv = await downloaded(() => page.getByTestId('export-ptnt-csv').click())
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with BOM')
  const lines = csv.bytes.toString('utf8').slice(1).trimEnd().split('\r\n').map((l) => l.split(','))
  assert.deepEqual(lines, rows)

  await choose('annex-session', /Đợt 2 năm 2026 — 20\/11\/2026/)
  const annex = await downloaded(() => page.getByTestId('export-annex').click())
  const annexRows = await sheetRows(annex.bytes)
  assert.deepEqual(annexRows, await sheetRows(Buffer.from((await api('exports.annex', { sessionId: S.sessionId })).base64, 'base64')))
  const byCode = new Map(certs.map((c) => [c.productCode, c]))
  for (const r of annexRows.slice(1).filter((x) => byCode.has(x[6]))) {
    assert.equal(r[8], String(byCode.get(r[6]).stars))
    assert.equal(r[9], byCode.get(r[6]).number)
  }
  await page.screenshot({ path: join(ARTIFACTS, 'issue7-exports.png'), fullPage: true })
  page.assertNoErrors()
})

test('Đề xuất 5 sao: the bundle built through the UI downloads as a zip whose manifest the panel shows', async () => {
  const [, fiveStar] = S.products
  const docs = {}
  for (const kind of ['submission', 'summary', 'report', 'approval']) docs[kind] = (await api('documents.forSession', { sessionId: S.sessionId, kind })).id
  // The seeded dossier is complete (attach refuses), so its registration form goes in as the app stores files.
  const info = await api('app.info', {})
  const form = Buffer.from('%PDF-1.4 Phiếu đăng ký sản phẩm OCOP')
  const sha = createHash('sha256').update(form).digest('hex')
  mkdirSync(join(info.dataDir, 'files', sha.slice(0, 2)), { recursive: true })
  writeFileSync(join(info.dataDir, 'files', sha.slice(0, 2), sha), form)
  const db = new Database(info.dbFile)
  db.prepare("INSERT INTO dossier_files (product_id, item_key, sha256, size, mime, original_name, added_at) VALUES (?, 'mau-01', ?, ?, 'application/pdf', 'Phiếu đăng ký.pdf', '2026-05-01T00:00:00.000Z')").run(fiveStar, sha, form.length)
  db.close()
  await page.locator('a').filter({ hasText: /^Báo cáo$/ }).click()
  await page.getByTestId('tab-five-star').click()
  await choose('five-star-session', /Đợt 2 năm 2026 — 20\/11\/2026/)
  await choose('five-star-product', /Miến dong Đà Lạt/)
  for (const [part, kind] of [['letterId', 'submission'], ['advisoryReportId', 'summary'], ['councilReportId', 'report'], ['approvalId', 'approval']]) {
    const doc = (await api('documents.list', { limit: 1000 })).find((d) => d.id === docs[kind])
    await choose(`five-star-${part}`, `${doc.number ?? '—'} · ${doc.title} (${doc.date.split('-').reverse().join('/')}, PDF)`)
  }
  const zip = await downloaded(() => page.getByTestId('five-star-build').click())
  assert.match(zip.name, /\.zip$/)
  const manifest = JSON.parse(await (await JSZip.loadAsync(zip.bytes)).file('manifest.json').async('string'))
  const card = page.getByTestId('five-star-manifest')
  await card.waitFor()
  assert.equal(Number(await card.getAttribute('data-files')), manifest.files.length)
  assert.equal(manifest.files.length, 5)
  for (const f of manifest.files) assert.match(await card.innerText(), new RegExp(f.sha256))
  await page.screenshot({ path: join(ARTIFACTS, 'issue7-five-star.png'), fullPage: true })
  page.assertNoErrors()
})

test('product detail: its evaluation, revenue and story saved for the exports, checked inline', async () => {
  await page.locator('a').filter({ hasText: /^Sản phẩm$/ }).click()
  await page.locator('[data-product-code="68-24778-002-2026"]').click()
  const detail = page.getByTestId('product-detail')
  const evaluations = detail.getByTestId('product-evaluations')
  await evaluations.waitFor()
  // The table's header renders before its rows arrive: wait for the row, then read it.
  await evaluations.getByText('Đã chốt kết quả').first().waitFor()
  assert.match(await evaluations.innerText(), /Đợt 2 năm 2026 — 20\/11\/2026[\s\S]*Đã chốt kết quả[\s\S]*100[\s\S]*Đề nghị đánh giá 5 sao/i)
  const form = detail.getByTestId('export-info-form')
  await page.locator('[data-testid="export-info-form"][data-loaded="true"]').waitFor()
  await form.getByLabel('Doanh thu năm (đồng)').fill('1250000000')
  await form.getByRole('button', { name: 'Lưu thông tin xuất dữ liệu' }).click()
  await form.getByText('Nhập năm của doanh thu').waitFor()
  await form.getByLabel('Năm doanh thu').fill('2025')
  await form.getByLabel('Câu chuyện sản phẩm').fill('Miến dong làm thủ công từ củ dong riềng Đà Lạt.')
  await form.getByRole('button', { name: 'Lưu thông tin xuất dữ liệu' }).click()
  await form.getByText('Đã lưu doanh thu và câu chuyện sản phẩm').waitFor()
  const info = await api('products.exportInfo', { productId: S.products[1] })
  assert.deepEqual([info.revenueYear, info.annualRevenue, info.story], [2025, 1250000000, 'Miến dong làm thủ công từ củ dong riềng Đà Lạt.'])
  await page.screenshot({ path: join(ARTIFACTS, 'issue7-product-detail.png'), fullPage: true })
  page.assertNoErrors()
})

test('a listed backup is restored only after the typed confirmation; the data before is kept as a copy', async () => {
  await page.getByText('Cài đặt', { exact: true }).click()
  const manual = page.getByTestId('backup-panel').locator('[data-kind="manual"]')
  await manual.getByRole('button', { name: 'Khôi phục' }).click()
  const dialog = page.getByTestId('restore-confirm')
  await dialog.waitFor()
  assert.match(await dialog.innerText(), /Sản phẩm\s+2/)
  const confirm = page.getByTestId('restore-confirm-button')
  assert.equal(await confirm.isDisabled(), true, 'nothing happens before the word is typed')
  await page.getByTestId('restore-word').fill('KHÔI PHỤC')
  await page.screenshot({ path: join(ARTIFACTS, 'issue7-restore-confirm.png') })
  await confirm.click()
  assert.match(await page.getByTestId('backup-message').innerText(), /Đã khôi phục dữ liệu.*ocop-before-.*khoi-phuc/s)
  await page.getByTestId('backup-panel').locator('[data-kind="before"][data-backup*="khoi-phuc"]').waitFor()
  assert.equal((await api('certificates.list', {})).length, 0, 'the copy was taken before the certificates were issued')
  page.assertNoErrors()
})
