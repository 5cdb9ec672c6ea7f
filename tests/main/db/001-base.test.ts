import { openConnection } from '../../../src-main/db/connection'
import { migrateTo, schemaVersion } from '../../../src-main/db/migrate'

describe('migration 001 (settings, criteria sets)', () => {
  it('creates the tables and protects criteria rows from update and delete', () => {
    const db = openConnection(':memory:')
    migrateTo(db, 1)
    expect(schemaVersion(db)).toBe(1)
    db.prepare(`INSERT INTO criteria_sets (set_id, version, set_no, name, classification_code, sector, grp, subgroup, legal_document, content, content_sha256, loaded_at)
      VALUES ('QD26-2026-06', 'v1', 6, 'x', 'I.3.b', 's', 'g', NULL, '26/2026/QĐ-TTg', '{}', 'h', '2026-01-01')`).run()
    expect(() => db.prepare("UPDATE criteria_sets SET name = 'y'").run()).toThrow(/IMMUTABLE/)
    expect(() => db.prepare('DELETE FROM criteria_sets').run()).toThrow(/IMMUTABLE/)
    expect(() => db.prepare(`INSERT INTO criteria_sets (set_id, version, set_no, name, classification_code, sector, grp, subgroup, legal_document, content, content_sha256, loaded_at)
      VALUES ('QD26-2026-06', 'v1', 6, 'x', 'I.3.b', 's', 'g', NULL, 'd', '{}', 'h', 't')`).run()).toThrow(/UNIQUE/)
    expect(() => db.prepare(`INSERT INTO criteria_sets (set_id, version, set_no, name, classification_code, sector, grp, subgroup, legal_document, content, content_sha256, loaded_at)
      VALUES ('QD26-2026-07', 'v1', 27, 'x', 'I', 's', 'g', NULL, 'd', 'not json', 'h', 't')`).run()).toThrow(/CHECK/)
    expect(() => db.prepare("INSERT INTO app_settings (key, value, updated_at) VALUES ('k', ?, 't')").run(Buffer.from('x'))).toThrow(/cannot store BLOB value in TEXT column/)
  })
})
