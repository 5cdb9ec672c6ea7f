import type { Migration } from './types'

/**
 * Councils (Hội đồng cấp tỉnh) with their members, Tổ tư vấn and Quy chế settings. The editable rows describe the
 * council as it is now; every activation or revision freezes a snapshot in council_versions, which sessions
 * reference, so past sessions keep the members and rules they were held under.
 */
export const m003Councils: Migration = {
  version: 3,
  name: 'councils, members, immutable council versions',
  up(db) {
    db.exec(`
      CREATE TABLE councils (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        period_from TEXT NOT NULL CHECK (date(period_from) IS period_from),
        period_to TEXT CHECK (period_to IS NULL OR (date(period_to) IS period_to AND period_to >= period_from)),
        decision_no TEXT NOT NULL,
        decision_date TEXT NOT NULL CHECK (date(decision_date) IS decision_date),
        signer_name TEXT NOT NULL,
        signer_title TEXT NOT NULL,
        quy_che TEXT NOT NULL CHECK (json_valid(quy_che)),
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX councils_period ON councils (period_from DESC, id DESC);

      CREATE TABLE council_members (
        id INTEGER PRIMARY KEY,
        council_id INTEGER NOT NULL REFERENCES councils (id) ON DELETE CASCADE,
        grp TEXT NOT NULL CHECK (grp IN ('council', 'advisory')),
        ord INTEGER NOT NULL CHECK (ord >= 0),
        role TEXT NOT NULL CHECK (
          (grp = 'council' AND role IN ('chair', 'vice_chair', 'member', 'secretary'))
          OR (grp = 'advisory' AND role IN ('leader', 'member'))
        ),
        full_name TEXT NOT NULL CHECK (length(trim(full_name)) > 0),
        gender TEXT CHECK (gender IS NULL OR gender IN ('male', 'female')),
        organisation TEXT NOT NULL DEFAULT '',
        job_title TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        UNIQUE (council_id, grp, ord)
      ) STRICT;

      CREATE TABLE council_versions (
        id INTEGER PRIMARY KEY,
        council_id INTEGER NOT NULL REFERENCES councils (id),
        version_no INTEGER NOT NULL CHECK (version_no >= 1),
        snapshot TEXT NOT NULL CHECK (json_valid(snapshot)),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        reason TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        UNIQUE (council_id, version_no)
      ) STRICT;

      CREATE TRIGGER council_versions_no_update BEFORE UPDATE ON council_versions
      BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: Phiên bản hội đồng đã ban hành không được sửa'); END;
      CREATE TRIGGER council_versions_no_delete BEFORE DELETE ON council_versions
      BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: Phiên bản hội đồng đã ban hành không được xóa'); END;
      CREATE TRIGGER councils_no_deactivate BEFORE UPDATE OF status ON councils
      WHEN OLD.status = 'active' AND NEW.status <> 'active'
      BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: Hội đồng đã kích hoạt không thể trở lại bản nháp'); END;
    `)
  }
}
