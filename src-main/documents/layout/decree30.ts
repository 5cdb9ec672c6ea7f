import type { Issuer, Signer } from '../model'
import { textWidth, wrapLines, type Face } from './text-metrics'

/**
 * Formatting rules of Decree 30/2020/NĐ-CP (Phụ lục I) shared by every document: page, sizes, the number line, the
 * place-and-date line and the signature block. Layout values are in PDF points (1 mm = 72 / 25.4 pt).
 */
export const MM = 72 / 25.4
export const A4 = { width: 595.28, height: 841.89 }

/**
 * NĐ 30 Phụ lục I, page margins of a portrait page: top and bottom 20–25 mm, left (the binding edge) 30–35 mm, right
 * 15–20 mm. A landscape page is bound along its top edge (the page is turned a quarter to read it), so the same
 * ranges turn with it: top 30–35, bottom 15–20, left and right 20–25 mm. Every page of every document keeps to them;
 * tests/main/documents/layout-checker.test.ts measures the printed text against these ranges.
 */
export const MARGIN_RANGES = {
  portrait: { top: [20, 25], bottom: [20, 25], left: [30, 35], right: [15, 20] },
  landscape: { top: [30, 35], bottom: [15, 20], left: [20, 25], right: [20, 25] }
} as const satisfies Record<string, Record<'top' | 'bottom' | 'left' | 'right', readonly [number, number]>>

export const MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM }
export const MARGINS_LANDSCAPE = { top: 30 * MM, bottom: 20 * MM, left: 20 * MM, right: 20 * MM }

export const CONTENT_WIDTH = A4.width - MARGINS.left - MARGINS.right
export const CONTENT_WIDTH_LANDSCAPE = A4.height - MARGINS_LANDSCAPE.left - MARGINS_LANDSCAPE.right
export const CONTENT_HEIGHT_LANDSCAPE = A4.width - MARGINS_LANDSCAPE.top - MARGINS_LANDSCAPE.bottom

/** The PDF embeds Tinos (Times New Roman's metrics, free to embed); the DOCX names Times New Roman, as NĐ 30 asks. */
export const FONT = 'Tinos'
export const DOCX_FONT = 'Times New Roman'
export const SIZE = {
  body: 14,
  quocHieu: 12,
  tieuNgu: 13,
  agency: 12,
  number: 13,
  /** A công văn's "V/v …" under the number. */
  letterSubject: 12,
  placeDate: 14,
  docType: 14,
  recipientsLabel: 12,
  recipients: 11,
  signer: 14,
  pageNumber: 13,
  table: 12
} as const

export const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'
export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc'
/** Width of TIEU_NGU in Tinos Bold 13 pt: the rule under it is as long as the text (NĐ 30). */
export const TIEU_NGU_WIDTH = textWidth(TIEU_NGU, 'B', SIZE.tieuNgu)

/** Left header column (the bodies) and right column (quốc hiệu) of the portrait header. */
export const HEADER_LEFT = 205
export const HEADER_RIGHT = CONTENT_WIDTH - HEADER_LEFT
/** Landscape pages have room for the bodies on fewer lines. */
export const headerLeft = (contentWidth: number): number => (contentWidth > CONTENT_WIDTH ? 300 : HEADER_LEFT)

/**
 * NĐ 30: the line under the issuing body and under the trích yếu is 1/3 to 1/2 as long as the line of text ("dòng
 * chữ") above it — the longest printed line when the text wraps. 0.4 sits inside that range whatever rounding a
 * renderer applies.
 */
export const SHORT_RULE_RATIO = 0.4
export function shortRule(textAbove: string, face: Face, size: number, columnWidth: number): number {
  const widths = wrapLines(textAbove, face, size, columnWidth).map((l) => textWidth(l, face, size))
  return Math.round(SHORT_RULE_RATIO * Math.max(0, ...widths) * 100) / 100
}

/** Smallest size a table cell may shrink to so that no number group or word is cut across lines. */
export const MIN_CELL_SIZE = 7
/**
 * The size at which every whitespace-separated token of a table cell fits its column: renderers break an overlong
 * token inside it ("34/20/" + "32", "Chên" + "h"), so the cell shrinks instead, in 0.5 pt steps, not below 7 pt.
 */
export function cellSize(text: string, face: Face, size: number, width: number): number {
  const widest = Math.max(0, ...text.split(/\s+/).map((t) => textWidth(t, face, size)))
  if (widest <= width) return size
  return Math.max(MIN_CELL_SIZE, Math.floor(((size * width) / widest) * 2) / 2)
}

/** Vertical space left for signing between the title of the signer and the name (the visible signature goes here). */
export const SIGN_SPACE = 72
/** Lines of body text kept on the page of a signature block, so it is never alone on a page (NĐ 30 practice). */
export const KEEP_WITH_SIGNATURE = 1

/** NĐ 30: day below 10 and months 1–2 take a leading zero ("ngày 05 tháng 01", "tháng 8"). */
export function vnDateWords(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  const day = String(d).padStart(2, '0')
  const month = m <= 2 ? String(m).padStart(2, '0') : String(m)
  return `ngày ${day} tháng ${month} năm ${y}`
}

export function placeDate(place: string, iso: string | null): string {
  return iso === null ? `${place}, ngày      tháng      năm       ` : `${place}, ${vnDateWords(iso)}`
}

/** "05/8/2026": the short form used inside sentences (references to other documents). */
export function shortDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  return `${String(d).padStart(2, '0')}/${m <= 2 ? String(m).padStart(2, '0') : m}/${y}`
}

/** "12/QĐ-UBND"; numbers below 10 take a leading zero; a draft keeps the blank for the number. */
export function docSymbol(number: number | null, abbr: string, issuerSymbol: string): string {
  const n = number === null ? '        ' : String(number).padStart(2, '0')
  return `${n}/${abbr}-${issuerSymbol}`
}

export function numberLine(number: number | null, abbr: string, issuerSymbol: string): string {
  return `Số: ${docSymbol(number, abbr, issuerSymbol)}`
}

/** Lines of the signature block: authority with prefix, position, then (after the space to sign) the name. */
export function signatureLines(s: Signer): { heads: string[]; name: string } {
  const heads: string[] = []
  if (s.authority) heads.push(`${s.authority}. ${s.authorityOf.toLocaleUpperCase('vi')}`.trim())
  heads.push(s.title.toLocaleUpperCase('vi'))
  return { heads, name: s.name }
}

export function upper(s: string): string {
  return s.normalize('NFC').toLocaleUpperCase('vi')
}

/**
 * The issuing body in bold; "ỦY BAN NHÂN DÂN TỈNH X" breaks after "ỦY BAN NHÂN DÂN", as provinces print it. As the
 * parent body it is shortened to "UBND TỈNH X" (NĐ 30 allows the common abbreviation) so it keeps to one line.
 */
export function issuerLines(issuer: Issuer): { parent: string | null; name: string } {
  return {
    parent: issuer.parent ? upper(issuer.parent).replace(/^ỦY BAN NHÂN DÂN (?=\S)/u, 'UBND ') : null,
    name: upper(issuer.name).replace(/^(ỦY BAN NHÂN DÂN) (?=\S)/u, '$1\n')
  }
}

/** Adds months to a calendar date; the day is clamped to the month's length (29/02 + 12 months → 28/02). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  const total = y * 12 + (m - 1) + months
  const ny = Math.floor(total / 12)
  const nm = (total % 12) + 1
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate()
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

/** Legal-basis lines end with ";" and the last with "." (NĐ 30). */
export function basisLines(lines: readonly string[]): string[] {
  return lines.map((l, i) => `${l.replace(/[;.,\s]+$/u, '')}${i === lines.length - 1 ? '.' : ';'}`)
}

/** Recipient list: "- X;" each, the last line "- Lưu: VT, …." */
export function recipientLines(list: readonly string[], archive: string): string[] {
  return [...list.map((r) => `- ${r.replace(/[;.\s]+$/u, '')};`), `- Lưu: ${archive}.`]
}

export function starsText(stars: number): string {
  return `${stars} sao`
}
