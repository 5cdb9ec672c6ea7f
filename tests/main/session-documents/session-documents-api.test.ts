import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../../src-main/core'
import { finalizedSession } from '../certificates/helpers'
import { openScoringSession } from '../sessions/helpers'
import { call, ok, testCore } from '../../utils/core'

const PROVINCE = { provinceCode: '68', bodyName: 'Ủy ban nhân dân tỉnh Lâm Đồng', advisoryBody: 'Sở Nông nghiệp và Môi trường', placeName: 'Lâm Đồng' }

async function waitJob(core: Core, jobId: string) {
  for (let i = 0; i < 600; i++) {
    const j = await ok(core, 'documents.jobStatus', { jobId })
    if (j.done) return j
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('pack job did not finish')
}

describe('documents from a session', () => {
  let core: Core & { dataDir: string }
  let session: Awaited<ReturnType<typeof finalizedSession>>
  beforeAll(async () => {
    core = await testCore()
    session = await finalizedSession(core)
  }, 60_000)
  afterAll(() => core.close())

  it('refuses before the province is declared, in Vietnamese', async () => {
    const r = await call(core, 'documents.forSession', { sessionId: session.sessionId, kind: 'minutes', format: 'pdf' })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toMatch(/Chưa khai báo tỉnh/)
  })

  it('prints the minutes as a draft until issued, then with the number issued once; regenerating returns the stored one', async () => {
    await ok(core, 'settings.setProvince', PROVINCE)
    const next = await ok(core, 'documents.nextNumber', { sessionId: session.sessionId, kind: 'minutes' })
    expect(next).toEqual({ symbol: 'BB-HĐOCOP', next: 1, assigned: null })
    const draft = await ok(core, 'documents.forSession', { sessionId: session.sessionId, kind: 'minutes', format: 'pdf' })
    expect(draft.number).toBeNull()
    await ok(core, 'documents.issue', { sessionId: session.sessionId, kind: 'minutes' })
    const a = await ok(core, 'documents.forSession', { sessionId: session.sessionId, kind: 'minutes', format: 'pdf' })
    expect(a.number).toBe('01/BB-HĐOCOP')
    const again = await ok(core, 'documents.forSession', { sessionId: session.sessionId, kind: 'minutes', format: 'pdf' })
    expect(again.id).toBe(a.id)
    const docx = await ok(core, 'documents.forSession', { sessionId: session.sessionId, kind: 'minutes', format: 'docx' })
    expect(docx.number).toBe('01/BB-HĐOCOP')
    const other = await call(core, 'documents.issue', { sessionId: session.sessionId, kind: 'minutes', number: 7 })
    expect(other.ok).toBe(false)
    if (!other.ok) expect(other.error.message).toMatch(/đã được ban hành, số 01\/BB-HĐOCOP/)
    expect((await ok(core, 'documents.nextNumber', { sessionId: session.sessionId, kind: 'minutes' }))?.assigned).toBe('01/BB-HĐOCOP')
  }, 60_000)

  it('issues with a typed number and refuses one already used', async () => {
    const typed = await ok(core, 'documents.issue', { sessionId: session.sessionId, kind: 'report', number: 12 })
    expect(typed.number).toBe('12/BC-HĐOCOP')
    expect((await ok(core, 'documents.forSession', { sessionId: session.sessionId, kind: 'report' })).number).toBe('12/BC-HĐOCOP')
    await ok(core, 'documents.issue', { sessionId: session.sessionId, kind: 'submission' })
    // The two decisions share the register of QĐ-UBND: the approval cannot take the decision's number.
    expect((await ok(core, 'documents.issue', { sessionId: session.sessionId, kind: 'decision', number: 12 })).number).toBe('12/QĐ-UBND')
    const used = await call(core, 'documents.issue', { sessionId: session.sessionId, kind: 'approval', number: 12 })
    expect(used.ok).toBe(false)
    if (!used.ok) expect(used.error.message).toMatch(/đã được cấp cho văn bản khác/)
  }, 60_000)

  it('generates per-member sheets, one certificate per recognised product, and refuses to issue an unnumbered kind', async () => {
    const member = (await ok(core, 'sessions.get', { id: session.sessionId })).members.find((m) => m.scores)!
    const sheet = await ok(core, 'documents.forSession', { sessionId: session.sessionId, kind: 'sheet', productId: session.recognised, memberId: member.id })
    expect(sheet.number).toBeNull()
    await ok(core, 'certificates.issue', { sessionId: session.sessionId, issuedOn: '2026-12-10' })
    const cert = await ok(core, 'documents.forSession', { sessionId: session.sessionId, kind: 'certificate', productId: session.recognised })
    expect(cert.number).toBe('01/GCN-OCOP')
    const r = await call(core, 'documents.issue', { sessionId: session.sessionId, kind: 'summary' })
    expect(r.ok).toBe(false)
  }, 60_000)

  it('runs the pack as a job whose result is listed for the session with the file hash', async () => {
    const job = await ok(core, 'documents.startPack', { sessionId: session.sessionId })
    expect(job.done).toBe(false)
    const done = await waitJob(core, job.id)
    expect(done.error).toBeNull()
    expect(done.progress).toBe(1)
    const list = await ok(core, 'documents.sessionList', { sessionId: session.sessionId })
    const pack = list.find((d) => d.id === done.documentId)!
    expect(pack.kind).toBe('pack')
    const file = await ok(core, 'documents.download', { id: pack.id })
    expect(createHash('sha256').update(Buffer.from(file.base64, 'base64')).digest('hex')).toBe(pack.sha256)
    // The pack takes no number of its own: the register still holds only what was issued.
    expect(core.db.prepare("SELECT count(*) FROM document_numbers WHERE kind IN ('minutes', 'pack')").pluck().get()).toBe(1)
    const second = await waitJob(core, (await ok(core, 'documents.startPack', { sessionId: session.sessionId })).id)
    expect(second.documentId).toBe(done.documentId)
  }, 120_000)

  it('open in viewer is refused in browser mode; unknown job ids are a clear error', async () => {
    const r = await call(core, 'documents.openInViewer', { id: 1 })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toMatch(/Chế độ trình duyệt/)
    const j = await call(core, 'documents.jobStatus', { jobId: 'x' })
    expect(j.ok).toBe(false)
  })
})

describe('blank sheets of an open session and the desktop viewer', () => {
  it('prints a blank pre-filled sheet before finalization and opens stored files only by id', async () => {
    const opened: string[] = []
    const { createCore } = await import('../../../src-main/core')
    const { silentLogger } = await import('../../../src-main/logger')
    const { RESOURCES, tempDir } = await import('../../utils/core')
    const dataDir = tempDir()
    const core = await createCore({ dataDir, resourcesDir: RESOURCES, mode: 'desktop', log: silentLogger, openPath: async (p) => (opened.push(p), '') })
    try {
      await ok(core, 'settings.setProvince', PROVINCE)
      const s = await openScoringSession(core, { products: 1 })
      const filled = await call(core, 'documents.forSession', { sessionId: s.sessionId, kind: 'minutes' })
      expect(filled.ok).toBe(false)
      const blank = await ok(core, 'documents.forSession', { sessionId: s.sessionId, kind: 'sheet-blank', productId: s.products[0]!, memberId: s.members[0]!.id })
      expect(blank.pages).toBeGreaterThan(0)
      await ok(core, 'documents.openInViewer', { id: blank.id })
      expect(opened).toHaveLength(1)
      expect(createHash('sha256').update(readFileSync(opened[0]!)).digest('hex')).toBe(blank.sha256)
      expect(opened[0]!.startsWith(join(dataDir, 'documents'))).toBe(true)
    } finally {
      core.close()
    }
  }, 60_000)
})
