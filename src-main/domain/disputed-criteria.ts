/**
 * Which criteria a re-score round should look at first (issue 13 §3): where the members' points spread the most in
 * the previous round. A criterion counts as disputed when its spread (highest minus lowest points given) is positive
 * and at least half of the largest spread of that product; the list is ordered largest spread first, then in sheet
 * order. Pure: the caller passes the criteria and the submitted answers.
 */
export interface DisputeCriterion {
  code: string
  options: ReadonlyArray<{ id: string; points: number }>
}

export function disputedCriteria(criteria: readonly DisputeCriterion[], sheets: ReadonlyArray<Readonly<Record<string, string | null | undefined>>>): string[] {
  if (sheets.length < 2) return []
  const spreads = criteria.map((c, i) => {
    const points = new Map(c.options.map((o) => [o.id, o.points]))
    // An unanswered or "không áp dụng" criterion scores 0, as the engine counts it.
    const pts = sheets.map((s) => points.get(s[c.code] ?? '') ?? 0)
    return { code: c.code, i, spread: Math.max(...pts) - Math.min(...pts) }
  })
  const top = Math.max(0, ...spreads.map((s) => s.spread))
  if (top === 0) return []
  return spreads
    .filter((s) => s.spread > 0 && s.spread * 2 >= top)
    .sort((a, b) => b.spread - a.spread || a.i - b.i)
    .map((s) => s.code)
}
