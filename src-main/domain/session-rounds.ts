/**
 * Evaluation rounds (đợt) of a year. QĐ 26/2026 Điều 5: the province holds at least two rounds a year, round 1
 * before 30/6 (dossiers proposed before 30/4) and round 2 before 30/12 (proposed before 30/10). Missing ones are
 * warnings: the office plans the year gradually.
 */
export interface RoundLike {
  year: number
  deadline: string
}

export function yearWarnings(rounds: readonly RoundLike[], years: readonly number[]): Array<{ year: number; message: string }> {
  const out: Array<{ year: number; message: string }> = []
  for (const year of [...new Set(years)].sort()) {
    const ofYear = rounds.filter((r) => r.year === year)
    const first = ofYear.some((r) => r.deadline <= `${year}-06-30`)
    const second = ofYear.some((r) => r.deadline > `${year}-06-30` && r.deadline <= `${year}-12-30`)
    if (!first) out.push({ year, message: `Năm ${year} chưa có đợt đánh giá kết thúc trước 30/6 (Điều 5 QĐ 26/2026: ít nhất 2 đợt mỗi năm)` })
    if (!second) out.push({ year, message: `Năm ${year} chưa có đợt đánh giá kết thúc trước 30/12 (Điều 5 QĐ 26/2026: ít nhất 2 đợt mỗi năm)` })
  }
  return out
}

/** A round's deadline lies in its own year; a deadline after 30/12 misses the second statutory round. */
export function deadlineError(year: number, deadline: string): string | null {
  if (!deadline.startsWith(`${year}-`)) return `Hạn của đợt phải trong năm ${year}`
  return null
}
