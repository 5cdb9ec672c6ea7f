import type { CriteriaSet } from '../shared/criteria'
import { councilScore, countingRound, roundStatuses, type CouncilScore, type RoundStatus } from './council-score'
import { memberEligibility } from './eligibility'
import { leaveOneOutStars } from './leave-one-out'
import { councilKnockouts, type CouncilKnockout } from './knockouts'
import { decideStars, type Outcome, type Reason } from './outcome'
import type { QuyChe } from './quy-che'
import { checkQuorum, type QuorumCheck } from './quorum'
import type { AgreedOption, KnockoutDecision, MemberRole } from './rate-input'
import { validateRateInput } from './rate-validate'
import type { ScoredSheet } from './sheet'
import { starBand, type Stars } from './star-band'
import { checkStarMarkers, type MarkerLevelCheck } from './star-markers'
import { boundaryWarnings, leaveOneOutWarnings, type Warning } from './warnings'

/**
 * Rates one product: the council's result under QĐ 26/2026 and the province's Quy chế, explained line by line and
 * reproducible — the same input always gives the same JSON (members sorted by id, fixed key order, no clock).
 */
export const RATING_FORMAT = 'ocop-council/rating@1'

export interface MemberSheetResult {
  round: number
  /** The sheet is in the counting round and its member is eligible. */
  counted: boolean
  sections: ScoredSheet['sections']
  parts: ScoredSheet['parts']
  total: number
  knockouts: ScoredSheet['knockouts']
}

export interface MemberRating {
  id: string
  name: string
  role: MemberRole
  present: boolean
  recused: boolean
  eligible: boolean
  /** Why the member's sheets do not count; empty when eligible. */
  reasons: string[]
  sheets: MemberSheetResult[]
}

/**
 * `final`: the result can be recorded. `pending`: computed, but the council still has to act (re-score, agree an
 * option, decide a knockout, finish a round). `invalid`: no quorum. `incomplete`: no complete round to compute from.
 */
export type RatingStatus = 'final' | 'pending' | 'invalid' | 'incomplete'

export interface RatingResult {
  format: typeof RATING_FORMAT
  criteria: { setId: string; setNo: number; setName: string; version: string }
  product: { id: string; name: string }
  quyChe: QuyChe
  status: RatingStatus
  quorum: QuorumCheck
  members: MemberRating[]
  rounds: RoundStatus[]
  countingRound: number | null
  score: CouncilScore | null
  band: Stars | null
  markers: MarkerLevelCheck[]
  knockouts: CouncilKnockout[]
  /**
   * 0: disqualified or stopped; null: not computable, or undetermined while the council still has to agree an option
   * or decide a knockout that decides the stars (then `provisionalStars` holds the figure "tạm tính").
   */
  stars: 0 | Stars | null
  /** Shown only labelled "tạm tính": never the result, never recorded. Null unless `stars` is undetermined. */
  provisionalStars: 0 | Stars | null
  outcome: Outcome | null
  reasons: Reason[]
  warnings: Warning[]
}

interface CouncilEvaluation {
  score: CouncilScore
  band: Stars
  markers: MarkerLevelCheck[]
  knockouts: CouncilKnockout[]
  stars: 0 | Stars | null
  provisionalStars: 0 | Stars | null
  outcome: Outcome | null
  reasons: Reason[]
}

/** The council's result from the counted sheets alone. */
function evaluateCouncil(set: CriteriaSet, sheets: readonly ScoredSheet[], quyChe: QuyChe, agreed: readonly AgreedOption[], decisions: readonly KnockoutDecision[]): CouncilEvaluation | null {
  const score = councilScore(sheets.map((s) => s.total), quyChe.spreadLimit)
  if (!score) return null
  const band = starBand(score.mean)
  const markers = checkStarMarkers(set, sheets, quyChe.markerPolicy, agreed)
  const knockouts = councilKnockouts(set, sheets, decisions)
  return { score, band, markers, knockouts, ...decideStars(score.mean, band, markers, knockouts) }
}

/** Throws AppError('VALIDATION') with one issue per problem when the input does not fit the criteria set. */
export function rateProduct(rawInput: unknown, criteriaSet: CriteriaSet, criteriaVersion: string): RatingResult {
  const { input, sheets } = validateRateInput(rawInput, criteriaSet)
  const { quyChe } = input
  const present = new Set(input.present)
  const recusals = new Map(input.product.recusals.map((r) => [r.memberId, r.reason]))
  const byId = [...input.council.members].sort((a, b) => a.id.localeCompare(b.id))
  const eligibility = new Map(byId.map((m) => [m.id, memberEligibility(m, present, recusals, quyChe)]))
  const eligible = byId.filter((m) => eligibility.get(m.id)!.eligible)
  const eligibleIds = eligible.map((m) => m.id)

  const quorum = checkQuorum(input.council.members, present, quyChe)
  const rounds = roundStatuses([...sheets].map(([round, s]) => ({ round, memberIds: [...s.keys()] })), eligibleIds)
  const counting = countingRound(rounds)
  const counted = counting === null ? [] : eligibleIds.map((id) => sheets.get(counting)!.get(id)!)
  const evaluation = evaluateCouncil(criteriaSet, counted, quyChe, input.agreedOptions, input.knockoutDecisions)

  const members: MemberRating[] = byId.map((m) => ({
    id: m.id,
    name: m.name,
    role: m.role,
    present: present.has(m.id),
    recused: recusals.has(m.id),
    eligible: eligibility.get(m.id)!.eligible,
    reasons: eligibility.get(m.id)!.reasons,
    sheets: [...sheets.keys()]
      .sort((a, b) => a - b)
      .flatMap((round) => {
        const s = sheets.get(round)!.get(m.id)
        if (!s) return []
        const isCounted = round === counting && eligibility.get(m.id)!.eligible
        return [{ round, counted: isCounted, sections: s.sections, parts: s.parts, total: s.total, knockouts: s.knockouts }]
      })
  }))

  const reasons: Reason[] = []
  const pending: Reason[] = []
  const note = (list: Reason[], kind: Reason['kind'], message: string, criterionCode: string | null = null): void => {
    list.push({ kind, message, criterionCode })
  }
  for (const r of quorum.reasons) note(pending, 'quorum', r)
  if (eligibleIds.length === 0) note(pending, 'round', 'Không có thành viên nào đủ điều kiện chấm sản phẩm này')
  for (const r of rounds.filter((r) => r.round > (counting ?? 0) && !r.complete))
    note(pending, 'round', `Vòng ${r.round} chưa đủ phiếu (thiếu: ${r.missing.map((id) => byId.find((m) => m.id === id)?.name ?? id).join(', ')})`)
  if (counting !== null && rounds.some((r) => r.round > counting)) note(pending, 'round', `Tính theo vòng ${counting}, vòng đầy đủ gần nhất`)

  let warnings: Warning[] = []
  if (evaluation) {
    reasons.push(...evaluation.reasons)
    const { score } = evaluation
    if (score.needsRescore)
      note(pending, 'spread', `Chênh lệch điểm giữa các thành viên là ${score.spread} điểm (${score.min}–${score.max}), vượt quá ${score.spreadLimit} điểm theo Quy chế: Hội đồng thảo luận và chấm lại`)
    for (const k of evaluation.knockouts.filter((k) => k.status === 'needs-decision'))
      note(pending, 'decision', `${k.criterionCode === null ? 'Hồ sơ' : `Tiêu chí ${k.criterionCode}`}: ${k.flaggedBy.length}/${k.members} thành viên đánh dấu "${k.text}"; Hội đồng cần quyết định (ghi lý do)`, k.criterionCode)
    const shown = evaluation.stars ?? evaluation.provisionalStars ?? 0
    const blocking = shown > 0 && shown < evaluation.band ? evaluation.markers.find((l) => l.level === shown + 1) : undefined
    if (blocking?.status === 'needs-agreement')
      for (const code of blocking.pending)
        note(pending, 'agreement', `Tiêu chí ${code}: thành viên chấm khác nhau về yêu cầu tối thiểu ${blocking.level} sao; Hội đồng cần ghi phương án thống nhất và lý do`, code)
    warnings = [
      ...boundaryWarnings(score.mean, quyChe.boundaryMargin),
      ...leaveOneOutWarnings(eligible, evaluation.stars, leaveOneOutStars(criteriaSet, counted, quyChe.markerPolicy, input.agreedOptions, input.knockoutDecisions))
    ]
  }
  reasons.push(...pending)

  const status: RatingStatus = !evaluation ? 'incomplete' : !quorum.holds ? 'invalid' : pending.length > 0 ? 'pending' : 'final'
  return {
    format: RATING_FORMAT,
    criteria: { setId: criteriaSet.id, setNo: criteriaSet.no, setName: criteriaSet.name, version: criteriaVersion },
    product: { id: input.product.id, name: input.product.name },
    quyChe,
    status,
    quorum,
    members,
    rounds,
    countingRound: counting,
    score: evaluation?.score ?? null,
    band: evaluation?.band ?? null,
    markers: evaluation?.markers ?? [],
    knockouts: evaluation?.knockouts ?? [],
    stars: evaluation?.stars ?? null,
    provisionalStars: evaluation?.provisionalStars ?? null,
    outcome: evaluation?.outcome ?? null,
    reasons,
    warnings
  }
}

/** The one serialisation of a result: stable key order comes from construction, so equal inputs give equal bytes. */
export function ratingToJson(result: RatingResult): string {
  return `${JSON.stringify(result, null, 2)}\n`
}
