// Seeding helpers for specs that need a session quickly: the HTTP API as the renderer calls it, and products with
// complete dossiers written next to the running server (the catalogue's own specs cover its screens).
import Database from 'better-sqlite3'

/** Calls the HTTP API from a page of the app, with the server's token, exactly as the renderer does. */
export function apiOf(page, server) {
  return async (method, input) => {
    const r = await page.evaluate(async ([m, i, token]) => {
      const res = await fetch(`/api/${m}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(i) })
      return res.json()
    }, [method, input, server.token])
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
    return r.value
  }
}

const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').toLowerCase()

/** `firstSerial`: where the products' serial numbers (and codes) start, for a second batch in the same data folder. */
export function seedProducts(dbFile, names, producerName = 'Hợp tác xã Nông sản Đà Lạt', firstSerial = 1) {
  const db = new Database(dbFile)
  const at = '2026-05-01T00:00:00.000Z'
  const producer = Number(db.prepare(`INSERT INTO producers (kind, name, name_fold, sort_key, rep_name, rep_gender, rep_ethnicity, rep_disability, province_code, commune_code, created_at, updated_at)
    VALUES ('htx', ?, ?, 'hop tac xa', 'Phạm Thị Mai', 'nu', 'Kinh', 0, '68', '24778', ?, ?)`).run(producerName, fold(producerName), at, at).lastInsertRowid)
  const insert = db.prepare(`INSERT INTO products (code, form_no, province_code, commune_code, serial, year, name, name_fold, sort_key, producer_id, set_id, registration_type, status, dossier_completed_at, created_at, updated_at)
    VALUES (?, ?, '68', '24778', ?, 2026, ?, ?, ?, ?, 'QD26-2026-06', 'lan-dau', 'dossier-complete', ?, ?, ?)`)
  const ids = names.map((name, k) => {
    const i = k + firstSerial - 1
    return Number(insert.run(`68-24778-${String(i + 1).padStart(3, '0')}-2026`, `F-${i + 1}`, i + 1, name, fold(name), `sp${i}`, producer, at, at, at).lastInsertRowid)
  })
  db.close()
  return ids
}

/**
 * A 6-person council (5 scoring) and an open session of two products, everyone present and declared without
 * conflict, not yet scoring: what the member-device specs start from. Returns { sessionId, products, scorers, set }.
 */
export async function seedOpenSession(api) {
  const info = await api('app.info', {})
  const products = seedProducts(info.dbFile, ['Cà phê Arabica Cầu Đất', 'Trà Ô long Bảo Lộc'], 'Hợp tác xã Cà phê Cầu Đất')
  const roles = ['chair', 'vice_chair', 'member', 'member', 'member', 'secretary']
  const people = ['Trần Văn An', 'Lê Thị Bích', 'Phạm Văn Cường', 'Nguyễn Thị Dung', 'Hoàng Văn Đức', 'Ngô Thị Lan']
  const c = await api('councils.create', { name: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Lâm Đồng năm 2026', periodFrom: '2026-07-01', periodTo: null, decisionNo: '99/QĐ-UBND', decisionDate: '2026-06-20', signerName: 'Trần Văn Ký', signerTitle: 'Chủ tịch UBND tỉnh', members: roles.map((role, i) => ({ role, fullName: people[i] })) })
  const versionId = (await api('councils.activate', { id: c.id })).currentVersion.id
  const round = await api('rounds.create', { year: 2026, name: 'Đợt 2 năm 2026', deadline: '2026-12-15' })
  const s = await api('sessions.create', { roundId: round.id, date: '2026-11-20', startTime: '08:00', place: 'Hội trường UBND tỉnh Lâm Đồng', councilVersionId: versionId })
  await api('sessions.setAgenda', { id: s.id, productIds: products })
  await api('sessions.setStatus', { id: s.id, to: 'open' })
  const scorers = s.members.filter((m) => m.scores)
  for (const m of s.members) await api('attendance.set', { sessionId: s.id, memberId: m.id, status: 'present' })
  for (const m of scorers) for (const p of products) await api('conflicts.declare', { sessionId: s.id, productId: p, memberId: m.id, kind: 'none', text: '' })
  const set = (await api('criteria.get', { setId: 'QD26-2026-06' })).set
  return { sessionId: s.id, products, scorers, set }
}

/** The leaf criteria of a set, in order: what a sheet answers. */
export function leaves(set) {
  const out = []
  for (const p of set.parts) for (const s of p.sections) for (const c of s.criteria) for (const l of c.subCriteria ?? [c]) out.push(l)
  return out
}

/**
 * The 3★ marker where one exists, else the best option; 'max' gives 5★; 'low' the second-lowest option of every
 * criterion (49 points on QD26-2026-06: 2★, not recognised).
 */
export function pickOption(c, level) {
  const sorted = [...c.options].sort((a, b) => a.points - b.points)
  if (level === 'low') return (sorted[1] ?? sorted[0]).id
  return level === 'max' ? sorted.at(-1).id : (c.options.find((o) => o.marker === 3) ?? sorted.at(-1)).id
}

/**
 * A realistic office: province set, an active 9-person council, a round with one finalized session of the given
 * products (by default the first scored 3–4★, the others 5★; `levels` gives each product's pickOption level) and the
 * certificates of the recognised ones issued from a decision number.
 * Returns { sessionId, roundId, councilId, products, results }.
 */
export async function seedFinalizedMeeting(page, server, productNames = ['Bánh tráng gạo lứt', 'Miến dong Đà Lạt', 'Trà atiso túi lọc'], levels = productNames.map((_, i) => (i === 0 ? 'mid' : 'max'))) {
  const api = apiOf(page, server)
  const info = await api('app.info', {})
  const products = seedProducts(info.dbFile, productNames, 'Hợp tác xã Chè Cầu Đất')
  const roles = ['chair', 'vice_chair', 'member', 'member', 'member', 'member', 'member', 'member', 'secretary']
  const people = ['Trần Văn An', 'Lê Thị Bích', 'Phạm Văn Cường', 'Nguyễn Thị Dung', 'Hoàng Văn Đức', 'Vũ Thị Giang', 'Đỗ Văn Hải', 'Bùi Thị Hương', 'Ngô Thị Lan']
  const council = await api('councils.create', { name: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Lâm Đồng năm 2026', periodFrom: '2026-07-01', periodTo: null, decisionNo: '99/QĐ-UBND', decisionDate: '2026-06-20', signerName: 'Trần Văn Ký', signerTitle: 'Chủ tịch UBND tỉnh', members: roles.map((role, i) => ({ role, fullName: people[i] })) })
  const versionId = (await api('councils.activate', { id: council.id })).currentVersion.id
  const set = (await api('criteria.get', { setId: 'QD26-2026-06' })).set
  await api('settings.setProvince', { provinceCode: '68', bodyName: 'Ủy ban nhân dân tỉnh Lâm Đồng', advisoryBody: 'Sở Nông nghiệp và Môi trường', placeName: 'Lâm Đồng' })
  const round = await api('rounds.create', { year: 2026, name: 'Đợt 2 năm 2026', deadline: '2026-12-15' })
  const s = await api('sessions.create', { roundId: round.id, date: '2026-11-20', startTime: '08:00', place: 'Hội trường UBND tỉnh Lâm Đồng', councilVersionId: versionId })
  await api('sessions.setAgenda', { id: s.id, productIds: products })
  await api('sessions.setStatus', { id: s.id, to: 'open' })
  for (const m of s.members) await api('attendance.set', { sessionId: s.id, memberId: m.id, status: 'present' })
  const scorers = s.members.filter((m) => m.role !== 'secretary')
  for (const m of scorers) for (const p of products) await api('conflicts.declare', { sessionId: s.id, productId: p, memberId: m.id, kind: 'none', text: '' })
  await api('sessions.setStatus', { id: s.id, to: 'scoring' })
  for (const m of scorers)
    for (const [i, p] of products.entries()) {
      const sheet = await api('sheets.get', { sessionId: s.id, productId: p, memberId: m.id })
      for (const c of leaves(set))
        await api('sheets.saveAnswer', { sessionId: s.id, productId: p, memberId: m.id, criterionCode: c.code, optionId: pickOption(c, levels[i]), expectedVersion: sheet.answers.find((a) => a.criterionCode === c.code)?.version ?? 0 })
      await api('sheets.submit', { sessionId: s.id, productId: p, memberId: m.id })
    }
  await api('sessions.setStatus', { id: s.id, to: 'review' })
  const results = await api('sessions.finalize', { id: s.id })
  // The recognition decision is issued from the register first (each document cites the one before); the
  // certificates take its number and date.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date())
  for (const kind of ['report', 'submission', 'decision']) await api('documents.issue', { sessionId: s.id, kind })
  await api('certificates.issue', { sessionId: s.id, issuedOn: today })
  return { sessionId: s.id, roundId: round.id, councilId: council.id, products, results }
}
