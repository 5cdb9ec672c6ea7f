import { isLeaf, type CriteriaSet, type LeafCriterion } from '../shared/criteria'
import { AppError } from '../shared/result'
import { addressOf, criteriaSetOf, memberOf, productOf, setTitle } from './context'
import { CONTENT_WIDTH, placeDate } from './layout/decree30'
import type { DocSheet, DocumentInput } from './model'
import { cell, FS, SheetWriter, type Cell, type Row } from './sheet-writer'

/**
 * The scoring sheet (Phiếu đánh giá, QĐ 26/2026 Phụ lục II "kiêm phiếu đánh giá sản phẩm OCOP", DOMAIN.md §3.7) —
 * the one source of its content and layout, for a single sheet as for the pack: the set's header fields, the
 * disqualification lines, the criteria table with a box per option, part totals and TỔNG CỘNG, the star-marker note,
 * the assessor's opinion and signature; `blank` is pre-filled with member and product for paper scoring, `filled`
 * ticks the member's options. Drawn directly with pdfkit: pdfmake spends 2.6× the CPU per sheet (145 against 55 ms
 * on set 11), cannot number a sheet's own pages ("Trang x/y") inside a pack, and the pack has one sheet per product
 * and member (540 in a 60-product session). The criteria
 * texts repeat on every sheet of a set, so their line breaks and glyph runs are computed once (sheet-writer.ts).
 */
const stars = (n: number | undefined) => (n ? ` ${'*'.repeat(n)}` : '')

/**
 * A criterion's rows: its heading, then its options and notes. `asSection`: the criterion is its section's only one
 * and repeats the section's code and title (sets 1–26, sections 7–11), so its heading is not printed a second time.
 */
function leafRows(c: LeafCriterion, answer: string | undefined, filled: boolean, sub: boolean, asSection = false): Row[] {
  const rows: Row[] = asSection ? [] : [{ main: { ...cell(`${c.code}. ${c.text}`, sub ? 'I' : 'B'), span: 2 }, points: cell(String(c.maxPoints), 'R', FS, 'center') }]
  if (c.appliesOnlyWhen) rows.push({ main: { ...cell(c.appliesOnlyWhen, 'I', FS - 1), span: 3 } })
  for (const o of c.options) {
    const ticked = filled && answer === o.id
    const face = ticked ? 'B' : 'R'
    rows.push({ main: { ...cell(`${o.text}${stars(o.marker)}`, face), span: 2 }, box: ticked, points: cell(String(o.points), face, FS, 'center') })
  }
  for (const n of c.notes) rows.push({ main: { ...cell(n, 'I', FS - 1), span: 3 } })
  if (filled && answer === 'NA') rows.push({ main: { ...cell('Không áp dụng', 'I'), span: 2 }, points: cell('0', 'R', FS, 'center') })
  return rows
}

/** Marks all rows but the last of a criterion to keep with the next one. */
const group = (rows: Row[]): Row[] => rows.map((r, i) => (i < rows.length - 1 ? { ...r, keepWithNext: true } : r))

function criteriaRows(set: CriteriaSet, sheet: DocSheet | null): Row[] {
  const rows: Row[] = []
  const bold = (text: string, align: Cell['align'] = 'left') => cell(text, 'B', FS, align)
  for (const part of set.parts) {
    // Headings keep with what follows them; a criterion keeps with its options (one group, never split by a page
    // break unless it is taller than a page).
    rows.push({ main: { ...bold(`PHẦN ${part.code}: ${part.title}`), span: 2 }, points: bold(String(part.maxPoints), 'center'), fill: '#eeeeee', keepWithNext: true })
    for (const section of part.sections) {
      rows.push({ main: { ...bold(`${section.code}. ${section.title}`), span: 2 }, points: bold(String(section.maxPoints), 'center'), keepWithNext: true })
      const single = section.criteria.length === 1 && section.criteria[0]!.code === section.code
      for (const c of section.criteria) {
        if (isLeaf(c)) rows.push(...group(leafRows(c, sheet?.answers[c.code], sheet !== null, false, single)))
        else {
          rows.push({ main: { ...bold(`${c.code}. ${c.text}`), span: 2 }, points: cell(String(c.maxPoints), 'R', FS, 'center'), keepWithNext: true })
          for (const sub of c.subCriteria) rows.push(...group(leafRows(sub, sheet?.answers[sub.code], sheet !== null, true)))
        }
      }
    }
    const got = sheet ? `${sheet.parts[part.code]}/${part.maxPoints}` : `……/${part.maxPoints}`
    rows.push({ main: { ...cell(`Cộng phần ${part.code}`, 'BI', FS, 'right'), span: 2 }, points: bold(got, 'center') })
  }
  rows.push({ main: { ...cell('TỔNG CỘNG', 'B', FS + 1, 'center'), span: 2 }, points: cell(sheet ? `${sheet.total}/100` : '100', 'B', FS + 1, 'center') })
  return rows
}

/** The member's sheet of the product: the given round, else the latest. */
export function memberSheet(input: DocumentInput, productId: string, memberId: string, round?: number): DocSheet {
  const product = productOf(input, productId)
  const mine = product.sheets.filter((s) => s.memberId === memberId && (round === undefined || s.round === round))
  const sheet = mine.sort((a, b) => b.round - a.round)[0]
  if (!sheet) throw new AppError('NOT_FOUND', `Thành viên ${memberOf(input, memberId).name} không có phiếu chấm sản phẩm "${product.name}"${round ? ` ở vòng ${round}` : ''}`)
  return sheet
}

const DOTS = '…………………………………………'
const OPINION_DOTS = '……………………………………………………………………………………………………………………………………………\n……………………………………………………………………………………………………………………………………………'

function drawSheet(w: SheetWriter, input: DocumentInput, productId: string, memberId: string, variant: 'blank' | 'filled', round?: number): void {
  const product = productOf(input, productId)
  const member = memberOf(input, memberId)
  const set = criteriaSetOf(input, product)
  const sheet = variant === 'filled' ? memberSheet(input, productId, memberId, round) : null
  w.beginSheet(`${product.name} — ${member.name}`)
  w.flow(cell(setTitle(set).toLocaleUpperCase('vi'), 'B', 13, 'center'))
  w.flow(cell('(kiêm phiếu đánh giá sản phẩm OCOP)', 'I', 12, 'center'), 0, 2)
  const council = `Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh ${input.province.provinceName}, ${input.session.batch}${sheet ? `\u00a0— vòng\u00a0chấm\u00a0${sheet.round}` : ''}`
  w.flow(cell(council, 'I', 12, 'center'), 0, 6)
  const fields: Array<[string, string]> = [
    ['Tên sản phẩm', product.name],
    ['Mã số sản phẩm', product.code],
    ['Tên chủ thể sản xuất', product.producer],
    ['Số điện thoại', product.phone],
    ['Địa chỉ', addressOf(input, product)],
    ['Người đánh giá', `${member.name} (${member.role})`]
  ]
  for (const [label, value] of fields) w.rich(cell(`- ${label}: `, 'R', 12), cell(value || DOTS, value ? 'B' : 'R', 12), 1, 1)
  for (const d of set.disqualification) w.flow(cell(d, 'BI', 11), 4)
  w.table(criteriaRows(set, sheet), 4, 6)
  const note = cell('Ghi chú: Dấu sao là yêu cầu tối thiểu phải đạt theo các cấp độ sao (*** - 3 sao; **** - 4 sao; ***** - 5 sao)', 'I', 11)
  const lead = cell('Ý kiến của người đánh giá: ', 'B', 12)
  // Dots start on their own line, as pdfmake breaks them (an unbroken "word" wider than what is left of the line).
  const opinion = cell(sheet?.comment ? sheet.comment : `\n${OPINION_DOTS}`, 'R', 12)
  const signature = [
    cell(sheet ? placeDate(input.province.placeName, input.session.date) : `${input.province.placeName}, ngày …… tháng …… năm ……`, 'I', 13, 'center'),
    cell('Người đánh giá', 'B', 13, 'center'),
    cell('(Ký và ghi rõ họ tên)', 'I', 12, 'center'),
    { ...cell(member.name, 'B', 13, 'center'), marginTop: 56 }
  ]
  // The signature never stands alone on a page: the note and the opinion go with it.
  w.keepTogether(w.height(note, CONTENT_WIDTH) + 4 + w.height({ ...lead, text: lead.text + opinion.text }, CONTENT_WIDTH) + 8 + w.signatureHeight(signature))
  w.flow(note, 0, 4)
  w.rich(lead, opinion, 0, 8)
  w.signature(signature)
  w.endSheet()
}

export function sheetTitle(input: DocumentInput, productId: string, memberId: string): string {
  return `Phiếu đánh giá — ${productOf(input, productId).name} — ${memberOf(input, memberId).name}`
}

export interface SheetItem {
  productId: string
  memberId: string
  round?: number
}

/** Sheets in one PDF, each from a new page; fonts are embedded once. Fixed metadata: same input, same bytes. */
export async function renderSheetsPdf(fontsDir: string, input: DocumentInput, items: readonly SheetItem[], variant: 'blank' | 'filled', title: string): Promise<Buffer> {
  const w = new SheetWriter(fontsDir, title.normalize('NFC'), input.session.date)
  for (const it of items) drawSheet(w, input, it.productId, it.memberId, variant, it.round)
  return w.end()
}
