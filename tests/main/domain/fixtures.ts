import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { RateInputRaw } from '../../../src-main/domain/rate-input'
import { parseCriteriaFile } from '../../../src-main/services/criteria-file'
import { leafCriteria, type CriteriaSet, type StarLevel } from '../../../src-main/shared/criteria'

/** Shared fixtures for the rating-engine tests: the shipped criteria and small builders for councils and sheets. */
export const ROOT = resolve(import.meta.dirname, '../../..')
export const criteriaFile = parseCriteriaFile(JSON.parse(readFileSync(resolve(ROOT, 'resources/criteria/qd26-2026.json'), 'utf8')))
export const VERSION = criteriaFile.version

export function setNo(no: number): CriteriaSet {
  const set = criteriaFile.sets.find((s) => s.no === no)
  if (!set) throw new Error(`no set ${no}`)
  return set
}

export type Answers = Record<string, string>

/**
 * Answers whose total is exactly `total`: every criterion starts at the cheapest option meeting the `level` minimum
 * (all minimums of that level met), `fixed` answers are kept as given, then options are raised in printed order.
 */
export function answersForTotal(set: CriteriaSet, total: number, level: StarLevel | 0, fixed: Answers = {}): Answers {
  const leaves = leafCriteria(set).map((l) => l.criterion)
  const chosen = new Map<string, { id: string; points: number }>()
  for (const c of leaves) {
    const need = level === 0 ? 0 : (c.minPointsForStar?.[level] ?? 0)
    const fixedId = fixed[c.code]
    const option = fixedId ? c.options.find((o) => o.id === fixedId)! : [...c.options].sort((a, b) => a.points - b.points).find((o) => o.points >= need)!
    chosen.set(c.code, option)
  }
  let remaining = total - [...chosen.values()].reduce((s, o) => s + o.points, 0)
  if (remaining < 0) throw new Error(`total ${total} below the level-${level} minimum`)
  for (const c of leaves) {
    if (fixed[c.code] || remaining === 0) continue
    const current = chosen.get(c.code)!
    const best = c.options.filter((o) => o.points >= current.points && o.points - current.points <= remaining).sort((a, b) => b.points - a.points)[0]!
    remaining -= best.points - current.points
    chosen.set(c.code, best)
  }
  if (remaining !== 0) throw new Error(`cannot reach total ${total}`)
  return Object.fromEntries([...chosen].map(([code, o]) => [code, o.id]))
}

export interface MemberSpec {
  id: string
  role?: 'Chủ tịch' | 'Phó Chủ tịch' | 'Ủy viên' | 'Thư ký'
  answers: Answers
  present?: boolean
  recused?: boolean
}

/** A one-round input; the first member is the chair unless a role is given. */
export function inputFor(set: CriteriaSet, members: MemberSpec[], extra: Partial<RateInputRaw> = {}): RateInputRaw {
  return {
    council: { members: members.map((m, i) => ({ id: m.id, name: `Thành viên ${m.id}`, role: m.role ?? (i === 0 ? 'Chủ tịch' : 'Ủy viên') })) },
    present: members.filter((m) => m.present !== false).map((m) => m.id),
    product: {
      id: 'SP-01',
      name: 'Sản phẩm thử',
      criteriaSetId: set.id,
      recusals: members.filter((m) => m.recused).map((m) => ({ memberId: m.id, reason: 'Người thân của chủ thể' }))
    },
    rounds: [{ round: 1, sheets: members.map((m) => ({ memberId: m.id, answers: m.answers })) }],
    ...extra
  }
}

/** Members m01…mNN each with the answers for the given total (at the given marker level). */
export function membersWithTotals(set: CriteriaSet, totals: number[], level: StarLevel | 0 = 5): MemberSpec[] {
  return totals.map((t, i) => ({ id: `m${String(i + 1).padStart(3, '0')}`, answers: answersForTotal(set, t, level) }))
}
