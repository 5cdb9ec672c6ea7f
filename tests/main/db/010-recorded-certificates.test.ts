import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openConnection } from '../../../src-main/db/connection'
import { migrateTo } from '../../../src-main/db/migrate'
import { tempDir } from '../../utils/core'

const at = '2026-12-01T08:00:00.000Z'

function before010() {
  const db = openConnection(join(tempDir(), 'm9.sqlite'))
  migrateTo(db, 9)
  db.exec(`
    INSERT INTO producers (id, kind, name, name_fold, sort_key, rep_name, rep_gender, rep_ethnicity, province_code, commune_code, created_at, updated_at)
      VALUES (1, 'htx', 'HTX', 'htx', 'htx', 'A', 'nu', 'Kinh', '68', '24778', '${at}', '${at}');
    INSERT INTO products (id, code, form_no, province_code, commune_code, serial, year, name, name_fold, sort_key, producer_id, set_id, registration_type, status, stars, created_at, updated_at)
      VALUES (1, '68-24778-001-2026', 'F1', '68', '24778', 1, 2026, 'Chè', 'che', 'che', 1, 'QD26-2026-06', 'lan-dau', 'revoked', 4, '${at}', '${at}'),
             (2, '68-24778-002-2026', 'F2', '68', '24778', 2, 2026, 'Cà phê', 'ca phe', 'ca phe', 1, 'QD26-2026-06', 'lan-dau', 'registered', NULL, '${at}', '${at}');
    INSERT INTO certificates (id, product_id, year, number, number_text, stars, decision_no, decision_date, issued_on, expiry_date, status, created_at)
      VALUES (7, 1, 2026, 1, '01/GCN-OCOP', 4, '1/QĐ-UBND', '2026-12-01', '2026-12-01', '2029-12-01', 'revoked', '${at}');
    INSERT INTO revocations (id, certificate_id, ground, detail, conclusion_ref, conclusion_date, decided_on, number_text, file_path, sha256, created_at)
      VALUES (3, 7, 'a', 'x', 'y', '2027-01-01', '2027-01-02', '01/QĐ-UBND', 'a.pdf', '${'a'.repeat(64)}', '${at}');
  `)
  return db
}

const recorded = (db: ReturnType<typeof openConnection>) =>
  db.prepare(`INSERT INTO certificates (product_id, origin, year, number_text, stars, decision_no, decision_date, issued_on, expiry_date, expiry_printed, issuing_authority, status, created_at)
    VALUES (2, 'recorded', @year, @numberText, 3, '768/QĐ-UBND', @decisionDate, @issuedOn, @expiry, 0, @authority, @status, '${at}')`)

describe('migration 010: recorded certificates', () => {
  it('keeps issued certificates and their revocations, with ids and guards', () => {
    const db = before010()
    migrateTo(db, 10)
    expect(db.prepare('SELECT id, origin, number_text FROM certificates').all()).toEqual([{ id: 7, origin: 'issued', number_text: '01/GCN-OCOP' }])
    expect(db.prepare('SELECT id, certificate_id FROM revocations').all()).toEqual([{ id: 3, certificate_id: 7 }])
    expect(db.pragma('foreign_key_check')).toEqual([])
    // Rebuilt with foreign keys off for the migration only: children still refer to "certificates", checks are back on.
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'revocations'").pluck().get()).toMatch(/REFERENCES certificates \(id\)/)
    expect(() => db.prepare(`INSERT INTO revocations (certificate_id, ground, detail, conclusion_ref, conclusion_date, decided_on, number_text, file_path, sha256, created_at)
      VALUES (999, 'a', 'x', 'y', '2027-01-01', '2027-01-02', '02/QĐ-UBND', 'b.pdf', '${'a'.repeat(64)}', '${at}')`).run()).toThrow(/FOREIGN KEY/)
    expect(() => db.prepare('DELETE FROM certificates WHERE id = 7').run()).toThrow(/IMMUTABLE/)
    expect(() => db.prepare("UPDATE revocations SET detail = 'z'").run()).toThrow(/IMMUTABLE/)
    // Issued certificates still need their register number and dates.
    expect(() =>
      db.prepare(`INSERT INTO certificates (product_id, year, number_text, stars, decision_no, issued_on, expiry_date, created_at) VALUES (2, 2026, '02/GCN-OCOP', 3, '2/QĐ', '2026-12-01', '2029-12-01', '${at}')`).run()
    ).toThrow(/CHECK/)
    db.close()
  })

  it('records a certificate known only by its year, with a printed number of another authority', () => {
    const db = before010()
    migrateTo(db, 10)
    const ins = recorded(db)
    const base = { year: 2024, numberText: '01/GCN-OCOP', decisionDate: null, issuedOn: null, expiry: '2027-06-30', authority: 'UBND huyện Đắk Song (cũ)', status: 'expired' }
    ins.run(base)
    // The same printed number by another former district in the same year is a different certificate.
    expect(() => ins.run({ ...base, authority: 'UBND huyện Cư Jút (cũ)' })).not.toThrow()
    expect(() => ins.run(base)).toThrow(/UNIQUE|IMMUTABLE/)
    // No authority, an issue date of another year, an expiry before the year: refused.
    expect(() => ins.run({ ...base, numberText: '02', authority: ' ' })).toThrow(/CHECK/)
    expect(() => ins.run({ ...base, numberText: '03', issuedOn: '2023-05-01' })).toThrow(/CHECK/)
    expect(() => ins.run({ ...base, numberText: '04', expiry: '2023-12-31' })).toThrow(/CHECK/)
    // A recorded certificate cannot claim a session or a register number.
    expect(() =>
      db.prepare(`INSERT INTO certificates (product_id, origin, year, number, number_text, stars, decision_no, expiry_date, issuing_authority, created_at) VALUES (2, 'recorded', 2024, 5, '05', 3, 'x', '2027-01-01', 'UBND', '${at}')`).run()
    ).toThrow(/CHECK/)
    expect(() => db.prepare("UPDATE certificates SET issuing_authority = 'khác' WHERE origin = 'recorded'").run()).toThrow(/IMMUTABLE/)
    // The REPLACE guard keeps partial keys partial: a product whose earlier certificate expired gets a new valid one,
    // while a REPLACE over a valid certificate is refused (it would delete it without its DELETE guard).
    ins.run({ ...base, numberText: '09/GCN-OCOP', status: 'valid', expiry: '2027-12-31' })
    expect(() => db.prepare(`INSERT OR REPLACE INTO certificates (product_id, origin, year, number_text, stars, decision_no, issued_on, expiry_date, expiry_printed, issuing_authority, status, created_at)
      VALUES (2, 'recorded', 2025, '10/GCN-OCOP', 4, 'x', NULL, '2028-01-01', 0, 'UBND tỉnh', 'valid', '${at}')`).run()).toThrow(/IMMUTABLE/)
    expect(db.prepare("SELECT number_text FROM certificates WHERE product_id = 2 AND status = 'valid'").pluck().all()).toEqual(['09/GCN-OCOP'])
    db.close()
  })
})
