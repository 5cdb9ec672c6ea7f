import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber } from 'pdf-lib'
import { buildDocument } from '../../../src-main/documents/build'
import { configurePdfmake, renderPdf } from '../../../src-main/documents/render'
import { signPdf } from '../../../src-main/services/signing/sign-pdf'
import { checkPdfSignatures } from '../../../src-main/services/verify/pdf-signatures'
import { tempDir } from '../../utils/core'
import { pdfPages, pdfVersion, writePdf, type Page } from '../../utils/pdf-layout'
import { fixture } from '../documents/helpers'
import { FONTS, PASSWORD, makeP12, pdfsig } from './helpers'

/**
 * Issue 10 item 8: the visible signature lies in the signer's block (between the title and the name) on the page
 * where the block is, the minutes take a second signature that keeps the first valid, and PKCS#12 files written by
 * OpenSSL 3 with a Vietnamese password open.
 */
const dir = tempDir('ocop-signer-block-')
const input = fixture()
const at = new Date('2026-11-28T08:04:05Z')
const common = { organisation: 'Ủy ban nhân dân tỉnh Lâm Đồng', reason: 'Ký ban hành', location: 'Lâm Đồng', at, fontsDir: FONTS }

beforeAll(() => configurePdfmake(FONTS))

async function rendered(kind: 'decision' | 'minutes'): Promise<Buffer> {
  const b = buildDocument(kind, input)
  return renderPdf(b.pdf, b.date)
}

/** Signature widgets of a PDF: page (1-based) and rectangle. */
async function widgets(pdf: Uint8Array): Promise<Array<{ page: number; rect: number[] }>> {
  const doc = await PDFDocument.load(pdf)
  const out: Array<{ page: number; rect: number[] }> = []
  doc.getPages().forEach((p, i) => {
    const annots = p.node.lookupMaybe(PDFName.of('Annots'), PDFArray)
    for (let k = 0; k < (annots?.size() ?? 0); k++) {
      const a = annots!.lookup(k, PDFDict)
      if (a.lookupMaybe(PDFName.of('FT'), PDFName) !== PDFName.of('Sig')) continue
      out.push({ page: i + 1, rect: a.lookup(PDFName.of('Rect'), PDFArray).asArray().map((n) => (n as PDFNumber).asNumber()) })
    }
  })
  return out
}

/**
 * The box of a line of text on a page (its words in sequence; the last such line, as the signer's name also appears
 * in the visible block above it), top-down coordinates as pdftotext gives them.
 */
function lineBox(page: Page, text: string): { x1: number; y1: number; x2: number; y2: number } {
  const words = text.split(' ')
  for (let i = page.words.length - words.length; i >= 0; i--) {
    if (words.every((w, k) => page.words[i + k]!.text === w)) {
      const ws = page.words.slice(i, i + words.length)
      return { x1: Math.min(...ws.map((w) => w.x1)), y1: Math.min(...ws.map((w) => w.y1)), x2: Math.max(...ws.map((w) => w.x2)), y2: Math.max(...ws.map((w) => w.y2)) }
    }
  }
  throw new Error(`"${text}" not on the page`)
}

/** The widget lies below the signer's title, above the name, centred on the name. */
function expectInsideBlock(page: Page, rect: number[], title: string, name: string): void {
  const t = lineBox(page, title)
  const n = lineBox(page, name)
  const top = page.height - rect[3]!
  const bottom = page.height - rect[1]!
  expect(top).toBeGreaterThanOrEqual(t.y2)
  expect(bottom).toBeLessThanOrEqual(n.y1)
  expect(Math.abs((rect[0]! + rect[2]!) / 2 - (n.x1 + n.x2) / 2)).toBeLessThan(3)
}

describe('visible signature in the signer block', () => {
  it('the decision is signed in its KT. CHỦ TỊCH / PHÓ CHỦ TỊCH block on the body page, not on the annex', async () => {
    const unsigned = await rendered('decision')
    const { p12 } = makeP12({ cn: 'Trần Văn Hiệp' })
    const r = await signPdf({ ...common, pdf: unsigned, p12, password: PASSWORD })
    expect(pdfsig(r.pdf).out).toContain('Signature Validation: Signature is Valid.')
    expect(pdfVersion(r.pdf)).toBeGreaterThanOrEqual(1.7)
    const file = writePdf(dir, 'decision-signed', r.pdf)
    const pages = pdfPages(file)
    const [w] = await widgets(r.pdf)
    const bodyPage = pages.findIndex((p) => p.words.some((x) => x.text === 'Hiệp')) + 1
    expect(w!.page).toBe(bodyPage)
    expect(w!.page).toBeLessThan(pages.length)
    expectInsideBlock(pages[w!.page - 1]!, w!.rect, 'PHÓ CHỦ TỊCH', 'Trần Văn Hiệp')
    // The block's text is on that page, between the title and the name.
    const page = pages[w!.page - 1]!
    const signedBy = lineBox(page, 'Ký bởi:')
    expect(signedBy.y1).toBeGreaterThan(lineBox(page, 'PHÓ CHỦ TỊCH').y2)
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(w!.page), '-l', String(w!.page), file, join(dir, 'decision-signed')])
  })

  it('the minutes take THƯ KÝ then CHỦ TỌA as an incremental update; pdfsig finds both valid', async () => {
    const unsigned = await rendered('minutes')
    const secretary = makeP12({ cn: 'Ngô Thị Thanh Tâm' })
    const chair = makeP12({ cn: 'Nguyễn Văn Sơn' })
    const first = await signPdf({ ...common, pdf: unsigned, p12: secretary.p12, password: PASSWORD })
    const second = await signPdf({ ...common, pdf: first.pdf, p12: chair.p12, password: PASSWORD, at: new Date(at.getTime() + 60_000) })
    // The first revision is kept byte for byte.
    expect(second.pdf.subarray(0, first.pdf.length).equals(first.pdf)).toBe(true)
    const check = pdfsig(second.pdf)
    expect(check.code).toBe(0)
    expect(check.out.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(2)
    expect(check.out).toContain('Signer Certificate Common Name: Ngô Thị Thanh Tâm')
    expect(check.out).toContain('Signer Certificate Common Name: Nguyễn Văn Sơn')
    expect(check.out).toContain('Total document signed')
    // The app's own verification agrees: both valid, the first over the revision it signed.
    const ours = checkPdfSignatures(second.pdf)
    expect(ours.map((s) => [s.valid, s.coversWholeFile, s.signer?.commonName])).toEqual([
      [true, false, 'Ngô Thị Thanh Tâm'],
      [true, true, 'Nguyễn Văn Sơn']
    ])
    // Bytes appended after the last signature still make every signature report it.
    const appended = Buffer.concat([second.pdf, Buffer.from('\n% appended\n')])
    expect(checkPdfSignatures(appended).every((s) => !s.valid)).toBe(true)
    const file = writePdf(dir, 'minutes-signed', second.pdf)
    const pages = pdfPages(file)
    const [a, b] = await widgets(second.pdf)
    expect(a!.page).toBe(b!.page)
    const page = pages[a!.page - 1]!
    expectInsideBlock(page, a!.rect, 'THƯ KÝ', 'Ngô Thị Thanh Tâm')
    expectInsideBlock(page, b!.rect, 'CHỦ TỌA', 'Nguyễn Văn Sơn')
    // A third signature has no block left.
    await expect(signPdf({ ...common, pdf: second.pdf, p12: chair.p12, password: PASSWORD })).rejects.toThrow(/không còn ô ký/)
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(a!.page), '-l', String(a!.page), file, join(dir, 'minutes-signed')])
  })
})

describe('PKCS#12 from OpenSSL 3 with a Vietnamese password', () => {
  const password = 'Mật khẩu ký số Đắk Lắk 2026'
  function opensslP12(kind: 'rsa' | 'ec'): Buffer {
    const d = tempDir('ocop-openssl-')
    const key = join(d, 'key.pem')
    const cert = join(d, 'cert.pem')
    const out = join(d, 'id.p12')
    if (kind === 'rsa') execFileSync('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', key], { stdio: 'ignore' })
    else execFileSync('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', key], { stdio: 'ignore' })
    execFileSync('openssl', ['req', '-x509', '-new', '-key', key, '-out', cert, '-days', '3650', '-utf8', '-subj', '/CN=Phạm Thị Thu Hằng/O=Sở Nông nghiệp và Môi trường/C=VN', '-set_serial', '4660'], { stdio: 'ignore' })
    // OpenSSL 3's defaults: PBES2 (PBKDF2 with HMAC-SHA256, AES-256-CBC) for key and certificates, SHA-256 MAC.
    execFileSync('openssl', ['pkcs12', '-export', '-inkey', key, '-in', cert, '-out', out, '-passout', `pass:${password}`], { stdio: 'ignore' })
    return readFileSync(out)
  }

  it('the files use PBES2/AES-256-CBC with an HMAC-SHA256 PRF', () => {
    const d = tempDir('ocop-openssl-info-')
    const file = join(d, 'id.p12')
    execFileSync('sh', ['-c', `cat > ${file}`], { input: opensslP12('rsa') })
    const info = execFileSync('sh', ['-c', `openssl pkcs12 -info -noout -in ${file} -passin 'pass:${password}' 2>&1`], { encoding: 'utf8' })
    expect(info).toMatch(/Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration \d+, PRF hmacWithSHA256/)
    expect(info).toContain('MAC: sha256')
  })

  it.each(['rsa', 'ec'] as const)('signs with an %s key; pdfsig validates; a wrong password is refused', async (kind) => {
    const p12 = opensslP12(kind)
    const pdf = await rendered('decision')
    // The certificate starts today: sign now.
    const r = await signPdf({ ...common, at: new Date(), pdf, p12, password })
    expect(r.signerName).toBe('Phạm Thị Thu Hằng')
    expect(r.certSerial).toBe('1234')
    const check = pdfsig(r.pdf)
    expect(check.out).toContain('Signature Validation: Signature is Valid.')
    await expect(signPdf({ ...common, at: new Date(), pdf, p12, password: 'Mat khau ky so Dak Lak 2026' })).rejects.toThrow('Mật khẩu chứng thư số không đúng')
  })
})
