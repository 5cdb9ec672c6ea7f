import { isLeaf, leafCriteria, type CriteriaSet, type LeafCriterion, type PartCode } from '../shared/criteria'
import { criterionLabel } from './criterion-label'
import { NOT_APPLICABLE, type SheetInput } from './rate-input'

/**
 * One member's scoring sheet ("kiêm phiếu đánh giá sản phẩm OCOP", QĐ 26/2026 Phụ lục II): one option per leaf
 * criterion, sub-criteria included, and the knockouts the member flags. The legal scoring unit is this sheet.
 */
export interface ScoredAnswer {
  criterionCode: string
  /** null: not applicable ("Chỉ áp dụng khi …") or not evaluated after a "stop" knockout. */
  optionId: string | null
  points: number
  status: 'answered' | 'not-applicable' | 'not-evaluated'
}

export interface SheetKnockout {
  /** null: the set's dossier rule "Hồ sơ bị loại khi …". */
  criterionCode: string | null
  kind: 'reject' | 'stop'
  text: string
  note: string | null
}

export interface ScoredSheet {
  memberId: string
  answers: ScoredAnswer[]
  sections: Array<{ code: string; points: number; maxPoints: number }>
  parts: Record<PartCode, number>
  total: number
  knockouts: SheetKnockout[]
}

export type SheetResult = { ok: true; sheet: ScoredSheet } | { ok: false; errors: string[] }

/** Validates a sheet against its criteria set and computes section, part (A/B/C) and total points (Điều 3.1). */
export function scoreSheet(set: CriteriaSet, input: SheetInput): SheetResult {
  const errors: string[] = []
  const leaves = leafCriteria(set)
  const byCode = new Map(leaves.map((l) => [l.criterion.code, l.criterion]))
  const optionOwner = new Map(leaves.flatMap((l) => l.criterion.options.map((o) => [o.id, l.criterion.code] as const)))

  for (const code of Object.keys(input.answers).sort()) {
    if (byCode.has(code)) continue
    const parent = findParent(set, code)
    errors.push(
      parent
        ? `${cap(criterionLabel(parent))} có tiêu chí con: hãy chấm từng tiêu chí ${parent.subCriteria.map((s) => s.code).join(', ')}`
        : `Không có tiêu chí "${code}" trong bộ tiêu chí số ${set.no} (${set.name})`
    )
  }

  const knockouts = sheetKnockouts(set, input, byCode, errors)
  const stopIndex = firstStop(leaves.map((l) => l.criterion.code), knockouts)

  const answers: ScoredAnswer[] = []
  leaves.forEach(({ criterion }, index) => {
    const raw = input.answers[criterion.code]
    const label = cap(criterionLabel(criterion))
    if (raw === undefined) {
      // "… sẽ không đánh giá các bước tiếp theo": after a stop, the remaining criteria are not scored.
      if (index > stopIndex) answers.push({ criterionCode: criterion.code, optionId: null, points: 0, status: 'not-evaluated' })
      else errors.push(`${label}: chưa chấm`)
      return
    }
    const ids = Array.isArray(raw) ? raw : [raw]
    if (ids.length !== 1) {
      errors.push(`${label}: chọn ${ids.length === 0 ? 'không' : ids.length} phương án (${ids.join(', ')}); mỗi tiêu chí phải chọn đúng một phương án`)
      return
    }
    const chosen = ids[0]!
    if (chosen === NOT_APPLICABLE) {
      if (criterion.appliesOnlyWhen) answers.push({ criterionCode: criterion.code, optionId: null, points: 0, status: 'not-applicable' })
      else errors.push(`${label}: không được đánh dấu "không áp dụng" (chỉ dùng cho tiêu chí "Chỉ áp dụng khi …")`)
      return
    }
    const error = optionError(criterion, chosen, optionOwner.get(chosen))
    if (error) {
      errors.push(`${label}: ${error}`)
      return
    }
    const option = criterion.options.find((o) => o.id === chosen)!
    answers.push({ criterionCode: criterion.code, optionId: option.id, points: option.points, status: 'answered' })
  })

  if (errors.length > 0) return { ok: false, errors }
  return { ok: true, sheet: totals(set, input.memberId, answers, knockouts) }
}

function optionError(criterion: LeafCriterion, optionId: string, owner: string | undefined): string | null {
  if (owner === undefined) return `không có phương án "${optionId}"`
  if (owner !== criterion.code) return `phương án "${optionId}" thuộc tiêu chí ${owner}, không thuộc tiêu chí này`
  // Set 26, criteria 8, 9, 15 (Phụ lục II): "Lựa chọn một trong hai trường hợp sau" — the option must sit in a case.
  if (criterion.alternatives && !criterion.alternatives.some((a) => a.optionIds.includes(optionId)))
    return `phương án "${optionId}" không thuộc trường hợp nào trong "Lựa chọn một trong hai trường hợp sau"`
  return null
}

/** Knockouts the member flagged, each resolved to its printed rule; duplicates are kept once. */
function sheetKnockouts(set: CriteriaSet, input: SheetInput, byCode: Map<string, LeafCriterion>, errors: string[]): SheetKnockout[] {
  const out = new Map<string, SheetKnockout>()
  for (const flag of input.knockouts) {
    const key = flag.criterionCode ?? ''
    if (out.has(key)) continue
    const note = flag.note && flag.note.length > 0 ? flag.note : null
    if (flag.criterionCode === undefined) {
      // "Hồ sơ bị loại khi …" printed at the top of every sheet except set 26.
      const text = set.disqualification[0]
      if (text === undefined) errors.push(`Bộ tiêu chí số ${set.no} không có quy định "Hồ sơ bị loại khi …"`)
      else out.set(key, { criterionCode: null, kind: 'reject', text, note })
      continue
    }
    const criterion = byCode.get(flag.criterionCode)
    const rule = criterion?.knockouts[0]
    if (!criterion) errors.push(`Đánh dấu loại/dừng trên tiêu chí "${flag.criterionCode}" không có trong bộ tiêu chí số ${set.no}`)
    else if (!rule) errors.push(`${cap(criterionLabel(criterion))} không có quy định loại hoặc dừng đánh giá`)
    else out.set(key, { criterionCode: criterion.code, kind: rule.kind, text: rule.text, note })
  }
  return [...out.values()].sort((a, b) => (a.criterionCode ?? '').localeCompare(b.criterionCode ?? ''))
}

function firstStop(codes: string[], knockouts: SheetKnockout[]): number {
  const stops = knockouts.filter((k) => k.kind === 'stop').map((k) => codes.indexOf(k.criterionCode ?? ''))
  return stops.length > 0 ? Math.min(...stops) : Number.POSITIVE_INFINITY
}

function totals(set: CriteriaSet, memberId: string, answers: ScoredAnswer[], knockouts: SheetKnockout[]): ScoredSheet {
  const points = new Map(answers.map((a) => [a.criterionCode, a.points]))
  const parts: Record<PartCode, number> = { A: 0, B: 0, C: 0 }
  const sections: ScoredSheet['sections'] = []
  for (const part of set.parts)
    for (const section of part.sections) {
      const leaves = section.criteria.flatMap((c) => (isLeaf(c) ? [c] : c.subCriteria))
      const sum = leaves.reduce((s, c) => s + (points.get(c.code) ?? 0), 0)
      sections.push({ code: section.code, points: sum, maxPoints: section.maxPoints })
      parts[part.code] += sum
    }
  return { memberId, answers, sections, parts, total: parts.A + parts.B + parts.C, knockouts }
}

function findParent(set: CriteriaSet, code: string) {
  for (const part of set.parts)
    for (const section of part.sections)
      for (const c of section.criteria) if (!isLeaf(c) && c.code === code) return c
  return undefined
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}
