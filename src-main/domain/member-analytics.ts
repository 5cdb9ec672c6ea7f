/**
 * Per-member analytics over finalized results: how far each member's counted total lies from the council mean,
 * and how often leaving that member's sheet out would change the stars (the rating engine's leave-one-out
 * warnings). Members are matched across sessions by full name, as seats are per session.
 */
export interface RatedResult {
  roundId: number
  mean: number | null
  /** Counted sheets of the counting round. */
  sheets: ReadonlyArray<{ memberName: string; total: number }>
  /** Names of members whose sheet alone decides the stars. */
  decisive: readonly string[]
}

export interface MemberStats {
  name: string
  products: number
  rounds: number
  meanDeviation: number
  meanAbsDeviation: number
  decisive: number
  decisiveShare: number
}

const round2 = (x: number): number => Math.round(x * 100) / 100

export function memberAnalytics(results: readonly RatedResult[]): MemberStats[] {
  const acc = new Map<string, { products: number; rounds: Set<number>; dev: number; abs: number; decisive: number }>()
  const get = (name: string) => {
    let a = acc.get(name)
    if (!a) acc.set(name, (a = { products: 0, rounds: new Set(), dev: 0, abs: 0, decisive: 0 }))
    return a
  }
  for (const r of results) {
    if (r.mean === null) continue
    for (const s of r.sheets) {
      const a = get(s.memberName)
      a.products++
      a.rounds.add(r.roundId)
      a.dev += s.total - r.mean
      a.abs += Math.abs(s.total - r.mean)
    }
    for (const name of r.decisive) get(name).decisive++
  }
  return [...acc.entries()]
    .map(([name, a]) => ({
      name,
      products: a.products,
      rounds: a.rounds.size,
      meanDeviation: a.products ? round2(a.dev / a.products) : 0,
      meanAbsDeviation: a.products ? round2(a.abs / a.products) : 0,
      decisive: a.decisive,
      decisiveShare: a.products ? round2(a.decisive / a.products) : 0
    }))
    .sort((x, y) => y.meanAbsDeviation - x.meanAbsDeviation || x.name.localeCompare(y.name, 'vi'))
}
