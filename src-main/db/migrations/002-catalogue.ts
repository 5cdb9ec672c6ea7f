import { DOSSIER_ITEM_KEYS } from '../../domain/dossier'
import { GENDERS, PRODUCER_KINDS, PRODUCT_STATUSES, REGISTRATION_TYPES } from '../../shared/catalogue'
import type { Migration } from './types'

const list = (xs: readonly string[]): string => xs.map((x) => `'${x}'`).join(', ')

/**
 * The catalogue a province keeps: producers (chủ thể), their products with codes and status history, and the
 * dossier checklist with attached files. name_fold / sort_key are written by the services (diacritics-free search,
 * Vietnamese collation) so lists page in SQL.
 */
export const m002Catalogue: Migration = {
  version: 2,
  name: 'catalogue: producers, products, status history, dossiers',
  up(db) {
    db.exec(`
      CREATE TABLE producers (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN (${list(PRODUCER_KINDS)})),
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        name_fold TEXT NOT NULL,
        sort_key TEXT NOT NULL,
        reg_no TEXT,
        rep_name TEXT NOT NULL CHECK (length(trim(rep_name)) > 0),
        rep_gender TEXT NOT NULL CHECK (rep_gender IN (${list(GENDERS)})),
        rep_ethnicity TEXT NOT NULL,
        rep_disability INTEGER NOT NULL DEFAULT 0 CHECK (rep_disability IN (0, 1)),
        province_code TEXT NOT NULL CHECK (length(province_code) = 2),
        commune_code TEXT NOT NULL CHECK (length(commune_code) = 5),
        street TEXT NOT NULL DEFAULT '',
        old_address TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX producers_reg_no ON producers (reg_no) WHERE reg_no IS NOT NULL;
      CREATE INDEX producers_sort ON producers (sort_key);
      CREATE INDEX producers_commune ON producers (commune_code, sort_key);

      CREATE TABLE products (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        form_no TEXT NOT NULL UNIQUE,
        province_code TEXT NOT NULL CHECK (length(province_code) = 2),
        commune_code TEXT NOT NULL CHECK (length(commune_code) = 5),
        serial INTEGER NOT NULL CHECK (serial BETWEEN 1 AND 999),
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        name_fold TEXT NOT NULL,
        sort_key TEXT NOT NULL,
        producer_id INTEGER NOT NULL REFERENCES producers (id) ON DELETE RESTRICT,
        set_id TEXT NOT NULL CHECK (set_id GLOB 'QD26-2026-[0-9][0-9]'),
        registration_type TEXT NOT NULL CHECK (registration_type IN (${list(REGISTRATION_TYPES)})),
        status TEXT NOT NULL DEFAULT 'registered' CHECK (status IN (${list(PRODUCT_STATUSES)})),
        stars INTEGER CHECK (stars IS NULL OR stars BETWEEN 3 AND 5),
        dossier_completed_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (commune_code, year, serial)
      ) STRICT;
      CREATE INDEX products_sort ON products (sort_key);
      CREATE INDEX products_commune ON products (commune_code, sort_key);
      CREATE INDEX products_set ON products (set_id, sort_key);
      CREATE INDEX products_status ON products (status, sort_key);
      CREATE INDEX products_producer ON products (producer_id);

      CREATE TRIGGER products_code_immutable BEFORE UPDATE OF code, form_no, province_code, commune_code, serial, year ON products
      WHEN OLD.code IS NOT NEW.code OR OLD.form_no IS NOT NEW.form_no OR OLD.commune_code IS NOT NEW.commune_code
        OR OLD.province_code IS NOT NEW.province_code OR OLD.serial IS NOT NEW.serial OR OLD.year IS NOT NEW.year
      BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: Mã sản phẩm và số phiếu đăng ký đã cấp không được thay đổi'); END;

      CREATE TABLE product_status_history (
        id INTEGER PRIMARY KEY,
        product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
        from_status TEXT CHECK (from_status IS NULL OR from_status IN (${list(PRODUCT_STATUSES)})),
        to_status TEXT NOT NULL CHECK (to_status IN (${list(PRODUCT_STATUSES)})),
        stars INTEGER CHECK (stars IS NULL OR stars BETWEEN 3 AND 5),
        reason TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX product_status_history_product ON product_status_history (product_id, id);

      CREATE TABLE dossier_items (
        product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
        item_key TEXT NOT NULL CHECK (item_key IN (${list(DOSSIER_ITEM_KEYS)})),
        checked INTEGER NOT NULL DEFAULT 0 CHECK (checked IN (0, 1)),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (product_id, item_key)
      ) STRICT;

      CREATE TABLE dossier_files (
        id INTEGER PRIMARY KEY,
        product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
        item_key TEXT NOT NULL CHECK (item_key IN (${list(DOSSIER_ITEM_KEYS)})),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        size INTEGER NOT NULL CHECK (size >= 0),
        mime TEXT NOT NULL,
        original_name TEXT NOT NULL CHECK (length(original_name) > 0),
        added_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX dossier_files_product ON dossier_files (product_id, item_key);
      CREATE INDEX dossier_files_sha ON dossier_files (sha256);
    `)
  }
}
