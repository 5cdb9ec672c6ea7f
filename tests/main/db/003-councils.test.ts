import { openConnection } from '../../../src-main/db/connection'
import { migrateTo, schemaVersion } from '../../../src-main/db/migrate'
import { join } from 'node:path'
import { tempDir } from '../../utils/core'

const at = '2026-07-01T00:00:00.000Z'

describe('migration 003 councils', () => {
  it('adds councils, members and immutable versions on top of version 2 without touching existing data', () => {
    const db = openConnection(join(tempDir(), 'm3.sqlite'))
    migrateTo(db, 2)
    db.prepare('INSERT INTO app_settings (key, value, updated_at) VALUES (?, ?, ?)').run('ui', '{"language":"vi"}', at)
    migrateTo(db, 3)
    expect(schemaVersion(db)).toBe(3)
    expect(db.prepare('SELECT value FROM app_settings WHERE key = ?').pluck().get('ui')).toBe('{"language":"vi"}')

    const id = Number(
      db
        .prepare(`INSERT INTO councils (name, period_from, period_to, decision_no, decision_date, signer_name, signer_title, quy_che, created_at, updated_at)
          VALUES ('Hội đồng', '2026-07-01', '2027-06-30', '12/QĐ-UBND', '2026-06-20', 'Nguyễn Văn A', 'Chủ tịch UBND tỉnh', '{}', ?, ?)`)
        .run(at, at).lastInsertRowid
    )
    const member = db.prepare(`INSERT INTO council_members (council_id, grp, ord, role, full_name) VALUES (?, ?, ?, ?, ?)`)
    member.run(id, 'council', 0, 'chair', 'Trần Thị B')
    expect(() => member.run(id, 'council', 1, 'leader', 'X')).toThrow(/CHECK/)
    expect(() => member.run(id, 'advisory', 0, 'secretary', 'X')).toThrow(/CHECK/)
    expect(() => member.run(id, 'council', 0, 'member', 'Trùng thứ tự')).toThrow(/UNIQUE/)
    expect(() => member.run(999, 'council', 0, 'member', 'Không có hội đồng')).toThrow(/FOREIGN KEY/)
    expect(() =>
      db.prepare(`INSERT INTO councils (name, period_from, period_to, decision_no, decision_date, signer_name, signer_title, quy_che, created_at, updated_at)
        VALUES ('X', '2026-07-01', '2026-01-01', '1', '2026-06-20', 'A', 'B', '{}', ?, ?)`).run(at, at)
    ).toThrow(/CHECK/)

    db.prepare(`INSERT INTO council_versions (council_id, version_no, snapshot, sha256, created_at) VALUES (?, 1, '{}', ?, ?)`).run(id, 'a'.repeat(64), at)
    expect(() => db.prepare('UPDATE council_versions SET reason = ?').run('sửa')).toThrow(/IMMUTABLE/)
    expect(() => db.prepare('DELETE FROM council_versions').run()).toThrow(/IMMUTABLE/)
    db.prepare(`UPDATE councils SET status = 'active' WHERE id = ?`).run(id)
    expect(() => db.prepare(`UPDATE councils SET status = 'draft' WHERE id = ?`).run(id)).toThrow(/IMMUTABLE/)
    db.close()
  })
})
