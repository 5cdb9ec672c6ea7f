import type { Migration } from './types'

/**
 * Issue 13, roll-call: an absent member's reason ("Vắng mặt có lý do: …") and the proxy or written opinion they sent
 * ("Ủy quyền/ý kiến bằng văn bản") are recorded with the attendance, the source the minutes print from. Both are empty
 * unless the member is absent. Added columns keep the table and its triggers: the finalized-session guards of 004 and
 * the REPLACE guard of 009 (keyed on member_id) still cover every write.
 */
export const m015AttendanceReasons: Migration = {
  version: 15,
  name: 'absence reason and proxy note at roll-call',
  up(db) {
    db.exec(`
      ALTER TABLE attendance ADD COLUMN absence_reason TEXT NOT NULL DEFAULT '' CHECK (length(absence_reason) <= 200);
      ALTER TABLE attendance ADD COLUMN proxy_note TEXT NOT NULL DEFAULT '' CHECK (length(proxy_note) <= 300);
      CREATE TRIGGER attendance_reason_absent_insert BEFORE INSERT ON attendance
        WHEN NEW.status <> 'absent' AND (NEW.absence_reason <> '' OR NEW.proxy_note <> '')
      BEGIN SELECT RAISE(ABORT, 'CHECK: Lý do vắng và ủy quyền chỉ ghi cho thành viên vắng mặt'); END;
      CREATE TRIGGER attendance_reason_absent_update BEFORE UPDATE ON attendance
        WHEN NEW.status <> 'absent' AND (NEW.absence_reason <> '' OR NEW.proxy_note <> '')
      BEGIN SELECT RAISE(ABORT, 'CHECK: Lý do vắng và ủy quyền chỉ ghi cho thành viên vắng mặt'); END;
    `)
  }
}
