import { GENDERS, PRODUCER_KINDS } from '../../shared/catalogue'
import { setTriggersAside } from './rebuild-triggers'
import type { Migration } from './types'

const list = (xs: readonly string[]): string => xs.map((x) => `'${x}'`).join(', ')
const COLUMNS =
  'id, kind, name, name_fold, sort_key, reg_no, rep_name, rep_gender, rep_ethnicity, rep_disability, province_code, commune_code, street, old_address, phone, email, created_at, updated_at'

/**
 * Issue 12, item 3. A province's published lists of certified products often lack the legal representative, their
 * gender, ethnicity and disability status, and give only the province of an address. 002 required them, so the
 * only way in was a fake value («Nam», «Kinh», «Không», a made-up commune) that then fed criterion 3.2 and the
 * reports as a fact. Unknown ("chưa rõ") is now stored as NULL in those five columns; a known value keeps 002's
 * checks. docs/RULES.md says where unknown stops a new evaluation (dossier completion).
 *
 * The table is rebuilt by SQLite's documented procedure (as in 010): products refer to producers by name, so with
 * foreign keys off the new table takes every row and id, the old one is dropped and the new one renamed; migrate.ts
 * runs foreign_key_check before committing. producers is not immutable (no REPLACE guard); its indexes are
 * recreated, and the triggers that name it are read back and recreated as they were.
 */
export const m014UnknownLegacyFacts: Migration = {
  version: 14,
  foreignKeysOff: true,
  name: 'producers: representative facts and commune may be unknown (NULL)',
  up(db) {
    const restoreTriggers = setTriggersAside(db, 'producers')
    db.exec(`
      CREATE TABLE producers_v12 (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN (${list(PRODUCER_KINDS)})),
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        name_fold TEXT NOT NULL,
        sort_key TEXT NOT NULL,
        reg_no TEXT,
        rep_name TEXT CHECK (rep_name IS NULL OR length(trim(rep_name)) > 0),
        rep_gender TEXT CHECK (rep_gender IS NULL OR rep_gender IN (${list(GENDERS)})),
        rep_ethnicity TEXT CHECK (rep_ethnicity IS NULL OR length(trim(rep_ethnicity)) > 0),
        rep_disability INTEGER CHECK (rep_disability IS NULL OR rep_disability IN (0, 1)),
        province_code TEXT NOT NULL CHECK (length(province_code) = 2),
        commune_code TEXT CHECK (commune_code IS NULL OR length(commune_code) = 5),
        street TEXT NOT NULL DEFAULT '',
        old_address TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      INSERT INTO producers_v12 (${COLUMNS}) SELECT ${COLUMNS} FROM producers;
      DROP TABLE producers;
      ALTER TABLE producers_v12 RENAME TO producers;
      CREATE UNIQUE INDEX producers_reg_no ON producers (reg_no) WHERE reg_no IS NOT NULL;
      CREATE INDEX producers_sort ON producers (sort_key);
      CREATE INDEX producers_commune ON producers (commune_code, sort_key);
    `)
    restoreTriggers()
  }
}
