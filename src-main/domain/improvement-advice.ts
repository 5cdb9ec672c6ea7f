import { leafCriteria, type CriteriaSet, type LeafCriterion, type StarLevel } from '../shared/criteria'
import { councilOption } from './council-option'
import { councilScore } from './council-score'
import { decideStars } from './outcome'
import type { MarkerPolicy } from './quy-che'
import type { AgreedOption } from './rate-input'
import type { ScoredAnswer, ScoredSheet } from './sheet'
import { BAND_THRESHOLDS, starBand, type Stars } from './star-band'
import { checkStarMarkers, STAR_LEVELS } from './star-markers'

/**
 * Improvement advice for a product below the next star (issue 14 §2): from the council's own counted sheets, the
 * smallest set of criterion improvements that would reach the target star level under the engine's rules — enough
 * points for the band (Điều 3.3) AND every star-marker minimum of that level and the levels below it.
 *
 * What "an improvement" means: the product gets better on criterion c so that every member would now choose option
 * o (a real change of the product, not of one member's opinion). The new mean is the old one plus, per changed
 * criterion, o's points minus the members' mean points on c; after the change every member meets c's minimum.
 *
 * The search is exact, not a heuristic. Order of preference, lexicographic:
 *   1. fewest criteria changed;
 *   2. most changes the council marked as feasible (`feasible`);
 *   3. least total points gained beyond what is needed (the smallest steps that still reach the target);
 *   4. printed order of the criteria (deterministic).
 * Criteria whose minimum for the target level is not met must all change (each to an option meeting the minimum);
 * the others are chosen by a dynamic programme over (criteria changed, feasible changed, points gained) which is
 * exact because totals are integers once multiplied by the number of sheets. The result is then re-checked with the
 * engine itself (councilScore → starBand, checkStarMarkers, decideStars), so advice can never disagree with rating.
 *
 * No advice for a product stopped or disqualified by a knockout: that is not a matter of points, and a knockout is
 * never something to "improve" around. Criteria marked not applicable by any member are left as they are.
 */

export interface AdviceChange {
  criterionCode: string
  criterionText: string
  /** The council's current option: the agreed option, else the most frequent answer (lower points on a tie). */
  currentOptionId: string
  /** Members' mean points on the criterion now. */
  currentMeanPoints: number
  targetOptionId: string
  targetPoints: number
  /** Increase of the council's mean total from this change. */
  meanGain: number
  /** Star levels whose minimum on this criterion was not met and is met after the change. */
  satisfiesMarkers: StarLevel[]
  feasible: boolean
}

export type AdviceResult =
  | {
      kind: 'plan'
      target: StarLevel
      currentStars: Stars
      meanBefore: number
      meanAfter: number
      changes: AdviceChange[]
    }
  | { kind: 'none'; target: StarLevel | null; reason: AdviceNoneReason; message: string }

export type AdviceNoneReason = 'already-top' | 'knockout' | 'no-sheets' | 'unreachable'

export interface AdviceInput {
  set: CriteriaSet
  /** The counted sheets of the counting round (eligible members only). */
  sheets: readonly ScoredSheet[]
  policy: MarkerPolicy
  agreed: readonly AgreedOption[]
  /** Criterion codes the council marked as feasible to improve soon. */
  feasible?: ReadonlySet<string>
  /** Star level to reach; default: 3 for a product below 3★, else the next star. */
  target?: StarLevel
  /** Above this many changes the advice is "unreachable" (no sensible plan, and it bounds the search). */
  maxChanges?: number
}

interface Candidate {
  criterion: LeafCriterion
  index: number
  mandatory: boolean
  feasible: boolean
  current: { id: string; points: number }
  sum: number
  /** Allowed target options, ascending points; gain = n·points − sum (integer). */
  options: Array<{ id: string; points: number; gain: number }>
  unmetLevels: StarLevel[]
}

const DEFAULT_MAX_CHANGES = 20

export function improvementAdvice(input: AdviceInput): AdviceResult {
  const { set, sheets, policy, agreed } = input
  if (sheets.length === 0) return none(input.target ?? null, 'no-sheets', 'Chưa có phiếu được tính để đề xuất')
  const current = evaluate(set, sheets, policy, agreed)
  if (current.stars === 0)
    return none(input.target ?? null, 'knockout', 'Sản phẩm bị loại hoặc dừng đánh giá theo điểm liệt: không đề xuất cải thiện theo điểm')
  const currentStars = current.stars
  const target: StarLevel | null = input.target ?? (currentStars < 3 ? 3 : currentStars < 5 ? ((currentStars + 1) as StarLevel) : null)
  if (target === null || target <= currentStars)
    return none(target, 'already-top', target === null ? 'Sản phẩm đã đạt hạng cao nhất' : `Sản phẩm đã đạt ${currentStars} sao`)

  const n = sheets.length
  const threshold = BAND_THRESHOLDS.find((t) => t.stars === target)!.min
  const totalSum = sheets.reduce((s, sh) => s + sh.total, 0)
  const deficit = threshold * n - totalSum
  const candidates = buildCandidates(set, sheets, policy, agreed, target, input.feasible ?? new Set())
  const mandatory = candidates.filter((c) => c.mandatory)
  if (mandatory.some((c) => c.options.length === 0))
    return none(target, 'unreachable', `Không thể đạt ${target} sao: có tiêu chí không có phương án nào đạt yêu cầu tối thiểu`)

  const maxChanges = input.maxChanges ?? DEFAULT_MAX_CHANGES
  const fewest = fewestChanges(candidates, deficit)
  if (fewest === null || fewest > maxChanges)
    return none(target, 'unreachable', `Không thể đạt ${target} sao bằng cách cải thiện tối đa ${maxChanges} tiêu chí`)

  const chosen = bestPlan(candidates, deficit, fewest)
  const changes: AdviceChange[] = chosen.map(({ candidate: c, option: o }) => ({
    criterionCode: c.criterion.code,
    criterionText: c.criterion.text,
    currentOptionId: c.current.id,
    currentMeanPoints: c.sum / n,
    targetOptionId: o.id,
    targetPoints: o.points,
    meanGain: o.gain / n,
    satisfiesMarkers: c.unmetLevels.filter((l) => o.points >= (c.criterion.minPointsForStar?.[l] ?? 0)),
    feasible: c.feasible
  }))
  const after = applyChanges(set, sheets, changes)
  const check = evaluate(set, after, policy, agreed)
  // The plan is built from the same rules; this guards the invariant that advice never contradicts the engine.
  if (check.stars < target) throw new Error(`improvement advice does not reach ${target} stars under the engine (got ${check.stars})`)
  return { kind: 'plan', target, currentStars, meanBefore: totalSum / n, meanAfter: check.mean, changes }
}

/** The sheets as they would be after the changes: every member's answer on a changed criterion becomes the target. */
export function applyChanges(set: CriteriaSet, sheets: readonly ScoredSheet[], changes: ReadonlyArray<Pick<AdviceChange, 'criterionCode' | 'targetOptionId' | 'targetPoints'>>): ScoredSheet[] {
  const byCode = new Map(changes.map((c) => [c.criterionCode, c]))
  const sectionOf = new Map(leafCriteria(set).map((l) => [l.criterion.code, { part: l.part, section: l.section }]))
  return sheets.map((sheet) => {
    const answers: ScoredAnswer[] = sheet.answers.map((a) => {
      const change = byCode.get(a.criterionCode)
      return change ? { criterionCode: a.criterionCode, optionId: change.targetOptionId, points: change.targetPoints, status: 'answered' } : a
    })
    const delta = new Map<string, number>()
    const partDelta = { A: 0, B: 0, C: 0 }
    for (const a of sheet.answers) {
      const change = byCode.get(a.criterionCode)
      if (!change) continue
      const where = sectionOf.get(a.criterionCode)!
      const d = change.targetPoints - a.points
      delta.set(where.section, (delta.get(where.section) ?? 0) + d)
      partDelta[where.part] += d
    }
    const parts = { A: sheet.parts.A + partDelta.A, B: sheet.parts.B + partDelta.B, C: sheet.parts.C + partDelta.C }
    return {
      ...sheet,
      answers,
      sections: sheet.sections.map((s) => ({ ...s, points: s.points + (delta.get(s.code) ?? 0) })),
      parts,
      total: parts.A + parts.B + parts.C
    }
  })
}

function evaluate(set: CriteriaSet, sheets: readonly ScoredSheet[], policy: MarkerPolicy, agreed: readonly AgreedOption[]): { stars: 0 | Stars; mean: number; markers: ReturnType<typeof checkStarMarkers> } {
  const score = councilScore(sheets.map((s) => s.total), Number.POSITIVE_INFINITY)!
  const markers = checkStarMarkers(set, sheets, policy, agreed)
  // Advice is about points and minimums; knockouts are handled before (no advice when one applies).
  const knockoutFree = sheets.every((s) => s.knockouts.length === 0)
  const decided = decideStars(score.mean, starBand(score.mean), markers, [])
  // While an agreed option is still open the stars are undetermined; advice works from the provisional figure (the
  // level whose minimums are all met), so it names what makes the higher level certain.
  const stars = knockoutFree ? (decided.stars ?? decided.provisionalStars ?? 0) : 0
  return { stars, mean: score.mean, markers }
}

function buildCandidates(set: CriteriaSet, sheets: readonly ScoredSheet[], policy: MarkerPolicy, agreed: readonly AgreedOption[], target: StarLevel, feasible: ReadonlySet<string>): Candidate[] {
  const n = sheets.length
  const markers = checkStarMarkers(set, sheets, policy, agreed)
  const unmet = new Map<string, StarLevel[]>()
  for (const level of markers)
    if (level.level <= target)
      for (const c of level.criteria) if (c.status !== 'met') unmet.set(c.criterionCode, [...(unmet.get(c.criterionCode) ?? []), level.level])
  const byMember = sheets.map((s) => new Map(s.answers.map((a) => [a.criterionCode, a])))
  const out: Candidate[] = []
  leafCriteria(set).forEach(({ criterion }, index) => {
    const answers = byMember.map((m) => m.get(criterion.code))
    if (answers.some((a) => !a || a.status !== 'answered')) return
    const sum = answers.reduce((s, a) => s + a!.points, 0)
    const current = councilOption(criterion, answers.map((a) => a!.optionId!), agreed)
    const unmetLevels = unmet.get(criterion.code) ?? []
    const mandatory = unmetLevels.length > 0
    // After the change every member holds the target option, so it must meet the criterion's minimum for every level
    // up to the target — also where the minimum is met today by a majority or on average (policies other than agreed).
    const need = Math.max(0, ...STAR_LEVELS.filter((l) => l <= target).map((l) => criterion.minPointsForStar?.[l] ?? 0))
    const options = [...criterion.options]
      .filter((o) => o.points > current.points && o.points >= need && isAllowedTarget(criterion, o.id))
      .sort((a, b) => a.points - b.points || a.id.localeCompare(b.id))
      .map((o) => ({ id: o.id, points: o.points, gain: n * o.points - sum }))
      // An optional change that lowers the mean helps nothing; a mandatory one is kept whatever its gain.
      .filter((o) => mandatory || o.gain > 0)
    if (!mandatory && options.length === 0) return
    out.push({ criterion, index, mandatory, feasible: feasible.has(criterion.code), current, sum, options, unmetLevels })
  })
  return out
}

/** Set 26's "Lựa chọn một trong hai trường hợp sau": a target must sit in one of the cases, like any answer. */
function isAllowedTarget(criterion: LeafCriterion, optionId: string): boolean {
  return !criterion.alternatives || criterion.alternatives.some((a) => a.optionIds.includes(optionId))
}

/**
 * Fewest changes reaching the target: every mandatory criterion (at its best allowed option) plus the optional
 * criteria with the largest gains until the deficit is covered — exact for the count, since for any k the k largest
 * gains are the most a set of k optional changes can add.
 */
function fewestChanges(candidates: readonly Candidate[], deficit: number): number | null {
  const best = (c: Candidate): number => c.options[c.options.length - 1]!.gain
  let covered = candidates.filter((c) => c.mandatory).reduce((s, c) => s + best(c), 0)
  let count = candidates.filter((c) => c.mandatory).length
  const optional = candidates
    .filter((c) => !c.mandatory)
    .map(best)
    .sort((a, b) => b - a)
  for (const gain of optional) {
    if (covered >= deficit) break
    covered += gain
    count += 1
  }
  return covered >= deficit ? count : null
}

/**
 * Among plans with exactly `count` changes that reach the deficit: most feasible, then least total gain, then the
 * earliest criteria. A DP over the candidates in printed order with state (changes, feasible changes, gain); each
 * layer keeps, per reachable state, the option chosen to reach it, so the plan is rebuilt backwards.
 */
function bestPlan(candidates: readonly Candidate[], deficit: number, count: number): Array<{ candidate: Candidate; option: Candidate['options'][number] }> {
  const ordered = [...candidates].sort((a, b) => a.index - b.index)
  const minGain = ordered.reduce((s, c) => s + (c.mandatory ? Math.min(0, c.options[0]!.gain) : 0), 0)
  const maxGain = ordered.reduce((s, c) => s + Math.max(0, c.options[c.options.length - 1]!.gain), 0)
  const width = maxGain - minGain + 1
  const dims = (count + 1) * (count + 1) * width
  const at = (k: number, f: number, g: number): number => (k * (count + 1) + f) * width + (g - minGain)
  // choice[i][state]: -2 unreachable, -1 skipped candidate i, ≥ 0 index of the option taken.
  const layers: Int16Array[] = []
  let reach = new Uint8Array(dims)
  reach[at(0, 0, 0)] = 1
  for (const c of ordered) {
    const next = new Uint8Array(dims)
    const choice = new Int16Array(dims).fill(-2)
    for (let k = 0; k <= count; k++)
      for (let f = 0; f <= k; f++)
        for (let g = minGain; g <= maxGain; g++) {
          if (!reach[at(k, f, g)]) continue
          // Skipping wins over taking an option for the same state: ties go to the earliest criteria.
          if (!c.mandatory) {
            next[at(k, f, g)] = 1
            choice[at(k, f, g)] = -1
          }
          if (k === count) continue
          const f2 = f + (c.feasible ? 1 : 0)
          c.options.forEach((o, oi) => {
            const g2 = g + o.gain
            if (g2 < minGain || g2 > maxGain) return
            const s = at(k + 1, f2, g2)
            if (choice[s] === -2) {
              next[s] = 1
              choice[s] = oi
            }
          })
        }
    layers.push(choice)
    reach = next
  }
  let end: { f: number; g: number } | null = null
  for (let f = count; f >= 0 && !end; f--)
    for (let g = Math.max(deficit, minGain); g <= maxGain; g++)
      if (reach[at(count, f, g)]) {
        end = { f, g }
        break
      }
  if (!end) throw new Error('improvement advice: no plan with the counted number of changes')
  const plan: Array<{ candidate: Candidate; option: Candidate['options'][number] }> = []
  let { f, g } = end
  let k = count
  for (let i = ordered.length - 1; i >= 0; i--) {
    const c = ordered[i]!
    const oi = layers[i]![at(k, f, g)]!
    if (oi < 0) continue
    const option = c.options[oi]!
    plan.unshift({ candidate: c, option })
    k -= 1
    f -= c.feasible ? 1 : 0
    g -= option.gain
  }
  return plan
}

function none(target: StarLevel | null, reason: AdviceNoneReason, message: string): AdviceResult {
  return { kind: 'none', target, reason, message }
}
