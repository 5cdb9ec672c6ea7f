import { formatScore } from '../domain/star-band'
import { addressOf, criteriaSetOf, meanText } from './context'
import type { Block } from './layout/ast'
import type { DocProduct, DocumentInput } from './model'
import { keepNumbers } from './wording'
import { formatDay } from '../shared/vn-format'

/** Wording and tables about product results shared by minutes, report, submission, decisions and notices. */
export const OUTCOME_WORDS: Record<NonNullable<DocProduct['outcome']>, string> = {
  none: 'Không đủ điều kiện công nhận (dưới 3 sao)',
  'recognised-by-province': 'Đề nghị công nhận',
  'proposed-5-star': 'Đề xuất đánh giá 5 sao',
  disqualified: 'Bị loại',
  'evaluation-stopped': 'Dừng đánh giá'
}

/** A product of 90 points or more is only proposed for 5★ (the Ministry recognises it): never printed as "5 sao". */
export const starsWord = (p: DocProduct) =>
  p.stars === null ? 'Chưa xác định' : p.stars === 0 ? 'Không xếp hạng' : p.outcome === 'proposed-5-star' ? 'Đề xuất 5 sao' : `${p.stars} sao`

/** The outcome in words; once the recognition decision is issued, a recognised product "Được công nhận". */
export function outcomeWord(p: DocProduct, decided: boolean): string {
  if (!p.outcome) return 'Chưa có kết quả'
  if (decided && p.outcome === 'recognised-by-province') return `Được công nhận ${p.stars} sao`
  return OUTCOME_WORDS[p.outcome]
}

export function resultsTable(input: DocumentInput, products: readonly DocProduct[], decided = false): Block {
  return {
    kind: 'table',
    widths: [7, 30, 28, 9, 11, 10, 22],
    header: ['STT', 'Tên sản phẩm', 'Tên chủ thể', 'Bộ tiêu chí', 'Điểm trung bình', 'Hạng sao', 'Kết quả'],
    rows: products.map((p, i) => [
      String(i + 1),
      p.name,
      p.producer,
      String(criteriaSetOf(input, p).no).padStart(2, '0'),
      meanText(p, formatScore),
      starsWord(p),
      outcomeWord(p, decided)
    ]),
    align: ['center', 'left', 'left', 'center', 'center', 'center', 'left'],
    size: 12
  }
}

/** The annex list of a decision (DOMAIN.md §6.3): STT, product, producer, address, group, set, code, mean, stars. */
export function annexTable(input: DocumentInput, products: readonly DocProduct[]): Block {
  return {
    kind: 'table',
    widths: [5, 22, 22, 23, 14, 8, 20, 9, 8],
    header: ['STT', 'Tên sản phẩm', 'Tên chủ thể', 'Địa chỉ', 'Nhóm sản phẩm', 'Bộ tiêu chí số', 'Mã số sản phẩm', 'Điểm trung bình', 'Hạng sao'],
    rows: products.map((p, i) => {
      const set = criteriaSetOf(input, p)
      return [String(i + 1), p.name, p.producer, addressOf(input, p), set.subgroup ?? set.group, String(set.no).padStart(2, '0'), p.code, meanText(p, formatScore), starsWord(p)]
    }),
    align: ['center', 'left', 'left', 'left', 'left', 'center', 'center', 'center', 'center'],
    size: 11
  }
}

/** Highest stars first, then the session's order: how provinces print their annexes. */
export const byStars = (ps: readonly DocProduct[]) => [...ps].map((p, i) => ({ p, i })).sort((a, b) => (b.p.stars ?? 0) - (a.p.stars ?? 0) || a.i - b.i).map((x) => x.p)

export function countByStars(ps: readonly DocProduct[]): string {
  const parts: string[] = []
  for (const s of [5, 4, 3]) {
    const n = ps.filter((p) => p.stars === s).length
    if (n > 0) parts.push(`${String(n).padStart(2, '0')} sản phẩm đạt ${s} sao`)
  }
  return parts.join(', ')
}


/** The certificate a product held before, as printed: number, issue day (or only the year), validity. */
function previousCertificate(c: NonNullable<NonNullable<DocProduct['previous']>['certificate']>): string {
  return keepNumbers(`Giấy chứng nhận số ${c.number} ${c.issuedOn ? `ngày ${formatDay(c.issuedOn)}` : `năm ${c.year}`}, hiệu lực đến ngày ${formatDay(c.expiryDate)}`)
}

const previousStars = (stars: number | null) => (stars === null ? 'chưa xác định hạng sao' : stars === 0 ? 'không xếp hạng' : `${stars} sao`)

/**
 * "Kết quả đánh giá trước" of a product that comes back (re-evaluation, upgrade), as one clause for the minutes:
 * the earlier session's stars and mean with the certificate held; for a certificate recorded from before the app,
 * stars and certificate only ("không có điểm chấm"). Null for a product evaluated for the first time.
 */
export function previousText(p: DocProduct): string | null {
  const v = p.previous
  if (!v) return null
  const cert = v.certificate ? previousCertificate(v.certificate) : null
  if (v.sessionDate === null) return `${previousStars(v.stars)} theo ${cert ?? 'giấy chứng nhận đã cấp'} (không có điểm chấm)`
  const mean = v.mean === null ? 'chưa đủ điều kiện tính điểm' : `điểm trung bình ${formatScore(v.mean)} điểm`
  return `phiên họp ngày ${formatDay(v.sessionDate)}, ${previousStars(v.stars)}, ${mean}${cert ? `; ${cert}` : ''}`
}

/** The report's table of previous results, for the products of the session that come back; null when none does. */
export function previousTable(products: readonly DocProduct[]): Block | null {
  const back = products.filter((p) => p.previous !== null)
  if (back.length === 0) return null
  return {
    kind: 'table',
    widths: [7, 30, 14, 14, 12, 40],
    header: ['STT', 'Tên sản phẩm', 'Hình thức', 'Hạng sao trước', 'Điểm trung bình trước', 'Giấy chứng nhận'],
    rows: back.map((p, i) => {
      const v = p.previous!
      return [
        String(i + 1),
        p.name,
        p.registration,
        v.stars === null ? 'Chưa xác định' : v.stars === 0 ? 'Không xếp hạng' : `${v.stars} sao`,
        v.sessionDate === null ? 'Không có điểm chấm' : v.mean === null ? 'Chưa đủ điều kiện tính điểm' : formatScore(v.mean),
        v.certificate ? previousCertificate(v.certificate) : 'Chưa được cấp'
      ]
    }),
    align: ['center', 'left', 'left', 'center', 'center', 'left'],
    size: 12
  }
}
