// Issue 13 "LAN mode" over a real network path: the test creates a network namespace and a veth pair, the server
// listens in LAN mode on the host side, and a member's Chromium runs inside the namespace. The member opens the
// join slip's address (code filled by the QR link), joins, waits on a sheet opened before scoring starts, scores
// with the keyboard, survives F5 mid-sheet and a dropped link (answers typed while the veth is down arrive once),
// and sees the re-score round appear without reloading. From the namespace, office methods and a foreign Host are
// refused. `--lan` alone serves the address but no session: the join screen says so until the secretary opens the
// session for members with the button in the join-code tab. A comment typed just before F5 survives; finalizing the
// session closes the LAN listener and tells the member their session is over.
// Needs root and iproute2; where namespaces cannot be created the tests are skipped and say so.
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { ARTIFACTS, CHROMIUM, ROOT, launchBrowser, newPage, startServer, tempDataDir } from './harness.mjs'
import { createNamespace, ip } from './netns.mjs'
import { apiOf, leaves, seedOpenSession, seedProducts } from './seed.mjs'

// One /30 of 10.200.0.0/16 per run (pid-based), assigned only to the veth pair this test creates (tests/e2e/netns.mjs).
let ns, NS, VETH_HOST, HOST_IP, NS_IP

let skipReason = null
let server, browser, office, driver, lanUrl
const S = {}
const api = (method, input) => apiOf(office, server)(method, input)

/** The member-side driver inside the namespace: `run(body, args)` executes `body` there with `s` (browser state). */
function startDriver() {
  const child = spawn('ip', ['netns', 'exec', NS, process.execPath, join(ROOT, 'tests/e2e/lan-member.mjs')], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, CHROMIUM_PATH: CHROMIUM } })
  const waiting = new Map()
  let next = 1
  let stderr = ''
  child.stderr.on('data', (b) => (stderr += b.toString()))
  createInterface({ input: child.stdout }).on('line', (line) => {
    let msg
    try {
      msg = JSON.parse(line)
    } catch {
      return
    }
    const w = waiting.get(msg.id)
    if (!w) return
    waiting.delete(msg.id)
    if (msg.ok) w.resolve(msg.value)
    else w.reject(new Error(`member driver: ${msg.error}`))
  })
  child.once('exit', (code) => {
    for (const w of waiting.values()) w.reject(new Error(`member driver exited ${code}: ${stderr}`))
    waiting.clear()
  })
  return {
    run(body, args = {}, timeoutMs = 60_000) {
      const id = next++
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id)
          reject(new Error(`member driver step timed out: ${body.slice(0, 120)}`))
        }, timeoutMs)
        waiting.set(id, { resolve: (v) => { clearTimeout(timer); resolve(v) }, reject: (e) => { clearTimeout(timer); reject(e) } })
        child.stdin.write(JSON.stringify({ id, body, args }) + '\n')
      })
    },
    stop: () => new Promise((r) => { child.once('exit', r); child.stdin.end(); setTimeout(() => child.kill('SIGKILL'), 5000).unref() })
  }
}

/** Raw HTTP from inside the namespace (Node's http client, so the Host header can be forged). */
const RAW_REQUEST = `
  const { request } = await import('node:http')
  return await new Promise((resolve, reject) => {
    const u = new URL(args.url)
    const req = request({ host: u.hostname, port: u.port, path: u.pathname, method: args.method ?? 'GET', setHost: !args.host,
      headers: { ...(args.host ? { Host: args.host } : {}), ...(args.headers ?? {}) } }, (res) => {
      let body = ''
      res.on('data', (c) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode, body }))
    })
    req.on('error', reject)
    req.end(args.body ?? undefined)
  })`

before(async () => {
  ns = createNamespace('ocoplan', '10.200')
  if ('unavailable' in ns) {
    skipReason = `network namespaces cannot be created here (${ns.unavailable})`
    console.log(`# SKIP lan.spec: ${skipReason}`)
    return
  }
  ;({ name: NS, vethHost: VETH_HOST, hostIp: HOST_IP, nsIp: NS_IP } = ns)
  server = await startServer(tempDataDir(), ['--lan', '--host', HOST_IP])
  for (let i = 0; i < 100 && !lanUrl; i++) {
    lanUrl = /LAN mode: (http:\/\/[\d.]+:\d+\/)/.exec(server.output())?.[1]
    if (!lanUrl) await new Promise((r) => setTimeout(r, 50))
  }
  assert.ok(lanUrl?.startsWith(`http://${HOST_IP}:`), `LAN address printed: ${server.output()}`)
  browser = await launchBrowser()
  office = await newPage(browser)
  await office.goto(server.url)
  await office.getByRole('heading', { name: 'OCOP Council' }).waitFor()
  Object.assign(S, await seedOpenSession(api))
  S.member = S.scorers[0]
  driver = startDriver()
})

after(async () => {
  try {
    await driver?.stop()
    await browser?.close()
    await server?.stop()
  } finally {
    if (!skipReason) ns?.remove()
  }
})

test('the office opens the session in the join-code tab: LAN address, unencrypted-HTTP warning, slips with QR codes (PDF)', async (t) => {
  if (skipReason) return t.skip(skipReason)
  // `--lan` alone: the address answers, but no session is open for members; a tablet's join screen says so.
  assert.deepEqual(JSON.parse((await driver.run(RAW_REQUEST, { url: `${lanUrl}join/status` })).body), { open: false, message: 'Chưa có phiên nào mở cho thành viên. Thư ký mở phiên cho mạng LAN rồi bạn vào chấm.' })
  await driver.run(`
    const page = await s.device('early')
    await page.goto(args.url)
    await page.getByTestId('join-closed').waitFor()
    await page.screenshot({ path: args.shot })
  `, { url: lanUrl, shot: join(ARTIFACTS, 'lan-member-no-session.png') })
  await office.goto(server.url.replace(/#.*$/, ''))
  await office.getByText('Đợt/Phiên đánh giá', { exact: true }).click()
  await office.locator(`[data-session-id="${S.sessionId}"]`).first().click()
  await office.getByTestId('tab-joinCodes').click()
  await office.getByTestId('lan-url').waitFor()
  assert.match(await office.getByTestId('lan-url').innerText(), new RegExp(lanUrl.replace(/[.:/]/g, '\\$&')))
  // The secretary's button opens this session for members (same address: the listener stays, the slips keep it).
  await office.getByTestId('lan-no-session').waitFor()
  await office.getByTestId('lan-open').click()
  await office.getByTestId('lan-no-session').waitFor({ state: 'detached' })
  assert.equal((await api('lan.status', {})).sessionId, S.sessionId)
  // The waiting join screen notices by itself (it looks again every few seconds).
  await driver.run(`await s.page('early').getByTestId('join-closed').waitFor({ state: 'detached', timeout: 15000 })`)
  assert.match(await office.getByTestId('lan-security').innerText(), /không mã hóa/)
  const download = office.waitForEvent('download')
  await office.getByTestId('print-slips').click()
  const pdf = await download
  assert.match(pdf.suggestedFilename(), /^phieu-tham-gia-phien-\d+\.pdf$/)
  await pdf.saveAs(join(ARTIFACTS, 'lan-join-slips.pdf'))
  await office.getByTestId('join-slips').waitFor()
  S.code = await office.getByTestId(`slip-code-${S.member.id}`).innerText()
  assert.equal(await office.getByTestId(`slip-url-${S.member.id}`).innerText(), lanUrl)
  await office.setViewportSize({ width: 1366, height: 768 })
  await office.screenshot({ path: join(ARTIFACTS, 'lan-join-codes-tab.png'), fullPage: true })
  office.assertNoErrors()
})

test('from the namespace: a foreign Host and office methods are refused; the join screen is served', async (t) => {
  if (skipReason) return t.skip(skipReason)
  const foreign = await driver.run(RAW_REQUEST, { url: lanUrl, host: `evil.example:${new URL(lanUrl).port}` })
  assert.equal(foreign.status, 403)
  const office = await driver.run(RAW_REQUEST, { url: `${lanUrl}api/sessions.list`, method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` }, body: '{}' })
  assert.equal(office.status, 403, 'the office token does not work from another device')
  const anonymous = await driver.run(RAW_REQUEST, { url: `${lanUrl}api/sessions.list`, method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
  assert.equal(anonymous.status, 401)
  const events = await driver.run(RAW_REQUEST, { url: `${lanUrl}events`, headers: { Authorization: `Bearer ${server.token}` } })
  assert.equal(events.status, 403)
  const page = await driver.run(RAW_REQUEST, { url: lanUrl })
  assert.equal(page.status, 200)
})

test('a member joins from the slip address, waits on a sheet opened before scoring, which unlocks by itself', async (t) => {
  if (skipReason) return t.skip(skipReason)
  await driver.run(`
    const page = await s.device('a')
    await page.goto(args.url)
    const input = page.getByTestId('join-code')
    await input.waitFor()
    if ((await input.inputValue()) !== args.code) throw new Error('code not filled from the QR address: ' + (await input.inputValue()))
    await input.press('Enter')
    await page.getByTestId('my-sheets').waitFor()
    if (page.url().includes(args.code)) throw new Error('the code stayed in the address bar')
    await page.getByTestId('open-sheet-' + args.product).click()
    await page.getByTestId('sheet-waiting').waitFor()
    await page.screenshot({ path: args.shot })
  `, { url: `${lanUrl}#join=${S.code}`, code: S.code, product: S.products[0], shot: join(ARTIFACTS, 'lan-member-waiting.png') })
  // The office sees the device: the member's name and the namespace's address.
  await office.locator(`[data-testid="lan-connections"] [data-member-id="${S.member.id}"]`).first().waitFor({ timeout: 15000 })
  assert.match(await office.locator(`[data-testid="lan-connections"] [data-member-id="${S.member.id}"]`).first().innerText(), new RegExp(NS_IP.replace(/\./g, '\\.')))
  await api('sessions.setStatus', { id: S.sessionId, to: 'scoring' })
  await driver.run(`
    const page = s.page('a')
    await page.getByTestId('sheet-waiting').waitFor({ state: 'detached' })
    await page.locator('[data-testid="scoring-sheet"]:not([data-readonly])').waitFor()
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-criterion'))
    if (focused !== args.first) throw new Error('focus is on ' + focused + ', not the first unanswered criterion ' + args.first)
    // Tablet (touch, 1024×768): option rows and buttons are at least 44 px high.
    const small = await page.evaluate(() => [...document.querySelectorAll('[data-option-id], button')]
      .filter((e) => e.getBoundingClientRect().height > 0 && e.getBoundingClientRect().height < 44).map((e) => e.outerHTML.slice(0, 80)))
    if (small.length) throw new Error('touch targets under 44 px: ' + small.slice(0, 3).join(' | '))
  `, { first: leaves(S.set)[0].code })
})

test('keyboard scoring survives F5 mid-sheet and a dropped link: every answer arrives once', async (t) => {
  if (skipReason) return t.skip(skipReason)
  const codes = leaves(S.set).map((c) => c.code)
  const type = (from, to) => driver.run(`
    const page = s.page('a')
    for (let i = args.from; i < args.to; i++) {
      const code = args.codes[i]
      const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-criterion'))
      if (focused !== code) throw new Error('expected focus on ' + code + ', got ' + focused)
      await page.keyboard.press('1')
      await page.keyboard.press('Enter')
    }
  `, { from, to, codes })
  const half = Math.floor(codes.length / 2)
  await type(0, half)
  // F5: same device, same sheet, same criterion; the member is not asked for the code again.
  await driver.run(`
    const page = s.page('a')
    await page.waitForFunction(() => document.querySelectorAll('[data-save-state="saving"],[data-save-state="error"]').length === 0)
    await page.reload()
    await page.locator('[data-testid="scoring-sheet"]:not([data-readonly])').waitFor()
    await page.waitForFunction((c) => document.activeElement?.getAttribute('data-criterion') === c, args.code, { timeout: 10000 })
  `, { code: codes[half] })
  // Link down for a few seconds while answers are typed: they show "chưa lưu" and are sent when it comes back.
  const dropped = codes.slice(half, half + 4)
  ip('link', 'set', VETH_HOST, 'down')
  try {
    await type(half, half + dropped.length)
    await driver.run(`
      const page = s.page('a')
      await page.getByText('chưa lưu').first().waitFor({ timeout: 5000 })
      await page.screenshot({ path: args.shot })
    `, { shot: join(ARTIFACTS, 'lan-member-offline.png') })
    await new Promise((r) => setTimeout(r, 3000))
  } finally {
    ip('link', 'set', VETH_HOST, 'up')
  }
  await driver.run(`
    const page = s.page('a')
    await page.waitForFunction(() => document.querySelectorAll('[data-save-state="saving"],[data-save-state="error"]').length === 0, null, { timeout: 60000 })
  `, {}, 90_000)
  await type(half + dropped.length, codes.length)
  await driver.run(`
    const page = s.page('a')
    await page.waitForFunction(() => document.querySelectorAll('[data-save-state="saving"],[data-save-state="error"]').length === 0, null, { timeout: 30000 })
  `)
  const sheet = await api('sheets.get', { sessionId: S.sessionId, productId: S.products[0], memberId: S.member.id })
  assert.equal(sheet.answers.filter((a) => a.optionId !== null).length, codes.length, 'every answer stored')
  assert.deepEqual(sheet.answers.filter((a) => a.version !== 1).map((a) => `${a.criterionCode} v${a.version}`), [], 'each answer saved exactly once')
  // Submit: the confirmation names the product and total and starts on "Quay lại" (Enter does not submit).
  await driver.run(`
    const page = s.page('a')
    await page.getByTestId('submit-sheet').click()
    await page.getByTestId('confirm-body').waitFor()
    const body = await page.getByTestId('confirm-body').innerText()
    if (!body.includes(args.product)) throw new Error('confirmation does not name the product: ' + body)
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))
    if (focused === 'confirm-submit') throw new Error('focus on the irreversible action')
    await page.getByTestId('confirm-submit').click()
    await page.getByTestId('sheet-locked').waitFor()
    await page.getByTestId('next-product').waitFor()
    await page.getByRole('button', { name: 'Quay lại danh sách' }).click()
    await page.locator('[data-product-id="' + args.id + '"][data-state="submitted"]').waitFor()
  `, { product: 'Cà phê Arabica Cầu Đất', id: S.products[0] })
})

test('a re-score round appears in the member list without reloading', async (t) => {
  if (skipReason) return t.skip(skipReason)
  const pick = (c, i) => [...c.options].sort((a, b) => a.points - b.points)[i % 2 ? c.options.length - 1 : 0].id
  for (const [k, m] of S.scorers.slice(1).entries()) {
    for (const c of leaves(S.set)) await api('sheets.saveAnswer', { sessionId: S.sessionId, productId: S.products[0], memberId: m.id, criterionCode: c.code, optionId: pick(c, k), expectedVersion: 0 })
    await api('sheets.submit', { sessionId: S.sessionId, productId: S.products[0], memberId: m.id })
  }
  const marker = await driver.run(`return await s.page('a').evaluate(() => (window.__stay = Math.random()))`)
  await api('review.openRescore', { sessionId: S.sessionId, productId: S.products[0], reason: 'Điểm của các thành viên chênh lệch lớn' })
  await driver.run(`
    const page = s.page('a')
    await page.getByTestId('round-' + args.id).waitFor({ timeout: 15000 })
    if ((await page.evaluate(() => window.__stay)) !== args.marker) throw new Error('the page was reloaded')
    await page.screenshot({ path: args.shot })
    if (s.errors.length) throw new Error(s.errors.join('; '))
  `, { id: S.products[0], marker, shot: join(ARTIFACTS, 'lan-member-rescore.png') })
})

test('agreement screen at 1366×768: option text with points, blocking criteria marked, "theo đa số" fills the agreement', async (t) => {
  if (skipReason) return t.skip(skipReason)
  const p = S.products[1]
  const pick = (c, i) => [...c.options].sort((a, b) => a.points - b.points)[i % 3 === 0 ? 0 : c.options.length - 1].id
  for (const [k, m] of S.scorers.entries()) {
    for (const c of leaves(S.set)) await api('sheets.saveAnswer', { sessionId: S.sessionId, productId: p, memberId: m.id, criterionCode: c.code, optionId: pick(c, k), expectedVersion: 0 })
    await api('sheets.submit', { sessionId: S.sessionId, productId: p, memberId: m.id })
  }
  await office.setViewportSize({ width: 1366, height: 768 })
  await office.getByTestId('tab-review').click()
  await office.locator(`[data-testid="review-matrix"] [data-product-id="${p}"]`).click()
  const table = office.getByTestId('disagreement')
  await table.waitFor()
  const first = table.locator('tbody tr').first()
  const code = await first.getAttribute('data-criterion')
  await office.getByTestId(`majority-${code}`).click()
  const agree = office.getByTestId(`agree-${code}`)
  // Nothing cut: the button shows its whole label and the chosen option's text fits its field.
  assert.equal(await agree.innerText(), 'Thống nhất')
  assert.ok(await agree.evaluate((b) => b.scrollWidth <= b.clientWidth + 1), 'the "Thống nhất" label is not clipped')
  assert.ok((await office.evaluate(() => document.documentElement.scrollWidth)) <= 1366, 'no horizontal scrolling at 1366 px')
  await first.scrollIntoViewIfNeeded()
  await office.screenshot({ path: join(ARTIFACTS, 'lan-agreement-1366.png') })
  await agree.click()
  await table.locator(`[data-criterion="${code}"] [data-testid="agreed"]`).waitFor()
  office.assertNoErrors()
})

test('a comment typed just before F5 comes back and is saved once the page is up again', async (t) => {
  if (skipReason) return t.skip(skipReason)
  const comment = 'Bao bì cần bổ sung mã truy xuất nguồn gốc; câu chuyện sản phẩm nên gắn với vùng trồng Cầu Đất'
  await driver.run(`
    const page = s.page('a')
    await page.getByTestId('open-sheet-' + args.id).click()
    await page.locator('[data-testid="scoring-sheet"]:not([data-readonly])').waitFor()
    const box = page.getByLabel('Ý kiến của người đánh giá')
    await box.fill(args.comment)
    // F5 at once, before the comment's save delay: only the device's draft holds it.
    await page.reload()
    await page.locator('[data-testid="scoring-sheet"]:not([data-readonly])').waitFor()
    const back = await page.getByLabel('Ý kiến của người đánh giá').inputValue()
    if (back !== args.comment) throw new Error('comment after reload: ' + JSON.stringify(back))
    await page.waitForFunction(() => document.querySelector('textarea[data-save-state]')?.getAttribute('data-save-state') === 'saved', null, { timeout: 20000 })
  `, { id: S.products[0], comment })
  const sheet = await api('sheets.get', { sessionId: S.sessionId, productId: S.products[0], memberId: S.member.id })
  assert.equal(sheet.comment, comment)
})

test('finalizing a session closes the LAN by itself and tells its member the session is over', async (t) => {
  if (skipReason) return t.skip(skipReason)
  // A second, small session in the same office: one product, everyone scores it the same.
  const info = await api('app.info', {})
  const [product] = seedProducts(info.dbFile, ['Mật ong hoa cà phê Di Linh'], 'Hợp tác xã Ong mật Di Linh', 3)
  const first = await api('sessions.get', { id: S.sessionId })
  const s = await api('sessions.create', { roundId: first.roundId, date: '2026-11-21', startTime: '08:00', place: 'Hội trường UBND tỉnh Lâm Đồng', councilVersionId: first.councilVersionId })
  await api('sessions.setAgenda', { id: s.id, productIds: [product] })
  await api('sessions.setStatus', { id: s.id, to: 'open' })
  for (const m of s.members) await api('attendance.set', { sessionId: s.id, memberId: m.id, status: 'present' })
  const scorers = s.members.filter((m) => m.scores)
  for (const m of scorers) await api('conflicts.declare', { sessionId: s.id, productId: product, memberId: m.id, kind: 'none', text: '' })
  await api('sessions.setStatus', { id: s.id, to: 'scoring' })
  await api('lan.open', { sessionId: s.id, address: HOST_IP })
  const { code } = await api('joinCodes.issue', { sessionId: s.id, memberId: scorers[1].id })
  await driver.run(`
    const page = await s.device('b')
    await page.goto(args.url)
    await page.getByTestId('join-code').waitFor()
    await page.getByTestId('join').click()
    await page.getByTestId('my-sheets').waitFor()
  `, { url: `${lanUrl}#join=${code}` })
  const best = (c) => [...c.options].sort((a, b) => a.points - b.points).at(-1).id
  for (const m of scorers) {
    for (const c of leaves(S.set)) await api('sheets.saveAnswer', { sessionId: s.id, productId: product, memberId: m.id, criterionCode: c.code, optionId: best(c), expectedVersion: 0 })
    await api('sheets.submit', { sessionId: s.id, productId: product, memberId: m.id })
  }
  await api('sessions.setStatus', { id: s.id, to: 'review' })
  await api('sessions.finalize', { id: s.id })
  await driver.run(`
    const page = s.page('b')
    await page.getByTestId('session-finalized').waitFor({ timeout: 15000 })
    const text = await page.getByTestId('session-finalized').innerText()
    if (!/đã chốt kết quả/.test(text)) throw new Error('finalized message: ' + text)
    await page.screenshot({ path: args.shot })
  `, { shot: join(ARTIFACTS, 'lan-member-finalized.png') })
  let state
  for (let i = 0; i < 50 && (state = await api('lan.status', {})).open; i++) await new Promise((r) => setTimeout(r, 100))
  assert.equal(state.open, false, 'the LAN listener closed with the finalized session')
  const after = await driver.run(RAW_REQUEST, { url: `${lanUrl}join/status` }).catch((e) => ({ status: 0, error: String(e) }))
  assert.equal(after.status, 0, 'nothing answers on the LAN address any more')
})

/** A self-signed certificate for the host-side address, as PEM files and as a PKCS#12 file with a password. */
async function provinceCertificate(dir) {
  const forge = (await import('node-forge')).default
  const keys = forge.pki.rsa.generateKeyPair(2048)
  const cert = forge.pki.createCertificate()
  cert.publicKey = keys.publicKey
  cert.serialNumber = '01'
  cert.validity.notBefore = new Date(Date.now() - 3600_000)
  cert.validity.notAfter = new Date(Date.now() + 86_400_000)
  const subject = [{ name: 'commonName', value: HOST_IP }, { name: 'organizationName', value: 'So Nong nghiep va Moi truong (thu nghiem)' }]
  cert.setSubject(subject)
  cert.setIssuer(subject)
  cert.setExtensions([{ name: 'subjectAltName', altNames: [{ type: 7, ip: HOST_IP }] }])
  cert.sign(keys.privateKey, forge.md.sha256.create())
  const { writeFileSync } = await import('node:fs')
  const files = { cert: join(dir, 'so.pem'), key: join(dir, 'so.key'), p12: join(dir, 'so.p12') }
  writeFileSync(files.cert, forge.pki.certificateToPem(cert))
  writeFileSync(files.key, forge.pki.privateKeyToPem(keys.privateKey))
  const p12 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], 'mat-khau-thu', { algorithm: '3des' })
  writeFileSync(files.p12, Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'))
  return files
}

const HTTPS_REQUEST = RAW_REQUEST.replace("await import('node:http')", "await import('node:https')").replace('setHost: !args.host,', 'setHost: !args.host, rejectUnauthorized: false,')

test('HTTPS with the province certificate (PKCS#12 or PEM): the LAN listener is encrypted and keeps the same rules', async (t) => {
  if (skipReason) return t.skip(skipReason)
  const dir = tempDataDir()
  const files = await provinceCertificate(dir)
  for (const args of [['--cert', files.p12], ['--cert', files.cert, '--key', files.key]]) {
    process.env.OCOP_CERT_PASSWORD = 'mat-khau-thu'
    const tls = await startServer(tempDataDir(), ['--lan', '--host', HOST_IP, ...args])
    delete process.env.OCOP_CERT_PASSWORD
    try {
      let url
      for (let i = 0; i < 100 && !url; i++) {
        url = /LAN mode: (https:\/\/[\d.]+:\d+\/) \(HTTPS\)/.exec(tls.output())?.[1]
        if (!url) await new Promise((r) => setTimeout(r, 50))
      }
      assert.ok(url, `HTTPS LAN address printed: ${tls.output()}`)
      const page = await driver.run(HTTPS_REQUEST, { url })
      assert.equal(page.status, 200, `${args[1]}: join screen over HTTPS`)
      const office = await driver.run(HTTPS_REQUEST, { url: `${url}api/sessions.list`, method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tls.token}` }, body: '{}' })
      assert.equal(office.status, 403)
      const plain = await driver.run(RAW_REQUEST, { url: url.replace('https:', 'http:') }).catch((e) => ({ status: 0, error: String(e) }))
      assert.notEqual(plain.status, 200, 'no plain HTTP on the HTTPS listener')
    } finally {
      // A server that already exited (e.g. a refused certificate) never emits 'exit' again: do not wait for it.
      await Promise.race([tls.stop(), new Promise((r) => setTimeout(r, 5000))])
    }
  }
})
