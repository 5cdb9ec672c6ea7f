import type { Content, ContentColumns, TDocumentDefinitions } from 'pdfmake/interfaces'
import type { Block, Run, SignatureBlock, TextDocument } from './ast'
import {
  cellSize,
  CONTENT_WIDTH,
  CONTENT_WIDTH_LANDSCAPE,
  FONT,
  headerLeft,
  MARGINS,
  MARGINS_LANDSCAPE,
  MM,
  QUOC_HIEU,
  shortRule,
  SIGN_SPACE,
  SIZE,
  TIEU_NGU,
  TIEU_NGU_WIDTH
} from './decree30'

/** pdfmake document definitions for Decree 30 layouts; pure and JSON-safe, so tests snapshot them. */
export const INDENT = 10 * MM
const PARAGRAPH_GAP = 6

/** A horizontal rule `length` long, centred in a column `width` wide. */
export function rule(width: number, length: number, gapAbove = 1): Content {
  const x1 = Math.round(((width - length) / 2) * 100) / 100
  return { canvas: [{ type: 'line', x1, y1: 0, x2: Math.round((x1 + length) * 100) / 100, y2: 0, lineWidth: 0.7 }], margin: [0, gapAbove, 0, 0] }
}

/** The Decree 30 heading: bodies left, quốc hiệu and tiêu ngữ right; number and place/date on the row below. */
export function headerBlock(b: Extract<Block, { kind: 'header' }>, contentWidth = CONTENT_WIDTH): Content {
  const left = headerLeft(contentWidth)
  const right = contentWidth - left
  const bodies: Content[] = []
  if (b.parent) bodies.push({ text: b.parent, fontSize: SIZE.agency, alignment: 'center' })
  bodies.push({ text: b.issuer, fontSize: SIZE.agency, bold: true, alignment: 'center' }, rule(left, shortRule(b.issuer, 'B', SIZE.agency, left)))
  const nation: Content[] = [
    { text: QUOC_HIEU, fontSize: SIZE.quocHieu, bold: true, alignment: 'center' },
    { text: TIEU_NGU, fontSize: SIZE.tieuNgu, bold: true, alignment: 'center' },
    rule(right, TIEU_NGU_WIDTH)
  ]
  const body: Content[][] = [[{ stack: bodies }, { stack: nation }]]
  if (b.number !== null || b.placeDate !== null)
    body.push([
      {
        stack: [{ text: b.number ?? '', fontSize: SIZE.number, alignment: 'center' }, ...(b.subject ? [{ text: b.subject, fontSize: SIZE.letterSubject, alignment: 'center' as const, margin: [0, 2, 0, 0] as [number, number, number, number] }] : [])],
        margin: [0, 4, 0, 0]
      },
      { text: b.placeDate ?? '', fontSize: SIZE.placeDate, italics: true, alignment: 'center', margin: [0, 4, 0, 0] }
    ])
  return { table: { widths: [left, right], body }, layout: 'ocopBare', margin: [0, 0, 0, 14] }
}

/**
 * Table layouts by name, so definitions stay JSON (snapshots, worker messages); the renderer registers them.
 * ocopBare: the heading grid, no borders or padding; ocopGrid: data tables.
 */
export const TABLE_LAYOUTS = {
  ocopBare: { defaultBorder: false, paddingLeft: () => 0, paddingRight: () => 0, paddingTop: () => 0, paddingBottom: () => 0 },
  ocopGrid: { paddingLeft: () => 4, paddingRight: () => 4, paddingTop: () => 2, paddingBottom: () => 2, hLineWidth: () => 0.6, vLineWidth: () => 0.6 }
}

const runs = (rs: Run[]) => rs.map((r) => ({ text: r.text, ...(r.bold ? { bold: true } : {}), ...(r.italic ? { italics: true } : {}) }))

/** A word with a slash or hyphen inside ("99/QĐ-UBND", "Việt-Anh"): pdfmake may break after those signs. */
const JOINED_WORD = /^\S*[^\s/\-–][/\-–]+[^\s/\-–]\S*$/

/**
 * Runs of a justified paragraph. pdfmake splits text into pieces at every break opportunity, after "/" and "-" too,
 * and justification spreads the spare width over all the gaps between pieces, so a number such as "99/QĐ-UBND"
 * printed as "99/ QĐ- UBND" on a justified line. Such words go as unbreakable pieces with their following space.
 */
export function justifiedRuns(rs: Run[]) {
  return rs.flatMap((r) => {
    const style = { ...(r.bold ? { bold: true } : {}), ...(r.italic ? { italics: true } : {}) }
    const out: Array<{ text: string; noWrap?: boolean; bold?: boolean; italics?: boolean }> = []
    let plain = ''
    for (const part of r.text.match(/\S+\s*|\s+/g) ?? []) {
      if (JOINED_WORD.test(part.trimEnd())) {
        if (plain) out.push({ text: plain, ...style })
        out.push({ text: part, noWrap: true, ...style })
        plain = ''
      } else plain += part
    }
    if (plain || out.length === 0) out.push({ text: plain, ...style })
    return out
  })
}

/**
 * The link target that marks a signer's name. render.ts turns these links into the page's signer-block record
 * (signer-blocks.ts) and removes them, so the signing service can draw the visible signature in the space above the
 * name — between the title and the name, where NĐ 30 places the signature — on whatever page the block fell.
 */
export const SIGNER_LINK = 'ocop-signer:'

export function signature(s: SignatureBlock, slot = 1, space = SIGN_SPACE): Content[] {
  return [
    ...s.heads.map((h) => ({ text: h, bold: true, fontSize: SIZE.signer, alignment: 'center' as const })),
    ...(s.hint ? [{ text: s.hint, italics: true, fontSize: 13, alignment: 'center' as const }] : []),
    { text: s.name, bold: true, fontSize: SIZE.signer, alignment: 'center', margin: [0, space, 0, 0], ...(s.name.trim() ? { link: `${SIGNER_LINK}${slot}` } : {}) }
  ]
}

function closing(b: Extract<Block, { kind: 'closing' }>, width: number): Content {
  const left: Content = b.recipients
    ? { stack: [{ text: 'Nơi nhận:', bold: true, italics: true, fontSize: SIZE.recipientsLabel }, ...b.recipients.map((r) => ({ text: r, fontSize: SIZE.recipients }))] }
    : { text: '' }
  const cols: ContentColumns = { columns: [{ width: width * 0.45, stack: [left] }, { width: '*', stack: signature(b.signer) }], margin: [0, 6, 0, 0] }
  return { ...cols, unbreakable: true }
}

/** A cell's lines, each at the size that keeps its words whole (cellSize): only an overlong line shrinks. */
function cellText(text: string, size: number, width: number): string | Array<{ text: string; fontSize?: number }> {
  const lines = text.split('\n')
  const sizes = lines.map((l) => cellSize(l, 'R', size, width))
  if (sizes.every((s) => s === size)) return text
  return lines.map((l, i) => ({ text: i < lines.length - 1 ? `${l}\n` : l, ...(sizes[i] !== size ? { fontSize: sizes[i] } : {}) }))
}

export function blockToPdfmake(b: Block, width: number): Content {
  switch (b.kind) {
    case 'header':
      return headerBlock(b, width)
    case 'title': {
      const stack: Content[] = []
      if (b.type) stack.push({ text: b.type, bold: true, fontSize: SIZE.docType, alignment: 'center' })
      for (const s of b.subject) stack.push({ text: s, bold: true, fontSize: SIZE.body, alignment: 'center' })
      if (b.note) stack.push({ text: b.note, italics: true, fontSize: SIZE.body, alignment: 'center' })
      const above = b.note ? shortRule(b.note, 'I', SIZE.body, width) : shortRule(b.subject.at(-1) ?? '', 'B', SIZE.body, width)
      stack.push(rule(width, above, 4))
      return { stack, margin: [0, 6, 0, 10] }
    }
    case 'center':
      return { text: runs(b.runs), alignment: 'center', fontSize: b.size ?? SIZE.body, margin: [0, 0, 0, b.spaceAfter ?? PARAGRAPH_GAP] }
    case 'para':
      return {
        text: (b.align ?? 'justify') === 'justify' ? justifiedRuns(b.runs) : runs(b.runs),
        alignment: b.align ?? 'justify',
        ...(b.indent === false ? {} : { leadingIndent: INDENT }),
        ...(b.keepWithNext ? { headlineLevel: KEEP_WITH_NEXT } : {}),
        margin: [0, 0, 0, PARAGRAPH_GAP]
      }
    case 'table': {
      const total = b.widths.reduce((s, w) => s + w, 0)
      // Cell padding is 4 pt each side plus 1 pt of border per column.
      const usable = width - b.widths.length * 9 - 1
      const widths = b.widths.map((w) => Math.floor((usable * w) / total))
      const size = b.size ?? SIZE.table
      return {
        table: {
          // The header repeats on every page and never stays alone at the foot of one.
          headerRows: 1,
          keepWithHeaderRows: 1,
          dontBreakRows: true,
          widths,
          body: [
            b.header.map((h, i) => ({ text: h, bold: true, alignment: 'center' as const, fontSize: cellSize(h, 'B', size, widths[i]!) })),
            ...b.rows.map((r) => r.map((c, i) => ({ text: cellText(c, size, widths[i]!), alignment: b.align[i] ?? 'left', fontSize: size })))
          ]
        },
        layout: 'ocopGrid',
        margin: [0, 2, 0, 8]
      }
    }
    case 'closing':
      return closing(b, width)
    case 'signPair':
      return { columns: [{ width: '*', stack: signature(b.left, 1) }, { width: '*', stack: signature(b.right, 2) }], margin: [0, 12, 0, 0], unbreakable: true }
    case 'page':
      return { text: '', pageBreak: 'before', pageOrientation: b.landscape ? 'landscape' : 'portrait' }
  }
}

/** Page numbers in the top margin, centred, from page 2 (NĐ 30). */
export function pageNumberHeader(currentPage: number, _count: number, size: { width: number }): Content | null {
  if (currentPage < 2) return null
  return { text: String(currentPage), alignment: 'center', fontSize: SIZE.pageNumber, margin: [0, 9 * MM, 0, 0], width: size.width } as Content
}

export function pageMargins(landscape: boolean): [number, number, number, number] {
  const m = landscape ? MARGINS_LANDSCAPE : MARGINS
  return [m.left, m.top, m.right, m.bottom]
}

/** Shared page setup of every document. JSON only: the renderer adds the page-number header (a function). */
export function baseDefinition(title: string, landscape: boolean, content: Content[]): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageOrientation: landscape ? 'landscape' : 'portrait',
    pageMargins: pageMargins(landscape),
    info: { title, author: 'OCOP Council', creator: 'OCOP Council', producer: 'OCOP Council' },
    defaultStyle: { font: FONT, fontSize: SIZE.body, lineHeight: 1.1 },
    content
  }
}

/**
 * Keep-together (NĐ 30 practice): a signature block, with its "Nơi nhận", never stands alone on a page; it is kept
 * with the last paragraph of the body, and when both do not fit they move to the next page together.
 */
export function textDocumentToPdfmake(doc: TextDocument): TDocumentDefinitions {
  let landscape = doc.landscape
  const content: Content[] = []
  let prev: Block | null = null
  for (const b of doc.blocks) {
    if (b.kind === 'page') landscape = b.landscape
    const node = blockToPdfmake(b, landscape ? CONTENT_WIDTH_LANDSCAPE : CONTENT_WIDTH)
    if ((b.kind === 'closing' || b.kind === 'signPair') && prev?.kind === 'para') content.push({ stack: [content.pop()!, node], unbreakable: true })
    else content.push(node)
    prev = b
  }
  return baseDefinition(doc.title, doc.landscape, content)
}

export function withPageNumbers(dd: TDocumentDefinitions): TDocumentDefinitions {
  return { ...dd, header: pageNumberHeader }
}

/** The headlineLevel marking a paragraph kept with what follows it (pdfmake's own hook for headings). */
export const KEEP_WITH_NEXT = 1

/**
 * A heading or caption that would end a page starts the next one instead (added by the renderer: a function). A run
 * of them (heading, then the caption of a table) moves together: pdfmake decides each node once, in order, so a
 * heading followed on its page only by other kept nodes breaks first.
 */
export function keepHeadings(dd: TDocumentDefinitions): TDocumentDefinitions {
  return { ...dd, pageBreakBefore: (node, q) => node.headlineLevel === KEEP_WITH_NEXT && q.getFollowingNodesOnPage().every((n) => n.headlineLevel === KEEP_WITH_NEXT) }
}
