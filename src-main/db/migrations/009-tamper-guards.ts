import type { DB } from '../connection'
import { conflictWhere, replaceGuardSql } from './replace-guard'
import type { Migration } from './types'

const FINALIZED = 'FINALIZED: Phiên họp đã chốt kết quả, dữ liệu không được thay đổi; hãy lập bản đính chính'
const SUBMITTED = 'FINALIZED: Phiếu đã ký nộp, không thể sửa'
const IMMUTABLE = 'IMMUTABLE: Bản ghi đã khóa không được ghi đè (INSERT OR REPLACE)'

/**
 * Tables whose rows never change or disappear once written: those with an unconditional BEFORE UPDATE or BEFORE
 * DELETE guard (no WHEN, no column list) in 001–008 — results, amendments, audit_events, certificates, council
 * versions, criteria sets, document numbers and documents, revocations, signing records, inspection records. Read
 * from the schema so a table guarded by an earlier migration is never forgotten.
 */
function immutableTables(db: DB): string[] {
  const sqls = db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'trigger'`).pluck().all() as string[]
  const tables = new Set<string>()
  for (const sql of sqls) {
    const m = /^CREATE TRIGGER \S+ BEFORE (?:UPDATE|DELETE) ON (\w+) BEGIN\b/i.exec(sql.replace(/\s+/g, ' ').trim())
    if (m) tables.add(m[1] as string)
  }
  return [...tables].sort()
}

/** Tables whose rows belong to one session and are frozen when it is finalized. */
const SESSION_TABLES = ['session_members', 'session_agenda', 'attendance', 'conflicts', 'sheets', 'paper_passes', 'rescores', 'agreements', 'session_modes'] as const

/**
 * Issue 11, item 2. `INSERT OR REPLACE` / `REPLACE INTO` deletes the conflicting row without firing its DELETE
 * triggers (SQLite does so only with recursive_triggers on, a per-connection setting a raw sqlite3 session does not
 * have), so the UPDATE/DELETE guards of 004–008 could be bypassed: finalized stars went from 5 to 1. Each guarded
 * table gets a BEFORE INSERT trigger that refuses an insert that would replace a protected row, and results get the
 * INSERT guard the other session tables had: no result may be added to a finalized session.
 *
 * Item 5. A finalized result keeps the product code, product name and producer name it was decided under;
 * existing results are filled from the catalogue as it is now (the best record left of what was printed).
 */
export const IMMUTABLE_REPLACE = IMMUTABLE

export const m009TamperGuards: Migration = {
  version: 9,
  name: 'REPLACE guards on protected rows; names snapshotted in results',
  up(db) {
    const sql: string[] = []
    for (const t of immutableTables(db)) {
      const message = t === 'results' ? FINALIZED : IMMUTABLE
      sql.push(replaceGuardSql(db, t, message))
    }
    sql.push(`CREATE TRIGGER results_finalized_insert BEFORE INSERT ON results
      WHEN (SELECT status FROM sessions WHERE id = NEW.session_id) = 'finalized'
      BEGIN SELECT RAISE(ABORT, '${FINALIZED}'); END;`)
    // The round's name and deadline are printed on its finalized sessions' documents (item 5).
    sql.push(`CREATE TRIGGER rounds_finalized_update BEFORE UPDATE ON rounds
      WHEN EXISTS (SELECT 1 FROM sessions s WHERE s.round_id = OLD.id AND s.status = 'finalized')
      BEGIN SELECT RAISE(ABORT, '${FINALIZED}'); END;`)
    sql.push(`CREATE TRIGGER rounds_finalized_replace BEFORE INSERT ON rounds
      WHEN EXISTS (SELECT 1 FROM rounds o JOIN sessions s ON s.round_id = o.id WHERE s.status = 'finalized' AND (${conflictWhere(db, 'rounds')}))
      BEGIN SELECT RAISE(ABORT, '${FINALIZED}'); END;`)
    sql.push(`CREATE TRIGGER sessions_finalized_replace BEFORE INSERT ON sessions
      WHEN EXISTS (SELECT 1 FROM sessions o WHERE o.id = NEW.id AND o.status = 'finalized')
      BEGIN SELECT RAISE(ABORT, '${FINALIZED}'); END;`)
    for (const t of SESSION_TABLES)
      sql.push(`CREATE TRIGGER ${t}_finalized_replace BEFORE INSERT ON ${t}
      WHEN EXISTS (SELECT 1 FROM ${t} o JOIN sessions s ON s.id = o.session_id WHERE s.status = 'finalized' AND (${conflictWhere(db, t)}))
      BEGIN SELECT RAISE(ABORT, '${FINALIZED}'); END;`)
    sql.push(`CREATE TRIGGER sheets_submitted_replace BEFORE INSERT ON sheets
      WHEN EXISTS (SELECT 1 FROM sheets o WHERE o.status = 'submitted' AND (${conflictWhere(db, 'sheets')}))
      BEGIN SELECT RAISE(ABORT, '${SUBMITTED}'); END;`)
    sql.push(`CREATE TRIGGER answers_locked_replace BEFORE INSERT ON answers
      WHEN EXISTS (SELECT 1 FROM answers o JOIN sheets sh ON sh.id = o.sheet_id JOIN sessions s ON s.id = sh.session_id
        WHERE (sh.status = 'submitted' OR s.status = 'finalized') AND (${conflictWhere(db, 'answers')}))
      BEGIN SELECT RAISE(ABORT, '${SUBMITTED}'); END;`)

    // Snapshot columns, filled once for results finalized before this version (their UPDATE guard is lifted only
    // inside this migration's transaction and put back unchanged).
    const noUpdate = db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'results_no_update'`).pluck().get() as string
    db.exec(`
      ALTER TABLE results ADD COLUMN product_code TEXT;
      ALTER TABLE results ADD COLUMN product_name TEXT;
      ALTER TABLE results ADD COLUMN producer_name TEXT;
      DROP TRIGGER results_no_update;
      UPDATE results SET
        product_code = (SELECT p.code FROM products p WHERE p.id = results.product_id),
        product_name = (SELECT p.name FROM products p WHERE p.id = results.product_id),
        producer_name = (SELECT pr.name FROM products p JOIN producers pr ON pr.id = p.producer_id WHERE p.id = results.product_id);
      ${noUpdate};
      ${sql.join('\n')}
    `)
  }
}
