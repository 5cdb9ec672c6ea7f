import { BAND_THRESHOLDS, formatScore } from './star-band'

/**
 * Warnings for the council, not rules: they change no result but say where the result is fragile. Near a band
 * boundary (Quy chế setting `boundaryMargin`, default 1 point of 50, 70 or 90), and leave-one-out — the stars would
 * differ if one eligible member's sheet were left out, so that sheet decides the result alone.
 */
export interface Warning {
  kind: 'near-boundary' | 'leave-one-out'
  message: string
  memberId: string | null
  threshold: number | null
  /** leave-one-out: the stars without this member's sheet. */
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

export function leaveOneOutWarnings(members: ReadonlyArray<{ id: string; name: string }>, stars: number, starsWithout: (memberId: string) => number | null): Warning[] {
  if (members.length < 2) return []
  const out: Warning[] = []
  for (const m of [...members].sort((a, b) => a.id.localeCompare(b.id))) {
    const without = starsWithout(m.id)
    if (without === null || without === stars) continue
    out.push({
      kind: 'leave-one-out',
      message: `Nếu không tính phiếu của ${m.name}, sản phẩm đạt ${without} sao thay vì ${stars} sao`,
      memberId: m.id,
      threshold: null,
      starsWithout: without
    })
  }
  return out
}
