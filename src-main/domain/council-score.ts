import { formatScore } from './star-band'

/**
 * The council's score of a product: the arithmetic mean of the eligible members' totals ("tổng điểm trung bình",
 * QĐ 26/2026 Điều 3.3; provincial Quy chế: "lấy điểm cộng trung bình của các thành viên"), at full precision.
 * Spread rule (Quy chế setting `spreadLimit`, Tây Ninh / Đồng Tháp: "không được chênh lệch quá 10 điểm … cho điểm
 * lại"): if max − min exceeds the limit the council re-scores in a new round.
 */
export interface CouncilScore {
  sheets: number
  mean: number
  /** The mean as printed: formatScore (2 decimals, decimal comma). */
  meanText: string
  min: number
  max: number
  spread: number
  spreadLimit: number
  needsRescore: boolean
}

export function councilScore(totals: readonly number[], spreadLimit: number): CouncilScore | null {
  if (totals.length === 0) return null
  // Totals are integers, so the sum is exact and the mean does not depend on member order.
  const sum = totals.reduce((s, t) => s + t, 0)
  const mean = sum / totals.length
  const min = Math.min(...totals)
  const max = Math.max(...totals)
  const spread = max - min
  return { sheets: totals.length, mean, meanText: formatScore(mean), min, max, spread, spreadLimit, needsRescore: spread > spreadLimit }
}

export interface RoundStatus {
  round: number
  complete: boolean
  /** Eligible members without a sheet in this round, by id. */
  missing: string[]
}

/** A round is complete when every eligible member handed in a sheet; the latest complete round counts. */
export function roundStatuses(rounds: ReadonlyArray<{ round: number; memberIds: readonly string[] }>, eligibleIds: readonly string[]): RoundStatus[] {
  return [...rounds]
    .sort((a, b) => a.round - b.round)
    .map((r) => {
      const missing = eligibleIds.filter((id) => !r.memberIds.includes(id)).sort()
      return { round: r.round, complete: eligibleIds.length > 0 && missing.length === 0, missing }
    })
}

export function countingRound(statuses: readonly RoundStatus[]): number | null {
  const complete = statuses.filter((s) => s.complete)
  return complete.length > 0 ? complete[complete.length - 1]!.round : null
}
