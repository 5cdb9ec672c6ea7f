import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decisionDocument } from '../../../src-main/documents/decision'
import { minutesDocument } from '../../../src-main/documents/minutes'
import { createCriteriaService } from '../../../src-main/services/criteria-service'
import { assembleSessionDocuments } from '../../../src-main/services/session-documents'
import { finalizeHead } from '../../../src-main/services/sessions/integrity'
import { zDocumentInput } from '../../../src-main/shared/documents'
import { call, ok, testCore } from '../../utils/core'
import { province } from '../../../src-main/documents/fixtures/lam-dong-data'
import { finalizedSession } from './fixture'

/** Issue 11, items 3 and 5: the chain head anchored on documents, manifests and the API; names frozen at finalization. */
describe('anchored chain head and frozen names', () => {
  it('finalized results keep the names they were decided under; the round is frozen; the head is printed, in manifests and checked by the API', async () => {
    const core = await testCore()
    const s = await finalizedSession(core)
    const [p0] = s.products as [number]
    const before = (await ok(core, 'results.list', { sessionId: s.sessionId }))[0]!
    // Catalogue edits after finalization (the catalogue itself stays editable).
    core.db.prepare("UPDATE products SET name = 'Tên đã đổi sau khi chốt' WHERE id = ?").run(p0)
    core.db.prepare("UPDATE producers SET name = 'Chủ thể đã đổi tên' WHERE id = (SELECT producer_id FROM products WHERE id = ?)").run(p0)
    const after = (await ok(core, 'results.list', { sessionId: s.sessionId }))[0]!
    expect(after.name).toBe(before.name)
    expect(after.name).not.toBe('Tên đã đổi sau khi chốt')
    const criteria = createCriteriaService(core.db, core.info().criteriaVersion)
    const dto = zDocumentInput.parse(assembleSessionDocuments(core.db, criteria, s.sessionId, { province, number: 1, endTime: '11:30', issueDate: '2026-11-21' }))
    expect(dto.products[0]).toMatchObject({ name: before.name, producer: 'Hợp tác xã Chè Cầu Đất' })

    const session = await ok(core, 'sessions.get', { id: s.sessionId })
    const renamed = await call(core, 'rounds.update', { id: session.roundId, name: 'Đợt khác', deadline: '2026-12-15' })
    expect(!renamed.ok && renamed.error).toMatchObject({ code: 'FINALIZED', message: expect.stringContaining('đã có phiên họp chốt kết quả') })

    // The head of the finalize event is on the minutes and the decision.
    const head = finalizeHead(core.db, s.sessionId)!
    expect(head).toMatch(/^\d+-[0-9A-F]{16}$/)
    expect(dto.session.auditHead).toBe(head)
    for (const doc of [minutesDocument(dto), decisionDocument(dto)]) expect(JSON.stringify(doc.blocks)).toContain(`Mã đầu chuỗi nhật ký kiểm tra: ${head}`)

    // audit.verify accepts it; a head that is not in the chain is reported.
    expect(await ok(core, 'audit.verify', { expectHead: head })).toMatchObject({ intact: true, problems: [] })
    const wrong = await ok(core, 'audit.verify', { expectHead: head.replace(/.$/, (c) => (c === '0' ? '1' : '0')) })
    expect(wrong.intact).toBe(false)
    expect(wrong.problems[0]!.message).toMatch(/băm lại/)

    // Every backup has a manifest with its SHA-256 and the chain head it ends with.
    const entry = await ok(core, 'backup.create', {})
    const manifestFile = join(core.dataDir, 'backups', `${entry.fileName}.manifest.json`)
    expect(existsSync(manifestFile)).toBe(true)
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { sha256: string; auditHead: string; schemaVersion: number }
    expect(manifest.auditHead).toBe((await ok(core, 'audit.verify', {})).head)
    expect(manifest.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect((await ok(core, 'backup.check', { fileName: entry.fileName })).auditHead).toBe(manifest.auditHead)
    core.close()
  }, 60_000)
})
