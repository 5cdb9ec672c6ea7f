import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openConnection } from '../../../src-main/db/connection'
import { migrateTo } from '../../../src-main/db/migrate'
import { tempDir } from '../../utils/core'

const at = '2026-12-01T08:00:00.000Z'
const H = 'a'.repeat(64)

/** A version-8 database with one finalized session, one result, one amendment and one audit event, by raw SQL. */
function finalizedAt8(file: string): void {
  const db = openConnection(file)
  migrateTo(db, 8)
  db.exec(`
    INSERT INTO producers (id, kind, name, name_fold, sort_key, rep_name, rep_gender, rep_ethnicity, province_code, commune_code, created_at, updated_at)
      VALUES (1, 'htx', 'HTX Chè Cầu Đất', 'htx', 'htx', 'A', 'nu', 'Kinh', '68', '24778', '${at}', '${at}');
    INSERT INTO products (id, code, form_no, province_code, commune_code, serial, year, name, name_fold, sort_key, producer_id, set_id, registration_type, status, created_at, updated_at)
      VALUES (1, '68-24778-2026-1', 'F1', '68', '24778', 1, 2026, 'Chè Ô long', 'che', 'che', 1, 'QD26-2026-06', 'lan-dau', 'rated', '${at}', '${at}');
    INSERT INTO councils (id, name, period_from, decision_no, decision_date, signer_name, signer_title, quy_che, status, created_at, updated_at)
      VALUES (1, 'Hội đồng', '2026-01-01', '1/QĐ', '2026-01-01', 'A', 'B', '{}', 'active', '${at}', '${at}');
    INSERT INTO council_versions (id, council_id, version_no, snapshot, sha256, created_at) VALUES (1, 1, 1, '{}', '${H}', '${at}');
    INSERT INTO rounds (id, year, name, deadline, created_at) VALUES (1, 2026, 'Đợt 1', '2026-12-15', '${at}');
    INSERT INTO sessions (id, round_id, date, start_time, place, council_version_id, quy_che, criteria_version, created_at, updated_at)
      VALUES (1, 1, '2026-11-20', '08:00', 'UBND', 1, '{}', 'v1', '${at}', '${at}');
    INSERT INTO session_agenda (session_id, product_id, ord) VALUES (1, 1, 0);
    INSERT INTO results (session_id, product_id, criteria_set_id, criteria_version, rating, sha256, status, stars, mean, outcome, finalized_at)
      VALUES (1, 1, 'QD26-2026-06', 'v1', '{}', '${H}', 'final', 5, 92.5, 'proposed-5-star', '${at}');
    UPDATE sessions SET status = 'finalized', finalized_at = '${at}' WHERE id = 1;
    INSERT INTO amendments (id, session_id, product_id, reason, author, text, created_at) VALUES (1, 1, 1, 'Lý do', 'Thư ký', 'Nội dung', '${at}');
    INSERT INTO audit_events (seq, at, kind, session_id, actor, content, prev_hash, hash) VALUES (1, '${at}', 'session.finalize', 1, 'local', '{}', '${'0'.repeat(64)}', '${H}');
  `)
  db.close()
}

describe('migration 009: REPLACE guards and result name snapshots', () => {
  it('fills the names of results finalized before it and keeps their UPDATE guard', () => {
    const file = join(tempDir(), 'm9.sqlite')
    finalizedAt8(file)
    const db = openConnection(file)
    migrateTo(db, 9)
    expect(db.prepare('SELECT product_code, product_name, producer_name FROM results').get()).toEqual({ product_code: '68-24778-2026-1', product_name: 'Chè Ô long', producer_name: 'HTX Chè Cầu Đất' })
    expect(() => db.prepare('UPDATE results SET stars = 1').run()).toThrow(/FINALIZED/)
    db.close()
  })

  it('refuses every REPLACE of a protected row from a plain connection (recursive_triggers off), and new rows in a finalized session', () => {
    const file = join(tempDir(), 'm9.sqlite')
    finalizedAt8(file)
    const up = openConnection(file)
    migrateTo(up, 9)
    up.close()
    // A raw connection, as a person with the sqlite3 tool would have: none of the app's pragmas.
    const db = new Database(file)
    expect(db.pragma('recursive_triggers', { simple: true })).toBe(0)
    const refused: Array<[string, RegExp]> = [
      [`REPLACE INTO results (session_id, product_id, criteria_set_id, criteria_version, rating, sha256, status, stars, mean, outcome, finalized_at) VALUES (1, 1, 'QD26-2026-06', 'v1', '{}', '${H}', 'final', 1, 10, 'not-recognised', '${at}')`, /FINALIZED/],
      [`INSERT OR REPLACE INTO amendments (id, session_id, product_id, reason, author, text, created_at) VALUES (1, 1, 1, 'x', 'y', 'z', '${at}')`, /IMMUTABLE/],
      [`INSERT OR REPLACE INTO audit_events (seq, at, kind, session_id, actor, content, prev_hash, hash) VALUES (1, '${at}', 'x', NULL, 'local', '{}', '${H}', '${H}')`, /IMMUTABLE/],
      [`REPLACE INTO sessions (id, round_id, date, start_time, place, council_version_id, quy_che, criteria_version, created_at, updated_at) VALUES (1, 1, '2026-11-20', '08:00', 'X', 1, '{}', 'v1', '${at}', '${at}')`, /FINALIZED/],
      [`REPLACE INTO session_agenda (session_id, product_id, ord, current_round) VALUES (1, 1, 0, 2)`, /FINALIZED/],
      [`REPLACE INTO council_versions (id, council_id, version_no, snapshot, sha256, created_at) VALUES (1, 1, 1, '{"x":1}', '${H}', '${at}')`, /IMMUTABLE/],
      [`REPLACE INTO rounds (id, year, name, deadline, created_at) VALUES (1, 2026, 'Đợt khác', '2026-12-15', '${at}')`, /FINALIZED/],
      [`UPDATE rounds SET name = 'Đợt khác' WHERE id = 1`, /FINALIZED/]
    ]
    for (const [sql, message] of refused) expect(() => db.exec(sql), sql).toThrow(message)
    expect(db.prepare('SELECT stars FROM results').pluck().get()).toBe(5)
    expect(db.prepare('SELECT count(*) FROM amendments').pluck().get()).toBe(1)
    // Appending stays possible: a new amendment and a new event.
    db.exec(`INSERT INTO amendments (session_id, product_id, reason, author, text, created_at) VALUES (1, 1, 'Lý do 2', 'Thư ký', 'Nội dung 2', '${at}')`)
    db.exec(`INSERT INTO audit_events (seq, at, kind, session_id, actor, content, prev_hash, hash) VALUES (2, '${at}', 'x', NULL, 'local', '{}', '${H}', '${H}')`)
    db.close()
  })
})
