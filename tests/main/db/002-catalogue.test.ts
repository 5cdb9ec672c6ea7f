import { join } from 'node:path'
import { openConnection } from '../../../src-main/db/connection'
import { migrateTo, schemaVersion } from '../../../src-main/db/migrate'
import { tempDir } from '../../utils/core'

const at = '2026-06-10T00:00:00.000Z'

describe('migration 002 catalogue', () => {
  it('adds producers, products, history and dossiers on top of version 1, keeping existing settings', () => {
    const db = openConnection(join(tempDir(), 'm2.sqlite'))
    migrateTo(db, 1)
    db.prepare('INSERT INTO app_settings (key, value, updated_at) VALUES (?, ?, ?)').run('ui', '{"language":"vi"}', at)
    migrateTo(db, 2)
    expect(schemaVersion(db)).toBe(2)
    expect(db.prepare('SELECT value FROM app_settings WHERE key = ?').pluck().get('ui')).toBe('{"language":"vi"}')

    const producer = db.prepare(`INSERT INTO producers (kind, name, name_fold, sort_key, rep_name, rep_gender, rep_ethnicity, province_code, commune_code, created_at, updated_at)
      VALUES (?, 'HTX A', 'htx a', 'k', 'Bà B', 'nu', 'Kinh', '68', '24778', ?, ?)`)
    const pid = Number(producer.run('htx', at, at).lastInsertRowid)
    expect(() => producer.run('cong-ty', at, at)).toThrow(/CHECK/)

    const product = db.prepare(`INSERT INTO products (code, form_no, province_code, commune_code, serial, year, name, name_fold, sort_key, producer_id, set_id, registration_type, status, created_at, updated_at)
      VALUES (?, ?, '68', '24778', ?, 2026, 'Dâu', 'dau', 'k', ?, 'QD26-2026-01', 'lan-dau', ?, ?, ?)`)
    const id = Number(product.run('68-24778-001-2026', '001/PĐK-68-24778-2026', 1, pid, 'registered', at, at).lastInsertRowid)
    expect(() => product.run('68-24778-001-2026', 'x', 2, pid, 'registered', at, at)).toThrow(/UNIQUE/)
    expect(() => product.run('68-24778-002-2026', 'y', 1, pid, 'registered', at, at)).toThrow(/UNIQUE/)
    expect(() => product.run('68-24778-003-2026', 'z', 3, pid, 'approved', at, at)).toThrow(/CHECK/)
    expect(() => product.run('68-24778-004-2026', 'w', 4, 999, 'registered', at, at)).toThrow(/FOREIGN KEY/)
    expect(() => db.prepare("UPDATE products SET code = '68-24778-009-2026' WHERE id = ?").run(id)).toThrow(/IMMUTABLE/)
    db.prepare("UPDATE products SET name = 'Dâu tây' WHERE id = ?").run(id)

    db.prepare("INSERT INTO dossier_items (product_id, item_key, checked, updated_at) VALUES (?, 'mau-01', 1, ?)").run(id, at)
    expect(() => db.prepare("INSERT INTO dossier_items (product_id, item_key, checked, updated_at) VALUES (?, 'mau-09', 1, ?)").run(id, at)).toThrow(/CHECK/)
    db.prepare("INSERT INTO dossier_files (product_id, item_key, sha256, size, mime, original_name, added_at) VALUES (?, 'mau-01', ?, 3, 'application/pdf', 'a.pdf', ?)").run(id, 'a'.repeat(64), at)
    expect(() => db.prepare('DELETE FROM producers WHERE id = ?').run(pid)).toThrow(/FOREIGN KEY/)
    db.prepare('DELETE FROM products WHERE id = ?').run(id)
    expect(db.prepare('SELECT count(*) FROM dossier_files').pluck().get()).toBe(0)
    db.close()
  })
})
