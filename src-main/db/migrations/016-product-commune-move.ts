import { PRODUCT_STATUSES, REGISTRATION_TYPES } from '../../shared/catalogue'
import { setTriggersAside } from './rebuild-triggers'
import type { Migration } from './types'

const list = (xs: readonly string[]): string => xs.map((x) => `'${x}'`).join(', ')
const COLUMNS = 'id, code, form_no, province_code, commune_code, serial, year, name, name_fold, sort_key, producer_id, set_id, registration_type, status, stars, dossier_completed_at, created_at, updated_at'

/**
 * A product may move to another commune (issue 12): its producer moved, or was merged into another. 002 froze the
 * product's commune and province with its code (trigger products_code_immutable) and made (commune, year, serial)
 * unique, so a moved product could collide with one numbered in its new commune. The code, though, is what never
 * changes: it names the commune that issued it, and its serial is counted there.
 *
 * The table is rebuilt by SQLite's documented procedure (as 010 did for certificates; foreign keys off, checked
 * before commit) without the (commune_code, year, serial) key; the uniqueness of serials moves to the commune
 * written in the code (`substr(code, 4, 5)` of "68-24778-001-2026"), and the trigger now guards the code, the form
 * number, the serial and the year only. Every other protection stays where it is: finalized sessions, results and
 * issued documents keep their own snapshots of the product and its producer.
 *
 * Every other trigger that names products (on it, like 012's search-index triggers, or reading it in its body) is
 * dropped before the rebuild and recreated as it was: SQLite's RENAME refuses while a trigger names a dropped table.
 */
export const m016ProductCommuneMove: Migration = {
  version: 16,
  foreignKeysOff: true,
  name: 'products may change commune; the code never changes',
  up(db) {
    const restoreTriggers = setTriggersAside(db, 'products')
    db.exec(`
      CREATE TABLE products_v13 (
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
        updated_at TEXT NOT NULL
      ) STRICT;
      INSERT INTO products_v13 (${COLUMNS}) SELECT ${COLUMNS} FROM products;
      DROP TABLE products;
      ALTER TABLE products_v13 RENAME TO products;

      CREATE UNIQUE INDEX products_code_serial ON products (substr(code, 4, 5), year, serial);
      CREATE INDEX products_sort ON products (sort_key);
      CREATE INDEX products_commune ON products (commune_code, sort_key);
      CREATE INDEX products_set ON products (set_id, sort_key);
      CREATE INDEX products_status ON products (status, sort_key);
      -- A producer's products, and a re-import's look-up of one by name under its producer.
      CREATE INDEX products_producer ON products (producer_id, name_fold);

      CREATE TRIGGER products_code_immutable BEFORE UPDATE OF code, form_no, serial, year ON products
      WHEN OLD.code IS NOT NEW.code OR OLD.form_no IS NOT NEW.form_no OR OLD.serial IS NOT NEW.serial OR OLD.year IS NOT NEW.year
      BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: Mã sản phẩm và số phiếu đăng ký đã cấp không được thay đổi'); END;
    `)
    // products_code_immutable is redefined above (the commune may change, the code never).
    restoreTriggers(['products_code_immutable'])
  }
}
