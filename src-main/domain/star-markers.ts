import { leafCriteria, type CriteriaSet, type StarLevel } from '../shared/criteria'
import type { MarkerPolicy } from './quy-che'
import type { AgreedOption } from './rate-input'
import type { ScoredSheet } from './sheet'

/**
 * Star-marker minimums (QĐ 26/2026 Phụ lục II, note under every sheet: "Dấu sao là yêu cầu tối thiểu phải đạt theo
 * các cấp độ sao"). For level N every criterion with a requirement for N must be met; the data's `minPointsForStar`
 * is already cumulative, so level 4 includes every *** minimum. How members' answers combine is the Quy chế setting
 * `markerPolicy`, because the decision does not say (DOMAIN.md §3.3).
 */
export type MarkerStatus = 'met' | 'not-met' | 'needs-agreement'

export interface CriterionMarkerCheck {
  criterionCode: string
  criterionText: string
  requiredPoints: number
  status: MarkerStatus
  /** Eligible members whose answer reaches the required points, out of `members`. */
  membersMeeting: number
  members: number
  /** Members whose own answer falls short, by id (shown even when the council result meets the minimum). */
  membersShort: string[]
  /** Set when the council's recorded agreed option decided the criterion (policy `agreed`). */
  agreedOptionId: string | null
}

export interface MarkerLevelCheck {
  level: StarLevel
  status: MarkerStatus
  /** Codes of the criteria not met at this level. */
  failing: string[]
  /** Codes of the criteria waiting for an agreed option. */
  pending: string[]
  criteria: CriterionMarkerCheck[]
}

export const STAR_LEVELS: readonly StarLevel[] = [3, 4, 5]

export function checkStarMarkers(set: CriteriaSet, sheets: readonly ScoredSheet[], policy: MarkerPolicy, agreed: readonly AgreedOption[]): MarkerLevelCheck[] {
  const leaves = leafCriteria(set).map((l) => l.criterion)
  const optionPoints = new Map(leaves.flatMap((c) => c.options.map((o) => [o.id, o.points] as const)))
  const answers = sheets.map((s) => ({ memberId: s.memberId, byCode: new Map(s.answers.map((a) => [a.criterionCode, a])) }))
  return STAR_LEVELS.map((level) => {
    const criteria: CriterionMarkerCheck[] = []
    for (const c of leaves) {
      const required = c.minPointsForStar?.[level]
      if (required === undefined) continue
      // A criterion marked not applicable ("Chỉ áp dụng khi …") carries no requirement for that member.
      const reached = answers.map((a) => {
        const answer = a.byCode.get(c.code)
        return { memberId: a.memberId, points: answer?.points ?? 0, meets: answer?.status === 'not-applicable' || (answer?.points ?? 0) >= required }
      })
      const meeting = reached.filter((r) => r.meets).length
      const agreedOption = agreed.find((a) => a.criterionCode === c.code)
      let status: MarkerStatus
      let agreedOptionId: string | null = null
      if (policy === 'majority') status = meetsByMajority(meeting, reached.length)
      else if (policy === 'mean-points') status = meetsByMeanPoints(reached.map((r) => r.points), required)
      else if (meeting === reached.length) status = 'met'
      else if (meeting === 0) status = 'not-met'
      else if (agreedOption) {
        agreedOptionId = agreedOption.optionId
        status = (optionPoints.get(agreedOption.optionId) ?? 0) >= required ? 'met' : 'not-met'
      } else status = 'needs-agreement'
      criteria.push({
        criterionCode: c.code,
        criterionText: c.text,
        requiredPoints: required,
        status,
        membersMeeting: meeting,
        members: reached.length,
        membersShort: reached.filter((r) => !r.meets).map((r) => r.memberId).sort(),
        agreedOptionId
      })
    }
    const failing = criteria.filter((c) => c.status === 'not-met').map((c) => c.criterionCode)
    const pending = criteria.filter((c) => c.status === 'needs-agreement').map((c) => c.criterionCode)
    const status: MarkerStatus = failing.length > 0 ? 'not-met' : pending.length > 0 ? 'needs-agreement' : 'met'
    return { level, status, failing, pending, criteria }
  })
}

/** Policy `majority`: met when more than half of the eligible members' answers reach it (a tie is not a majority). */
function meetsByMajority(meeting: number, members: number): MarkerStatus {
  return meeting * 2 > members ? 'met' : 'not-met'
}

/** Policy `mean-points`: met when the members' mean points on the criterion reach it; integer comparison, no rounding. */
function meetsByMeanPoints(points: readonly number[], required: number): MarkerStatus {
  const sum = points.reduce((s, p) => s + p, 0)
  return points.length > 0 && sum >= required * points.length ? 'met' : 'not-met'
}

/** Highest star level whose minimums (and all lower levels' minimums) are met; 2 when even *** is not met. */
export function highestLevelMet(levels: ReadonlyArray<Pick<MarkerLevelCheck, 'level' | 'status'>>): 2 | StarLevel {
  let best: 2 | StarLevel = 2
  for (const l of [...levels].sort((a, b) => a.level - b.level)) {
    if (l.status !== 'met') break
    best = l.level
  }
  return best
}
