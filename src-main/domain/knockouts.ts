import { leafCriteria, type CriteriaSet } from '../shared/criteria'
import type { KnockoutDecision } from './rate-input'
import type { ScoredSheet } from './sheet'

/**
 * Knockouts at council level (QĐ 26/2026 Phụ lục II: "Hồ sơ bị loại khi …" at the top of each sheet; "Bị loại nếu …"
 * and "… sẽ không đánh giá các bước tiếp theo" notes under criteria). A rule applies when every eligible member
 * flagged it, or when the council recorded a decision (with a reason); a rule flagged by only some members waits for
 * that decision, so one member alone can neither disqualify a product nor be silently overruled.
 */
export interface CouncilKnockout {
  /** null: the set's dossier rule "Hồ sơ bị loại khi …". */
  criterionCode: string | null
  kind: 'reject' | 'stop'
  text: string
  flaggedBy: string[]
  members: number
  status: 'applies' | 'does-not-apply' | 'needs-decision'
  decisionReason: string | null
  notes: Array<{ memberId: string; note: string }>
}

export function councilKnockouts(set: CriteriaSet, sheets: readonly ScoredSheet[], decisions: readonly KnockoutDecision[]): CouncilKnockout[] {
  const rules = new Map<string, { kind: 'reject' | 'stop'; text: string }>()
  const dossierRule = set.disqualification[0]
  if (dossierRule !== undefined) rules.set('', { kind: 'reject', text: dossierRule })
  for (const { criterion } of leafCriteria(set)) {
    const rule = criterion.knockouts[0]
    if (rule) rules.set(criterion.code, rule)
  }
  const keys = new Set<string>()
  for (const s of sheets) for (const k of s.knockouts) keys.add(k.criterionCode ?? '')
  for (const d of decisions) keys.add(d.criterionCode ?? '')

  const out: CouncilKnockout[] = []
  for (const key of [...keys].sort()) {
    const rule = rules.get(key)
    if (!rule) continue
    const flags = sheets.flatMap((s) => s.knockouts.filter((k) => (k.criterionCode ?? '') === key).map((k) => ({ memberId: s.memberId, note: k.note })))
    const flaggedBy = flags.map((f) => f.memberId).sort()
    const decision = decisions.find((d) => (d.criterionCode ?? '') === key)
    const status: CouncilKnockout['status'] = decision
      ? decision.applies
        ? 'applies'
        : 'does-not-apply'
      : sheets.length > 0 && flaggedBy.length === sheets.length
        ? 'applies'
        : 'needs-decision'
    out.push({
      criterionCode: key === '' ? null : key,
      kind: rule.kind,
      text: rule.text,
      flaggedBy,
      members: sheets.length,
      status,
      decisionReason: decision?.reason ?? null,
      notes: flags.filter((f): f is { memberId: string; note: string } => f.note !== null).sort((a, b) => a.memberId.localeCompare(b.memberId))
    })
  }
  return out
}
