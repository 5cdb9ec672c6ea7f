import { IMMUTABLE_REPLACE } from './009-tamper-guards'
import { replaceGuardSql } from './replace-guard'
import type { Migration } from './types'

const OLD_STATES = "status IN ('valid', 'expired', 'revoked')"
const IMMUTABLE_COLUMNS = ['product_id', 'number_text', 'stars', 'issued_on', 'expiry_date', 'decision_no', 'origin', 'year', 'decision_date', 'issuing_authority', 'expiry_printed', 'session_id', 'number_id', 'number', 'source_note', 'created_at']

/**
 * A certificate replaced by a newer one (re-evaluation or upgrade, RULES 27a): when the province issues the new
 * certificate of a re-registered product, the product's valid certificate becomes `replaced`, naming the certificate
 * that replaced it (`replaced_by`) and the day (`replaced_on`, the new certificate's issue date).
 *
 * SQLite cannot widen a CHECK, so the table is rebuilt as 010 did (foreign keys off for the migration; the new table
 * from the stored CREATE statement with the wider state list and the two columns, filled with every row and id, the
 * old one dropped and the new one renamed), and its indexes and DELETE guard are recreated from their stored SQL.
 *
 * Guards. A row still changes only from valid, and only its state: to expired, revoked, or replaced — the last with
 * the link and the day, never to itself. `replaced_by` is a deferred foreign key: the service marks the old
 * certificate replaced (freeing the one-valid-per-product index) and inserts the new one under that id in the same
 * transaction; the commit fails if the named certificate does not exist. The new certificate must be a valid one of
 * the same product issued on the replacement day. The REPLACE guard of 009 is recreated from the new table's keys.
 */
export const m017CertificateReplacement: Migration = {
  version: 17,
  foreignKeysOff: true,
  name: 'certificates replaced by a newer certificate of the same product',
  up(db) {
    const sql = db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'certificates'`).pluck().get() as string
    if (!sql.includes(OLD_STATES)) throw new Error('migration 17: certificates has no state CHECK to widen')
    const keep = db
      .prepare(`SELECT sql FROM sqlite_schema WHERE tbl_name = 'certificates' AND sql IS NOT NULL AND (type = 'index' OR name = 'certificates_no_delete') ORDER BY type, name`)
      .pluck()
      .all() as string[]
    const columns = (db.prepare(`SELECT name FROM pragma_table_info('certificates')`).pluck().all() as string[]).join(', ')
    const next = sql
      .replace(/^CREATE TABLE "?\w+"?/u, 'CREATE TABLE certificates_v17')
      .replace(OLD_STATES, "status IN ('valid', 'expired', 'revoked', 'replaced')")
      .replace(
        /created_at TEXT NOT NULL,/u,
        `created_at TEXT NOT NULL,
        replaced_by INTEGER REFERENCES certificates (id) ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED,
        replaced_on TEXT CHECK (replaced_on IS NULL OR date(replaced_on) IS replaced_on),
        -- Replaced exactly when it names its successor and the day.
        CHECK ((status = 'replaced') = (replaced_by IS NOT NULL) AND (replaced_by IS NULL) = (replaced_on IS NULL)),`
      )
    if (next === sql || !next.includes('replaced_by')) throw new Error('migration 17: certificates CREATE statement not recognised')
    db.exec(`${next};
      INSERT INTO certificates_v17 (${columns}) SELECT ${columns} FROM certificates;
      DROP TABLE certificates;
      ALTER TABLE certificates_v17 RENAME TO certificates;
      ${keep.map((s) => `${s};`).join('\n')}
      CREATE UNIQUE INDEX certificates_replaced_by ON certificates (replaced_by) WHERE replaced_by IS NOT NULL;

      CREATE TRIGGER certificates_only_status BEFORE UPDATE ON certificates
      WHEN OLD.status <> 'valid' OR NEW.status = 'valid'
        ${IMMUTABLE_COLUMNS.map((c) => `OR NEW.${c} IS NOT OLD.${c}`).join(' ')}
        OR (NEW.status = 'replaced' AND (NEW.replaced_by IS NULL OR NEW.replaced_by = OLD.id
          OR NEW.replaced_on < coalesce(OLD.issued_on, OLD.decision_date, printf('%04d-01-01', OLD.year))))
      BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: Giấy chứng nhận chỉ được chuyển từ còn hiệu lực sang hết hiệu lực, bị thu hồi hoặc được thay thế bởi giấy chứng nhận mới'); END;
      CREATE TRIGGER certificates_replacing BEFORE INSERT ON certificates
      WHEN EXISTS (SELECT 1 FROM certificates o WHERE o.replaced_by = NEW.id
        AND (o.product_id <> NEW.product_id OR NEW.status <> 'valid' OR NEW.issued_on IS NOT o.replaced_on))
      BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: Giấy chứng nhận thay thế phải là giấy còn hiệu lực của cùng sản phẩm, cấp đúng ngày thay thế'); END;
    `)
    db.exec(replaceGuardSql(db, 'certificates', IMMUTABLE_REPLACE))
  }
}
