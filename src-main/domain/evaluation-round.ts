/**
 * The provincial evaluation rounds (QĐ 26/2026 Điều 5.1): at least two a year — round 1 before 30/6 for the dossiers
 * the commune proposed before 30/4, round 2 before 30/12 for those proposed before 30/10. Pure, on calendar dates.
 */
export interface ProvincialRound {
  round: 1 | 2
  year: number
  /** The commune's proposal must be made before this day (YYYY-MM-DD). */
  proposeBefore: string
  /** The round is held before this day. */
  heldBefore: string
}

/** The first round a dossier prepared from `day` on can still enter. */
export function nextProvincialRound(day: string): ProvincialRound {
  const year = Number(day.slice(0, 4))
  if (day < `${year}-04-30`) return { round: 1, year, proposeBefore: `${year}-04-30`, heldBefore: `${year}-06-30` }
  if (day < `${year}-10-30`) return { round: 2, year, proposeBefore: `${year}-10-30`, heldBefore: `${year}-12-30` }
  return { round: 1, year: year + 1, proposeBefore: `${year + 1}-04-30`, heldBefore: `${year + 1}-06-30` }
}
