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
 * named too (`starsWithout` null).
 */
export function leaveOneOutWarnings(members: ReadonlyArray<{ id: string; name: string }>, stars: number | null, without: ReadonlyArray<{ memberId: string; stars: number | null }>): Warning[] {
  if (members.length < 2 || stars === null) return []
  const starsOf = new Map(without.map((w) => [w.memberId, w.stars]))
  const out: Warning[] = []
  for (const m of [...members].sort((a, b) => a.id.localeCompare(b.id))) {
    if (!starsOf.has(m.id)) continue
    const other = starsOf.get(m.id)!
    if (other === stars) continue
    out.push({
      kind: 'leave-one-out',
      message:
        other === null
          ? `Nếu không tính phiếu của ${m.name}, hạng sao chưa xác định được (Hội đồng sẽ phải thống nhất phương án hoặc quyết định) thay vì ${stars} sao`
          : `Nếu không tính phiếu của ${m.name}, sản phẩm đạt ${other} sao thay vì ${stars} sao`,
      memberId: m.id,
      threshold: null,
      starsWithout: other
    })
  }
  return out
}
