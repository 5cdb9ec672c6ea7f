import { join } from 'node:path'
import { openConnection } from '../../../src-main/db/connection'
import { migrateTo, schemaVersion } from '../../../src-main/db/migrate'
import { createDocumentRegister } from '../../../src-main/services/document-register'
import { tempDir } from '../../utils/core'

const at = '2026-08-05T00:00:00.000Z'
const sha = (c: string) => c.repeat(64)

describe('migration 005 documents', () => {
  it('adds the number register and the documents table on top of version 4, keeping existing data', () => {
    const db = openConnection(join(tempDir(), 'm5.sqlite'))
    migrateTo(db, 4)
    db.prepare('INSERT INTO app_settings (key, value, updated_at) VALUES (?, ?, ?)').run('ui', '{"language":"vi"}', at)
    migrateTo(db, 5)
    expect(schemaVersion(db)).toBe(5)
    expect(db.prepare('SELECT value FROM app_settings WHERE key = ?').pluck().get('ui')).toBe('{"language":"vi"}')

    const no = db.prepare('INSERT INTO document_numbers (year, symbol, number, kind, allocated_at) VALUES (?, ?, ?, ?, ?)')
    no.run(2026, 'QĐ-UBND', 1, 'decision', at)
    expect(() => no.run(2026, 'QĐ-UBND', 1, 'approval', at)).toThrow(/UNIQUE/)
    expect(() => no.run(2026, 'QĐ-UBND', 0, 'decision', at)).toThrow(/CHECK/)
    expect(() => no.run(2026, 'QĐ-UBND', 2, 'letter', at)).toThrow(/CHECK/)
    expect(() => db.prepare('DELETE FROM document_numbers').run()).toThrow(/IMMUTABLE/)
    expect(() => db.prepare('UPDATE document_numbers SET number = 9').run()).toThrow(/IMMUTABLE/)

    const doc = db.prepare(`INSERT INTO documents (kind, format, title, doc_date, data_version, input_sha256, sha256, size, file_path, created_at)
      VALUES (?, 'pdf', 'Quyết định', ?, 'v1', ?, ?, 10, ?, ?)`)
    doc.run('decision', '2026-08-05', sha('a'), sha('b'), 'documents/2026/a.pdf', at)
    expect(() => doc.run('decision', '2026-08-05', sha('a'), sha('c'), 'documents/2026/b.pdf', at)).toThrow(/UNIQUE/)
    expect(() => doc.run('decision', '2026-02-30', sha('d'), sha('c'), 'documents/2026/c.pdf', at)).toThrow(/CHECK/)
    expect(() => db.prepare("UPDATE documents SET title = 'x'").run()).toThrow(/IMMUTABLE/)
    expect(() =>
      db.prepare(`INSERT INTO documents (kind, format, title, session_id, doc_date, data_version, input_sha256, sha256, size, file_path, created_at) VALUES ('minutes', 'pdf', 'BB', 999, '2026-08-05', 'v1', ?, ?, 1, 'x', ?)`).run(sha('e'), sha('f'), at)
    ).toThrow(/FOREIGN KEY/)
    db.close()
  })

  it('the register never repeats a number, restarts each year and per ký hiệu, and refuses a taken number', () => {
    const db = openConnection(':memory:')
    migrateTo(db, 5)
    const reg = createDocumentRegister(db, () => new Date(at))
    expect(reg.allocate(2026, 'QĐ-UBND', 'decision').first).toBe(1)
    expect(reg.allocate(2026, 'QĐ-UBND', 'approval').first).toBe(2)
    expect(reg.allocate(2026, 'BB-HĐOCOP', 'minutes').first).toBe(1)
    expect(reg.allocate(2027, 'QĐ-UBND', 'decision').first).toBe(1)
    expect(reg.reserve(2026, 'QĐ-UBND', 'decision', 3981).first).toBe(3981)
    expect(() => reg.reserve(2026, 'QĐ-UBND', 'decision', 2)).toThrow(/đã được cấp/)
    expect(reg.allocate(2026, 'QĐ-UBND', 'decision').first).toBe(3982)
    expect(reg.allocate(2026, 'GCN-OCOP', 'certificate', 3).first).toBe(1)
    expect(reg.allocate(2026, 'GCN-OCOP', 'certificate').first).toBe(4)
    for (let i = 0; i < 50; i++) reg.allocate(2026, 'TB-SNNMT', 'notice')
    const issued = reg.issued(2026, 'TB-SNNMT')
    expect(new Set(issued).size).toBe(50)
    expect(issued).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))
    expect(reg.issued(2026, 'QĐ-UBND')).toEqual([1, 2, 3981, 3982])
    expect(() => reg.allocate(2026, 'QĐ-UBND', 'decision', 0)).toThrow(/từ 1 trở lên/)
    db.close()
  })
})
