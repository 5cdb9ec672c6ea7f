import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openConnection } from '../../../src-main/db/connection'
import { migrateTo } from '../../../src-main/db/migrate'
import { tempDir } from '../../utils/core'

const at = '2026-12-01T08:00:00.000Z'

describe('migration 011: document issues, document settings versions, minutes content', () => {
  it('adds the tables over existing data; issues and settings versions never change; minutes lock once issued', () => {
    const db = openConnection(join(tempDir(), 'm9.sqlite'))
    migrateTo(db, 10)
    db.exec(`INSERT INTO councils (id, name, period_from, decision_no, decision_date, signer_name, signer_title, quy_che, created_at, updated_at)
      VALUES (1, 'HĐ', '2026-01-01', '1/QĐ-UBND', '2026-01-01', 'A', 'Chủ tịch', '{}', '${at}', '${at}')`)
    migrateTo(db, 11)
    expect(db.prepare('SELECT quy_che_decision_no, quy_che_decision_date FROM councils WHERE id = 1').get()).toEqual({ quy_che_decision_no: '', quy_che_decision_date: null })
    expect(() => db.prepare("UPDATE councils SET quy_che_decision_date = '2026-02-30' WHERE id = 1").run()).toThrow(/CHECK/)

    db.prepare(`INSERT INTO document_settings_versions (id, settings, sha256, created_at) VALUES (1, '{}', ?, ?)`).run('a'.repeat(64), at)
    expect(() => db.prepare(`UPDATE document_settings_versions SET settings = '{"x":1}'`).run()).toThrow(/IMMUTABLE/)
    expect(() => db.prepare('DELETE FROM document_settings_versions').run()).toThrow(/IMMUTABLE/)

    // A session to hang issues on (the sessions tables of 004 need a round and a council version).
    db.exec(`INSERT INTO council_versions (id, council_id, version_no, snapshot, sha256, reason, created_at) VALUES (1, 1, 1, '{}', '${'b'.repeat(64)}', 'x', '${at}');
      INSERT INTO rounds (id, year, name, deadline, created_at) VALUES (1, 2026, 'Đợt 1', '2026-12-31', '${at}');
      INSERT INTO sessions (id, round_id, date, start_time, place, council_version_id, quy_che, criteria_version, status, created_at, updated_at, finalized_at)
        VALUES (1, 1, '2026-11-20', '08:00', 'Hội trường', 1, '{}', 'v1', 'finalized', '${at}', '${at}', '${at}');
      INSERT INTO document_numbers (id, year, symbol, number, kind, allocated_at) VALUES (1, 2026, 'BB-HĐOCOP', 1, 'minutes', '${at}');`)
    db.prepare(`INSERT INTO session_minutes (session_id, end_time, conclusion, updated_at) VALUES (1, '11:15', 'Kết luận', ?)`).run(at)
    expect(() => db.prepare(`INSERT INTO session_minutes (session_id, end_time, updated_at) VALUES (1, '25:99', ?)`).run(at)).toThrow()
    const issue = db.prepare(`INSERT INTO document_issues (session_id, kind, product_scope, number_id, number_text, doc_date, settings_version_id, issued_at) VALUES (1, ?, 0, ?, ?, '2026-11-20', 1, ?)`)
    issue.run('minutes', 1, '01/BB-HĐOCOP', at)
    expect(() => issue.run('minutes', 1, '01/BB-HĐOCOP', at)).toThrow(/UNIQUE|IMMUTABLE/)
    expect(() => issue.run('certificate', 2, '01/GCN-OCOP', at)).toThrow(/CHECK/)
    expect(() => db.prepare("UPDATE document_issues SET number_text = '02/BB-HĐOCOP'").run()).toThrow(/IMMUTABLE/)
    expect(() => db.prepare('DELETE FROM document_issues').run()).toThrow(/IMMUTABLE/)
    expect(() => db.prepare("UPDATE session_minutes SET conclusion = 'khác'").run()).toThrow(/FINALIZED/)
    db.close()
  })
})
