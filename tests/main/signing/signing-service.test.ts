import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { createSigningService } from '../../../src-main/services/signing/signing-service'
import { tempDir } from '../../utils/core'
import { FONTS, PASSWORD, makeP12, pdfsig, samplePdf } from './helpers'
import { signingDb } from './schema'

const at = new Date('2026-11-28T08:04:05Z')

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? allFiles(p) : [p]
  })
}

describe('sign-off and signing service', () => {
  const { p12 } = makeP12()
  const approval = {
    sessionId: null,
    subject: 'Quyết định công nhận kết quả đánh giá, phân hạng sản phẩm OCOP năm 2026',
    approverName: 'Trần Văn Bình',
    approverRole: 'signer' as const,
    authority: 'KT.' as const,
    positionTitle: 'PHÓ CHỦ TỊCH'
  }

  it('records who approved, when and with which authority, then signs and registers the signed bytes', async () => {
    const dir = tempDir()
    const db = signingDb(dir)
    const svc = createSigningService({ db, dataDir: dir, fontsDir: FONTS, now: () => at })
    const a = svc.approve(approval)
    expect(a).toMatchObject({ approverName: 'Trần Văn Bình', authority: 'KT.', approvedAt: at.toISOString(), sessionId: null })
    const pdf = await samplePdf()
    const s = await svc.sign({ approvalId: a.id, pdf, fileName: 'quyet-dinh.pdf', p12, password: PASSWORD, organisation: 'UBND tỉnh Lâm Đồng', reason: 'Ban hành', location: 'Lâm Đồng' })
    expect(s.subFilter).toBe('ETSI.CAdES.detached')
    expect(s.signedAt).toBe('2026-11-28T15:04:05+07:00')
    expect(readFileSync(join(dir, 'files', 'signed', `${s.signedSha256}.pdf`)).equals(s.pdf)).toBe(true)
    expect(pdfsig(s.pdf).out).toContain('Signature is Valid.')
    expect(svc.findSigned(s.signedSha256)).toMatchObject({ approvalId: a.id, sessionId: null, signerName: 'Nguyễn Văn Thử' })
    expect(svc.listSigned(a.id)).toHaveLength(1)
    expect(() => db.prepare('DELETE FROM signed_documents').run()).toThrow(/IMMUTABLE/)
    expect(() => db.prepare(`UPDATE sign_approvals SET approver_name = 'X'`).run()).toThrow(/IMMUTABLE/)
    db.close()
  })

  it('refuses a chair approving with KT. authority, an unknown session and signing without an approval', async () => {
    const dir = tempDir()
    const db = signingDb(dir)
    const svc = createSigningService({ db, dataDir: dir, fontsDir: FONTS, now: () => at })
    expect(() => svc.approve({ ...approval, approverRole: 'chair' })).toThrow(/Chủ tịch Hội đồng ký trực tiếp/)
    expect(() => svc.approve({ ...approval, sessionId: 999 })).toThrow(/Không có phiên họp số 999/)
    await expect(
      svc.sign({ approvalId: 42, pdf: await samplePdf(), fileName: 'a.pdf', p12, password: PASSWORD, organisation: 'X', reason: 'Y', location: 'Z' })
    ).rejects.toThrow(/Không có phê duyệt số 42/)
    db.close()
  })

  it('refuses a wrong password, an expired certificate, a non-PDF and an already signed PDF in Vietnamese', async () => {
    const dir = tempDir()
    const db = signingDb(dir)
    const svc = createSigningService({ db, dataDir: dir, fontsDir: FONTS, now: () => at })
    const a = svc.approve(approval)
    const base = { approvalId: a.id, fileName: 'a.pdf', p12, password: PASSWORD, organisation: 'X', reason: 'Y', location: 'Z' }
    const pdf = await samplePdf()
    await expect(svc.sign({ ...base, pdf, password: 'sai' })).rejects.toThrow('Mật khẩu chứng thư số không đúng hoặc tệp PKCS#12 bị hỏng')
    await expect(svc.sign({ ...base, pdf, p12: Buffer.from('không phải p12') })).rejects.toThrow(/PKCS#12/)
    const old = makeP12({ notAfter: new Date('2026-01-01T00:00:00Z') })
    await expect(svc.sign({ ...base, pdf, p12: old.p12 })).rejects.toThrow(/không còn hiệu lực/)
    await expect(svc.sign({ ...base, pdf: Buffer.from('hello') })).rejects.toThrow('Tệp cần ký không phải tệp PDF')
    const signed = await svc.sign({ ...base, pdf })
    await expect(svc.sign({ ...base, pdf: signed.pdf })).rejects.toThrow(/đã có chữ ký số/)
    db.close()
  })

  it('never writes the certificate password to the database, the data folder or the logs', async () => {
    const lines: string[] = []
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((k) => vi.spyOn(console, k).mockImplementation((...a: unknown[]) => void lines.push(a.map(String).join(' '))))
    const dir = tempDir()
    const db = signingDb(dir)
    const svc = createSigningService({ db, dataDir: dir, fontsDir: FONTS, now: () => at })
    const a = svc.approve(approval)
    const pdf = await samplePdf()
    await svc.sign({ approvalId: a.id, pdf, fileName: 'a.pdf', p12, password: PASSWORD, organisation: 'X', reason: 'Y', location: 'Z' })
    await svc.sign({ approvalId: a.id, pdf, fileName: 'a.pdf', p12, password: `${PASSWORD}-sai`, organisation: 'X', reason: 'Y', location: 'Z' }).catch((e: unknown) => lines.push(String(e)))
    db.pragma('wal_checkpoint(TRUNCATE)')
    db.close()
    spies.forEach((s) => s.mockRestore())
    const needles = [Buffer.from(PASSWORD, 'utf8'), Buffer.from(PASSWORD, 'utf16le'), Buffer.from('mật-khẩu', 'utf8')]
    for (const f of allFiles(dir)) {
      const bytes = readFileSync(f)
      for (const n of needles) expect(bytes.indexOf(n), f).toBe(-1)
    }
    expect(lines.join('\n')).not.toContain('mật-khẩu')
  })
})
