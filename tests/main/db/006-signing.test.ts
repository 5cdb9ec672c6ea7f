import { join } from 'node:path'
import { openConnection } from '../../../src-main/db/connection'
import { migrateTo, schemaVersion } from '../../../src-main/db/migrate'
import { tempDir } from '../../utils/core'

const at = '2026-11-28T08:04:05.000Z'
const hex = (c: string) => c.repeat(64)

describe('migration 006 signing', () => {
  it('adds approvals and signed documents on top of version 5, append-only, with checked authority and hashes', () => {
    const db = openConnection(join(tempDir(), 'm6.sqlite'))
    migrateTo(db, 5)
    db.prepare('INSERT INTO app_settings (key, value, updated_at) VALUES (?, ?, ?)').run('ui', '{"language":"vi"}', at)
    migrateTo(db, 6)
    expect(schemaVersion(db)).toBe(6)
    expect(db.prepare('SELECT value FROM app_settings WHERE key = ?').pluck().get('ui')).toBe('{"language":"vi"}')

    const approve = db.prepare(`INSERT INTO sign_approvals (session_id, subject, approver_name, approver_role, authority, position_title, approved_at)
      VALUES (?, 'Quyết định', 'Trần Văn Bình', ?, ?, 'PHÓ CHỦ TỊCH', ?)`)
    const id = Number(approve.run(null, 'signer', 'KT.', at).lastInsertRowid)
    expect(() => approve.run(null, 'chair', 'KT.', at)).toThrow(/CHECK/)
    expect(() => approve.run(null, 'signer', 'KT', at)).toThrow(/CHECK/)
    expect(() => approve.run(999, 'signer', 'KT.', at)).toThrow(/FOREIGN KEY/)

    const doc = db.prepare(`INSERT INTO signed_documents (approval_id, source_sha256, signed_sha256, file_name, byte_size, signer_subject, signer_name,
      cert_serial, sub_filter, signed_at, created_at) VALUES (?, ?, ?, 'qd.pdf', 100, 'CN=A', 'A', '01', ?, '2026-11-28T15:04:05+07:00', ?)`)
    doc.run(id, hex('a'), hex('b'), 'ETSI.CAdES.detached', at)
    expect(() => doc.run(id, hex('a'), hex('b'), 'ETSI.CAdES.detached', at)).toThrow(/UNIQUE/)
    expect(() => doc.run(id, hex('a'), hex('C'), 'ETSI.CAdES.detached', at)).toThrow(/CHECK/)
    expect(() => doc.run(id, hex('a'), hex('c'), 'adbe.x509.rsa.sha1', at)).toThrow(/CHECK/)
    expect(() => doc.run(42, hex('a'), hex('d'), 'ETSI.CAdES.detached', at)).toThrow(/FOREIGN KEY/)
    expect(() => db.prepare('UPDATE signed_documents SET file_name = ?').run('x.pdf')).toThrow(/IMMUTABLE/)
    expect(() => db.prepare('DELETE FROM sign_approvals').run()).toThrow(/IMMUTABLE/)
    db.close()
  })
})
