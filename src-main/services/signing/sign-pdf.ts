import { createHash } from 'node:crypto'
import signpdf from '@signpdf/signpdf'
import { PDFDocument, type PDFPage } from 'pdf-lib'
import { readSignerBlocks } from '../../documents/signer-blocks'
import { AppError } from '../../shared/result'
import { CadesSigner } from './cades'
import { appendIncrement } from './incremental'
import { openP12 } from './p12'
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
  /** Which signer block to sign (1 = first); default the one after the signatures already in the file. */
  slot?: number
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

async function load(buf: Buffer): Promise<PDFDocument> {
  if (buf.subarray(0, 1024).indexOf('%PDF-') < 0) throw new AppError('VALIDATION', 'Tệp cần ký không phải tệp PDF')
  try {
    return await PDFDocument.load(buf, { updateMetadata: false })
  } catch (err) {
    const encrypted = err instanceof Error && /encrypt/i.test(err.message)
    throw new AppError('VALIDATION', encrypted ? 'Tệp PDF được đặt mật khẩu; hãy dùng bản không mã hóa để ký' : 'Tệp PDF bị hỏng, không đọc được')
  }
}

/** Signatures already in the file: each filled /ByteRange (a placeholder left unsigned does not count). */
function countSignatures(buf: Buffer): number {
  return (buf.toString('latin1').match(/\/ByteRange\s*\[\s*0\s+\d+\s+\d+\s+\d+\s*\]/g) ?? []).length
}

/** Signatures in a PDF and signer blocks recorded in it: a copy with a free block takes a further signature. */
export async function signatureState(pdf: Uint8Array): Promise<{ signatures: number; blocks: number }> {
  const buf = Buffer.from(pdf)
  const doc = await load(buf)
  return { signatures: countSignatures(buf), blocks: new Set(readSignerBlocks(doc.getPages()).map((b) => b.slot)).size }
}

/**
 * Where the visible signature goes: the caller's position; else the signer block of the slot (the n-th signature
 * takes slot n: THƯ KÝ then CHỦ TỌA in the minutes) that the renderer recorded on the page where the block fell,
 * centred in the space between the title and the name; else, for a PDF from elsewhere, the bottom right of the
 * last page.
 */
function placement(pages: PDFPage[], i: SignPdfInput, slot: number, size: { width: number; height: number }): { page: PDFPage; x: number; y: number } {
  if (i.position) {
    const pageNo = i.position.page ?? pages.length
    const page = pages[pageNo - 1]
    if (!page) throw new AppError('VALIDATION', `Văn bản không có trang ${pageNo} (có ${pages.length} trang)`)
    return { page, x: i.position.x, y: i.position.y }
  }
  const block = readSignerBlocks(pages).find((b) => b.slot === slot)
  if (block) {
    const [x1, y1, x2, y2] = block.rect
    const y = y2 - y1 >= size.height ? y1 + (y2 - y1 - size.height) / 2 : y2 - size.height
    return { page: pages[block.page - 1]!, x: (x1 + x2) / 2 - size.width / 2, y }
  }
  // A file from elsewhere has no blocks: one signature at the foot of its last page, never a second on top of it.
  if (slot > 1) throw new AppError('VALIDATION', 'Văn bản đã có chữ ký số và không còn ô ký nào chưa ký')
  const page = pages[pages.length - 1]!
  return { page, x: page.getSize().width - 15 * MM - size.width, y: 20 * MM }
}

/**
 * Signs a PDF as PAdES (ETSI.CAdES.detached) with a visible NĐ 30 block — "Ký bởi", "Cơ quan", "Thời gian ký" — in
 * the signer's block (see placement). The first signature rewrites the unsigned file with the block drawn on the
 * page; a further signature is an incremental update whose block is the widget's appearance, so the signatures
 * before it stay valid.
 */
export async function signPdf(i: SignPdfInput): Promise<SignPdfResult> {
  const id = openP12(i.p12, i.password, i.at)
  const original = Buffer.from(i.pdf)
  const doc = await load(original)
  const existing = countSignatures(original)
  const before = doc.context.largestObjectNumber
  const signerName = (i.signerName ?? id.commonName).normalize('NFC')
  const signedAt = vnIso(i.at)
  const block = await renderBlock({ signerName, organisation: i.organisation, signedAt }, i.fontsDir, i.position?.width ?? BLOCK_WIDTH)
  const [embedded] = await doc.embedPdf(block, [0])
  if (!embedded) throw new Error('signature block PDF has no page')
  const { page, x, y } = placement(doc.getPages(), i, i.slot ?? existing + 1, embedded)
  const rect: [number, number, number, number] = [x, y, x + embedded.width, y + embedded.height]
  const common = { page, rect, name: signerName, reason: i.reason, location: i.location, contactInfo: i.organisation, signingTime: i.at, signatureLength: SIGNATURE_LENGTH }
  let prepared: Buffer
  if (existing === 0) {
    page.drawPage(embedded, { x, y })
    addSignaturePlaceholder(doc, common)
    prepared = Buffer.from(await doc.save({ useObjectStreams: false }))
  } else {
    await embedded.embed()
    const changed = addSignaturePlaceholder(doc, { ...common, appearance: embedded.ref })
    prepared = appendIncrement(original, doc, before, changed.refs)
  }
  const signed = await signpdf.sign(prepared, new CadesSigner(id), i.at)
  return {
    pdf: signed,
    sha256: createHash('sha256').update(signed).digest('hex'),
    signerSubject: id.subject,
    signerName,
    certSerial: id.serial,
    signedAt,
    subFilter: 'ETSI.CAdES.detached'
  }
}
