/** A stored day (YYYY-MM-DD) as printed in Vietnamese, dd/mm/yyyy; '—' when there is none. */
export function showDay(day: string | null | undefined): string {
  if (!day) return '—'
  const [y, m, d] = day.split('-')
  return `${d}/${m}/${y}`
}
