import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openConnection } from '../../../src-main/db/connection'
import { migrateTo } from '../../../src-main/db/migrate'
import { m016ProductCommuneMove } from '../../../src-main/db/migrations/016-product-commune-move'
import { tempDir } from '../../utils/core'

const at = '2026-12-01T08:00:00.000Z'
const V = m016ProductCommuneMove.version

describe('migration 016: a product may change commune, its code never', () => {
  it('keeps every product and its references; the commune may change, the code, form number, serial and year may not', () => {
    const db = openConnection(join(tempDir(), 'm16.sqlite'))
    migrateTo(db, V - 1)
    db.exec(`INSERT INTO producers (id, kind, name, name_fold, sort_key, rep_name, rep_gender, rep_ethnicity, province_code, commune_code, created_at, updated_at)
      VALUES (1, 'htx', 'HTX A', 'htx a', 'htx a', 'B', 'nu', 'Kinh', '68', '24778', '${at}', '${at}')`)
    const insert = db.prepare(`INSERT INTO products (id, code, form_no, province_code, commune_code, serial, year, name, name_fold, sort_key, producer_id, set_id, registration_type, created_at, updated_at)
      VALUES (?, ?, ?, '68', ?, 1, 2025, ?, ?, ?, 1, 'QD26-2026-01', 'lan-dau', '${at}', '${at}')`)
    insert.run(1, '68-24778-001-2025', '68-24778-001-2025-PĐK', '24778', 'Cà phê', 'ca phe', 'ca phe')
    insert.run(2, '68-24820-001-2025', '68-24820-001-2025-PĐK', '24820', 'Trà', 'tra', 'tra')
    db.exec(`INSERT INTO product_status_history (product_id, to_status, at) VALUES (1, 'registered', '${at}')`)
    const others = "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name <> 'products_code_immutable' ORDER BY name"
    const triggersBefore = db.prepare(others).all()
    migrateTo(db, V)
    // Every other trigger comes back as it was (012's search-index triggers on products among them), and works.
    expect(db.prepare(others).all()).toEqual(triggersBefore)
    db.prepare("UPDATE products SET name = 'Trà xanh', name_fold = 'tra xanh' WHERE id = 2").run()
    expect(db.prepare("SELECT rowid FROM product_search WHERE product_search MATCH '\"tra xanh\"'").pluck().all()).toEqual([2])

    expect(db.prepare('SELECT id, code, commune_code FROM products ORDER BY id').all()).toEqual([
      { id: 1, code: '68-24778-001-2025', commune_code: '24778' },
      { id: 2, code: '68-24820-001-2025', commune_code: '24820' }
    ])
    expect(db.prepare('SELECT count(*) FROM product_status_history WHERE product_id = 1').pluck().get()).toBe(1)
    // Product 1 moves into the commune where product 2 holds serial 001 of 2025: no collision, the code is kept.
    db.prepare("UPDATE products SET commune_code = '24820' WHERE id = 1").run()
    expect(db.prepare('SELECT code, commune_code FROM products WHERE id = 1').get()).toEqual({ code: '68-24778-001-2025', commune_code: '24820' })
    for (const set of ["code = '68-24820-002-2025'", "form_no = 'x'", 'serial = 2', 'year = 2026'])
      expect(() => db.prepare(`UPDATE products SET ${set} WHERE id = 1`).run()).toThrow(/IMMUTABLE/)
    // Serials stay unique per commune of the code, whatever commune the product is in now.
    // (insert's serial is 1: a second serial 001 of 2025 for commune 24778, although the product is elsewhere now.)
    expect(() => insert.run(3, '68-24778-009-2025', '009/PĐK-68-24778-2025', '24820', 'X', 'x', 'x')).toThrow(/UNIQUE/)
    // The producer keeps its products (foreign key to the rebuilt table, checked by migrate.ts).
    expect(() => db.prepare('DELETE FROM producers WHERE id = 1').run()).toThrow(/FOREIGN KEY/)
    expect(db.pragma('foreign_key_check')).toEqual([])
    db.close()
  })
})
