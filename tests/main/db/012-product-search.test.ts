import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openConnection } from '../../../src-main/db/connection'
import { migrateTo } from '../../../src-main/db/migrate'
import { m012ProductSearch } from '../../../src-main/db/migrations/012-product-search'
import { tempDir } from '../../utils/core'

const at = '2026-06-01T00:00:00.000Z'

describe('migration 012: product search index', () => {
  it('fills the index from existing products and keeps it in step with inserts, updates, deletes and producer renames', () => {
    const db = openConnection(join(tempDir(), 'm16.sqlite'))
    migrateTo(db, m012ProductSearch.version - 1)
    const producer = db.prepare(`INSERT INTO producers (id, kind, name, name_fold, sort_key, rep_name, rep_gender, rep_ethnicity, province_code, commune_code, created_at, updated_at)
      VALUES (?, 'htx', ?, ?, ?, 'Người đại diện', 'nam', 'Kinh', '68', '24778', ?, ?)`)
    producer.run(1, 'HTX Chè Cầu Đất', 'htx che cau dat', 'htx che', at, at)
    producer.run(2, 'HTX Đà Lạt', 'htx da lat', 'htx da', at, at)
    const product = db.prepare(`INSERT INTO products (id, code, form_no, province_code, commune_code, serial, year, name, name_fold, sort_key, producer_id, set_id, registration_type, status, created_at, updated_at)
      VALUES (?, ?, ?, '68', '24778', ?, 2026, ?, ?, ?, ?, 'QD26-2026-06', 'lan-dau', 'registered', ?, ?)`)
    product.run(1, '68-24778-2026-1', 'F-1', 1, 'Chè Ô long', 'che o long', 'che', 1, at, at)
    product.run(2, '68-24778-2026-2', 'F-2', 2, 'Mứt dâu', 'mut dau', 'mut', 2, at, at)
    migrateTo(db, m012ProductSearch.version)

    const index = () => db.prepare('SELECT rowid AS id, name, code, producer FROM product_search ORDER BY rowid').all()
    const match = (q: string) => db.prepare('SELECT rowid FROM product_search WHERE product_search MATCH ? ORDER BY rowid').pluck().all(`"${q}"`)
    expect(index()).toEqual([
      { id: 1, name: 'che o long', code: '68-24778-2026-1', producer: 'htx che cau dat' },
      { id: 2, name: 'mut dau', code: '68-24778-2026-2', producer: 'htx da lat' }
    ])
    expect(match('cau dat')).toEqual([1])
    expect(match('2026-2')).toEqual([2])
    expect(match('Cau dat')).toEqual([]) // both sides are folded: the index compares as stored

    product.run(3, '68-24778-2026-3', 'F-3', 3, 'Cà phê', 'ca phe', 'ca', 2, at, at)
    expect(match('ca phe')).toEqual([3])
    db.prepare("UPDATE products SET name = 'Cà phê moka', name_fold = 'ca phe moka' WHERE id = 3").run()
    expect(match('phe moka')).toEqual([3])
    db.prepare('UPDATE products SET producer_id = 1 WHERE id = 3').run()
    expect(match('htx che')).toEqual([1, 3])
    db.prepare("UPDATE producers SET name = 'HTX Trà Cầu Đất', name_fold = 'htx tra cau dat' WHERE id = 1").run()
    expect(match('htx che')).toEqual([])
    expect(match('tra cau')).toEqual([1, 3])
    db.prepare("UPDATE products SET status = 'dossier-complete' WHERE id = 1").run() // other columns: the row stays as it was
    db.prepare('DELETE FROM products WHERE id = 2').run()
    expect(index()).toEqual([
      { id: 1, name: 'che o long', code: '68-24778-2026-1', producer: 'htx tra cau dat' },
      { id: 3, name: 'ca phe moka', code: '68-24778-2026-3', producer: 'htx tra cau dat' }
    ])
    expect(() => db.exec("INSERT INTO product_search (product_search) VALUES ('integrity-check')")).not.toThrow()
    db.close()
  })
})
