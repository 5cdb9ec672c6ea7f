import { REVOCATION_GROUND_CODES } from '../../shared/certificates'
import type { Migration } from './types'

const list = (xs: readonly string[]): string => xs.map((x) => `'${x}'`).join(', ')

/**
 * Certificates (QĐ 26/2026 Điều 4.3, 7.6, 8): one row per certificate issued from a recognition decision, numbered
 * from the document register of migration 005 so printed certificates and records share one sequence per year;
 * revocations with their Điều 8 ground and the generated decision; the session mode for re-evaluation by written
 * opinions (kept beside sessions so the session tables stay as issue 5 left them); and the figures the national
 * exports need but the catalogue does not hold (annual revenue, the product story).
 */
export const m007Certificates: Migration = {
  version: 7,
  name: 'certificates, revocations, written-opinion sessions, export figures',
  up(db) {
    db.exec(`
      CREATE TABLE certificates (
        id INTEGER PRIMARY KEY,
        product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE RESTRICT,
        session_id INTEGER REFERENCES sessions (id) ON DELETE RESTRICT,
        number_id INTEGER REFERENCES document_numbers (id) ON DELETE RESTRICT,
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2999),
        number INTEGER NOT NULL CHECK (number >= 1),
        number_text TEXT NOT NULL CHECK (length(trim(number_text)) > 0),
        stars INTEGER NOT NULL CHECK (stars BETWEEN 3 AND 5),
        decision_no TEXT NOT NULL CHECK (length(trim(decision_no)) > 0),
        decision_date TEXT NOT NULL CHECK (date(decision_date) IS decision_date),
        issued_on TEXT NOT NULL CHECK (date(issued_on) IS issued_on AND issued_on >= decision_date),
        expiry_date TEXT NOT NULL CHECK (date(expiry_date) IS expiry_date AND expiry_date > issued_on),
        status TEXT NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'expired', 'revoked')),
        created_at TEXT NOT NULL,
        UNIQUE (year, number_text)
      ) STRICT;
      CREATE UNIQUE INDEX certificates_one_valid ON certificates (product_id) WHERE status = 'valid';
      CREATE INDEX certificates_status_expiry ON certificates (status, expiry_date);
      CREATE INDEX certificates_product ON certificates (product_id, issued_on);

      CREATE TRIGGER certificates_no_delete BEFORE DELETE ON certificates
      BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: Giấy chứng nhận đã cấp không được xóa'); END;
      CREATE TRIGGER certificates_only_status BEFORE UPDATE ON certificates
      WHEN OLD.status <> 'valid' OR NEW.status = 'valid'
        OR NEW.product_id IS NOT OLD.product_id OR NEW.number_text IS NOT OLD.number_text OR NEW.stars IS NOT OLD.stars
        OR NEW.issued_on IS NOT OLD.issued_on OR NEW.expiry_date IS NOT OLD.expiry_date OR NEW.decision_no IS NOT OLD.decision_no
      BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: Giấy chứng nhận chỉ được chuyển từ còn hiệu lực sang hết hiệu lực hoặc bị thu hồi'); END;

      CREATE TABLE revocations (
        id INTEGER PRIMARY KEY,
        certificate_id INTEGER NOT NULL UNIQUE REFERENCES certificates (id) ON DELETE RESTRICT,
        ground TEXT NOT NULL CHECK (ground IN (${list(REVOCATION_GROUND_CODES)})),
        detail TEXT NOT NULL CHECK (length(trim(detail)) > 0),
        conclusion_ref TEXT NOT NULL CHECK (length(trim(conclusion_ref)) > 0),
        conclusion_date TEXT NOT NULL CHECK (date(conclusion_date) IS conclusion_date),
        decided_on TEXT NOT NULL CHECK (date(decided_on) IS decided_on AND decided_on >= conclusion_date),
        number_id INTEGER REFERENCES document_numbers (id) ON DELETE RESTRICT,
        number_text TEXT NOT NULL CHECK (length(trim(number_text)) > 0),
        file_path TEXT NOT NULL UNIQUE,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER revocations_no_update BEFORE UPDATE ON revocations
      BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: Quyết định thu hồi đã ban hành không được sửa'); END;
      CREATE TRIGGER revocations_no_delete BEFORE DELETE ON revocations
      BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: Quyết định thu hồi đã ban hành không được xóa'); END;

      CREATE TABLE session_modes (
        session_id INTEGER PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
        mode TEXT NOT NULL CHECK (mode IN ('meeting', 'written-opinions')),
        updated_at TEXT NOT NULL
      ) STRICT;
      ${['INSERT', 'UPDATE', 'DELETE']
        .map((op) => `CREATE TRIGGER session_modes_finalized_${op.toLowerCase()} BEFORE ${op} ON session_modes
      WHEN (SELECT status FROM sessions WHERE id = ${op === 'INSERT' ? 'NEW' : 'OLD'}.session_id) = 'finalized'
      BEGIN SELECT RAISE(ABORT, 'FINALIZED: Phiên họp đã chốt kết quả, không đổi được hình thức đánh giá'); END;`)
        .join('\n')}

      CREATE TABLE product_export_info (
        product_id INTEGER PRIMARY KEY REFERENCES products (id) ON DELETE CASCADE,
        annual_revenue INTEGER CHECK (annual_revenue IS NULL OR annual_revenue >= 0),
        revenue_year INTEGER CHECK (revenue_year IS NULL OR revenue_year BETWEEN 2000 AND 2999),
        story TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        CHECK ((annual_revenue IS NULL) = (revenue_year IS NULL))
      ) STRICT;
    `)
  }
}
