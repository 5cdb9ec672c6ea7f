import type { Migration } from './types'

const FINALIZED = 'FINALIZED: Phiên họp đã chốt kết quả, dữ liệu không được thay đổi; hãy lập bản đính chính'
const sessionFinalized = (col: string) => `(SELECT status FROM sessions WHERE id = ${col}) = 'finalized'`

/** BEFORE INSERT/UPDATE/DELETE guards of one table whose rows belong to a session. */
function guard(table: string, sessionCol: string): string {
  return ['INSERT', 'UPDATE', 'DELETE']
    .map((op) => {
      const row = op === 'INSERT' ? 'NEW' : 'OLD'
      return `CREATE TRIGGER ${table}_finalized_${op.toLowerCase()} BEFORE ${op} ON ${table}
      WHEN ${sessionFinalized(`${row}.${sessionCol}`)}
      BEGIN SELECT RAISE(ABORT, '${FINALIZED}'); END;`
    })
    .join('\n')
}

/**
 * The council session (issue 5): rounds, sessions with their seated members and agenda, roll-call, conflict
 * declarations, sheets and answers per scoring round, paper double-entry passes, re-score rounds, the council's
 * agreements, finalized results, amendments, the hash-chained audit log and members' join codes. Finalized rows
 * are protected here, in the database, not only by the services: raw SQL on them fails with FINALIZED.
 */
export const m004Sessions: Migration = {
  version: 4,
  name: 'council sessions, sheets, results, audit chain, join codes',
  up(db) {
    db.exec(`
      CREATE TABLE rounds (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        deadline TEXT NOT NULL CHECK (date(deadline) IS deadline AND substr(deadline, 1, 4) = CAST(year AS TEXT)),
        created_at TEXT NOT NULL,
        UNIQUE (year, name)
      ) STRICT;

      CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        round_id INTEGER NOT NULL REFERENCES rounds (id) ON DELETE RESTRICT,
        date TEXT NOT NULL CHECK (date(date) IS date),
        start_time TEXT NOT NULL CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
        place TEXT NOT NULL CHECK (length(trim(place)) > 0),
        council_version_id INTEGER NOT NULL REFERENCES council_versions (id) ON DELETE RESTRICT,
        quy_che TEXT NOT NULL CHECK (json_valid(quy_che)),
        criteria_version TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'scoring', 'review', 'finalized')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        finalized_at TEXT,
        CHECK ((status = 'finalized') = (finalized_at IS NOT NULL))
      ) STRICT;
      CREATE INDEX sessions_round ON sessions (round_id, date, id);

      CREATE TABLE session_members (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        ord INTEGER NOT NULL CHECK (ord >= 0),
        role TEXT NOT NULL CHECK (role IN ('chair', 'vice_chair', 'member', 'secretary')),
        full_name TEXT NOT NULL CHECK (length(trim(full_name)) > 0),
        organisation TEXT NOT NULL DEFAULT '',
        job_title TEXT NOT NULL DEFAULT '',
        UNIQUE (session_id, ord)
      ) STRICT;

      CREATE TABLE session_agenda (
        session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE RESTRICT,
        ord INTEGER NOT NULL CHECK (ord >= 0),
        current_round INTEGER NOT NULL DEFAULT 1 CHECK (current_round >= 1),
        PRIMARY KEY (session_id, product_id)
      ) STRICT;
      CREATE INDEX session_agenda_product ON session_agenda (product_id);

      CREATE TABLE attendance (
        member_id INTEGER PRIMARY KEY REFERENCES session_members (id) ON DELETE CASCADE,
        session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('present', 'absent', 'left')),
        left_at TEXT CHECK (left_at IS NULL OR left_at GLOB '[0-2][0-9]:[0-5][0-9]'),
        updated_at TEXT NOT NULL,
        CHECK ((status = 'left') = (left_at IS NOT NULL))
      ) STRICT;

      CREATE TABLE conflicts (
        session_id INTEGER NOT NULL,
        product_id INTEGER NOT NULL,
        member_id INTEGER NOT NULL REFERENCES session_members (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('none', 'same-commune', 'family', 'works-for-or-stake', 'other')),
        text TEXT NOT NULL DEFAULT '',
        declared_at TEXT NOT NULL,
        PRIMARY KEY (member_id, product_id),
        FOREIGN KEY (session_id, product_id) REFERENCES session_agenda (session_id, product_id) ON DELETE CASCADE,
        CHECK (kind <> 'other' OR length(trim(text)) > 0)
      ) STRICT;
      CREATE INDEX conflicts_session ON conflicts (session_id, product_id);

      CREATE TABLE sheets (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL,
        product_id INTEGER NOT NULL,
        member_id INTEGER NOT NULL REFERENCES session_members (id) ON DELETE CASCADE,
        scoring_round INTEGER NOT NULL CHECK (scoring_round >= 1),
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
        entry_mode TEXT NOT NULL DEFAULT 'direct' CHECK (entry_mode IN ('direct', 'paper')),
        comment TEXT NOT NULL DEFAULT '',
        knockouts TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(knockouts)),
        total INTEGER CHECK (total IS NULL OR total BETWEEN 0 AND 100),
        submitted_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (product_id, member_id, scoring_round),
        FOREIGN KEY (session_id, product_id) REFERENCES session_agenda (session_id, product_id) ON DELETE CASCADE,
        CHECK ((status = 'submitted') = (submitted_at IS NOT NULL AND total IS NOT NULL))
      ) STRICT;
      CREATE INDEX sheets_session ON sheets (session_id, product_id, scoring_round);

      CREATE TABLE answers (
        sheet_id INTEGER NOT NULL REFERENCES sheets (id) ON DELETE CASCADE,
        criterion_code TEXT NOT NULL CHECK (criterion_code GLOB '[0-9]*'),
        option_id TEXT,
        version INTEGER NOT NULL CHECK (version >= 1),
        saved_at TEXT NOT NULL,
        PRIMARY KEY (sheet_id, criterion_code)
      ) STRICT;

      CREATE TABLE paper_passes (
        session_id INTEGER NOT NULL,
        product_id INTEGER NOT NULL,
        member_id INTEGER NOT NULL REFERENCES session_members (id) ON DELETE CASCADE,
        scoring_round INTEGER NOT NULL CHECK (scoring_round >= 1),
        pass INTEGER NOT NULL CHECK (pass IN (1, 2)),
        content TEXT NOT NULL CHECK (json_valid(content)),
        entered_at TEXT NOT NULL,
        PRIMARY KEY (product_id, member_id, scoring_round, pass),
        FOREIGN KEY (session_id, product_id) REFERENCES session_agenda (session_id, product_id) ON DELETE CASCADE
      ) STRICT;

      CREATE TABLE rescores (
        session_id INTEGER NOT NULL,
        product_id INTEGER NOT NULL,
        scoring_round INTEGER NOT NULL CHECK (scoring_round >= 2),
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        opened_at TEXT NOT NULL,
        PRIMARY KEY (session_id, product_id, scoring_round),
        FOREIGN KEY (session_id, product_id) REFERENCES session_agenda (session_id, product_id) ON DELETE CASCADE
      ) STRICT;

      CREATE TABLE agreements (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL,
        product_id INTEGER NOT NULL,
        scoring_round INTEGER NOT NULL CHECK (scoring_round >= 1),
        kind TEXT NOT NULL CHECK (kind IN ('option', 'knockout')),
        criterion_code TEXT,
        option_id TEXT,
        applies INTEGER CHECK (applies IS NULL OR applies IN (0, 1)),
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        created_at TEXT NOT NULL,
        FOREIGN KEY (session_id, product_id) REFERENCES session_agenda (session_id, product_id) ON DELETE CASCADE,
        CHECK ((kind = 'option' AND criterion_code IS NOT NULL AND option_id IS NOT NULL AND applies IS NULL)
          OR (kind = 'knockout' AND option_id IS NULL AND applies IS NOT NULL))
      ) STRICT;
      CREATE UNIQUE INDEX agreements_one ON agreements (session_id, product_id, scoring_round, kind, ifnull(criterion_code, ''));

      CREATE TABLE results (
        session_id INTEGER NOT NULL,
        product_id INTEGER NOT NULL,
        criteria_set_id TEXT NOT NULL,
        criteria_version TEXT NOT NULL,
        rating TEXT NOT NULL CHECK (json_valid(rating)),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        status TEXT NOT NULL,
        stars INTEGER,
        mean REAL,
        outcome TEXT,
        finalized_at TEXT NOT NULL,
        PRIMARY KEY (session_id, product_id),
        FOREIGN KEY (session_id, product_id) REFERENCES session_agenda (session_id, product_id)
      ) STRICT;
      CREATE INDEX results_product ON results (product_id);

      CREATE TABLE amendments (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL,
        product_id INTEGER NOT NULL,
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        author TEXT NOT NULL CHECK (length(trim(author)) > 0),
        text TEXT NOT NULL CHECK (length(trim(text)) > 0),
        created_at TEXT NOT NULL,
        FOREIGN KEY (session_id, product_id) REFERENCES results (session_id, product_id)
      ) STRICT;
      CREATE INDEX amendments_result ON amendments (session_id, product_id, id);

      CREATE TABLE audit_events (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        session_id INTEGER,
        actor TEXT NOT NULL,
        content TEXT NOT NULL,
        prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
        hash TEXT NOT NULL CHECK (length(hash) = 64)
      ) STRICT;
      CREATE INDEX audit_events_session ON audit_events (session_id, seq);

      CREATE TABLE join_codes (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        member_id INTEGER NOT NULL REFERENCES session_members (id) ON DELETE CASCADE,
        code_hash TEXT NOT NULL UNIQUE CHECK (length(code_hash) = 64),
        issued_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        revoked_at TEXT,
        last_used_at TEXT
      ) STRICT;
      CREATE INDEX join_codes_session ON join_codes (session_id, member_id);

      CREATE TABLE member_tokens (
        token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
        join_code_id INTEGER NOT NULL REFERENCES join_codes (id) ON DELETE CASCADE,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TRIGGER results_no_update BEFORE UPDATE ON results
      BEGIN SELECT RAISE(ABORT, '${FINALIZED}'); END;
      CREATE TRIGGER results_no_delete BEFORE DELETE ON results
      BEGIN SELECT RAISE(ABORT, '${FINALIZED}'); END;
      CREATE TRIGGER amendments_no_update BEFORE UPDATE ON amendments
      BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: Bản đính chính đã lập không được sửa'); END;
      CREATE TRIGGER amendments_no_delete BEFORE DELETE ON amendments
      BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: Bản đính chính đã lập không được xóa'); END;
      CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
      BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: Nhật ký kiểm tra chỉ được ghi thêm, không được sửa'); END;
      CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
      BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: Nhật ký kiểm tra chỉ được ghi thêm, không được xóa'); END;

      CREATE TRIGGER sessions_finalized_update BEFORE UPDATE ON sessions WHEN OLD.status = 'finalized'
      BEGIN SELECT RAISE(ABORT, '${FINALIZED}'); END;
      CREATE TRIGGER sessions_finalized_delete BEFORE DELETE ON sessions WHEN OLD.status = 'finalized'
      BEGIN SELECT RAISE(ABORT, '${FINALIZED}'); END;
      ${guard('session_members', 'session_id')}
      ${guard('session_agenda', 'session_id')}
      ${guard('attendance', 'session_id')}
      ${guard('conflicts', 'session_id')}
      ${guard('sheets', 'session_id')}
      ${guard('paper_passes', 'session_id')}
      ${guard('rescores', 'session_id')}
      ${guard('agreements', 'session_id')}

      CREATE TRIGGER sheets_submitted_locked BEFORE UPDATE ON sheets WHEN OLD.status = 'submitted'
      BEGIN SELECT RAISE(ABORT, 'FINALIZED: Phiếu đã ký nộp, không thể sửa'); END;
      CREATE TRIGGER sheets_submitted_no_delete BEFORE DELETE ON sheets WHEN OLD.status = 'submitted'
      BEGIN SELECT RAISE(ABORT, 'FINALIZED: Phiếu đã ký nộp, không thể xóa'); END;
      ${['INSERT', 'UPDATE', 'DELETE']
        .map((op) => `CREATE TRIGGER answers_finalized_${op.toLowerCase()} BEFORE ${op} ON answers
      WHEN (SELECT s.status FROM sheets sh JOIN sessions s ON s.id = sh.session_id WHERE sh.id = ${op === 'INSERT' ? 'NEW' : 'OLD'}.sheet_id) = 'finalized'
      BEGIN SELECT RAISE(ABORT, '${FINALIZED}'); END;`)
        .join('\n')}
      CREATE TRIGGER answers_locked_insert BEFORE INSERT ON answers
      WHEN (SELECT status FROM sheets WHERE id = NEW.sheet_id) = 'submitted'
      BEGIN SELECT RAISE(ABORT, 'FINALIZED: Phiếu đã ký nộp, không thể sửa'); END;
      CREATE TRIGGER answers_locked_update BEFORE UPDATE ON answers
      WHEN (SELECT status FROM sheets WHERE id = OLD.sheet_id) = 'submitted'
      BEGIN SELECT RAISE(ABORT, 'FINALIZED: Phiếu đã ký nộp, không thể sửa'); END;
      CREATE TRIGGER answers_locked_delete BEFORE DELETE ON answers
      WHEN (SELECT status FROM sheets WHERE id = OLD.sheet_id) = 'submitted'
      BEGIN SELECT RAISE(ABORT, 'FINALIZED: Phiếu đã ký nộp, không thể xóa'); END;
    `)
  }
}
