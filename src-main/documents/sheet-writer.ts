import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import PDFDocument from 'pdfkit'
import { A4, CONTENT_WIDTH, MARGINS } from './layout/decree30'
import { TINOS_FILES } from './render'

/**
 * The drawing side of the pdfkit scoring sheet (sheet-pdfkit.ts): Tinos faces, the criteria table's geometry (the
 * widths, padding and rules of the criteria table), line breaking and text lines. Rows are never split across
 * pages, and the table header is repeated after a page break.
 */
export type Face = 'R' | 'B' | 'I' | 'BI'
const FACE_FILES: Record<Face, string> = { R: TINOS_FILES.normal, B: TINOS_FILES.bold, I: TINOS_FILES.italics, BI: TINOS_FILES.bolditalics }

let fontCache: { dir: string; data: Record<Face, Buffer> } | null = null
function tinos(dir: string): Record<Face, Buffer> {
  if (fontCache?.dir !== dir) fontCache = { dir, data: Object.fromEntries(Object.entries(FACE_FILES).map(([f, file]) => [f, readFileSync(join(dir, file))])) as Record<Face, Buffer> }
  return fontCache.data
}

/** The criteria table: box, text and points columns (content widths), 2.5/1 pt padding, 0.5 pt rules. */
export const FS = 11
const LINE = 0.5
const PAD_X = 2.5
const PAD_Y = 1
const W = [14, CONTENT_WIDTH - 14 - 52 - 3 * 5 - 4, 52] as const
const COL_X = [0, W[0] + 2 * PAD_X + LINE, W[0] + W[1] + 4 * PAD_X + 2 * LINE]
const TABLE_W = COL_X[2]! + W[2] + 2 * PAD_X + LINE
/** Width of text spanning the box and text columns (the span takes the padding and rule between them). */
const SPAN2 = W[0] + W[1] + 2 * PAD_X + LINE
const SPAN3 = TABLE_W - 2 * PAD_X - LINE
const BOTTOM = A4.height - MARGINS.bottom
/** Height of the running header (product, member, page) at the top of a sheet's later pages. */
const RUNNING_HEADER = 18
const SIGNATURE_WIDTH = 260
const LINE_HEIGHT = 1.05

export interface Cell {
  text: string
  face: Face
  size: number
  align: 'left' | 'center' | 'right'
}
export interface Row {
  /** The first cell spans `span` columns from the left; the points cell (if any) is the last column. */
  main: Cell & { span: 2 | 3 }
  box?: boolean
  points?: Cell
  fill?: string
  /** Kept on the same page as the next row (headings, a criterion and its options). */
  keepWithNext?: boolean
}

export const cell = (text: string, face: Face = 'R', size = FS, align: Cell['align'] = 'left'): Cell => ({ text: text.normalize('NFC'), face, size, align })

const HEADER_ROW: Row = { main: { ...cell('Các tiêu chí', 'B', FS, 'center'), span: 2 }, points: cell('Thang điểm', 'B', FS, 'center') }

/**
 * Lines of a text broken to a width, by face, size, width and text. Pure font metrics, so shared by every document
 * of the worker: each criterion is broken once, then every sheet draws its lines without pdfkit's line wrapper.
 */
interface Wrapped {
  lines: string[]
  widths: number[]
  height: number
}
const wrapped = new Map<string, Wrapped>()
const MAX_CACHED = 50_000

/** The parts of pdfkit's embedded font and page used to write a text line's operators (as its `_fragment` does). */
interface KitFont {
  id: string
  ascender: number
  ref(): unknown
  encode(text: string): [string[], Array<{ xAdvance: number; advanceWidth: number; xOffset: number; yOffset: number }>]
}
interface KitInternals {
  _font: KitFont
  _fontSize: number
  page: { height: number; fonts: Record<string, unknown> }
}

const num = (n: number) => Math.round(n * 1e6) / 1e6

/**
 * The TJ operand of a line: glyph ids in hex, split where kerning moves the next glyph. Null when a glyph is
 * offset (mark positioning), which needs absolute moves: such lines are drawn by pdfkit itself.
 */
function glyphRun(font: KitFont, line: string): string | null {
  const [hex, positions] = font.encode(line)
  const parts: string[] = []
  let last = 0
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i]!
    if (p.xOffset || p.yOffset) return null
    const kern = p.xAdvance - p.advanceWidth
    if (kern !== 0 || i === positions.length - 1) {
      parts.push(`<${hex.slice(last, i + 1).join('')}> ${num(-kern)}`)
      last = i + 1
    }
  }
  return `[${parts.join(' ')}] TJ`
}

export class SheetWriter {
  readonly doc: PDFKit.PDFDocument
  /** Encoded lines of this document (glyph ids belong to its own font subsets), by face and text. */
  private readonly runs = new Map<string, string | null>()
  private readonly gaps = new Map<string, number>()
  private y = 0
  /** First page (0-based) and running-header text of the sheet being drawn. */
  private sheetStart = 0
  private sheetHeader = ''

  constructor(fontsDir: string, title: string, date: string) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: MARGINS,
      autoFirstPage: false,
      // PDF 1.7 (the base of PAdES); pages are buffered until each sheet ends, to write "Trang x/y" on them.
      pdfVersion: '1.7',
      bufferPages: true,
      font: null as unknown as string,
      info: { Title: title, Author: 'OCOP Council', Creator: 'OCOP Council', Producer: 'OCOP Council', CreationDate: new Date(`${date}T00:00:00Z`) }
    })
    for (const [face, data] of Object.entries(tinos(fontsDir))) this.doc.registerFont(face, data)
  }

  /** pdfmake's line height is (ascender − descender) × 1.05; pdfkit advances by ascender − descender + gap. */
  private lineGap(face: Face, size: number): number {
    const key = `${face}${size}`
    let g = this.gaps.get(key)
    if (g === undefined) {
      this.doc.font(face).fontSize(size)
      g = this.doc.currentLineHeight(false) * LINE_HEIGHT - this.doc.currentLineHeight(true)
      this.gaps.set(key, g)
    }
    return g
  }

  private set(c: Pick<Cell, 'face' | 'size'>): number {
    const gap = this.lineGap(c.face, c.size)
    this.doc.font(c.face).fontSize(c.size)
    return gap
  }

  /** Greedy breaking at spaces and newlines; a word wider than the line is broken between characters. */
  wrap(c: Pick<Cell, 'face' | 'size' | 'text'>, width: number): Wrapped {
    const key = `${c.face}${c.size}|${width}|${c.text}`
    let w = wrapped.get(key)
    if (w !== undefined) return w
    const lineGap = this.set(c)
    const doc = this.doc
    const space = doc.widthOfString(' ')
    const lines: string[] = []
    const widths: number[] = []
    for (const para of c.text.split('\n')) {
      let line = ''
      let lw = 0
      const push = () => {
        lines.push(line)
        widths.push(lw)
        line = ''
        lw = 0
      }
      for (const word of para.split(' ')) {
        const ww = doc.widthOfString(word)
        if (line !== '' && lw + space + ww <= width) {
          line += ` ${word}`
          lw += space + ww
          continue
        }
        if (line !== '') push()
        if (ww <= width) {
          line = word
          lw = ww
          continue
        }
        for (const ch of word) {
          const cw = doc.widthOfString(ch)
          if (line !== '' && lw + cw > width) push()
          line += ch
          lw += cw
        }
      }
      push()
    }
    w = { lines, widths, height: lines.length * (doc.currentLineHeight(true) + lineGap) }
    if (wrapped.size >= MAX_CACHED) wrapped.clear()
    wrapped.set(key, w)
    return w
  }

  height(c: Pick<Cell, 'face' | 'size' | 'text'>, width: number): number {
    return this.wrap(c, width).height
  }

  /** Draws the wrapped lines one by one (no wrapper), aligned within `width`. */
  private draw(c: Cell, x: number, y: number, width: number): number {
    const w = this.wrap(c, width)
    const step = w.lines.length > 0 ? w.height / w.lines.length : 0
    this.set(c)
    w.lines.forEach((line, i) => {
      if (line === '') return
      const dx = c.align === 'center' ? (width - w.widths[i]!) / 2 : c.align === 'right' ? width - w.widths[i]! : 0
      this.line(c.face, line, x + dx, y + i * step)
    })
    return y + w.height
  }

  /**
   * One line at (x, y), top-left, in the current font: the operators pdfkit's `_fragment` writes for plain text,
   * with the glyph run encoded once per document. pdfkit lays the text out again on every call, and the sheets
   * repeat the same criteria lines hundreds of times (a third of the drawing time).
   */
  private line(face: Face, text: string, x: number, y: number): void {
    const doc = this.doc
    const kit = doc as unknown as KitInternals
    const key = `${face}|${text}`
    let run = this.runs.get(key)
    if (run === undefined) {
      run = glyphRun(kit._font, text)
      this.runs.set(key, run)
    }
    if (run === null) {
      doc.text(text, x, y, { lineBreak: false })
      return
    }
    const font = kit._font
    const size = kit._fontSize
    kit.page.fonts[font.id] ??= font.ref()
    doc.save()
    doc.transform(1, 0, 0, -1, 0, kit.page.height)
    doc.addContent('BT')
    doc.addContent(`1 0 0 1 ${num(x)} ${num(kit.page.height - y - (font.ascender / 1000) * size)} Tm`)
    doc.addContent(`/${font.id} ${num(size)} Tf`)
    doc.addContent(run)
    doc.addContent('ET')
    doc.restore()
  }

  /** Starts a sheet on a new page; pages after its first carry `header` and "Trang x/y" (see endSheet). */
  beginSheet(header: string): void {
    this.sheetHeader = header.normalize('NFC')
    this.doc.addPage()
    this.sheetStart = this.doc.bufferedPageRange().start + this.doc.bufferedPageRange().count - 1
    this.y = MARGINS.top
  }

  newPage(): void {
    this.doc.addPage()
    // Room for the running header of the sheet's later pages.
    this.y = MARGINS.top + RUNNING_HEADER
  }

  /**
   * Writes the running header on the sheet's pages 2+ — product, member, "Trang x/y" — above a thin rule at the top of
   * the text area, then releases the pages.
   */
  endSheet(): void {
    const range = this.doc.bufferedPageRange()
    const count = range.start + range.count - this.sheetStart
    for (let i = 1; i < count; i++) {
      this.doc.switchToPage(this.sheetStart + i)
      const page = `Trang ${i + 1}/${count}`
      const pageCell = cell(page, 'I', 10, 'right')
      const pageW = this.doc.font('I').fontSize(10).widthOfString(page) + 2
      const head = this.wrap(cell(this.sheetHeader, 'I', 10), CONTENT_WIDTH - pageW - 12).lines[0] ?? ''
      this.draw(cell(head, 'I', 10), MARGINS.left, MARGINS.top, CONTENT_WIDTH - pageW - 12)
      this.draw(pageCell, MARGINS.left, MARGINS.top, CONTENT_WIDTH)
      this.doc.lineWidth(0.4).moveTo(MARGINS.left, MARGINS.top + 13).lineTo(MARGINS.left + CONTENT_WIDTH, MARGINS.top + 13).stroke()
    }
    this.doc.flushPages()
  }

  /** Centred or left flowing text over the full width (headings, notes). */
  flow(c: Cell, marginTop = 0, marginBottom = 0): void {
    if (this.y + marginTop + this.height(c, CONTENT_WIDTH) > BOTTOM) this.newPage()
    this.y = this.draw(c, MARGINS.left, this.y + marginTop, CONTENT_WIDTH) + marginBottom
  }

  /** "- Label: value" with the value in bold (or dots when empty), as the sheet's header fields. */
  rich(lead: Cell, value: Cell, marginTop: number, marginBottom: number): void {
    const need = this.height({ ...lead, text: lead.text + value.text }, CONTENT_WIDTH) + marginTop
    if (this.y + need > BOTTOM) this.newPage()
    const lineGap = this.set(lead)
    this.doc.text(lead.text, MARGINS.left, this.y + marginTop, { width: CONTENT_WIDTH, lineGap, continued: true })
    this.set(value)
    this.doc.text(value.text, { lineGap })
    this.y = this.doc.y + marginBottom
  }

  private rowHeight(r: Row): number {
    let h = this.height(r.main, r.main.span === 3 ? SPAN3 : r.main.span === 2 && r.box === undefined ? SPAN2 : W[1])
    if (r.points) h = Math.max(h, this.height(r.points, W[2]))
    if (r.box !== undefined) h = Math.max(h, 11)
    return h + 2 * PAD_Y + LINE
  }

  private drawRow(r: Row, h: number): void {
    const doc = this.doc
    const x0 = MARGINS.left
    const y = this.y
    if (r.fill) doc.rect(x0, y, TABLE_W, h).fill(r.fill).fillColor('black')
    const ty = y + LINE + PAD_Y
    if (r.box !== undefined) {
      const bx = x0 + LINE + PAD_X + 0.5
      const by = ty + 2.5
      doc.lineWidth(0.6).rect(bx, by, 8, 8).stroke()
      if (r.box) doc.lineWidth(0.9).moveTo(bx, by).lineTo(bx + 8, by + 8).moveTo(bx + 8, by).lineTo(bx, by + 8).stroke()
      this.draw(r.main, x0 + COL_X[1]! + LINE + PAD_X, ty, W[1])
    } else this.draw(r.main, x0 + LINE + PAD_X, ty, r.main.span === 3 ? SPAN3 : SPAN2)
    if (r.points) this.draw(r.points, x0 + COL_X[2]! + LINE + PAD_X, ty, W[2])
    // Rules: top and bottom, the outer sides, and a separator before each column the first cell does not span.
    doc.lineWidth(LINE).moveTo(x0, y).lineTo(x0 + TABLE_W, y).moveTo(x0, y + h).lineTo(x0 + TABLE_W, y + h)
    doc.moveTo(x0 + LINE / 2, y).lineTo(x0 + LINE / 2, y + h).moveTo(x0 + TABLE_W - LINE / 2, y).lineTo(x0 + TABLE_W - LINE / 2, y + h)
    if (r.box !== undefined) doc.moveTo(x0 + COL_X[1]! + LINE / 2, y).lineTo(x0 + COL_X[1]! + LINE / 2, y + h)
    if (r.main.span === 2) doc.moveTo(x0 + COL_X[2]! + LINE / 2, y).lineTo(x0 + COL_X[2]! + LINE / 2, y + h)
    doc.stroke()
    this.y = y + h
  }

  /**
   * The criteria table: the header row is repeated on each page; rows marked keepWithNext move to the next page
   * with the row after them, so a criterion is never split from its options nor a heading left at a page's foot
   * (unless the group is taller than a whole page, which then breaks between rows).
   */
  table(rows: Row[], marginTop: number, marginBottom: number): void {
    const headerH = this.rowHeight(HEADER_ROW)
    const heights = rows.map((r) => this.rowHeight(r))
    const full = BOTTOM - MARGINS.top - RUNNING_HEADER - headerH
    this.y += marginTop
    if (this.y + headerH * 2 > BOTTOM) this.newPage()
    this.drawRow(HEADER_ROW, headerH)
    let groupEnd = -1
    for (const [i, r] of rows.entries()) {
      const h = heights[i]!
      let need = h
      if (i > groupEnd) {
        groupEnd = i
        need = 0
        while (true) {
          need += heights[groupEnd]!
          if (!rows[groupEnd]!.keepWithNext || groupEnd === rows.length - 1) break
          groupEnd++
        }
        if (need > full) need = h
      }
      if (this.y + need > BOTTOM) {
        this.newPage()
        this.drawRow(HEADER_ROW, headerH)
      }
      this.drawRow(r, h)
    }
    this.y += LINE + marginBottom
  }

  /** Starts a new page unless `height` still fits on this one. */
  keepTogether(height: number): void {
    if (this.y + height > BOTTOM) this.newPage()
  }

  signatureHeight(lines: Array<Cell & { marginTop?: number }>): number {
    return lines.reduce((s, l) => s + (l.marginTop ?? 0) + this.height(l, SIGNATURE_WIDTH), 0)
  }

  /** The signature block in a 260 pt column on the right, kept on one page. */
  signature(lines: Array<Cell & { marginTop?: number }>): void {
    const width = SIGNATURE_WIDTH
    const x = MARGINS.left + CONTENT_WIDTH - width
    if (this.y + this.signatureHeight(lines) > BOTTOM) this.newPage()
    for (const l of lines) this.y = this.draw(l, x, this.y + (l.marginTop ?? 0), width)
  }

  end(): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = []
      this.doc.on('data', (c: Buffer) => chunks.push(c))
      this.doc.on('end', () => resolve(Buffer.concat(chunks)))
      this.doc.on('error', reject)
      this.doc.end()
    })
  }
}
