import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openConnection } from '../../../src-main/db/connection'
import { migrateTo } from '../../../src-main/db/migrate'
import { tempDir } from '../../utils/core'

const at = '2026-12-01T08:00:00.000Z'

function before017() {
  const db = openConnection(join(tempDir(), 'm16.sqlite'))
  migrateTo(db, 16)
  db.exec(`
    INSERT INTO producers (id, kind, name, name_fold, sort_key, rep_name, rep_gender, rep_ethnicity, province_code, commune_code, created_at, updated_at)
      VALUES (1, 'htx', 'HTX', 'htx', 'htx', 'A', 'nu', 'Kinh', '68', '24778', '${at}', '${at}');
    INSERT INTO products (id, code, form_no, province_code, commune_code, serial, year, name, name_fold, sort_key, producer_id, set_id, registration_type, status, stars, created_at, updated_at)
      VALUES (1, '68-24778-001-2026', 'F1', '68', '24778', 1, 2026, 'Chè', 'che', 'che', 1, 'QD26-2026-06', 'lan-dau', 'revoked', 4, '${at}', '${at}'),
             (2, '68-24778-002-2026', 'F2', '68', '24778', 2, 2026, 'Cà phê', 'ca phe', 'ca phe', 1, 'QD26-2026-06', 'nang-hang', 'registered', 3, '${at}', '${at}');
    INSERT INTO certificates (id, product_id, year, number, number_text, stars, decision_no, decision_date, issued_on, expiry_date, status, created_at)
      VALUES (7, 1, 2026, 1, '01/GCN-OCOP', 4, '1/QĐ-UBND', '2026-12-01', '2026-12-01', '2029-12-01', 'revoked', '${at}');
    INSERT INTO revocations (id, certificate_id, ground, detail, conclusion_ref, conclusion_date, decided_on, number_text, file_path, sha256, created_at)
      VALUES (3, 7, 'a', 'x', 'y', '2027-01-01', '2027-01-02', '01/QĐ-UBND', 'a.pdf', '${'a'.repeat(64)}', '${at}');
    INSERT INTO certificates (id, product_id, origin, year, number_text, stars, decision_no, decision_date, issued_on, expiry_date, issuing_authority, status, created_at)
      VALUES (8, 2, 'recorded', 2025, '05/GCN-UBND', 3, '768/QĐ-UBND', '2025-03-01', '2025-03-01', '2028-03-01', 'UBND huyện Đắk Song (cũ)', 'valid', '${at}');
  `)
  return db
}

const issue = (db: ReturnType<typeof openConnection>, id: number, product: number, issuedOn: string, number = '02/GCN-OCOP') =>
  db.prepare(`INSERT INTO certificates (id, product_id, year, number, number_text, stars, decision_no, decision_date, issued_on, expiry_date, status, created_at)
    VALUES (?, ?, 2027, 2, ?, 4, '9/QĐ-UBND', ?, ?, '2030-01-01', 'valid', '${at}')`).run(id, product, number, issuedOn, issuedOn)

describe('migration 017: replaced certificates', () => {
  it('keeps every row, id, revocation and guard through the rebuild', () => {
    const db = before017()
    migrateTo(db, 17)
    expect(db.prepare('SELECT id, status, replaced_by, replaced_on FROM certificates ORDER BY id').all()).toEqual([
      { id: 7, status: 'revoked', replaced_by: null, replaced_on: null },
      { id: 8, status: 'valid', replaced_by: null, replaced_on: null }
    ])
    expect(db.pragma('foreign_key_check')).toEqual([])
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(() => db.prepare('DELETE FROM certificates WHERE id = 7').run()).toThrow(/IMMUTABLE/)
    expect(() => db.prepare("UPDATE certificates SET status = 'valid' WHERE id = 7").run()).toThrow(/IMMUTABLE/)
    expect(() => db.prepare("UPDATE certificates SET stars = 5 WHERE id = 8").run()).toThrow(/IMMUTABLE/)
    // The one-valid index and the REPLACE guard still hold.
    expect(() => issue(db, 9, 2, '2027-01-05')).toThrow(/UNIQUE|IMMUTABLE/)
    expect(() => db.prepare(`INSERT OR REPLACE INTO certificates (id, product_id, origin, year, number_text, stars, decision_no, expiry_date, issuing_authority, status, created_at)
      VALUES (8, 2, 'recorded', 2025, 'x', 5, 'y', '2028-03-01', 'UBND', 'expired', '${at}')`).run()).toThrow(/IMMUTABLE/)
    db.close()
  })

  it('lets a valid certificate become replaced by a new one of the same product, in one transaction, and nothing else', () => {
    const db = before017()
    migrateTo(db, 17)
    const replace = db.prepare("UPDATE certificates SET status = 'replaced', replaced_by = ?, replaced_on = ? WHERE id = ?")
    // Replaced needs its successor and the day (CHECK), never itself, never before its own issue date.
    expect(() => db.prepare("UPDATE certificates SET status = 'replaced' WHERE id = 8").run()).toThrow(/CHECK|IMMUTABLE/)
    expect(() => replace.run(8, '2027-01-05', 8)).toThrow(/IMMUTABLE/)
    expect(() => replace.run(9, '2024-01-05', 8)).toThrow(/IMMUTABLE/)
    // A revoked certificate cannot be replaced; the link cannot be set on an expiry.
    expect(() => replace.run(9, '2027-01-05', 7)).toThrow(/IMMUTABLE/)
    expect(() => db.prepare("UPDATE certificates SET status = 'expired', replaced_by = 9, replaced_on = '2027-01-05' WHERE id = 8").run()).toThrow(/CHECK/)
    // A successor that never arrives: the deferred foreign key fails the commit.
    expect(() => db.transaction(() => replace.run(9, '2027-01-05', 8))()).toThrow(/FOREIGN KEY/)
    // Another product's certificate, or one issued on another day, cannot be the successor.
    expect(() => db.transaction(() => { replace.run(9, '2027-01-05', 8); issue(db, 9, 1, '2027-01-05') })()).toThrow(/IMMUTABLE/)
    expect(() => db.transaction(() => { replace.run(9, '2027-01-05', 8); issue(db, 9, 2, '2027-01-06') })()).toThrow(/IMMUTABLE/)
    expect(db.prepare('SELECT status FROM certificates WHERE id = 8').pluck().get()).toBe('valid')
    db.transaction(() => { replace.run(9, '2027-01-05', 8); issue(db, 9, 2, '2027-01-05') })()
    expect(db.prepare('SELECT id, status, replaced_by, replaced_on FROM certificates WHERE product_id = 2 ORDER BY id').all()).toEqual([
      { id: 8, status: 'replaced', replaced_by: 9, replaced_on: '2027-01-05' },
      { id: 9, status: 'valid', replaced_by: null, replaced_on: null }
    ])
    // Final: a replaced certificate never changes again, and a successor replaces one certificate only.
    expect(() => db.prepare("UPDATE certificates SET status = 'expired', replaced_by = NULL, replaced_on = NULL WHERE id = 8").run()).toThrow(/IMMUTABLE/)
    expect(() => db.prepare("UPDATE certificates SET replaced_on = '2027-02-01' WHERE id = 8").run()).toThrow(/IMMUTABLE/)
    expect(() => db.prepare('DELETE FROM certificates WHERE id = 9').run()).toThrow(/IMMUTABLE/)
    expect(db.pragma('foreign_key_check')).toEqual([])
    db.close()
  })
})
