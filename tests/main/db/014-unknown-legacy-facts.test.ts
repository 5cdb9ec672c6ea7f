import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openConnection } from '../../../src-main/db/connection'
import { migrateTo } from '../../../src-main/db/migrate'
import { tempDir } from '../../utils/core'

const at = '2026-12-01T08:00:00.000Z'

function before014() {
  const db = openConnection(join(tempDir(), 'm13.sqlite'))
  migrateTo(db, 13)
  db.exec(`
    INSERT INTO producers (id, kind, name, name_fold, sort_key, reg_no, rep_name, rep_gender, rep_ethnicity, rep_disability, province_code, commune_code, street, created_at, updated_at)
      VALUES (4, 'htx', 'HTX Chè', 'htx che', 'htx che', '5800123401', 'Nguyễn Thị A', 'nu', 'Kinh', 0, '68', '24778', 'Thôn 2', '${at}', '${at}');
    INSERT INTO products (id, code, form_no, province_code, commune_code, serial, year, name, name_fold, sort_key, producer_id, set_id, registration_type, status, created_at, updated_at)
      VALUES (9, '68-24778-001-2026', 'F1', '68', '24778', 1, 2026, 'Chè', 'che', 'che', 4, 'QD26-2026-06', 'lan-dau', 'registered', '${at}', '${at}');
  `)
  return db
}

const insert = (db: ReturnType<typeof openConnection>, over: Record<string, unknown>) =>
  db
    .prepare(`INSERT INTO producers (kind, name, name_fold, sort_key, reg_no, rep_name, rep_gender, rep_ethnicity, rep_disability, province_code, commune_code, created_at, updated_at)
      VALUES ('ho-kd', 'Hộ B', 'ho b', 'ho b', @reg_no, @rep_name, @rep_gender, @rep_ethnicity, @rep_disability, '68', @commune_code, '${at}', '${at}')`)
    .run({ reg_no: null, rep_name: null, rep_gender: null, rep_ethnicity: null, rep_disability: null, commune_code: null, ...over })

describe('migration 014: unknown legacy facts', () => {
  it('keeps every producer with its id, the products referring to it and the indexes', () => {
    const db = before014()
    const triggersBefore = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name").all()
    migrateTo(db, 14)
    // Every trigger survives the rebuild as it was, 012's search-index triggers (which read producers) included.
    expect(db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name").all()).toEqual(triggersBefore)
    db.prepare("UPDATE producers SET name = 'HTX Chè Xanh', name_fold = 'htx che xanh' WHERE id = 4").run()
    expect(db.prepare("SELECT rowid FROM product_search WHERE product_search MATCH '\"che xanh\"'").pluck().all()).toEqual([9])
    expect(db.prepare('SELECT id, rep_name, rep_gender, rep_ethnicity, rep_disability, commune_code, street FROM producers').all()).toEqual([
      { id: 4, rep_name: 'Nguyễn Thị A', rep_gender: 'nu', rep_ethnicity: 'Kinh', rep_disability: 0, commune_code: '24778', street: 'Thôn 2' }
    ])
    expect(db.prepare('SELECT producer_id FROM products WHERE id = 9').pluck().get()).toBe(4)
    expect(db.pragma('foreign_key_check')).toEqual([])
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'products'").pluck().get()).toMatch(/REFERENCES producers \(id\)/)
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'producers' ORDER BY name").pluck().all()).toEqual(['producers_commune', 'producers_reg_no', 'producers_sort'])
    // The reference still holds both ways: no product of a missing producer, no deleting a producer with products.
    expect(() => db.prepare(`INSERT INTO products (code, form_no, province_code, commune_code, serial, year, name, name_fold, sort_key, producer_id, set_id, registration_type, created_at, updated_at)
      VALUES ('68-24778-002-2026', 'F2', '68', '24778', 2, 2026, 'X', 'x', 'x', 99, 'QD26-2026-06', 'lan-dau', '${at}', '${at}')`).run()).toThrow(/FOREIGN KEY/)
    expect(() => db.prepare('DELETE FROM producers WHERE id = 4').run()).toThrow(/FOREIGN KEY/)
    // The product code trigger of 002 is untouched.
    expect(() => db.prepare("UPDATE products SET commune_code = '24781' WHERE id = 9").run()).toThrow(/IMMUTABLE/)
    db.close()
  })

  it('stores unknown as NULL; a known value keeps its checks; the tax number stays unique', () => {
    const db = before014()
    migrateTo(db, 14)
    insert(db, {})
    expect(db.prepare("SELECT rep_name, rep_gender, rep_ethnicity, rep_disability, commune_code FROM producers WHERE name = 'Hộ B'").get()).toEqual({
      rep_name: null,
      rep_gender: null,
      rep_ethnicity: null,
      rep_disability: null,
      commune_code: null
    })
    expect(() => insert(db, { rep_gender: 'khac' })).toThrow(/CHECK/)
    expect(() => insert(db, { rep_name: '  ' })).toThrow(/CHECK/)
    expect(() => insert(db, { rep_ethnicity: '' })).toThrow(/CHECK/)
    expect(() => insert(db, { rep_disability: 2 })).toThrow(/CHECK/)
    expect(() => insert(db, { commune_code: '2477' })).toThrow(/CHECK/)
    expect(() => insert(db, { reg_no: '5800123401' })).toThrow(/UNIQUE/)
    db.close()
  })
})
