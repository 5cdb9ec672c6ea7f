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

export function seedProducts(dbFile, names, producerName = 'Hợp tác xã Nông sản Đà Lạt') {
  const db = new Database(dbFile)
  const at = '2026-05-01T00:00:00.000Z'
  const producer = Number(db.prepare(`INSERT INTO producers (kind, name, name_fold, sort_key, rep_name, rep_gender, rep_ethnicity, province_code, commune_code, created_at, updated_at)
    VALUES ('htx', ?, ?, 'hop tac xa', 'Phạm Thị Mai', 'nu', 'Kinh', '68', '24778', ?, ?)`).run(producerName, fold(producerName), at, at).lastInsertRowid)
  const insert = db.prepare(`INSERT INTO products (code, form_no, province_code, commune_code, serial, year, name, name_fold, sort_key, producer_id, set_id, registration_type, status, dossier_completed_at, created_at, updated_at)
    VALUES (?, ?, '68', '24778', ?, 2026, ?, ?, ?, ?, 'QD26-2026-06', 'lan-dau', 'dossier-complete', ?, ?, ?)`)
  const ids = names.map((name, i) => Number(insert.run(`68-24778-${String(i + 1).padStart(3, '0')}-2026`, `F-${i + 1}`, i + 1, name, fold(name), `sp${i}`, producer, at, at, at).lastInsertRowid))
  db.close()
  return ids
}

/** The leaf criteria of a set, in order: what a sheet answers. */
export function leaves(set) {
  const out = []
  for (const p of set.parts) for (const s of p.sections) for (const c of s.criteria) for (const l of c.subCriteria ?? [c]) out.push(l)
  return out
}
