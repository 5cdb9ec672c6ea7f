import { IMMUTABLE_REPLACE } from './009-tamper-guards'
import { replaceGuardSql } from './replace-guard'
import type { Migration } from './types'

/**
 * One numbering truth for a session's documents (issue 10): a document gets its number once, when the office issues
 * it, and keeps it through re-generation and signing. `document_issues` ties (session, kind, product scope) to the
 * register number it took and to the version of the province's document settings it was issued under; rows never
 * change. `document_settings_versions` holds those settings as immutable versions (like the council's Quy chế).
 * `session_minutes` holds what only the minutes say — the real end time, absence reasons, the conclusion — editable
 * until the minutes are issued. Councils gain the number and date of the decision issuing their Quy chế, entered
 * once on the council and cited by the decisions.
 */
export const m011DocumentIssues: Migration = {
  version: 11,
  name: 'document issues, versioned document settings, minutes content',
  up(db) {
    db.exec(`
      ALTER TABLE councils ADD COLUMN quy_che_decision_no TEXT NOT NULL DEFAULT '';
      ALTER TABLE councils ADD COLUMN quy_che_decision_date TEXT CHECK (quy_che_decision_date IS NULL OR date(quy_che_decision_date) IS quy_che_decision_date);

      CREATE TABLE document_settings_versions (
        id INTEGER PRIMARY KEY,
        settings TEXT NOT NULL CHECK (json_valid(settings)),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER document_settings_versions_no_update BEFORE UPDATE ON document_settings_versions
      BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: Phiên bản cài đặt văn bản không được sửa'); END;
      CREATE TRIGGER document_settings_versions_no_delete BEFORE DELETE ON document_settings_versions
      BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: Phiên bản cài đặt văn bản không được xóa'); END;

      CREATE TABLE document_issues (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE RESTRICT,
        kind TEXT NOT NULL CHECK (kind IN ('minutes', 'report', 'submission', 'decision', 'approval', 'notice')),
        -- 0: the session's document; a product id: that product's own document (a one-product notice).
        product_scope INTEGER NOT NULL DEFAULT 0 CHECK (product_scope >= 0),
        number_id INTEGER NOT NULL UNIQUE REFERENCES document_numbers (id) ON DELETE RESTRICT,
        number_text TEXT NOT NULL CHECK (length(trim(number_text)) > 0),
        doc_date TEXT NOT NULL CHECK (date(doc_date) IS doc_date),
        settings_version_id INTEGER NOT NULL REFERENCES document_settings_versions (id) ON DELETE RESTRICT,
        issued_at TEXT NOT NULL,
        UNIQUE (session_id, kind, product_scope)
      ) STRICT;
      CREATE TRIGGER document_issues_no_update BEFORE UPDATE ON document_issues
      BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: Văn bản đã ban hành không được sửa số'); END;
      CREATE TRIGGER document_issues_no_delete BEFORE DELETE ON document_issues
      BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: Văn bản đã ban hành không được xóa'); END;

      CREATE TABLE session_minutes (
        session_id INTEGER PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
        end_time TEXT CHECK (end_time IS NULL OR end_time GLOB '[0-2][0-9]:[0-5][0-9]'),
        conclusion TEXT NOT NULL DEFAULT '',
        absences TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(absences) AND json_type(absences) = 'object'),
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER session_minutes_locked_update BEFORE UPDATE ON session_minutes
        WHEN EXISTS (SELECT 1 FROM document_issues WHERE session_id = OLD.session_id AND kind = 'minutes')
      BEGIN SELECT RAISE(ABORT, 'FINALIZED: Biên bản đã ban hành; không sửa được nội dung'); END;
      CREATE TRIGGER session_minutes_locked_insert BEFORE INSERT ON session_minutes
        WHEN EXISTS (SELECT 1 FROM document_issues WHERE session_id = NEW.session_id AND kind = 'minutes')
      BEGIN SELECT RAISE(ABORT, 'FINALIZED: Biên bản đã ban hành; không sửa được nội dung'); END;
    `)
    // REPLACE would delete an issued row without its DELETE guard (as 009 closed for the older immutable tables).
    for (const t of ['document_settings_versions', 'document_issues']) db.exec(replaceGuardSql(db, t, IMMUTABLE_REPLACE))
  }
}
