import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openConnection } from '../../../src-main/db/connection'
import { migrateTo } from '../../../src-main/db/migrate'
import { LATEST_VERSION, MIGRATIONS } from '../../../src-main/db/migrations'
import { m007Certificates } from '../../../src-main/db/migrations/007-certificates'
import { tempDir } from '../../utils/core'

const at = '2026-12-01T08:00:00.000Z'

/** Version 6 when 006 is in the index; until then, the newest listed version (007 needs only 002, 004 and 005). */
function before007() {
  const db = openConnection(join(tempDir(), 'm7.sqlite'))
  migrateTo(db, Math.min(6, LATEST_VERSION))
  db.exec(`
    INSERT INTO producers (id, kind, name, name_fold, sort_key, rep_name, rep_gender, rep_ethnicity, province_code, commune_code, created_at, updated_at)
      VALUES (1, 'htx', 'HTX', 'htx', 'htx', 'A', 'nu', 'Kinh', '68', '24778', '${at}', '${at}');
    INSERT INTO products (id, code, form_no, province_code, commune_code, serial, year, name, name_fold, sort_key, producer_id, set_id, registration_type, status, stars, created_at, updated_at)
      VALUES (1, '68-24778-2026-1', 'F1', '68', '24778', 1, 2026, 'Chè', 'che', 'che', 1, 'QD26-2026-06', 'lan-dau', 'recognised', 4, '${at}', '${at}');
  `)
  return db
}

describe('migration 007: certificates', () => {
  it('adds the tables over existing data and guards certificates and revocations', () => {
    const db = before007()
    if (MIGRATIONS.some((m) => m.version === 7)) migrateTo(db, 7)
    else db.transaction(() => m007Certificates.up(db))()
    expect((db.prepare('SELECT count(*) AS n FROM products').get() as { n: number }).n).toBe(1)
    const ins = db.prepare(`INSERT INTO certificates (product_id, year, number, number_text, stars, decision_no, decision_date, issued_on, expiry_date, created_at)
      VALUES (1, 2026, ?, ?, 4, '1/QĐ-UBND', '2026-12-01', ?, ?, '${at}')`)
    ins.run(1, '01/GCN-OCOP', '2026-12-01', '2029-12-01')
    // One valid certificate per product; expiry after issue; a real date.
    expect(() => ins.run(2, '02/GCN-OCOP', '2026-12-01', '2029-12-01')).toThrow(/UNIQUE/)
    expect(() => db.prepare(`UPDATE certificates SET status = 'expired' WHERE id = 1`).run()).not.toThrow()
    expect(() => ins.run(3, '03/GCN-OCOP', '2026-12-01', '2026-11-01')).toThrow(/CHECK/)
    expect(() => ins.run(4, '04/GCN-OCOP', '2026-02-30', '2029-02-28')).toThrow(/CHECK/)
    expect(() => db.prepare(`UPDATE certificates SET status = 'valid' WHERE id = 1`).run()).toThrow(/IMMUTABLE/)
    expect(() => db.prepare('DELETE FROM certificates WHERE id = 1').run()).toThrow(/IMMUTABLE/)
    expect(() =>
      db.prepare(`INSERT INTO revocations (certificate_id, ground, detail, conclusion_ref, conclusion_date, decided_on, number_text, file_path, sha256, created_at)
        VALUES (1, 'f', 'x', 'y', '2027-01-01', '2027-01-02', '01/QĐ-UBND', 'a.pdf', '${'a'.repeat(64)}', '${at}')`).run()
    ).toThrow(/CHECK/)
    expect(() => db.prepare(`INSERT INTO product_export_info (product_id, annual_revenue, revenue_year, updated_at) VALUES (1, 100, NULL, '${at}')`).run()).toThrow(/CHECK/)
    db.close()
  })
})
