import fc from 'fast-check'
import { councilScore } from '../../../src-main/domain/council-score'
import { applyChanges, improvementAdvice, type AdviceResult } from '../../../src-main/domain/improvement-advice'
import { decideStars } from '../../../src-main/domain/outcome'
import type { MarkerPolicy } from '../../../src-main/domain/quy-che'
import { scoreSheet, type ScoredSheet } from '../../../src-main/domain/sheet'
import { starBand } from '../../../src-main/domain/star-band'
import { checkStarMarkers } from '../../../src-main/domain/star-markers'
import { leafCriteria, type CriteriaSet, type LeafCriterion, type StarLevel } from '../../../src-main/shared/criteria'
import { answersForTotal, criteriaFile, setNo, type Answers } from './fixtures'

function sheetsOf(set: CriteriaSet, answers: readonly Answers[]): ScoredSheet[] {
  return answers.map((a, i) => {
    const r = scoreSheet(set, { memberId: `m${i + 1}`, answers: a, knockouts: [] })
    if (!r.ok) throw new Error(r.errors.join('; '))
    return r.sheet
  })
}

/** Stars under the engine's own functions, for sheets without knockouts. */
function engineStars(set: CriteriaSet, sheets: readonly ScoredSheet[], policy: MarkerPolicy): number {
  const score = councilScore(sheets.map((s) => s.total), 100)!
  const d = decideStars(score.mean, starBand(score.mean), checkStarMarkers(set, sheets, policy, []), [])
  return d.stars ?? d.provisionalStars!
}

function plan(result: AdviceResult) {
  if (result.kind !== 'plan') throw new Error(`expected a plan, got ${result.kind}: ${result.message}`)
  return result
}

describe('improvement advice: worked examples on the official sets', () => {
  it('a 3★ product of set 6 at 65 points gets the fewest changes to reach 70 and every **** minimum', () => {
    const set = setNo(6)
    const sheets = sheetsOf(set, [answersForTotal(set, 65, 3), answersForTotal(set, 65, 3), answersForTotal(set, 65, 3)])
    expect(engineStars(set, sheets, 'agreed')).toBe(3)
    const p = plan(improvementAdvice({ set, sheets, policy: 'agreed', agreed: [] }))
    expect(p.target).toBe(4)
    expect(p.currentStars).toBe(3)
    expect(p.meanBefore).toBe(65)
    expect(p.meanAfter).toBeGreaterThanOrEqual(70)
    expect(engineStars(set, applyChanges(set, sheets, p.changes), 'agreed')).toBeGreaterThanOrEqual(4)
    // Every unmet **** minimum is among the changes and says so.
    const unmet = checkStarMarkers(set, sheets, 'agreed', []).find((l) => l.level === 4)!.failing
    for (const code of unmet) expect(p.changes.find((c) => c.criterionCode === code)?.satisfiesMarkers).toContain(4)
    for (const c of p.changes) expect(c.targetPoints).toBeGreaterThan(c.currentMeanPoints)
  })

  it('92 points missing one ***** minimum: the plan for 5★ changes that criterion, to an option meeting it', () => {
    const set = setNo(11)
    const base = answersForTotal(set, 92, 5)
    const leaf = leafCriteria(set)
      .map((l) => l.criterion)
      .find((c) => (c.minPointsForStar?.[5] ?? 0) > (c.minPointsForStar?.[4] ?? 0))!
    const below = [...leaf.options].sort((a, b) => a.points - b.points).find((o) => o.points >= (leaf.minPointsForStar?.[4] ?? 0) && o.points < leaf.minPointsForStar![5]!)!
    const answers = answersForTotal(set, 92, 4, { [leaf.code]: below.id })
    const sheets = sheetsOf(set, [answers, answers, base])
    const stars = engineStars(set, sheets, 'agreed')
    expect(stars).toBe(4)
    const p = plan(improvementAdvice({ set, sheets, policy: 'agreed', agreed: [] }))
    expect(p.target).toBe(5)
    const change = p.changes.find((c) => c.criterionCode === leaf.code)!
    expect(change.satisfiesMarkers).toEqual([5])
    expect(change.targetPoints).toBeGreaterThanOrEqual(leaf.minPointsForStar![5]!)
    expect(engineStars(set, applyChanges(set, sheets, p.changes), 'agreed')).toBe(5)
  })

  it('prefers the changes the council marked as feasible when the count is the same', () => {
    const set = setNo(6)
    const sheets = sheetsOf(set, [answersForTotal(set, 68, 4), answersForTotal(set, 68, 4)])
    const free = plan(improvementAdvice({ set, sheets, policy: 'agreed', agreed: [] }))
    expect(free.changes).toHaveLength(1)
    const others = leafCriteria(set)
      .map((l) => l.criterion)
      .filter((c) => c.code !== free.changes[0]!.criterionCode && reachableGain(c, sheets) >= 2 * 2)
    const wanted = others[others.length - 1]!
    const marked = plan(improvementAdvice({ set, sheets, policy: 'agreed', agreed: [], feasible: new Set([wanted.code]) }))
    expect(marked.changes.map((c) => c.criterionCode)).toEqual([wanted.code])
    expect(marked.changes[0]!.feasible).toBe(true)
  })

  it('gives no advice for a product stopped by a knockout, nor above 5★', () => {
    const set = setNo(6)
    const answers = answersForTotal(set, 60, 3)
    const knocked = leafCriteria(set).find((l) => l.criterion.knockouts.length > 0)!.criterion
    const r = scoreSheet(set, { memberId: 'm1', answers, knockouts: [{ criterionCode: knocked.code }] })
    if (!r.ok) throw new Error(r.errors.join('; '))
    const result = improvementAdvice({ set, sheets: [r.sheet], policy: 'agreed', agreed: [] })
    expect(result).toMatchObject({ kind: 'none', reason: 'knockout' })
    const top = sheetsOf(set, [answersForTotal(set, 95, 5)])
    expect(improvementAdvice({ set, sheets: top, policy: 'agreed', agreed: [] })).toMatchObject({ kind: 'none', reason: 'already-top' })
  })

  it('a 1★ product targets 3★, or says it is out of reach within the allowed number of changes', () => {
    const set = setNo(6)
    const sheets = sheetsOf(set, [answersForTotal(set, 25, 0)])
    expect(engineStars(set, sheets, 'agreed')).toBe(1)
    const p = plan(improvementAdvice({ set, sheets, policy: 'agreed', agreed: [] }))
    expect(p.target).toBe(3)
    expect(engineStars(set, applyChanges(set, sheets, p.changes), 'agreed')).toBeGreaterThanOrEqual(3)
    expect(improvementAdvice({ set, sheets, policy: 'agreed', agreed: [], maxChanges: 1 })).toMatchObject({ kind: 'none', reason: 'unreachable' })
  })
})

function reachableGain(c: LeafCriterion, sheets: readonly ScoredSheet[]): number {
  const sum = sheets.reduce((s, sh) => s + (sh.answers.find((a) => a.criterionCode === c.code)?.points ?? 0), 0)
  return Math.max(...c.options.map((o) => sheets.length * o.points - sum))
}

/** A small synthetic set (6 criteria, 100 points) so that every plan can be enumerated. */
const MAXES = [20, 20, 10, 15, 20, 15] as const
const arbSmallSet = fc
  .tuple(
    ...MAXES.map((max) =>
      fc.record({
        mids: fc.uniqueArray(fc.integer({ min: 1, max: max - 1 }), { minLength: 0, maxLength: 2 }),
        marks: fc.tuple(fc.nat(3), fc.nat(3), fc.nat(3))
      })
    )
  )
  .map((specs) => smallSet(specs))

function smallSet(specs: ReadonlyArray<{ mids: number[]; marks: [number, number, number] }>): CriteriaSet {
  const leaves: LeafCriterion[] = specs.map((spec, i) => {
    const points = [0, ...[...spec.mids].sort((a, b) => a - b), MAXES[i]!]
    const code = `${i + 1}.1`
    // Cumulative minimums: level 4 needs at least level 3's, level 5 at least level 4's (as in the official data).
    const idx = [...spec.marks].sort((a, b) => a - b).map((m) => Math.min(m, points.length - 1))
    const minPointsForStar: LeafCriterion['minPointsForStar'] = {}
    ;([3, 4, 5] as const).forEach((level, k) => {
      if (idx[k]! > 0) minPointsForStar[level] = points[idx[k]!]!
    })
    return {
      code,
      text: `Tiêu chí ${code}`,
      maxPoints: MAXES[i]!,
      notes: [],
      knockouts: [],
      options: points.map((p, k) => ({ id: `${code}.${String.fromCharCode(97 + k)}`, text: `${p} điểm`, points: p })),
      minPointsForStar
    }
  })
  const section = (code: string, list: LeafCriterion[]) => ({ code, title: `Mục ${code}`, maxPoints: list.reduce((s, c) => s + c.maxPoints, 0), criteria: list })
  const part = (code: 'A' | 'B' | 'C', list: LeafCriterion[], sec: string) => ({ code, title: code, maxPoints: list.reduce((s, c) => s + c.maxPoints, 0), sections: [section(sec, list)] })
  return {
    id: 'QD26-2026-99',
    no: 26,
    name: 'Bộ thử',
    classificationCode: 'T',
    sector: 'T',
    group: 'T',
    subgroup: null,
    ministries: [],
    requiresSamples: false,
    disqualification: [],
    maxPoints: 100,
    parts: [part('A', leaves.slice(0, 2), '1'), part('B', leaves.slice(2, 4), '2'), part('C', leaves.slice(4), '3')]
  } as CriteriaSet
}

/** Every plan: per criterion, keep it or move every member to an option above the council's current one. */
function bruteForceFewest(set: CriteriaSet, sheets: readonly ScoredSheet[], policy: MarkerPolicy, target: StarLevel): number | null {
  const leaves = leafCriteria(set).map((l) => l.criterion)
  const currentPoints = leaves.map((c) => {
    const counts = new Map<string, number>()
    for (const s of sheets) {
      const id = s.answers.find((a) => a.criterionCode === c.code)!.optionId!
      counts.set(id, (counts.get(id) ?? 0) + 1)
    }
    const pts = (id: string) => c.options.find((o) => o.id === id)!.points
    return pts([...counts.entries()].sort((a, b) => b[1] - a[1] || pts(a[0]) - pts(b[0]))[0]![0])
  })
  let best: number | null = null
  const walk = (i: number, changes: Array<{ criterionCode: string; targetOptionId: string; targetPoints: number }>): void => {
    if (best !== null && changes.length >= best) return
    if (i === leaves.length) {
      if (engineStars(set, applyChanges(set, sheets, changes), policy) >= target) best = changes.length
      return
    }
    walk(i + 1, changes)
    for (const o of leaves[i]!.options) if (o.points > currentPoints[i]!) walk(i + 1, [...changes, { criterionCode: leaves[i]!.code, targetOptionId: o.id, targetPoints: o.points }])
  }
  walk(0, [])
  return best
}

const arbPolicy = fc.constantFrom<MarkerPolicy>('agreed', 'majority', 'mean-points')

describe('improvement advice: properties', () => {
  it('on small sets the plan reaches the target under the engine and no smaller plan exists (exhaustive)', () => {
    let plans = 0
    fc.assert(
      fc.property(arbSmallSet, fc.array(fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), { minLength: 1, maxLength: 4 }), arbPolicy, (set, picks, policy) => {
        const leaves = leafCriteria(set).map((l) => l.criterion)
        const sheets = sheetsOf(set, picks.map((p) => Object.fromEntries(leaves.map((c, i) => [c.code, c.options[p[i]! % c.options.length]!.id]))))
        const result = improvementAdvice({ set, sheets, policy, agreed: [] })
        if (result.kind === 'none') {
          if (result.reason === 'unreachable') expect(bruteForceFewest(set, sheets, policy, result.target!)).toBeNull()
          else expect(result.reason).toBe('already-top')
          return
        }
        expect(engineStars(set, applyChanges(set, sheets, result.changes), policy)).toBeGreaterThanOrEqual(result.target)
        expect(result.changes.length).toBe(bruteForceFewest(set, sheets, policy, result.target))
        plans += 1
      }),
      { numRuns: 150 }
    )
    // The property must mostly exercise real plans, not the "no advice" branches.
    expect(plans).toBeGreaterThan(75)
  })

  it('on all 26 official sets the plan reaches the target and no plan with one change fewer can', () => {
    fc.assert(
      fc.property(fc.constantFrom(...criteriaFile.sets), fc.array(fc.array(fc.nat(), { minLength: 60, maxLength: 60 }), { minLength: 1, maxLength: 5 }), arbPolicy, (set, picks, policy) => {
        const leaves = leafCriteria(set).map((l) => l.criterion)
        const answers = picks.map((p) =>
          Object.fromEntries(
            leaves.map((c, i) => {
              const allowed = c.alternatives ? c.options.filter((o) => c.alternatives!.some((a) => a.optionIds.includes(o.id))) : c.options
              return [c.code, allowed[p[i % p.length]! % allowed.length]!.id]
            })
          )
        )
        const sheets = sheetsOf(set, answers)
        const result = improvementAdvice({ set, sheets, policy, agreed: [], maxChanges: 60 })
        if (result.kind === 'none') return
        const after = applyChanges(set, sheets, result.changes)
        expect(engineStars(set, after, policy)).toBeGreaterThanOrEqual(result.target)
        // Lower bound, computed independently: the criteria whose minimum fails must change; one change fewer
        // leaves at most (count − 1 − forced) optional changes, and even the largest possible gains fall short.
        const n = sheets.length
        const markers = checkStarMarkers(set, sheets, policy, []).filter((l) => l.level <= result.target)
        const forced = new Set(markers.flatMap((l) => l.criteria.filter((c) => c.status !== 'met').map((c) => c.criterionCode)))
        const deficit = [0, 0, 0, 50, 70, 90][result.target]! * n - sheets.reduce((s, sh) => s + sh.total, 0)
        const gains = leaves.map((c) => ({ code: c.code, gain: reachableGain(c, sheets) }))
        const forcedGain = gains.filter((g) => forced.has(g.code)).reduce((s, g) => s + g.gain, 0)
        const free = gains.filter((g) => !forced.has(g.code)).map((g) => Math.max(0, g.gain)).sort((a, b) => b - a)
        const fewer = result.changes.length - 1 - forced.size
        const bestWithFewer = fewer < 0 ? -Infinity : forcedGain + free.slice(0, fewer).reduce((s, g) => s + g, 0)
        expect(bestWithFewer).toBeLessThan(deficit)
      }),
      { numRuns: 120 }
    )
  })
})
