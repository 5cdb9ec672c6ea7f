import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces'
import { AppError } from '../shared/result'
import { isLeaf, type CriteriaSet, type LeafCriterion } from '../shared/criteria'
import { addressOf, criteriaSetOf, memberOf, productOf, setTitle } from './context'
import { CONTENT_WIDTH, SIZE, placeDate } from './layout/decree30'
import { baseDefinition } from './layout/to-pdfmake'
import type { DocSheet, DocumentInput } from './model'

/**
 * Phiếu đánh giá (QĐ 26/2026 Phụ lục II, "kiêm phiếu đánh giá sản phẩm OCOP", DOMAIN.md §3.7): the set's header
 * fields, the disqualification line, the criteria table with a box per option, TỔNG CỘNG, the star-marker note, the
 * assessor's opinion and signature. `blank` is pre-filled with member and product for paper scoring; `filled` ticks
 * the member's options and prints part totals.
 */
const FS = 11
const BOX = 14
const POINTS = 52
const TEXT = CONTENT_WIDTH - BOX - POINTS - 3 * 5 - 4

/** ☒ / □ drawn as vectors: Tinos has □ but no ☒, and both must look alike. */
function box(ticked: boolean): TableCell {
  const c: Array<Record<string, unknown>> = [{ type: 'rect', x: 0.5, y: 2.5, w: 8, h: 8, lineWidth: 0.6 }]
  if (ticked) c.push({ type: 'line', x1: 0.5, y1: 2.5, x2: 8.5, y2: 10.5, lineWidth: 0.9 }, { type: 'line', x1: 8.5, y1: 2.5, x2: 0.5, y2: 10.5, lineWidth: 0.9 })
  return { canvas: c } as unknown as TableCell
}

const stars = (n: number | undefined) => (n ? ` ${'*'.repeat(n)}` : '')

function leafRows(c: LeafCriterion, answer: string | undefined, filled: boolean, sub: boolean): TableCell[][] {
  const rows: TableCell[][] = [
    [{ text: `${c.code}. ${c.text}`, colSpan: 2, bold: !sub, italics: sub, fontSize: FS }, {}, { text: String(c.maxPoints), alignment: 'center', fontSize: FS }]
  ]
  if (c.appliesOnlyWhen) rows.push([{ text: c.appliesOnlyWhen, colSpan: 3, italics: true, fontSize: FS - 1 }, {}, {}])
  for (const o of c.options) {
    const ticked = filled && answer === o.id
    rows.push([box(ticked), { text: `${o.text}${stars(o.marker)}`, fontSize: FS, bold: ticked }, { text: String(o.points), alignment: 'center', fontSize: FS, bold: ticked }])
  }
  for (const n of c.notes) rows.push([{ text: n, colSpan: 3, italics: true, fontSize: FS - 1 }, {}, {}])
  if (filled && answer === 'NA') rows.push([{ text: 'Không áp dụng', colSpan: 2, italics: true, fontSize: FS }, {}, { text: '0', alignment: 'center', fontSize: FS }])
  return rows
}

function criteriaTable(set: CriteriaSet, sheet: DocSheet | null): Content {
  const body: TableCell[][] = [
    [{ text: 'Các tiêu chí', colSpan: 2, bold: true, alignment: 'center', fontSize: FS }, {}, { text: 'Thang điểm', bold: true, alignment: 'center', fontSize: FS }]
  ]
  for (const part of set.parts) {
    body.push([{ text: `PHẦN ${part.code}: ${part.title}`, colSpan: 2, bold: true, fontSize: FS, fillColor: '#eeeeee' }, {}, { text: String(part.maxPoints), bold: true, alignment: 'center', fontSize: FS, fillColor: '#eeeeee' }])
    for (const section of part.sections) {
      body.push([{ text: `${section.code}. ${section.title}`, colSpan: 2, bold: true, fontSize: FS }, {}, { text: String(section.maxPoints), bold: true, alignment: 'center', fontSize: FS }])
      for (const c of section.criteria) {
        if (isLeaf(c)) body.push(...leafRows(c, sheet?.answers[c.code], sheet !== null, false))
        else {
          body.push([{ text: `${c.code}. ${c.text}`, colSpan: 2, bold: true, fontSize: FS }, {}, { text: String(c.maxPoints), alignment: 'center', fontSize: FS }])
          for (const sub of c.subCriteria) body.push(...leafRows(sub, sheet?.answers[sub.code], sheet !== null, true))
        }
      }
    }
    const got = sheet ? `${sheet.parts[part.code]}/${part.maxPoints}` : `……/${part.maxPoints}`
    body.push([{ text: `Cộng phần ${part.code}`, colSpan: 2, bold: true, italics: true, alignment: 'right', fontSize: FS }, {}, { text: got, bold: true, alignment: 'center', fontSize: FS }])
  }
  body.push([{ text: 'TỔNG CỘNG', colSpan: 2, bold: true, alignment: 'center', fontSize: FS + 1 }, {}, { text: sheet ? `${sheet.total}/100` : '100', bold: true, alignment: 'center', fontSize: FS + 1 }])
  return {
    table: { headerRows: 1, widths: [BOX, TEXT, POINTS], body },
    layout: 'ocopSheet',
    margin: [0, 4, 0, 6]
  } as Content
}

const field = (label: string, value: string): Content => ({ text: [{ text: `- ${label}: ` }, { text: value || '…………………………………………', bold: value !== '' }], fontSize: 12, margin: [0, 1, 0, 1] })

/** The content of one sheet, without page setup, so a pack can put many sheets in one document. */
export function sheetContent(input: DocumentInput, productId: string, memberId: string, variant: 'blank' | 'filled', round?: number): Content[] {
  const product = productOf(input, productId)
  const member = memberOf(input, memberId)
  const set = criteriaSetOf(input, product)
  let sheet: DocSheet | null = null
  if (variant === 'filled') {
    const mine = product.sheets.filter((s) => s.memberId === memberId && (round === undefined || s.round === round))
    sheet = mine.sort((a, b) => b.round - a.round)[0] ?? null
    if (!sheet) throw new AppError('NOT_FOUND', `Thành viên ${member.name} không có phiếu chấm sản phẩm "${product.name}"${round ? ` ở vòng ${round}` : ''}`)
  }
  const opinion = sheet?.comment ? sheet.comment : '……………………………………………………………………………………………………………………………………………\n……………………………………………………………………………………………………………………………………………'
  return [
    { text: `${setTitle(set)}`.toLocaleUpperCase('vi'), bold: true, alignment: 'center', fontSize: 13 },
    { text: '(kiêm phiếu đánh giá sản phẩm OCOP)', italics: true, alignment: 'center', fontSize: 12, margin: [0, 0, 0, 2] },
    { text: `Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh ${input.province.provinceName}, ${input.session.batch}${sheet ? ` — vòng chấm ${sheet.round}` : ''}`, italics: true, alignment: 'center', fontSize: 12, margin: [0, 0, 0, 6] },
    field('Tên sản phẩm', product.name),
    field('Mã số sản phẩm', product.code),
    field('Tên chủ thể sản xuất', product.producer),
    field('Số điện thoại', product.phone),
    field('Địa chỉ', addressOf(input, product)),
    field('Người đánh giá', `${member.name} (${member.role})`),
    ...set.disqualification.map((d) => ({ text: d, bold: true, italics: true, fontSize: 11, margin: [0, 4, 0, 0] }) as Content),
    criteriaTable(set, sheet),
    { text: 'Ghi chú: Dấu sao là yêu cầu tối thiểu phải đạt theo các cấp độ sao (*** - 3 sao; **** - 4 sao; ***** - 5 sao)', italics: true, fontSize: 11, margin: [0, 0, 0, 4] },
    { text: [{ text: 'Ý kiến của người đánh giá: ', bold: true }, { text: opinion }], fontSize: 12, margin: [0, 0, 0, 8] },
    {
      columns: [
        { width: '*', text: '' },
        {
          width: 260,
          stack: [
            { text: sheet ? placeDate(input.province.placeName, input.session.date) : `${input.province.placeName}, ngày …… tháng …… năm ……`, italics: true, alignment: 'center', fontSize: 13 },
            { text: 'Người đánh giá', bold: true, alignment: 'center', fontSize: 13 },
            { text: '(Ký và ghi rõ họ tên)', italics: true, alignment: 'center', fontSize: 12 },
            { text: member.name, bold: true, alignment: 'center', fontSize: 13, margin: [0, 56, 0, 0] }
          ]
        }
      ],
      unbreakable: true
    }
  ]
}

export function buildSheet(input: DocumentInput, productId: string, memberId: string, variant: 'blank' | 'filled', round?: number): TDocumentDefinitions {
  const product = productOf(input, productId)
  const member = memberOf(input, memberId)
  const dd = baseDefinition(`Phiếu đánh giá — ${product.name} — ${member.name}`, false, sheetContent(input, productId, memberId, variant, round))
  return { ...dd, defaultStyle: { ...dd.defaultStyle, fontSize: SIZE.table, lineHeight: 1.05 } }
}

/** Several sheets in one document, each starting on a new page (a pack chunk). */
export function buildSheetBatch(input: DocumentInput, items: ReadonlyArray<{ productId: string; memberId: string }>, variant: 'blank' | 'filled'): TDocumentDefinitions {
  const content: Content[] = []
  items.forEach((it, i) => {
    const c = sheetContent(input, it.productId, it.memberId, variant)
    if (i > 0) content.push({ text: '', pageBreak: 'before' })
    content.push(...c)
  })
  const dd = baseDefinition('Phiếu đánh giá sản phẩm OCOP', false, content)
  return { ...dd, defaultStyle: { ...dd.defaultStyle, fontSize: SIZE.table, lineHeight: 1.05 } }
}
