import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openConnection } from '../../../src-main/db/connection'
import { migrateTo } from '../../../src-main/db/migrate'
import { tempDir } from '../../utils/core'

const at = '2026-12-01T08:00:00.000Z'

describe('migration 013: office documents in the register', () => {
  it('widens the register kinds over existing rows, keeps their guards, and adds immutable office issues', () => {
    const db = openConnection(join(tempDir(), 'm13.sqlite'))
    migrateTo(db, 11)
    db.exec(`INSERT INTO document_numbers (id, year, symbol, number, kind, allocated_at) VALUES (1, 2026, 'BB-HĐOCOP', 1, 'minutes', '${at}');
      INSERT INTO documents (id, kind, format, title, number_id, number_text, doc_date, data_version, input_sha256, sha256, size, file_path, created_at)
        VALUES (1, 'minutes', 'pdf', 'Biên bản', 1, '01/BB-HĐOCOP', '2026-11-20', 'v', '${'a'.repeat(64)}', '${'b'.repeat(64)}', 10, 'documents/a.pdf', '${at}');`)
    expect(() => db.prepare(`INSERT INTO document_numbers (year, symbol, number, kind, allocated_at) VALUES (2026, 'KH-SNNMT', 1, 'inspection-plan', ?)`).run(at)).toThrow(/CHECK/)
    migrateTo(db, 13)
    // Existing rows and ids survive the rebuild; the foreign keys still hold.
    expect(db.prepare('SELECT id, number_text FROM documents').all()).toEqual([{ id: 1, number_text: '01/BB-HĐOCOP' }])
    expect(db.pragma('foreign_key_check')).toEqual([])
    const num = db.prepare(`INSERT INTO document_numbers (year, symbol, number, kind, allocated_at) VALUES (2027, ?, 1, ?, ?)`)
    for (const [symbol, kind] of [['KH-SNNMT', 'inspection-plan'], ['BB-SNNMT', 'inspection-record'], ['SNNMT-OCOP', 'advice-letter'], ['BC-SNNMT', 'periodic-report']]) num.run(symbol, kind, at)
    expect(() => num.run('X-Y', 'memo', at)).toThrow(/CHECK/)
    // 005's guards and 009's REPLACE guard came back with the rebuilt tables.
    expect(() => db.prepare(`UPDATE document_numbers SET number = 9 WHERE id = 1`).run()).toThrow(/IMMUTABLE/)
    expect(() => db.prepare(`DELETE FROM document_numbers WHERE id = 1`).run()).toThrow(/IMMUTABLE/)
    expect(() => db.prepare(`INSERT OR REPLACE INTO document_numbers (id, year, symbol, number, kind, allocated_at) VALUES (1, 2026, 'BB-HĐOCOP', 1, 'minutes', ?)`).run(at)).toThrow(/IMMUTABLE/)
    expect(() => db.prepare(`UPDATE documents SET title = 'x' WHERE id = 1`).run()).toThrow(/IMMUTABLE/)
    expect(() => db.prepare(`INSERT OR REPLACE INTO documents (id, kind, format, title, number_id, number_text, doc_date, data_version, input_sha256, sha256, size, file_path, created_at)
        VALUES (1, 'minutes', 'pdf', 'x', 1, '01/BB-HĐOCOP', '2026-11-20', 'v', '${'a'.repeat(64)}', '${'b'.repeat(64)}', 10, 'documents/a.pdf', '${at}')`).run()).toThrow(/IMMUTABLE/)

    db.prepare(`INSERT INTO document_settings_versions (id, settings, sha256, created_at) VALUES (1, '{}', ?, ?)`).run('c'.repeat(64), at)
    const issue = db.prepare(`INSERT INTO office_document_issues (kind, scope, number_id, number_text, doc_date, settings_version_id, input, issued_at) VALUES (?, ?, ?, ?, '2027-01-05', 1, ?, ?)`)
    const planNo = db.prepare(`SELECT id FROM document_numbers WHERE symbol = 'KH-SNNMT'`).pluck().get() as number
    issue.run('inspection-plan', '1', planNo, '01/KH-SNNMT', '{"year":2027}', at)
    expect(() => issue.run('inspection-plan', '1', planNo + 1, '01/BB-SNNMT', '{}', at)).toThrow(/UNIQUE|IMMUTABLE/)
    expect(() => issue.run('minutes', '2', planNo + 1, '01/BB-SNNMT', '{}', at)).toThrow(/CHECK/)
    expect(() => issue.run('inspection-record', '2', planNo + 1, '01/BB-SNNMT', '[]', at)).toThrow(/CHECK/)
    expect(() => db.prepare(`UPDATE office_document_issues SET number_text = '02/KH-SNNMT'`).run()).toThrow(/IMMUTABLE/)
    expect(() => db.prepare('DELETE FROM office_document_issues').run()).toThrow(/IMMUTABLE/)
    expect(() => db.prepare(`INSERT OR REPLACE INTO office_document_issues (id, kind, scope, number_id, number_text, doc_date, settings_version_id, input, issued_at) VALUES (1, 'inspection-plan', '1', ?, '01/KH-SNNMT', '2027-01-05', 1, '{}', ?)`).run(planNo, at)).toThrow(/IMMUTABLE/)
    db.close()
  })
})
