import type { DB } from '../../db/connection'
import { reevaluationWindow, reminderDue } from '../../domain/certificate'
import { memberAnalytics, type RatedResult } from '../../domain/member-analytics'
import type { Dashboard } from '../../shared/api/certificates'
import type { AdminUnits } from '../admin-units-service'
import type { CertificateStore } from './certificate-store'
import { today } from './certificate-store'

/**
 * Figures for the dashboard and the reports. "Recognised" means holding stars now: a valid certificate on the day
 * (its stars — also while the product is back for re-evaluation or upgrade, RULES 27a), or a recognition decided and
 * its certificate not yet issued (status recognised, the product's stars). Rounds count the finalized results of their
 * sessions, whatever happened to the product later.
 */
interface RatingJson {
  countingRound: number | null
  score: { mean: number } | null
  members: Array<{ id: string; name: string; sheets: Array<{ round: number; counted: boolean; total: number }> }>
  warnings: Array<{ kind: string; memberId: string | null }>
}

export function createReportsService(deps: { db: DB; units: AdminUnits; sectorOf: (setId: string) => string; certificates: CertificateStore; now: () => Date }) {
  const { db } = deps
  return {
    dashboard(opts: { asOf?: string | undefined; withinDays: number; reminderLeadDays: number }): Dashboard {
      const asOf = opts.asOf ?? today(deps.now)
      const certs = deps.certificates.all(asOf).filter((c) => c.state === 'valid')
      const held = new Map(certs.map((c) => [c.productId, c.stars]))
      const recognised = (
        db.prepare(`SELECT id, status, stars, set_id, commune_code FROM products WHERE status = 'recognised' OR id IN (SELECT product_id FROM certificates WHERE status = 'valid')`).all() as Array<{
          id: number
          status: string
          stars: number | null
          set_id: string
          commune_code: string
        }>
      ).flatMap((p) => {
        const stars = p.status === 'recognised' && p.stars !== null ? p.stars : held.get(p.id)
        return stars === undefined ? [] : [{ stars, set_id: p.set_id, commune_code: p.commune_code }]
      })
      const count = <T>(xs: readonly T[], key: (x: T) => string, label: (k: string) => string) => {
        const m = new Map<string, number>()
        for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1)
        return [...m.entries()].map(([k, n]) => ({ key: k, label: label(k), count: n }))
      }
      const byStars = [3, 4, 5].map((s) => ({ key: String(s), label: `${s} sao`, count: recognised.filter((p) => p.stars === s).length }))
      const bySector = count(recognised, (p) => deps.sectorOf(p.set_id), (k) => k).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'vi'))
      const byCommune = count(recognised, (p) => p.commune_code, (k) => deps.units.commune(k)?.name ?? k).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'vi'))
      const rounds = db
        .prepare(`SELECT ro.id, ro.name, ro.year, r.stars FROM results r JOIN sessions s ON s.id = r.session_id JOIN rounds ro ON ro.id = s.round_id ORDER BY ro.year, ro.deadline, ro.id`)
        .all() as Array<{ id: number; name: string; year: number; stars: number | null }>
      const byRound = new Map<number, Dashboard['byRound'][number]>()
      for (const r of rounds) {
        const e = byRound.get(r.id) ?? { key: String(r.id), label: r.name.includes(String(r.year)) ? r.name : `${r.name} năm ${r.year}`, star3: 0, star4: 0, star5: 0, notRecognised: 0 }
        if (r.stars === 3) e.star3++
        else if (r.stars === 4) e.star4++
        else if (r.stars === 5) e.star5++
        else e.notRecognised++
        byRound.set(r.id, e)
      }
      const expiring = certs.filter((c) => c.daysLeft <= opts.withinDays).sort((a, b) => a.daysLeft - b.daysLeft)
      const reminders = certs.filter((c) => reminderDue(reevaluationWindow(c.expiryDate, asOf), opts.reminderLeadDays)).sort((a, b) => a.window.closes.localeCompare(b.window.closes))
      const products = (db.prepare('SELECT count(*) FROM products').pluck().get() as number) ?? 0
      return {
        asOf,
        totals: { products, recognised: recognised.length, validCertificates: certs.length, expiring: expiring.length, reminders: reminders.length },
        byStars,
        bySector,
        byCommune,
        byRound: [...byRound.values()],
        expiring,
        reminders
      }
    },
    members() {
      const rows = db.prepare('SELECT s.round_id, r.rating FROM results r JOIN sessions s ON s.id = r.session_id ORDER BY s.id, r.product_id').all() as Array<{ round_id: number; rating: string }>
      const rated: RatedResult[] = rows.map((r) => {
        const j = JSON.parse(r.rating) as RatingJson
        const names = new Map(j.members.map((m) => [m.id, m.name]))
        return {
          roundId: r.round_id,
          mean: j.score?.mean ?? null,
          sheets: j.members.flatMap((m) => m.sheets.filter((s) => s.counted && s.round === j.countingRound).map((s) => ({ memberName: m.name, total: s.total }))),
          decisive: j.warnings.filter((w) => w.kind === 'leave-one-out' && w.memberId !== null).map((w) => names.get(w.memberId!) ?? w.memberId!)
        }
      })
      return memberAnalytics(rated)
    }
  }
}
export type ReportsService = ReturnType<typeof createReportsService>
