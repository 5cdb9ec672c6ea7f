import { BAND_THRESHOLDS, formatScore } from './star-band'

/**
 * Warnings for the council, not rules: they change no result but say where the result is fragile. Near a band
 * boundary (Quy chế setting `boundaryMargin`, default 1 point of 50, 70 or 90), and leave-one-out — the stars would
 * differ (or become undetermined) if one eligible member's sheet were left out, so that sheet decides the result alone.
 */
export interface Warning {
  kind: 'near-boundary' | 'leave-one-out'
  message: string
  memberId: string | null
  threshold: number | null
  /** leave-one-out: the stars without this member's sheet; null when they would be undetermined. */
  starsWithout: number | null
}

/** Band thresholds within the margin; 30 is left out on purpose: 1★ and 2★ lead to the same outcome (no decision). */
export function boundaryWarnings(mean: number, margin: number): Warning[] {
  return BAND_THRESHOLDS.filter((t) => t.min >= 50 && Math.abs(mean - t.min) <= margin).map((t) => ({
    kind: 'near-boundary' as const,
    message: `Điểm trung bình ${formatScore(mean)} cách ngưỡng ${t.min} điểm không quá ${formatScore(margin)} điểm`,
    memberId: null,
    threshold: t.min,
    starsWithout: null
  }))
}

/**
 * Leave-one-out compares determined results only: when the council's own stars are undetermined there is nothing to
 * compare with; a member whose sheet alone makes the difference between a determined and an undetermined result is
 * flagged too (`starsWithout` null).
 *
 * The message is read on the shared screen (projector) and printed in the report's notes, so it never names the
 * member: the sheet is "Phiếu số k", k its place among the counted sheets in the council's order (`members` as
 * given). Who it is stays in `memberId`, for the secretary's own views and the per-member analytics.
 */
export function leaveOneOutWarnings(members: ReadonlyArray<{ id: string; name: string }>, stars: number | null, without: ReadonlyArray<{ memberId: string; stars: number | null }>): Warning[] {
  if (members.length < 2 || stars === null) return []
  const starsOf = new Map(without.map((w) => [w.memberId, w.stars]))
  const out: Warning[] = []
  const counted = members.filter((m) => starsOf.has(m.id))
  for (const [i, m] of counted.entries()) {
    const other = starsOf.get(m.id)!
    if (other === stars) continue
    out.push({
      kind: 'leave-one-out',
      message:
        other === null
          ? `Hạng sao phụ thuộc vào một phiếu: bỏ phiếu số ${i + 1} thì chưa xác định được hạng sao (Hội đồng sẽ phải thống nhất phương án hoặc quyết định) thay vì ${stars} sao`
          : `Hạng sao phụ thuộc vào một phiếu: bỏ phiếu số ${i + 1} thì sản phẩm đạt ${other} sao thay vì ${stars} sao`,
      memberId: m.id,
      threshold: null,
      starsWithout: other
    })
  }
  return out
}
