import type { QuyChe } from './quy-che'
import type { CouncilMember } from './rate-input'

/**
 * Quorum of the council meeting (Quy chế settings `quorum`, `chairMustAttend`; QĐ 26/2026 is silent, Tây Ninh's rules
 * say "ít nhất 75% (3/4) số thành viên tham dự, trong đó phải có Chủ tịch Hội đồng"). Counted on attendance of the
 * whole council, secretary included, because quorum is a property of the meeting, not of one product.
 */
export interface QuorumCheck {
  holds: boolean
  present: number
  total: number
  /** Smallest attendance that meets the fraction. */
  required: number
  chairPresent: boolean
  reasons: string[]
}

export function checkQuorum(members: readonly CouncilMember[], present: ReadonlySet<string>, quyChe: QuyChe): QuorumCheck {
  const total = members.length
  const attending = members.filter((m) => present.has(m.id)).length
  const { numerator, denominator } = quyChe.quorum
  // Integer arithmetic: present/total ≥ n/d ⇔ present·d ≥ n·total, with no float rounding.
  const required = Math.ceil((numerator * total) / denominator)
  const chairs = members.filter((m) => m.role === 'Chủ tịch')
  const chairPresent = chairs.some((m) => present.has(m.id))
  const reasons: string[] = []
  if (attending * denominator < numerator * total)
    reasons.push(`Không đủ túc số: có mặt ${attending}/${total} thành viên, Quy chế yêu cầu ít nhất ${numerator}/${denominator} (${required} thành viên)`)
  if (quyChe.chairMustAttend && !chairPresent)
    reasons.push(chairs.length === 0 ? 'Hội đồng không có Chủ tịch, Quy chế yêu cầu Chủ tịch Hội đồng có mặt' : 'Chủ tịch Hội đồng vắng mặt, Quy chế yêu cầu Chủ tịch có mặt')
  return { holds: reasons.length === 0, present: attending, total, required, chairPresent, reasons }
}
