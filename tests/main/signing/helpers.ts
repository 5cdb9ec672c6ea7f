import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import forge from 'node-forge'
import pdfmake from 'pdfmake'
import { RESOURCES, tempDir } from '../../utils/core'

export const FONTS = join(RESOURCES, 'fonts')
export const PASSWORD = 'mật-khẩu-Thử#2026'

/** A self-signed RSA certificate and its PKCS#12 file, made fresh for the test. */
export function makeP12(opts: { cn?: string; org?: string; password?: string; notAfter?: Date } = {}): { p12: Buffer; cert: forge.pki.Certificate } {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 })
  const cert = forge.pki.createCertificate()
  cert.publicKey = keys.publicKey
  cert.serialNumber = '01a2b3c4'
  cert.validity.notBefore = new Date('2025-01-01T00:00:00Z')
  cert.validity.notAfter = opts.notAfter ?? new Date('2030-01-01T00:00:00Z')
  const attrs = [
    { shortName: 'CN', value: opts.cn ?? 'Nguyễn Văn Thử', valueTagClass: forge.asn1.Type.UTF8 },
    { shortName: 'O', value: opts.org ?? 'Hội đồng OCOP tỉnh Lâm Đồng', valueTagClass: forge.asn1.Type.UTF8 },
    { shortName: 'C', value: 'VN' }
  ]
  cert.setSubject(attrs as forge.pki.CertificateField[])
  cert.setIssuer(attrs as forge.pki.CertificateField[])
  cert.setExtensions([{ name: 'basicConstraints', cA: false }, { name: 'keyUsage', digitalSignature: true, nonRepudiation: true }])
  cert.sign(keys.privateKey, forge.md.sha256.create())
  const asn = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], opts.password ?? PASSWORD, { algorithm: '3des' })
  return { p12: Buffer.from(forge.asn1.toDer(asn).getBytes(), 'binary'), cert }
}

let fontsReady = false
/** A two-page A4 PDF with Vietnamese text, as the documents module would produce. */
export async function samplePdf(): Promise<Buffer> {
  if (!fontsReady) {
    pdfmake.addFonts({
      Tinos: {
        normal: join(FONTS, 'Tinos_400Regular.ttf'),
        bold: join(FONTS, 'Tinos_700Bold.ttf'),
        italics: join(FONTS, 'Tinos_400Regular_Italic.ttf'),
        bolditalics: join(FONTS, 'Tinos_700Bold_Italic.ttf')
      }
    })
    fontsReady = true
  }
  return pdfmake
    .createPdf({
      pageSize: 'A4',
      defaultStyle: { font: 'Tinos', fontSize: 14 },
      content: [
        { text: 'QUYẾT ĐỊNH', bold: true, alignment: 'center' },
        { text: 'Về việc công nhận kết quả đánh giá, phân hạng sản phẩm OCOP năm 2026', bold: true, alignment: 'center' },
        { text: 'Điều 1. Công nhận 12 sản phẩm đạt 3 sao, 4 sản phẩm đạt 4 sao.', pageBreak: 'after' },
        { text: 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH', bold: true, alignment: 'right' }
      ]
    })
    .getBuffer()
}

export interface PdfsigResult {
  code: number
  out: string
}

/** Runs poppler's pdfsig on bytes; exit status 0 only when every signature is valid. */
export function pdfsig(pdf: Uint8Array): PdfsigResult {
  const file = join(tempDir('ocop-pdfsig-'), 'signed.pdf')
  writeFileSync(file, pdf)
  try {
    return { code: 0, out: execFileSync('pdfsig', [file], { encoding: 'utf8' }) }
  } catch (err) {
    const e = err as { status?: number; stdout?: string; stderr?: string }
    return { code: e.status ?? -1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` }
  }
}
