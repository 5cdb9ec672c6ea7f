import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openConnection } from '../../../src-main/db/connection'
import { migrateTo } from '../../../src-main/db/migrate'
import { m015AttendanceReasons } from '../../../src-main/db/migrations/015-attendance-reasons'
import { tempDir } from '../../utils/core'

const at = '2026-12-01T08:00:00.000Z'
const v = m015AttendanceReasons.version

/** A scoring session (1) and a finalized one (2), each with a present and an absent member, before this migration. */
function before() {
  const db = openConnection(join(tempDir(), 'm13.sqlite'))
  migrateTo(db, v - 1)
  db.exec(`
    INSERT INTO councils (id, name, period_from, decision_no, decision_date, signer_name, signer_title, quy_che, created_at, updated_at)
      VALUES (1, 'HĐ', '2026-01-01', '1/QĐ-UBND', '2026-01-01', 'A', 'Chủ tịch', '{}', '${at}', '${at}');
    INSERT INTO council_versions (id, council_id, version_no, snapshot, sha256, reason, created_at) VALUES (1, 1, 1, '{}', '${'b'.repeat(64)}', 'x', '${at}');
    INSERT INTO rounds (id, year, name, deadline, created_at) VALUES (1, 2026, 'Đợt 1', '2026-12-31', '${at}');
    INSERT INTO sessions (id, round_id, date, start_time, place, council_version_id, quy_che, criteria_version, status, created_at, updated_at)
      VALUES (1, 1, '2026-11-20', '08:00', 'Hội trường', 1, '{}', 'v1', 'scoring', '${at}', '${at}'),
             (2, 1, '2026-11-21', '08:00', 'Hội trường', 1, '{}', 'v1', 'scoring', '${at}', '${at}');
    INSERT INTO session_members (id, session_id, ord, role, full_name) VALUES (1, 1, 0, 'chair', 'A'), (2, 1, 1, 'member', 'B'), (3, 2, 0, 'chair', 'C'), (4, 2, 1, 'member', 'D');
    INSERT INTO attendance (member_id, session_id, status, left_at, updated_at)
      VALUES (1, 1, 'present', NULL, '${at}'), (2, 1, 'absent', NULL, '${at}'), (3, 2, 'present', NULL, '${at}'), (4, 2, 'absent', NULL, '${at}');
    UPDATE sessions SET status = 'finalized', finalized_at = '${at}' WHERE id = 2;
  `)
  return db
}

describe('migration 015: absence reason and proxy note at roll-call', () => {
  it('keeps the attendance, with empty reasons, and records a reason and a proxy note for an absent member', () => {
    const db = before()
    migrateTo(db, v)
    expect(db.prepare('SELECT member_id, status, absence_reason, proxy_note FROM attendance ORDER BY member_id').all()).toEqual([
      { member_id: 1, status: 'present', absence_reason: '', proxy_note: '' },
      { member_id: 2, status: 'absent', absence_reason: '', proxy_note: '' },
      { member_id: 3, status: 'present', absence_reason: '', proxy_note: '' },
      { member_id: 4, status: 'absent', absence_reason: '', proxy_note: '' }
    ])
    db.prepare("UPDATE attendance SET absence_reason = 'Đi công tác', proxy_note = 'Gửi ý kiến bằng văn bản' WHERE member_id = 2").run()
    expect(db.prepare('SELECT absence_reason, proxy_note FROM attendance WHERE member_id = 2').get()).toEqual({ absence_reason: 'Đi công tác', proxy_note: 'Gửi ý kiến bằng văn bản' })
    // Reasons belong to absences only; lengths are bounded.
    expect(() => db.prepare("UPDATE attendance SET absence_reason = 'x' WHERE member_id = 1").run()).toThrow(/vắng mặt/)
    expect(() => db.prepare("UPDATE attendance SET status = 'present' WHERE member_id = 2").run()).toThrow(/vắng mặt/)
    expect(() => db.prepare(`UPDATE attendance SET absence_reason = '${'x'.repeat(201)}' WHERE member_id = 2`).run()).toThrow(/CHECK/)
    db.close()
  })

  it('keeps the finalized-session guards: no update, no delete, no REPLACE of a finalized session\'s roll-call', () => {
    const db = before()
    migrateTo(db, v)
    expect(() => db.prepare("UPDATE attendance SET absence_reason = 'Ốm' WHERE member_id = 4").run()).toThrow(/FINALIZED/)
    expect(() => db.prepare('DELETE FROM attendance WHERE member_id = 4').run()).toThrow(/FINALIZED/)
    expect(() =>
      db.prepare(`INSERT OR REPLACE INTO attendance (member_id, session_id, status, left_at, updated_at, absence_reason, proxy_note) VALUES (4, 2, 'absent', NULL, '${at}', 'Ốm', '')`).run()
    ).toThrow(/FINALIZED/)
    expect(db.prepare('SELECT absence_reason FROM attendance WHERE member_id = 4').pluck().get()).toBe('')
    db.close()
  })
})
