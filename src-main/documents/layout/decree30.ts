import type { Issuer, Signer } from '../model'

/**
 * Formatting rules of Decree 30/2020/NĐ-CP (Phụ lục I) shared by every document: page, sizes, the number line, the
 * place-and-date line and the signature block. Layout values are in PDF points (1 mm = 72 / 25.4 pt).
 */
export const MM = 72 / 25.4
export const A4 = { width: 595.28, height: 841.89 }

/** Top/bottom 20 mm, left 30 mm, right 15 mm: inside NĐ 30's ranges (20–25, 30–35, 15–20). */
export const MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM }
/** Landscape pages keep the binding edge on the left; top/bottom become the short sides. */
export const MARGINS_LANDSCAPE = { top: 20 * MM, bottom: 15 * MM, left: 25 * MM, right: 15 * MM }

export const CONTENT_WIDTH = A4.width - MARGINS.left - MARGINS.right
export const CONTENT_WIDTH_LANDSCAPE = A4.height - MARGINS_LANDSCAPE.left - MARGINS_LANDSCAPE.right

export const FONT = 'Tinos'
export const SIZE = {
  body: 14,
  quocHieu: 12,
  tieuNgu: 13,
  agency: 12,
  number: 13,
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
export const TIEU_NGU_WIDTH = 158.9

/** Left header column (the bodies) and right column (quốc hiệu) of the portrait header. */
export const HEADER_LEFT = 215
export const HEADER_RIGHT = CONTENT_WIDTH - HEADER_LEFT
/** The rule under the issuing body and the trích yếu: about 1/3 of the line. */
export const SHORT_RULE = 70

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
