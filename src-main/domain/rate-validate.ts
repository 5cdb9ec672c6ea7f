import { leafCriteria, type CriteriaSet } from '../shared/criteria'
import { AppError, type ApiIssue } from '../shared/result'
import { zRateInput, type RateInput } from './rate-input'
import { scoreSheet, type ScoredSheet } from './sheet'

/**
 * Turns raw input into a checked RateInput plus every sheet scored, or one VALIDATION error listing every problem
 * (each message names the member, the round and the criterion), so a secretary can fix a whole file in one pass.
 */
export interface ValidatedInput {
  input: RateInput
  /** Scored sheets by round number, then member id. */
  sheets: Map<number, Map<string, ScoredSheet>>
}

export function validateRateInput(raw: unknown, set: CriteriaSet): ValidatedInput {
  const parsed = zRateInput.safeParse(raw)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(gốc)', message: i.message }))
    throw invalid(issues)
  }
  const input = parsed.data
  const issues: ApiIssue[] = []
  const add = (path: string, message: string): void => {
    issues.push({ path, message })
  }

  const members = new Map<string, string>()
  input.council.members.forEach((m, i) => {
    if (members.has(m.id)) add(`council.members.${i}.id`, `Mã thành viên "${m.id}" bị trùng`)
    members.set(m.id, m.name)
  })
  if (input.council.members.filter((m) => m.role === 'Chủ tịch').length > 1) add('council.members', 'Hội đồng chỉ có một Chủ tịch')
  const known = (path: string, memberId: string): boolean => {
    if (members.has(memberId)) return true
    add(path, `Không có thành viên "${memberId}" trong Hội đồng`)
    return false
  }
  input.present.forEach((id, i) => known(`present.${i}`, id))
  input.product.recusals.forEach((r, i) => known(`product.recusals.${i}.memberId`, r.memberId))
  if (input.product.criteriaSetId !== set.id)
    add('product.criteriaSetId', `Sản phẩm dùng bộ tiêu chí "${input.product.criteriaSetId}", không phải ${set.id} (${set.name})`)

  const leaves = new Map(leafCriteria(set).map((l) => [l.criterion.code, l.criterion]))
  const agreedSeen = new Set<string>()
  input.agreedOptions.forEach((a, i) => {
    const c = leaves.get(a.criterionCode)
    if (!c) add(`agreedOptions.${i}.criterionCode`, `Không có tiêu chí "${a.criterionCode}" trong bộ tiêu chí số ${set.no}`)
    else if (!c.options.some((o) => o.id === a.optionId)) add(`agreedOptions.${i}.optionId`, `Tiêu chí ${c.code} (${c.text}): không có phương án "${a.optionId}"`)
    if (agreedSeen.has(a.criterionCode)) add(`agreedOptions.${i}`, `Tiêu chí ${a.criterionCode} có hơn một phương án thống nhất`)
    agreedSeen.add(a.criterionCode)
  })
  const decisionSeen = new Set<string>()
  input.knockoutDecisions.forEach((d, i) => {
    const key = d.criterionCode ?? ''
    if (d.criterionCode !== undefined && !leaves.get(d.criterionCode)?.knockouts.length)
      add(`knockoutDecisions.${i}.criterionCode`, `Tiêu chí "${d.criterionCode}" không có quy định loại hoặc dừng đánh giá`)
    if (d.criterionCode === undefined && set.disqualification.length === 0) add(`knockoutDecisions.${i}`, `Bộ tiêu chí số ${set.no} không có quy định "Hồ sơ bị loại khi …"`)
    if (decisionSeen.has(key)) add(`knockoutDecisions.${i}`, `Quy định loại "${key || 'hồ sơ'}" có hơn một quyết định`)
    decisionSeen.add(key)
  })

  const sheets = new Map<number, Map<string, ScoredSheet>>()
  input.rounds.forEach((round, ri) => {
    if (sheets.has(round.round)) add(`rounds.${ri}.round`, `Vòng chấm ${round.round} bị trùng`)
    const byMember = new Map<string, ScoredSheet>()
    sheets.set(round.round, byMember)
    round.sheets.forEach((sheet, si) => {
      const path = `rounds.${ri}.sheets.${si}`
      if (!known(`${path}.memberId`, sheet.memberId)) return
      const who = `Phiếu của ${members.get(sheet.memberId)} (${sheet.memberId}), vòng ${round.round}`
      if (byMember.has(sheet.memberId)) return add(path, `${who}: thành viên đã có phiếu trong vòng này`)
      const scored = scoreSheet(set, sheet)
      if (scored.ok) byMember.set(sheet.memberId, scored.sheet)
      else for (const e of scored.errors) add(path, `${who}: ${e}`)
    })
  })

  if (issues.length > 0) throw invalid(issues)
  return { input, sheets }
}

function invalid(issues: ApiIssue[]): AppError {
  const lines = issues.map((i) => `- ${i.path}: ${i.message}`)
  return new AppError('VALIDATION', `Dữ liệu chấm điểm không hợp lệ (${issues.length} lỗi):\n${lines.join('\n')}`, issues)
}
