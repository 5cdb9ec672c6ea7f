import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces'
import { expiryDate } from '../domain/certificate'
import { formatScore } from '../domain/star-band'
import { AppError } from '../shared/result'
import { addressOf, criteriaSetOf, recognised, refText } from './context'
import { A4, FONT, MM, QUOC_HIEU, TIEU_NGU, TIEU_NGU_WIDTH, docSymbol, placeDate, signatureLines, upper, vnDateWords } from './layout/decree30'
import { rule, signature } from './layout/to-pdfmake'
import type { DocProduct, DocumentInput } from './model'
import { byStars } from './results'

/**
 * Giấy chứng nhận kết quả phân hạng sản phẩm OCOP (DOMAIN.md §6.2; no national template): one landscape page per
 * recognised product, a sober double border, the stars drawn as vectors (Tinos has no ★), certificate number,
 * decision number and date, valid for the province's validity months from the decision date.
 */
const W = A4.height
const H = A4.width
const INNER = W - 2 * 28 * MM

function star(cx: number, cy: number, outer: number): Record<string, unknown> {
  const points = Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? outer : outer * 0.4
    const a = -Math.PI / 2 + (i * Math.PI) / 5
    return { x: Math.round((cx + r * Math.cos(a)) * 100) / 100, y: Math.round((cy + r * Math.sin(a)) * 100) / 100 }
  })
  return { type: 'polyline', points, closePath: true, color: '#b8860b', lineColor: '#8a6508', lineWidth: 0.6 }
}

function stars(n: number): Content {
  const size = 13
  const gap = 34
  const start = INNER / 2 - ((n - 1) * gap) / 2
  return { canvas: Array.from({ length: n }, (_, i) => star(start + i * gap, size, size)), margin: [0, 4, 0, 6] } as unknown as Content
}

const BORDER: Content = {
  canvas: [
    { type: 'rect', x: 12 * MM, y: 12 * MM, w: W - 24 * MM, h: H - 24 * MM, lineWidth: 2.2, lineColor: '#1f4e3d' },
    { type: 'rect', x: 15 * MM, y: 15 * MM, w: W - 30 * MM, h: H - 30 * MM, lineWidth: 0.7, lineColor: '#1f4e3d' }
  ]
} as unknown as Content

/**
 * The number, issue and expiry dates printed on a certificate: the register's record of this product's certificate
 * (certificates table) when the session assembler found one; the fixture numbers its list on from `certificate.number`;
 * otherwise a draft without number. The expiry is the one rule of domain/certificate.ts (docs/RULES.md).
 */
function certificateFacts(input: DocumentInput, p: DocProduct, legacyNumber: number | null): { number: string | null; issuedOn: string; until: string } {
  if (p.certificate) return { number: p.certificate.number, issuedOn: p.certificate.issuedOn, until: p.certificate.expiryDate }
  const [abbr, ...rest] = input.province.certificateSymbol.split('-')
  const issuedOn = input.certificate.date
  return { number: legacyNumber === null ? null : docSymbol(legacyNumber, abbr!, rest.join('-')), issuedOn, until: expiryDate(issuedOn, input.province.validityMonths) }
}

function certificatePage(input: DocumentInput, p: DocProduct, legacyNumber: number | null): Content[] {
  const prov = input.province
  if (p.stars === null || p.stars < 3) throw new AppError('VALIDATION', `Sản phẩm "${p.name}" chưa được công nhận từ 3 sao, không cấp giấy chứng nhận`)
  const set = criteriaSetOf(input, p)
  const facts = certificateFacts(input, p, legacyNumber)
  const until = facts.until
  const line = (label: string, value: string, size = 15): Content => ({ text: [{ text: `${label}: ` }, { text: value, bold: true }], fontSize: size, alignment: 'center', margin: [0, 2, 0, 2] })
  const sig = signatureLines(prov.committee.signer)
  return [
    ...(facts.number === null ? [{ text: 'DỰ THẢO', bold: true, fontSize: 12, alignment: 'left' } as Content] : []),
    { text: QUOC_HIEU, bold: true, fontSize: 13, alignment: 'center' },
    { text: TIEU_NGU, bold: true, fontSize: 13, alignment: 'center' },
    rule(INNER, TIEU_NGU_WIDTH),
    { text: upper(prov.committee.name), fontSize: 14, bold: true, alignment: 'center', margin: [0, 12, 0, 0] },
    { text: 'GIẤY CHỨNG NHẬN', fontSize: 30, bold: true, alignment: 'center', color: '#1f4e3d', margin: [0, 8, 0, 0] },
    { text: `SẢN PHẨM OCOP ĐẠT HẠNG ${p.stars} SAO`, fontSize: 18, bold: true, alignment: 'center', color: '#9b1c1c' },
    stars(p.stars),
    { text: upper(p.name), fontSize: 22, bold: true, alignment: 'center', margin: [0, 0, 0, 6] },
    line('Chủ thể', p.producer),
    line('Địa chỉ', addressOf(input, p) || '—', 14),
    { text: `Mã số sản phẩm: ${p.code || '—'}   ·   Bộ tiêu chí số ${String(set.no).padStart(2, '0')}: ${set.name}   ·   Điểm: ${p.mean === null ? '—' : formatScore(p.mean)}`, fontSize: 13, alignment: 'center', margin: [0, 2, 0, 2] },
    {
      text: `Theo ${refText(input, 'decision')} của Chủ tịch ${prov.committee.name}. Giấy chứng nhận có giá trị ${String(prov.validityMonths).padStart(2, '0')} tháng, đến ${vnDateWords(until)}.`,
      italics: true,
      fontSize: 13,
      alignment: 'center',
      margin: [40, 4, 40, 8]
    },
    {
      columns: [
        { width: '*', stack: facts.number === null ? [] : [{ text: `Số: ${facts.number}`, fontSize: 13, margin: [30, 70, 0, 0] }] },
        { width: 300, stack: [{ text: placeDate(prov.placeName, facts.number === null ? null : facts.issuedOn), italics: true, fontSize: 13, alignment: 'center' }, ...signature({ heads: sig.heads, name: sig.name })] }
      ],
      unbreakable: true
    }
  ]
}

/** Certificates of every recognised product (annex order), each with its registered number; or one product's. */
export function buildCertificates(input: DocumentInput, productId?: string): TDocumentDefinitions {
  const list = byStars(recognised(input))
  const chosen = productId ? list.filter((p) => p.id === productId) : list
  if (chosen.length === 0) throw new AppError('VALIDATION', productId ? 'Sản phẩm này không thuộc danh sách được công nhận 3 sao, 4 sao' : 'Không có sản phẩm nào được công nhận để cấp giấy chứng nhận')
  const first = input.certificate.number
  const content: Content[] = []
  chosen.forEach((p, i) => {
    const n = first === null ? null : first + list.indexOf(p)
    if (i > 0) content.push({ text: '', pageBreak: 'before' })
    content.push(...certificatePage(input, p, n))
  })
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [28 * MM, 22 * MM, 28 * MM, 18 * MM],
    info: { title: 'Giấy chứng nhận sản phẩm OCOP', author: 'OCOP Council', creator: 'OCOP Council', producer: 'OCOP Council' },
    background: BORDER,
    defaultStyle: { font: FONT, fontSize: 14, lineHeight: 1.1 },
    content
  }
}
