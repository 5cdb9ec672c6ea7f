import { criterionLabel } from './criterion-label'
import type { CouncilKnockout } from './knockouts'
import { formatScore, type Stars } from './star-band'
import type { StarLevel } from '../shared/criteria'
import { highestLevelMet, type MarkerLevelCheck } from './star-markers'

/**
 * Final stars and what follows from them (QĐ 26/2026 Điều 3.3, Điều 4.1): stars = min(band, highest level whose
 * star-marker minimums are all met); a product disqualified or stopped by a knockout gets no stars. 1★ and 2★ get no
 * decision and no certificate; the province recognises 3★ and 4★; a 5★ product is proposed to the Ministry of
 * Agriculture and Environment, which alone recognises 5★.
 */
export type Outcome = 'none' | 'recognised-by-province' | 'proposed-5-star' | 'disqualified' | 'evaluation-stopped'

export type ReasonKind = 'band' | 'marker' | 'knockout' | 'outcome' | 'quorum' | 'round' | 'spread' | 'agreement' | 'decision'

export interface Reason {
  kind: ReasonKind
  message: string
  criterionCode: string | null
}

const reason = (kind: ReasonKind, message: string, criterionCode: string | null = null): Reason => ({ kind, message, criterionCode })

export interface StarDecision {
  /**
   * null: undetermined — the council still has to decide a point that decides the stars (an agreed option at the
   * level that caps the stars, or a knockout flagged by only some members). Never a provisional figure.
   */
  stars: 0 | Stars | null
  /** null while the stars are undetermined. */
  outcome: Outcome | null
  /** Only while undetermined: the stars with every open point set aside ("tạm tính"; never recorded as the result). */
  provisionalStars: 0 | Stars | null
  reasons: Reason[]
}

/** The open point that leaves the stars undetermined, if any. */
export type OpenPoint = 'agreement' | 'decision' | null

export interface StarsFrom {
  /** The stars once every open point is set aside (the final stars when `open` is null). */
  stars: 0 | Stars
  open: OpenPoint
  /** The level whose minimums stopped the product below its band; null when the band is reached or knocked out. */
  blockingLevel: StarLevel | null
}

/**
 * The one rule turning band, marker levels and knockouts into stars, shared by the result and by leave-one-out (which
 * feeds it counts, not sheets): a knockout that applies → 0 (determined); else a knockout waiting for the council's
 * decision leaves the stars open; else stars = min(band, highest level met), open when the level just above them
 * waits for an agreed option (the agreed option decides whether the product reaches it).
 */
export function starsFrom(band: Stars, levels: ReadonlyArray<Pick<MarkerLevelCheck, 'level' | 'status'>>, knockouts: ReadonlyArray<Pick<CouncilKnockout, 'status'>>): StarsFrom {
  if (knockouts.some((k) => k.status === 'applies')) return { stars: 0, open: null, blockingLevel: null }
  // highestLevelMet is at least 2, so 1★ and 2★ bands are never affected by markers (they have none).
  const stars = Math.min(band, highestLevelMet(levels)) as Stars
  const blockingLevel = stars < band ? ((stars + 1) as StarLevel) : null
  const blocking = blockingLevel === null ? undefined : levels.find((l) => l.level === blockingLevel)
  const open: OpenPoint = knockouts.some((k) => k.status === 'needs-decision') ? 'decision' : blocking?.status === 'needs-agreement' ? 'agreement' : null
  return { stars, open, blockingLevel }
}

export function decideStars(mean: number, band: Stars, levels: readonly MarkerLevelCheck[], knockouts: readonly CouncilKnockout[]): StarDecision {
  const reasons: Reason[] = [reason('band', `Điểm trung bình ${formatScore(mean)} thuộc khoảng ${bandText(band)} (Điều 3.3)`)]
  const { stars, open, blockingLevel } = starsFrom(band, levels, knockouts)
  if (stars === 0) {
    for (const k of knockouts.filter((x) => x.status === 'applies')) {
      const where = k.criterionCode === null ? 'Hồ sơ' : `Tiêu chí ${k.criterionCode}`
      reasons.push(reason('knockout', `${where}: ${k.kind === 'reject' ? 'sản phẩm bị loại' : 'không đánh giá các bước tiếp theo'} — ${k.text}`, k.criterionCode))
    }
    const outcome: Outcome = knockouts.some((k) => k.status === 'applies' && k.kind === 'reject') ? 'disqualified' : 'evaluation-stopped'
    reasons.push(reason('outcome', 'Sản phẩm không được xếp hạng sao'))
    return { stars: 0, outcome, provisionalStars: null, reasons }
  }

  if (blockingLevel !== null) {
    // The level just above the stars is the one whose minimums stopped the product (or may stop it).
    const blocking = levels.find((l) => l.level === blockingLevel)
    for (const c of blocking?.criteria ?? []) {
      if (c.status === 'met') continue
      const state = c.status === 'needs-agreement' ? 'chờ Hội đồng thống nhất phương án' : `chưa đạt, cần ít nhất ${c.requiredPoints} điểm`
      reasons.push(reason('marker', `Yêu cầu tối thiểu ${blockingLevel} sao, ${criterionLabel({ code: c.criterionCode, text: c.criterionText })}: ${state}`, c.criterionCode))
    }
    if (open === 'agreement') reasons.push(reason('marker', `Chưa xác định được có đạt yêu cầu tối thiểu ${blockingLevel} sao hay không: chờ Hội đồng thống nhất phương án`))
    else reasons.push(reason('marker', `Xếp hạng ${stars} sao: thấp hơn khoảng điểm vì chưa đạt đủ yêu cầu tối thiểu ${blockingLevel} sao`))
  } else if (stars >= 3) reasons.push(reason('marker', `Đạt đủ các yêu cầu tối thiểu (dấu sao) của hạng ${stars} sao`))

  if (open !== null) {
    const what = open === 'agreement' ? 'thống nhất phương án ở tiêu chí có dấu sao' : 'quyết định về quy định loại hoặc dừng đánh giá'
    reasons.push(reason('outcome', `Chưa xác định hạng sao: Hội đồng cần ${what}; tạm tính ${stars} sao, chưa phải kết quả`))
    return { stars: null, outcome: null, provisionalStars: stars, reasons }
  }
  const outcome: Outcome = stars >= 5 ? 'proposed-5-star' : stars >= 3 ? 'recognised-by-province' : 'none'
  reasons.push(reason('outcome', OUTCOME_TEXT[outcome]))
  return { stars, outcome, provisionalStars: null, reasons }
}

export const OUTCOME_TEXT: Record<Outcome, string> = {
  none: 'Sản phẩm dưới 3 sao: không có quyết định công nhận, không cấp giấy chứng nhận (Điều 4.1)',
  'recognised-by-province': 'Chủ tịch UBND tỉnh quyết định công nhận, cấp giấy chứng nhận (Điều 4.1)',
  'proposed-5-star': 'Đạt từ 90 điểm và đủ yêu cầu tối thiểu 5 sao: đề xuất Bộ Nông nghiệp và Môi trường đánh giá, công nhận 5 sao; tỉnh không công nhận 5 sao (Điều 4.1)',
  disqualified: 'Sản phẩm bị loại',
  'evaluation-stopped': 'Không đánh giá các bước tiếp theo'
}

function bandText(band: Stars): string {
  const ranges: Record<Stars, string> = { 5: 'từ 90 điểm trở lên', 4: 'từ 70 đến dưới 90 điểm', 3: 'từ 50 đến dưới 70 điểm', 2: 'từ 30 đến dưới 50 điểm', 1: 'dưới 30 điểm' }
  return `${band} sao (${ranges[band]})`
}
