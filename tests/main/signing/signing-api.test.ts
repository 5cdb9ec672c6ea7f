import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { createCore, type Core } from '../../../src-main/core'
import type { Logger } from '../../../src-main/logger'
import { call, ok, RESOURCES, tempDir, testCore } from '../../utils/core'
import { finalizedSession, issueDecision } from '../certificates/helpers'
import { openScoringSession } from '../sessions/helpers'
import { PASSWORD, makeP12, pdfsig } from './helpers'

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? allFiles(p) : [p]
  })
}

/** A core whose log lines are kept, to prove the password never reaches them. */
async function loggedCore(): Promise<{ core: Core; dataDir: string; lines: string[] }> {
  const lines: string[] = []
  const keep = (m: string, e?: unknown) => void lines.push(`${m} ${e instanceof Error ? `${e.message} ${e.stack}` : String(e ?? '')}`)
  const log: Logger = { info: keep, warn: keep, error: keep }
  const dataDir = tempDir()
  return { core: await createCore({ dataDir, resourcesDir: RESOURCES, mode: 'browser', log }), dataDir, lines }
}

const chairApproval = (sessionId: number) => ({
  sessionId,
  subject: 'Kết quả đánh giá, phân hạng sản phẩm OCOP phiên họp số 1',
  approverName: 'Trần Văn Bình',
  approverRole: 'signer' as const,
  authority: 'KT.' as const,
  positionTitle: 'Phó Chủ tịch'
})

describe('signing API', () => {
  const { p12 } = makeP12()
  const p12Base64 = p12.toString('base64')
  const signature = { organisation: 'Ủy ban nhân dân tỉnh Lâm Đồng', reason: 'Ban hành quyết định công nhận', location: 'Lâm Đồng' }

  it('approves a finalized session, generates its decision, signs it; the password is nowhere afterwards', async () => {
    const { core, dataDir, lines } = await loggedCore()
    const f = await finalizedSession(core)
    const backups = await ok(core, 'backup.list', {})
    expect(backups.some((b) => b.kind === 'before' && b.reason === `chot-phien-${f.sessionId}`)).toBe(true)
    expect((await call(core, 'signing.generate', { approvalId: 99, kind: 'decision', issueDate: '2026-12-01', endTime: '11:30' })).ok).toBe(false)
    await ok(core, 'settings.setProvince', { provinceCode: '68', bodyName: 'Ủy ban nhân dân tỉnh Lâm Đồng', advisoryBody: 'Sở Nông nghiệp và Môi trường', placeName: 'Lâm Đồng' })
    const a = await ok(core, 'signing.approve', chairApproval(f.sessionId))
    expect(await ok(core, 'signing.approvals', { sessionId: f.sessionId })).toEqual([a])
    // The decision is issued first (its number from the register); signing prints that number and takes none.
    const issued = await issueDecision(core, f.sessionId, { number: 5, date: '2026-12-01' })
    const doc = await ok(core, 'signing.generate', { approvalId: a.id, kind: 'decision', issueDate: '2026-12-01', endTime: '11:30' })
    expect(doc).toMatchObject({ kind: 'decision', format: 'pdf' })
    expect(doc.number).toBe(issued)

    const bad = await call(core, 'signing.sign', { approvalId: a.id, documentId: doc.id, p12Base64, password: 'sai-mật-khẩu-XYZ', ...signature })
    expect(bad.ok).toBe(false)
    if (!bad.ok) {
      expect(bad.error.message).toMatch(/Mật khẩu chứng thư số không đúng/)
      expect(JSON.stringify(bad)).not.toContain('sai-mật-khẩu-XYZ')
    }
    const signed = await ok(core, 'signing.sign', { approvalId: a.id, documentId: doc.id, p12Base64, password: PASSWORD, ...signature })
    expect(signed).toMatchObject({ approvalId: a.id, signerName: 'Nguyễn Văn Thử', subFilter: 'ETSI.CAdES.detached' })
    expect(signed.fileName).toMatch(/\(đã ký\)\.pdf$/)
    expect(JSON.stringify(signed)).not.toContain(PASSWORD)
    expect(await ok(core, 'signing.list', { approvalId: a.id })).toEqual([signed])

    const dl = await ok(core, 'signing.download', { id: signed.id })
    const bytes = Buffer.from(dl.base64, 'base64')
    expect(pdfsig(bytes).out).toContain('Signature is Valid.')
    const check = await ok(core, 'verify.pdf', { fileName: dl.fileName, contentBase64: dl.base64 })
    expect(check.signatures[0]).toMatchObject({ valid: true, signerName: 'Nguyễn Văn Thử' })
    expect(check.issued).toMatchObject({ kind: 'signed', sessionId: f.sessionId, signerName: 'Nguyễn Văn Thử' })
    expect(check.source).toMatchObject({ kind: 'issued', sha256: doc.sha256 })

    core.close()
    // Neither the password nor the PKCS#12 file is kept: not in the logs, the database or any file of the data folder.
    const secrets = [Buffer.from(PASSWORD), Buffer.from('sai-mật-khẩu-XYZ'), p12.subarray(0, 64)]
    expect(lines.join('\n')).not.toContain(PASSWORD)
    expect(lines.join('\n')).not.toContain('sai-mật-khẩu-XYZ')
    for (const file of allFiles(dataDir)) {
      const content = readFileSync(file)
      for (const s of secrets) expect(content.includes(s), `${file}`).toBe(false)
    }
  })

  it('refuses sign-off before finalization, a document of another session and a file that is not PKCS#12', async () => {
    const first = await testCore()
    const open = await openScoringSession(first, { products: 1 })
    const early = await call(first, 'signing.approve', chairApproval(open.sessionId))
    expect(!early.ok && early.error.message).toMatch(/đã chốt/)
    first.close()
    const core = await testCore()
    const f = await finalizedSession(core)
    await ok(core, 'settings.setProvince', { provinceCode: '68', bodyName: 'Ủy ban nhân dân tỉnh Lâm Đồng', advisoryBody: 'Sở Nông nghiệp và Môi trường', placeName: 'Lâm Đồng' })
    const chairKt = await call(core, 'signing.approve', { ...chairApproval(f.sessionId), approverRole: 'chair' })
    expect(!chairKt.ok && chairKt.error.message).toMatch(/TM\./)
    const a = await ok(core, 'signing.approve', chairApproval(f.sessionId))
    const other = await ok(core, 'documents.generate', { kind: 'decision', source: { fixture: 'lam-dong-2026' } })
    const wrong = await call(core, 'signing.sign', { approvalId: a.id, documentId: other.id, p12Base64, password: PASSWORD, ...signature })
    expect(!wrong.ok && wrong.error.message).toMatch(/không thuộc phiên họp/)
    const doc = await ok(core, 'signing.generate', { approvalId: a.id, kind: 'minutes', issueDate: '2026-12-01', endTime: '11:30' })
    const junk = await call(core, 'signing.sign', { approvalId: a.id, documentId: doc.id, p12Base64: Buffer.from('not a p12').toString('base64'), password: PASSWORD, ...signature })
    expect(!junk.ok && junk.error.message).toMatch(/PKCS#12/)
    const empty = await call(core, 'signing.sign', { approvalId: a.id, documentId: doc.id, p12Base64: '', password: '', ...signature })
    expect(!empty.ok && empty.error.code).toBe('VALIDATION')
    core.close()
  })

  it('the minutes take the secretary, then the chair signature on the same copy; a decision signed again is re-signed', async () => {
    const core = await testCore()
    const f = await finalizedSession(core)
    await ok(core, 'settings.setProvince', { provinceCode: '68', bodyName: 'Ủy ban nhân dân tỉnh Lâm Đồng', advisoryBody: 'Sở Nông nghiệp và Môi trường', placeName: 'Lâm Đồng' })
    const a = await ok(core, 'signing.approve', chairApproval(f.sessionId))
    const minutes = await ok(core, 'signing.generate', { approvalId: a.id, kind: 'minutes', issueDate: '2026-12-01', endTime: '11:30' })
    const secretary = makeP12({ cn: 'Thư ký Hội đồng' }).p12.toString('base64')
    const chair = makeP12({ cn: 'Chủ tọa Hội đồng' }).p12.toString('base64')
    await ok(core, 'signing.sign', { approvalId: a.id, documentId: minutes.id, p12Base64: secretary, password: PASSWORD, ...signature })
    const both = await ok(core, 'signing.sign', { approvalId: a.id, documentId: minutes.id, p12Base64: chair, password: PASSWORD, ...signature })
    const bytes = Buffer.from((await ok(core, 'signing.download', { id: both.id })).base64, 'base64')
    const out = pdfsig(bytes).out
    expect(out.match(/Signature is Valid\./g)).toHaveLength(2)
    expect(out).toContain('Signer Certificate Common Name: Thư ký Hội đồng')
    expect(out).toContain('Signer Certificate Common Name: Chủ tọa Hội đồng')
    const check = await ok(core, 'verify.pdf', { fileName: 'bb.pdf', contentBase64: bytes.toString('base64') })
    expect(check.signatures.map((x) => x.valid)).toEqual([true, true])

    const decision = await ok(core, 'signing.generate', { approvalId: a.id, kind: 'decision', issueDate: '2026-12-01', endTime: '11:30' })
    await ok(core, 'signing.sign', { approvalId: a.id, documentId: decision.id, p12Base64, password: PASSWORD, ...signature })
    const again = await ok(core, 'signing.sign', { approvalId: a.id, documentId: decision.id, p12Base64, password: PASSWORD, ...signature })
    const once = Buffer.from((await ok(core, 'signing.download', { id: again.id })).base64, 'base64')
    expect(pdfsig(once).out.match(/Signature is Valid\./g)).toHaveLength(1)
    core.close()
  }, 60_000)
})
