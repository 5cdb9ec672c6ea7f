import type { CouncilPayload } from '../shared/api/councils'
import type { ApiIssue } from '../shared/result'

export const ROLE_LABELS: Record<CouncilPayload['members'][number]['role'], string> = {
  chair: 'Chủ tịch',
  vice_chair: 'Phó Chủ tịch',
  member: 'Ủy viên',
  secretary: 'Thư ký'
}

/**
 * What a council needs before it may sit (QĐ 26/2026 Phụ lục II and the provincial Quy chế): one chair who leads
 * the meeting, a secretary who keeps the minutes, and enough scoring members to ever reach the quorum. A draft may
 * be incomplete; activation and revisions are checked with these rules.
 */
export function councilIssues(c: CouncilPayload): ApiIssue[] {
  const issues: ApiIssue[] = []
  const count = (role: string) => c.members.filter((m) => m.role === role).length
  const chairs = count('chair')
  if (chairs === 0) issues.push({ path: 'members', message: 'Hội đồng phải có một Chủ tịch' })
  if (chairs > 1) issues.push({ path: 'members', message: `Hội đồng chỉ có một Chủ tịch (đang có ${chairs})` })
  if (count('secretary') === 0) issues.push({ path: 'members', message: 'Hội đồng phải có ít nhất một Thư ký' })
  const scorers = scoringMembers(c)
  if (scorers < 3) issues.push({ path: 'members', message: `Hội đồng cần ít nhất 3 thành viên chấm điểm (đang có ${scorers})` })

  const seen = new Map<string, number>()
  c.members.forEach((m, i) => {
    const key = m.fullName.toLocaleLowerCase('vi')
    const first = seen.get(key)
    if (first !== undefined) issues.push({ path: `members.${i}.fullName`, message: `Trùng họ tên với thành viên dòng ${first + 1}` })
    else seen.set(key, i)
  })

  const leaders = c.advisory.filter((m) => m.role === 'leader').length
  if (c.advisory.length > 0 && leaders !== 1)
    issues.push({ path: 'advisory', message: leaders === 0 ? 'Tổ tư vấn phải có Tổ trưởng' : 'Tổ tư vấn chỉ có một Tổ trưởng' })

  if (c.decisionDate > c.periodFrom)
    issues.push({ path: 'periodFrom', message: 'Nhiệm kỳ không thể bắt đầu trước ngày ký quyết định thành lập' })
  return issues
}

/** Members whose sheets count: everyone but the secretary, unless the Quy chế lets the secretary score. */
export function scoringMembers(c: Pick<CouncilPayload, 'members' | 'quyChe'>): number {
  return c.members.filter((m) => m.role !== 'secretary' || c.quyChe.secretaryScores).length
}

/** Smallest attendance meeting the quorum fraction, e.g. 3/4 of 9 → 7 (rounded up: "ít nhất 3/4"). */
export function quorumCount(c: Pick<CouncilPayload, 'members' | 'quyChe'>): number {
  const { numerator, denominator } = c.quyChe.quorum
  return Math.ceil((c.members.length * numerator) / denominator)
}

/**
 * The canonical JSON of a version: keys in a fixed order so that the same council always hashes the same and a
 * stored snapshot can be re-verified against its SHA-256.
 */
export function canonicalSnapshot(councilId: number, versionNo: number, c: CouncilPayload): string {
  const person = (m: CouncilPayload['members'][number] | CouncilPayload['advisory'][number]) => ({
    role: m.role,
    fullName: m.fullName,
    gender: m.gender,
    organisation: m.organisation,
    jobTitle: m.jobTitle,
    phone: m.phone,
    email: m.email
  })
  return JSON.stringify({
    councilId,
    versionNo,
    council: {
      ...councilHeader(c),
      members: c.members.map(person),
      advisory: c.advisory.map(person),
      quyChe: {
        quorum: { numerator: c.quyChe.quorum.numerator, denominator: c.quyChe.quorum.denominator },
        chairMustAttend: c.quyChe.chairMustAttend,
        secretaryScores: c.quyChe.secretaryScores,
        spreadLimit: c.quyChe.spreadLimit,
        markerPolicy: c.quyChe.markerPolicy,
        boundaryMargin: c.quyChe.boundaryMargin
      }
    }
  })
}

/** The establishing decision's fields, in the canonical order. */
export function councilHeader(c: CouncilPayload) {
  return {
    name: c.name,
    periodFrom: c.periodFrom,
    periodTo: c.periodTo,
    decisionNo: c.decisionNo,
    decisionDate: c.decisionDate,
    signerName: c.signerName,
    signerTitle: c.signerTitle,
    quyCheDecisionNo: c.quyCheDecisionNo,
    quyCheDecisionDate: c.quyCheDecisionDate
  }
}

/** True when two payloads would freeze to the same snapshot (a revision without changes is refused). */
export function samePayload(a: CouncilPayload, b: CouncilPayload): boolean {
  return canonicalSnapshot(0, 0, a) === canonicalSnapshot(0, 0, b)
}
