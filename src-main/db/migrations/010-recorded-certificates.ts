import { IMMUTABLE_REPLACE } from './009-tamper-guards'
import { replaceGuardSql } from './replace-guard'
import type { Migration } from './types'

const CERT_COLUMNS = 'id, product_id, session_id, number_id, year, number, number_text, stars, decision_no, decision_date, issued_on, expiry_date, status, created_at'

/**
 * Certificates issued before the app (issue 12): a province brings in the certificates its past decisions gave —
 * by the province, or before 1/7/2025 by former districts and provinces. They are `origin = 'recorded'`: no session,
 * no register number, the number as printed, the issuing authority as text, an issue date that may be known only by
 * its year, a decision without a known date, the expiry as printed or by the 36-month rule, and a source note.
 *
 * 007's table cannot hold them (issue and decision dates NOT NULL, an integer number, numbers unique per year across
 * every authority), so the table is rebuilt by SQLite's documented procedure (lang_altertable.html, "other kinds of
 * table schema changes"): with foreign keys off (`foreignKeysOff`, see migrate.ts) a new table is filled with every
 * row and its id, the old one dropped and the new one renamed, so the tables that refer to certificates (revocations,
 * and whatever later migrations add) keep their references by name; migrate.ts runs foreign_key_check before
 * committing. Triggers and indexes of 007 are recreated with the recorded rows in mind.
 */
export const m010RecordedCertificates: Migration = {
  version: 10,
  foreignKeysOff: true,
  name: 'certificates recorded from decisions issued before the app',
  up(db) {
    db.exec(`
      CREATE TABLE certificates_v9 (
        id INTEGER PRIMARY KEY,
        product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE RESTRICT,
        session_id INTEGER REFERENCES sessions (id) ON DELETE RESTRICT,
        number_id INTEGER REFERENCES document_numbers (id) ON DELETE RESTRICT,
        origin TEXT NOT NULL DEFAULT 'issued' CHECK (origin IN ('issued', 'recorded')),
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2999),
        number INTEGER CHECK (number IS NULL OR number >= 1),
        number_text TEXT NOT NULL CHECK (length(trim(number_text)) > 0),
        stars INTEGER NOT NULL CHECK (stars BETWEEN 3 AND 5),
        decision_no TEXT NOT NULL CHECK (length(trim(decision_no)) > 0),
        decision_date TEXT CHECK (decision_date IS NULL OR date(decision_date) IS decision_date),
        issued_on TEXT CHECK (issued_on IS NULL OR (date(issued_on) IS issued_on AND (decision_date IS NULL OR issued_on >= decision_date))),
        expiry_date TEXT NOT NULL CHECK (date(expiry_date) IS expiry_date AND expiry_date > coalesce(issued_on, decision_date, printf('%04d-01-01', year))),
        expiry_printed INTEGER NOT NULL DEFAULT 0 CHECK (expiry_printed IN (0, 1)),
        issuing_authority TEXT NOT NULL DEFAULT '',
        source_note TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'expired', 'revoked')),
        created_at TEXT NOT NULL,
        -- What the app issues always has its register number, issue and decision dates.
        CHECK (origin = 'recorded' OR (number IS NOT NULL AND issued_on IS NOT NULL AND decision_date IS NOT NULL)),
        -- A recorded certificate never claims a session or a register number, and names who issued it.
        CHECK (origin = 'issued' OR (session_id IS NULL AND number_id IS NULL AND number IS NULL AND length(trim(issuing_authority)) > 0)),
        CHECK (issued_on IS NULL OR CAST(substr(issued_on, 1, 4) AS INTEGER) = year)
      ) STRICT;

      INSERT INTO certificates_v9 (${CERT_COLUMNS}, origin) SELECT ${CERT_COLUMNS}, 'issued' FROM certificates;
      DROP TABLE certificates;
      ALTER TABLE certificates_v9 RENAME TO certificates;

      -- Register numbers are unique per year; recorded numbers per year and issuing authority (former districts
      -- numbered independently, so "01/GCN-UBND" of 2024 may exist twice).
      CREATE UNIQUE INDEX certificates_issued_number ON certificates (year, number_text) WHERE origin = 'issued';
      CREATE UNIQUE INDEX certificates_recorded_number ON certificates (year, number_text, issuing_authority) WHERE origin = 'recorded';
      CREATE UNIQUE INDEX certificates_one_valid ON certificates (product_id) WHERE status = 'valid';
      CREATE INDEX certificates_status_expiry ON certificates (status, expiry_date);
      CREATE INDEX certificates_product ON certificates (product_id, year, issued_on);

      CREATE TRIGGER certificates_no_delete BEFORE DELETE ON certificates
      BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: Giấy chứng nhận đã cấp không được xóa'); END;
      CREATE TRIGGER certificates_only_status BEFORE UPDATE ON certificates
      WHEN OLD.status <> 'valid' OR NEW.status = 'valid'
        OR NEW.product_id IS NOT OLD.product_id OR NEW.number_text IS NOT OLD.number_text OR NEW.stars IS NOT OLD.stars
        OR NEW.issued_on IS NOT OLD.issued_on OR NEW.expiry_date IS NOT OLD.expiry_date OR NEW.decision_no IS NOT OLD.decision_no
        OR NEW.origin IS NOT OLD.origin OR NEW.year IS NOT OLD.year OR NEW.decision_date IS NOT OLD.decision_date
        OR NEW.issuing_authority IS NOT OLD.issuing_authority OR NEW.expiry_printed IS NOT OLD.expiry_printed
      BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: Giấy chứng nhận chỉ được chuyển từ còn hiệu lực sang hết hiệu lực hoặc bị thu hồi'); END;
    `)
    // 009's REPLACE guard went with the old table: recreated from the new table's own keys (partial ones included).
    db.exec(replaceGuardSql(db, 'certificates', IMMUTABLE_REPLACE))
  }
}
