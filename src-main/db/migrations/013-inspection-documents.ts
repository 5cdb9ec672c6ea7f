import { OFFICE_DOCUMENT_KINDS } from '../../shared/office-documents'
import type { DB } from '../connection'
import { DOCUMENT_KIND_CHECK } from './005-documents'
import { IMMUTABLE_REPLACE } from './009-tamper-guards'
import { replaceGuardSql } from './replace-guard'
import type { Migration } from './types'

const OFFICE_KIND_LIST = OFFICE_DOCUMENT_KINDS.map((k) => `'${k}'`).join(', ')

/**
 * The register's CHECK on `kind` of `table` widened to the office's documents. SQLite cannot alter a CHECK, so the
 * table is rebuilt by its documented procedure (as 010 did for certificates): the new table is created from the old
 * one's own CREATE statement with the wider list, filled with every row and id, the old one dropped and the new one
 * renamed, so the tables referring to it keep their references by name; its indexes and triggers (the UPDATE/DELETE
 * guards of 005 and the REPLACE guard of 009) are recreated from their stored SQL.
 */
function widenKinds(db: DB, table: string): void {
  const sql = db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?`).pluck().get(table) as string
  const old = `kind IN (${DOCUMENT_KIND_CHECK})`
  if (!sql.includes(old)) throw new Error(`migration 13: ${table} has no kind CHECK to widen`)
  const dependents = db.prepare(`SELECT sql FROM sqlite_schema WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name`).pluck().all(table) as string[]
  const next = sql.replace(/^CREATE TABLE "?\w+"?/u, `CREATE TABLE ${table}_v14`).replace(old, `kind IN (${DOCUMENT_KIND_CHECK}, ${OFFICE_KIND_LIST})`)
  db.exec(`${next};
    INSERT INTO ${table}_v14 SELECT * FROM ${table};
    DROP TABLE ${table};
    ALTER TABLE ${table}_v14 RENAME TO ${table};
    ${dependents.map((d) => `${d};`).join('\n')}`)
}

/**
 * The office's Decree 30 documents outside a council session (issue 14): the inspection plan (KH), the inspection
 * record (BB), the improvement letter to a producer (công văn) and the periodic programme report (BC) take their
 * numbers from the same register. `office_document_issues` ties (kind, scope) — the plan, the inspection, the session
 * and product, the period — to the register number it took, the document settings version, and the input the
 * document was issued with, so the issued paper prints the same whatever changes later; rows never change.
 */
export const m013InspectionDocuments: Migration = {
  version: 13,
  foreignKeysOff: true,
  name: 'office documents in the register: inspection plan and record, improvement letter, periodic report',
  up(db) {
    widenKinds(db, 'document_numbers')
    widenKinds(db, 'documents')
    db.exec(`
      CREATE TABLE office_document_issues (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN (${OFFICE_KIND_LIST})),
        -- What the document is about: a plan id, an inspection id, "session:product", "from..to".
        scope TEXT NOT NULL CHECK (length(scope) BETWEEN 1 AND 60),
        number_id INTEGER NOT NULL UNIQUE REFERENCES document_numbers (id) ON DELETE RESTRICT,
        number_text TEXT NOT NULL CHECK (length(trim(number_text)) > 0),
        doc_date TEXT NOT NULL CHECK (date(doc_date) IS doc_date),
        settings_version_id INTEGER NOT NULL REFERENCES document_settings_versions (id) ON DELETE RESTRICT,
        input TEXT NOT NULL CHECK (json_valid(input) AND json_type(input) = 'object'),
        issued_at TEXT NOT NULL,
        UNIQUE (kind, scope)
      ) STRICT;
      CREATE TRIGGER office_document_issues_no_update BEFORE UPDATE ON office_document_issues
      BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: Văn bản đã ban hành không được sửa số'); END;
      CREATE TRIGGER office_document_issues_no_delete BEFORE DELETE ON office_document_issues
      BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: Văn bản đã ban hành không được xóa'); END;
    `)
    db.exec(replaceGuardSql(db, 'office_document_issues', IMMUTABLE_REPLACE))
  }
}
