import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions
} from 'docx'
import type { Block, Run, SignatureBlock, TextDocument } from './ast'
import { A4, CONTENT_WIDTH, CONTENT_WIDTH_LANDSCAPE, FONT, HEADER_LEFT, MARGINS, MARGINS_LANDSCAPE, QUOC_HIEU, SIZE, TIEU_NGU } from './decree30'

/** The same TextDocument as an editable Word file, so the office can finish it in its e-office system. */
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
  /** A rule under the paragraph, drawn as a bottom border of the given width. */
  ruleWidth?: number
  columnWidth?: number
}

function p(o: P): Paragraph {
  const size = o.size ?? SIZE.body
  const rule = o.ruleWidth !== undefined && o.columnWidth !== undefined ? (o.columnWidth - o.ruleWidth) / 2 : null
  return new Paragraph({
    alignment: ALIGN[o.align ?? 'justify'],
    spacing: { after: tw(o.after ?? 0), before: tw(o.before ?? 0) },
    ...(o.indent ? { indent: { firstLine: 567 } } : {}),
    ...(rule !== null ? { border: { bottom: LINE }, indent: { left: tw(rule), right: tw(rule) } } : {}),
    // "\n" inside a run is a line break in the PDF; Word needs an explicit break.
    children: o.runs.flatMap((r) => r.text.split('\n').map((text, i) => new TextRun({ text, ...(i > 0 ? { break: 1 } : {}), bold: r.bold ?? false, italics: r.italic ?? false, size: hp(size), font: FONT })))
  })
}

const cell = (children: Paragraph[], width: number, borders = false) =>
  new TableCell({ children, width: { size: tw(width), type: WidthType.DXA }, ...(borders ? {} : { borders: NO_BORDERS }) })

function header(b: Extract<Block, { kind: 'header' }>, width: number): Table {
  const left = width > CONTENT_WIDTH ? 300 : HEADER_LEFT
  const right = width - left
  const bodies = [
    ...(b.parent ? [p({ runs: [{ text: b.parent }], size: SIZE.agency, align: 'center' })] : []),
    p({ runs: [{ text: b.issuer, bold: true }], size: SIZE.agency, align: 'center', ruleWidth: 70, columnWidth: left }),
    p({ runs: [{ text: b.number ?? '' }], size: SIZE.number, align: 'center', before: 6 })
  ]
  const nation = [
    p({ runs: [{ text: QUOC_HIEU, bold: true }], size: SIZE.quocHieu, align: 'center' }),
    p({ runs: [{ text: TIEU_NGU, bold: true }], size: SIZE.tieuNgu, align: 'center', ruleWidth: 159, columnWidth: right }),
    p({ runs: [{ text: b.placeDate ?? '', italic: true }], size: SIZE.placeDate, align: 'center', before: 6 })
  ]
  return new Table({ width: { size: tw(width), type: WidthType.DXA }, columnWidths: [tw(left), tw(right)], borders: NO_BORDERS, rows: [new TableRow({ children: [cell(bodies, left), cell(nation, right)] })] })
}

function signature(s: SignatureBlock): Paragraph[] {
  return [
    ...s.heads.map((h) => p({ runs: [{ text: h, bold: true }], size: SIZE.signer, align: 'center' })),
    ...(s.hint ? [p({ runs: [{ text: s.hint, italic: true }], size: 13, align: 'center' })] : []),
    p({ runs: [{ text: s.name, bold: true }], size: SIZE.signer, align: 'center', before: 72 })
  ]
}

function blockToDocx(b: Block, width: number): Array<Paragraph | Table> {
  switch (b.kind) {
    case 'header':
      return [header(b, width), p({ runs: [{ text: '' }], after: 6 })]
    case 'title':
      return [
        ...(b.type ? [p({ runs: [{ text: b.type, bold: true }], size: SIZE.docType, align: 'center', before: 6 })] : []),
        ...[...b.subject.map((text) => ({ text, bold: true })), ...(b.note ? [{ text: b.note, italic: true }] : [])].map((r, i, all) =>
          p({ runs: [r], align: 'center', ...(i === all.length - 1 ? { ruleWidth: 100, columnWidth: width, after: 10 } : {}) })
        )
      ]
    case 'center':
      return [p({ runs: b.runs, align: 'center', after: b.spaceAfter ?? 6, ...(b.size ? { size: b.size } : {}) })]
    case 'para':
      return [p({ runs: b.runs, align: b.align ?? 'justify', indent: b.indent !== false, after: 6 })]
    case 'table': {
      const total = b.widths.reduce((s, w) => s + w, 0)
      const widths = b.widths.map((w) => (width * w) / total)
      const size = b.size ?? SIZE.table
      const row = (cells: string[], bold: boolean) =>
        new TableRow({
          tableHeader: bold,
          cantSplit: true,
          children: cells.map((c, i) => cell([p({ runs: [{ text: c, bold }], size, align: bold ? 'center' : (b.align[i] ?? 'left') })], widths[i]!, true))
        })
      return [new Table({ width: { size: tw(width), type: WidthType.DXA }, columnWidths: widths.map(tw), rows: [row(b.header, true), ...b.rows.map((r) => row(r, false))] }), p({ runs: [{ text: '' }], after: 4 })]
    }
    case 'closing': {
      const leftW = width * 0.45
      const left = b.recipients
        ? [p({ runs: [{ text: 'Nơi nhận:', bold: true, italic: true }], size: SIZE.recipientsLabel, align: 'left' }), ...b.recipients.map((r) => p({ runs: [{ text: r }], size: SIZE.recipients, align: 'left' }))]
        : [p({ runs: [{ text: '' }] })]
      return [new Table({ width: { size: tw(width), type: WidthType.DXA }, columnWidths: [tw(leftW), tw(width - leftW)], borders: NO_BORDERS, rows: [new TableRow({ cantSplit: true, children: [cell(left, leftW), cell(signature(b.signer), width - leftW)] })] })]
    }
    case 'signPair':
      return [new Table({ width: { size: tw(width), type: WidthType.DXA }, columnWidths: [tw(width / 2), tw(width / 2)], borders: NO_BORDERS, rows: [new TableRow({ cantSplit: true, children: [cell(signature(b.left), width / 2), cell(signature(b.right), width / 2)] })] })]
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
  for (const b of doc.blocks) {
    if (b.kind === 'page') {
      sections.push(section(landscape, children, sections.length === 0))
      landscape = b.landscape
      children = []
      continue
    }
    children.push(...blockToDocx(b, landscape ? CONTENT_WIDTH_LANDSCAPE : CONTENT_WIDTH))
  }
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
