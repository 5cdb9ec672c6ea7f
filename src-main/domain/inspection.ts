/**
 * Post-recognition inspection ("kiểm tra, giám sát sản phẩm OCOP", QĐ 26/2026 Điều 9): periodic and ad hoc
 * inspections of recognised products checking that the criteria are maintained as in the evaluated dossier
 * (Điều 9.3a) and how the OCOP mark, information and promotion are used (Điều 9.3b). Pure rules: which products a
 * yearly plan should take and why, what an inspection record must hold, and which follow-ups are overdue.
 */

import {
  INSPECTION_ITEM_CODES,
  INSPECTION_ITEMS,
  type FindingResult,
  type InspectionItem,
  type InspectionOutcome,
  type PlanReason
} from '../shared/inspection'

/** Lower bound of the band of each recognised star level (Điều 3.3). */
const BAND_MIN: Record<3 | 4 | 5, number> = { 3: 50, 4: 70, 5: 90 }

export interface PlanFacts {
  productId: number
  stars: 3 | 4 | 5
  /** The valid certificate's expiry (yyyy-mm-dd). */
  expiryDate: string
  /** The council's mean of the result behind the certificate; null for certificates recorded without a score. */
  mean: number | null
  lastInspectedOn: string | null
}

export interface PlanCandidate {
  productId: number
  reasons: PlanReason[]
}

/**
 * Products a yearly plan should take, with every computed reason that applies: a certificate expiring within the
 * year, a mean less than `nearMargin` points above the band's lower bound, or no inspection yet. Ordered by the
 * number of reasons, then the earliest expiry, then the product id (stable).
 */
export function proposePlan(facts: readonly PlanFacts[], year: number, nearMargin: number): PlanCandidate[] {
  const from = `${year}-01-01`
  const to = `${year}-12-31`
  return facts
    .map((f) => {
      const reasons: PlanReason[] = []
      if (f.expiryDate >= from && f.expiryDate <= to) reasons.push('expiring')
      if (f.mean !== null && f.mean - BAND_MIN[f.stars] < nearMargin) reasons.push('near-band')
      if (f.lastInspectedOn === null) reasons.push('never-inspected')
      return { fact: f, reasons }
    })
    .filter((c) => c.reasons.length > 0)
    .sort((a, b) => b.reasons.length - a.reasons.length || a.fact.expiryDate.localeCompare(b.fact.expiryDate) || a.fact.productId - b.fact.productId)
    .map((c) => ({ productId: c.fact.productId, reasons: c.reasons }))
}

export interface RecordInput {
  findings: ReadonlyArray<{ item: InspectionItem; result: FindingResult; note: string }>
  outcome: InspectionOutcome
  recommendation: string
  deadline: string | null
  inspectedOn: string
  revocationGround: string | null
}

/**
 * What makes an inspection record coherent, as Vietnamese messages keyed by field: every item checked once; a
 * failed or advised item says why; "no action" only when nothing failed; recommendations need their text and a
 * deadline after the inspection; a revocation proposal needs a failed item and a ground of Điều 8.
 */
export function recordProblems(r: RecordInput): Array<{ path: string; message: string }> {
  const out: Array<{ path: string; message: string }> = []
  const seen = new Set<string>()
  r.findings.forEach((f, i) => {
    if (seen.has(f.item)) out.push({ path: `findings.${i}.item`, message: `Nội dung "${INSPECTION_ITEMS[f.item]}" được ghi hai lần` })
    seen.add(f.item)
    if (f.result !== 'pass' && f.note.trim() === '') out.push({ path: `findings.${i}.note`, message: `Ghi rõ nội dung ${f.result === 'fail' ? 'không đạt' : 'khuyến nghị'}` })
  })
  for (const item of INSPECTION_ITEM_CODES) if (!seen.has(item)) out.push({ path: 'findings', message: `Chưa ghi kết quả kiểm tra: ${INSPECTION_ITEMS[item]}` })
  const failed = r.findings.some((f) => f.result === 'fail')
  if (r.outcome === 'no-action' && failed) out.push({ path: 'outcome', message: 'Có nội dung không đạt: phải có khuyến nghị khắc phục hoặc đề nghị thu hồi' })
  if (r.outcome === 'recommendations') {
    if (r.recommendation.trim() === '') out.push({ path: 'recommendation', message: 'Ghi nội dung khuyến nghị khắc phục' })
    if (r.deadline === null) out.push({ path: 'deadline', message: 'Ghi thời hạn khắc phục' })
    else if (r.deadline <= r.inspectedOn) out.push({ path: 'deadline', message: 'Thời hạn khắc phục phải sau ngày kiểm tra' })
  } else if (r.deadline !== null) out.push({ path: 'deadline', message: 'Chỉ ghi thời hạn khi có khuyến nghị khắc phục' })
  if (r.outcome === 'revocation-proposed') {
    if (!failed) out.push({ path: 'outcome', message: 'Chỉ đề nghị thu hồi khi có nội dung không đạt' })
    if (r.revocationGround === null) out.push({ path: 'revocationGround', message: 'Chọn căn cứ thu hồi theo khoản 1 Điều 8' })
  } else if (r.revocationGround !== null) out.push({ path: 'revocationGround', message: 'Chỉ chọn căn cứ thu hồi khi đề nghị thu hồi' })
  return out
}

export interface FollowUpFacts {
  id: number
  productId: number
  outcome: InspectionOutcome
  deadline: string | null
  /** Ids of later inspections recorded as follow-ups of this one. */
  followedUpBy: readonly number[]
}

/** Recommendations whose deadline has passed (strictly before `today`) with no follow-up inspection recorded. */
export function overdueFollowUps<T extends FollowUpFacts>(inspections: readonly T[], today: string): T[] {
  return inspections.filter((i) => i.outcome === 'recommendations' && i.deadline !== null && i.deadline < today && i.followedUpBy.length === 0)
}
