import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces'
import { expiryDate } from '../domain/certificate'
import { formatScore } from '../domain/star-band'
import { AppError } from '../shared/result'
import { addressOf, criteriaSetOf, recognised, refText } from './context'
import { A4, CONTENT_HEIGHT_LANDSCAPE, CONTENT_WIDTH_LANDSCAPE, FONT, MARGINS_LANDSCAPE, MM, QUOC_HIEU, TIEU_NGU, TIEU_NGU_WIDTH, docSymbol, placeDate, signatureLines, upper, vnDateWords } from './layout/decree30'
import { fitSize, wrapLines } from './layout/text-metrics'
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
const INNER = CONTENT_WIDTH_LANDSCAPE
/** pdfmake's line height for Tinos at lineHeight 1.1: (ascender − descender) / em × 1.1. */
const LINE = 1.22
/** Space for the signature and seal on the certificate (less than a letter's: the page is one page whatever comes). */
const CERT_SIGN_SPACE = 60

/**
 * Sizes of one certificate so it takes exactly one page: the product name shrinks (22 down to 13 pt, at most two
 * lines), the other lines shrink to fit their width, and the vertical gaps give way last. Heights are estimated with
 * the Tinos metrics (text-metrics.ts); the layout checker test renders long names to prove the page holds.
 */
export interface CertificateFit {
  name: number
  producer: number
  address: number
  code: number
  gap: number
}

export function certificateFit(t: { name: string; producer: string; address: string; code: string; decision: string }): CertificateFit {
  const name = fitSize(t.name, 'B', INNER - 20, 2, 22, 13)
  const producer = fitSize(t.producer, 'B', INNER, 1, 15, 11)
  const address = fitSize(t.address, 'R', INNER, 2, 14, 11)
  const code = fitSize(t.code, 'R', INNER, 1, 13, 10)
  const lines = (text: string, face: 'R' | 'B' | 'I', size: number, width: number) => wrapLines(text, face, size, width).length * size * LINE
  const fixed =
    (13 + 13 + 14 + 30 + 18 + 26) * LINE +
    26 /* stars */ +
    lines(t.name, 'B', name, INNER - 20) +
    lines(t.producer, 'B', producer, INNER) +
    lines(t.address, 'R', address, INNER) +
    lines(t.code, 'R', code, INNER) +
    lines(t.decision, 'I', 13, INNER - 80) +
    (13 + 14 * 3) * LINE +
    CERT_SIGN_SPACE
  // Gaps at full size add up to 70 pt (the margins below); they shrink together when the text needs the room.
  const spare = CONTENT_HEIGHT_LANDSCAPE - 8 - fixed
  return { name, producer, address, code, gap: Math.max(0, Math.min(1, spare / 70)) }
}

function star(cx: number, cy: number, outer: number): Record<string, unknown> {
  const points = Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? outer : outer * 0.4
    const a = -Math.PI / 2 + (i * Math.PI) / 5
    return { x: Math.round((cx + r * Math.cos(a)) * 100) / 100, y: Math.round((cy + r * Math.sin(a)) * 100) / 100 }
  })
  return { type: 'polyline', points, closePath: true, color: '#b8860b', lineColor: '#8a6508', lineWidth: 0.6 }
}

function stars(n: number, gap: number): Content {
  const size = 13
  const step = 34
  const start = INNER / 2 - ((n - 1) * step) / 2
  return { canvas: Array.from({ length: n }, (_, i) => star(start + i * step, size, size)), margin: [0, gap, 0, gap * 1.5] } as unknown as Content
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
  const line = (label: string, value: string, size: number, g: number): Content => ({ text: [{ text: `${label}: ` }, { text: value, bold: true }], fontSize: size, alignment: 'center', margin: [0, g, 0, g] })
  const sig = signatureLines(prov.committee.signer)
  const address = addressOf(input, p) || '—'
  const code = `Mã số sản phẩm: ${p.code || '—'}   ·   Bộ tiêu chí số ${String(set.no).padStart(2, '0')}: ${set.name}   ·   Điểm: ${p.mean === null ? '—' : formatScore(p.mean)}`
  const decision = `Theo ${refText(input, 'decision')} của Chủ tịch ${prov.committee.name}. Giấy chứng nhận có giá trị ${String(prov.validityMonths).padStart(2, '0')} tháng, đến ${vnDateWords(until)}.`
  const fit = certificateFit({ name: upper(p.name), producer: `Chủ thể: ${p.producer}`, address: `Địa chỉ: ${address}`, code, decision })
  const g = (pt: number) => Math.round(pt * fit.gap * 100) / 100
  return [
    ...(facts.number === null ? [{ text: 'DỰ THẢO', bold: true, fontSize: 12, alignment: 'left' } as Content] : []),
    { text: QUOC_HIEU, bold: true, fontSize: 13, alignment: 'center' },
    { text: TIEU_NGU, bold: true, fontSize: 13, alignment: 'center' },
    rule(INNER, TIEU_NGU_WIDTH),
    { text: upper(prov.committee.name), fontSize: 14, bold: true, alignment: 'center', margin: [0, g(10), 0, 0] },
    { text: 'GIẤY CHỨNG NHẬN', fontSize: 30, bold: true, alignment: 'center', color: '#1f4e3d', margin: [0, g(6), 0, 0] },
    { text: `SẢN PHẨM OCOP ĐẠT HẠNG ${p.stars} SAO`, fontSize: 18, bold: true, alignment: 'center', color: '#9b1c1c' },
    stars(p.stars, g(4)),
    { text: upper(p.name), fontSize: fit.name, bold: true, alignment: 'center', margin: [10, 0, 10, g(6)] },
    line('Chủ thể', p.producer, fit.producer, g(2)),
    line('Địa chỉ', address, fit.address, g(2)),
    { text: code, fontSize: fit.code, alignment: 'center', margin: [0, g(2), 0, g(2)] },
    { text: decision, italics: true, fontSize: 13, alignment: 'center', margin: [40, g(4), 40, g(6)] },
    {
      columns: [
        { width: '*', stack: facts.number === null ? [] : [{ text: `Số: ${facts.number}`, fontSize: 13, margin: [30, 40 + CERT_SIGN_SPACE, 0, 0] }] },
        { width: 300, stack: [{ text: placeDate(prov.placeName, facts.number === null ? null : facts.issuedOn), italics: true, fontSize: 13, alignment: 'center' }, ...signature({ heads: sig.heads, name: sig.name }, 1, CERT_SIGN_SPACE)] }
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
    pageMargins: [MARGINS_LANDSCAPE.left, MARGINS_LANDSCAPE.top, MARGINS_LANDSCAPE.right, MARGINS_LANDSCAPE.bottom],
    info: { title: 'Giấy chứng nhận sản phẩm OCOP', author: 'OCOP Council', creator: 'OCOP Council', producer: 'OCOP Council' },
    background: BORDER,
    defaultStyle: { font: FONT, fontSize: 14, lineHeight: 1.1 },
    content
  }
}
