import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openConnection } from '../../../src-main/db/connection'
import { migrateTo } from '../../../src-main/db/migrate'
import { tempDir } from '../../utils/core'

const at = '2027-04-01T08:00:00.000Z'

describe('migration 008: post-recognition inspections', () => {
  it('adds the tables over existing data and guards the records', () => {
    const db = openConnection(join(tempDir(), 'm8.sqlite'))
    migrateTo(db, 7)
    db.exec(`
      INSERT INTO producers (id, kind, name, name_fold, sort_key, rep_name, rep_gender, rep_ethnicity, province_code, commune_code, created_at, updated_at)
        VALUES (1, 'htx', 'HTX', 'htx', 'htx', 'A', 'nu', 'Kinh', '68', '24778', '${at}', '${at}');
      INSERT INTO products (id, code, form_no, province_code, commune_code, serial, year, name, name_fold, sort_key, producer_id, set_id, registration_type, status, stars, created_at, updated_at)
        VALUES (1, '68-24778-2026-1', 'F1', '68', '24778', 1, 2026, 'Chè', 'che', 'che', 1, 'QD26-2026-06', 'lan-dau', 'recognised', 4, '${at}', '${at}'),
               (2, '68-24778-2026-2', 'F2', '68', '24778', 2, 2026, 'Cà phê', 'ca phe', 'ca phe', 1, 'QD26-2026-06', 'lan-dau', 'recognised', 4, '${at}', '${at}');
    `)
    migrateTo(db, 8)
    expect((db.prepare('SELECT count(*) AS n FROM products').get() as { n: number }).n).toBe(2)
    const ins = db.prepare(`INSERT INTO inspections (product_id, plan_id, kind, inspected_on, team, outcome, recommendation, deadline, revocation_ground, follow_up_of, created_by, created_at)
      VALUES (?, NULL, ?, ?, 'Đoàn', ?, ?, ?, ?, ?, 'local', '${at}')`)
    const id = Number(ins.run(1, 'periodic', '2027-04-01', 'recommendations', 'Sửa nhãn', '2027-05-01', null, null).lastInsertRowid)
    // Recommendations need a deadline after the inspection; a revocation proposal needs a ground; kinds are closed.
    expect(() => ins.run(1, 'periodic', '2027-04-01', 'recommendations', 'x', null, null, null)).toThrow(/CHECK/)
    expect(() => ins.run(1, 'periodic', '2027-04-01', 'recommendations', 'x', '2027-03-01', null, null)).toThrow(/CHECK/)
    expect(() => ins.run(1, 'periodic', '2027-04-01', 'revocation-proposed', '', null, null, null)).toThrow(/CHECK/)
    expect(() => ins.run(1, 'surprise', '2027-04-01', 'no-action', '', null, null, null)).toThrow(/CHECK/)
    // A follow-up is of the same product and not earlier.
    expect(() => ins.run(2, 'ad-hoc', '2027-05-02', 'no-action', '', null, null, id)).toThrow(/CONFLICT/)
    expect(() => ins.run(1, 'ad-hoc', '2027-03-02', 'no-action', '', null, null, id)).toThrow(/CONFLICT/)
    expect(() => ins.run(1, 'ad-hoc', '2027-05-02', 'no-action', '', null, null, id)).not.toThrow()
    const finding = db.prepare('INSERT INTO inspection_findings (inspection_id, item, result, note) VALUES (?, ?, ?, ?)')
    finding.run(id, 'label-mark', 'advice', 'Nhãn thiếu hạn dùng')
    expect(() => finding.run(id, 'capacity', 'fail', ' ')).toThrow(/CHECK/)
    expect(() => finding.run(id, 'colour', 'pass', '')).toThrow(/CHECK/)
    expect(() => db.prepare("UPDATE inspections SET team = 'khác' WHERE id = ?").run(id)).toThrow(/IMMUTABLE/)
    expect(() => db.prepare('DELETE FROM inspections WHERE id = ?').run(id)).toThrow(/IMMUTABLE/)
    expect(() => db.prepare("UPDATE inspection_findings SET result = 'pass'").run()).toThrow(/IMMUTABLE/)
    expect(() => db.prepare(`INSERT INTO inspection_plan_items (plan_id, product_id, reasons) VALUES (1, 1, '[]')`).run()).toThrow()
    db.close()
  })
})
