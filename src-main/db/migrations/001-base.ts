import type { Migration } from './types'

/** Settings and the immutable, versioned criteria sets of QĐ 26/2026. */
export const m001Base: Migration = {
  version: 1,
  name: 'base: settings, criteria sets',
  up(db) {
    db.exec(`
      CREATE TABLE app_settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE criteria_sets (
        id INTEGER PRIMARY KEY,
        set_id TEXT NOT NULL,
        version TEXT NOT NULL,
        set_no INTEGER NOT NULL CHECK (set_no BETWEEN 1 AND 26),
        name TEXT NOT NULL,
        classification_code TEXT NOT NULL,
        sector TEXT NOT NULL,
        grp TEXT NOT NULL,
        subgroup TEXT,
        legal_document TEXT NOT NULL,
        content TEXT NOT NULL CHECK (json_valid(content)),
        content_sha256 TEXT NOT NULL,
        loaded_at TEXT NOT NULL,
        UNIQUE (set_id, version)
      ) STRICT;

      CREATE TRIGGER criteria_sets_no_update BEFORE UPDATE ON criteria_sets
      BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: Bộ tiêu chí đã nạp không được sửa'); END;
      CREATE TRIGGER criteria_sets_no_delete BEFORE DELETE ON criteria_sets
      BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: Bộ tiêu chí đã nạp không được xóa'); END;
    `)
  }
}
