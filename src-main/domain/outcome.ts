import { criterionLabel } from './criterion-label'
import type { CouncilKnockout } from './knockouts'
import { formatScore, type Stars } from './star-band'
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

export interface StarDecision {
  stars: 0 | Stars
  outcome: Outcome
  reasons: Reason[]
}

const reason = (kind: ReasonKind, message: string, criterionCode: string | null = null): Reason => ({ kind, message, criterionCode })

export function decideStars(mean: number, band: Stars, levels: readonly MarkerLevelCheck[], knockouts: readonly CouncilKnockout[]): StarDecision {
  const reasons: Reason[] = [reason('band', `Điểm trung bình ${formatScore(mean)} thuộc khoảng ${bandText(band)} (Điều 3.3)`)]
  const applied = knockouts.filter((k) => k.status === 'applies')
  if (applied.length > 0) {
    for (const k of applied) {
      const where = k.criterionCode === null ? 'Hồ sơ' : `Tiêu chí ${k.criterionCode}`
      reasons.push(reason('knockout', `${where}: ${k.kind === 'reject' ? 'sản phẩm bị loại' : 'không đánh giá các bước tiếp theo'} — ${k.text}`, k.criterionCode))
    }
    const outcome: Outcome = applied.some((k) => k.kind === 'reject') ? 'disqualified' : 'evaluation-stopped'
    reasons.push(reason('outcome', 'Sản phẩm không được xếp hạng sao'))
    return { stars: 0, outcome, reasons }
  }

  const cap = highestLevelMet(levels)
  // highestLevelMet is at least 2, so 1★ and 2★ bands are never affected by markers (they have none).
  const stars = Math.min(band, cap) as Stars
  if (stars < band) {
    // The level just above the final stars is the one whose minimums stopped the product.
    const blocking = levels.find((l) => l.level === stars + 1)
    for (const c of blocking?.criteria ?? []) {
      if (c.status === 'met') continue
      const state = c.status === 'needs-agreement' ? 'chờ Hội đồng thống nhất phương án' : `chưa đạt, cần ít nhất ${c.requiredPoints} điểm`
      reasons.push(reason('marker', `Yêu cầu tối thiểu ${stars + 1} sao, ${criterionLabel({ code: c.criterionCode, text: c.criterionText })}: ${state}`, c.criterionCode))
    }
    reasons.push(reason('marker', `Xếp hạng ${stars} sao: thấp hơn khoảng điểm vì chưa đạt đủ yêu cầu tối thiểu ${stars + 1} sao`))
  } else if (stars >= 3) reasons.push(reason('marker', `Đạt đủ các yêu cầu tối thiểu (dấu sao) của hạng ${stars} sao`))
  const outcome: Outcome = stars >= 5 ? 'proposed-5-star' : stars >= 3 ? 'recognised-by-province' : 'none'
  reasons.push(reason('outcome', OUTCOME_TEXT[outcome]))
  return { stars, outcome, reasons }
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
