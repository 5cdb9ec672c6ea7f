import { leafCriteria, type CriteriaSet, type StarLevel } from '../shared/criteria'
import type { CouncilKnockout } from './knockouts'
import { starsFrom } from './outcome'
import type { MarkerPolicy } from './quy-che'
import type { AgreedOption, KnockoutDecision } from './rate-input'
import type { ScoredSheet } from './sheet'
import { starBand, type Stars } from './star-band'
import { STAR_LEVELS, type MarkerStatus } from './star-markers'

/**
 * The council's stars without each member's sheet in turn, for the leave-one-out warning. Recomputing the result for
 * every member costs n × n sheet reads (1,000 members: 18.7 s); here every count (sum of totals, members meeting each
 * minimum, points per minimum, flags per knockout rule) is taken once and each member's own contribution subtracted,
 * so the whole is O(n × criteria). The rules are the same as `checkStarMarkers`, `councilKnockouts` and `starsFrom`;
 * a property test compares this with rating the council again without the member.
 */
export interface StarsWithout {
  memberId: string
  /** null: without this sheet the stars are undetermined (an option to agree or a knockout to decide). */
  stars: 0 | Stars | null
}

interface MinimumCount {
  level: StarLevel
  required: number
  /** Status fixed by the council's agreed option (policy `agreed`), used when the members split. */
  agreed: MarkerStatus | null
  meeting: number
  points: number
  meets: Uint8Array
  memberPoints: Float64Array
}

export function leaveOneOutStars(set: CriteriaSet, sheets: readonly ScoredSheet[], policy: MarkerPolicy, agreed: readonly AgreedOption[], decisions: readonly KnockoutDecision[]): StarsWithout[] {
  const n = sheets.length
  if (n < 2) return []
  const total = sheets.reduce((s, x) => s + x.total, 0)
  const leaves = leafCriteria(set).map((l) => l.criterion)
  const optionPoints = new Map(leaves.flatMap((c) => c.options.map((o) => [o.id, o.points] as const)))
  const answers = sheets.map((s) => new Map(s.answers.map((a) => [a.criterionCode, a])))

  const minimums: MinimumCount[] = []
  for (const level of STAR_LEVELS)
    for (const c of leaves) {
      const required = c.minPointsForStar?.[level]
      if (required === undefined) continue
      const option = agreed.find((a) => a.criterionCode === c.code)
      const m: MinimumCount = {
        level,
        required,
        agreed: option ? ((optionPoints.get(option.optionId) ?? 0) >= required ? 'met' : 'not-met') : null,
        meeting: 0,
        points: 0,
        meets: new Uint8Array(n),
        memberPoints: new Float64Array(n)
      }
      answers.forEach((byCode, i) => {
        const a = byCode.get(c.code)
        const points = a?.points ?? 0
        const meets = a?.status === 'not-applicable' || points >= required
        m.meets[i] = meets ? 1 : 0
        m.memberPoints[i] = points
        m.meeting += meets ? 1 : 0
        m.points += points
      })
      minimums.push(m)
    }

  // Knockout rules as councilKnockouts sees them: a rule counts when a sheet flags it or the council decided it.
  const rules = new Set<string>()
  if (set.disqualification[0] !== undefined) rules.add('')
  for (const c of leaves) if (c.knockouts[0]) rules.add(c.code)
  const flags = new Map<string, { count: number; byMember: Int32Array }>()
  sheets.forEach((s, i) => {
    for (const k of s.knockouts) {
      const key = k.criterionCode ?? ''
      if (!rules.has(key)) continue
      const f = flags.get(key) ?? { count: 0, byMember: new Int32Array(n) }
      f.count++
      f.byMember[i]!++
      flags.set(key, f)
    }
  })
  const decided = new Map<string, boolean>()
  for (const d of decisions) if (rules.has(d.criterionCode ?? '') && !decided.has(d.criterionCode ?? '')) decided.set(d.criterionCode ?? '', d.applies)

  return sheets.map((sheet, i) => {
    const rest = n - 1
    const band = starBand((total - sheet.total) / rest)
    const levels = STAR_LEVELS.map((level) => ({ level, status: 'met' as MarkerStatus }))
    for (const m of minimums) {
      const meeting = m.meeting - m.meets[i]!
      let status: MarkerStatus
      if (policy === 'majority') status = meeting * 2 > rest ? 'met' : 'not-met'
      else if (policy === 'mean-points') status = m.points - m.memberPoints[i]! >= m.required * rest ? 'met' : 'not-met'
      else if (meeting === rest) status = 'met'
      else if (meeting === 0) status = 'not-met'
      else status = m.agreed ?? 'needs-agreement'
      const level = levels[STAR_LEVELS.indexOf(m.level)]!
      if (status === 'not-met') level.status = 'not-met'
      else if (status === 'needs-agreement' && level.status === 'met') level.status = 'needs-agreement'
    }
    const knockouts: Array<Pick<CouncilKnockout, 'status'>> = []
    for (const key of rules) {
      const flagged = (flags.get(key)?.count ?? 0) - (flags.get(key)?.byMember[i] ?? 0)
      const decision = decided.get(key)
      if (decision !== undefined) knockouts.push({ status: decision ? 'applies' : 'does-not-apply' })
      else if (flagged > 0) knockouts.push({ status: flagged === rest ? 'applies' : 'needs-decision' })
    }
    const r = starsFrom(band, levels, knockouts)
    return { memberId: sheet.memberId, stars: r.open === null ? r.stars : null }
  })
}
