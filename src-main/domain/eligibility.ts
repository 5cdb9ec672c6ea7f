import type { QuyChe } from './quy-che'
import type { CouncilMember } from './rate-input'

/**
 * Eligible members of a product (DOMAIN.md §5.1, §5.2): present at the meeting, not recused for this product, and in
 * a scoring role. Only their sheets enter the mean and the marker checks.
 */
export interface Eligibility {
  eligible: boolean
  /** Why the member's sheet does not count; empty when eligible. */
  reasons: string[]
}

/** Quy chế setting `secretaryScores`: the secretary scores only if the province's rules say so (default: no). */
export function isScoringRole(role: CouncilMember['role'], quyChe: QuyChe): boolean {
  return role !== 'Thư ký' || quyChe.secretaryScores
}

export function memberEligibility(member: CouncilMember, present: ReadonlySet<string>, recusals: ReadonlyMap<string, string | undefined>, quyChe: QuyChe): Eligibility {
  const reasons: string[] = []
  if (!present.has(member.id)) reasons.push('Vắng mặt tại phiên họp')
  if (recusals.has(member.id)) {
    const why = recusals.get(member.id)
    reasons.push(why ? `Không tham gia chấm sản phẩm này (xung đột lợi ích): ${why}` : 'Không tham gia chấm sản phẩm này (xung đột lợi ích)')
  }
  if (!isScoringRole(member.role, quyChe)) reasons.push('Thư ký Hội đồng không chấm điểm theo Quy chế')
  return { eligible: reasons.length === 0, reasons }
}
