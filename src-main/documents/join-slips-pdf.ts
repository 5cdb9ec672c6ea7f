import { join } from 'node:path'
import PDFDocument from 'pdfkit'
import QRCode from 'qrcode'
import { TINOS_FILES } from './render'

/** What one slip prints: the member, where to connect, the code (also inside the QR code's address). */
export interface JoinSlipInput {
  memberName: string
  code: string
  url: string
  /** Base address without the code, for typing by hand when the QR code cannot be scanned. */
  address: string
}
export interface JoinSlipsInput {
  title: string
  /** Session line: date dd/mm/yyyy and place. */
  subtitle: string
  /** Plain-HTTP warning or HTTPS note, printed on every slip. */
  note: string
  slips: readonly JoinSlipInput[]
}

const MM = 72 / 25.4
const PAGE = { width: 210 * MM, height: 297 * MM }
const MARGIN = 12 * MM
/** Four slips per A4 page, cut along the dashed lines. */
const PER_PAGE = 4
const SLIP_H = (PAGE.height - 2 * MARGIN) / PER_PAGE
const QR_SIZE = 44 * MM

function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const n = qr.modules.size
  // Four modules of quiet zone on each side, as scanners expect.
  const cell = size / (n + 8)
  doc.save().fillColor('black')
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) doc.rect(x + (c + 4) * cell, y + (r + 4) * cell, cell, cell)
  doc.fill().restore()
}

/**
 * Printable join slips (A4, four per page): one per member with the address, a QR code that opens the join
 * screen with the code filled in, and the code itself in large letters for typing.
 */
export function renderJoinSlipsPdf(fontsDir: string, input: JoinSlipsInput, creationDate: Date): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    autoFirstPage: false,
    font: null as unknown as string,
    info: { Title: input.title, Author: 'OCOP Council', Creator: 'OCOP Council', Producer: 'OCOP Council', CreationDate: creationDate }
  })
  doc.registerFont('normal', join(fontsDir, TINOS_FILES.normal))
  doc.registerFont('bold', join(fontsDir, TINOS_FILES.bold))
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  input.slips.forEach((s, i) => {
    if (i % PER_PAGE === 0) doc.addPage()
    const top = MARGIN + (i % PER_PAGE) * SLIP_H
    const left = MARGIN
    const width = PAGE.width - 2 * MARGIN
    if (i % PER_PAGE !== 0) doc.save().dash(4, { space: 3 }).strokeColor('#888').moveTo(left, top).lineTo(left + width, top).stroke().undash().restore()
    drawQr(doc, s.url, left, top + 6 * MM, QR_SIZE)
    const tx = left + QR_SIZE + 6 * MM
    const tw = width - QR_SIZE - 6 * MM
    doc.font('bold').fontSize(13).fillColor('black').text(input.title, tx, top + 7 * MM, { width: tw })
    doc.font('normal').fontSize(10.5).text(input.subtitle, { width: tw })
    doc.moveDown(0.4).font('bold').fontSize(14).text(s.memberName, { width: tw })
    doc.moveDown(0.3).font('normal').fontSize(10.5).text('Địa chỉ mở trên trình duyệt:', { width: tw })
    doc.font('bold').fontSize(12).text(s.address, { width: tw })
    doc.moveDown(0.3).font('normal').fontSize(10.5).text('Mã tham gia:', { width: tw, continued: false })
    doc.font('bold').fontSize(24).text(s.code, { width: tw, characterSpacing: 2 })
    doc.font('normal').fontSize(8.5).fillColor('#333').text(input.note, left, top + SLIP_H - 16 * MM, { width })
  })
  doc.end()
  return done
}
