/**
 * The province's periodic OCOP results report (báo cáo kết quả thực hiện Chương trình OCOP, 6-month and yearly):
 * what happened in the period and where the portfolio stands at its end. Pure: the service loads the facts, this
 * counts them, so every figure printed can be re-read from the records it came from.
 */

export interface ResultFact {
  productId: number
  /** Day the council finalized the result (Vietnam date), YYYY-MM-DD. */
  finalizedOn: string
  stars: number | null
  registrationType: 'lan-dau' | 'nang-hang' | 'danh-gia-lai'
}

export interface CertificateFact {
  id: number
  productId: number
  stars: number
  sector: string
  communeName: string
  issuedOn: string
  expiryDate: string
  /** Day of the revocation decision, if revoked. */
  revokedOn: string | null
  /** Day a newer certificate of the same product replaced it (RULES 27a), if replaced. */
  replacedOn?: string | null
  /** Recorded from before the app (no council result behind it). */
  recorded: boolean
}

export interface InspectionFact {
  inspectedOn: string
  kind: 'periodic' | 'ad-hoc'
  outcome: 'no-action' | 'recommendations' | 'revocation-proposed'
  failedItems: readonly string[]
}

export interface Period {
  from: string
  to: string
}

export interface CountRow {
  key: string
  count: number
}

export interface PeriodicReport {
  period: Period
  evaluations: {
    total: number
    byType: Record<ResultFact['registrationType'], number>
    /** Finalized results by stars: '0' for no stars (knockout), '1'…'5'. */
    byStars: CountRow[]
    recognised: number
    proposedFiveStar: number
  }
  certificates: {
    issued: number
    issuedByStars: CountRow[]
    revoked: number
    expired: number
  }
  /** Valid certificates on the last day of the period. */
  portfolio: {
    valid: number
    byStars: CountRow[]
    bySector: CountRow[]
    byCommune: CountRow[]
  }
  inspections: {
    total: number
    adHoc: number
    byOutcome: Record<InspectionFact['outcome'], number>
    failedItems: CountRow[]
  }
}

const within = (day: string, p: Period): boolean => day >= p.from && day <= p.to

/**
 * A certificate is valid on `day` when issued by then, through its expiry date inclusive (domain/certificate.ts), and
 * not revoked by then (a revocation takes effect on the day of its decision).
 */
export function validOn(c: CertificateFact, day: string): boolean {
  return c.issuedOn <= day && c.expiryDate >= day && (c.revokedOn === null || c.revokedOn > day) && (c.replacedOn == null || c.replacedOn > day)
}

function countBy<T>(xs: readonly T[], key: (x: T) => string, order?: readonly string[]): CountRow[] {
  const m = new Map<string, number>()
  for (const k of order ?? []) m.set(k, 0)
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1)
  const rows = [...m.entries()].map(([k, count]) => ({ key: k, count }))
  return order ? rows : rows.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key, 'vi'))
}

export function periodicReport(period: Period, facts: { results: readonly ResultFact[]; certificates: readonly CertificateFact[]; inspections: readonly InspectionFact[] }): PeriodicReport {
  if (period.from > period.to) throw new RangeError('period ends before it starts')
  const results = facts.results.filter((r) => within(r.finalizedOn, period))
  const issued = facts.certificates.filter((c) => within(c.issuedOn, period))
  // Expired in the period: its first day without validity (the day after expiry) falls in it, and no revocation came first.
  const expired = facts.certificates.filter((c) => within(addDay(c.expiryDate), period) && (c.revokedOn === null || c.revokedOn > c.expiryDate) && (c.replacedOn == null || c.replacedOn > c.expiryDate))
  const revoked = facts.certificates.filter((c) => c.revokedOn !== null && within(c.revokedOn, period))
  const valid = facts.certificates.filter((c) => validOn(c, period.to))
  const inspections = facts.inspections.filter((i) => within(i.inspectedOn, period))
  const byOutcome = { 'no-action': 0, recommendations: 0, 'revocation-proposed': 0 }
  for (const i of inspections) byOutcome[i.outcome] += 1
  return {
    period,
    evaluations: {
      total: results.length,
      byType: {
        'lan-dau': results.filter((r) => r.registrationType === 'lan-dau').length,
        'nang-hang': results.filter((r) => r.registrationType === 'nang-hang').length,
        'danh-gia-lai': results.filter((r) => r.registrationType === 'danh-gia-lai').length
      },
      byStars: countBy(results, (r) => String(r.stars ?? 0), ['0', '1', '2', '3', '4', '5']),
      recognised: results.filter((r) => r.stars === 3 || r.stars === 4).length,
      proposedFiveStar: results.filter((r) => r.stars === 5).length
    },
    certificates: {
      issued: issued.length,
      issuedByStars: countBy(issued, (c) => String(c.stars), ['3', '4', '5']),
      revoked: revoked.length,
      expired: expired.length
    },
    portfolio: {
      valid: valid.length,
      byStars: countBy(valid, (c) => String(c.stars), ['3', '4', '5']),
      bySector: countBy(valid, (c) => c.sector),
      byCommune: countBy(valid, (c) => c.communeName)
    },
    inspections: {
      total: inspections.length,
      adHoc: inspections.filter((i) => i.kind === 'ad-hoc').length,
      byOutcome,
      failedItems: countBy(inspections.flatMap((i) => i.failedItems), (x) => x)
    }
  }
}

/** The day after `day` (YYYY-MM-DD), in UTC arithmetic on the calendar date. */
function addDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

/** The standard periods: the first six months (to 30/6) and the whole year. */
export function standardPeriod(year: number, kind: 'h1' | 'year'): Period {
  return { from: `${year}-01-01`, to: kind === 'h1' ? `${year}-06-30` : `${year}-12-31` }
}
