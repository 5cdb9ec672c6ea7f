import { join } from 'node:path'
import { openConnection } from '../../../src-main/db/connection'
import { migrateTo, schemaVersion } from '../../../src-main/db/migrate'
import { tempDir } from '../../utils/core'

const at = '2026-11-20T08:00:00.000Z'

/** Version 3 data (a producer, a product, a council version), then version 4 and a finalized session by raw SQL. */
function finalizedSession() {
  const db = openConnection(join(tempDir(), 'm4.sqlite'))
  migrateTo(db, 3)
  db.prepare(`INSERT INTO producers (id, kind, name, name_fold, sort_key, rep_name, rep_gender, rep_ethnicity, province_code, commune_code, created_at, updated_at)
    VALUES (1, 'htx', 'HTX', 'htx', 'htx', 'A', 'nu', 'Kinh', '68', '24778', ?, ?)`).run(at, at)
  db.prepare(`INSERT INTO products (id, code, form_no, province_code, commune_code, serial, year, name, name_fold, sort_key, producer_id, set_id, registration_type, status, dossier_completed_at, created_at, updated_at)
    VALUES (1, '68-24778-2026-1', 'F1', '68', '24778', 1, 2026, 'Chè', 'che', 'che', 1, 'QD26-2026-06', 'lan-dau', 'on-agenda', ?, ?, ?)`).run(at, at, at)
  db.prepare(`INSERT INTO councils (id, name, period_from, decision_no, decision_date, signer_name, signer_title, quy_che, created_at, updated_at)
    VALUES (1, 'Hội đồng', '2026-07-01', '1/QĐ', '2026-06-20', 'A', 'B', '{}', ?, ?)`).run(at, at)
  db.prepare(`INSERT INTO council_versions (id, council_id, version_no, snapshot, sha256, created_at) VALUES (1, 1, 1, '{}', ?, ?)`).run('a'.repeat(64), at)
  migrateTo(db, 4)
  db.exec(`
    INSERT INTO rounds (id, year, name, deadline, created_at) VALUES (1, 2026, 'Đợt 2', '2026-12-15', '${at}');
    INSERT INTO sessions (id, round_id, date, start_time, place, council_version_id, quy_che, criteria_version, status, created_at, updated_at)
      VALUES (1, 1, '2026-11-20', '08:00', 'Hội trường', 1, '{}', 'v1', 'review', '${at}', '${at}');
    INSERT INTO session_members (id, session_id, ord, role, full_name) VALUES (1, 1, 0, 'chair', 'Chủ tịch A');
    INSERT INTO session_agenda (session_id, product_id, ord) VALUES (1, 1, 0);
    INSERT INTO attendance (member_id, session_id, status, updated_at) VALUES (1, 1, 'present', '${at}');
    INSERT INTO conflicts (session_id, product_id, member_id, kind, declared_at) VALUES (1, 1, 1, 'none', '${at}');
    INSERT INTO sheets (id, session_id, product_id, member_id, scoring_round, created_at, updated_at) VALUES (1, 1, 1, 1, 1, '${at}', '${at}');
    INSERT INTO answers (sheet_id, criterion_code, option_id, version, saved_at) VALUES (1, '1.1', '1.1.a', 1, '${at}');
    UPDATE sheets SET status = 'submitted', total = 70, submitted_at = '${at}' WHERE id = 1;
    INSERT INTO results (session_id, product_id, criteria_set_id, criteria_version, rating, sha256, status, finalized_at)
      VALUES (1, 1, 'QD26-2026-06', 'v1', '{}', '${'b'.repeat(64)}', 'final', '${at}');
    UPDATE sessions SET status = 'finalized', finalized_at = '${at}' WHERE id = 1;
  `)
  return db
}

describe('migration 004 sessions', () => {
  it('adds the session tables on top of version 3 and keeps its rows', () => {
    const db = finalizedSession()
    expect(schemaVersion(db)).toBe(4)
    expect(db.prepare('SELECT name FROM products WHERE id = 1').pluck().get()).toBe('Chè')
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all()
    for (const t of ['rounds', 'sessions', 'session_members', 'session_agenda', 'attendance', 'conflicts', 'sheets', 'answers', 'paper_passes', 'rescores', 'agreements', 'results', 'amendments', 'audit_events', 'join_codes', 'member_tokens'])
      expect(tables).toContain(t)
  })

  it('refuses bad rows with constraints', () => {
    const db = finalizedSession()
    expect(() => db.prepare(`INSERT INTO rounds (year, name, deadline, created_at) VALUES (2026, 'X', '2027-01-10', ?)`).run(at)).toThrow(/CHECK/)
    expect(() => db.prepare(`INSERT INTO conflicts (session_id, product_id, member_id, kind, declared_at) VALUES (1, 1, 1, 'other', ?)`).run(at)).toThrow()
    expect(() => db.prepare(`INSERT INTO sessions (round_id, date, start_time, place, council_version_id, quy_che, criteria_version, created_at, updated_at) VALUES (1, '2026-11-31', '08:00', 'X', 1, '{}', 'v', ?, ?)`).run(at, at)).toThrow(/CHECK/)
  })

  it('rejects raw UPDATE and DELETE on finalized results, sheets, answers, attendance and conflicts', () => {
    const db = finalizedSession()
    const attempts = [
      "UPDATE results SET stars = 5",
      'DELETE FROM results',
      'UPDATE sheets SET total = 99',
      'DELETE FROM sheets',
      "UPDATE answers SET option_id = '1.1.b'",
      'DELETE FROM answers',
      "UPDATE attendance SET status = 'absent'",
      'DELETE FROM attendance',
      "UPDATE conflicts SET kind = 'family', text = 'x'",
      'DELETE FROM conflicts',
      "UPDATE sessions SET place = 'Khác'",
      'DELETE FROM session_agenda'
    ]
    for (const sql of attempts) expect(() => db.exec(sql), sql).toThrow(/^FINALIZED: /)
    expect(() => db.exec(`INSERT INTO attendance (member_id, session_id, status, updated_at) VALUES (2, 1, 'present', '${at}')`)).toThrow(/FINALIZED/)
  })

  it('keeps the audit log append-only and amendments immutable', () => {
    const db = finalizedSession()
    db.prepare('INSERT INTO audit_events (seq, at, kind, session_id, actor, content, prev_hash, hash) VALUES (1, ?, ?, 1, ?, ?, ?, ?)').run(at, 'x', 'local', '{}', '0'.repeat(64), '1'.repeat(64))
    expect(() => db.exec("UPDATE audit_events SET kind = 'y'")).toThrow(/^IMMUTABLE: /)
    expect(() => db.exec('DELETE FROM audit_events')).toThrow(/^IMMUTABLE: /)
    db.prepare('INSERT INTO amendments (session_id, product_id, reason, author, text, created_at) VALUES (1, 1, ?, ?, ?, ?)').run('Lý do', 'Thư ký', 'Nội dung', at)
    expect(() => db.exec("UPDATE amendments SET text = 'khác'")).toThrow(/^IMMUTABLE: /)
  })
})
