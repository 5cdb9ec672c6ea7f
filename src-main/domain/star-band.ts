/**
 * Star band of the average total (QĐ 26/2026 Điều 3.3, Điều 4.1): ≥ 90 → 5★; 70 "đến dưới" 90 → 4★; 50 đến dưới 70
 * → 3★; 30 đến dưới 50 → 2★; dưới 30 → 1★. "Đến dưới" makes every boundary exact, so the mean is compared at full
 * precision: 69.999 is in the 3★ band, 70 in the 4★ band.
 */
export type Stars = 1 | 2 | 3 | 4 | 5

export const BAND_THRESHOLDS: ReadonlyArray<{ stars: Stars; min: number }> = [
  { stars: 5, min: 90 },
  { stars: 4, min: 70 },
  { stars: 3, min: 50 },
  { stars: 2, min: 30 }
]

export function starBand(mean: number): Stars {
  for (const t of BAND_THRESHOLDS) if (mean >= t.min) return t.stars
  return 1
}

/**
 * The one way a score is displayed: 2 decimals, Vietnamese decimal comma ("69,67"). Ordinary rounding, except that a
 * mean just under a threshold is never shown as the threshold (69,996 shows "69,99", not "70,00"), so the printed
 * number can never contradict the band (no rounding for decisions, DOMAIN.md §5.1).
 */
export function formatScore(value: number): string {
  let hundredths = Math.round(value * 100)
  for (const t of BAND_THRESHOLDS) if (value < t.min && hundredths >= t.min * 100) hundredths = t.min * 100 - 1
  const sign = hundredths < 0 ? '-' : ''
  const abs = Math.abs(hundredths)
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`
}
