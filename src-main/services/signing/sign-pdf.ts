import { createHash } from 'node:crypto'
import signpdf from '@signpdf/signpdf'
import { PDFDocument } from 'pdf-lib'
import { AppError } from '../../shared/result'
import { CadesSigner } from './cades'
import { commonName, openP12 } from './p12'
import { addSignaturePlaceholder } from './placeholder'
import { BLOCK_WIDTH, renderBlock } from './visible-block'
import { vnIso } from './vn-time'

const MM = 72 / 25.4
/** Bytes reserved for the CMS signature (signer + chain certificates). */
const SIGNATURE_LENGTH = 16384

export interface SignaturePosition {
  /** 1-based page; default the last page. */
  page?: number
  /** Lower-left corner in PDF points from the page's lower-left corner. */
  x: number
  y: number
  width?: number
}

export interface SignPdfInput {
  pdf: Uint8Array
  /** PKCS#12 bytes and password: used for this call only, never stored or logged. */
  p12: Uint8Array
  password: string
  /** Name shown in "Ký bởi"; defaults to the certificate's CN. */
  signerName?: string
  organisation: string
  reason: string
  location: string
  at: Date
  position?: SignaturePosition
  fontsDir: string
}

export interface SignPdfResult {
  pdf: Buffer
  sha256: string
  signerSubject: string
  signerName: string
  certSerial: string
  /** ISO 8601 with +07:00, as printed in the visible block. */
  signedAt: string
  subFilter: 'ETSI.CAdES.detached'
}

async function loadUnsigned(bytes: Uint8Array): Promise<PDFDocument> {
  const buf = Buffer.from(bytes)
  if (buf.subarray(0, 1024).indexOf('%PDF-') < 0) throw new AppError('VALIDATION', 'Tệp cần ký không phải tệp PDF')
  // The document is rewritten before signing, which would break a signature already in it.
  if (buf.indexOf('/ByteRange') >= 0) throw new AppError('VALIDATION', 'Văn bản đã có chữ ký số; ứng dụng chưa hỗ trợ ký thêm chữ ký thứ hai')
  try {
    return await PDFDocument.load(buf, { updateMetadata: false })
  } catch (err) {
    const encrypted = err instanceof Error && /encrypt/i.test(err.message)
    throw new AppError('VALIDATION', encrypted ? 'Tệp PDF được đặt mật khẩu; hãy dùng bản không mã hóa để ký' : 'Tệp PDF bị hỏng, không đọc được')
  }
}

/**
 * Signs a PDF as PAdES (ETSI.CAdES.detached) with a visible NĐ 30 block — "Ký bởi", "Cơ quan", "Thời gian ký" — at
 * the bottom right of the last page or where the caller says.
 */
export async function signPdf(i: SignPdfInput): Promise<SignPdfResult> {
  const id = openP12(i.p12, i.password, i.at)
  const doc = await loadUnsigned(i.pdf)
  const pages = doc.getPages()
  const pageNo = i.position?.page ?? pages.length
  const page = pages[pageNo - 1]
  if (!page) throw new AppError('VALIDATION', `Văn bản không có trang ${pageNo} (có ${pages.length} trang)`)
  const signerName = (i.signerName ?? commonName(id.cert)).normalize('NFC')
  const signedAt = vnIso(i.at)
  const block = await renderBlock({ signerName, organisation: i.organisation, signedAt }, i.fontsDir, i.position?.width ?? BLOCK_WIDTH)
  const [embedded] = await doc.embedPdf(block, [0])
  if (!embedded) throw new Error('signature block PDF has no page')
  const { width: pw } = page.getSize()
  const x = i.position?.x ?? pw - 15 * MM - embedded.width
  const y = i.position?.y ?? 20 * MM
  page.drawPage(embedded, { x, y })
  addSignaturePlaceholder(doc, {
    page,
    rect: [x, y, x + embedded.width, y + embedded.height],
    name: signerName,
    reason: i.reason,
    location: i.location,
    contactInfo: i.organisation,
    signingTime: i.at,
    signatureLength: SIGNATURE_LENGTH
  })
  const prepared = Buffer.from(await doc.save({ useObjectStreams: false }))
  const signed = await signpdf.sign(prepared, new CadesSigner(id), i.at)
  return {
    pdf: signed,
    sha256: createHash('sha256').update(signed).digest('hex'),
    signerSubject: id.subject,
    signerName,
    certSerial: id.cert.serialNumber,
    signedAt,
    subFilter: 'ETSI.CAdES.detached'
  }
}
