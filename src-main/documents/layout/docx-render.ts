import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HeightRule,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions
} from 'docx'
import type { Block, Run, SignatureBlock, TextDocument } from './ast'
import { A4, cellSize, CONTENT_WIDTH, CONTENT_WIDTH_LANDSCAPE, DOCX_FONT, headerLeft, MARGINS, MARGINS_LANDSCAPE, QUOC_HIEU, shortRule, SIGN_SPACE, SIZE, TIEU_NGU, TIEU_NGU_WIDTH } from './decree30'

/**
 * The same TextDocument as an editable Word file, so the office can finish it in its e-office system. Word and
 * LibreOffice must lay it out like the PDF: the letterhead is a borderless two-column table of fixed widths, the
 * rules under the issuing body, the tiêu ngữ and the trích yếu are the top border of a one-cell table exactly as long
 * as the rule (a paragraph border would span the column, and indenting the paragraph to shorten it squeezed the
 * text to a word per line), the font is named Times New Roman (NĐ 30; the PDF embeds Tinos, its metric twin), and
 * tables have fixed column widths with no cell padding where a line must not wrap.
 */
const TWIP = 20 // per point
const tw = (pt: number) => Math.round(pt * TWIP)
const hp = (pt: number) => pt * 2 // half-points

type Align = (typeof AlignmentType)[keyof typeof AlignmentType]
const ALIGN: Record<'left' | 'center' | 'right' | 'justify', Align> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED
}
const FONT = DOCX_FONT
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE }
const LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000' }

interface P {
  runs: Run[]
  size?: number
  align?: keyof typeof ALIGN
  indent?: boolean
  after?: number
  before?: number
  /** Kept on the page of what follows (the last paragraph before a signature block). */
  keepNext?: boolean
}

function p(o: P): Paragraph {
  const size = o.size ?? SIZE.body
  return new Paragraph({
    alignment: ALIGN[o.align ?? 'justify'],
    spacing: { after: tw(o.after ?? 0), before: tw(o.before ?? 0) },
    ...(o.indent ? { indent: { firstLine: 567 } } : {}),
    ...(o.keepNext ? { keepNext: true, keepLines: true } : {}),
    // "\n" inside a run is a line break in the PDF; Word needs an explicit break.
    children: o.runs.flatMap((r) => r.text.split('\n').map((text, i) => new TextRun({ text, ...(i > 0 ? { break: 1 } : {}), bold: r.bold ?? false, italics: r.italic ?? false, size: hp(size), font: FONT })))
  })
}

const NO_PADDING = { top: 0, bottom: 0, left: 0, right: 0 }

const cell = (children: Array<Paragraph | Table>, width: number, borders = false, padded = true) =>
  new TableCell({ children, width: { size: tw(width), type: WidthType.DXA }, ...(borders ? {} : { borders: NO_BORDERS }), ...(padded ? {} : { margins: NO_PADDING }) })

/** A fixed-layout table: Word and LibreOffice keep the given column widths instead of fitting them to the text. */
function fixedTable(widths: number[], rows: TableRow[], o: { borders?: boolean; center?: boolean; padding?: number } = {}): Table {
  return new Table({
    ...(o.padding !== undefined ? { margins: { left: tw(o.padding), right: tw(o.padding), top: tw(o.padding / 2), bottom: tw(o.padding / 2) } } : {}),
    width: { size: tw(widths.reduce((a, b) => a + b, 0)), type: WidthType.DXA },
    columnWidths: widths.map(tw),
    layout: TableLayoutType.FIXED,
    ...(o.borders ? {} : { borders: NO_BORDERS }),
    ...(o.center ? { alignment: AlignmentType.CENTER } : {}),
    rows
  })
}

/** A 1 pt empty paragraph: what a table cell must end with, taking no visible room. */
const tiny = () => new Paragraph({ spacing: { before: 0, after: 0, line: 20, lineRule: 'exact' }, children: [new TextRun({ text: '', size: 2, font: FONT })] })

/**
 * A centred rule `length` points long: the bottom border of an empty one-cell table that wide, whose exact height is
 * the gap between the text above and the rule (NĐ 30 proportions).
 */
function rule(length: number, gapAbove = 1): Table {
  const row = new TableRow({
    height: { value: tw(gapAbove + 2), rule: HeightRule.EXACT },
    children: [new TableCell({ children: [tiny()], width: { size: tw(length), type: WidthType.DXA }, margins: NO_PADDING, borders: { top: NONE, bottom: LINE, left: NONE, right: NONE } })]
  })
  return fixedTable([length], [row], { center: true })
}

function header(b: Extract<Block, { kind: 'header' }>, width: number): Table {
  const left = headerLeft(width)
  const right = width - left
  const bodies = [
    ...(b.parent ? [p({ runs: [{ text: b.parent }], size: SIZE.agency, align: 'center' })] : []),
    p({ runs: [{ text: b.issuer, bold: true }], size: SIZE.agency, align: 'center' }),
    rule(shortRule(b.issuer, 'B', SIZE.agency, left)),
    p({ runs: [{ text: b.number ?? '' }], size: SIZE.number, align: 'center', before: 6 }),
    ...(b.subject ? [p({ runs: [{ text: b.subject }], size: SIZE.letterSubject, align: 'center', before: 2 })] : [])
  ]
  const nation = [
    p({ runs: [{ text: QUOC_HIEU, bold: true }], size: SIZE.quocHieu, align: 'center' }),
    p({ runs: [{ text: TIEU_NGU, bold: true }], size: SIZE.tieuNgu, align: 'center' }),
    rule(TIEU_NGU_WIDTH),
    p({ runs: [{ text: b.placeDate ?? '', italic: true }], size: SIZE.placeDate, align: 'center', before: 6 })
  ]
  return fixedTable([left, right], [new TableRow({ children: [cell(bodies, left, false, false), cell(nation, right, false, false)] })])
}

function signature(s: SignatureBlock): Paragraph[] {
  return [
    ...s.heads.map((h) => p({ runs: [{ text: h, bold: true }], size: SIZE.signer, align: 'center' })),
    ...(s.hint ? [p({ runs: [{ text: s.hint, italic: true }], size: 13, align: 'center' })] : []),
    p({ runs: [{ text: s.name, bold: true }], size: SIZE.signer, align: 'center', before: SIGN_SPACE })
  ]
}

function blockToDocx(b: Block, width: number, keepNext = false): Array<Paragraph | Table> {
  switch (b.kind) {
    case 'header':
      return [header(b, width), p({ runs: [{ text: '' }], after: 6 })]
    case 'title': {
      const above = b.note ? shortRule(b.note, 'I', SIZE.body, width) : shortRule(b.subject.at(-1) ?? '', 'B', SIZE.body, width)
      return [
        ...(b.type ? [p({ runs: [{ text: b.type, bold: true }], size: SIZE.docType, align: 'center', before: 6 })] : []),
        ...b.subject.map((text) => p({ runs: [{ text, bold: true }], align: 'center' })),
        ...(b.note ? [p({ runs: [{ text: b.note, italic: true }], align: 'center' })] : []),
        rule(above, 4),
        p({ runs: [{ text: '' }], size: 6, after: 4 })
      ]
    }
    case 'center':
      return [p({ runs: b.runs, align: 'center', after: b.spaceAfter ?? 6, ...(b.size ? { size: b.size } : {}) })]
    case 'para':
      return [p({ runs: b.runs, align: b.align ?? 'justify', indent: b.indent !== false, after: 6, keepNext: keepNext || b.keepWithNext === true })]
    case 'table': {
      const total = b.widths.reduce((s, w) => s + w, 0)
      // The PDF's column widths (to-pdfmake.ts: text width plus 4 pt padding each side and the rule), so lines break
      // alike; what rounding leaves goes to the widest column.
      const usable = width - b.widths.length * 9 - 1
      const widths = b.widths.map((w) => Math.floor((usable * w) / total) + 9)
      const widest = widths.indexOf(Math.max(...widths))
      widths[widest] = widths[widest]! + width - widths.reduce((a, c) => a + c, 0)
      const size = b.size ?? SIZE.table
      const row = (cells: string[], bold: boolean) =>
        new TableRow({
          // The header row repeats on every page; no row is split across pages.
          tableHeader: bold,
          cantSplit: true,
          children: cells.map((c, i) => cell([p({ runs: [{ text: c, bold }], size: cellSize(c, bold ? 'B' : 'R', size, widths[i]! - 9), align: bold ? 'center' : (b.align[i] ?? 'left') })], widths[i]!, true))
        })
      // 4 pt cell padding, as in the PDF (Word's default 5.4 pt made "STT" wrap in its narrow column).
      return [fixedTable(widths, [row(b.header, true), ...b.rows.map((r) => row(r, false))], { borders: true, padding: 4 }), p({ runs: [{ text: '' }], after: 4 })]
    }
    case 'closing': {
      const leftW = width * 0.45
      const left = b.recipients
        ? [p({ runs: [{ text: 'Nơi nhận:', bold: true, italic: true }], size: SIZE.recipientsLabel, align: 'left' }), ...b.recipients.map((r) => p({ runs: [{ text: r }], size: SIZE.recipients, align: 'left' }))]
        : [p({ runs: [{ text: '' }] })]
      return [fixedTable([leftW, width - leftW], [new TableRow({ cantSplit: true, children: [cell(left, leftW), cell(signature(b.signer), width - leftW)] })])]
    }
    case 'signPair':
      return [fixedTable([width / 2, width / 2], [new TableRow({ cantSplit: true, children: [cell(signature(b.left), width / 2), cell(signature(b.right), width / 2)] })])]
    case 'page':
      return []
  }
}

function section(landscape: boolean, children: Array<Paragraph | Table>, first: boolean): ISectionOptions {
  const m = landscape ? MARGINS_LANDSCAPE : MARGINS
  const pageNo = new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: hp(SIZE.pageNumber) })] })] })
  return {
    properties: {
      // The first page carries no number (NĐ 30): an empty first-page header on the opening section only.
      titlePage: first,
      page: {
        size: { width: tw(A4.width), height: tw(A4.height), orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: { top: tw(m.top), bottom: tw(m.bottom), left: tw(m.left), right: tw(m.right), header: tw(9 * (72 / 25.4)) }
      }
    },
    headers: { default: pageNo, ...(first ? { first: new Header({ children: [new Paragraph('')] }) } : {}) },
    children
  }
}

export function textDocumentToDocx(doc: TextDocument): Document {
  const sections: ISectionOptions[] = []
  let landscape = doc.landscape
  let children: Array<Paragraph | Table> = []
  doc.blocks.forEach((b, i) => {
    if (b.kind === 'page') {
      sections.push(section(landscape, children, sections.length === 0))
      landscape = b.landscape
      children = []
      return
    }
    // As in the PDF: the signature block keeps the last paragraph of the body with it.
    const next = doc.blocks[i + 1]?.kind
    children.push(...blockToDocx(b, landscape ? CONTENT_WIDTH_LANDSCAPE : CONTENT_WIDTH, next === 'closing' || next === 'signPair'))
  })
  sections.push(section(landscape, children, sections.length === 0))
  return new Document({
    creator: 'OCOP Council',
    title: doc.title,
    styles: { default: { document: { run: { font: FONT, size: hp(SIZE.body) } } } },
    sections
  })
}

export async function renderDocx(doc: TextDocument): Promise<Buffer> {
  return Packer.toBuffer(textDocumentToDocx(doc))
}
