import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { signPdf } from '../../../src-main/services/signing/sign-pdf'
import { vnIso } from '../../../src-main/services/signing/vn-time'
import { tempDir } from '../../utils/core'
import { FONTS, PASSWORD, makeP12, pdfsig, samplePdf } from './helpers'

const at = new Date('2026-11-28T08:04:05Z')

describe('PAdES signing', () => {
  const { p12 } = makeP12()
  const input = async () => ({
    pdf: await samplePdf(),
    p12,
    password: PASSWORD,
    organisation: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Lâm Đồng',
    reason: 'Phê duyệt kết quả đánh giá, phân hạng sản phẩm OCOP',
    location: 'Lâm Đồng',
    at,
    fontsDir: FONTS
  })

  it('writes Vietnam time with +07:00', () => {
    expect(vnIso(at)).toBe('2026-11-28T15:04:05+07:00')
    expect(vnIso(new Date('2026-12-31T20:00:00Z'))).toBe('2027-01-01T03:00:00+07:00')
  })

  it('produces a signature pdfsig validates, and one changed byte invalidates it', async () => {
    const r = await signPdf(await input())
    expect(r.signerName).toBe('Nguyễn Văn Thử')
    expect(r.signedAt).toBe('2026-11-28T15:04:05+07:00')
    const good = pdfsig(r.pdf)
    expect(good.out).toContain('Signature Validation: Signature is Valid.')
    expect(good.out).toContain('Signature Type: ETSI.CAdES.detached')
    expect(good.out).toContain('Total document signed')

    // One byte of the page dictionary, inside the first signed range.
    const pos = r.pdf.indexOf('/MediaBox') + 2
    const tampered = Buffer.from(r.pdf)
    tampered[pos] = tampered[pos]! ^ 0x01
    const bad = pdfsig(tampered)
    expect(bad.out).not.toContain('Signature is Valid.')
    expect(bad.out).toMatch(/Signature Validation: Digest Mismatch|Signature is Invalid/)
  })

  it('renders the visible block with Vietnamese diacritics on the last page', async () => {
    const r = await signPdf(await input())
    const dir = tempDir('ocop-sign-png-')
    const file = join(dir, 'signed.pdf')
    writeFileSync(file, r.pdf)
    const text = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-layout', file, '-'], { encoding: 'utf8' })
    expect(text).toContain('Ký bởi: Nguyễn Văn Thử')
    expect(text).toContain('Thời gian ký: 2026-11-28T15:04:05+07:00')
    expect(text).toMatch(/Cơ quan: Hội đồng đánh giá/)
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '2', '-l', '2', file, join(process.env.SIGN_PNG_DIR ?? dir, 'signed-page')])
  })
})
