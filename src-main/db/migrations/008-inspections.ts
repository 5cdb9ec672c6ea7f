import { FINDING_RESULT_CODES, INSPECTION_ITEM_CODES, INSPECTION_KIND_CODES, INSPECTION_OUTCOME_CODES } from '../../shared/inspection'
import { REVOCATION_GROUND_CODES } from '../../shared/certificates'
import type { Migration } from './types'

const list = (xs: readonly string[]): string => xs.map((x) => `'${x}'`).join(', ')
const immutable = (table: string, what: string): string =>
  ['UPDATE', 'DELETE']
    .map((op) => `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table} BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: ${what}'); END;`)
    .join('\n')

/**
 * Post-recognition inspection (QĐ 26/2026 Điều 9): yearly plans with the products chosen and why; inspection records
 * (what was checked, findings, outcome, recommendation deadline, follow-up of an earlier inspection); evidence files
 * kept by SHA-256 in the content-addressed store of the dossiers; and the link from an inspection to the Điều 8
 * revocation it led to. A record is the legal trace of an inspection: it is never changed or deleted — a correction
 * is a new inspection — so the record tables refuse UPDATE and DELETE.
 */
export const m008Inspections: Migration = {
  version: 8,
  name: 'post-recognition inspections',
  up(db) {
    db.exec(`
      CREATE TABLE inspection_plans (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (year, name)
      ) STRICT;

      CREATE TABLE inspection_plan_items (
        plan_id INTEGER NOT NULL REFERENCES inspection_plans (id) ON DELETE CASCADE,
        product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE RESTRICT,
        reasons TEXT NOT NULL CHECK (json_valid(reasons) AND json_type(reasons) = 'array' AND json_array_length(reasons) > 0),
        note TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (plan_id, product_id)
      ) STRICT;
      CREATE INDEX inspection_plan_items_product ON inspection_plan_items (product_id);

      CREATE TABLE inspections (
        id INTEGER PRIMARY KEY,
        product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE RESTRICT,
        plan_id INTEGER REFERENCES inspection_plans (id) ON DELETE RESTRICT,
        kind TEXT NOT NULL CHECK (kind IN (${list(INSPECTION_KIND_CODES)})),
        inspected_on TEXT NOT NULL CHECK (date(inspected_on) IS inspected_on),
        team TEXT NOT NULL CHECK (length(trim(team)) > 0),
        outcome TEXT NOT NULL CHECK (outcome IN (${list(INSPECTION_OUTCOME_CODES)})),
        recommendation TEXT NOT NULL DEFAULT '',
        deadline TEXT CHECK (deadline IS NULL OR (date(deadline) IS deadline AND deadline > inspected_on)),
        revocation_ground TEXT CHECK (revocation_ground IS NULL OR revocation_ground IN (${list(REVOCATION_GROUND_CODES)})),
        follow_up_of INTEGER REFERENCES inspections (id) ON DELETE RESTRICT,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        CHECK ((outcome = 'recommendations') = (deadline IS NOT NULL)),
        CHECK ((outcome = 'revocation-proposed') = (revocation_ground IS NOT NULL))
      ) STRICT;
      CREATE INDEX inspections_product ON inspections (product_id, inspected_on);
      CREATE INDEX inspections_follow_up ON inspections (follow_up_of);
      -- A follow-up checks the same product, after the inspection it follows.
      CREATE TRIGGER inspections_follow_up_same_product BEFORE INSERT ON inspections
        WHEN NEW.follow_up_of IS NOT NULL AND NOT EXISTS (
          SELECT 1 FROM inspections i WHERE i.id = NEW.follow_up_of AND i.product_id = NEW.product_id AND i.inspected_on <= NEW.inspected_on)
        BEGIN SELECT RAISE(ABORT, 'CONFLICT: Lần kiểm tra lại phải cùng sản phẩm và sau lần kiểm tra trước'); END;
      ${immutable('inspections', 'Biên bản kiểm tra đã lập không sửa, xóa được; lập lần kiểm tra mới để đính chính')}

      CREATE TABLE inspection_findings (
        inspection_id INTEGER NOT NULL REFERENCES inspections (id) ON DELETE RESTRICT,
        item TEXT NOT NULL CHECK (item IN (${list(INSPECTION_ITEM_CODES)})),
        result TEXT NOT NULL CHECK (result IN (${list(FINDING_RESULT_CODES)})),
        note TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (inspection_id, item),
        CHECK (result = 'pass' OR length(trim(note)) > 0)
      ) STRICT;
      ${immutable('inspection_findings', 'Kết quả kiểm tra đã ghi không sửa, xóa được')}

      CREATE TABLE inspection_evidence (
        id INTEGER PRIMARY KEY,
        inspection_id INTEGER NOT NULL REFERENCES inspections (id) ON DELETE RESTRICT,
        item TEXT NOT NULL CHECK (item IN (${list(INSPECTION_ITEM_CODES)})),
        original_name TEXT NOT NULL CHECK (length(trim(original_name)) > 0),
        mime TEXT NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        size INTEGER NOT NULL CHECK (size >= 0),
        added_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX inspection_evidence_inspection ON inspection_evidence (inspection_id);
      ${immutable('inspection_evidence', 'Tài liệu chứng cứ đã lưu không sửa, xóa được')}

      CREATE TABLE inspection_revocations (
        inspection_id INTEGER PRIMARY KEY REFERENCES inspections (id) ON DELETE RESTRICT,
        revocation_id INTEGER NOT NULL UNIQUE REFERENCES revocations (id) ON DELETE RESTRICT
      ) STRICT;
      ${immutable('inspection_revocations', 'Liên kết biên bản kiểm tra với quyết định thu hồi không sửa, xóa được')}
    `)
  }
}
